using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;

namespace ChiBo.Plans;

/// <summary>
/// Organizations of the subtree (its own node included) as the tree stood on the window's last
/// day, from <c>organization_periods</c>, one row per organization.
/// </summary>
public sealed class OrgMeasures : IMeasureFamily
{
    private static readonly IReadOnlyList<(string Name, string Meaning, OrgKind[] Kinds)> Measures =
    [
        ("orgs.tccsd", "Tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở)", [OrgKind.BaseCommittee, OrgKind.BaseCell]),
        ("orgs.cells", "Chi bộ trực thuộc đảng ủy cơ sở hoặc đảng bộ bộ phận", [OrgKind.Cell]),
        ("orgs.allCells", "Mọi chi bộ sinh hoạt đảng viên (chi bộ cơ sở và chi bộ trực thuộc)", [OrgKind.BaseCell, OrgKind.Cell]),
        ("orgs.baseCommittees", "Đảng bộ cơ sở", [OrgKind.BaseCommittee]),
        ("orgs.baseCells", "Chi bộ cơ sở", [OrgKind.BaseCell]),
        ("orgs.sectionCommittees", "Đảng bộ bộ phận", [OrgKind.SectionCommittee]),
        ("orgs.superior", "Đảng bộ trực thuộc Tỉnh ủy (cấp trên trực tiếp cơ sở)", [OrgKind.SuperiorToBase]),
    ];

    public bool Owns(string name) => name.StartsWith("orgs.", StringComparison.Ordinal);

    public string? Check(string name) => Measures.Any(m => m.Name == name)
        ? null
        : $"không có số đo tổ chức \"{name}\"; các số đo: {string.Join(", ", Measures.Select(m => m.Name))}.";

    public MeasureTiming TimingOf(string name) => MeasureTiming.AsOf;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation => Measures.Select(m => new MeasureDoc(m.Name, m.Meaning, MeasureTiming.AsOf));

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var sql = new RawSql(query.Db);
        var d = sql.Param(query.To);
        var text = $"SELECT path, kind FROM organization_periods WHERE valid_from <= {d} AND valid_to > {d} AND {sql.SubtreePredicate(query.Subtree, "path", "province_id")}";
        var counts = new MeasureCounts();
        var wanted = Measures.Where(m => names.Contains(m.Name)).ToList();
        foreach (var m in wanted)
        {
            counts.Add(m.Name, null, 0);
        }

        await sql.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                var kind = (OrgKind)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                var unit = query.ByUnit ? query.UnitOf(reader.GetString(0)) : null;
                foreach (var m in wanted.Where(m => m.Kinds.Contains(kind)))
                {
                    counts.Add(m.Name, unit, 1);
                }
            }

            return 0;
        }, ct);
        return counts;
    }
}
