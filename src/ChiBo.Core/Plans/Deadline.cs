using System.Globalization;
using System.Text.RegularExpressions;
using ChiBo.Text;

namespace ChiBo.Plans;

/// <summary>The kinds of "thời gian thực hiện/hoàn thành" found in the seeds (PLAN-SPEC §3.3).</summary>
public enum DeadlineKind
{
    /// <summary>No deadline given.</summary>
    None = 0,

    /// <summary>A day: "2026-06-15", "trước 15/6/2026".</summary>
    Date = 1,

    /// <summary>Within a month: "06/2026", "trong tháng 12/2022".</summary>
    Month = 2,

    /// <summary>A quarter: "Q1/2026", "Quý I/2026".</summary>
    Quarter = 3,

    /// <summary>A year: "2026", "Năm 2026".</summary>
    Year = 4,

    /// <summary>Every year, optionally by a day: "yearly", "Thường xuyên hàng năm", "trước ngày 30/12 hằng năm".</summary>
    Yearly = 5,

    /// <summary>Continuous: "continuous", "Thường xuyên" (reviewed on a cadence).</summary>
    Continuous = 6,

    /// <summary>A list of milestones: "Sơ kết 2028; tổng kết 2030".</summary>
    Milestones = 7,

    /// <summary>A phase: "Giai đoạn 2026 - 2028" (due at its end).</summary>
    Phase = 8,

    /// <summary>On central guidance: "Theo văn bản của trung ương" (reviewed on a cadence).</summary>
    OnGuidance = 9,

    /// <summary>"Khẩn trương": due a set number of days after the plan is issued.</summary>
    Urgent = 10,

    /// <summary>Free text the register cannot place in time (reviewed on a cadence).</summary>
    Text = 11,
}

/// <summary>Settings of task deadlines and reminders that no regulation fixes exactly.</summary>
public sealed record PlanTaskPolicy(int ReviewMonths, int UrgentDays, int RemindDaysBefore)
{
    /// <summary>
    /// Continuous, on-guidance and free-text tasks are reviewed yearly, as the plan's owner reports on
    /// it yearly ("định kỳ hằng năm … báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện Đề án", 000:231;
    /// the direct committees likewise, 000:247). "Khẩn trương" (001:22) gets 30 days. Reminders go out
    /// 7 days before a due date and once when it has passed.
    /// </summary>
    public static readonly PlanTaskPolicy Default = new(12, 30, 7);
}

/// <summary>
/// A task's deadline as the plan words it, read into a kind and the dates it means. Each occurrence
/// resolves to a due date where the wording gives one: the last day of the month, quarter or year
/// named; a yearly task on 31/12 (or its day) of every year; each milestone at the end of its year.
/// A date "trước ngày D" counts D itself as in time.
/// </summary>
public sealed partial record Deadline(
    DeadlineKind Kind, string Text, DateOnly? Due, int? YearlyMonth, int? YearlyDay, IReadOnlyList<int> MilestoneYears)
{
    public static readonly Deadline None = new(DeadlineKind.None, "", null, null, null, []);

    /// <summary>Yearly and milestone tasks are reported on per year (<see cref="PlanTaskReport.Year"/>).</summary>
    public bool PerYear => Kind is DeadlineKind.Yearly or DeadlineKind.Milestones;

    /// <summary>Kinds with no date, reviewed every <see cref="PlanTaskPolicy.ReviewMonths"/>.</summary>
    public bool Reviewed => Kind is DeadlineKind.Continuous or DeadlineKind.OnGuidance or DeadlineKind.Text or DeadlineKind.None;

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(\d{1,2})/(\d{1,2})/(\d{4})")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})/(\d{1,2})(?![\d/])")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?:q|quy)\s*(i{1,3}|iv|[1-4])\s*/\s*(\d{4})$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(?:(?:trong\s+)?thang\s+)?(\d{1,2})\s*/\s*(\d{4})$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^(?:nam\s+)?(\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:giai doan\s+)?(\d{4})\s*-\s*(\d{4})")]
    private static partial Regex Phase();

    [GeneratedRegex(@"(?<!\d)(\d{4})(?!\d)")]
    private static partial Regex AnyYear();

    /// <summary>Reads any wording; what it cannot place in time is <see cref="DeadlineKind.Text"/>.</summary>
    public static Deadline Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var clean = VietnameseText.Clean(text);
        var f = VietnameseText.Fold(clean).Trim().TrimEnd('.');
        if (Iso().Match(f) is { Success: true } iso && TryDate(iso.Groups[3].Value, iso.Groups[2].Value, iso.Groups[1].Value) is { } isoDate)
        {
            return Make(DeadlineKind.Date, clean, isoDate);
        }

        if (f == "yearly" || f.Contains("hang nam", StringComparison.Ordinal))
        {
            // "trước ngày 30/12 hằng năm": every year by that day.
            if (DayMonth().Match(f) is { Success: true } dm
                && int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture) is var day and >= 1 and <= 31
                && int.Parse(dm.Groups[2].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12)
            {
                return new Deadline(DeadlineKind.Yearly, clean, null, month, day, []);
            }

            return new Deadline(DeadlineKind.Yearly, clean, null, 12, 31, []);
        }

        if (f == "continuous")
        {
            return Make(DeadlineKind.Continuous, clean, null);
        }

        if (f.Contains(';', StringComparison.Ordinal))
        {
            var parts = f.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var years = parts.Select(p => AnyYear().Matches(p)).ToList();
            if (parts.Length > 1 && years.All(m => m.Count == 1))
            {
                return new Deadline(DeadlineKind.Milestones, clean, null, null, null,
                    years.Select(m => int.Parse(m[0].Value, CultureInfo.InvariantCulture)).Order().ToList());
            }
        }

        if (Phase().Match(f) is { Success: true } phase && (f.StartsWith("giai doan", StringComparison.Ordinal) || phase.Value == f))
        {
            var last = int.Parse(phase.Groups[2].Value, CultureInfo.InvariantCulture);
            return Make(DeadlineKind.Phase, clean, new DateOnly(last, 12, 31));
        }

        if (Quarter().Match(f) is { Success: true } q)
        {
            var n = q.Groups[1].Value switch
            {
                "i" or "1" => 1,
                "ii" or "2" => 2,
                "iii" or "3" => 3,
                _ => 4,
            };
            var year = int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture);
            return Make(DeadlineKind.Quarter, clean, new DateOnly(year, n * 3, 1).AddMonths(1).AddDays(-1));
        }

        if (DayMonthYear().Match(f) is { Success: true } dmy && TryDate(dmy.Groups[1].Value, dmy.Groups[2].Value, dmy.Groups[3].Value) is { } date)
        {
            return Make(DeadlineKind.Date, clean, date);
        }

        if (Month().Match(f) is { Success: true } mo)
        {
            var month = int.Parse(mo.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(mo.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12)
            {
                return Make(DeadlineKind.Month, clean, new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
            }
        }

        if (Year().Match(f) is { Success: true } y)
        {
            return Make(DeadlineKind.Year, clean, new DateOnly(int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture), 12, 31));
        }

        // "Thường xuyên và theo chỉ đạo, hướng dẫn của Trung ương" (000:282) is continuous first.
        if (f.StartsWith("thuong xuyen", StringComparison.Ordinal))
        {
            return Make(DeadlineKind.Continuous, clean, null);
        }

        if (f.Contains("theo van ban", StringComparison.Ordinal) || f.Contains("theo chi dao", StringComparison.Ordinal)
            || f.Contains("theo huong dan", StringComparison.Ordinal))
        {
            return Make(DeadlineKind.OnGuidance, clean, null);
        }

        return f.Contains("khan truong", StringComparison.Ordinal) ? Make(DeadlineKind.Urgent, clean, null) : Make(DeadlineKind.Text, clean, null);
    }

    private static Deadline Make(DeadlineKind kind, string text, DateOnly? due) => new(kind, text, due, null, null, []);

    private static DateOnly? TryDate(string day, string month, string year) =>
        DateOnly.TryParseExact(
            string.Create(CultureInfo.InvariantCulture, $"{int.Parse(year, CultureInfo.InvariantCulture):0000}-{int.Parse(month, CultureInfo.InvariantCulture):00}-{int.Parse(day, CultureInfo.InvariantCulture):00}"),
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>
    /// The due date of the occurrence that concerns <paramref name="year"/>: a one-off task's only
    /// date; a yearly task's date in that year; the milestone of that year, else the next one; for
    /// an urgent task, <paramref name="issued"/> plus the policy's days. Null for the reviewed kinds.
    /// </summary>
    public DateOnly? DueFor(int year, DateOnly issued, PlanTaskPolicy policy)
    {
        switch (Kind)
        {
            case DeadlineKind.Yearly:
                var month = YearlyMonth ?? 12;
                var day = Math.Min(YearlyDay ?? 31, DateTime.DaysInMonth(year, month));
                return new DateOnly(year, month, day);
            case DeadlineKind.Milestones:
                var at = MilestoneYears.Where(y => y >= year).Select(y => (int?)y).FirstOrDefault() ?? MilestoneYears[^1];
                return new DateOnly(at, 12, 31);
            case DeadlineKind.Urgent:
                return issued.AddDays(policy.UrgentDays);
            default:
                return Due;
        }
    }

    /// <summary>The year a per-year report is about for <paramref name="year"/>: the year itself, or the milestone due then.</summary>
    public int? OccurrenceYear(int year) => Kind switch
    {
        DeadlineKind.Yearly => year,
        DeadlineKind.Milestones => MilestoneYears.Where(y => y >= year).Select(y => (int?)y).FirstOrDefault() ?? MilestoneYears[^1],
        _ => null,
    };
}
