// Usage: dotnet run scripts/bench-meetings.cs -- <sqlite file | "Host=…;Database=…"> — builds a synthetic province (5,500 cells,
// 131,000 members) in an empty database, generates 2025 with MeetingHistoryGenerator, prints warm medians of ComplianceReport.
#:project ../src/ChiBo.Core/ChiBo.Core.csproj
#:project ../src/ChiBo.Migrations.Sqlite/ChiBo.Migrations.Sqlite.csproj
#:project ../src/ChiBo.Migrations.Postgres/ChiBo.Migrations.Postgres.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

// Bench for the cell-life compliance report: a synthetic province (100 communes, 955 base
// committees, 5,500 cells, 131,000 members), one generated year of meetings, warm medians.
var target = DatabaseTarget.Parse(args[0]);
var pg = target.Provider == DatabaseProvider.Postgres;
await target.MigrateAsync();
await using (var db = target.CreateContext())
{
    var conn = db.Database.GetDbConnection();
    await conn.OpenAsync();
    async Task Exec(string sql)
    {
        await using var c = conn.CreateCommand();
        c.CommandText = sql;
        c.CommandTimeout = 600;
        await c.ExecuteNonQueryAsync();
    }

    await using (var c = conn.CreateCommand())
    {
        c.CommandText = "SELECT count(*) FROM provinces WHERE code = 'BG'";
        if (Convert.ToInt64(await c.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            var sw = Stopwatch.StartNew();
            string D(string d) => pg ? $"DATE '{d}'" : $"'{d}'";
            string B(bool b) => pg ? (b ? "true" : "false") : (b ? "1" : "0");
            string Series(int from, int to) => pg
                ? $"generate_series({from}, {to}) AS s(i)"
                : $"(WITH RECURSIVE r(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM r WHERE i < {to}) SELECT i FROM r) s";
            var ts = pg ? "TIMESTAMPTZ '2020-01-01 00:00:00+00'" : "'2020-01-01 00:00:00+00:00'";
            var cols = "id, province_id, code, name, kind, sector, parent_id, path, depth, founded_on, version";
            await Exec("BEGIN");
            await Exec("INSERT INTO provinces (id, code, name) VALUES (1, 'BG', 'Tỉnh thử hiệu năng')");
            await Exec($"INSERT INTO organizations ({cols}) VALUES (1, 1, 'BG', 'Đảng bộ tỉnh', 1, 7, NULL, '/1/', 0, {D("2000-01-01")}, 0)");
            await Exec($"INSERT INTO organizations ({cols}) SELECT i, 1, 'BG.X' || i, 'Đảng bộ xã ' || i, 2, 6, 1, '/1/' || i || '/', 1, {D("2000-01-01")}, 0 FROM {Series(2, 101)}");
            await Exec($"INSERT INTO organizations ({cols}) SELECT 1000 + i, 1, 'BG.B' || i, 'Đảng bộ cơ sở ' || i, 3, 6, p.id, p.path || (1000 + i) || '/', 2, {D("2000-01-01")}, 0 FROM {Series(1, 955)} JOIN organizations p ON p.id = 2 + (i % 100)");
            await Exec($"INSERT INTO organizations ({cols}) SELECT 10000 + i, 1, 'BG.C' || i, 'Chi bộ ' || i, 6, 6, p.id, p.path || (10000 + i) || '/', 3, {D("2000-01-01")}, 0 FROM {Series(1, 5500)} JOIN organizations p ON p.id = 1001 + (i % 955)");
            await Exec($"INSERT INTO organization_periods (province_id, organization_id, valid_from, valid_to, name, kind, sector, parent_id, path) SELECT province_id, id, founded_on, {D("9999-12-31")}, name, kind, sector, parent_id, path FROM organizations WHERE province_id = 1");
            await Exec($"""
                INSERT INTO members (id, province_id, full_name, search_name, gender, birth_date, ethnicity, religion, general_education, professional,
                  science_technology, political_theory, civil_service_grade, youth_union, enterprise, retired, admitted_on, official_on, status, cell_id, updated_at, version)
                SELECT i, 1, 'Đảng viên ' || i, 'dang vien ' || i, 1 + (i % 2), {D("1975-01-01")}, 1, 0, 4, 4, {B(false)}, 1, 0, {B(false)}, {B(false)}, {B(false)},
                  {D("2005-01-01")}, {D("2006-01-01")}, 2, 10001 + (i % 5500), {ts}, 0 FROM {Series(1, 131000)}
                """);
            await Exec($"""
                INSERT INTO member_periods (province_id, member_id, valid_from, valid_to, cell_id, cell_path, official_on, exempted, gender, birth_date,
                  minority, religious, general_education, professional, political_theory, enterprise, youth_union, retired)
                SELECT 1, m.id, {D("2010-01-01")}, {D("9999-12-31")}, m.cell_id, o.path, m.official_on, m.id % 50 = 0, m.gender, m.birth_date,
                  {B(false)}, {B(false)}, 4, 4, 1, {B(false)}, {B(false)}, {B(false)}
                FROM members m JOIN organizations o ON o.id = m.cell_id WHERE m.province_id = 1
                """);
            await Exec("COMMIT");
            await Exec("ANALYZE");
            Console.WriteLine($"province built in {sw.Elapsed.TotalSeconds:0.0} s");
        }
    }
}

await using (var db = target.CreateContext())
{
    if (!await db.Meetings.AnyAsync(m => m.ProvinceId == 1))
    {
        var sw = Stopwatch.StartNew();
        var stats = await MeetingHistoryGenerator.GenerateAsync(target, 1, 2025, 2025, 42, new Progress<string>(Console.WriteLine), default, new DateOnly(2026, 1, 15));
        Console.WriteLine($"generated {stats} in {sw.Elapsed.TotalSeconds:0.0} s");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}

await using (var db = target.CreateContext())
{
    var today = new DateOnly(2026, 1, 15);
    async Task Bench(string label, OrgLookup lookup)
    {
        MeetingCompliance? last = null;
        for (var i = 0; i < 2; i++) last = await ComplianceReport.RunAsync(db, lookup, 2025, today);
        var ms = new List<double>();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 9; i++)
        {
            var sw = Stopwatch.StartNew();
            last = await ComplianceReport.RunAsync(db, lookup, 2025, today);
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }

        ms.Sort();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / 9;
        Console.WriteLine($"{target.Provider} {label}: median {ms[4]:0.0} ms (min {ms[0]:0.0}, max {ms[8]:0.0}; client-process CPU {cpu:0.0} ms/run; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}) — cells {last!.Cells}, every month {last.CellsMeetingEveryMonth}, thematic {last.CellsWithThematicEveryQuarter}, meetings {last.Meetings}, attendance {last.AttendanceRate}, good {last.MeetingsRatedGoodShare}, assigned {last.MembersAssignedShare}, absentees {last.RepeatedAbsentees.Count}");
    }

    await Bench("whole province (5,500 cells)", await SubtreeQueries.FindAsync(db, "BG"));
    await Bench("one commune (~55 cells)", await SubtreeQueries.FindAsync(db, "BG.X7"));
    await Bench("one cell", await SubtreeQueries.FindAsync(db, "BG.C77"));
}
