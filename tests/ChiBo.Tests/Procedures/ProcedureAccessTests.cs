using System.Net;
using System.Net.Http.Json;
using ChiBo.Procedures;
using ChiBo.Web.Access;
using ChiBo.Web.Notifications;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Procedures.ProcedureDesk;

namespace ChiBo.Tests.Procedures;

/// <summary>Who may act at a step, rejection, withdrawal, overdue steps and the inboxes, through HTTP.</summary>
public sealed class ProcedureAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ProcedureStart Card = new() { Kind = ProcedureKind.CardReissue, CardLoss = CardLoss.Damaged };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Step_OutOfScopeIsNotFound_WrongRoleIsForbidden_StaleVersionIsAConflict(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Bùi Văn Phạm Vi");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var r = (await StartAsync(member, Card)).Ok();
        var id = r.Request.Id;

        // Outside the subtree: not found, whether acting or reading.
        var otherCommune = await d.AsAsync("superior-committee", d.W.CommuneB);
        var neighbourCell = await d.AsAsync("cell-committee", d.W.Cell2);
        (await ApproveAsync(otherCommune, id, 1)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(otherCommune, id)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ApproveAsync(neighbourCell, id, 1)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await RejectAsync(neighbourCell, id, 1, "không")).Status.ShouldBe(HttpStatusCode.NotFound);

        // Inside, but not the role of the step: forbidden, naming who acts.
        var baseCommittee = await d.AsAsync("base-committee", d.W.BaseA1);
        var wrong = await ApproveAsync(baseCommittee, id, 1);
        wrong.Status.ShouldBe(HttpStatusCode.Forbidden);
        wrong.Problem!.Detail!.ShouldContain("Chi ủy, bí thư chi bộ của Chi bộ thôn 1");
        (await ApproveAsync(await d.AsAsync("province-board", d.W.Root), id, 1)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await RejectAsync(baseCommittee, id, 1, "Chưa đến lượt")).Status.ShouldBe(HttpStatusCode.Forbidden);

        // Roles without Procedures.Act, and the member, are refused by the access table.
        (await ApproveAsync(await d.AsAsync("inspection", d.W.Root), id, 1)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await ApproveAsync(member, id, 1)).Status.ShouldBe(HttpStatusCode.Forbidden);

        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        (await ApproveAsync(cell, id, 7)).Status.ShouldBe(HttpStatusCode.Conflict);

        // Queues: each committee sees what waits for its own role.
        (await RowsAsync(cell, "/api/procedures/queue")).ShouldHaveSingleItem().Id.ShouldBe(id);
        (await RowsAsync(baseCommittee, "/api/procedures/queue")).ShouldBeEmpty();
        (await RowsAsync(otherCommune, "/api/procedures/queue")).ShouldBeEmpty();
        (await ApproveAsync(cell, id, 1)).Ok().Request.StepOrganization.ShouldBe("Đảng bộ cơ sở A1");
        (await RowsAsync(cell, "/api/procedures/queue")).ShouldBeEmpty();
        var waiting = (await RowsAsync(baseCommittee, "/api/procedures/queue?org=AG.01.01")).ShouldHaveSingleItem();
        (waiting.Id, waiting.MemberName, waiting.CellCode, waiting.KindName).ShouldBe((id, "Bùi Văn Phạm Vi", "AG.01.01.01", "Cấp lại thẻ đảng viên"));
        (await baseCommittee.GetAsync("/api/procedures/queue?org=AG.02", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The member's own list.
        (await RowsAsync(member, "/api/procedures/mine")).ShouldHaveSingleItem().StepName.ShouldBe("Cấp ủy cơ sở đề nghị cấp lại thẻ");
        (await baseCommittee.GetAsync("/api/procedures/mine", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACommitteeMember_DoesNotDecideOnTheirOwnRequest(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Đoàn Văn Chi Ủy");
        var both = await d.AsMemberOnTheCommitteeAsync(m, d.W.Cell1);
        var r = (await StartAsync(both, Card)).Ok();
        r.CanAct.ShouldBeFalse();
        (await RowsAsync(both, "/api/procedures/queue")).ShouldBeEmpty();
        var own = await ApproveAsync(both, r.Request.Id, 1);
        own.Status.ShouldBe(HttpStatusCode.Forbidden);
        own.Problem!.Detail!.ShouldContain("không tự xử lý hồ sơ thủ tục của chính mình");

        var colleague = await d.AsAsync("cell-committee", d.W.Cell1);
        (await RowsAsync(colleague, "/api/procedures/queue")).ShouldHaveSingleItem();
        (await GetAsync(colleague, r.Request.Id)).Ok().CanAct.ShouldBeTrue();
        (await ApproveAsync(colleague, r.Request.Id, 1)).Ok().Request.StepOrganization.ShouldBe("Đảng bộ cơ sở A1");

        // The colleague's read of a member's request is personal data: audited.
        await d.App.FlushAuditReadsAsync();
        await using var db = d.W.Db();
        (await db.AuditEntries.CountAsync(a => a.Action == "read" && a.EntityType == nameof(ProcedureRequest) && a.MemberId == m.Id, Ct)).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rejection_EndsTheRequestWithAReason_AndTellsTheMember(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Đinh Văn Bị Từ Chối");
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var baseCommittee = await d.AsAsync("base-committee", d.W.BaseA1);
        var r = (await StartAsync(member, Card)).Ok();
        var v = (await ApproveAsync(cell, r.Request.Id, 1)).Ok().Request.Version;

        (await RejectAsync(baseCommittee, r.Request.Id, v, "  ")).Field.ShouldBe("Reason");
        var rejected = (await RejectAsync(baseCommittee, r.Request.Id, v, "Thẻ còn sử dụng được, chưa đến mức phải cấp lại")).Ok();
        rejected.Request.Status.ShouldBe(ProcedureStatus.Rejected);
        rejected.Steps.Select(s => s.State).ShouldBe(["done", "rejected", "skipped", "skipped"]);
        rejected.Request.Outcome.ShouldBe("Đảng bộ cơ sở A1 từ chối ở bước \"Cấp ủy cơ sở đề nghị cấp lại thẻ\": Thẻ còn sử dụng được, chưa đến mức phải cấp lại");
        (await ApproveAsync(baseCommittee, r.Request.Id, rejected.Request.Version)).Problem!.Detail!.ShouldContain("Chỉ chấp thuận hồ sơ đang xử lý");
        (await InboxAsync(member)).Titles().ShouldContain(t => t.EndsWith("bị từ chối: Thẻ còn sử dụng được, chưa đến mức phải cấp lại", StringComparison.Ordinal));
        (await RowsAsync(baseCommittee, "/api/procedures/queue")).ShouldBeEmpty();

        // Once ended, the member may start again.
        (await StartAsync(member, Card)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdrawal_IsTheMembersAlone_AndTellsTheCommitteeThatWasToAct(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Lý Văn Rút");
        var other = await d.MemberAsync(d.W.Cell1, "Mai Thị Khác", ChiBo.Members.Gender.Female);
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var otherMember = await d.AsMemberAsync(other, d.W.Cell1);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var r = (await StartAsync(member, new ProcedureStart { Kind = ProcedureKind.OfficialTransfer, ToCell = "AG.02.01", Reason = "Chuyển công tác" })).Ok();

        (await WithdrawAsync(otherMember, r.Request.Id, 1)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(otherMember, r.Request.Id)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await WithdrawAsync(cell, r.Request.Id, 1)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await WithdrawAsync(member, r.Request.Id, 2)).Status.ShouldBe(HttpStatusCode.Conflict);
        var withdrawn = (await WithdrawAsync(member, r.Request.Id, 1, "Không chuyển công tác nữa")).Ok();
        (withdrawn.Request.Status, withdrawn.CanWithdraw).ShouldBe((ProcedureStatus.Withdrawn, false));
        withdrawn.Steps[0].State.ShouldBe("withdrawn");
        (await WithdrawAsync(member, r.Request.Id, withdrawn.Request.Version)).Field.ShouldBe("Status");
        (await InboxAsync(cell)).Single("đã rút hồ sơ").Title.ShouldContain("Lý Văn Rút");
        (await RowsAsync(cell, "/api/procedures/queue")).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Step_PastItsTimeLimit_IsFlaggedOverdue_UntilItIsDone(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Trịnh Văn Chờ Lâu");
        var r = (await StartAsync(await d.AsMemberAsync(m, d.W.Cell1), Card)).Ok();
        r.Steps[0].DueOn.ShouldBe(new DateOnly(2026, 6, 22)); // five working days after Monday 15/06/2026

        d.Advance(7); // Monday 22/06: the last day, not yet late
        var board = await d.AsAsync("province-board", d.W.Root);
        (await RowsAsync(board, "/api/procedures/overdue?org=AG")).ShouldBeEmpty();

        d.Advance(1); // Tuesday 23/06
        board = await d.AsAsync("province-board", d.W.Root);
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var late = (await RowsAsync(board, "/api/procedures/overdue?org=AG")).ShouldHaveSingleItem();
        (late.Id, late.Overdue, late.StepOrganization, late.StepDueOn).ShouldBe((r.Request.Id, true, "Chi bộ thôn 1", (DateOnly?)new DateOnly(2026, 6, 22)));
        (await RowsAsync(board, "/api/procedures/overdue?org=AG.02")).ShouldBeEmpty();
        (await RowsAsync(cell, "/api/procedures/queue")).ShouldHaveSingleItem().Overdue.ShouldBeTrue();
        var details = (await GetAsync(cell, r.Request.Id)).Ok();
        (details.Request.Overdue, details.Steps[0].Overdue).ShouldBe((true, true));
        var page = await cell.GetStringAsync("/thu-tuc", Ct);
        page.ShouldContain("Quá hạn");
        page.ShouldContain($"/thu-tuc/{r.Request.Id}");

        // Done late: the next step starts its own limit from today.
        var next = (await ApproveAsync(cell, r.Request.Id, 1)).Ok();
        next.Steps[1].DueOn.ShouldBe(new DateOnly(2026, 6, 30));
        (await RowsAsync(board, "/api/procedures/overdue?org=AG")).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notifications_ReachTheMember_AndEveryAccountOfTheActingCommittee_AndAreMarkedRead(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Cao Thị Thông Báo", ChiBo.Members.Gender.Female);
        var member = await d.AsMemberAsync(m, d.W.Cell1);
        var secretary = await d.AsAsync("cell-committee", d.W.Cell1);
        var deputy = await d.AsAsync("cell-committee", d.W.Cell1);
        var neighbour = await d.AsAsync("cell-committee", d.W.Cell2);
        var baseCommittee = await d.AsAsync("base-committee", d.W.BaseA1);
        var r = (await StartAsync(member, Card)).Ok();
        var id = r.Request.Id;

        var mine = await InboxAsync(member);
        mine.Unread.ShouldBe(1);
        mine.Single("Đã gửi hồ sơ số").To.ShouldBe("Cá nhân");
        foreach (var committee in new[] { secretary, deputy })
        {
            var inbox = await InboxAsync(committee);
            inbox.Unread.ShouldBe(1);
            var line = inbox.Single("Cao Thị Thông Báo chờ: Chi bộ xác nhận việc mất, hỏng thẻ");
            (line.Link, line.Read, line.To).ShouldBe(($"/thu-tuc/{id}", false, "Chi ủy, bí thư chi bộ — Chi bộ thôn 1"));
        }

        (await InboxAsync(neighbour)).Items.ShouldBeEmpty();
        (await InboxAsync(baseCommittee)).Items.ShouldBeEmpty();
        await using (var db = d.W.Db())
        {
            (await ChiBo.Notifications.NotificationQueries.UnreadForMemberAsync(db, m.Id, Ct)).ShouldHaveSingleItem().Link.ShouldBe($"/thu-tuc/{id}");
        }

        // The bell in the header counts unread lines, on the server.
        (await secretary.GetStringAsync("/thu-tuc", Ct)).ShouldContain("<b class=\"count\">1</b>");

        // A committee's inbox is shared: one account reads a line for all, and the line says who.
        var lineId = (await InboxAsync(secretary)).Items[0].Id;
        var marked = await (await secretary.PostAsJsonAsync("/api/notifications/read", new MarkReadRequest([lineId]), Ct))
            .Content.ReadFromJsonAsync<MarkReadResult>(Ct);
        marked.ShouldBe(new MarkReadResult(1, 0));
        var secretaryName = (await secretary.GetFromJsonAsync<SignedInAccount>("/api/auth/me", Ct))!.UserName;
        var seen = await InboxAsync(deputy);
        seen.Unread.ShouldBe(0);
        (seen.Items[0].Read, seen.Items[0].ReadBy).ShouldBe((true, secretaryName));
        (await secretary.GetStringAsync("/thu-tuc", Ct)).ShouldNotContain("class=\"count\"");

        // Lines of another inbox cannot be marked.
        var neighbourMarked = await (await neighbour.PostAsJsonAsync("/api/notifications/read", new MarkReadRequest([mine.Items[0].Id]), Ct))
            .Content.ReadFromJsonAsync<MarkReadResult>(Ct);
        neighbourMarked!.Marked.ShouldBe(0);
        (await InboxAsync(member)).Unread.ShouldBe(1);

        // The next step reaches the base committee; the member hears of each move.
        (await ApproveAsync(secretary, id, 1)).Ok();
        (await InboxAsync(baseCommittee)).Single("chờ: Cấp ủy cơ sở đề nghị cấp lại thẻ").Read.ShouldBeFalse();
        mine = await InboxAsync(member);
        mine.Unread.ShouldBe(2);
        mine.Single("Chi bộ thôn 1 đã chấp thuận; hồ sơ chuyển đến Đảng bộ cơ sở A1");
        var page = await member.GetStringAsync("/thong-bao-ca-nhan", Ct);
        page.ShouldContain("Chi bộ thôn 1 đã chấp thuận");
        page.ShouldContain("2 thông báo chưa đọc");

        var all = await (await member.PostAsJsonAsync("/api/notifications/read", new MarkReadRequest(), Ct))
            .Content.ReadFromJsonAsync<MarkReadResult>(Ct);
        all.ShouldBe(new MarkReadResult(2, 0));
        await using (var db = d.W.Db())
        {
            (await ChiBo.Notifications.NotificationQueries.UnreadForMemberAsync(db, m.Id, Ct)).ShouldBeEmpty();
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ChiBo.Notifications.Notification) && a.Action == "update", Ct)).ShouldBe(3);
        }
    }
}
