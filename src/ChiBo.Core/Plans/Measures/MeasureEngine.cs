using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;

namespace ChiBo.Plans;

/// <summary>A window [From, To] (inclusive) a measure is read over; a stock is read as of To.</summary>
public readonly record struct MeasureWindow(DateOnly From, DateOnly To);

/// <summary>The values of the measures an evaluation asked for: totals of the subtree and, when asked, per unit one level down.</summary>
public sealed class MeasureResults
{
    private readonly Dictionary<(string Name, MeasureWindow Window), MeasureCounts> _counts = [];

    internal void Put(string name, MeasureWindow window, MeasureCounts counts) => _counts[(name, window)] = counts;

    public long Total(string name, MeasureWindow window) => _counts[(name, window)].Total(name);

    public IReadOnlyDictionary<int, long> Units(string name, MeasureWindow window) => _counts[(name, window)].Units(name);

    public bool Has(string name, MeasureWindow window) => _counts.ContainsKey((name, window));
}

/// <summary>
/// Runs the measures an evaluation needs: one call per family and window, whatever the number of
/// indicators or units that use them. Measures the register cannot compute yet are not run.
/// </summary>
public static class MeasureEngine
{
    /// <param name="connections">
    /// When given, each family's pass runs on a context of its own, all at once: the passes read
    /// different tables and indexes, so a dashboard takes about as long as its slowest family
    /// instead of their sum. Each pass is consistent in itself; together they are read a few
    /// milliseconds apart, not in one snapshot.
    /// </param>
    public static async Task<MeasureResults> RunAsync(
        ChiBoDb db, OrgLookup org, IEnumerable<(string Name, MeasureWindow Window)> wanted, DateOnly today, bool byUnit, CancellationToken ct,
        Func<ChiBoDb>? connections = null)
    {
        var jobs = new List<(MeasureWindow Window, Subtree Subtree, IMeasureFamily Family, List<string> Names)>();
        foreach (var byWindow in wanted.Distinct().Where(w => MeasureCatalogue.Computable(w.Name)).GroupBy(w => w.Window))
        {
            var subtree = await AsOf.SubtreeOnAsync(db, org, byWindow.Key.To, ct) ?? org.Subtree;
            jobs.AddRange(byWindow.GroupBy(w => MeasureCatalogue.FamilyOf(w.Name)!)
                .Select(f => (byWindow.Key, subtree, f.Key, f.Select(w => w.Name).Distinct().ToList())));
        }

        MeasureQuery Query(ChiBoDb on, MeasureWindow w, Subtree subtree) => new()
        {
            Db = on, Org = org, Subtree = subtree, From = w.From, To = w.To, Today = today, ByUnit = byUnit,
        };

        var counts = new MeasureCounts[jobs.Count];
        if (connections is null || jobs.Count < 2)
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                counts[i] = await jobs[i].Family.CountAsync(Query(db, jobs[i].Window, jobs[i].Subtree), jobs[i].Names, ct);
            }
        }
        else
        {
            await Task.WhenAll(jobs.Select(async (job, i) =>
            {
                await using var own = connections();
                counts[i] = await job.Family.CountAsync(Query(own, job.Window, job.Subtree), job.Names, ct);
            }));
        }

        var results = new MeasureResults();
        for (var i = 0; i < jobs.Count; i++)
        {
            foreach (var name in jobs[i].Names)
            {
                results.Put(name, jobs[i].Window, counts[i]);
            }
        }

        return results;
    }
}
