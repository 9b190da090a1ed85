using ChiBo.Cadres;

namespace ChiBo.Plans;

/// <summary>
/// Seats of a level's party committees valid on the window's last day, in the composition report's
/// vocabulary (<see cref="CommitteeComposition"/>) plus <c>young.yes|no</c> (under
/// <see cref="CadrePolicy.YoungUnder"/>): one grouped pass per level asked for, each committee
/// organization's seats rolled up to the unit its path lay in. A person on two committees of the
/// level counts twice, as the profiles count seats.
/// </summary>
public sealed class CommitteeMeasures : IMeasureFamily
{
    public const string Prefix = "committees.";

    /// <summary>The dimensions a seat is counted by, with their categories.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions { get; } = CommitteeComposition.Categorical
        .Select(d => (d.Name, Categories: (IReadOnlyList<string>)d.CategoryNames.ToList()))
        .Append(("young", ["yes", "no"]))
        .ToDictionary(d => d.Name, d => d.Categories, StringComparer.Ordinal);

    public bool Owns(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    public string? Check(string name)
    {
        var parts = name[Prefix.Length..].Split('.');
        if (CommitteeLevel.Parse(parts[0]) is null)
        {
            return $"cấp ủy có các cấp: {string.Join(", ", CommitteeLevel.All.Select(l => l.Name))}.";
        }

        return parts switch
        {
            [_, "members"] => null,
            [_, var dimension, var category] when Dimensions.TryGetValue(dimension, out var categories) && categories.Contains(category) => null,
            _ => "số đo cấp ủy có dạng \"committees.<cấp>.members\" hoặc \"committees.<cấp>.<chiều>.<nhóm>\"; các chiều: "
                + string.Join("; ", Dimensions.Select(d => $"{d.Key} ({string.Join("|", d.Value)})")) + ".",
        };
    }

    public MeasureTiming TimingOf(string name) => MeasureTiming.AsOf;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
    [
        new("committees.<level>.members", "Cấp ủy viên của cấp province, commune, base hoặc villageCell (một người ở hai cấp ủy cùng cấp tính hai lần)", MeasureTiming.AsOf),
        new("committees.<level>.<dimension>.<category>",
            "Cấp ủy viên của cấp thuộc một nhóm: " + string.Join("; ", Dimensions.Select(d => $"{d.Key} ({string.Join("|", d.Value)})")), MeasureTiming.AsOf),
    ];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
        }

        foreach (var level in names.Select(n => CommitteeLevel.Parse(n[Prefix.Length..].Split('.')[0])!.Value).Distinct())
        {
            foreach (var (path, measures) in await CommitteeComposition.MeasuresByPathAsync(query.Db, query.Subtree, level, query.To, ct))
            {
                var unit = query.ByUnit ? query.UnitOf(path) : null;
                foreach (var name in names)
                {
                    if (measures.TryGetValue(name, out var count))
                    {
                        counts.Add(name, unit, count);
                    }
                }
            }
        }

        return counts;
    }
}
