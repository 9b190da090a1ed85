namespace ChiBo.Members;

/// <summary>
/// Miễn công tác và sinh hoạt đảng (DOMAIN.md §4): the cell decides, for age (tuổi cao) or health
/// (sức khỏe yếu, ốm đau dài ngày), on the member's request. Source: Điều lệ Đảng, Điều 7 and
/// Quy định 24-QĐ/TW (30/7/2021) thi hành Điều lệ Đảng, on miễn công tác và sinh hoạt đảng; the
/// review period below is this register's default (the regulation leaves it to the cell), kept
/// here so a province can change it in one place.
/// </summary>
public static class ExemptionPolicy
{
    public const string Source = "Điều lệ Đảng, Điều 7; Quy định 24-QĐ/TW ngày 30/7/2021 thi hành Điều lệ Đảng";

    /// <summary>An exemption for health is reviewed within this many months (the member may have recovered).</summary>
    public const int HealthReviewWithinMonths = 12;

    /// <summary>Rules of an exemption: a health exemption has a review date, any review date lies after the start.</summary>
    public static IEnumerable<IRule> Check(ExemptionGround? ground, DateOnly from, DateOnly? reviewOn)
    {
        yield return new HealthExemptionHasAReviewDate(ground, reviewOn);
        yield return new ReviewDateIsAfterTheExemption(from, reviewOn);
        yield return new HealthReviewIsWithinAYear(ground, from, reviewOn);
    }

    /// <summary>The event's details: "Lý do: Sức khỏe · Xem xét lại: 30/06/2027".</summary>
    public static string? Describe(ExemptionGround? ground, DateOnly? reviewOn)
    {
        var parts = new List<string>();
        if (ground is { } g)
        {
            parts.Add("Lý do: " + NameOf(g));
        }

        if (reviewOn is { } r)
        {
            parts.Add("Xem xét lại: " + Rules.Date(r));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public static string NameOf(ExemptionGround ground) => ground switch
    {
        ExemptionGround.Age => "Tuổi cao",
        ExemptionGround.Health => "Sức khỏe yếu",
        _ => ground.ToString(),
    };
}

public sealed record HealthExemptionHasAReviewDate(ExemptionGround? Ground, DateOnly? ReviewOn) : IRule
{
    public string Field => "ReviewOn";

    public string Message => "Miễn sinh hoạt vì sức khỏe cần có ngày xem xét lại.";

    public bool IsBroken() => Ground == ExemptionGround.Health && ReviewOn is null;
}

public sealed record ReviewDateIsAfterTheExemption(DateOnly From, DateOnly? ReviewOn) : IRule
{
    public string Field => "ReviewOn";

    public string Message => $"Ngày xem xét lại ({Rules.Date(ReviewOn ?? From)}) phải sau ngày bắt đầu miễn sinh hoạt ({Rules.Date(From)}).";

    public bool IsBroken() => ReviewOn is { } r && r <= From;
}

public sealed record HealthReviewIsWithinAYear(ExemptionGround? Ground, DateOnly From, DateOnly? ReviewOn) : IRule
{
    public string Field => "ReviewOn";

    public string Message =>
        $"Miễn sinh hoạt vì sức khỏe được xem xét lại trong vòng {ExemptionPolicy.HealthReviewWithinMonths} tháng (chậm nhất ngày {Rules.Date(From.AddMonths(ExemptionPolicy.HealthReviewWithinMonths))}).";

    public bool IsBroken() => Ground == ExemptionGround.Health && ReviewOn is { } r && r > From.AddMonths(ExemptionPolicy.HealthReviewWithinMonths);
}

/// <summary>A khai trừ is lifted after it was decided, not before.</summary>
public sealed record ReinstatementAfterExpulsion(DateOnly Date, DateOnly ExpelledOn) : IRule
{
    public string Field => "Date";

    public string Message => $"Ngày khôi phục đảng tịch ({Rules.Date(Date)}) trước ngày khai trừ ({Rules.Date(ExpelledOn)}).";

    public bool IsBroken() => Date < ExpelledOn;
}
