namespace ChiBo.Members;

/// <summary>
/// Party age (tuổi đảng) and the Party badge (Huy hiệu Đảng) *(configurable)*. Sources: Quy định
/// 24-QĐ/TW (2021) point 4 (party age counts from the admission date minus the time out of the
/// Party, for a member readmitted after leaving); Hướng dẫn 01-HD/TW (2021) point 18 (milestones,
/// ceremony days, early award); DOMAIN.md §4.
/// </summary>
public static class PartyAgePolicy
{
    /// <summary>Huy hiệu 30, 40, 45 … 90 năm tuổi Đảng.</summary>
    public static readonly IReadOnlyList<int> Milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

    /// <summary>Badges are presented on 3/2, 19/5, 2/9 and 7/11.</summary>
    public static readonly IReadOnlyList<(int Month, int Day)> CeremonyDays = [(2, 3), (5, 19), (9, 2), (11, 7)];

    /// <summary>A seriously ill member may receive the badge early: up to 12 months for 30–65 years, 24 months for 70–90.</summary>
    public static int EarlyMonths(int milestone) => milestone <= 65 ? 12 : 24;

    /// <summary>
    /// A member who died at most this many months before reaching a milestone (or after reaching it
    /// without the badge) is awarded it posthumously (truy tặng; Hướng dẫn 01-HD/TW point 18, DOMAIN.md §4).
    /// </summary>
    public const int PosthumousEarlyMonths = 12;

    /// <summary>Whether a member who died on <paramref name="diedOn"/> may be awarded the milestone reached on <paramref name="reachesOn"/>.</summary>
    public static bool MayAwardPosthumously(DateOnly reachesOn, DateOnly diedOn) => reachesOn.AddMonths(-PosthumousEarlyMonths) <= diedOn;

    /// <summary>Events that take a member out of the Party; a later return (kết nạp lại) ends the interruption.</summary>
    public static readonly IReadOnlyList<MemberEventKind> Leaving = [MemberEventKind.StruckOff, MemberEventKind.Removed, MemberEventKind.Expelled];

    /// <summary>Events that bring a member back after leaving.</summary>
    public static readonly IReadOnlyList<MemberEventKind> Returning = [MemberEventKind.Admitted, MemberEventKind.TransferredIn, MemberEventKind.Registered];

    public static bool IsCeremonyDay(DateOnly d) => CeremonyDays.Contains((d.Month, d.Day));

    /// <summary>
    /// Stretches out of the Party [left, returned) from a member's timeline. A transfer to another
    /// province is not one (the member stays in the Party); a member still out has an open stretch.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Interruptions(IEnumerable<(MemberEventKind Kind, DateOnly Date)> events)
    {
        var result = new List<(DateOnly, DateOnly)>();
        DateOnly? left = null;
        foreach (var (kind, date) in events.OrderBy(e => e.Date))
        {
            if (left is null && Leaving.Contains(kind))
            {
                left = date;
            }
            else if (left is { } l && Returning.Contains(kind))
            {
                result.Add((l, date));
                left = null;
            }
        }

        if (left is { } open)
        {
            result.Add((open, Dates.OpenEnd));
        }

        return result;
    }

    /// <summary>Days out of the Party before <paramref name="on"/>.</summary>
    public static int DaysOut(IReadOnlyList<(DateOnly From, DateOnly To)> interruptions, DateOnly on) =>
        interruptions.Where(i => i.From < on).Sum(i => (i.To < on ? i.To : on).DayNumber - i.From.DayNumber);

    /// <summary>Completed years of party age on <paramref name="on"/>.</summary>
    public static int PartyAgeOn(DateOnly admittedOn, IReadOnlyList<(DateOnly From, DateOnly To)> interruptions, DateOnly on) =>
        on < admittedOn ? 0 : Dates.AgeOn(admittedOn, on.AddDays(-DaysOut(interruptions, on)));

    /// <summary>
    /// The day the member reaches <paramref name="years"/> of party age, or null while out of the
    /// Party at that point: admission + years, pushed on by every interruption begun before it.
    /// </summary>
    public static DateOnly? ReachesOn(DateOnly admittedOn, IReadOnlyList<(DateOnly From, DateOnly To)> interruptions, int years)
    {
        var d = admittedOn.AddYears(years);
        foreach (var (from, to) in interruptions.OrderBy(i => i.From))
        {
            if (from >= d)
            {
                break;
            }

            if (to == Dates.OpenEnd)
            {
                return null;
            }

            d = d.AddDays(to.DayNumber - from.DayNumber);
        }

        return d;
    }

    /// <summary>The earliest day the badge may be given to a seriously ill member.</summary>
    public static DateOnly EarliestEarlyAward(DateOnly reachesOn, int milestone) => reachesOn.AddMonths(-EarlyMonths(milestone));

    /// <summary>The first ceremony day on or after <paramref name="d"/>.</summary>
    public static DateOnly NextCeremony(DateOnly d)
    {
        for (var year = d.Year; ; year++)
        {
            foreach (var (month, day) in CeremonyDays)
            {
                var c = new DateOnly(year, month, day);
                if (c >= d)
                {
                    return c;
                }
            }
        }
    }
}
