using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;

namespace ChiBo.Meetings;

/// <summary>
/// Cell-life compliance of a subtree for a year (the API and CLI contract). Rates are fractions
/// 0–1 rounded to 4 decimals, 0 when their denominator is 0:
/// <list type="bullet">
/// <item><c>cells</c>: organizations of kind chi bộ cơ sở or chi bộ trực thuộc whose periods overlap the
/// year inside the subtree.</item>
/// <item><c>cellsMeetingEveryMonth</c>: those cells with a held regular meeting in every month that is
/// due for them — a month is due when it has ended by the report date and the cell existed for the
/// whole month (a cell founded on 15/6 is due from July). A cell with no due month yet counts as compliant.</item>
/// <item><c>cellsWithThematicEveryQuarter</c>: the same with a held thematic meeting in every due quarter.</item>
/// <item><c>meetings</c>: held meetings (regular and thematic) of those cells dated in the year.</item>
/// <item><c>attendanceRate</c>: over held meetings, members present ÷ members on the roll call
/// (present + excused + unexcused; the roll lists every member of the cell on that date who is not exempted).</item>
/// <item><c>meetingsRatedGoodShare</c>: held meetings rated tốt ÷ held meetings (an unrated meeting is not tốt).</item>
/// <item><c>membersAssignedShare</c>: members with at least one task of the year from that cell ÷ members of
/// the cell at some time in the year who were not exempted then (each cell counts its own; sum over cells).</item>
/// </list>
/// </summary>
public sealed record MeetingCompliance(
    string Org,
    int Year,
    DateOnly Through,
    int Cells,
    int CellsMeetingEveryMonth,
    int CellsWithThematicEveryQuarter,
    int Meetings,
    decimal AttendanceRate,
    decimal MeetingsRatedGoodShare,
    decimal MembersAssignedShare,
    IReadOnlyList<RepeatedAbsentee> RepeatedAbsentees,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CellCompliance>? CellRows)
{
    /// <summary>The contract without the per-cell drill-down (5,500 rows for a province).</summary>
    public MeetingCompliance Summary() => this with { CellRows = null };
}

/// <summary>One cell's row of the drill-down.</summary>
public sealed record CellCompliance(
    int CellId,
    string Code,
    string Name,
    int MonthsDue,
    int MonthsWithRegularMeeting,
    IReadOnlyList<int> MissedMonths,
    int QuartersDue,
    int QuartersWithThematicMeeting,
    IReadOnlyList<int> MissedQuarters,
    int MeetingsHeld,
    int MembersPresent,
    int MembersOnRoll,
    decimal AttendanceRate,
    int MeetingsRatedGood,
    int ActiveMembers,
    int MembersAssigned)
{
    public bool MeetsEveryMonth => MissedMonths.Count == 0;

    public bool ThematicEveryQuarter => MissedQuarters.Count == 0;
}

/// <summary>
/// A member with at least <see cref="MeetingRules.UnexcusedAbsencesForRemoval"/> unexcused absences in the
/// year: the cell is to consider striking the name off (xóa tên); the report suggests, the cell decides.
/// </summary>
public sealed record RepeatedAbsentee(int MemberId, string FullName, string? CellCode, int UnexcusedAbsences);

public static class ComplianceReport
{
    private const int Months = 12;
    private const int Quarters = 4;

    /// <param name="today">Months and quarters are due only once they have ended by this date.</param>
    public static async Task<MeetingCompliance> RunAsync(
        ChiBoDb db, OrgLookup org, int year, DateOnly today, MeetingRules? rules = null, CancellationToken ct = default)
    {
        rules ??= MeetingRules.Default;
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);

        // The subtree as the tree stood at the end of the year (or at its start for an organization dissolved during it).
        var subtree = await AsOf.SubtreeOnAsync(db, org, end.AddDays(-1), ct)
            ?? await AsOf.SubtreeOnAsync(db, org, start, ct)
            ?? org.Subtree;

        var rows = await CellRowsAsync(db, subtree, start, end, today, ct);
        var absentees = await AbsenteesAsync(db, subtree, start, end, rules, ct);

        var present = rows.Sum(r => (long)r.MembersPresent);
        var roll = rows.Sum(r => (long)r.MembersOnRoll);
        var held = rows.Sum(r => r.MeetingsHeld);
        return new MeetingCompliance(
            AsOf.Label(org),
            year,
            Min(end.AddDays(-1), today),
            rows.Count,
            rows.Count(r => r.MeetsEveryMonth),
            rows.Count(r => r.ThematicEveryQuarter),
            held,
            Share(present, roll),
            Share(rows.Sum(r => (long)r.MeetingsRatedGood), held),
            Share(rows.Sum(r => (long)r.MembersAssigned), rows.Sum(r => (long)r.ActiveMembers)),
            absentees,
            rows);
    }

    internal static decimal Share(long part, long whole) => whole == 0 ? 0m : decimal.Round((decimal)part / whole, 4);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// One statement, the same text on SQLite and PostgreSQL: the cells alive in the year, their
    /// held meetings per month and quarter (conditional counts over one index range of meetings),
    /// and their members against members with a task. Due months are applied afterwards per row.
    /// </summary>
    private static async Task<List<CellCompliance>> CellRowsAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, DateOnly today, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var s = sql.Param(start);
        var e = sql.Param(end);
        var text = new StringBuilder();
        text.Append("WITH cells AS (SELECT organization_id AS cell_id, min(valid_from) AS alive_from, max(valid_to) AS alive_to")
            .Append(" FROM organization_periods WHERE kind IN (").Append((int)OrgKind.BaseCell).Append(", ").Append((int)OrgKind.Cell).Append(')')
            .Append(" AND valid_from < ").Append(e).Append(" AND valid_to > ").Append(s)
            .Append(" AND ").Append(sql.SubtreePredicate(subtree, "path", "province_id"))
            .Append(" GROUP BY organization_id),\n");

        const string Held = "status = 2";
        text.Append("m AS (SELECT cell_id, count(*) FILTER (WHERE ").Append(Held).Append(") AS held");
        for (var month = 1; month <= Months; month++)
        {
            var from = new DateOnly(start.Year, month, 1);
            text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND kind = ").Append((int)MeetingKind.Regular)
                .Append(" AND date >= ").Append(sql.Param(from)).Append(" AND date < ").Append(sql.Param(from.AddMonths(1)))
                .Append(") AS c").Append(month.ToString(CultureInfo.InvariantCulture));
        }

        for (var quarter = 1; quarter <= Quarters; quarter++)
        {
            var from = new DateOnly(start.Year, ((quarter - 1) * 3) + 1, 1);
            text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND kind = ").Append((int)MeetingKind.Thematic)
                .Append(" AND date >= ").Append(sql.Param(from)).Append(" AND date < ").Append(sql.Param(from.AddMonths(3)))
                .Append(") AS c").Append((Months + quarter).ToString(CultureInfo.InvariantCulture));
        }

        text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND rating = ").Append((int)MeetingRating.Good).Append(") AS good")
            .Append(", COALESCE(sum(present_count) FILTER (WHERE ").Append(Held).Append("), 0) AS present")
            .Append(", COALESCE(sum(present_count + excused_count + unexcused_count) FILTER (WHERE ").Append(Held).Append("), 0) AS on_roll")
            .Append(" FROM meetings WHERE date >= ").Append(s).Append(" AND date < ").Append(e)
            .Append(" AND ").Append(sql.SubtreePredicate(subtree, "cell_path", "province_id"))
            .Append(" GROUP BY cell_id),\n");

        // A member counts once per cell however many periods (attribute changes) they had there.
        text.Append("r AS (SELECT x.cell_id, count(*) AS members, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM member_tasks t")
            .Append(" WHERE t.member_id = x.member_id AND t.cell_id = x.cell_id AND t.year = ").Append(sql.Param(start.Year)).Append(")) AS assigned")
            .Append(" FROM (SELECT DISTINCT cell_id, member_id FROM member_periods WHERE valid_from < ").Append(e)
            .Append(" AND valid_to > ").Append(s).Append(" AND NOT exempted AND ")
            .Append(sql.SubtreePredicate(subtree, "cell_path", "province_id")).Append(") x GROUP BY x.cell_id)\n");

        text.Append("SELECT c.cell_id, o.code, o.name, c.alive_from, c.alive_to, COALESCE(m.held, 0)");
        for (var i = 1; i <= Months + Quarters; i++)
        {
            text.Append(", COALESCE(m.c").Append(i.ToString(CultureInfo.InvariantCulture)).Append(", 0)");
        }

        text.Append(", COALESCE(m.good, 0), COALESCE(m.present, 0), COALESCE(m.on_roll, 0), COALESCE(r.members, 0), COALESCE(r.assigned, 0)")
            .Append(" FROM cells c JOIN organizations o ON o.id = c.cell_id LEFT JOIN m ON m.cell_id = c.cell_id")
            .Append(" LEFT JOIN r ON r.cell_id = c.cell_id ORDER BY o.path");

        return await sql.QueryAsync(text.ToString(), async reader =>
        {
            var list = new List<CellCompliance>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(Row(reader, start, today));
            }

            return list;
        }, ct);
    }

    private static CellCompliance Row(DbDataReader reader, DateOnly start, DateOnly today)
    {
        int Int(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
        var aliveFrom = reader.GetFieldValue<DateOnly>(3);
        var aliveTo = reader.GetFieldValue<DateOnly>(4);

        // A month (quarter) is due when it is over by the report date and the cell existed all of it.
        bool Due(DateOnly from, DateOnly to) => from >= aliveFrom && to <= aliveTo && to <= today;

        var missedMonths = new List<int>();
        var monthsDue = 0;
        var monthsMet = 0;
        for (var month = 1; month <= Months; month++)
        {
            var from = new DateOnly(start.Year, month, 1);
            var met = Int(5 + month) > 0;
            monthsMet += met ? 1 : 0;
            if (Due(from, from.AddMonths(1)))
            {
                monthsDue++;
                if (!met)
                {
                    missedMonths.Add(month);
                }
            }
        }

        var missedQuarters = new List<int>();
        var quartersDue = 0;
        var quartersMet = 0;
        for (var quarter = 1; quarter <= Quarters; quarter++)
        {
            var from = new DateOnly(start.Year, ((quarter - 1) * 3) + 1, 1);
            var met = Int(5 + Months + quarter) > 0;
            quartersMet += met ? 1 : 0;
            if (Due(from, from.AddMonths(3)))
            {
                quartersDue++;
                if (!met)
                {
                    missedQuarters.Add(quarter);
                }
            }
        }

        var k = 6 + Months + Quarters;
        var present = Int(k + 1);
        var onRoll = Int(k + 2);
        return new CellCompliance(
            Int(0), reader.GetString(1), reader.GetString(2),
            monthsDue, monthsMet, missedMonths, quartersDue, quartersMet, missedQuarters,
            Int(5), present, onRoll, Share(present, onRoll), Int(k), Int(k + 3), Int(k + 4));
    }

    /// <summary>Members with at least the removal threshold of unexcused absences at held meetings of the year.</summary>
    private static async Task<List<RepeatedAbsentee>> AbsenteesAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, MeetingRules rules, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var province = subtree.ProvinceId is { } p ? $" AND a.province_id = {sql.Param(p)}" : "";
        var text = $"""
            SELECT a.member_id, mb.full_name, o.code, count(*)
            FROM meeting_attendances a
            JOIN meetings m ON m.id = a.meeting_id
            JOIN members mb ON mb.id = a.member_id
            LEFT JOIN organizations o ON o.id = mb.cell_id
            WHERE a.presence = {(int)Presence.Unexcused}{province} AND m.status = {(int)MeetingStatus.Held}
              AND m.date >= {sql.Param(start)} AND m.date < {sql.Param(end)}
              AND {sql.SubtreePredicate(subtree, "m.cell_path", "m.province_id")}
            GROUP BY a.member_id, mb.full_name, o.code
            HAVING count(*) >= {sql.Param(rules.UnexcusedAbsencesForRemoval)}
            """;
        var list = await sql.QueryAsync(text, async reader =>
        {
            var rows = new List<RepeatedAbsentee>();
            while (await reader.ReadAsync(ct))
            {
                var count = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
                rows.Add(new RepeatedAbsentee(
                    Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), count));
            }

            return rows;
        }, ct);

        // Ordered here, not in SQL, so both providers give the same order whatever their collation.
        return list.OrderByDescending(a => a.UnexcusedAbsences).ThenBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.MemberId).ToList();
    }
}
