using System.Data.Common;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace ChiBo.Meetings;

/// <summary>What the generator wrote.</summary>
public sealed record MeetingHistoryStats(int Cells, long Meetings, long Attendances, long Tasks);

/// <summary>
/// Fills a generated province with a plausible history of cell life: monthly regular meetings
/// (most cells every month, some missing months), a thematic meeting per quarter (a few cells
/// never), the roll call of every member due to attend (mostly present, some excused with a
/// reason, a few unexcused, a small set of members absent again and again), ratings from the
/// quality criteria, and yearly tasks for most members. Deterministic for a seed and a "today";
/// meetings after today stay scheduled. Rows go straight to the database in bulk (SQLite: one
/// transaction of prepared INSERTs; PostgreSQL: binary COPY), so this is for seeding, not audited edits.
/// </summary>
public static class MeetingHistoryGenerator
{
    // The shape of the demo history; plausible proportions, not statistics from the seeds.
    private const double CellsAlwaysMeeting = 0.92;
    private const double CellsNeverThematic = 0.03;
    private const double CellsSometimesSkipThematic = 0.05;
    private const double MembersOftenAbsent = 0.008;
    private const double PresentShare = 0.93;
    private const double UnexcusedShare = 0.008;
    private const double OftenAbsentUnexcusedShare = 0.35;
    private const double MembersAssigned = 0.96;
    private const double CancelledShare = 0.004;

    private static readonly string[] ExcuseReasons =
        ["Đi công tác", "Ốm", "Đi học", "Việc gia đình", "Đi làm ăn xa", "Trực cơ quan", "Đang điều trị tại bệnh viện", "Nghỉ thai sản"];

    private static readonly string[] Themes =
    [
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Chuyển đổi số trong công tác xây dựng Đảng",
        "Nâng cao chất lượng sinh hoạt chi bộ",
        "Phòng, chống tham nhũng, lãng phí, tiêu cực",
        "Xây dựng nông thôn mới, đô thị văn minh",
        "Cải cách hành chính và chính quyền địa phương hai cấp",
        "Bảo vệ nền tảng tư tưởng của Đảng",
        "Công tác phát triển đảng viên",
    ];

    private static readonly string[] TaskTitles =
    [
        "Phụ trách tuyên truyền, vận động hộ gia đình trong khu dân cư",
        "Theo dõi, giúp đỡ quần chúng ưu tú phấn đấu vào Đảng",
        "Tham gia ban công tác Mặt trận khu dân cư",
        "Phụ trách công tác đoàn thanh niên",
        "Vận động xây dựng nông thôn mới",
        "Thực hiện nhiệm vụ chuyên môn được giao đạt và vượt kế hoạch",
        "Giữ mối liên hệ với chi ủy và nhân dân nơi cư trú",
        "Tham gia tổ hòa giải ở cơ sở",
    ];

    private static readonly string[] Places = ["Nhà văn hóa ấp", "Hội trường cơ quan", "Phòng họp đơn vị", "Trụ sở Đảng ủy"];

    private sealed record CellPeriod(int CellId, DateOnly From, DateOnly To, string Path, Sector Sector);

    private readonly record struct MemberSpan(int MemberId, DateOnly From, DateOnly To);

    private sealed record MeetingRow(
        long Id, int ProvinceId, int CellId, string CellPath, DateOnly Date, MeetingKind Kind, string Title, string? Agenda,
        string? Documents, string? Place, string? OnlineLink, string? AttendingCommitteeMember, string? Minutes,
        string? Resolutions, MeetingStatus Status, string? CancelReason, MeetingRating? Rating, decimal? RatingScore,
        string? RatingDetails, int Present, int Excused, int Unexcused, DateTimeOffset UpdatedAt);

    private readonly record struct AttendanceRow(long Id, int ProvinceId, long MeetingId, int MemberId, Presence Presence, string? Reason);

    private sealed record TaskRow(
        long Id, int ProvinceId, int CellId, string CellPath, int MemberId, int Year, string Title, DateOnly AssignedOn,
        DateOnly? DueOn, string? Result, DateOnly? ResultOn, MemberTaskStatus Status, DateTimeOffset UpdatedAt);

    /// <summary>The next id of each table: the generator gives ids so that attendance can point at its meeting before either is written.</summary>
    private sealed class NextIds
    {
        public long Meeting { get; set; }
        public long Attendance { get; set; }
        public long Task { get; set; }
    }

    private sealed class YearRows
    {
        public List<MeetingRow> Meetings { get; } = [];
        public List<AttendanceRow> Attendances { get; } = [];
        public List<TaskRow> Tasks { get; } = [];
    }

    public static async Task<MeetingHistoryStats> GenerateAsync(
        DatabaseTarget target, int provinceId, int fromYear, int toYear, int seed, IProgress<string>? progress,
        CancellationToken ct, DateOnly? today = null)
    {
        if (fromYear > toYear || fromYear < 1930 || toYear > 9998)
        {
            throw new MeetingRuleException("Year", $"Khoảng năm {fromYear}–{toYear} không hợp lệ.");
        }

        var now = today ?? DateOnly.FromDateTime(DateTime.Now);
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear + 1, 1, 1);
        await using var connection = Open(target);
        await connection.OpenAsync(ct);

        if (await ScalarAsync(connection, "SELECT count(*) FROM meetings WHERE province_id = @p AND date >= @s AND date < @e",
                ct, ("@p", provinceId), ("@s", start), ("@e", end)) > 0)
        {
            throw new MeetingRuleException("ProvinceId",
                $"Tỉnh (mã số {provinceId}) đã có dữ liệu sinh hoạt chi bộ trong các năm {fromYear}–{toYear}: không sinh thêm.");
        }

        var cells = await ReadCellsAsync(connection, provinceId, start, end, ct);
        var members = await ReadMembersAsync(connection, provinceId, start, end, ct);
        progress?.Report($"Sinh hoạt chi bộ: {cells.Count} chi bộ, {members.Values.Sum(l => l.Count)} giai đoạn sinh hoạt của đảng viên.");

        var ids = new NextIds
        {
            Meeting = await ScalarAsync(connection, "SELECT COALESCE(max(id), 0) FROM meetings", ct) + 1,
            Attendance = await ScalarAsync(connection, "SELECT COALESCE(max(id), 0) FROM meeting_attendances", ct) + 1,
            Task = await ScalarAsync(connection, "SELECT COALESCE(max(id), 0) FROM member_tasks", ct) + 1,
        };

        long meetings = 0, attendances = 0, tasks = 0;
        var existing = await ScalarAsync(connection, "SELECT count(*) FROM meeting_attendances", ct);
        var expected = members.Values.Sum(l => (long)l.Count) * 16 * (toYear - fromYear + 1);
        if (connection is SqliteConnection)
        {
            // The rows are consistent by construction: no foreign-key lookups per row (two per
            // attendance row); a bigger page cache for the load. Set before the transaction (the
            // foreign-key switch is ignored inside one) and put back before the connection returns to the pool.
            await ExecAsync(connection, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -200000;", ct);
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        if (connection is NpgsqlConnection npgsql)
        {
            // The generator's rows are consistent by construction: no foreign-key lookups per attendance row.
            await Generation.BulkWriter.SkipForeignKeyChecksAsync(npgsql, (NpgsqlTransaction)tx, ct);
        }

        // A load larger than what the tables hold: one sort per index at the end instead of
        // millions of B-tree insertions in random order (the member index of attendance above all).
        var rebuild = expected > existing ? await DropIndexesAsync(connection, tx, ct) : [];
        IRowWriter writer = connection is NpgsqlConnection pg ? new CopyWriter(pg) : new SqliteWriter((SqliteConnection)connection, (SqliteTransaction)tx);
        for (var year = fromYear; year <= toYear; year++)
        {
            var rows = new YearRows();
            foreach (var (cellId, periods) in cells)
            {
                var spans = members.TryGetValue(cellId, out var s) ? s : [];
                GenerateCellYear(rows, provinceId, cellId, periods, spans, year, seed, now, ids);
            }

            await writer.WriteAsync(rows, ct);
            meetings += rows.Meetings.Count;
            attendances += rows.Attendances.Count;
            tasks += rows.Tasks.Count;
            progress?.Report($"Sinh hoạt chi bộ năm {year}: {rows.Meetings.Count} buổi, {rows.Attendances.Count} lượt điểm danh, {rows.Tasks.Count} nhiệm vụ.");
        }

        foreach (var definition in rebuild)
        {
            await ExecAsync(connection, definition, ct, tx);
        }

        if (connection is NpgsqlConnection)
        {
            // Ids were given here: later inserts through EF must start after them.
            foreach (var table in Tables)
            {
                await ExecAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(max(id), 1) FROM {table}))", ct, tx);
            }
        }

        await tx.CommitAsync(ct);
        // Fresh statistics for the planner; on PostgreSQL VACUUM also sets the visibility map, without
        // which the compliance report's index-only scans would still visit every heap page. On SQLite
        // the load's write-ahead log is folded into the file, as after the province's own load.
        if (connection is NpgsqlConnection)
        {
            foreach (var table in Tables)
            {
                await ExecAsync(connection, "VACUUM ANALYZE " + table, ct);
            }
        }
        else
        {
            await ExecAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000;", ct);
            await ExecAsync(connection, "PRAGMA analysis_limit = 1000; ANALYZE meetings; ANALYZE meeting_attendances; ANALYZE member_tasks; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        return new MeetingHistoryStats(cells.Count, meetings, attendances, tasks);
    }

    /// <summary>
    /// One cell's year. The cell's own random stream (seed, cell, year) keeps the output the same
    /// whatever the order or the number of cells around it.
    /// </summary>
    private static void GenerateCellYear(
        YearRows rows, int provinceId, int cellId, List<CellPeriod> periods, List<MemberSpan> spans, int year, int seed, DateOnly today,
        NextIds ids)
    {
        var rng = new Random(unchecked((seed * 1_000_003) ^ (cellId * 7_919) ^ (year * 104_729)));
        var policy = MeetingRules.Default.Quality;
        var alwaysMeets = rng.NextDouble() < CellsAlwaysMeeting;
        var missProbability = alwaysMeets ? 0.0 : 0.08 + (rng.NextDouble() * 0.25);
        var thematicRoll = rng.NextDouble();
        var thematicProbability = thematicRoll < CellsNeverThematic ? 0.0
            : thematicRoll < CellsNeverThematic + CellsSometimesSkipThematic ? 0.6 : 1.0;
        var quality = alwaysMeets ? 8.4 + (rng.NextDouble() * 1.4) : 6.0 + (rng.NextDouble() * 2.5);
        var day = 3 + rng.Next(20);
        var place = Places[rng.Next(Places.Length)];

        void AddMeeting(DateOnly date, MeetingKind kind, string title, string? agenda)
        {
            if (periods.FirstOrDefault(p => p.From <= date && p.To > date) is not { } cell)
            {
                return;
            }

            var online = MeetingRules.Default.OnlineAllowed(cell.Sector) && rng.NextDouble() < 0.1;
            var updated = new DateTimeOffset(date.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
            var attending = rng.NextDouble() < 0.3 ? "Đồng chí cấp ủy viên phụ trách chi bộ" : null;
            var id = ids.Meeting++;
            if (date > today || (kind == MeetingKind.Regular && rng.NextDouble() < CancelledShare))
            {
                var cancelled = date <= today;
                rows.Meetings.Add(new MeetingRow(id, provinceId, cellId, cell.Path, date, kind, title, agenda, null,
                    online ? null : place, online ? "https://hop.chibo.vn/" + id.ToString(CultureInfo.InvariantCulture) : null, attending,
                    null, null, cancelled ? MeetingStatus.Cancelled : MeetingStatus.Scheduled, cancelled ? "Hoãn do thiên tai, dịch bệnh" : null,
                    null, null, null, 0, 0, 0, updated));
                return;
            }

            int present = 0, excused = 0, unexcused = 0;
            foreach (var m in spans)
            {
                if (m.From > date || m.To <= date)
                {
                    continue;
                }

                // A member's habits come from their own stream, so the same few members are absent again and again.
                var oftenAbsent = Unit(seed, m.MemberId) < MembersOftenAbsent;
                var roll = rng.NextDouble();
                var unexcusedShare = oftenAbsent ? OftenAbsentUnexcusedShare : UnexcusedShare;
                var presence = roll < unexcusedShare ? Presence.Unexcused
                    : roll < unexcusedShare + (oftenAbsent ? 0.2 : 1 - PresentShare - UnexcusedShare) ? Presence.Excused
                    : Presence.Present;
                var reason = presence == Presence.Excused ? ExcuseReasons[rng.Next(ExcuseReasons.Length)] : null;
                rows.Attendances.Add(new AttendanceRow(ids.Attendance++, provinceId, id, m.MemberId, presence, reason));
                switch (presence)
                {
                    case Presence.Present: present++; break;
                    case Presence.Excused: excused++; break;
                    default: unexcused++; break;
                }
            }

            var scores = policy.Criteria.ToDictionary(
                c => c.Code, c => Math.Clamp((int)Math.Round(quality + ((rng.NextDouble() - 0.5) * 2.5)), 0, policy.MaxScore));
            var score = policy.Score(scores);
            var onRoll = present + excused + unexcused;
            var rating = policy.Rate(score, onRoll == 0 ? 0m : (decimal)present / onRoll);
            rows.Meetings.Add(new MeetingRow(id, provinceId, cellId, cell.Path, date, kind, title, agenda,
                kind == MeetingKind.Thematic ? "Tài liệu học tập chuyên đề của Ban Tuyên giáo" : "Nghị quyết, chỉ thị mới của cấp trên",
                online ? null : place, online ? "https://hop.chibo.vn/" + id.ToString(CultureInfo.InvariantCulture) : null, attending,
                $"Chi bộ họp lúc 14 giờ ngày {MeetingRules.Date(date)}; có mặt {present}/{onRoll} đảng viên.",
                "Chi bộ thống nhất các nhiệm vụ trọng tâm tháng tới.", MeetingStatus.Held, null, rating, score,
                string.Join(';', policy.Criteria.Select(c => c.Code + "=" + scores[c.Code].ToString(CultureInfo.InvariantCulture))),
                present, excused, unexcused, updated));
        }

        for (var month = 1; month <= 12; month++)
        {
            var date = MeetingRules.DayInMonth(year, month, day + rng.Next(-2, 3));
            if (rng.NextDouble() >= missProbability)
            {
                AddMeeting(date, MeetingKind.Regular, $"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}", "Đánh giá tháng qua; nhiệm vụ tháng tới");
            }

            // The thematic meeting falls in the middle month of each quarter, apart from the regular one.
            if (month % 3 == 2 && rng.NextDouble() < thematicProbability)
            {
                var theme = Themes[rng.Next(Themes.Length)];
                AddMeeting(MeetingRules.DayInMonth(year, month, 24 + rng.Next(4)), MeetingKind.Thematic, "Sinh hoạt chuyên đề: " + theme, theme);
            }
        }

        // Tasks for the year: members of the cell some time in the year, assigned early in the year or on arrival.
        var assignedShare = alwaysMeets ? MembersAssigned : 0.75;
        var yearStart = new DateOnly(year, 1, 1);
        foreach (var member in spans.Where(m => m.From < yearStart.AddYears(1) && m.To > yearStart).DistinctBy(m => m.MemberId))
        {
            if (rng.NextDouble() >= assignedShare)
            {
                continue;
            }

            var first = spans.Where(m => m.MemberId == member.MemberId && m.To > yearStart).Min(m => m.From);
            var assignedOn = first > yearStart ? first : yearStart.AddDays(10 + rng.Next(20));
            if (assignedOn > today || assignedOn.Year != year || periods.FirstOrDefault(p => p.From <= assignedOn && p.To > assignedOn) is not { } cell)
            {
                continue;
            }

            var count = 1 + (rng.NextDouble() < 0.4 ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var due = new DateOnly(year, 12, 15);
                var finished = due <= today;
                var completed = rng.NextDouble() < 0.92;
                rows.Tasks.Add(new TaskRow(ids.Task++, provinceId, cellId, cell.Path, member.MemberId, year,
                    TaskTitles[rng.Next(TaskTitles.Length)], assignedOn, due,
                    finished ? (completed ? "Hoàn thành nhiệm vụ được giao" : "Chưa hoàn thành, chuyển sang năm sau") : null,
                    finished ? due : null,
                    finished ? (completed ? MemberTaskStatus.Completed : MemberTaskStatus.NotCompleted) : MemberTaskStatus.Assigned,
                    new DateTimeOffset(assignedOn.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero)));
            }
        }
    }

    /// <summary>A fixed number in [0, 1) for (seed, id): SplitMix64, the same on every run and machine.</summary>
    private static double Unit(int seed, int id)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)id) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static DbConnection Open(DatabaseTarget target) => target.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(target.ConnectionString)
        : new SqliteConnection(target.ConnectionString);

    /// <summary>Every cell period of the province in the range, in one read.</summary>
    private static async Task<SortedDictionary<int, List<CellPeriod>>> ReadCellsAsync(
        DbConnection connection, int provinceId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        await using var cmd = Command(connection,
            $"SELECT organization_id, valid_from, valid_to, path, sector FROM organization_periods WHERE province_id = @p AND kind IN ({(int)OrgKind.BaseCell}, {(int)OrgKind.Cell}) AND valid_from < @e AND valid_to > @s ORDER BY organization_id, valid_from",
            ("@p", provinceId), ("@s", start), ("@e", end));
        var cells = new SortedDictionary<int, List<CellPeriod>>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var p = new CellPeriod(reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                (Sector)reader.GetInt32(4));
            if (!cells.TryGetValue(p.CellId, out var list))
            {
                cells[p.CellId] = list = [];
            }

            list.Add(p);
        }

        return cells;
    }

    /// <summary>Every non-exempted membership period of the province in the range, in one read, by cell.</summary>
    private static async Task<Dictionary<int, List<MemberSpan>>> ReadMembersAsync(
        DbConnection connection, int provinceId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        await using var cmd = Command(connection,
            "SELECT cell_id, member_id, valid_from, valid_to FROM member_periods WHERE province_id = @p AND NOT exempted AND valid_from < @e AND valid_to > @s ORDER BY cell_id, member_id, valid_from",
            ("@p", provinceId), ("@s", start), ("@e", end));
        var byCell = new Dictionary<int, List<MemberSpan>>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var cellId = reader.GetInt32(0);
            if (!byCell.TryGetValue(cellId, out var list))
            {
                byCell[cellId] = list = [];
            }

            list.Add(new MemberSpan(reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3)));
        }

        return byCell;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = Command(connection, sql);
        cmd.Transaction = tx;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static readonly string[] Tables = ["meetings", "meeting_attendances", "member_tasks"];

    /// <summary>Drops the secondary indexes of the three tables (not the keys) and returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var found = new List<(string Name, string Definition)>();
        await using (var cmd = Command(connection, connection is NpgsqlConnection
            ? """
              SELECT i.indexname, i.indexdef FROM pg_indexes i
              WHERE i.schemaname = current_schema() AND i.tablename IN ('meetings', 'meeting_attendances', 'member_tasks')
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
              ORDER BY i.indexname
              """
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('meetings', 'meeting_attendances', 'member_tasks') ORDER BY name"))
        {
            cmd.Transaction = tx;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            await ExecAsync(connection, $"DROP INDEX \"{name}\"", ct, tx);
        }

        return found.Select(f => f.Definition).ToList();
    }

    private interface IRowWriter
    {
        Task WriteAsync(YearRows rows, CancellationToken ct);
    }

    /// <summary>One column of a bulk load: snake_case name, PostgreSQL type, value.</summary>
    private sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

    private static readonly Column<MeetingRow>[] MeetingColumns =
    [
        new("id", NpgsqlDbType.Bigint, r => r.Id), new("province_id", NpgsqlDbType.Integer, r => r.ProvinceId),
        new("cell_id", NpgsqlDbType.Integer, r => r.CellId), new("cell_path", NpgsqlDbType.Varchar, r => r.CellPath),
        new("date", NpgsqlDbType.Date, r => r.Date), new("kind", NpgsqlDbType.Integer, r => (int)r.Kind),
        new("title", NpgsqlDbType.Varchar, r => r.Title), new("agenda", NpgsqlDbType.Varchar, r => r.Agenda),
        new("documents", NpgsqlDbType.Varchar, r => r.Documents), new("place", NpgsqlDbType.Varchar, r => r.Place),
        new("online_link", NpgsqlDbType.Varchar, r => r.OnlineLink),
        new("attending_committee_member", NpgsqlDbType.Varchar, r => r.AttendingCommitteeMember),
        new("minutes", NpgsqlDbType.Varchar, r => r.Minutes), new("resolutions", NpgsqlDbType.Varchar, r => r.Resolutions),
        new("status", NpgsqlDbType.Integer, r => (int)r.Status), new("cancel_reason", NpgsqlDbType.Varchar, r => r.CancelReason),
        new("rating", NpgsqlDbType.Integer, r => (int?)r.Rating), new("rating_score", NpgsqlDbType.Numeric, r => r.RatingScore),
        new("rating_details", NpgsqlDbType.Varchar, r => r.RatingDetails),
        new("present_count", NpgsqlDbType.Integer, r => r.Present), new("excused_count", NpgsqlDbType.Integer, r => r.Excused),
        new("unexcused_count", NpgsqlDbType.Integer, r => r.Unexcused),
        new("updated_at", NpgsqlDbType.TimestampTz, r => r.UpdatedAt), new("version", NpgsqlDbType.Integer, _ => 0),
    ];

    private static readonly Column<AttendanceRow>[] AttendanceColumns =
    [
        new("id", NpgsqlDbType.Bigint, r => r.Id), new("province_id", NpgsqlDbType.Integer, r => r.ProvinceId),
        new("meeting_id", NpgsqlDbType.Bigint, r => r.MeetingId), new("member_id", NpgsqlDbType.Integer, r => r.MemberId),
        new("presence", NpgsqlDbType.Integer, r => (int)r.Presence), new("reason", NpgsqlDbType.Varchar, r => r.Reason),
    ];

    private static readonly Column<TaskRow>[] TaskColumns =
    [
        new("id", NpgsqlDbType.Bigint, r => r.Id), new("province_id", NpgsqlDbType.Integer, r => r.ProvinceId),
        new("cell_id", NpgsqlDbType.Integer, r => r.CellId), new("cell_path", NpgsqlDbType.Varchar, r => r.CellPath),
        new("member_id", NpgsqlDbType.Integer, r => r.MemberId), new("year", NpgsqlDbType.Integer, r => r.Year),
        new("title", NpgsqlDbType.Varchar, r => r.Title), new("assigned_on", NpgsqlDbType.Date, r => r.AssignedOn),
        new("due_on", NpgsqlDbType.Date, r => r.DueOn), new("result", NpgsqlDbType.Varchar, r => r.Result),
        new("result_on", NpgsqlDbType.Date, r => r.ResultOn), new("status", NpgsqlDbType.Integer, r => (int)r.Status),
        new("updated_at", NpgsqlDbType.TimestampTz, r => r.UpdatedAt), new("version", NpgsqlDbType.Integer, _ => 0),
    ];

    /// <summary>PostgreSQL: one binary COPY per table and year, in the caller's transaction.</summary>
    private sealed class CopyWriter(NpgsqlConnection connection) : IRowWriter
    {
        public async Task WriteAsync(YearRows rows, CancellationToken ct)
        {
            await CopyAsync("meetings", MeetingColumns, rows.Meetings, ct);
            await CopyAsync("meeting_attendances", AttendanceColumns, rows.Attendances, ct);
            await CopyAsync("member_tasks", TaskColumns, rows.Tasks, ct);
        }

        private async Task CopyAsync<T>(string table, Column<T>[] columns, List<T> rows, CancellationToken ct)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);

            // Two million attendance rows take longer than the default 30 s command timeout on a busy server.
            importer.Timeout = TimeSpan.FromMinutes(10);
            foreach (var row in rows)
            {
                // Synchronous writes: the importer buffers, and an await per value costs more than the I/O.
                importer.StartRow();
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        importer.Write(value, column.Type);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }
            }

            await importer.CompleteAsync(ct);
        }
    }

    /// <summary>
    /// SQLite: one prepared INSERT per table driven through the native API (bind, step, reset),
    /// in the caller's single transaction. Through ADO.NET every row paid a command execution with
    /// its reader and parameter checks, and multi-row VALUES text paid a compilation per row; for
    /// 4 M attendance rows either was most of the load.
    /// </summary>
    private sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction tx) : IRowWriter
    {
        public Task WriteAsync(YearRows rows, CancellationToken ct)
        {
            _ = tx; // the rows join the transaction opened on this connection
            Insert("meetings", MeetingColumns, rows.Meetings, ct);
            Insert("meeting_attendances", AttendanceColumns, rows.Attendances, ct);
            Insert("member_tasks", TaskColumns, rows.Tasks, ct);
            return Task.CompletedTask;
        }

        private void Insert<T>(string table, Column<T>[] columns, List<T> rows, CancellationToken ct)
        {
            var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var stmt), sql);
            using (stmt)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    if (r % 100_000 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    for (var c = 0; c < columns.Length; c++)
                    {
                        Bind(stmt, c + 1, columns[c].Value(rows[r]));
                    }

                    var done = raw.sqlite3_step(stmt);
                    if (done != raw.SQLITE_DONE)
                    {
                        Check(done, sql);
                    }

                    raw.sqlite3_reset(stmt);
                }
            }
        }

        /// <summary>A value as EF Core's SQLite provider stores it: dates and decimals as invariant text.</summary>
        private static void Bind(sqlite3_stmt stmt, int index, object? value)
        {
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(stmt, index),
                int i => raw.sqlite3_bind_int64(stmt, index, i),
                long l => raw.sqlite3_bind_int64(stmt, index, l),
                string text => raw.sqlite3_bind_text(stmt, index, text),
                _ => raw.sqlite3_bind_text(stmt, index, (string)SqliteValue(value)),
            };
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite bind {index}: {rc}");
            }
        }

        private void Check(int rc, string sql)
        {
            if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
            {
                throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()} ({sql})");
            }
        }

        /// <summary>Values as EF Core's SQLite provider stores them: dates and decimals as invariant text.</summary>
        private static object SqliteValue(object? value) => value switch
        {
            null => DBNull.Value,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.0###", CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
