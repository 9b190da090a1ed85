using ChiBo.Access;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Transfers;

/// <summary>Transfers of party activity against a real database: the member is always in exactly one cell.</summary>
public sealed class TransferWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Admitted = new(2015, 4, 1);

    private static TransferCommands Commands(World w, ChiBo.Data.ChiBoDb db) => new(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor);

    /// <summary>A register's package keys, in the tests' key folder.</summary>
    private static readonly PackageKeys Keys = PackageKeys.Open(Path.Combine(Path.GetTempPath(), "chibo-tests", "keys"));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transfer_IssuedThenConfirmed_MovesTheMemberExactlyOnce(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var m = await w.RegisterAsync(w.Cell1, "Hoàng Văn Chuyển", Admitted, Admitted.AddYears(1));
        var letter = new DateOnly(2025, 5, 5);
        var reported = new DateOnly(2025, 5, 20);
        PartyTransfer t;
        await using (var db = w.Db())
        {
            t = await Commands(w, db).IssueAsync(new TransferIssue(m.Id, TransferKind.Official, w.CellB1.Id, "25-GGT/ĐU", letter), Ct);
        }

        // Issued but not confirmed: still in the sending cell only.
        (await w.CountAsOf(w.Cell1, reported)).ShouldBe(1);
        (await w.CountAsOf(w.CellB1, reported)).ShouldBe(0);

        await using (var db = w.Db())
        {
            var again = await Should.ThrowAsync<RuleViolationException>(() =>
                Commands(w, db).IssueAsync(new TransferIssue(m.Id, TransferKind.Official, w.Cell2.Id, "26-GGT/ĐU", letter), Ct));
            again.Message.ShouldContain("25-GGT/ĐU");
            t = await Commands(w, db).ConfirmAsync(t.Id, t.Version, reported, Ct);
            t.Status.ShouldBe(TransferStatus.Confirmed);
            (await Should.ThrowAsync<RuleViolationException>(() => Commands(w, db).ConfirmAsync(t.Id, t.Version, reported, Ct)))
                .Message.ShouldContain("Chờ xác nhận");
        }

        (await w.CountAsOf(w.Cell1, reported.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.CellB1, reported.AddDays(-1))).ShouldBe(0);
        (await w.CountAsOf(w.Cell1, reported)).ShouldBe(0);
        (await w.CountAsOf(w.CellB1, reported)).ShouldBe(1);
        (await w.CountAsOf(w.Root, reported)).ShouldBe(1);
        await using var check = w.Db();
        (await check.MemberEvents.CountAsync(e => e.MemberId == m.Id && e.Kind == MemberEventKind.MovedCell, Ct)).ShouldBe(1);
        (await check.MemberPeriods.CountAsync(p => p.MemberId == m.Id && p.ValidTo == Dates.OpenEnd, Ct)).ShouldBe(1);
        var moved = await check.MemberEvents.SingleAsync(e => e.MemberId == m.Id && e.Kind == MemberEventKind.MovedCell, Ct);
        (moved.Date, moved.DecisionNumber).ShouldBe((reported, "25-GGT/ĐU"));
        (await check.Members.SingleAsync(x => x.Id == m.Id, Ct)).CellId.ShouldBe(w.CellB1.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PendingTransfer_PastTheLimit_IsFlagged_UntilCancelled(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var m = await w.RegisterAsync(w.Cell1, "Vũ Văn Chưa Đến", Admitted, Admitted.AddYears(1));
        var temp = await w.RegisterAsync(w.Cell2, "Lý Thị Tạm", Admitted, Admitted.AddYears(1), Gender.Female);
        PartyTransfer t, tt;
        await using (var db = w.Db())
        {
            t = await Commands(w, db).IssueAsync(new TransferIssue(m.Id, TransferKind.Official, w.CellB1.Id, "30-GGT/ĐU", new DateOnly(2025, 5, 2)), Ct);
            tt = await Commands(w, db).IssueAsync(new TransferIssue(temp.Id, TransferKind.Temporary, w.CellB1.Id, "31-GGT/ĐU", new DateOnly(2025, 6, 2), new DateOnly(2025, 12, 31)), Ct);
        }

        var by = TransferPolicy.ConfirmBy(new DateOnly(2025, 5, 2));
        by.ShouldBe(new DateOnly(2025, 6, 13));
        await using (var db = w.Db())
        {
            (await TransferQueries.OverdueAsync(db, Subtree.Of(w.Root), by, Ct)).ShouldBeEmpty();
            var late = (await TransferQueries.OverdueAsync(db, Subtree.Of(w.CommuneB), by.AddDays(1), Ct)).ShouldHaveSingleItem();
            (late.Id, late.FromCellCode, late.ToCellCode, late.ConfirmBy).ShouldBe((t.Id, "AG.01.01.01", "AG.02.01", by));

            // A temporary transfer confirmed: the record stays in the home cell.
            tt = await Commands(w, db).ConfirmAsync(tt.Id, tt.Version, new DateOnly(2025, 6, 10), Ct);
            tt.Status.ShouldBe(TransferStatus.Confirmed);
            await Commands(w, db).CancelAsync(t.Id, t.Version, new DateOnly(2025, 6, 20), "Đảng viên không chuyển công tác nữa", Ct);
            (await TransferQueries.OverdueAsync(db, Subtree.Of(w.Root), new DateOnly(2025, 6, 30), Ct)).ShouldBeEmpty();

            var letter = await TransferQueries.LetterAsync(db, t.Id, OrgScope.System, Ct);
            letter.ShouldNotBeNull();
            (letter.FullName, letter.FromCellName, letter.FromParentName, letter.ToName, letter.Status).ShouldBe(
                ("Vũ Văn Chưa Đến", "Chi bộ thôn 1", "Đảng bộ cơ sở A1", "Chi bộ cơ sở B1", TransferStatus.Cancelled));
        }

        (await w.CountAsOf(w.Cell2, new DateOnly(2025, 6, 30))).ShouldBe(1);
        (await w.CountAsOf(w.CellB1, new DateOnly(2025, 6, 30))).ShouldBe(0);
        (await w.CountAsOf(w.Cell1, new DateOnly(2025, 6, 30))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransferPackage_ExportedAndImported_MovesTheMemberBetweenTwoDatabases(string provider)
    {
        await using var sender = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        await using var receiver = await World.CreateAsync(provider, new DateOnly(2025, 7, 31));
        var m = await sender.RegisterAsync(sender.Cell2, "Đinh Thị Đi Xa", Admitted, Admitted.AddYears(1), Gender.Female);
        var letterDate = new DateOnly(2025, 6, 16);
        TransferPackage package;
        await using (var db = sender.Db())
        {
            package = await Commands(sender, db).ExportAsync(new TransferExport(m.Id, m.Version, "Đảng ủy phường Bến Thành, TP Hồ Chí Minh", "40-GGT/TU", letterDate), Keys, Ct);
        }

        package.Schema.ShouldBe(TransferPolicy.PackageSchema);
        package.Timeline.Select(e => e.Kind).ShouldBe([MemberEventKind.Admitted, MemberEventKind.RecognizedOfficial, MemberEventKind.TransferredOut]);
        (await sender.CountAsOf(sender.Cell2, letterDate.AddDays(-1))).ShouldBe(1);
        (await sender.CountAsOf(sender.Cell2, letterDate)).ShouldBe(0);
        (await sender.MovementsIn(sender.Root, letterDate, letterDate)).Counts["transferredOut"].ShouldBe(1);

        var json = package.ToJson();
        json.ShouldContain("\"Đinh Thị Đi Xa\"");
        var arrived = new DateOnly(2025, 7, 10);
        await using (var db = receiver.Db())
        {
            var imported = await Commands(receiver, db).ImportAsync(json, receiver.CellB1.Id, arrived, Keys, Ct);
            (imported.FullName, imported.Cccd, imported.AdmittedOn, imported.OfficialOn, imported.Status)
                .ShouldBe((m.FullName, m.Cccd, Admitted, (DateOnly?)Admitted.AddYears(1), MemberStatus.Official));
            (await Should.ThrowAsync<RuleViolationException>(() => Commands(receiver, db).ImportAsync(json, receiver.Cell1.Id, arrived, Keys, Ct)))
                .Message.ShouldContain("đã có trong hồ sơ");
            (await Should.ThrowAsync<RuleViolationException>(() =>
                Commands(receiver, db).ImportAsync(json.Replace(TransferPolicy.PackageSchema, "other/9", StringComparison.Ordinal), receiver.Cell1.Id, arrived, Keys, Ct)))
                .Field.ShouldBe("Schema");
            (await Should.ThrowAsync<RuleViolationException>(() => Commands(receiver, db).ImportAsync("{ not json", receiver.Cell1.Id, arrived, Keys, Ct)))
                .Field.ShouldBe("Package");
        }

        (await receiver.CountAsOf(receiver.CellB1, arrived)).ShouldBe(1);
        (await receiver.CountAsOf(receiver.Root, arrived.AddDays(-1))).ShouldBe(0);
        (await receiver.MovementsIn(receiver.Root, arrived, arrived)).Counts["transferredIn"].ShouldBe(1);
        await using var check = receiver.Db();
        var kept = await check.PartyTransfers.SingleAsync(Ct);
        (kept.Scope, kept.Status, kept.LetterNumber).ShouldBe((TransferScope.Incoming, TransferStatus.Confirmed, "40-GGT/TU"));
        (await check.Members.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAnInvalidCccdOrUnknownCell_IsRefusedAndWritesNothing(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 7, 31));
        var package = new TransferPackage
        {
            Schema = TransferPolicy.PackageSchema, Kind = TransferKind.Official, FromProvince = "Hà Giang", FromCellCode = "HG.1", FromCellName = "Chi bộ A",
            Destination = "An Giang", LetterNumber = "1-GGT", LetterDate = new DateOnly(2025, 7, 1),
            Member = w.Profile("Sai Số Căn Cước", new DateOnly(1985, 1, 1)) with { Cccd = "12345" },
            AdmittedOn = Admitted, OfficialOn = Admitted.AddYears(1), Timeline = [], ExportedAt = DateTimeOffset.UnixEpoch,
        };
        await using var db = w.Db();
        (await Should.ThrowAsync<RuleViolationException>(() => Commands(w, db).ImportAsync(package.ToJson(), w.Cell1.Id, new DateOnly(2025, 7, 10), Keys, Ct)))
            .Field.ShouldBe(nameof(Member.Cccd));
        (await Should.ThrowAsync<NotFoundException>(() => Commands(w, db).ImportAsync(package.ToJson(), 9999, new DateOnly(2025, 7, 10), Keys, Ct)))
            .Message.ShouldBe("Không có chi bộ số 9999 trong phạm vi của bạn.");
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
        (await db.PartyTransfers.CountAsync(Ct)).ShouldBe(0);
    }
}
