using System.Globalization;
using ChiBo.Data;
using ChiBo.Meetings;

namespace ChiBo.Plans;

/// <summary>Who is expected to use the handbook and what counts as using it (000:154 "đủ điều kiện sử dụng").</summary>
public sealed record HandbookPolicy(int ActiveWithinDays)
{
    /// <summary>
    /// Eligible: members of the subtree on the date who are not exempted from party activity
    /// (miễn công tác và sinh hoạt đảng: Điều lệ Đảng, Quy định 24-QĐ/TW point 5); the register
    /// knows nothing of phones, so no other condition. Active: used the handbook in the 30 days up to
    /// the date — a member who follows the monthly meeting (Chỉ thị 50-CT/TW) opens it at least monthly.
    /// </summary>
    public static readonly HandbookPolicy Default = new(30);
}

/// <summary>
/// <c>handbook.eligibleMembers</c> and <c>handbook.activeMembers</c> as of the window's last day:
/// members not exempted (member periods, the compliance roll index), and those of them whose last
/// handbook day (<see cref="Portal.HandbookActivity"/>) falls in the policy's days up to the date.
/// </summary>
public sealed class HandbookMeasures(HandbookPolicy? policy = null) : IMeasureFamily
{
    public const string Eligible = "handbook.eligibleMembers";
    public const string Active = "handbook.activeMembers";

    private readonly HandbookPolicy _policy = policy ?? HandbookPolicy.Default;

    public bool Owns(string name) => name.StartsWith("handbook.", StringComparison.Ordinal);

    public string? Check(string name) => name is Eligible or Active ? null : $"không có số đo sổ tay \"{name}\"; các số đo: {Eligible}, {Active}.";

    public MeasureTiming TimingOf(string name) => MeasureTiming.AsOf;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
    [
        new(Eligible, "Đảng viên đủ điều kiện sử dụng Sổ tay đảng viên điện tử (không miễn sinh hoạt)", MeasureTiming.AsOf),
        new(Active, $"Đảng viên đủ điều kiện đã dùng Sổ tay trong {_policy.ActiveWithinDays} ngày tính đến ngày cuối kỳ", MeasureTiming.AsOf),
    ];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
        }

        if (names.Contains(Eligible))
        {
            var sql = new RawSql(query.Db);
            var d = sql.Param(query.To);
            var text = $"SELECT cell_path, count(*) FROM member_periods{sql.IndexedBy(ComplianceReport.RollIndex)} WHERE valid_from <= {d} AND valid_to > {d} AND NOT exempted AND {sql.SubtreePredicate(query.Subtree, "cell_path", "province_id")} GROUP BY cell_path";
            await ReadAsync(sql, text, query, counts, Eligible, ct);
        }

        if (names.Contains(Active))
        {
            // Driven by the activity rows of the province in the window (few, or at most one per
            // member), each probing that member's periods: CROSS JOIN keeps SQLite to that order.
            var sql = new RawSql(query.Db);
            var d = sql.Param(query.To);
            var province = query.Subtree.ProvinceId is { } p ? $"h.province_id = {sql.Param(p)} AND " : "";
            var text = $"""
                SELECT m.cell_path, count(*) FROM handbook_activities h CROSS JOIN member_periods m
                WHERE {province}h.last_active_on > {sql.Param(query.To.AddDays(-_policy.ActiveWithinDays))} AND h.last_active_on <= {d}
                  AND m.member_id = h.member_id AND m.valid_from <= {d} AND m.valid_to > {d} AND NOT m.exempted
                  AND {sql.SubtreePredicate(query.Subtree, "m.cell_path", "m.province_id")}
                GROUP BY m.cell_path
                """;
            await ReadAsync(sql, text, query, counts, Active, ct);
        }

        return counts;
    }

    private static Task<int> ReadAsync(RawSql sql, string text, MeasureQuery query, MeasureCounts counts, string name, CancellationToken ct) =>
        sql.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                counts.Add(name, query.ByUnit ? query.UnitOf(reader.GetString(0)) : null, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }

            return 0;
        }, ct);
}
