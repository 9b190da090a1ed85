using System.Net;
using System.Net.Http.Json;
using ChiBo.Fees;
using ChiBo.Members;
using ChiBo.Procedures;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Procedures.ProcedureDesk;

namespace ChiBo.Tests.Procedures;

/// <summary>Each online procedure end to end through HTTP: the member starts it, every step approves, the effect happens.</summary>
public sealed class ProcedureWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeePayment_ConfirmedByTheCell_RecordsTheDeclaredMonthsAsOnlinePayments(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Trần Văn Đóng Phí");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);

        var started = (await StartAsync(member, new ProcedureStart
        {
            Kind = ProcedureKind.FeePayment, FeeGroup = FeeGroup.Insured, Basis = 6_000_000, Months = [new(2026, 5), new(2026, 4)],
        })).Ok();
        started.Request.Status.ShouldBe(ProcedureStatus.InProgress);
        started.Particulars.ShouldContain("Tháng 04/2026: 60.000 đ");
        started.Particulars.ShouldContain("Tổng cộng: 120.000 đ");
        var step = started.Steps.ShouldHaveSingleItem();
        (step.OrganizationName, step.Role, step.State, step.DueOn).ShouldBe(("Chi bộ thôn 1", "cell-committee", "current", (DateOnly?)new DateOnly(2026, 6, 22)));

        var twice = await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.FeePayment, FeeGroup = FeeGroup.Insured, Basis = 6_000_000, Months = [new(2026, 5)] });
        (twice.Status, twice.Field).ShouldBe((HttpStatusCode.BadRequest, "Months"));
        twice.Problem!.Detail!.ShouldContain("đang chờ chi bộ xác nhận");
        var future = await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.FeePayment, FeeGroup = FeeGroup.Student, Months = [new(2026, 7)] });
        (future.Status, future.Field).ShouldBe((HttpStatusCode.BadRequest, "Month"));

        var done = (await ApproveAsync(cell, started.Request.Id, started.Request.Version)).Ok();
        done.Request.Status.ShouldBe(ProcedureStatus.Completed);
        done.Request.Outcome!.ShouldContain("120.000 đ");

        await using (var db = d.W.Db())
        {
            var payments = await db.FeePayments.Where(p => p.MemberId == m.Id).OrderBy(p => p.Month).ToListAsync(Ct);
            payments.Select(p => (p.Year, p.Month, p.Amount, p.Online, p.PaidOn, p.CellId)).ShouldBe(
            [
                (2026, 4, 60_000L, true, Monday, d.W.Cell1.Id),
                (2026, 5, 60_000L, true, Monday, d.W.Cell1.Id),
            ]);
            payments.ShouldAllBe(p => p.RecordedBy.StartsWith("cell-committee", StringComparison.Ordinal));
            (await db.ProcedureEvents.Where(e => e.RequestId == started.Request.Id).Select(e => e.Action).ToListAsync(Ct))
                .ShouldBe([ProcedureAction.Submitted, ProcedureAction.Approved, ProcedureAction.Completed], ignoreOrder: true);
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ProcedureRequest) && a.MemberId == m.Id, Ct)).ShouldBeGreaterThanOrEqualTo(2);
        }

        var again = await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.FeePayment, FeeGroup = FeeGroup.Insured, Basis = 6_000_000, Months = [new(2026, 5)] });
        again.Problem!.Detail!.ShouldContain("đã được ghi nhận");
        (await InboxAsync(member)).Titles().ShouldContain(t => t.Contains("đã hoàn thành", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResidenceComment_WrittenByTheResidenceCell_IsSeenByTheMembersOwnCell(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Lê Văn Công Tác");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var ownCell = await d.AsAsync("cell-committee", d.W.Cell1);
        var residence = await d.AsAsync("cell-committee", d.W.CellB1);
        var otherCell = await d.AsAsync("cell-committee", d.W.Cell2);

        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.ResidenceComment, ResidenceCell = d.W.Cell1.Code })).Field.ShouldBe("ResidenceCell");
        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.ResidenceComment, ResidenceCell = "AG.99" })).Problem!.Detail!.ShouldContain("Không có chi bộ mã");
        var r = (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.ResidenceComment, ResidenceCell = "AG.02.01", Reason = "Năm 2026" })).Ok();
        r.Steps.ShouldHaveSingleItem().OrganizationName.ShouldBe("Chi bộ cơ sở B1");

        // The member's own cell may see it but does not write the residence's comment.
        (await ApproveAsync(ownCell, r.Request.Id, 1, "Tốt")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await ApproveAsync(residence, r.Request.Id, 1)).Field.ShouldBe("Comment");
        (await GetAsync(otherCell, r.Request.Id)).Status.ShouldBe(HttpStatusCode.NotFound);

        var comment = "Gương mẫu chấp hành quy định nơi cư trú.\nTích cực tham gia sinh hoạt khu dân cư.";
        var done = (await ApproveAsync(residence, r.Request.Id, 1, comment)).Ok();
        done.Request.Status.ShouldBe(ProcedureStatus.Completed);

        var seen = (await GetAsync(ownCell, r.Request.Id)).Ok();
        seen.Request.Outcome.ShouldBe($"Nhận xét của Chi bộ cơ sở B1: {comment}");
        seen.Timeline.Single(e => e.Action == ProcedureAction.Approved).Comment.ShouldBe(comment);
        (await InboxAsync(ownCell)).Single("đã gửi nhận xét về đồng chí Lê Văn Công Tác").Link.ShouldBe($"/thu-tuc/{r.Request.Id}");
        (await GetAsync(residence, r.Request.Id)).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(member, r.Request.Id)).Ok().Request.Outcome!.ShouldContain("Gương mẫu");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficialTransfer_ApprovedUpToTheSuperiorCommittee_IssuesALetterTheReceivingCellConfirms(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Phạm Văn Chuyển Đi");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var baseCommittee = await d.AsAsync("base-committee", d.W.BaseA1);
        var commune = await d.AsAsync("superior-committee", d.W.CommuneA);
        var receiving = await d.AsAsync("cell-committee", d.W.CellB1);

        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.OfficialTransfer, ToCell = "AG.02.01" })).Field.ShouldBe("Reason");
        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.OfficialTransfer, ToCell = "AG.01.01", Reason = "Chuyển công tác" }))
            .Problem!.Detail!.ShouldContain("không phải chi bộ");
        var r = (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.OfficialTransfer, ToCell = "AG.02.01", Reason = "Chuyển nơi cư trú lâu dài" })).Ok();
        r.Steps.Select(s => (s.OrganizationName, s.Role)).ShouldBe(
            [("Chi bộ thôn 1", "cell-committee"), ("Đảng bộ cơ sở A1", "base-committee"), ("Đảng bộ xã A", "superior-committee")]);
        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.TemporaryTransfer, ToCell = "AG.01.01.02", Reason = "Đi học", Until = new DateOnly(2026, 12, 31) }))
            .Field.ShouldBe("Kind");

        var v = (await ApproveAsync(cell, r.Request.Id, 1, "Chi bộ đã kiểm điểm, đồng ý")).Ok().Request.Version;
        v = (await ApproveAsync(baseCommittee, r.Request.Id, v)).Ok().Request.Version;
        (await ApproveAsync(commune, r.Request.Id, v)).Field.ShouldBe("Number");
        var done = (await ApproveAsync(commune, r.Request.Id, v, number: "12-GGT/ĐU")).Ok();
        done.Request.Status.ShouldBe(ProcedureStatus.Completed);
        done.Steps.ShouldAllBe(s => s.State == "done");
        done.TransferId.ShouldNotBeNull();

        PartyTransfer t;
        await using (var db = d.W.Db())
        {
            t = await db.PartyTransfers.SingleAsync(x => x.Id == done.TransferId, Ct);
            (t.Kind, t.Status, t.LetterNumber, t.LetterDate, t.FromCellId, t.ToCellId, t.RecordedBy.StartsWith("superior-committee", StringComparison.Ordinal))
                .ShouldBe((TransferKind.Official, TransferStatus.Issued, "12-GGT/ĐU", Monday, d.W.Cell1.Id, (int?)d.W.CellB1.Id, true));
        }

        var told = (await InboxAsync(receiving)).Single("được giới thiệu chuyển sinh hoạt đảng chính thức");
        told.Title.ShouldContain("12-GGT/ĐU");
        (await GetAsync(receiving, r.Request.Id)).Status.ShouldBe(HttpStatusCode.OK);

        // The receiving side confirms as for any letter; the member moves that day.
        d.Advance(3);
        var receivingAgain = await d.AsAsync("cell-committee", d.W.CellB1);
        (await receivingAgain.PostAsJsonAsync($"/api/transfers/{t.Id}/confirm", new { version = t.Version, date = Monday.AddDays(3) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = d.W.Db())
        {
            (await db.Members.SingleAsync(x => x.Id == m.Id, Ct)).CellId.ShouldBe(d.W.CellB1.Id);
        }

        (await d.W.CountAsOf(d.W.CellB1, Monday.AddDays(3))).ShouldBe(1);
        (await d.W.CountAsOf(d.W.Cell1, Monday.AddDays(3))).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TemporaryTransfer_OfAMemberOfAChiBoCoSo_SkipsTheBaseStep_AndIssuesATemporaryLetter(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.CellB1, "Vũ Thị Đi Học", Gender.Female);
        var member = await d.AsMemberAsync(m, d.W.CellB1);
        var cell = await d.AsAsync("cell-committee", d.W.CellB1);
        var commune = await d.AsAsync("superior-committee", d.W.CommuneB);

        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.TemporaryTransfer, ToCell = "AG.01.01.02", Reason = "Đi học tập trung" })).Field.ShouldBe("Until");
        var r = (await StartAsync(member, new ProcedureStart
        {
            Kind = ProcedureKind.TemporaryTransfer, ToCell = "AG.01.01.02", Reason = "Đi học tập trung", Until = new DateOnly(2026, 12, 31),
        })).Ok();

        // A chi bộ cơ sở is its own base organization: its chi ủy decides once.
        r.Steps.Select(s => (s.OrganizationName, s.Role)).ShouldBe([("Chi bộ cơ sở B1", "cell-committee"), ("Đảng bộ xã B", "superior-committee")]);
        r.Particulars.ShouldContain("Sinh hoạt tạm thời đến ngày: 31/12/2026");
        var v = (await ApproveAsync(cell, r.Request.Id, 1)).Ok().Request.Version;
        var done = (await ApproveAsync(commune, r.Request.Id, v, number: "3-GGT/ĐU")).Ok();
        done.Request.Outcome!.ShouldContain("Chi bộ thôn 2");

        await using var db = d.W.Db();
        var t = await db.PartyTransfers.SingleAsync(x => x.MemberId == m.Id, Ct);
        (t.Kind, t.Until, t.ToCellId).ShouldBe((TransferKind.Temporary, (DateOnly?)new DateOnly(2026, 12, 31), (int?)d.W.Cell2.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CardReissue_ApprovedUpToTheProvince_RecordsTheNewCardNumberOnTheMember(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Hoàng Văn Mất Thẻ");
        var holder = await d.MemberAsync(d.W.Cell2, "Đỗ Văn Có Thẻ");
        await using (var db = d.W.Db())
        {
            var h = await db.Members.AsNoTracking().SingleAsync(x => x.Id == holder.Id, Ct);
            await d.W.Members(db).CorrectFieldsAsync(h.Id, h.Version, MemberProfile.Of(h) with { PartyCardNumber = "87654321" }, new Decision("1-QĐ", "Nhập số thẻ"), Ct);
        }

        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var clients = new[]
        {
            await d.AsAsync("cell-committee", d.W.Cell1), await d.AsAsync("base-committee", d.W.BaseA1),
            await d.AsAsync("superior-committee", d.W.CommuneA), await d.AsAsync("province-board", d.W.Root),
        };

        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.CardReissue })).Field.ShouldBe("CardLoss");
        var r = (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.CardReissue, CardLoss = CardLoss.Lost, Reason = "Mất khi đi công tác" })).Ok();
        r.Steps.Select(s => s.OrganizationName).ShouldBe(["Chi bộ thôn 1", "Đảng bộ cơ sở A1", "Đảng bộ xã A", "Đảng bộ tỉnh An Giang"]);
        (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.CardReissue, CardLoss = CardLoss.Damaged })).Field.ShouldBe("Kind");

        var v = r.Request.Version;
        foreach (var committee in clients[..3])
        {
            v = (await ApproveAsync(committee, r.Request.Id, v)).Ok().Request.Version;
        }

        var taken = await ApproveAsync(clients[3], r.Request.Id, v, number: "87654321");
        (taken.Status, taken.Field).ShouldBe((HttpStatusCode.BadRequest, "PartyCardNumber"));
        (await GetAsync(member, r.Request.Id)).Ok().Request.StepName.ShouldBe("Ban Tổ chức Tỉnh ủy lập thẻ, ghi số thẻ mới");

        var done = (await ApproveAsync(clients[3], r.Request.Id, v, number: "12345678")).Ok();
        done.Request.Outcome.ShouldBe("Đã cấp lại thẻ đảng viên số 12345678.");
        await using (var db = d.W.Db())
        {
            var after = await db.Members.SingleAsync(x => x.Id == m.Id, Ct);
            (after.PartyCardNumber, after.PartyCardIssuedOn).ShouldBe(("12345678", (DateOnly?)Monday));
            var e = await db.MemberEvents.SingleAsync(x => x.MemberId == m.Id && x.Kind == MemberEventKind.CardReissued, Ct);
            (e.Date, e.Details).ShouldBe((Monday, "Số thẻ đảng viên: (trống) → 12345678"));
            e.Reason!.ShouldContain("bị mất");
        }

        var page = await clients[0].GetStringAsync($"/dang-vien/{m.Id}", Ct);
        page.ShouldContain("Cấp lại thẻ đảng viên");
        page.ShouldContain("12345678");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Correction_ConfirmedByTheCellAndDecidedByTheBase_IsAppliedToTheRecord(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Nguyễn Văn Sai Tên");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var baseCommittee = await d.AsAsync("base-committee", d.W.BaseA1);

        // The CCCD encodes gender and birth year: a correction that breaks it is refused at once.
        (await StartAsync(member, Correct(("gender", "Nữ")))).Field.ShouldBe(nameof(Member.Cccd));
        (await StartAsync(member, Correct(("bloodGroup", "O")))).Problem!.Detail!.ShouldContain("Không đính chính được trường");
        (await StartAsync(member, Correct(("birthDate", "31/02/1990")))).Problem!.Detail!.ShouldContain("dd/MM/yyyy");
        (await StartAsync(member, Correct(("fullName", "Nguyễn Văn Sai Tên")))).Problem!.Detail!.ShouldContain("đã là");

        var r = (await StartAsync(member, Correct(("fullName", "Nguyễn  Văn Đúng Tên"), ("birthPlace", "Châu Đốc, An Giang"), ("religion", "Phật giáo")))).Ok();
        r.Particulars.ShouldContain("Họ và tên: Nguyễn Văn Sai Tên → Nguyễn Văn Đúng Tên");
        r.Particulars.ShouldContain("Tôn giáo: Không → Phật giáo");

        // A cell committee does not read religion (Members.ReadSensitive); the base committee does.
        var atCell = (await GetAsync(cell, r.Request.Id)).Ok();
        atCell.Particulars.ShouldContain("Tôn giáo: (thông tin nhạy cảm, vai trò của bạn không được xem)");
        atCell.Particulars.ShouldContain("Nơi sinh: (trống) → Châu Đốc, An Giang");
        var v = (await ApproveAsync(cell, r.Request.Id, 1)).Ok().Request.Version;
        (await GetAsync(baseCommittee, r.Request.Id)).Ok().Particulars.ShouldContain("Tôn giáo: Không → Phật giáo");
        var done = (await ApproveAsync(baseCommittee, r.Request.Id, v, number: "05-QĐ/ĐU")).Ok();
        done.Request.Outcome.ShouldBe("Đã đính chính họ và tên, nơi sinh, tôn giáo theo văn bản số 05-QĐ/ĐU.");

        await using var db = d.W.Db();
        var after = await db.Members.SingleAsync(x => x.Id == m.Id, Ct);
        (after.FullName, after.BirthPlace, after.Religion).ShouldBe(("Nguyễn Văn Đúng Tên", "Châu Đốc, An Giang", Religion.Buddhism));
        var e = await db.MemberEvents.SingleAsync(x => x.MemberId == m.Id && x.Kind == MemberEventKind.FieldCorrected, Ct);
        e.DecisionNumber.ShouldBe("05-QĐ/ĐU");
        e.Details!.ShouldContain("Họ và tên: Nguyễn Văn Sai Tên → Nguyễn Văn Đúng Tên");
        (await db.MemberPeriods.Where(p => p.MemberId == m.Id).AllAsync(p => p.Religious, Ct)).ShouldBeTrue();
    }

    private static ProcedureStart Correct(params (string Field, string Value)[] fields) => new()
    {
        Kind = ProcedureKind.Correction,
        Reason = "Theo giấy khai sinh",
        Corrections = fields.Select(f => new FieldCorrection(f.Field, f.Value)).ToList(),
    };
}
