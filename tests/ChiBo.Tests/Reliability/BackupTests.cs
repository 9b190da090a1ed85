using System.Globalization;
using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Cli;
using ChiBo.Data;
using ChiBo.Generation;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Reliability;

/// <summary>
/// chibo backup, then chibo restore into another database: the demo province (its profile at a
/// fiftieth of its size, with its cell life and audited writes on top) comes back row for row,
/// the audit chain verifies, and the copy holds its own backup line. SQLite through the online
/// backup API, PostgreSQL through pg_dump / pg_restore.
/// </summary>
public sealed class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupThenRestore_DemoProvince_ComesBackWholeAndTheAuditChainVerifies(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        var seeded = await ProvinceSeeder.SeedAsync(source.Target, [DemoProvince.Profile().Scale(0.02)], DemoProvince.Seed, null, Ct);
        await ProvinceSeeder.SeedCellLifeAsync(source.Target, seeded.ProvinceCodes, DemoProvince.Seed, new DateOnly(2026, 6, 30), null, Ct);
        await using (var db = source.Target.CreateContext(AuditScope.For("tester")))
        {
            await Accounts.AddAsync(db, "ban.to.chuc", ChiBoApp.Password, Roles.Parse("province-board")!.Value, "root", null, null, TimeProvider.System, Ct);
        }

        var file = Path.Combine(Path.GetTempPath(), "chibo-tests", $"backup-{Guid.NewGuid():N}.bak");
        try
        {
            var (backedUp, backupOut) = await CliAsync("backup", "--to", file, "--db", source.Target.ConnectionString);
            backedUp.ShouldBe(0, backupOut);
            var before = await FingerprintAsync(source);

            // A write after the copy is not in it.
            await using (var db = source.Target.CreateContext(AuditScope.For("tester")))
            {
                await Accounts.AddAsync(db, "sau.sao.luu", ChiBoApp.Password, Roles.Parse("province-board")!.Value, "root", null, null, TimeProvider.System, Ct);
            }

            // The target is migrated, not empty of tables: without --replace it is refused, untouched.
            var (refused, refusedOut) = await CliAsync("restore", "--from", file, "--db", target.Target.ConnectionString);
            refused.ShouldBe(2, refusedOut);
            refusedOut.ShouldContain("--replace");

            var (restored, restoredOut) = await CliAsync("restore", "--from", file, "--replace", "--db", target.Target.ConnectionString);
            restored.ShouldBe(0, restoredOut);
            restoredOut.ShouldContain("Nhật ký toàn vẹn");

            var after = await FingerprintAsync(target);
            after.Counts.ShouldBe(before.Counts);
            after.Members.ShouldBe(before.Members);
            await using var check = target.Context();
            (await AuditChain.VerifyAsync(check, Ct)).Intact.ShouldBeTrue();
            (await check.AuditEntries.CountAsync(a => a.Action == "backup", Ct)).ShouldBe(1);
            (await check.AuditEntries.CountAsync(a => a.Action == "restore", Ct)).ShouldBe(1);
            (await check.Accounts.AnyAsync(a => a.UserName == "sau.sao.luu", Ct)).ShouldBeFalse();
            (await check.Accounts.AnyAsync(a => a.UserName == "ban.to.chuc", Ct)).ShouldBeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_CopyOfTheOtherKindOfDatabase_IsRefusedBeforeAnythingIsWritten(string provider)
    {
        await using var target = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), "chibo-tests", $"backup-{Guid.NewGuid():N}.bak");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, provider == TestDatabase.Sqlite ? "PGDMP\u0001\u000e\0\u0004\u0008\u0001\u0001"u8.ToArray() : "SQLite format 3\0"u8.ToArray(), Ct);
        try
        {
            var (code, output) = await CliAsync("restore", "--from", file, "--replace", "--db", target.Target.ConnectionString);

            code.ShouldBe(2, output);
            output.ShouldContain(provider == TestDatabase.Sqlite ? "chỉ khôi phục được vào PostgreSQL" : "chỉ khôi phục được vào một tệp SQLite");
            await using var db = target.Context();
            (await db.AuditEntries.CountAsync(Ct)).ShouldBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Fingerprint(string Counts, string Members);

    /// <summary>Rows per table (audit lines but the restore's own), and the members' ids, names, statuses and versions.</summary>
    private static async Task<Fingerprint> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.Context();
        long[] counts =
        [
            await db.Provinces.CountAsync(Ct), await db.Organizations.CountAsync(Ct), await db.OrganizationPeriods.CountAsync(Ct),
            await db.Members.CountAsync(Ct), await db.MemberPeriods.CountAsync(Ct), await db.MemberEvents.CountAsync(Ct),
            await db.Meetings.CountAsync(Ct), await db.MeetingAttendances.CountAsync(Ct), await db.MemberTasks.CountAsync(Ct),
            await db.DisciplineDecisions.CountAsync(Ct), await db.Accounts.CountAsync(Ct), await db.AuditEntries.CountAsync(a => a.Action != "restore", Ct),
        ];
        var members = await db.Members.OrderBy(m => m.Id).Select(m => new { m.Id, m.FullName, m.Status, m.Version, m.Cccd }).ToListAsync(Ct);
        return new Fingerprint(
            string.Join(",", counts.Select(c => c.ToString(CultureInfo.InvariantCulture))),
            string.Join("\n", members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Id}|{m.FullName}|{m.Status}|{m.Version}|{m.Cccd}"))));
    }

    private static async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ChiBoCli.RunAsync(args, output, output, Ct);
        return (code, output.ToString());
    }
}
