using System.Globalization;
using ChiBo.Ratings;

namespace ChiBo.Web.Ratings;

/// <summary>How the rating pages write the codes of <see cref="RatingView"/>: levels, reasons, states, scores.</summary>
public static class RatingLabels
{
    /// <summary>A level's code (HTTNV) or a reason's key (newMember) as the pages name it; "–" for nothing.</summary>
    public static string Outcome(string? level, string? notRated) =>
        level is not null ? RatingNames.ParseCode(level) is { } l ? RatingNames.Of(l) : level
        : notRated is not null ? "Không xếp loại: " + (RatingNames.ParseReason(notRated) is { } r ? RatingNames.Of(r).ToLower(VietnameseFormats.Culture) : notRated)
        : "–";

    public static string State(string state) => state switch
    {
        nameof(RatingState.Pending) => "Chưa đánh giá",
        nameof(RatingState.SelfAssessed) => "Đã tự đánh giá",
        nameof(RatingState.Proposed) => "Đã đề xuất",
        nameof(RatingState.Decided) => "Đã quyết định",
        nameof(RatingState.Published) => "Đã công khai",
        _ => state,
    };

    public static bool IsDecided(RatingView? r) => r is { State: nameof(RatingState.Decided) or nameof(RatingState.Published) };

    /// <summary>85,5 điểm.</summary>
    public static string Score(decimal? score) => score is { } s ? s.ToString("0.##", VietnameseFormats.Culture) + " điểm" : "";

    /// <summary>A score as an input carries it (85.5).</summary>
    public static string ScoreInput(decimal? score) => score is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>The value of the form's one choice for a rating's outcome (a level's code, or "kxl:" and a reason's key).</summary>
    public static string Choice(string? level, string? notRated) =>
        level ?? (notRated is null ? "" : Pages.Ratings.DeskModel.NotRatedPrefix + notRated);

    /// <summary>A share of a series as vi-VN writes it (96,58 %), "–" when no one was rated.</summary>
    public static string Share(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.00", VietnameseFormats.Culture) + " %" : "–";

    public static string SeriesName(string key) => key switch
    {
        "organizations" => "Tổ chức cơ sở đảng",
        "cells" => "Chi bộ trực thuộc đảng ủy cơ sở",
        _ => "Đảng viên",
    };

    public static readonly IReadOnlyList<RatingLevel> Levels = Enum.GetValues<RatingLevel>();
}
