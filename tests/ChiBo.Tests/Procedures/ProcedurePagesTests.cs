using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Access;
using ChiBo.Procedures;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Procedures.ProcedureDesk;

namespace ChiBo.Tests.Procedures;

/// <summary>The Vietnamese pages: a member starts a request with a form, the committee approves it with the page's buttons.</summary>
public sealed partial class ProcedurePagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, Ct);
        var token = TokenPattern().Match(html).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token)).Select(f => KeyValuePair.Create(f.Item1, f.Item2))), Ct);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Member_StartsWithTheForm_Committee_ApprovesOnThePage(string provider)
    {
        await using var d = await OpenAsync(provider);
        var m = await d.MemberAsync(d.W.Cell1, "Tạ Văn Trang Web");
        var member = await d.AsMemberAsync(m, d.W.Cell1);

        var index = await member.GetStringAsync("/thu-tuc", Ct);
        foreach (var kind in Enum.GetValues<ProcedureKind>())
        {
            index.ShouldContain(ProcedureNames.Of(kind));
        }

        index.ShouldContain("Bạn chưa gửi hồ sơ thủ tục nào.");
        index.ShouldNotContain("<details class=\"start\" id=\"correction\" open");
        var correctionForm = await member.GetStringAsync("/thu-tuc?loai=correction", Ct);
        correctionForm.ShouldContain("<details class=\"start\" id=\"correction\" open");
        correctionForm.ShouldContain("Thông tin đang ghi trong hồ sơ của bạn");
        correctionForm.ShouldContain("Tạ Văn Trang Web");
        (await member.GetStringAsync("/tai-khoan", Ct)).ShouldContain("/thu-tuc?loai=correction");
        index.ShouldNotContain("Hồ sơ chờ tôi xử lý");
        System.Text.RegularExpressions.Regex.IsMatch(index, "<script(?![^>]*\\bsrc=)").ShouldBeFalse("no inline script: the CSP forbids it");
        index.ShouldNotContain("@if");

        // A month the form cannot read is refused on the page, naming it.
        var token = await TokenAsync(member, "/thu-tuc");
        var bad = await PostAsync(member, "/thu-tuc?handler=Start", token,
            ("Form.Kind", "FeePayment"), ("Form.FeeGroup", "Insured"), ("Form.Basis", "6.000.000"), ("Form.Months", "13/2026"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("13/2026&quot; không hợp lệ: cần dạng MM/yyyy");

        var fee = await PostAsync(member, "/thu-tuc?handler=Start", token,
            ("Form.Kind", "FeePayment"), ("Form.FeeGroup", "Insured"), ("Form.Basis", "5.500.000"), ("Form.Months", "04/2026, 05/2026"));
        fee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var feeUrl = fee.Headers.Location!.ToString();
        var feePage = await member.GetStringAsync(feeUrl, Ct);
        feePage.ShouldContain("Tháng 05/2026: 55.000 đ");
        feePage.ShouldContain("Tổng cộng: 110.000 đ");
        feePage.ShouldContain("Rút hồ sơ");
        feePage.ShouldNotContain("Chấp thuận</button>");

        var card = await PostAsync(member, "/thu-tuc?handler=Start", token,
            ("Form.Kind", "CardReissue"), ("Form.CardLoss", "Damaged"), ("Form.Reason", "Thẻ bị ướt, mờ chữ"));
        card.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cardUrl = card.Headers.Location!.ToString();
        (await member.GetStringAsync(cardUrl, Ct)).ShouldContain("Tình trạng thẻ: Bị hỏng");

        var correction = await PostAsync(member, "/thu-tuc?handler=Start", token,
            ("Form.Kind", "Correction"), ("Form.Fields", "homeTown"), ("Form.Values", "Tân Châu, An Giang"), ("Form.Fields", ""), ("Form.Values", ""));
        correction.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The committee of the cell: the queue on /thu-tuc, the buttons on the request.
        var cell = await d.AsAsync("cell-committee", d.W.Cell1);
        var queue = await cell.GetStringAsync("/thu-tuc", Ct);
        queue.ShouldContain("Hồ sơ chờ tôi xử lý (3)");
        queue.ShouldNotContain("Gửi hồ sơ mới");
        var page = await cell.GetStringAsync(cardUrl, Ct);
        page.ShouldContain("Chấp thuận</button>");
        page.ShouldContain("Từ chối</button>");
        var cellToken = TokenPattern().Match(page).Groups[1].Value;
        var approved = await PostAsync(cell, cardUrl + "?handler=Approve", cellToken, ("Version", "1"), ("Comment", "Chi bộ xác nhận thẻ bị hỏng"));
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await cell.GetStringAsync(cardUrl, Ct);
        after.ShouldContain("Đã chấp thuận");
        after.ShouldContain("Chi bộ xác nhận thẻ bị hỏng");
        after.ShouldNotContain("Chấp thuận</button>");

        // A stale form is a conflict shown on the page; the wrong committee is refused there too.
        var stale = await PostAsync(cell, cardUrl + "?handler=Approve", cellToken, ("Version", "1"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("đã được người khác cập nhật");
        var feePageForCell = await cell.GetStringAsync(feeUrl, Ct);
        var rejected = await PostAsync(cell, feeUrl + "?handler=Reject", TokenPattern().Match(feePageForCell).Groups[1].Value, ("Version", "1"), ("Reason", "Chưa nhận được tiền"));
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetStringAsync(feeUrl, Ct)).ShouldContain("Chưa nhận được tiền");

        var neighbour = await d.AsAsync("cell-committee", d.W.Cell2);
        (await neighbour.GetAsync(cardUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The member's page lists the requests with their steps and the inbox shows the moves.
        var mine = await member.GetStringAsync("/thu-tuc", Ct);
        mine.ShouldContain("Hồ sơ của tôi (3)");
        mine.ShouldContain("Bị từ chối");
        mine.ShouldContain("Cấp ủy cơ sở đề nghị cấp lại thẻ");
        (await member.GetStringAsync("/thong-bao-ca-nhan", Ct)).ShouldContain("bị từ chối: Chưa nhận được tiền");

        // Withdrawing from the page.
        var correctionUrl = correction.Headers.Location!.ToString();
        var correctionPage = await member.GetStringAsync(correctionUrl, Ct);
        correctionPage.ShouldContain("Quê quán: (trống) → Tân Châu, An Giang");
        var withdrawn = await PostAsync(member, correctionUrl + "?handler=Withdraw", TokenPattern().Match(correctionPage).Groups[1].Value, ("Version", "1"));
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetStringAsync(correctionUrl, Ct)).ShouldContain("Đã rút");
        await using var db = d.W.Db();
        (await db.ProcedureRequests.CountAsync(r => r.MemberId == m.Id && r.Status == ProcedureStatus.InProgress, Ct)).ShouldBe(1);
    }

    [Fact]
    public void EveryProcedure_NamesItsSource_AndEveryStepItsRoleLevelAndLimit()
    {
        ProcedurePolicy.Definitions.Keys.ShouldBe(Enum.GetValues<ProcedureKind>(), ignoreOrder: true);
        foreach (var d in ProcedurePolicy.Definitions.Values)
        {
            d.Source.ShouldNotBeNullOrWhiteSpace();
            d.Steps.ShouldNotBeEmpty();
            d.Steps.ShouldAllBe(s => s.WorkingDays > 0 && s.Source.Length > 0 && AccessTable.Allows(s.Role, Operation.ProceduresAct));
        }

        ProcedurePolicy.Of(ProcedureKind.OfficialTransfer).Steps.Select(s => s.Level).ShouldBe([ActingLevel.Cell, ActingLevel.Base, ActingLevel.Superior]);
        ProcedurePolicy.Of(ProcedureKind.CardReissue).Steps[^1].Role.ShouldBe(Role.ProvinceBoard);
        ProcedurePolicy.Of(ProcedureKind.ResidenceComment).Steps.ShouldHaveSingleItem().CommentRequired.ShouldBeTrue();
        ProcedurePolicy.Of(ProcedureKind.CardReissue).Number!.Required.ShouldBeTrue();
        ProcedurePolicy.Of(ProcedureKind.Correction).Number!.Required.ShouldBeFalse();
        ProcedurePolicy.DueOn(new DateOnly(2026, 6, 19), 5).ShouldBe(new DateOnly(2026, 6, 26)); // Friday + 5 working days
    }
}
