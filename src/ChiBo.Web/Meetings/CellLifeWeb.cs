using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Meetings;

/// <summary>What the cell-life pages and endpoints share: finding a cell or a meeting inside the caller's subtree, words, formats.</summary>
public static class CellLifeWeb
{
    /// <summary>The cell (chi bộ cơ sở or trực thuộc) with that code inside the caller's subtree for the operation; null otherwise ("not found").</summary>
    public static async Task<Organization?> FindCellAsync(HttpContext http, ChiBoDb db, string? code, string operation)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var lookup = await OrgTree.FindAsync(db, await http.SubtreeAsync(operation), code, http.RequestAborted);
        return lookup.Organization is { } org && org.Kind.HoldsMembers() ? org : null;
    }

    /// <summary>
    /// The cell of a cell-life page with its year (?year=, this year when absent); null, and the
    /// status 404, when the cell is not in the caller's subtree or the year is not a year.
    /// </summary>
    public static async Task<(Organization Cell, int Year)?> FindCellYearAsync(HttpContext http, ChiBoDb db, string? code, string? year, DateOnly today)
    {
        if (await FindCellAsync(http, db, code, Operation.MembersRead) is not { } cell || Year(year, today) is not { } y)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        return (cell, y);
    }

    /// <summary>A meeting whose cell lies inside the caller's subtree for the operation, with that cell; null otherwise.</summary>
    public static async Task<(Meeting Meeting, Organization Cell)?> FindMeetingAsync(HttpContext http, ChiBoDb db, long id, string operation)
    {
        var ct = http.RequestAborted;
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }

        var cell = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == meeting.CellId, ct);
        return OrgTree.InScope(await http.SubtreeAsync(operation), cell) ? (meeting, cell) : null;
    }

    /// <summary>Whether the caller may act on this cell's life (schedule, roll call, minutes, rating, tasks).</summary>
    public static Task<bool> CanWriteAsync(HttpContext http, Organization cell) =>
        http.CanAsync(Operation.MeetingsWrite, Subtree.Of(cell));

    /// <summary>"2025" from the query, the current year when absent; null when it is not a year.</summary>
    public static int? Year(string? text, DateOnly today) =>
        string.IsNullOrWhiteSpace(text) ? today.Year
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1930 and <= 9998 ? y
        : null;

    /// <summary>dd/MM/yyyy from a form field; null when empty or not a date.</summary>
    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return DateOnly.TryParseExact(t, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    public static string Label(MeetingKind kind) => kind == MeetingKind.Thematic ? "Sinh hoạt chuyên đề" : "Sinh hoạt thường kỳ";

    public static string Label(MeetingStatus status) => status switch
    {
        MeetingStatus.Scheduled => "Đã lên lịch",
        MeetingStatus.Held => "Đã họp",
        MeetingStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Label(Presence presence) => presence switch
    {
        Presence.Present => "Có mặt",
        Presence.Excused => "Vắng có lý do",
        Presence.Unexcused => "Vắng không lý do",
        _ => presence.ToString(),
    };

    public static string Label(MemberTaskStatus status) => status switch
    {
        MemberTaskStatus.Assigned => "Đang thực hiện",
        MemberTaskStatus.Completed => "Hoàn thành",
        MemberTaskStatus.NotCompleted => "Không hoàn thành",
        _ => status.ToString(),
    };

    /// <summary>"Tốt", "Khá"… or "Chưa xếp loại".</summary>
    public static string Label(MeetingRating? rating) => rating is { } r ? MeetingQualityPolicy.Label(r) : "Chưa xếp loại";

    /// <summary>A fraction 0–1 as "35,76 %" (vi-VN), or "–" when there is nothing to divide.</summary>
    public static string Share(decimal fraction, bool any = true) =>
        any ? (fraction * 100m).ToString("0.00", VietnameseFormats.Culture) + " %" : "–";

    /// <summary>A score such as 87,50.</summary>
    public static string Score(decimal score) => score.ToString("0.##", VietnameseFormats.Culture);

    /// <summary>"chuan-bi=9;noi-dung=8" back into scores by criterion.</summary>
    public static IReadOnlyDictionary<string, int> Scores(string? details)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in (details ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(part[(eq + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                scores[part[..eq]] = v;
            }
        }

        return scores;
    }
}
