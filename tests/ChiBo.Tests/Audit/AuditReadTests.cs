using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Audit;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Audit;

/// <summary>Reading the register is audited without waiting for writers; reading the audit log stays inside the reader's subtree.</summary>
public sealed class AuditReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordView_Answers_WhileALongWriteHoldsTheWriteLock(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var member = await w.RegisterAsync(w.Cell1, "Nguyễn Văn Đọc", new DateOnly(2010, 3, 2), new DateOnly(2011, 3, 2));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var http = await app.SignedInAsync("province-board");

        // A long import: its transaction has written (and audited) and is not committed yet. On
        // SQLite it holds the database's write lock; on PostgreSQL the lock of the province's audit chain.
        await using (var import = w.Db())
        {
            await using var tx = await import.Database.BeginTransactionAsync(Ct);
            var cell = await import.Organizations.SingleAsync(o => o.Id == w.CellB1.Id, Ct);
            cell.Name += " (đang nhập)";
            await import.SaveChangesAsync(Ct);

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            var view = await http.GetAsync($"/api/members/{member.Id}", patience.Token);
            view.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await view.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("fullName").GetString().ShouldBe("Nguyễn Văn Đọc");
            await tx.CommitAsync(Ct);
        }

        // The read is in the chain once the writer is done, after the import's lines, and the chain holds.
        await app.FlushAuditReadsAsync();
        await using var db = w.Db();
        var lines = await db.AuditEntries.Where(e => e.Chain == w.Root.ProvinceId).OrderBy(e => e.Seq).ToListAsync(Ct);
        var read = lines.Single(e => e.Action == "read" && e.MemberId == member.Id);
        lines.IndexOf(read).ShouldBeGreaterThan(lines.FindIndex(e => e.EntityType == "Organization" && e.Changes!.Contains("đang nhập", StringComparison.Ordinal)));
        read.Actor.ShouldStartWith("province-board");
        (await AuditChain.VerifyAsync(db, Ct)).Intact.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_ForAGrantBelowTheProvinceRoot_ShowsOnlyItsSubtree(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var inside = await w.RegisterAsync(w.Cell1, "Nguyễn Văn Trong", new DateOnly(2010, 3, 2), new DateOnly(2011, 3, 2));
        var outside = await w.RegisterAsync(w.CellB1, "Trần Văn Ngoài", new DateOnly(2010, 3, 2), new DateOnly(2011, 3, 2));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var commune = await app.SignedInAsync("province-board", "AG.01");
        using var province = await app.SignedInAsync("province-board", "AG");

        static int? Id(JsonElement line, string name) => line.GetProperty(name).ValueKind == JsonValueKind.Number ? line.GetProperty(name).GetInt32() : null;

        var seen = (await commune.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).GetProperty("items").EnumerateArray().ToList();
        var members = seen.Select(l => Id(l, "memberId")).ToList();
        var orgs = seen.Select(l => Id(l, "organizationId")).ToList();
        members.ShouldContain(inside.Id);
        members.ShouldNotContain(outside.Id);
        orgs.ShouldNotContain(w.CellB1.Id);
        orgs.ShouldNotContain(w.Root.Id);
        (await commune.GetFromJsonAsync<JsonElement>($"/api/audit?member={outside.Id}", Ct)).GetProperty("total").GetInt32().ShouldBe(0);
        (await commune.GetAsync("/api/audit?org=AG.02", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The province root's grant reads the whole chain.
        (await province.GetFromJsonAsync<JsonElement>($"/api/audit?member={outside.Id}", Ct)).GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }
}
