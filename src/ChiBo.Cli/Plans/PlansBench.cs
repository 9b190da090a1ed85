using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cli.Plans;

/// <summary>
/// The rows of <c>chibo bench</c> for the plans: the dashboard (every indicator of the plans in
/// force for the organization and its units one level down) and, beside it, each measure family
/// alone, grouped by unit, so that a slow family shows.
/// </summary>
internal static class PlansBench
{
    public static async Task RunAsync(
        DatabaseTarget target, ChiBoDb db, OrgLookup lookup, DateOnly asOf, int runs, ConsoleIo io,
        Func<int, Func<Task<long>>, Task<BenchCommand.Timing>> time, Action<ConsoleIo, string, BenchCommand.Timing> print, CancellationToken ct)
    {
        // The plans' year: the date's, or the first year their indicators are in force when the
        // date comes before it (000's targets start in 2026), read as of the date's day in that year.
        var first = await db.PlanIndicators.MinAsync(i => (int?)i.FromYear, ct);
        var year = Math.Max(asOf.Year, first ?? asOf.Year);
        asOf = new DateOnly(year, asOf.Month, Math.Min(asOf.Day, DateTime.DaysInMonth(year, asOf.Month)));
        var dashboard = await time(runs, async () =>
        {
            var board = await PlanDashboards.RunAsync(db, OrgScope.System, lookup, year, asOf, ct: ct, connections: () => target.CreateContext());
            return board.Plans.Sum(p => p.Indicators.Sum(i => i.Units.Count + 1));
        });
        var serial = await time(runs, async () =>
        {
            var board = await PlanDashboards.RunAsync(db, OrgScope.System, lookup, year, asOf, ct: ct);
            return board.Plans.Sum(p => p.Indicators.Sum(i => i.Units.Count + 1));
        });
        var indicators = (await PlanDashboards.RunAsync(db, OrgScope.System, lookup, year, asOf, ct: ct)).Plans.Sum(p => p.Indicators.Count);
        print(io, $"plans dashboard {year}: {indicators} indicators × (the org + its units), families at once (app: /api/plans/dashboard)", dashboard);
        print(io, $"plans dashboard {year}, families one after another", serial);

        var window = new MeasureWindow(new DateOnly(year, 1, 1), asOf);
        foreach (var family in MeasureCatalogue.Families.Where(f => f is not PendingMeasures))
        {
            // A documented pattern ("committees.<level>.<dimension>.<category>") is timed on one instance of it.
            var names = family.Documentation
                .Select(d => d.Name.Replace("<level>", "commune", StringComparison.Ordinal).Replace("<dimension>.<category>", "gender.female", StringComparison.Ordinal))
                .Where(n => MeasureCatalogue.Check(n) is null).Distinct().Take(4).ToList();
            var t = await time(runs, async () =>
            {
                var results = await MeasureEngine.RunAsync(db, lookup, names.Select(n => (n, window)), asOf, byUnit: true, ct);
                return results.Units(names[0], window).Count;
            });
            print(io, $"  measures {string.Join(", ", names)} by unit", t);
        }
    }
}
