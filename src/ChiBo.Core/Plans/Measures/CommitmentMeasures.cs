using System.Globalization;
using ChiBo.Data;

namespace ChiBo.Plans;

/// <summary>
/// <c>commitments.members</c>: members whose yearly action programme and commitment (chương trình
/// hành động, bản cam kết; <see cref="Meetings.MemberCommitment"/>) a cell of the subtree registered
/// for a year the window touches, by the cell's path when registered. Pairs with
/// <c>meetings.membersInCells</c> for "mỗi đảng viên phải xây dựng kế hoạch phấn đấu" (002:552; 003:141).
/// </summary>
public sealed class CommitmentMeasures : IMeasureFamily
{
    public const string Members = "commitments.members";

    public bool Owns(string name) => name.StartsWith("commitments.", StringComparison.Ordinal);

    public string? Check(string name) => name == Members ? null : $"không có số đo \"{name}\"; số đo của nhóm này: {Members}.";

    public MeasureTiming TimingOf(string name) => MeasureTiming.Year;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
        [new(Members, "Đảng viên có chương trình hành động và bản cam kết của năm đã nộp chi bộ", MeasureTiming.Year)];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var sql = new RawSql(query.Db);
        var text = $"SELECT cell_path, count(*) FROM member_commitments WHERE year >= {sql.Param(query.From.Year)} AND year <= {sql.Param(query.To.Year)} AND submitted_on <= {sql.Param(query.To)} AND {sql.SubtreePredicate(query.Subtree, "cell_path", "province_id")} GROUP BY cell_path";
        var counts = new MeasureCounts();
        counts.Add(Members, null, 0);
        await sql.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                counts.Add(Members, query.ByUnit ? query.UnitOf(reader.GetString(0)) : null, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }

            return 0;
        }, ct);
        return counts;
    }
}
