namespace ChiBo;

/// <summary>
/// Deadlines of Party procedures count working days (ngày làm việc). Saturdays and Sundays are
/// skipped; public holidays are not (no holiday calendar yet), so a deadline is flagged a few days
/// early around Tết rather than late.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day on which <paramref name="days"/> working days after <paramref name="start"/> have passed.</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        var d = start;
        for (var n = 0; n < days;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return d;
    }

    /// <summary>
    /// The earliest start whose deadline of <paramref name="days"/> working days has not passed on
    /// <paramref name="today"/>: a step begun before it is overdue (its due day is before today).
    /// One date per step keeps the overdue queries a plain indexed comparison in SQL.
    /// </summary>
    public static DateOnly OverdueBefore(DateOnly today, int days)
    {
        var start = today;
        while (Add(start.AddDays(-1), days) >= today)
        {
            start = start.AddDays(-1);
        }

        return start;
    }
}
