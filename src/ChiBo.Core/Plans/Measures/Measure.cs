using ChiBo.Data;
using ChiBo.Organizations;

namespace ChiBo.Plans;

/// <summary>How a measure reads a window [From, To] (docs/measures.md).</summary>
public enum MeasureTiming
{
    /// <summary>A stock counted as of the window's last day (members, organizations, records).</summary>
    AsOf,

    /// <summary>Events dated inside the window (admissions, removals, discipline).</summary>
    Events,

    /// <summary>A figure of each calendar year the window touches, summed (cell life of a year).</summary>
    Year,
}

/// <summary>One line of the catalogue as documented: a name (or a pattern), its meaning, its timing.</summary>
public sealed record MeasureDoc(string Name, string Meaning, MeasureTiming Timing);

/// <summary>
/// What a family is asked: one organization's subtree as it stood on the window's last day, over a
/// window, and whether to also give the counts per unit one level down.
/// </summary>
public sealed class MeasureQuery
{
    public required ChiBoDb Db { get; init; }
    public required OrgLookup Org { get; init; }

    /// <summary>The subtree as it stood on <see cref="To"/>.</summary>
    public required Subtree Subtree { get; init; }

    public required DateOnly From { get; init; }

    /// <summary>Inclusive; the as-of date of stocks.</summary>
    public required DateOnly To { get; init; }

    public required DateOnly Today { get; init; }
    public bool ByUnit { get; init; }

    /// <summary>
    /// The unit one level down that a path (as it stood on <see cref="To"/>) lies in: the id that
    /// follows the subtree's path; null for the subtree's own node.
    /// </summary>
    public int? UnitOf(string path) => UnitUnder(Subtree.Path, path);

    /// <summary>The same for a path as it is now (rows that carry an organization's current path).</summary>
    public int? UnitOfCurrent(string path) => UnitUnder(Org.Organization?.Path ?? Subtree.Path, path);

    internal static int? UnitUnder(string root, string path)
    {
        if (path.Length <= root.Length || !path.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.IndexOf('/', root.Length);
        return int.TryParse(path.AsSpan(root.Length, (end < 0 ? path.Length : end) - root.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// <summary>A family's answer: a total per measure, and per unit one level down when asked.</summary>
public sealed class MeasureCounts
{
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, long>> _units = new(StringComparer.Ordinal);

    /// <summary>Adds a count to the measure's total and, when <paramref name="unit"/> is given, to that unit's.</summary>
    public void Add(string measure, int? unit, long count)
    {
        _totals[measure] = _totals.GetValueOrDefault(measure) + count;
        if (unit is { } u)
        {
            if (!_units.TryGetValue(measure, out var byUnit))
            {
                _units[measure] = byUnit = [];
            }

            byUnit[u] = byUnit.GetValueOrDefault(u) + count;
        }
    }

    public long Total(string measure) => _totals.GetValueOrDefault(measure);

    public IReadOnlyDictionary<int, long> Units(string measure) =>
        _units.TryGetValue(measure, out var byUnit) ? byUnit : new Dictionary<int, long>();
}

/// <summary>
/// A family of measures answered by one set-based query (or one existing report): each is one
/// file. The query takes the subtree's range of the path index and groups by path in the index's
/// order; the rows roll up to the units one level down (<see cref="MeasureQuery.UnitOf"/>) in memory.
/// </summary>
public interface IMeasureFamily
{
    /// <summary>Whether the name belongs to this family.</summary>
    bool Owns(string name);

    /// <summary>Null when the name is one of the family's measures; else why not (Vietnamese).</summary>
    string? Check(string name);

    MeasureTiming TimingOf(string name);

    /// <summary>Null when the register computes it; else why it cannot yet (the value is then "missing", never 0).</summary>
    string? Missing(string name);

    IEnumerable<MeasureDoc> Documentation { get; }

    Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct);
}
