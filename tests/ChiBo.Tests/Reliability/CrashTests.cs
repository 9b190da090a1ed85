using System.Diagnostics;
using System.Globalization;
using ChiBo.Access;
using ChiBo.Cli;
using ChiBo.Generation;
using ChiBo.Members.Excel;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Reliability;

/// <summary>
/// The process killed (SIGKILL, nothing runs after it) at random points of a member import (the
/// issue's 20.000 rows) and of a seed: afterwards the register holds all of it or none of it, and
/// <c>chibo audit verify</c> passes. The kill points are drawn from the measured duration of an
/// uninterrupted run, one in each of N equal slices (plus a little past the end), so even a short
/// run covers reading, checking, writing and committing. CI runs <see cref="CiRuns"/> kills per
/// database on an import of <see cref="CiRows"/> rows, to keep its time; the issue's figures are
/// <c>CHIBO_CRASH_RUNS=20 CHIBO_CRASH_ROWS=20000</c> (bench/RESULTS.md has both, with the command).
/// </summary>
[Collection(nameof(Measured))]
public sealed class CrashTests
{
    private const int CiRuns = 3;
    private const int CiRows = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Runs => Setting("CHIBO_CRASH_RUNS", CiRuns);

    private static int ImportRows => Math.Min(Setting("CHIBO_CRASH_ROWS", CiRows), MemberImport.MaxRows);

    private static int Setting(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : otherwise;

    private sealed record Run(double DelaySeconds, string Outcome);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberImport_KilledAtRandomPoints_LeavesAllOrNoneAndTheAuditVerifies(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using (var db = w.Db())
        {
            await Accounts.AddAsync(db, "nhap.lieu", ChiBoApp.Password, Roles.Parse("province-board")!.Value, "root", null, null, TimeProvider.System, Ct);
        }

        var rows = Enumerable.Range(1, ImportRows)
            .Select(i => HostileFiles.With(HostileFiles.MemberRow(i), MemberSheet.CellCode, i % 2 == 0 ? w.Cell1.Code : w.Cell2.Code))
            .ToList();
        var file = Path.Combine(Path.GetTempPath(), "chibo-tests", $"crash-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, HostileFiles.Sheet(rows), Ct);
        string[] command = ["members", "import", "--file", file, "--org", "root", "--as", "nhap.lieu", "--db", w.Database.Target.ConnectionString];
        var numbers = rows.Select(r => r[MemberSheet.Cccd]).ToHashSet();

        try
        {
            // One run to the end: how long an import takes, and that it imports everything.
            var (full, code) = await RunToEndAsync(command);
            code.ShouldBe(0);
            (await ImportedAsync(w, numbers)).ShouldBe(ImportRows);
            await ResetAsync(w, numbers);

            var runs = new List<Run>();
            var random = new Random(2025_11_24 + provider.Length);
            for (var i = 0; i < Runs; i++)
            {
                var delay = full * (i + random.NextDouble()) / Runs * 1.05;
                var finished = await KillAfterAsync(command, delay);
                var imported = await ImportedAsync(w, numbers);
                imported.ShouldBeOneOf([0, ImportRows], $"run {i}: killed after {delay:0.0} s");
                (await VerifyAuditAsync(w.Database)).ShouldBe(0, $"run {i}: the audit chain after a kill at {delay:0.0} s");
                runs.Add(new Run(delay, finished ? "finished" : imported == 0 ? "none" : "all"));
                if (imported > 0)
                {
                    await ResetAsync(w, numbers);
                }
            }

            await ReportAsync(string.Create(CultureInfo.InvariantCulture, $"import-{ImportRows}-rows-{provider}"), full, runs);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_KilledAtRandomPoints_LeavesTheProvinceWholeOrAbsentAndTheAuditVerifies(string provider)
    {
        var profile = Path.Combine(Path.GetTempPath(), "chibo-tests", $"crash-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(profile)!);
        await File.WriteAllTextAsync(profile, """
            { "name": "Đảng bộ tỉnh Thử", "code": "TS", "asOf": "2024-06-30", "members": { "total": 3000, "dimensions": { "status": { "probationary": "4%" } } },
              "history": { "periods": [ { "from": "2023-01-01", "to": "2023-12-31", "admitted": 160, "transferredIn": 10, "transferredOut": 7, "expelled": 2, "died": 5 } ] } }
            """, Ct);
        var total = ProvinceProfile.Load(profile).Total;
        try
        {
            // The whole province: its 3.000 members of the profile's date and those who left before it.
            double full;
            (int, int, int) whole;
            await using (var db = await TestDatabase.CreateAsync(provider))
            {
                var (seconds, code) = await RunToEndAsync(SeedCommand(profile, db));
                code.ShouldBe(0);
                full = seconds;
                whole = await ProvinceAsync(db);
                (whole.Item1, whole.Item3).ShouldBe((1, 1));
                whole.Item2.ShouldBeGreaterThanOrEqualTo(total);
            }

            var runs = new List<Run>();
            var random = new Random(1930_02_03 + provider.Length);
            for (var i = 0; i < Runs; i++)
            {
                await using var db = await TestDatabase.CreateAsync(provider);
                var delay = full * (i + random.NextDouble()) / Runs * 1.05;
                var finished = await KillAfterAsync(SeedCommand(profile, db), delay);
                var (provinces, members, lines) = await ProvinceAsync(db);
                (provinces, members, lines).ShouldBeOneOf([(0, 0, 0), whole], $"run {i}: killed after {delay:0.0} s");
                (await VerifyAuditAsync(db)).ShouldBe(0, $"run {i}: the audit chain after a kill at {delay:0.0} s");
                runs.Add(new Run(delay, finished ? "finished" : provinces == 0 ? "none" : "all"));
            }

            await ReportAsync($"seed-{provider}", full, runs);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    private static string[] SeedCommand(string profile, TestDatabase db) =>
        ["seed", "--profile", profile, "--seed", "5", "--no-meetings", "--db", db.Target.ConnectionString];

    /// <summary>Provinces, members and seed lines in the audit log.</summary>
    private static async Task<(int, int, int)> ProvinceAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return (await db.Provinces.CountAsync(Ct), await db.Members.CountAsync(Ct), await db.AuditEntries.CountAsync(a => a.Action == "seed", Ct));
    }

    private static async Task<int> ImportedAsync(World w, IReadOnlySet<string> numbers)
    {
        await using var db = w.Db();
        var cccds = await db.Members.Select(m => m.Cccd).ToListAsync(Ct);
        return cccds.Count(c => c is not null && numbers.Contains(c));
    }

    /// <summary>Takes a finished import out again (its audit lines stay: the chain is only ever appended to).</summary>
    private static async Task ResetAsync(World w, IReadOnlySet<string> numbers)
    {
        await using var db = w.Db();
        var ids = (await db.Members.Where(m => m.Cccd != null).Select(m => new { m.Id, m.Cccd }).ToListAsync(Ct))
            .Where(m => numbers.Contains(m.Cccd!)).Select(m => m.Id).ToList();
        foreach (var chunk in ids.Chunk(1000))
        {
            await db.MemberEvents.Where(e => chunk.Contains(e.MemberId)).ExecuteDeleteAsync(Ct);
            await db.MemberPeriods.Where(p => chunk.Contains(p.MemberId)).ExecuteDeleteAsync(Ct);
            await db.Members.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(Ct);
        }
    }

    private static async Task<int> VerifyAuditAsync(TestDatabase db)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        return await ChiBoCli.RunAsync(["audit", "verify", "--db", db.Target.ConnectionString], output, output, Ct);
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "chibo"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(double Seconds, int ExitCode)> RunToEndAsync(string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(args);
        await process.WaitForExitAsync(Ct);
        return (clock.Elapsed.TotalSeconds, process.ExitCode);
    }

    /// <summary>Starts the command and sends it SIGKILL after the delay; true when it had finished by itself.</summary>
    private static async Task<bool> KillAfterAsync(string[] args, double seconds)
    {
        using var process = Start(args);
        var exited = process.WaitForExitAsync(Ct);
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(seconds), Ct)) == exited)
        {
            return true;
        }

        // Process.Kill is SIGKILL on Linux: no finally block, no disposal, no rollback by the process.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(Ct);
        return false;
    }

    private static async Task ReportAsync(string name, double full, IReadOnlyList<Run> runs)
    {
        var dir = Path.Combine(TestPaths.Checkout, "artifacts", "reliability");
        Directory.CreateDirectory(dir);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{name}: uninterrupted {full:0.0} s; {runs.Count} kills: {runs.Count(r => r.Outcome == "none")} left none, {runs.Count(r => r.Outcome == "all")} left all (killed after the commit), {runs.Count(r => r.Outcome == "finished")} finished before the kill"),
        };
        lines.AddRange(runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"  kill at {r.DelaySeconds,6:0.00} s → {r.Outcome}")));
        await File.WriteAllLinesAsync(Path.Combine(dir, $"crash-{name}.txt"), lines, Ct);
    }
}
