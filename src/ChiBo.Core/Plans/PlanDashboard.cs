using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>
/// The dashboard of a subtree for a year: every indicator of the plans in force with its value,
/// target, status and trend over the plan's years, and the same for every unit one level down,
/// worst gap first (the drill-down; the next level is the dashboard of that unit).
/// </summary>
public sealed record PlanDashboard(string Org, string OrgName, int Year, DateOnly Today, IReadOnlyList<DashboardUnit> Units, IReadOnlyList<DashboardPlan> Plans);

public sealed record DashboardUnit(int Id, string Code, string Name, OrgKind Kind);

public sealed record DashboardPlan(
    int Id, string Number, string Kind, string Title, DateOnly From, DateOnly To, int? MidTermReview, int? FinalReview,
    IReadOnlyList<DashboardIndicator> Indicators, IReadOnlyList<string> Warnings);

public sealed record DashboardIndicator(
    string Code, string Text, string? Unit, string? Source, bool Manual, string Operator, object? Target, int Factor, string Period,
    IndicatorLine Value, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<UnitLine> Units);

/// <summary>An indicator for one organization: status, value (display), numerator and denominator (exact), target, gap, why missing.</summary>
public sealed record IndicatorLine(
    string Status, decimal? Value, long? Numerator, long? Denominator, object? Target, decimal? Gap, string? Missing, string? Source);

public sealed record TrendPoint(int Year, string Status, decimal? Value, long? Numerator, long? Denominator);

public sealed record UnitLine(
    string Code, string Name, string Status, decimal? Value, long? Numerator, long? Denominator, object? Target, decimal? Gap, string? Missing);

public static class PlanDashboards
{
    /// <summary>
    /// One pass per measure family and window for the organization and all its units one level down
    /// (on contexts of their own, at once, when <paramref name="connections"/> is given)
    /// (grouped by unit in memory from rows grouped by path in the database), one more per family for
    /// the earlier years of the trend (totals only).
    /// </summary>
    public static async Task<PlanDashboard> RunAsync(
        ChiBoDb db, OrgScope caller, OrgLookup lookup, int year, DateOnly today, IndicatorStatusPolicy? policy = null, CancellationToken ct = default,
        Func<ChiBoDb>? connections = null)
    {
        var org = PlanQueries.Visible(caller, lookup);
        policy ??= IndicatorStatusPolicy.Default;
        var start = new DateOnly(year, 1, 1);
        var units = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == org.Id && (o.DissolvedOn == null || o.DissolvedOn >= start) && o.FoundedOn <= new DateOnly(year, 12, 31))
            .OrderBy(o => o.Path).ToListAsync(ct);
        var eval = await PlanEvaluation.LoadAsync(db, caller, org, year, year, units.Select(u => u.Id).Append(org.Id).ToList(), ct, entriesFrom: 1900);
        var indicators = eval.Indicators.Where(i => i.InForce(year) && PlanEvaluation.AppliesTo(i.Indicator, org.Kind)).ToList();
        var windows = indicators.ToDictionary(i => i.Indicator.Id, i => i.WindowFor(year, today));
        var results = await MeasureEngine.RunAsync(db, lookup, indicators.SelectMany(i => i.Wanted(windows[i.Indicator.Id])), today, byUnit: true, ct, connections);

        var trendYears = indicators.ToDictionary(
            i => i.Indicator.Id,
            i => Enumerable.Range(Math.Max(i.Indicator.FromYear, i.Plan.From.Year), Math.Max(0, year - Math.Max(i.Indicator.FromYear, i.Plan.From.Year))).ToList());
        var trendWindows = indicators.SelectMany(i => trendYears[i.Indicator.Id].Select(y => (i, y, w: i.WindowFor(y, today)))).ToList();
        var trend = await MeasureEngine.RunAsync(db, lookup, trendWindows.SelectMany(t => t.i.Wanted(t.w)), today, byUnit: false, ct, connections);

        var chain = Subtree.Ids(org.Path);
        var plans = new List<DashboardPlan>();
        foreach (var plan in eval.Plans)
        {
            var lines = new List<DashboardIndicator>();
            foreach (var i in indicators.Where(i => i.Plan.Id == plan.Id))
            {
                var w = windows[i.Indicator.Id];
                var mine = eval.Evaluate(i, w, org.Id, chain, year, results.Total, policy);
                var unitLines = units.Select(u =>
                {
                    var r = eval.Evaluate(i, w, u.Id, [.. chain, u.Id], year, (name, window) => results.Units(name, window).GetValueOrDefault(u.Id), policy);
                    return new UnitLine(u.Code, u.Name, IndicatorStatusNames.Of(r.Status), r.Value, r.Numerator, r.Denominator, r.Target?.Json, r.Gap, r.Missing);
                })
                    .OrderByDescending(l => l.Gap ?? decimal.MinValue)
                    .ThenBy(l => l.Value ?? decimal.MaxValue)
                    .ThenBy(l => l.Code, StringComparer.Ordinal)
                    .ToList();
                var points = trendWindows.Where(t => t.i == i).Select(t =>
                {
                    var r = eval.Evaluate(i, t.w, org.Id, chain, t.y, trend.Total, policy);
                    return new TrendPoint(t.y, IndicatorStatusNames.Of(r.Status), r.Value, r.Numerator, r.Denominator);
                }).Append(new TrendPoint(year, IndicatorStatusNames.Of(mine.Status), mine.Value, mine.Numerator, mine.Denominator)).ToList();
                lines.Add(new DashboardIndicator(
                    i.Indicator.Code, i.Indicator.Text, i.Indicator.Unit, i.Indicator.Source, i.Indicator.Manual,
                    IndicatorTarget.Symbol(i.Indicator.Operator), PlanQueries.Target(i.Indicator)?.Json, i.Indicator.Factor,
                    i.Indicator.Period == IndicatorPeriod.Term ? "term" : "yearly",
                    new IndicatorLine(IndicatorStatusNames.Of(mine.Status), mine.Value, mine.Numerator, mine.Denominator, mine.Target?.Json, mine.Gap, mine.Missing, mine.Source),
                    points, unitLines));
            }

            plans.Add(new DashboardPlan(
                plan.Id, plan.Number, PlanFile.VietnameseOf(plan.Kind), plan.Title, plan.From, plan.To, plan.MidTermReview, plan.FinalReview, lines,
                await PlanQueries.AllocationWarningsAsync(db, plan.Id, ct)));
        }

        return new PlanDashboard(org.Code, org.Name, year, today, units.Select(u => new DashboardUnit(u.Id, u.Code, u.Name, u.Kind)).ToList(), plans);
    }
}
