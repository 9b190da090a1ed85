using System.Text.Json;
using ChiBo.Cadres;
using ChiBo.Reports;

namespace ChiBo.Generation;

/// <summary>
/// A level's committee composition as the profile states it, resolved to whole counts: the seats,
/// and for each dimension the profile names every category (its remainder included). Dimensions the
/// profile does not name are left to the generator's plausible choice and are not listed here.
/// </summary>
public sealed record CommitteeTarget(
    CommitteeLevels Level,
    int Members,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions,
    IReadOnlyList<(AgeBand Band, int Count)>? AgeBands)
{
    public string Name => CommitteeLevel.NameOf(Level);

    public IReadOnlyDictionary<string, int>? this[string dimension] => Dimensions.GetValueOrDefault(dimension);
}

public sealed partial record ProvinceProfile
{
    public static readonly IReadOnlyDictionary<CommitteeLevels, CommitteeTarget> NoCommittees = new Dictionary<CommitteeLevels, CommitteeTarget>();

    /// <summary>
    /// The profile's <c>committees</c> block by level (empty when absent). A scaled province keeps
    /// none: its counts were stated for the whole tree.
    /// </summary>
    public IReadOnlyDictionary<CommitteeLevels, CommitteeTarget> Committees { get; init; } = NoCommittees;
}

internal sealed partial class ProfileParser
{
    /// <summary>
    /// <c>committees</c>: <c>{"&lt;level&gt;": {"members": N, "dimensions": {"&lt;dimension&gt;": {"&lt;category&gt;": count or "x%"}}}}</c>;
    /// percentages are of the level's <c>members</c>, which is required. Member dimensions that are
    /// not about committees (religion, enterprise, youthUnion, retired, status) are refused.
    /// </summary>
    private static IReadOnlyDictionary<CommitteeLevels, CommitteeTarget> ReadCommittees(JsonElement root)
    {
        if (!root.TryGetProperty("committees", out var e))
        {
            return ProvinceProfile.NoCommittees;
        }

        RequireObject(e, "committees");
        var result = new Dictionary<CommitteeLevels, CommitteeTarget>();
        var levelNames = CommitteeLevel.All.Select(l => l.Name).ToList();
        foreach (var levelProperty in e.EnumerateObject())
        {
            var field = "committees." + levelProperty.Name;
            if (CommitteeLevel.Parse(levelProperty.Name) is not { } level)
            {
                throw new ProfileException(field, "cấp không có trong định dạng hồ sơ tỉnh (" + string.Join(", ", levelNames) + ").");
            }

            var block = levelProperty.Value;
            RequireObject(block, field);
            CheckNames(block, field + ".", ["members", "dimensions"]);
            if (!block.TryGetProperty("members", out var m))
            {
                throw new ProfileException(field + ".members", "cần số cấp ủy viên của cấp này (tỉ lệ phần trăm tính trên số này).");
            }

            var members = Count(m, field + ".members");
            var dimensions = new Dictionary<string, IReadOnlyDictionary<string, int>>();
            List<(AgeBand, int)>? bands = null;
            if (block.TryGetProperty("dimensions", out var d))
            {
                RequireObject(d, field + ".dimensions");
                foreach (var p in d.EnumerateObject())
                {
                    var f = field + ".dimensions." + p.Name;
                    if (p.Name == MemberDimensions.AgeBand)
                    {
                        bands = ReadAgeBands(p.Value, members, f);
                        continue;
                    }

                    if (CommitteeComposition.Find(p.Name) is not { } dimension)
                    {
                        throw new ProfileException(f, "chiều thống kê không có trong từ vựng của cấp ủy ("
                            + string.Join(", ", CommitteeComposition.DimensionNames) + ").");
                    }

                    dimensions[p.Name] = ReadDimension(p.Value, f, dimension.Categories.Select(c => c.Name).ToList(), dimension.Remainder, members);
                }
            }

            result[level] = new CommitteeTarget(level, members, dimensions, bands);
        }

        return result;
    }
}
