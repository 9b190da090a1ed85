using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;
using Microsoft.EntityFrameworkCore;

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

        // The statements below read one snapshot (a caller's own transaction, if any, is used as it is).
        await using var tx = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(
                db.IsPostgres ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.Serializable, ct)
            : null;
        var rows = await CellRowsAsync(db, subtree, start, end, today, ct);
        var absentees = await AbsenteesAsync(db, subtree, start, end, rules, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

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
    /// Four set-based statements, each the same text on SQLite and PostgreSQL, each answered from
    /// one index range of the subtree: the cells alive in the year, their held meetings per month
    /// and quarter (conditional counts), their members, their members with a task. They are kept
    /// apart rather than joined in one statement because PostgreSQL misestimates the joined
    /// aggregates by orders of magnitude and then spends most of the time compiling JIT code;
    /// the caller's transaction keeps them on one snapshot. Due months are applied per row afterwards.
    /// </summary>
    private static async Task<List<CellCompliance>> CellRowsAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, DateOnly today, CancellationToken ct)
    {
        var cells = new RawSql(db);
        var cellsText = new StringBuilder()
            .Append("SELECT o.id, o.code, o.name, c.alive_from, c.alive_to FROM (SELECT organization_id AS cell_id, min(valid_from) AS alive_from,")
            .Append(" max(valid_to) AS alive_to FROM organization_periods WHERE kind IN (").Append((int)OrgKind.BaseCell).Append(", ")
            .Append((int)OrgKind.Cell).Append(") AND valid_from < ").Append(cells.Param(end)).Append(" AND valid_to > ").Append(cells.Param(start))
            .Append(" AND ").Append(cells.SubtreePredicate(subtree, "path", "province_id"))
            .Append(" GROUP BY organization_id) c JOIN organizations o ON o.id = c.cell_id ORDER BY o.path");
        var alive = await cells.QueryAsync(cellsText.ToString(), async reader =>
        {
            var list = new List<(int Id, string Code, string Name, DateOnly From, DateOnly To)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4)));
            }

            return list;
        }, ct);

        var meetings = new RawSql(db);
        var ms = meetings.Param(start);
        var me = meetings.Param(end);
        const string Held = "status = 2";
        var text = new StringBuilder("SELECT cell_id, count(*) FILTER (WHERE ").Append(Held).Append(')');
        for (var month = 1; month <= Months; month++)
        {
            var from = new DateOnly(start.Year, month, 1);
            text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND kind = ").Append((int)MeetingKind.Regular)
                .Append(" AND date >= ").Append(meetings.Param(from)).Append(" AND date < ").Append(meetings.Param(from.AddMonths(1))).Append(')');
        }

        for (var quarter = 1; quarter <= Quarters; quarter++)
        {
            var from = new DateOnly(start.Year, ((quarter - 1) * 3) + 1, 1);
            text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND kind = ").Append((int)MeetingKind.Thematic)
                .Append(" AND date >= ").Append(meetings.Param(from)).Append(" AND date < ").Append(meetings.Param(from.AddMonths(3))).Append(')');
        }

        text.Append(", count(*) FILTER (WHERE ").Append(Held).Append(" AND rating = ").Append((int)MeetingRating.Good).Append(')')
            .Append(", COALESCE(sum(present_count) FILTER (WHERE ").Append(Held).Append("), 0)")
            .Append(", COALESCE(sum(present_count + excused_count + unexcused_count) FILTER (WHERE ").Append(Held).Append("), 0)")
            .Append(" FROM meetings WHERE date >= ").Append(ms).Append(" AND date < ").Append(me)
            .Append(" AND ").Append(meetings.SubtreePredicate(subtree, "cell_path", "province_id"))
            .Append(" GROUP BY cell_id");
        var perCell = await ByCellAsync(meetings, text.ToString(), ct);

        // A member counts once per cell however many periods (attribute changes) they had there.
        var roll = new RawSql(db);
        var members = await ByCellAsync(roll,
            "SELECT cell_id, count(*) FROM (SELECT DISTINCT cell_id, member_id FROM member_periods WHERE valid_from < " + roll.Param(end)
            + " AND valid_to > " + roll.Param(start) + " AND NOT exempted AND " + roll.SubtreePredicate(subtree, "cell_path", "province_id")
            + ") x GROUP BY cell_id", ct);

        // Assigned members need no check against the roll here: AssignTask only gives a task to a
        // member of the cell (not exempted) on the day, so each of them is among that cell's members.
        var tasks = new RawSql(db);
        var assigned = await ByCellAsync(tasks,
            "SELECT cell_id, count(*) FROM (SELECT DISTINCT cell_id, member_id FROM member_tasks WHERE year = " + tasks.Param(start.Year)
            + " AND " + tasks.SubtreePredicate(subtree, "cell_path", "province_id") + ") x GROUP BY cell_id", ct);

        var none = new long[1 + Months + Quarters + 3];
        return alive.Select(c => Row(c.Id, c.Code, c.Name, c.From, c.To, perCell.GetValueOrDefault(c.Id, none),
            members.GetValueOrDefault(c.Id, [0])[0], assigned.GetValueOrDefault(c.Id, [0])[0], start, today)).ToList();
    }

    /// <summary>Rows of (cell id, counts…) into a map by cell.</summary>
    private static Task<Dictionary<int, long[]>> ByCellAsync(RawSql sql, string text, CancellationToken ct) =>
        sql.QueryAsync(text, async reader =>
        {
            var map = new Dictionary<int, long[]>();
            while (await reader.ReadAsync(ct))
            {
                var values = new long[reader.FieldCount - 1];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                }

                map[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = values;
            }

            return map;
        }, ct);

    /// <param name="m">held, 12 months with a regular meeting, 4 quarters with a thematic one, rated tốt, present, on the roll.</param>
    private static CellCompliance Row(
        int id, string code, string name, DateOnly aliveFrom, DateOnly aliveTo, long[] m, long members, long assigned, DateOnly start, DateOnly today)
    {
        // A month (quarter) is due when it is over by the report date and the cell existed all of it.
        bool Due(DateOnly from, DateOnly to) => from >= aliveFrom && to <= aliveTo && to <= today;

        var missedMonths = new List<int>();
        var monthsDue = 0;
        var monthsMet = 0;
        for (var month = 1; month <= Months; month++)
        {
            var from = new DateOnly(start.Year, month, 1);
            var met = m[month] > 0;
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
            var met = m[Months + quarter] > 0;
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

        var k = Months + Quarters;
        var present = (int)m[k + 2];
        var onRoll = (int)m[k + 3];
        return new CellCompliance(
            id, code, name, monthsDue, monthsMet, missedMonths, quartersDue, quartersMet, missedQuarters,
            (int)m[0], present, onRoll, Share(present, onRoll), (int)m[k + 1], (int)members, (int)assigned);
    }

    /// <summary>Members with at least the removal threshold of unexcused absences at held meetings of the year.</summary>
    private static async Task<List<RepeatedAbsentee>> AbsenteesAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, MeetingRules rules, CancellationToken ct)
    {
        var sql = new RawSql(db);
        // Driven by the subtree's meetings that had an unexcused absence at all (a column of the
        // compliance index), then only their Unexcused rows: the cost follows the subtree's size.
        var text = $"""
            SELECT x.member_id, mb.full_name, o.code, x.n
            FROM (SELECT a.member_id, count(*) AS n
                  FROM meetings m
                  JOIN meeting_attendances a ON a.meeting_id = m.id AND a.presence = {(int)Presence.Unexcused}
                  WHERE m.unexcused_count > 0 AND m.status = {(int)MeetingStatus.Held}
                    AND m.date >= {sql.Param(start)} AND m.date < {sql.Param(end)}
                    AND {sql.SubtreePredicate(subtree, "m.cell_path", "m.province_id")}
                  GROUP BY a.member_id
                  HAVING count(*) >= {sql.Param(rules.UnexcusedAbsencesForRemoval)}) x
            JOIN members mb ON mb.id = x.member_id
            LEFT JOIN organizations o ON o.id = mb.cell_id
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
