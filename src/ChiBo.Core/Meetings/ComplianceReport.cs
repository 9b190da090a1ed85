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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CellCompliance>? CellRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MonthCompliance>? ByMonth = null)
{
    /// <summary>The contract without the per-cell drill-down (5,500 rows for a province).</summary>
    public MeetingCompliance Summary() => this with { CellRows = null };
}

/// <summary>
/// The held meetings of one month of the year in the subtree, for the monthly chart: they add up
/// to the year's <see cref="MeetingCompliance.Meetings"/> and attendance.
/// </summary>
public sealed record MonthCompliance(int Month, int RegularMeetings, int ThematicMeetings, int MembersPresent, int MembersOnRoll)
{
    public int Meetings => RegularMeetings + ThematicMeetings;

    public decimal AttendanceRate => ComplianceReport.Share(MembersPresent, MembersOnRoll);
}

/// <summary>One cell's row of the drill-down; <see cref="Path"/> is the cell's place in the tree now, for grouping by the level below.</summary>
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
    int MembersAssigned,
    string Path)
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
    /// <param name="byMonth">Also the figures of each month (<see cref="MeetingCompliance.ByMonth"/>), one more statement.</param>
    /// <param name="absentees">The repeated absentees (one more statement); the plans' measures need only the cell rows.</param>
    public static async Task<MeetingCompliance> RunAsync(
        ChiBoDb db, OrgLookup org, int year, DateOnly today, MeetingRules? rules = null, bool byMonth = false, bool absentees = true,
        CancellationToken ct = default)
    {
        rules ??= MeetingRules.Default;
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);

        // The subtree as the tree stood at the end of the year (or at its start for an organization dissolved during it).
        var subtree = await AsOf.SubtreeOnAsync(db, org, end.AddDays(-1), ct)
            ?? await AsOf.SubtreeOnAsync(db, org, start, ct)
            ?? org.Subtree;

        // The statements below read one snapshot (a caller's own transaction, if any, is used as it is).
        await using var tx = db.Database.CurrentTransaction is null ? await Transactions.BeginReadSnapshotAsync(db, ct) : null;
        if (tx is not null && db.IsPostgres)
        {
            // Each statement is one index range read in its own order: a parallel plan only adds
            // gathering and merging the groups (181 ms instead of 47 ms for the province's meetings
            // on a busy server), and JIT compiling costs more than these scans.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", ct);
        }

        var rows = await CellRowsAsync(db, subtree, start, end, today, ct);
        IReadOnlyList<RepeatedAbsentee> repeated = absentees ? await AbsenteesAsync(db, subtree, start, end, rules, ct) : [];
        var months = byMonth ? await MonthsAsync(db, subtree, start, end, ct) : null;
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
            repeated,
            rows,
            months);
    }

    /// <summary>Held meetings and attendance per month and kind: one range of the compliance index, grouped by month.</summary>
    private static async Task<List<MonthCompliance>> MonthsAsync(ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT {sql.MonthOf("date")} AS month, kind, count(*), sum(present_count), sum(present_count + excused_count + unexcused_count)
            FROM meetings
            WHERE {sql.SubtreePredicate(subtree, "cell_path", "province_id")} AND date >= {sql.Param(start)} AND date < {sql.Param(end)}
              AND status = {(int)MeetingStatus.Held}
            GROUP BY {sql.MonthOf("date")}, kind
            """;
        var cells = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<(int Month, int Kind, long Count, long Present, long Roll)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
            }

            return list;
        }, ct);
        return Enumerable.Range(1, Months).Select(m =>
        {
            var of = cells.Where(c => c.Month == m).ToList();
            return new MonthCompliance(
                m,
                (int)of.Where(c => c.Kind == (int)MeetingKind.Regular).Sum(c => c.Count),
                (int)of.Where(c => c.Kind == (int)MeetingKind.Thematic).Sum(c => c.Count),
                (int)of.Sum(c => c.Present),
                (int)of.Sum(c => c.Roll));
        }).ToList();
    }

    /// <summary>part ÷ whole rounded to 4 decimals, 0 when whole is 0: how every rate of the report is given.</summary>
    public static decimal Share(long part, long whole) => whole == 0 ? 0m : decimal.Round((decimal)part / whole, 4);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// Four set-based statements, each the same shape on SQLite and PostgreSQL, each one range of
    /// a covering index of the subtree, grouped in that index's order (cell path first) so that
    /// neither database sorts or hashes ~130k rows: the cells alive in the year; their held meetings
    /// (counts, and the months met by kind as a bit mask); their members; their members with a
    /// task. The caller's transaction keeps them on one snapshot. A path names one cell (it ends
    /// with the cell's id), but a cell moved during the year has several paths: counts of meetings
    /// add up over them, distinct members are counted again for those cells alone
    /// (<see cref="DistinctAcrossPathsAsync"/>). Due months are applied per row afterwards.
    /// </summary>
    private static async Task<List<CellCompliance>> CellRowsAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, DateOnly today, CancellationToken ct)
    {
        var cells = new RawSql(db);
        var cellsText = new StringBuilder()
            .Append("SELECT o.id, o.code, o.name, c.alive_from, c.alive_to, o.path FROM (SELECT organization_id AS cell_id, min(valid_from) AS alive_from,")
            .Append(" max(valid_to) AS alive_to FROM organization_periods WHERE kind IN (").Append((int)OrgKind.BaseCell).Append(", ")
            .Append((int)OrgKind.Cell).Append(") AND valid_from < ").Append(cells.Param(end)).Append(" AND valid_to > ").Append(cells.Param(start))
            .Append(" AND ").Append(cells.SubtreePredicate(subtree, "path", "province_id"))
            .Append(" GROUP BY organization_id) c JOIN organizations o ON o.id = c.cell_id ORDER BY o.path");
        var alive = await cells.QueryAsync(cellsText.ToString(), async reader =>
        {
            var list = new List<(int Id, string Code, string Name, DateOnly From, DateOnly To, string Path)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4), reader.GetString(5)));
            }

            return list;
        }, ct);

        // Held meetings only (every figure is about them): the status is a column of the index, so
        // the condition costs nothing, and each row is looked at once instead of once per month.
        var meetings = new RawSql(db);
        var month = meetings.MonthOf("date");
        // One bit per month and kind: 0–11 the months with a regular meeting, 12–23 those with a thematic one.
        var met = $"1 << ({month} + (kind - {(int)MeetingKind.Regular}) * {Months} - 1)";
        var text = new StringBuilder("SELECT min(cell_id), count(*), count(*) FILTER (WHERE rating = ").Append((int)MeetingRating.Good).Append(')')
            .Append(", sum(present_count), sum(present_count + excused_count + unexcused_count), ").Append(meetings.BitOr(met))
            .Append(" FROM meetings WHERE ").Append(meetings.SubtreePredicate(subtree, "cell_path", "province_id"))
            .Append(" AND date >= ").Append(meetings.Param(start)).Append(" AND date < ").Append(meetings.Param(end))
            .Append(" AND status = ").Append((int)MeetingStatus.Held)
            .Append(" GROUP BY cell_path");
        var perCell = new Dictionary<int, long[]>();
        foreach (var (cellId, values) in await RowsAsync(meetings, text.ToString(), ct))
        {
            if (perCell.TryGetValue(cellId, out var sum))
            {
                // The same cell under another path (moved during the year): counts add up, months and quarters met combine.
                for (var i = 0; i < 4; i++)
                {
                    sum[i] += values[i];
                }

                sum[4] |= values[4];
            }
            else
            {
                perCell[cellId] = values;
            }
        }

        // A member counts once per cell however many periods (attribute changes) they had there.
        var roll = new RawSql(db);
        var rollFilter = "valid_from < " + roll.Param(end) + " AND valid_to > " + roll.Param(start) + " AND NOT exempted";
        var members = await DistinctAcrossPathsAsync(subtree, "member_periods" + roll.IndexedBy(RollIndex), rollFilter, roll, ct);

        // Assigned members need no check against the roll here: AssignTask only gives a task to a
        // member of the cell (not exempted) on the day, so each of them is among that cell's members.
        var tasks = new RawSql(db);
        var assigned = await DistinctAcrossPathsAsync(subtree, "member_tasks", "year = " + tasks.Param(start.Year), tasks, ct);

        var none = new long[5];
        return alive.Select(c => Row(c.Id, c.Code, c.Name, c.Path, c.From, c.To, perCell.GetValueOrDefault(c.Id, none),
            members.GetValueOrDefault(c.Id), assigned.GetValueOrDefault(c.Id), start, today)).ToList();
    }

    /// <summary>The covering index of member periods by cell (see <see cref="MemberPeriodComplianceIndex"/>).</summary>
    internal const string RollIndex = "ix_member_periods_cell_roll";

    /// <summary>
    /// Distinct members per cell in a table keyed (province, cell path, cell, member): counted per
    /// path in index order, then again, exactly, for the few cells found under several paths.
    /// </summary>
    private static async Task<Dictionary<int, int>> DistinctAcrossPathsAsync(
        Subtree subtree, string table, string filter, RawSql sql, CancellationToken ct)
    {
        var text = $"SELECT cell_id, count(DISTINCT member_id) FROM {table} WHERE {filter} AND {sql.SubtreePredicate(subtree, "cell_path", "province_id")} GROUP BY cell_path, cell_id";
        var counts = new Dictionary<int, int>();
        var moved = new HashSet<int>();
        foreach (var (cellId, values) in await RowsAsync(sql, text, ct))
        {
            if (!counts.TryAdd(cellId, (int)values[0]))
            {
                moved.Add(cellId);
            }
        }

        if (moved.Count > 0)
        {
            var ids = string.Join(", ", moved.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var exact = text.Replace(" GROUP BY cell_path, cell_id", $" AND cell_id IN ({ids}) GROUP BY cell_id", StringComparison.Ordinal);
            foreach (var (cellId, values) in await RowsAsync(sql, exact, ct))
            {
                counts[cellId] = (int)values[0];
            }
        }

        return counts;
    }

    /// <summary>Rows of (cell id, values…), a null value read as 0.</summary>
    private static Task<List<(int CellId, long[] Values)>> RowsAsync(RawSql sql, string text, CancellationToken ct) =>
        sql.QueryAsync(text, async reader =>
        {
            var rows = new List<(int, long[])>();
            while (await reader.ReadAsync(ct))
            {
                var values = new long[reader.FieldCount - 1];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i + 1) ? 0 : Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                }

                rows.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), values));
            }

            return rows;
        }, ct);

    /// <param name="m">held, rated tốt, present, on the roll, and the bits of the months with a regular meeting (0–11) and with a thematic one (12–23).</param>
    private static CellCompliance Row(
        int id, string code, string name, string path, DateOnly aliveFrom, DateOnly aliveTo, long[] m, int members, int assigned, DateOnly start, DateOnly today)
    {
        // A month (quarter) is due when it is over by the report date and the cell existed all of it.
        bool Due(DateOnly from, DateOnly to) => from >= aliveFrom && to <= aliveTo && to <= today;

        var bits = m[4];
        var missedMonths = new List<int>();
        var monthsDue = 0;
        var monthsMet = 0;
        for (var month = 1; month <= Months; month++)
        {
            var from = new DateOnly(start.Year, month, 1);
            var met = (bits & (1L << (month - 1))) != 0;
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
            var thematicMonths = 7L << (Months + ((quarter - 1) * 3));
            var met = (bits & thematicMonths) != 0;
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

        var present = (int)m[2];
        var onRoll = (int)m[3];
        return new CellCompliance(
            id, code, name, monthsDue, monthsMet, missedMonths, quartersDue, quartersMet, missedQuarters,
            (int)m[0], present, onRoll, Share(present, onRoll), (int)m[1], members, assigned, path);
    }

    /// <summary>Members with at least the removal threshold of unexcused absences at held meetings of the year.</summary>
    private static async Task<List<RepeatedAbsentee>> AbsenteesAsync(
        ChiBoDb db, Subtree subtree, DateOnly start, DateOnly end, MeetingRules rules, CancellationToken ct)
    {
        var sql = new RawSql(db);
        // Driven by the subtree's held meetings that had an unexcused absence at all (a partial
        // index of a fifth of them), then only their Unexcused rows: the cost follows the subtree.
        var text = $"""
            SELECT a.member_id, count(*) AS n
            FROM meetings m
            JOIN meeting_attendances a ON a.meeting_id = m.id AND a.presence = {(int)Presence.Unexcused}
            WHERE m.unexcused_count > 0 AND m.status = {(int)MeetingStatus.Held}
              AND m.date >= {sql.Param(start)} AND m.date < {sql.Param(end)}
              AND {sql.SubtreePredicate(subtree, "m.cell_path", "m.province_id")}
            GROUP BY a.member_id
            HAVING count(*) >= {sql.Param(rules.UnexcusedAbsencesForRemoval)}
            """;
        var counts = await sql.QueryAsync(text, async reader =>
        {
            var rows = new Dictionary<int, int>();
            while (await reader.ReadAsync(ct))
            {
                rows[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return rows;
        }, ct);
        if (counts.Count == 0)
        {
            return [];
        }

        // Their names and cells by key, a thousand or so: joined in the statement above, PostgreSQL
        // hashed the whole members table for them.
        var names = new RawSql(db);
        var ids = string.Join(", ", counts.Keys.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var list = await names.QueryAsync(
            $"SELECT mb.id, mb.full_name, o.code FROM members mb LEFT JOIN organizations o ON o.id = mb.cell_id WHERE mb.id IN ({ids})",
            async reader =>
            {
                var rows = new List<RepeatedAbsentee>();
                while (await reader.ReadAsync(ct))
                {
                    var id = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                    rows.Add(new RepeatedAbsentee(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), counts[id]));
                }

                return rows;
            }, ct);

        // Ordered here, not in SQL, so both providers give the same order whatever their collation.
        return list.OrderByDescending(a => a.UnexcusedAbsences).ThenBy(a => a.FullName, StringComparer.Ordinal).ThenBy(a => a.MemberId).ToList();
    }
}
