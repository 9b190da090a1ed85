using System.Globalization;
using System.Text;
using ChiBo.Data;
using ChiBo.Members;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>
/// The rules of a party member database that is "đúng, đủ, sạch, sống" (Công văn 443-CV/TU, 001:34;
/// DOMAIN.md §3: completeness of required fields, CCCD validity and uniqueness, records not updated
/// for a long time, impossible dates), as one setting. A record is:
/// <list type="bullet">
/// <item><b>đủ</b> (complete): every field of <see cref="RequiredFields"/> filled, and a party card
/// number once the member is official (Mẫu 2-HSĐV; the card is issued on recognition, Quy định
/// 24-QĐ/TW point 6);</item>
/// <item><b>đúng</b> (valid): a CCCD of 12 digits whose province code, century-and-gender digit and
/// birth year agree with the record (Thông tư 59/2021/TT-BCA, <see cref="Cccd"/>); admitted at
/// <see cref="MinimumAdmissionAge"/> or older (Điều lệ Đảng, Điều 1); official no earlier than
/// admitted; born after <see cref="EarliestBirth"/>;</item>
/// <item><b>sạch</b> (clean): no CCCD shared by two records — the register refuses it (a unique
/// index), so every record is clean by construction and no measure is needed;</item>
/// <item><b>sống</b> (current): changed within the <see cref="CurrentWithinMonths"/> months up to the
/// date, or later.</item>
/// </list>
/// "Đủ" and "đúng" are columns the database computes on every write of a record
/// (<see cref="DataQualityMeasures.MapRecordQuality"/>), so changing them here needs a migration.
/// </summary>
public sealed record DataQualityPolicy(IReadOnlyList<string> RequiredFields, int MinimumAdmissionAge, DateOnly EarliestBirth, int CurrentWithinMonths)
{
    /// <summary>
    /// Required: CCCD, place of birth, home town, residence, occupation (the identity block of Mẫu
    /// 2-HSĐV); current within 12 months, since the plans ask for records "cập nhật đầy đủ, thường
    /// xuyên" (000:154) and the yearly review (kiểm điểm) touches every member once a year.
    /// </summary>
    public static readonly DataQualityPolicy Default = new(
        ["cccd", "birth_place", "home_town", "residence", "occupation"], Admission.AdmissionPolicy.MinimumAge, new DateOnly(1900, 1, 1), 12);
}

/// <summary>
/// <c>dataQuality.records | complete | valid | current</c> (<see cref="DataQualityPolicy"/>): the
/// records of the members of the subtree now (official, probationary, exempted) in their cells now,
/// judged as they are now — the register keeps no history of a record's quality, so a past
/// window gets today's figures. One pass over a covering index of the records by cell.
/// </summary>
public sealed class DataQualityMeasures(DataQualityPolicy? policy = null) : IMeasureFamily
{
    public const string Records = "dataQuality.records";
    public const string Complete = "dataQuality.complete";
    public const string Valid = "dataQuality.valid";
    public const string Current = "dataQuality.current";

    /// <summary>The covering index of records by cell with the computed columns.</summary>
    public const string Index = "ix_members_record_quality";

    private readonly DataQualityPolicy _policy = policy ?? DataQualityPolicy.Default;

    public bool Owns(string name) => name.StartsWith("dataQuality.", StringComparison.Ordinal);

    public string? Check(string name) => name is Records or Complete or Valid or Current
        ? null
        : $"không có số đo chất lượng dữ liệu \"{name}\"; các số đo: {Records}, {Complete}, {Valid}, {Current}.";

    public MeasureTiming TimingOf(string name) => MeasureTiming.AsOf;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
    [
        new(Records, "Hồ sơ đảng viên đang sinh hoạt trong tổ chức (hiện tại)", MeasureTiming.AsOf),
        new(Complete, "Hồ sơ đủ các trường bắt buộc (đủ)", MeasureTiming.AsOf),
        new(Valid, "Hồ sơ có CCCD hợp lệ và ngày tháng hợp lý (đúng)", MeasureTiming.AsOf),
        new(Current, $"Hồ sơ được cập nhật trong {_policy.CurrentWithinMonths} tháng tính đến ngày cuối kỳ (sống)", MeasureTiming.AsOf),
    ];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
        }

        var subtree = query.Org.Organization is { } org ? Organizations.Subtree.Of(org) : query.Subtree;
        var cells = new RawSql(query.Db);
        var paths = await cells.QueryAsync(
            $"SELECT id, path FROM organizations WHERE kind IN ({(int)Organizations.OrgKind.BaseCell}, {(int)Organizations.OrgKind.Cell}) AND {cells.SubtreePredicate(subtree, "path", "province_id")}",
            async reader =>
            {
                var map = new Dictionary<int, string>();
                while (await reader.ReadAsync(ct))
                {
                    map[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
                }

                return map;
            }, ct);
        if (paths.Count == 0)
        {
            return counts;
        }

        var sql = new RawSql(query.Db);
        var since = new DateTimeOffset(query.To.AddMonths(-_policy.CurrentWithinMonths).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var province = subtree.ProvinceId is { } p ? $"province_id = {sql.Param(p)} AND " : "";
        var text = $"""
            SELECT cell_id, count(*), count(*) FILTER (WHERE record_complete), count(*) FILTER (WHERE record_valid), count(*) FILTER (WHERE updated_at >= {sql.Param(since)})
            FROM members{sql.IndexedBy(Index)}
            WHERE {province}cell_id IN ({string.Join(", ", paths.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)))})
              AND status IN ({(int)MemberStatus.Probationary}, {(int)MemberStatus.Official}, {(int)MemberStatus.Exempted})
            GROUP BY cell_id
            """;
        string[] columns = [Records, Complete, Valid, Current];
        await sql.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                var unit = query.ByUnit ? query.UnitOfCurrent(paths[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)]) : null;
                for (var i = 0; i < columns.Length; i++)
                {
                    if (names.Contains(columns[i]))
                    {
                        counts.Add(columns[i], unit, Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture));
                    }
                }
            }

            return 0;
        }, ct);
        return counts;
    }

    /// <summary>
    /// The two columns every record carries, computed by the database from the record itself
    /// (virtual on SQLite, stored on PostgreSQL), and the covering index the measures read:
    /// a province's figures are one index range, whatever the width of the records.
    /// </summary>
    internal static void MapRecordQuality(ModelBuilder modelBuilder, bool postgres)
    {
        var policy = DataQualityPolicy.Default;
        var member = modelBuilder.Entity<Member>();
        member.Property<bool>("RecordComplete").HasComputedColumnSql(CompleteSql(policy), stored: postgres);
        member.Property<bool>("RecordValid").HasComputedColumnSql(ValidSql(policy, postgres), stored: postgres);
        member.HasIndex(["ProvinceId", "CellId", "Status", "RecordComplete", "RecordValid", "UpdatedAt"], Index);
    }

    private static string CompleteSql(DataQualityPolicy policy)
    {
        var sb = new StringBuilder();
        foreach (var field in policy.RequiredFields)
        {
            sb.Append(field).Append(" IS NOT NULL AND ").Append(field).Append(" <> '' AND ");
        }

        return sb.Append("(official_on IS NULL OR (party_card_number IS NOT NULL AND party_card_number <> ''))").ToString();
    }

    /// <summary>The rules of <see cref="Cccd.Validate"/> and the dates; the digits first, in a CASE, since PostgreSQL refuses to cast "12a".</summary>
    private static string ValidSql(DataQualityPolicy policy, bool postgres)
    {
        var provinces = string.Join(", ", Cccd.ProvinceCodes.Order().Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var digits = postgres ? "cccd ~ '^[0-9]{12}$'" : "length(cccd) = 12 AND cccd NOT GLOB '*[^0-9]*'";
        string Year(string column) => postgres ? $"CAST(EXTRACT(YEAR FROM {column}) AS integer)" : $"CAST(substr({column}, 1, 4) AS integer)";
        string Day(string column) => postgres
            ? $"CAST(EXTRACT(YEAR FROM {column}) * 10000 + EXTRACT(MONTH FROM {column}) * 100 + EXTRACT(DAY FROM {column}) AS integer)"
            : $"CAST(replace({column}, '-', '') AS integer)";
        var no = postgres ? "false" : "0";
        var earliest = policy.EarliestBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            CASE WHEN {digits} THEN CAST(substr(cccd, 1, 3) AS integer) IN ({provinces})
            AND CAST(substr(cccd, 4, 1) AS integer) = ({Year("birth_date")} / 100 - 19) * 2 + CASE WHEN gender = {(int)Gender.Female} THEN 1 ELSE 0 END
            AND CAST(substr(cccd, 5, 2) AS integer) = {Year("birth_date")} % 100 ELSE {no} END
            AND {Day("admitted_on")} >= {Day("birth_date")} + {policy.MinimumAdmissionAge * 10_000}
            AND (official_on IS NULL OR official_on >= admitted_on)
            AND birth_date > '{earliest}'
            """;
    }
}
