using System.Data.Common;
using System.Globalization;
using System.Text;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;

namespace ChiBo.Web.Members;

public sealed record MemberRow(
    int Id, string FullName, DateOnly BirthDate, Gender Gender, MemberStatus Status, DateOnly AdmittedOn, string CellCode, string CellName);

public sealed record MemberPage(int Total, int Page, int PageSize, IReadOnlyList<MemberRow> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// One page of the members whose current cell lies in a subtree, with the filters and the search.
/// <para>
/// Search: the query is folded like <see cref="Member.SearchName"/> (no diacritics, đ → d) and every
/// word must start a word of the name ("nguyen van an", "an", "dang"); names starting with the
/// whole query come first. The name match runs first, alone, over the (province_id, search_name)
/// index (a covering scan: SQLite checks LIKE on the index entries without reading the table),
/// and only its hits are joined to their cells and the subtree — a materialized CTE, which both
/// SQLite (3.35+) and PostgreSQL (12+) honour, so the planner cannot start from the subtree and read
/// every member row of a province. Twelve digits search the CCCD by its unique index, for a
/// caller with Members.ReadSensitive on the subtree only: an exact match would otherwise tell whose
/// number it is (<see cref="CccdSearchNeedsReadSensitive"/>).
/// </para>
/// </summary>
public static class MemberList
{
    public static async Task<MemberPage> RunAsync(ChiBoDb db, Subtree subtree, MemberFilter filter, DateOnly today, OrgScope caller, CancellationToken ct)
    {
        ChiBo.Rules.Check(new CccdSearchNeedsReadSensitive(filter.Cccd is not null, caller.Can(Operation.MembersReadSensitive, subtree)));
        var sql = new RawSql(db);
        var where = new List<string>();
        var withHits = "";
        var from = "members m";

        var words = filter.Words;
        if (filter.Cccd is { } cccd)
        {
            where.Add($"m.cccd = {sql.Param(cccd)}");
        }
        else if (words.Count > 0)
        {
            var hits = new StringBuilder("SELECT id FROM members WHERE ");
            hits.Append(subtree.ProvinceId is { } p ? $"province_id = {sql.Param(p)}" : "province_id > 0");
            foreach (var word in words)
            {
                // Words hold letters and digits only (MemberFilter.Words): nothing to escape in LIKE.
                hits.Append(" AND (' ' || search_name) LIKE ").Append(sql.Param("% " + word + "%"));
            }

            withHits = $"WITH hits AS MATERIALIZED ({hits}) ";
            from = "hits h CROSS JOIN members m";
            where.Add("m.id = h.id");
        }

        if (subtree.ProvinceId is { } province)
        {
            where.Add($"m.province_id = {sql.Param(province)}");
            where.Add(sql.SubtreePredicate(subtree, "c.path", "c.province_id"));
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            where.Add($"m.status IN ({string.Join(", ", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))})");
        }

        if (filter.Gender is { } gender)
        {
            where.Add($"m.gender = {sql.Param((int)gender)}");
        }

        if (filter.GeneralEducation is { } education)
        {
            where.Add($"m.general_education = {sql.Param((int)education)}");
        }

        if (filter.AgeBand is { } band)
        {
            where.Add($"m.birth_date <= {sql.Param(band.BornOnOrBefore(today))}");
            if (band.BornAfter(today) is { } after)
            {
                where.Add($"m.birth_date > {sql.Param(after)}");
            }
        }

        if (filter.Sector is { } sector)
        {
            where.Add($"c.sector = {sql.Param((int)sector)}");
        }

        // Which table drives the join. SQLite takes a CROSS JOIN's left table as the outer loop;
        // PostgreSQL plans a CROSS JOIN with WHERE like an inner join, on its own statistics.
        // - a name search: its materialized hits, then their rows and cells (a few ms per thousand hits);
        // - a whole province (or the whole register): the members in name order, so the page stops early;
        // - a CCCD: its one member by the unique index;
        // - a smaller subtree: its cells by the path index, then their members by (province_id, cell_id)
        //   (without statistics SQLite would walk the whole province in name order instead).
        var wholeProvince = subtree.ProvinceId is null || Subtree.Ids(subtree.Path).Length <= 1;
        var join = words.Count > 0 || wholeProvince || filter.Cccd is not null
            ? $"{from} CROSS JOIN organizations c"
            : "organizations c CROSS JOIN members m";
        where.Add("c.id = m.cell_id");
        var order = words.Count > 0
            ? $"CASE WHEN m.search_name LIKE {sql.Param(string.Join(' ', words) + "%")} THEN 0 ELSE 1 END, m.search_name, m.id"
            : "m.search_name, m.id";
        var condition = string.Join(" AND ", where);
        var offset = (filter.Page - 1) * MemberFilter.PageSize;

        // A search or a small subtree has few rows: count(*) OVER () gives the total with the page.
        // A whole province counts apart, so that its page can stop after 50 rows in name order.
        var countApart = words.Count == 0 && filter.Cccd is null && wholeProvince;
        var text = $"""
            {withHits}SELECT m.id, m.full_name, m.birth_date, m.gender, m.status, m.admitted_on, c.code, c.name{(countApart ? ", 0" : ", count(*) OVER ()")}
            FROM {join}
            WHERE {condition}
            ORDER BY {order}
            LIMIT {MemberFilter.PageSize.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}
            """;
        var total = -1;
        var items = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<MemberRow>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(new MemberRow(
                    Int(reader.GetValue(0)),
                    reader.GetString(1),
                    Date(reader, 2),
                    (Gender)Int(reader.GetValue(3)),
                    (MemberStatus)Int(reader.GetValue(4)),
                    Date(reader, 5),
                    reader.GetString(6),
                    reader.GetString(7)));
                total = Int(reader.GetValue(8));
            }

            return list;
        }, ct);

        if (countApart || total < 0)
        {
            // Also when a page past the end returned no row, hence no total.
            total = await sql.QueryAsync($"{withHits}SELECT count(*) FROM {join} WHERE {condition}", async reader =>
            {
                await reader.ReadAsync(ct);
                return Int(reader.GetValue(0));
            }, ct);
        }

        return new MemberPage(total, filter.Page, MemberFilter.PageSize, items);
    }

    internal static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>SQLite returns dates as "yyyy-MM-dd" text, PostgreSQL as dates.</summary>
    internal static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Not a date: {other}"),
    };
}

/// <summary>The CCCD is sensitive (Nghị định 13/2023/NĐ-CP): searching by it needs the right to read it.</summary>
public sealed record CccdSearchNeedsReadSensitive(bool ByCccd, bool MayReadSensitive) : ChiBo.IRule
{
    public string Field => "q";

    public string Message => "Tìm theo số CCCD cần quyền xem thông tin nhạy cảm ở đơn vị này; vai trò của bạn chỉ tìm được theo họ tên.";

    public bool IsBroken() => ByCccd && !MayReadSensitive;
}
