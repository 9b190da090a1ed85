using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Discipline;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Tests.Discipline;

/// <summary>
/// Kiểm tra → kết luận → kỷ luật → khiếu nại through HTTP on the <see cref="World"/> tree (today
/// 30/06/2025), on SQLite and PostgreSQL: what is written, what the reports count, who sees it.
/// </summary>
public sealed class DisciplineWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonSerializer.Deserialize<ProblemDetails>(body, JsonSerializerOptions.Web)!;
    }

    private static string Field(ProblemDetails p) => ((JsonElement)p.Extensions["field"]!).GetString()!;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Case_Findings_Decision_Appeal_AreRecordedCountedAndShownOnlyToDisciplineReaders(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Lê Văn Kiểm", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var inspection = await app.SignedInAsync("inspection", "AG");

        var opened = await OkJsonAsync(await inspection.PostAsJsonAsync("/api/discipline/cases", new
        {
            kind = InspectionKind.ViolationSigns, memberId = m.Id, inspectingOrg = "AG.01", inspectingBody = DecidingBody.InspectionCommission,
            decisionNumber = "12-QĐ/UBKT", openedOn = new DateOnly(2025, 3, 3), dueOn = new DateOnly(2025, 4, 30), content = "Kiểm tra việc quản lý quỹ đất công ích",
        }, Ct));
        var caseId = opened.GetProperty("id").GetInt32();
        opened.GetProperty("status").GetString().ShouldBe("open");

        await OkJsonAsync(await inspection.PostAsJsonAsync($"/api/discipline/cases/{caseId}/findings", new
        {
            version = 1, concludedOn = new DateOnly(2025, 4, 10), conclusion = CaseConclusion.DisciplineWarranted, findings = "Cho thuê đất công ích trái quy định",
        }, Ct));

        var decided = await OkJsonAsync(await inspection.PostAsJsonAsync("/api/discipline/decisions", new
        {
            memberId = m.Id, form = DisciplineForm.Warning, decisionNumber = "20-QĐ/UBKT", decidedOn = new DateOnly(2025, 4, 21),
            decidingOrg = "AG.01", decidingBody = DecidingBody.InspectionCommission, reason = "Vi phạm trong quản lý đất đai", caseId,
        }, Ct));
        var decisionId = decided.GetProperty("id").GetInt32();

        var appeal = await OkJsonAsync(await inspection.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new
        {
            filedOn = new DateOnly(2025, 5, 5), resolvingOrg = "AG", resolvingBody = DecidingBody.InspectionCommission, content = "Đề nghị xem xét lại",
        }, Ct));
        appeal.GetProperty("status").GetString().ShouldBe("pending");
        appeal.GetProperty("dueOn").GetString().ShouldBe("2025-09-08"); // 90 working days at the province from Monday 5/5

        // A second appeal while one is pending is refused.
        var twice = await ProblemAsync(await inspection.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new
        {
            filedOn = new DateOnly(2025, 5, 6), resolvingOrg = "AG", resolvingBody = DecidingBody.InspectionCommission,
        }, Ct), HttpStatusCode.BadRequest);
        twice.Detail.ShouldBe("Quyết định này đang có một khiếu nại chưa được giải quyết.");

        await OkJsonAsync(await inspection.PostAsJsonAsync($"/api/discipline/appeals/{appeal.GetProperty("id").GetInt32()}/resolution", new
        {
            version = 1, outcome = AppealOutcome.Changed, resolvedOn = new DateOnly(2025, 6, 10), resolutionNumber = "5-QĐ/UBKTTU", newForm = DisciplineForm.Reprimand,
            reason = "Hình thức nặng hơn mức độ vi phạm",
        }, Ct));

        var decision = await OkJsonAsync(await inspection.GetAsync($"/api/discipline/decisions/{decisionId}", Ct));
        decision.GetProperty("form").GetString().ShouldBe("reprimand");
        decision.GetProperty("originalForm").GetString().ShouldBe("warning");
        decision.GetProperty("level").GetString().ShouldBe("Ủy ban Kiểm tra Đảng ủy xã A");
        decision.GetProperty("case").GetProperty("id").GetInt32().ShouldBe(caseId);
        decision.GetProperty("appeals")[0].GetProperty("outcome").GetString().ShouldBe("changed");
        decision.GetProperty("appeals")[0].GetProperty("level").GetString().ShouldBe("Ủy ban Kiểm tra Tỉnh ủy An Giang");

        // Counted once, by the decision date and the cell's path, in the commune's subtree too.
        var movements = await w.MovementsIn(w.CommuneA, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        (movements.Counts["disciplinedMembers"], movements.Counts["disciplinedOrganizations"], movements.Counts["expelled"]).ShouldBe((1, 0, 0));
        (await w.MovementsIn(w.CommuneB, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Counts["disciplinedMembers"].ShouldBe(0);
        var report = await OkJsonAsync(await inspection.GetAsync("/api/reports/movements?org=AG&from=2025-04-21&to=2025-04-21", Ct));
        report.GetProperty("counts").GetProperty("disciplinedMembers").GetInt32().ShouldBe(1);

        // The timeline carries the decision and the appeal for discipline readers only.
        var record = await OkJsonAsync(await inspection.GetAsync($"/api/members/{m.Id}", Ct));
        var kinds = record.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("disciplined");
        kinds.ShouldContain("disciplineReviewed");
        var disciplined = record.GetProperty("timeline").EnumerateArray().First(e => e.GetProperty("kind").GetString() == "disciplined");
        disciplined.GetProperty("decisionNumber").GetString().ShouldBe("20-QĐ/UBKT");
        disciplined.GetProperty("decidedBy").GetString().ShouldBe("Ủy ban Kiểm tra Đảng ủy xã A");

        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var seenByCell = await OkJsonAsync(await cell.GetAsync($"/api/members/{m.Id}", Ct));
        seenByCell.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldNotContain("disciplined");
        seenByCell.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldNotContain("disciplineReviewed");
        (await cell.GetAsync($"/api/discipline/decisions/{decisionId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cell.GetAsync("/api/discipline/?org=AG.01.01.01", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await cell.GetStringAsync($"/dang-vien/{m.Id}", Ct);
        page.ShouldNotContain("Thi hành kỷ luật");
        page.ShouldNotContain("20-QĐ/UBKT");

        // The province board reads, the base committee of another commune does not find it.
        using var board = await app.SignedInAsync("province-board", "AG");
        var list = await OkJsonAsync(await board.GetAsync("/api/discipline/?org=AG&year=2025", Ct));
        list.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).ShouldBe([decisionId]);
        list.GetProperty("cases").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).ShouldBe([caseId]);
        (await board.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new { filedOn = new DateOnly(2025, 6, 20), resolvingBody = DecidingBody.Central }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var other = await app.SignedInAsync("base-committee", "AG.02.01");
        (await other.GetAsync($"/api/discipline/decisions/{decisionId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkJsonAsync(await other.GetAsync("/api/discipline/?year=2025", Ct))).GetProperty("decisions").GetArrayLength().ShouldBe(0);

        // The base committee of the member's own đảng bộ reads and records.
        using var own = await app.SignedInAsync("base-committee", "AG.01.01");
        (await OkJsonAsync(await own.GetAsync($"/api/discipline/decisions/{decisionId}", Ct))).GetProperty("decisionNumber").GetString().ShouldBe("20-QĐ/UBKT");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expulsion_EndsTheMembershipInTheSameTransaction_AndLiftingItOnAppealReinstates(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Trần Văn Trừ", new DateOnly(2010, 5, 19), new DateOnly(2011, 5, 19));
        await w.RegisterAsync(w.Cell1, "Ngô Thị Ở Lại", new DateOnly(2010, 5, 19), new DateOnly(2011, 5, 19), Gender.Female);
        var probationary = await w.RegisterAsync(w.Cell2, "Phan Văn Dự Bị", new DateOnly(2025, 1, 10));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var inspection = await app.SignedInAsync("inspection", "AG");
        var day = new DateOnly(2025, 5, 15);
        (await w.CountAsOf(w.Root, w.Clock.Today)).ShouldBe(3);

        // A probationary member is not expelled: the field and the rule are named.
        var refused = await ProblemAsync(await inspection.PostAsJsonAsync("/api/discipline/decisions", new
        {
            memberId = probationary.Id, form = DisciplineForm.Expulsion, decisionNumber = "30-QĐ/UBKT", decidedOn = day,
            decidingOrg = "AG.01", decidingBody = DecidingBody.InspectionCommission, reason = "Vi phạm pháp luật",
        }, Ct), HttpStatusCode.BadRequest);
        Field(refused).ShouldBe("Form");
        refused.Detail!.ShouldContain("Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo");

        // Nor by a cell, which may only reprimand or warn.
        var notTheCells = await ProblemAsync(await inspection.PostAsJsonAsync("/api/discipline/decisions", new
        {
            memberId = m.Id, form = DisciplineForm.Expulsion, decisionNumber = "1-QĐ/CB", decidedOn = day,
            decidingOrg = "AG.01.01.01", decidingBody = DecidingBody.Cell, reason = "Vi phạm pháp luật",
        }, Ct), HttpStatusCode.BadRequest);
        Field(notTheCells).ShouldBe("DecidingBody");

        var expelled = await OkJsonAsync(await inspection.PostAsJsonAsync("/api/discipline/decisions", new
        {
            memberId = m.Id, form = DisciplineForm.Expulsion, decisionNumber = "31-QĐ/UBKT", decidedOn = day, receivedOn = day.AddDays(2),
            decidingOrg = "AG.01", decidingBody = DecidingBody.InspectionCommission, reason = "Vi phạm pháp luật, bị kết án", subjectVersion = m.Version,
        }, Ct));
        var decisionId = expelled.GetProperty("id").GetInt32();

        (await OkJsonAsync(await inspection.GetAsync($"/api/members/{m.Id}", Ct))).GetProperty("status").GetString().ShouldBe("expelled");
        (await w.CountAsOf(w.Root, w.Clock.Today)).ShouldBe(2);
        (await w.CountAsOf(w.Root, day.AddDays(-1))).ShouldBe(3);
        var movements = await w.MovementsIn(w.Root, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        (movements.Counts["expelled"], movements.Counts["disciplinedMembers"]).ShouldBe((1, 1));
        await using (var db = w.Db())
        {
            var e = db.MemberEvents.Single(x => x.MemberId == m.Id && x.Kind == MemberEventKind.Expelled);
            (e.Date, e.DecisionNumber, e.DecidedBy).ShouldBe((day, "31-QĐ/UBKT", "Ủy ban Kiểm tra Đảng ủy xã A"));
        }

        // Too late: more than a month after receiving the decision.
        var late = await ProblemAsync(await inspection.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new
        {
            filedOn = new DateOnly(2025, 6, 18), resolvingOrg = "AG", resolvingBody = DecidingBody.InspectionCommission,
        }, Ct), HttpStatusCode.BadRequest);
        Field(late).ShouldBe("FiledOn");
        late.Detail!.ShouldContain("17/06/2025");

        // Sideways is not up: the other commune does not answer the appeal.
        var sideways = await ProblemAsync(await inspection.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new
        {
            filedOn = new DateOnly(2025, 6, 10), resolvingOrg = "AG.02", resolvingBody = DecidingBody.InspectionCommission,
        }, Ct), HttpStatusCode.BadRequest);
        Field(sideways).ShouldBe("ResolvingOrgId");

        var appeal = await OkJsonAsync(await inspection.PostAsJsonAsync($"/api/discipline/decisions/{decisionId}/appeals", new
        {
            filedOn = new DateOnly(2025, 6, 10), resolvingOrg = "AG", resolvingBody = DecidingBody.StandingCommittee,
        }, Ct));
        var expelledVersion = (await OkJsonAsync(await inspection.GetAsync($"/api/members/{m.Id}", Ct))).GetProperty("version").GetInt32();
        await OkJsonAsync(await inspection.PostAsJsonAsync($"/api/discipline/appeals/{appeal.GetProperty("id").GetInt32()}/resolution", new
        {
            version = 1, outcome = AppealOutcome.Annulled, resolvedOn = new DateOnly(2025, 6, 25), resolutionNumber = "9-QĐ/TU",
            reason = "Chưa đủ căn cứ kết luận vi phạm", memberVersion = expelledVersion,
        }, Ct));

        var record = await OkJsonAsync(await inspection.GetAsync($"/api/members/{m.Id}", Ct));
        record.GetProperty("status").GetString().ShouldBe("official");
        var kinds = record.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("reinstated");
        kinds.ShouldNotContain("expelled");
        (await w.CountAsOf(w.Root, w.Clock.Today)).ShouldBe(3);
        (await w.CountAsOf(w.Root, day.AddDays(10))).ShouldBe(3);
        movements = await w.MovementsIn(w.Root, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        (movements.Counts["expelled"], movements.Counts["disciplinedMembers"]).ShouldBe((0, 0));
        var decision = await OkJsonAsync(await inspection.GetAsync($"/api/discipline/decisions/{decisionId}", Ct));
        decision.GetProperty("annulled").GetBoolean().ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organizations_AreReprimandedFromAbove_AndDissolvedTwoLevelsUpWithTheirMembersMoved(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell2, "Đỗ Văn Chuyển", new DateOnly(2012, 1, 5), new DateOnly(2013, 1, 5));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var commune = await app.SignedInAsync("superior-committee", "AG.01");

        var byTheBase = await ProblemAsync(await commune.PostAsJsonAsync("/api/discipline/decisions", new
        {
            organization = "AG.01.01.02", form = DisciplineForm.Reprimand, decisionNumber = "3-QĐ/ĐU", decidedOn = new DateOnly(2025, 2, 3),
            decidingOrg = "AG.01.01", decidingBody = DecidingBody.Committee, reason = "Không thực hiện đúng chế độ sinh hoạt đảng",
        }, Ct), HttpStatusCode.BadRequest);
        Field(byTheBase).ShouldBe("DecidingBody");
        byTheBase.Detail!.ShouldContain("không có thẩm quyền thi hành kỷ luật tổ chức đảng");

        await OkJsonAsync(await commune.PostAsJsonAsync("/api/discipline/decisions", new
        {
            organization = "AG.01.01.02", form = DisciplineForm.Reprimand, decisionNumber = "4-QĐ/ĐU", decidedOn = new DateOnly(2025, 2, 3),
            decidingOrg = "AG.01", decidingBody = DecidingBody.StandingCommittee, reason = "Không thực hiện đúng chế độ sinh hoạt đảng",
        }, Ct));

        var tooClose = await ProblemAsync(await commune.PostAsJsonAsync("/api/discipline/decisions", new
        {
            organization = "AG.01.01.02", form = DisciplineForm.Dissolution, decisionNumber = "5-QĐ/ĐU", decidedOn = new DateOnly(2025, 5, 2),
            decidingOrg = "AG.01.01", decidingBody = DecidingBody.Committee, reason = "Vi phạm đặc biệt nghiêm trọng",
        }, Ct), HttpStatusCode.BadRequest);
        Field(tooClose).ShouldBe("DecidingBody");

        // Members left in the cell: refused by the organizations' own rule, nothing written.
        var notEmpty = await ProblemAsync(await commune.PostAsJsonAsync("/api/discipline/decisions", new
        {
            organization = "AG.01.01.02", form = DisciplineForm.Dissolution, decisionNumber = "6-QĐ/ĐU", decidedOn = new DateOnly(2025, 5, 2),
            decidingOrg = "AG.01", decidingBody = DecidingBody.Committee, reason = "Vi phạm đặc biệt nghiêm trọng",
        }, Ct), HttpStatusCode.BadRequest);
        notEmpty.Detail!.ShouldContain("đảng viên");
        (await w.MovementsIn(w.Root, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Counts["disciplinedOrganizations"].ShouldBe(1);

        await OkJsonAsync(await commune.PostAsJsonAsync("/api/discipline/decisions", new
        {
            organization = "AG.01.01.02", form = DisciplineForm.Dissolution, decisionNumber = "7-QĐ/ĐU", decidedOn = new DateOnly(2025, 5, 2),
            decidingOrg = "AG.01", decidingBody = DecidingBody.Committee, reason = "Vi phạm đặc biệt nghiêm trọng", moveMembersToCell = "AG.01.01.01",
        }, Ct));

        await using (var db = w.Db())
        {
            db.Organizations.Single(o => o.Id == w.Cell2.Id).DissolvedOn.ShouldBe(new DateOnly(2025, 5, 2));
            db.Members.Single(x => x.Id == m.Id).CellId.ShouldBe(w.Cell1.Id);
        }

        (await w.MovementsIn(w.Root, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).Counts["disciplinedOrganizations"].ShouldBe(2);
        (await w.OrgsAsOf(w.Root, new DateOnly(2025, 6, 30))).Cells.ShouldBe((await w.OrgsAsOf(w.Root, new DateOnly(2025, 5, 1))).Cells - 1);
        (await w.CountAsOf(w.Cell1, new DateOnly(2025, 6, 30))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_ListTheSubtree_ShowTheDecision_AndRecordOneThroughTheForm(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Vũ Thị Biểu Mẫu", new DateOnly(2015, 9, 2), new DateOnly(2016, 9, 2), Gender.Female);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var inspection = await app.SignedInAsync("inspection", "AG");

        var form = await inspection.GetStringAsync($"/ky-luat/quyet-dinh/moi?member={m.Id}", Ct);
        form.ShouldContain("Ghi quyết định kỷ luật");
        form.ShouldContain("Ủy ban Kiểm tra Đảng ủy xã A");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();

        Task<HttpResponseMessage> Post(string level, string number) => inspection.PostAsync($"/ky-luat/quyet-dinh/moi?member={m.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.SubjectVersion"] = m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Form"] = ((int)DisciplineForm.Dismissal).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Level"] = level,
            ["Input.DecisionNumber"] = number,
            ["Input.DecidedOn"] = "2025-06-02",
            ["Input.Reason"] = "Thiếu trách nhiệm trong lãnh đạo chi bộ",
            ["Input.Position"] = "Bí thư chi bộ",
        }), Ct);

        // The cell may not dismiss: the form comes back with the rule, in Vietnamese.
        using (var refused = await Post("AG.01.01.01|1", "2-QĐ/CB"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Chi bộ thôn 1 chỉ có thẩm quyền quyết định khiển trách, cảnh cáo");
        }

        using var done = await Post("AG.01.01|3", "8-QĐ/ĐU");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = done.Headers.Location!.ToString();
        location.ShouldStartWith("/ky-luat/");

        var detail = System.Net.WebUtility.HtmlDecode(await inspection.GetStringAsync(location, Ct));
        detail.ShouldContain("Quyết định kỷ luật số 8-QĐ/ĐU");
        detail.ShouldContain("Cách chức");
        detail.ShouldContain("Bí thư chi bộ");
        detail.ShouldContain("Ban Thường vụ Đảng ủy cơ sở A1");
        detail.ShouldContain("02/06/2025");

        var list = System.Net.WebUtility.HtmlDecode(await inspection.GetStringAsync("/ky-luat?org=AG&year=2025", Ct));
        list.ShouldContain("8-QĐ/ĐU");
        list.ShouldContain("Vũ Thị Biểu Mẫu");
        list.ShouldContain("Chi bộ thôn 1");
        var filtered = System.Net.WebUtility.HtmlDecode(await inspection.GetStringAsync("/ky-luat?org=AG&year=2025&form=reprimand", Ct));
        filtered.ShouldNotContain("8-QĐ/ĐU");
        var otherYear = System.Net.WebUtility.HtmlDecode(await inspection.GetStringAsync("/ky-luat?org=AG&year=2024", Ct));
        otherYear.ShouldNotContain("8-QĐ/ĐU");

        var member = System.Net.WebUtility.HtmlDecode(await inspection.GetStringAsync($"/dang-vien/{m.Id}", Ct));
        member.ShouldContain("Kiểm tra, giám sát và kỷ luật");
        member.ShouldContain("Thi hành kỷ luật");
        member.ShouldContain("8-QĐ/ĐU");
        (await inspection.GetStringAsync("/to-chuc", Ct)).ShouldContain("href=\"/ky-luat\"");

        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var denied = await cell.GetAsync("/ky-luat", Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");
        (await cell.GetStringAsync($"/dang-vien/{m.Id}", Ct)).ShouldNotContain("href=\"/ky-luat\"");
    }
}
