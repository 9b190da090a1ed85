using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>An indicator with its plan and its expressions parsed once.</summary>
/// <param name="Sensitive">
/// Whether the caller may see the sensitive dimensions (ethnicity, religion) on the subtree: without
/// Members.ReadSensitive a measure counting them is "missing" and never computed, as the member
/// structure report leaves them out.
/// </param>
internal sealed record LoadedIndicator(PlanIndicator Indicator, Plan Plan, MeasureExpression? Numerator, MeasureExpression? Denominator, bool Sensitive)
{
    /// <summary>A share (divided) rather than a count: its target cascades to the units below.</summary>
    public bool IsRatio => Numerator is null ? Indicator.Factor != 1 : Denominator is not null;

    /// <summary>A count of events that only grows over its window, held to a pro-rated target while the window runs.</summary>
    public bool Growing => !Indicator.Manual && Denominator is null && Numerator is not null
                           && Indicator.Operator is ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual
                           && Numerator.Terms.All(t => t.Sign > 0 && MeasureCatalogue.FamilyOf(t.Measure)?.TimingOf(t.Measure) == MeasureTiming.Events);

    public bool InForce(int year) => Indicator.FromYear <= year && year <= Indicator.ToYear;

    public IEnumerable<MeasureTerm> Terms => (Numerator?.Terms ?? []).Concat(Denominator?.Terms ?? []);

    /// <summary>The measures of the expressions with the window each is read over.</summary>
    public IEnumerable<(string Name, MeasureWindow Window)> Wanted(EvalWindow w) => Indicator.Manual || w.NotDue || Missing is not null
        ? []
        : Terms.Select(t => (t.Measure, WindowOf(t, w)));

    public static MeasureWindow WindowOf(MeasureTerm term, EvalWindow w) =>
        term.AtStart ? new MeasureWindow(w.Window.From.AddDays(-1), w.Window.From.AddDays(-1)) : w.Window;

    public string? Missing => Indicator.Manual ? null : Terms.Select(t => MeasureCatalogue.Missing(t.Measure, Sensitive)).FirstOrDefault(m => m is not null);

    /// <summary>
    /// The window of a year: a yearly indicator reads the year up to today; a term indicator reads
    /// from the term's start (the plan's start, or 1 January of its first year, whichever is later)
    /// to the end of the year, up to today. A year not begun is not due.
    /// </summary>
    public EvalWindow WindowFor(int year, DateOnly today)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        DateOnly from, end;
        if (Indicator.Period == IndicatorPeriod.Term)
        {
            from = Max(Plan.From, new DateOnly(Indicator.FromYear, 1, 1));
            end = Min(Plan.To, new DateOnly(Indicator.ToYear, 12, 31));
        }
        else
        {
            (from, end) = (yearStart, yearEnd);
        }

        var to = Min(Min(yearEnd, end), today);
        if (yearStart > today || from > to)
        {
            return new EvalWindow(new MeasureWindow(from, from), false, 0, 1, true);
        }

        var ended = today > end && yearEnd >= end;
        return new EvalWindow(new MeasureWindow(from, to), ended, to.DayNumber - from.DayNumber + 1, end.DayNumber - from.DayNumber + 1, false);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

internal readonly record struct EvalWindow(MeasureWindow Window, bool Ended, long Elapsed, long Total, bool NotDue);

/// <summary>One indicator evaluated for one unit and year.</summary>
public sealed record IndicatorResult(
    IndicatorStatus Status, long? Numerator, long? Denominator, decimal? Value, IndicatorTarget? Target, string? Missing, decimal? Gap, string? Source);

/// <summary>
/// Evaluates the indicators of the plans in force for an organization: loads the plans, their
/// indicators, allocations and manual entries once; runs every measure once per family and window
/// (<see cref="MeasureEngine"/>); then computes each indicator for the organization and, for the
/// dashboard, for each unit one level down, from the same counts.
/// </summary>
internal sealed class PlanEvaluation
{
    private readonly Dictionary<(int Indicator, int Org, int? Year), IndicatorAllocation> _allocations;
    private readonly Dictionary<(int Indicator, int Org, int Year), IndicatorEntry> _entries;

    private PlanEvaluation(Organization org, IReadOnlyList<Plan> plans, IReadOnlyList<LoadedIndicator> indicators,
        Dictionary<(int, int, int?), IndicatorAllocation> allocations, Dictionary<(int, int, int), IndicatorEntry> entries)
    {
        Org = org;
        Plans = plans;
        Indicators = indicators;
        _allocations = allocations;
        _entries = entries;
    }

    public Organization Org { get; }
    public IReadOnlyList<Plan> Plans { get; }

    /// <summary>Every indicator of the plans (the caller filters by year and level).</summary>
    public IReadOnlyList<LoadedIndicator> Indicators { get; }

    public static IndicatorLevels LevelOf(OrgKind kind) => kind switch
    {
        OrgKind.Province => IndicatorLevels.Province,
        OrgKind.SuperiorToBase => IndicatorLevels.Superior,
        OrgKind.BaseCommittee => IndicatorLevels.Base,
        OrgKind.BaseCell => IndicatorLevels.Base | IndicatorLevels.Cell,
        OrgKind.SectionCommittee => IndicatorLevels.Section,
        _ => IndicatorLevels.Cell,
    };

    /// <summary>Whether an indicator is shown for an organization of this kind.</summary>
    public static bool AppliesTo(PlanIndicator indicator, OrgKind kind) =>
        indicator.Levels == IndicatorLevels.None || (indicator.Levels & LevelOf(kind)) != 0;

    /// <summary>Plans issued for the organization or one above it whose period touches the years.</summary>
    /// <param name="entriesFrom">The first year of manual entries to load (a dashboard's trend reaches back before the year).</param>
    public static async Task<PlanEvaluation> LoadAsync(
        ChiBoDb db, OrgScope caller, Organization org, int fromYear, int toYear, IReadOnlyCollection<int> orgIds, CancellationToken ct, int? entriesFrom = null)
    {
        var sensitive = caller.Can(Operation.MembersReadSensitive, Subtree.Of(org));
        var chain = Subtree.Ids(org.Path);
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear, 12, 31);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.ProvinceId == org.ProvinceId && chain.Contains(p.OrganizationId) && p.From <= end && p.To >= start)
            .ToListAsync(ct);
        plans = plans.OrderBy(p => Array.IndexOf(chain, p.OrganizationId)).ThenBy(p => p.From).ThenBy(p => p.Id).ToList();
        var planIds = plans.Select(p => p.Id).ToList();
        var rows = await db.PlanIndicators.AsNoTracking().Where(i => planIds.Contains(i.PlanId)).ToListAsync(ct);
        var byId = plans.ToDictionary(p => p.Id);
        var indicators = rows
            .OrderBy(i => planIds.IndexOf(i.PlanId)).ThenBy(i => i.Order)
            .Select(i => new LoadedIndicator(i, byId[i.PlanId],
                i.Numerator is null ? null : MeasureExpression.Parse(i.Numerator),
                i.Denominator is null ? null : MeasureExpression.Parse(i.Denominator), sensitive))
            .ToList();
        var ids = rows.Select(i => i.Id).ToList();
        var allocations = await db.IndicatorAllocations.AsNoTracking().Where(a => ids.Contains(a.IndicatorId)).ToListAsync(ct);
        var manualIds = rows.Where(i => i.Manual).Select(i => i.Id).ToList();
        var orgs = orgIds.ToList();
        var entries = manualIds.Count == 0
            ? []
            : await db.IndicatorEntries.AsNoTracking()
                .Where(e => manualIds.Contains(e.IndicatorId) && orgs.Contains(e.OrganizationId) && e.Year >= (entriesFrom ?? fromYear) && e.Year <= toYear)
                .ToListAsync(ct);
        return new PlanEvaluation(org, plans, indicators,
            allocations.ToDictionary(a => (a.IndicatorId, a.OrganizationId, a.Year)),
            entries.ToDictionary(e => (e.IndicatorId, e.OrganizationId, e.Year)));
    }

    /// <summary>
    /// The target of an indicator for a unit in a year: the unit's own allocation (for the year, else
    /// for every year); at the plan's organization the plan's own target; a share inherits the
    /// nearest allocation above the unit (DHIS2's cascading targets); a count has none unless allocated.
    /// </summary>
    public IndicatorTarget? TargetFor(LoadedIndicator li, IReadOnlyList<int> chain, int year)
    {
        var i = li.Indicator;
        IndicatorTarget Of(IndicatorAllocation a) => new(i.Operator, a.Target, a.TargetHigh, i.AtRisk, i.AtRiskHigh, i.Direction);
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            var org = chain[k];
            if (_allocations.TryGetValue((i.Id, org, year), out var a) || _allocations.TryGetValue((i.Id, org, null), out a))
            {
                return Of(a);
            }

            if (org == li.Plan.OrganizationId)
            {
                return PlanQueries.Target(i);
            }

            if (!li.IsRatio)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The indicator for one unit: its value from the counts (<paramref name="count"/> reads a measure
    /// over a window for that unit) or its manual entry, its target, its status.
    /// </summary>
    public IndicatorResult Evaluate(
        LoadedIndicator li, EvalWindow w, int orgId, IReadOnlyList<int> chain, int year, Func<string, MeasureWindow, long> count, IndicatorStatusPolicy policy)
    {
        var target = TargetFor(li, chain, year);
        if (w.NotDue)
        {
            return new IndicatorResult(IndicatorStatus.NotDue, null, null, null, target, null, null, null);
        }

        long numerator;
        long denominator = 1;
        string? source = null;
        if (li.Indicator.Manual)
        {
            if (!_entries.TryGetValue((li.Indicator.Id, orgId, year), out var entry))
            {
                return new IndicatorResult(IndicatorStatus.NoData, null, null, null, target,
                    $"manual: chưa nhập số liệu năm {year} (chỉ tiêu nhập tay)", null, null);
            }

            (numerator, denominator, source) = (entry.Numerator, entry.Denominator ?? 1, entry.Source);
        }
        else
        {
            if (li.Missing is { } missing)
            {
                return new IndicatorResult(IndicatorStatus.Missing, null, null, null, target, missing, null, null);
            }

            numerator = li.Numerator!.Terms.Sum(t => t.Sign * count(t.Measure, LoadedIndicator.WindowOf(t, w)));
            if (li.Denominator is { } den)
            {
                denominator = den.Terms.Sum(t => t.Sign * count(t.Measure, LoadedIndicator.WindowOf(t, w)));
            }
        }

        long? shownDenominator = li.IsRatio ? denominator : null;
        if (denominator <= 0)
        {
            return new IndicatorResult(IndicatorStatus.NoData, numerator, shownDenominator, null, target, null, null, source);
        }

        var fraction = new IndicatorFraction(numerator, denominator, li.Indicator.Factor);
        if (target is null)
        {
            return new IndicatorResult(IndicatorStatus.NoTarget, numerator, shownDenominator, fraction.Value, null, null, null, source);
        }

        var status = target.Status(fraction, li.Growing, w.Ended, w.Elapsed, w.Total, policy);
        var (p, q) = li.Growing && !w.Ended && status != IndicatorStatus.Met ? (w.Elapsed, w.Total) : (1L, 1L);
        return new IndicatorResult(status, numerator, shownDenominator, fraction.Value, target, null, target.Gap(fraction, p, q), source);
    }
}
