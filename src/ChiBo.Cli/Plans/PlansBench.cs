using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;

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
        var year = asOf.Year;
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
            var names = family.Documentation.Select(d => d.Name).Where(n => !n.Contains('<', StringComparison.Ordinal)).Take(4).ToList();
            var t = await time(runs, async () =>
            {
                var results = await MeasureEngine.RunAsync(db, lookup, names.Select(n => (n, window)), asOf, byUnit: true, ct);
                return results.Units(names[0], window).Count;
            });
            print(io, $"  measures {string.Join(", ", names)} by unit", t);
        }
    }
}
