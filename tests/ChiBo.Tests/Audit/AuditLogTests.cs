using ChiBo.Audit;
using ChiBo.Organizations;
using ChiBo.Provinces;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Audit;

public sealed class AuditLogTests
{
    private static async Task<int> AddProvinceAsync(TestDatabase database, string actor, string reason)
    {
        await using var db = database.Target.CreateContext(new AuditScope { Actor = actor, Reason = reason, DecisionNumber = "12-QĐ/TU" });
        var province = new Province { Code = "TG", Name = "Đảng bộ tỉnh Thử" };
        db.Provinces.Add(province);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var root = new Organization { ProvinceId = province.Id, Code = "TG", Name = "Đảng bộ tỉnh Thử", Kind = OrgKind.Province, Sector = Sector.Other, Path = "/", FoundedOn = new DateOnly(1930, 2, 3) };
        db.Organizations.Add(root);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        root.Path = Subtree.ChildPath("/", root.Id);
        root.Name = "Đảng bộ tỉnh Thử nghiệm";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return root.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryWrite_LeavesOneLineWithWhoWhyAndBeforeAfter(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rootId = await AddProvinceAsync(database, "can-bo-1", "Thành lập");

        await using var db = database.Context();
        var lines = await db.AuditEntries.OrderBy(e => e.Seq).ToListAsync(TestContext.Current.CancellationToken);
        lines.Select(l => (l.Action, l.EntityType)).ShouldBe([("insert", "Province"), ("insert", "Organization"), ("update", "Organization")]);
        lines.ShouldAllBe(l => l.Actor == "can-bo-1" && l.Reason == "Thành lập" && l.DecisionNumber == "12-QĐ/TU");
        var update = lines[2];
        update.EntityId.ShouldBe(rootId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        update.Changes!.ShouldContain("\"Name\":[\"Đảng bộ tỉnh Thử\",\"Đảng bộ tỉnh Thử nghiệm\"]");
        update.Changes!.ShouldNotContain("Kind");
        (await AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_DetectsAnEditedAndADeletedLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddProvinceAsync(database, "can-bo-1", "Thành lập");
        var ct = TestContext.Current.CancellationToken;

        await using (var db = database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'ai-do' WHERE seq = 2", ct);
            var result = await AuditChain.VerifyAsync(db, ct);
            result.Intact.ShouldBeFalse();
            result.Problems.ShouldHaveSingleItem().ShouldContain("dòng 2");
        }

        await using (var db = database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'can-bo-1' WHERE seq = 2", ct);
            (await AuditChain.VerifyAsync(db, ct)).Intact.ShouldBeTrue();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE seq = 2", ct);
            var result = await AuditChain.VerifyAsync(db, ct);
            result.Problems.ShouldContain(p => p.Contains("đã bị xóa", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditVerifyCommand_ExitsOneWhenARowWasEdited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddProvinceAsync(database, "can-bo-1", "Thành lập");
        var ct = TestContext.Current.CancellationToken;
        var args = new[] { "audit", "verify", "--db", database.Target.ConnectionString };

        var ok = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(args, ok, new StringWriter(), ct)).ShouldBe(0);
        ok.ToString().ShouldContain("toàn vẹn: 3 dòng");

        await using (var db = database.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET changes = replace(changes, 'nghiệm', 'xxx') WHERE seq = 3", ct);
        }

        var bad = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(args, bad, new StringWriter(), ct)).ShouldBe(1);
        bad.ToString().ShouldContain("dòng 3");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedWrite_LeavesNeitherTheChangeNorAnAuditLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.Context())
        {
            db.Provinces.Add(new Province { Code = "TG", Name = "A" });
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.Context())
        {
            db.Provinces.Add(new Province { Code = "TG", Name = "trùng mã" });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        await using var check = database.Context();
        (await check.Provinces.CountAsync(ct)).ShouldBe(1);
        (await check.AuditEntries.CountAsync(ct)).ShouldBe(1);
    }
}
