using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Organizations;

/// <summary>Changes to the tree, checked through the as-of reports: history survives them.</summary>
public sealed class OrganizationCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Decision Why = new("45-QĐ/TU", "Sắp xếp tổ chức bộ máy");

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Found_SetsThePathFromTheNewIdAndOpensAPeriod(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        w.Cell1.Path.ShouldBe($"/{w.Root.Id}/{w.CommuneA.Id}/{w.BaseA1.Id}/{w.Cell1.Id}/");
        w.Cell1.Depth.ShouldBe(3);
        await using var db = w.Db();
        var period = await db.OrganizationPeriods.SingleAsync(p => p.OrganizationId == w.Cell1.Id, Ct);
        (period.ValidFrom, period.ValidTo, period.Path, period.ParentId).ShouldBe((World.Founded, Dates.OpenEnd, w.Cell1.Path, w.BaseA1.Id));
        (await db.OrganizationEvents.CountAsync(e => e.Kind == OrganizationEventKind.Founded, Ct)).ShouldBe(7);
        var orgs = await w.OrgsAsOf(w.Root, World.Founded);
        (orgs.DirectUnits, orgs.BaseCommittees, orgs.BaseCells, orgs.Cells).ShouldBe((2, 1, 1, 2));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Found_UnderAKindThatCannotContainIt_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var db = w.Db();
        var e = await Should.ThrowAsync<RuleViolationException>(() => w.Orgs(db).FoundAsync(
            new OrganizationFounding("AG.X", "Chi bộ lạc chỗ", OrgKind.Cell, Sector.Commune, World.Founded, w.CommuneA.Id), Why, ct: Ct));
        e.Message.ShouldContain("không thể có tổ chức trực thuộc loại Chi bộ trực thuộc");
        (await Should.ThrowAsync<RuleViolationException>(() => w.Orgs(db).FoundAsync(
            new OrganizationFounding("AG.01", "Trùng mã", OrgKind.BaseCell, Sector.Commune, World.Founded, w.CommuneA.Id), Why, ct: Ct)))
            .Message.ShouldContain("đã được dùng");
        (await db.Organizations.CountAsync(Ct)).ShouldBe(7);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Move_OnDate_RepathsTheSubtreeAndKeepsTheOldTreeForEarlierDates(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.Cell1, "Nguyễn Văn Một", new DateOnly(2020, 1, 1));
        await w.RegisterAsync(w.Cell2, "Nguyễn Thị Hai", new DateOnly(2020, 1, 1), gender: Gender.Female);
        var d = new DateOnly(2025, 3, 1);

        // Admitted on the day of the move: that period is re-pathed in place, not split.
        await w.RegisterAsync(w.Cell1, "Nguyễn Văn Ba", d);

        Organization moved;
        await using (var db = w.Db())
        {
            moved = await w.Orgs(db).MoveAsync(w.BaseA1.Id, w.BaseA1.Version, w.CommuneB.Id, d, Why, ct: Ct);
        }

        moved.Path.ShouldBe($"/{w.Root.Id}/{w.CommuneB.Id}/{w.BaseA1.Id}/");
        moved.ParentId.ShouldBe(w.CommuneB.Id);
        moved.Version.ShouldBe(w.BaseA1.Version + 1);

        // The old tree before the date, the new one from it.
        var aBefore = await w.OrgsAsOf(w.CommuneA, d.AddDays(-1));
        (aBefore.BaseCommittees, aBefore.Cells).ShouldBe((1, 2));
        var aAfter = await w.OrgsAsOf(w.CommuneA, d);
        (aAfter.BaseCommittees, aAfter.Cells).ShouldBe((0, 0));
        var bAfter = await w.OrgsAsOf(w.CommuneB, d);
        (bAfter.BaseCommittees, bAfter.BaseCells, bAfter.Cells).ShouldBe((1, 1, 2));
        (await w.CountAsOf(w.CommuneA, d.AddDays(-1))).ShouldBe(2);
        (await w.CountAsOf(w.CommuneA, d)).ShouldBe(0);
        (await w.CountAsOf(w.CommuneB, d.AddDays(-1))).ShouldBe(0);
        (await w.CountAsOf(w.CommuneB, d)).ShouldBe(3);
        (await w.CountAsOf(w.Cell1, d.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.Cell1, d)).ShouldBe(2);

        await using var check = w.Db();
        var cell1 = await check.Organizations.SingleAsync(o => o.Id == w.Cell1.Id, Ct);
        (cell1.Path, cell1.Depth, cell1.Version).ShouldBe(($"{moved.Path}{w.Cell1.Id}/", 3, w.Cell1.Version + 1));
        var periods = await check.MemberPeriods.OrderBy(p => p.MemberId).ThenBy(p => p.ValidFrom).ToListAsync(Ct);
        periods.Count.ShouldBe(5);
        periods.Where(p => p.ValidTo == Dates.OpenEnd).ShouldAllBe(p => p.CellPath.StartsWith(moved.Path) && p.ValidFrom == d);
        var ev = await check.OrganizationEvents.SingleAsync(e => e.Kind == OrganizationEventKind.Moved, Ct);
        (ev.Before, ev.After, ev.DecisionNumber).ShouldBe(
            ($"Trực thuộc Đảng bộ xã A ({w.BaseA1.Path})", $"Trực thuộc Đảng bộ xã B ({moved.Path})", "45-QĐ/TU"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Move_UnderItsOwnUnitOrWithAStaleVersion_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var db = w.Db();
        var d = new DateOnly(2024, 1, 1);
        (await Should.ThrowAsync<RuleViolationException>(() => w.Orgs(db).MoveAsync(w.CommuneA.Id, w.CommuneA.Version, w.BaseA1.Id, d, Why, ct: Ct)))
            .Message.ShouldContain("không thể");
        await Should.ThrowAsync<EditConflictException>(() => w.Orgs(db).MoveAsync(w.BaseA1.Id, w.BaseA1.Version + 5, w.CommuneB.Id, d, Why, ct: Ct));
        (await db.OrganizationPeriods.CountAsync(Ct)).ShouldBe(7);
        (await db.Organizations.SingleAsync(o => o.Id == w.BaseA1.Id, Ct)).Path.ShouldBe(w.BaseA1.Path);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Move_FailingAtItsLastStatement_LeavesNothingHalfWritten(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.Cell1, "Nguyễn Văn Vững", new DateOnly(2020, 1, 1));
        var options = new DbContextOptionsBuilder<ChiBo.Data.ChiBoDb>();
        w.Database.Target.Configure(options);
        options.AddInterceptors(new FailOnOrganizationsRepath());
        await using (var db = new ChiBo.Data.ChiBoDb(options.Options))
        {
            (await Should.ThrowAsync<InvalidOperationException>(() =>
                w.Orgs(db).MoveAsync(w.BaseA1.Id, w.BaseA1.Version, w.CommuneB.Id, new DateOnly(2025, 3, 1), Why, Ct)))
                .Message.ShouldBe("Lỗi giả lập giữa chừng");
        }

        await using var check = w.Db();
        (await check.OrganizationPeriods.CountAsync(Ct)).ShouldBe(7);
        (await check.MemberPeriods.CountAsync(Ct)).ShouldBe(1);
        (await check.MemberPeriods.SingleAsync(Ct)).CellPath.ShouldBe(w.Cell1.Path);
        var baseA1 = await check.Organizations.SingleAsync(o => o.Id == w.BaseA1.Id, Ct);
        (baseA1.ParentId, baseA1.Path, baseA1.Version).ShouldBe((w.CommuneA.Id, w.BaseA1.Path, w.BaseA1.Version));
        (await check.OrganizationEvents.CountAsync(e => e.Kind == OrganizationEventKind.Moved, Ct)).ShouldBe(0);
        (await w.CountAsOf(w.CommuneA, new DateOnly(2025, 3, 1))).ShouldBe(1);
    }

    /// <summary>Breaks the move after every period row was rewritten, before the current rows are.</summary>
    private sealed class FailOnOrganizationsRepath : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("UPDATE organizations\nSET path", StringComparison.Ordinal)
                ? throw new InvalidOperationException("Lỗi giả lập giữa chừng")
                : ValueTask.FromResult(result);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Move_BeforeALaterChangeInTheSubtree_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.Cell1, "Nguyễn Văn Mới", new DateOnly(2024, 6, 1));
        await using var db = w.Db();
        (await Should.ThrowAsync<RuleViolationException>(() =>
            w.Orgs(db).MoveAsync(w.BaseA1.Id, w.BaseA1.Version, w.CommuneB.Id, new DateOnly(2024, 1, 1), Why, ct: Ct)))
            .Message.ShouldContain("01/06/2024");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MergeInto_MovesTheMembersAndDissolvesTheCell(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.Cell2, "Cao Văn Gộp", new DateOnly(2020, 1, 1));
        await w.RegisterAsync(w.Cell2, "Cao Thị Gộp", new DateOnly(2020, 1, 1), gender: Gender.Female);
        var d = new DateOnly(2025, 1, 1);
        await using (var db = w.Db())
        {
            var merged = await w.Orgs(db).MergeIntoAsync(w.Cell2.Id, w.Cell2.Version, w.Cell1.Id, d, Why, ct: Ct);
            merged.DissolvedOn.ShouldBe(d);
        }

        (await w.CountAsOf(w.Cell2, d.AddDays(-1))).ShouldBe(2);
        (await w.CountAsOf(w.Cell1, d)).ShouldBe(2);
        (await w.OrgsAsOf(w.BaseA1, d.AddDays(-1))).Cells.ShouldBe(2);
        (await w.OrgsAsOf(w.BaseA1, d)).Cells.ShouldBe(1);
        await using var check = w.Db();
        (await check.MemberEvents.CountAsync(e => e.Kind == MemberEventKind.MovedCell && e.Date == d, Ct)).ShouldBe(2);
        (await check.OrganizationEvents.SingleAsync(e => e.Kind == OrganizationEventKind.MergedInto, Ct)).After.ShouldBe("Chi bộ thôn 1 (AG.01.01.01)");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dissolve_WithMembersOrLiveUnits_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.CellB1, "Mai Văn Còn", new DateOnly(2020, 1, 1));
        var d = new DateOnly(2025, 1, 1);
        await using var db = w.Db();
        (await Should.ThrowAsync<RuleViolationException>(() => w.Orgs(db).DissolveAsync(w.CellB1.Id, w.CellB1.Version, d, Why, ct: Ct)))
            .Message.ShouldContain("còn 1 đảng viên");
        (await Should.ThrowAsync<RuleViolationException>(() => w.Orgs(db).DissolveAsync(w.BaseA1.Id, w.BaseA1.Version, d, Why, ct: Ct)))
            .Message.ShouldContain("còn 2 tổ chức trực thuộc");

        var dissolved = await w.Orgs(db).DissolveAsync(w.Cell2.Id, w.Cell2.Version, d, Why, ct: Ct);
        (dissolved.DissolvedOn, dissolved.Version).ShouldBe((d, w.Cell2.Version + 1));
        (await w.OrgsAsOf(w.Root, d.AddDays(-1))).Cells.ShouldBe(2);
        (await w.OrgsAsOf(w.Root, d)).Cells.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rename_KeepsTheOldNameForEarlierDates(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var d = new DateOnly(2025, 7, 1).AddMonths(-6);
        await using (var db = w.Db())
        {
            (await w.Orgs(db).RenameAsync(w.Cell1.Id, w.Cell1.Version, "Chi bộ  ấp  Một", d, Why, ct: Ct)).Name.ShouldBe("Chi bộ ấp Một");
        }

        await using var check = w.Db();
        var names = await check.OrganizationPeriods.Where(p => p.OrganizationId == w.Cell1.Id).OrderBy(p => p.ValidFrom)
            .Select(p => new { p.Name, p.ValidFrom, p.ValidTo }).ToListAsync(Ct);
        names.Select(n => (n.Name, n.ValidFrom, n.ValidTo)).ShouldBe([("Chi bộ thôn 1", World.Founded, d), ("Chi bộ ấp Một", d, Dates.OpenEnd)]);
        var e = await check.OrganizationEvents.SingleAsync(x => x.Kind == OrganizationEventKind.Renamed, Ct);
        (e.Before, e.After, e.RecordedBy).ShouldBe(("Chi bộ thôn 1", "Chi bộ ấp Một", World.Actor));
    }
}
