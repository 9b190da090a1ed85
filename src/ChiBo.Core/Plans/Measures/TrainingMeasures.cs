using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Data;

namespace ChiBo.Plans;

/// <summary>
/// <c>training.&lt;level&gt;.trained</c>: seats of a level's committees valid on the window's last
/// day whose holder completed at least one course dated in the window (000:156 "cấp ủy viên cơ sở
/// được tham gia ít nhất 01 lớp bồi dưỡng nghiệp vụ công tác xây dựng Đảng, kỹ năng quản lý, điều
/// hành, cập nhật kiến thức mới": any kind of course counts). Counted per seat, like
/// <c>committees.&lt;level&gt;.members</c>, its denominator. One grouped pass per level.
/// </summary>
public sealed class TrainingMeasures : IMeasureFamily
{
    private const string Prefix = "training.";

    public bool Owns(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    public string? Check(string name) => name[Prefix.Length..].Split('.') is [var level, "trained"] && CommitteeLevel.Parse(level) is not null
        ? null
        : "số đo bồi dưỡng có dạng \"training.<province|commune|base|villageCell>.trained\".";

    public MeasureTiming TimingOf(string name) => MeasureTiming.Events;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
    [
        new("training.<level>.trained", "Cấp ủy viên của cấp đã hoàn thành ít nhất 01 lớp bồi dưỡng (nghiệp vụ công tác Đảng, quản lý, cập nhật kiến thức…) trong kỳ", MeasureTiming.Events),
    ];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
            var level = CommitteeLevel.Parse(name[Prefix.Length..].Split('.')[0])!.Value;
            var sql = new RawSql(query.Db);
            var (from, to) = (sql.Param(query.From), sql.Param(query.To));
            var text = $"""
                SELECT cm.org_path, count(*) FROM committee_memberships cm
                WHERE cm.valid_from <= {to} AND cm.valid_to > {to} AND {CommitteeLevel.SqlHolding("cm.levels", level)}
                  AND {sql.SubtreePredicate(query.Subtree, "cm.org_path", "cm.province_id")}
                  AND EXISTS (SELECT 1 FROM member_periods mp WHERE mp.member_id = cm.member_id AND mp.valid_from <= {to} AND mp.valid_to > {to})
                  AND EXISTS (SELECT 1 FROM organization_periods op
                              WHERE op.organization_id = cm.organization_id AND op.valid_from <= {to} AND op.valid_to > {to})
                  AND EXISTS (SELECT 1 FROM training_records tr
                              WHERE tr.member_id = cm.member_id AND tr.province_id = cm.province_id AND tr.completed
                                AND tr.completed_on >= {from} AND tr.completed_on <= {to})
                GROUP BY cm.org_path
                """;
            await sql.QueryAsync(text, async reader =>
            {
                while (await reader.ReadAsync(ct))
                {
                    counts.Add(name, query.ByUnit ? query.UnitOf(reader.GetString(0)) : null, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
                }

                return 0;
            }, ct);
        }

        return counts;
    }
}
