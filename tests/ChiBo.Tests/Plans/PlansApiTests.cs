using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Plans;

/// <summary>
/// /api/plans through HTTP with the clock on 30/06/2026: who acts on what (the plan's owner imports
/// and allocates, a unit reports on its own part of a task), the task list and its late flags,
/// reminders in the committees' inboxes, and the handbook's activity.
/// </summary>
public sealed class PlansApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Scenario> WithPlanAsync(string provider)
    {
        var s = await Scenario.StartAsync(provider);
        await PlanWorld.ImportAsync(s.Database, TestPlan.Json());
        return s;
    }

    private static async Task<int> ChildTaskAsync(Scenario s, int no, int unitId)
    {
        await using var db = s.Database.Context();
        return await db.PlanTasks.Where(t => t.No == no && t.LeadOrganizationId == unitId).Select(t => t.Id).SingleAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AUnit_ReportsOnItsOwnPartOfATask_AndNotOnTheProvincesTasks(string provider)
    {
        await using var s = await WithPlanAsync(provider);
        using var commune = await s.App.SignedInAsync("superior-committee", s.Data.Commune.Code);
        var own = await ChildTaskAsync(s, 2, s.Data.Commune.Id);
        var response = await commune.PostAsJsonAsync($"/api/plans/tasks/{own}/reports",
            new { status = "done", evidenceNumber = "12-KH/ĐU", evidenceDate = "2026-06-01", year = 2026 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));

        // The ward's part and the province's own task 1 are not the commune's: not found.
        var ward = await ChildTaskAsync(s, 2, s.Data.Ward.Id);
        (await commune.PostAsJsonAsync($"/api/plans/tasks/{ward}/reports", new { status = "inProgress", progress = 10 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = s.Database.Context())
        {
            var one = await db.PlanTasks.Where(t => t.No == 1).Select(t => t.Id).SingleAsync(Ct);
            (await commune.PostAsJsonAsync($"/api/plans/tasks/{one}/reports", new { status = "inProgress", progress = 10 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // Done needs its evidence; a fanned-out parent is reported by the units.
        var noEvidence = await commune.PostAsJsonAsync($"/api/plans/tasks/{own}/reports", new { status = "done" }, Ct);
        noEvidence.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noEvidence.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("EvidenceNumber");

        var (_, mine, _) = await s.GetJsonAsync($"/api/plans/status?org={s.Data.Commune.Code}&year=2026");
        var tasks = mine.GetProperty("plans")[0].GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("no").GetInt32());
        (tasks[2].GetProperty("status").GetString(), tasks[2].GetProperty("late").GetBoolean()).ShouldBe(("done", false));
        var (_, province, _) = await s.GetJsonAsync("/api/plans/status?org=root&year=2026");
        var all = province.GetProperty("plans")[0].GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("no").GetInt32());
        all[2].GetProperty("status").GetString().ShouldBe("inProgress"); // the ward has not reported
        (all[1].GetProperty("late").GetBoolean(), all[3].GetProperty("late").GetBoolean()).ShouldBe((true, false));
        all[1].GetProperty("due").GetString().ShouldBe("2026-03-31");

        var (_, list, _) = await s.GetJsonAsync("/api/plans/tasks?org=root&year=2026");
        var two = list.GetProperty("plans")[0].GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("no").GetInt32() == 2);
        two.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("leadOrg").GetString(), u.GetProperty("status").GetString()))
            .ShouldBe([(s.Data.Commune.Code, "done"), (s.Data.Ward.Code, "notStarted")]);
        two.GetProperty("units")[0].GetProperty("evidence").GetProperty("number").GetString().ShouldBe("12-KH/ĐU");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePlansOwner_ImportsAndAllocates_AUnitOnlyBelowItself(string provider)
    {
        await using var s = await WithPlanAsync(provider);
        using var commune = await s.App.SignedInAsync("superior-committee", s.Data.Commune.Code);
        using var cell = await s.App.SignedInAsync("cell-committee", s.Data.CellOne.Code);
        var own = new { plan = new { number = "3-KH/ĐU", title = "Kế hoạch của xã", org = s.Data.Commune.Code, parent = TestPlan.Number, from = "2026-01-01", to = "2026-12-31" } };
        (await commune.PostAsJsonAsync("/api/plans/import", own, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var province = new { plan = new { number = "4-KH/TU", org = "root", from = "2026-01-01", to = "2026-12-31" } };
        (await commune.PostAsJsonAsync("/api/plans/import", province, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cell.PostAsJsonAsync("/api/plans/import", own, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The commune gives targets to its base committee, not to itself (the province does that).
        var below = await commune.PutAsJsonAsync("/api/plans/allocations",
            new { plan = TestPlan.Number, indicator = "A1", org = s.Data.BaseCommittee.Code, year = 2026, target = 1, source = "3-KH/ĐU" }, Ct);
        below.StatusCode.ShouldBe(HttpStatusCode.OK, await below.Content.ReadAsStringAsync(Ct));
        (await commune.PutAsJsonAsync("/api/plans/allocations",
            new { plan = TestPlan.Number, indicator = "A1", org = s.Data.Commune.Code, year = 2026, target = 9 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.Http.PutAsJsonAsync("/api/plans/allocations",
            new { plan = TestPlan.Number, indicator = "A1", org = s.Data.Commune.Code, year = 2026, target = 9 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Manual values: a unit enters its own; a computed indicator is not entered by hand.
        (await cell.PutAsJsonAsync("/api/plans/values",
            new { plan = TestPlan.Number, indicator = "A8", org = s.Data.CellOne.Code, year = 2026, numerator = 1, source = "Sổ theo dõi của chi bộ" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cell.PutAsJsonAsync("/api/plans/values",
            new { plan = TestPlan.Number, indicator = "A8", org = s.Data.CellTwo.Code, year = 2026, numerator = 1, source = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cell.PutAsJsonAsync("/api/plans/values",
            new { plan = TestPlan.Number, indicator = "A1", org = s.Data.CellOne.Code, year = 2026, numerator = 1, source = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (status, plans, _) = await s.GetJsonAsync($"/api/plans/?org={s.Data.BaseCommittee.Code}&year=2026");
        status.ShouldBe(200);
        plans.EnumerateArray().Select(p => (p.GetProperty("number").GetString(), p.GetProperty("parent").GetString()))
            .ShouldBe([(TestPlan.Number, null), ("3-KH/ĐU", TestPlan.Number)]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_TellTheLeadingCommitteeOfOverdueAndComingTasks_Once(string provider)
    {
        await using var s = await WithPlanAsync(provider);
        var clock = TestClock.On(new DateOnly(2026, 12, 10));
        await using (var db = s.Database.Context())
        {
            // 10/12: task 1 (Q1) overdue; task 3 (15/12) due within 7 days; task 2's units (31/12) not yet.
            (await PlanReminders.SendAsync(db, clock, ct: Ct)).ShouldBe(2);
            (await PlanReminders.SendAsync(db, clock, ct: Ct)).ShouldBe(0);
            clock.Today = new DateOnly(2026, 12, 28);
            (await PlanReminders.SendAsync(db, clock, ct: Ct)).ShouldBe(3); // task 3 now overdue; both units' task 2 due soon
        }

        using var province = await s.App.SignedInAsync("province-board", s.Data.Province.Code);
        var inbox = await province.GetFromJsonAsync<JsonElement>("/api/notifications/", Ct);
        var titles = inbox.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!).ToList();
        titles.ShouldContain(t => t.Contains("Nhiệm vụ 1 của kế hoạch số 9-KH/T", StringComparison.Ordinal) && t.Contains("quá hạn từ 31/03/2026", StringComparison.Ordinal));
        using var ward = await s.App.SignedInAsync("superior-committee", s.Data.Ward.Code);
        var wardInbox = await ward.GetFromJsonAsync<JsonElement>("/api/notifications/", Ct);
        wardInbox.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!).ShouldHaveSingleItem().ShouldContain("Nhiệm vụ 2");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMemberOpeningTheHandbook_CountsAsActive(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var an = await s.App.SignedInAsync("member", s.Data.CellOne.Code, s.Data.An.Id);
        (await an.GetAsync("/so-tay", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await an.GetAsync("/so-tay/sinh-hoat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = s.Database.Context();
        (await db.HandbookActivities.SingleAsync(Ct)).ShouldSatisfyAllConditions(
            a => a.MemberId.ShouldBe(s.Data.An.Id),
            a => a.LastActiveOn.ShouldBe(TestData.Today));
        var counts = await MeasureEngine.RunAsync(db, new ChiBo.Organizations.OrgLookup(true, s.Data.Province),
            [(HandbookMeasures.Active, new MeasureWindow(new DateOnly(2026, 1, 1), TestData.Today))], TestData.Today, false, Ct);
        counts.Total(HandbookMeasures.Active, new MeasureWindow(new DateOnly(2026, 1, 1), TestData.Today)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABadPlanFile_IsA400NamingTheField_AndOutOfScopeReadsAreNotFound(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var bad = await s.Http.PostAsJsonAsync("/api/plans/import", new
        {
            plan = new { number = "5-KH/TU", from = "2026-01-01", to = "2026-12-31" },
            indicators = new[] { new { code = "K", numerator = "admited", @operator = ">=", target = 1 } },
        }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("field").GetString().ShouldBe("indicators[K].numerator");
        problem.GetProperty("detail").GetString()!.ShouldContain("admited");

        using var ward = await s.App.SignedInAsync("superior-committee", s.Data.Ward.Code);
        (await ward.GetAsync($"/api/plans/dashboard?org={s.Data.Commune.Code}&year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ward.GetAsync("/api/plans/dashboard?org=root&year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var measures = await ward.GetFromJsonAsync<JsonElement>("/api/plans/measures", Ct);
        measures.EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldContain("meetings.cellsMeetingEveryMonth");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnIndicatorOnEthnicity_IsComputedForWhoMaySeeIt_AndMissingForACellCommittee(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await PlanWorld.ImportAsync(s.Database, """
            {"plan": {"number": "7-KH/T", "title": "Đảng viên người dân tộc thiểu số", "org": "root", "from": "2026-01-01", "to": "2030-12-31"},
             "indicators": [{"code": "S1", "numerator": "members.ethnicity.minority", "denominator": "members", "operator": ">=", "target": 10, "fromYear": 2026}],
             "tasks": []}
            """);
        var url = $"/api/plans/status?org={s.Data.CellOne.Code}&year=2026";
        async Task<JsonElement> S1(HttpClient client)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return json.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("number").GetString() == "7-KH/T")
                .GetProperty("indicators").EnumerateArray().Single();
        }

        using var baseCommittee = await s.App.SignedInAsync("base-committee", s.Data.BaseCommittee.Code);
        var seen = await S1(baseCommittee);
        seen.GetProperty("missing").ValueKind.ShouldBe(JsonValueKind.Null);
        seen.GetProperty("denominator").GetInt64().ShouldBeGreaterThan(0);

        // The cell committee reads reports but not ethnicity: the count is not given, not even as 0.
        using var cell = await s.App.SignedInAsync("cell-committee", s.Data.CellOne.Code);
        var hidden = await S1(cell);
        (hidden.GetProperty("status").GetString(), hidden.GetProperty("value").ValueKind, hidden.GetProperty("numerator").ValueKind)
            .ShouldBe(("missing", JsonValueKind.Null, JsonValueKind.Null));
        var why = hidden.GetProperty("missing").GetString()!;
        why.ShouldStartWith("members.ethnicity.minority: ");
        why.ShouldContain("nhạy cảm");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheIndicatorPage_EntersAManualValueWithItsSource_AndAllocatesATarget_ThroughTheCommands(string provider)
    {
        await using var s = await WithPlanAsync(provider);
        await using var db = s.Database.Context();
        var planId = await db.Plans.Where(p => p.Number == TestPlan.Number).Select(p => p.Id).SingleAsync(Ct);
        using var board = await s.App.SignedInAsync("province-board");
        var a8 = $"/ke-hoach/chi-tieu/A8?org=root&year=2026&plan={planId}";
        (await PageForm.GetAsync(board, a8)).Html.ShouldContain("Nhập số liệu năm 2026 (chỉ tiêu nhập tay)");

        // Each field is named; a value without its source is refused by the command, nothing written.
        var empty = await PageForm.PostAsync(board, a8, PageForm.Fields(("Numerator", ""), ("Source", "")), action: a8 + "&handler=Value");
        (empty.Status, empty.FieldError("Numerator")).ShouldBe((HttpStatusCode.BadRequest, "Tử số (hoặc số liệu) không được để trống."));
        var noSource = await PageForm.PostAsync(board, a8, PageForm.Fields(("Numerator", "2")), action: a8 + "&handler=Value");
        (noSource.Status, noSource.FieldError("Source")).ShouldBe((HttpStatusCode.BadRequest, "Số liệu nhập tay cần ghi nguồn (báo cáo, văn bản, ngày)."));
        (await db.IndicatorEntries.CountAsync(Ct)).ShouldBe(0);

        var saved = await PageForm.PostAsync(board, a8, PageForm.Fields(("Numerator", "2"), ("Source", "Báo cáo 7-BC/TU ngày 01/6/2026")), action: a8 + "&handler=Value");
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var shown = await PageForm.GetAsync(board, saved.Location!);
        shown.Html.ShouldContain("Đã lưu số liệu năm 2026");
        shown.Html.ShouldContain("Báo cáo 7-BC/TU ngày 01/6/2026");
        var entry = await db.IndicatorEntries.AsNoTracking().SingleAsync(Ct);
        (entry.Year, entry.Numerator, entry.Source).ShouldBe((2026, 2L, "Báo cáo 7-BC/TU ngày 01/6/2026"));

        // The province allocates A1's admissions to the ward; a target that is not a number is named.
        var a1 = $"/ke-hoach/chi-tieu/A1?org=root&year=2026&plan={planId}";
        var bad = await PageForm.PostAsync(board, a1, PageForm.Fields(("Unit", s.Data.Ward.Code), ("Target", "hai")), action: a1 + "&handler=Allocate");
        (bad.Status, bad.FieldError("Target")).ShouldBe((HttpStatusCode.BadRequest, "Chỉ tiêu giao \"hai\" không phải là số (viết 3,5 hoặc 90)."));
        var given = await PageForm.PostAsync(board, a1, PageForm.Fields(("Unit", s.Data.Ward.Code), ("Target", "2"), ("AllocationSource", "55-KH/TU")),
            action: a1 + "&handler=Allocate");
        given.Status.ShouldBe(HttpStatusCode.Redirect);
        var a1Id = await db.PlanIndicators.Where(i => i.PlanId == planId && i.Code == "A1").Select(i => i.Id).SingleAsync(Ct);
        var allocation = await db.IndicatorAllocations.AsNoTracking().SingleAsync(a => a.IndicatorId == a1Id && a.OrganizationId == s.Data.Ward.Id, Ct);
        (allocation.Year, allocation.Target, allocation.Source).ShouldBe(((int?)2026, 2m, "55-KH/TU"));

        // The ward's committee cannot allocate a target to the commune beside it: the command names
        // who decides, and nothing is written.
        using var ward = await s.App.SignedInAsync("superior-committee", s.Data.Ward.Code);
        var theirs = await PageForm.PostAsync(ward, $"/ke-hoach?org={s.Data.Ward.Code}&year=2026", PageForm.Fields(("Unit", s.Data.Commune.Code), ("Target", "9")),
            action: $"/ke-hoach/chi-tieu/A1?org={s.Data.Ward.Code}&year=2026&plan={planId}&handler=Allocate");
        theirs.Status.ShouldBe(HttpStatusCode.BadRequest);
        theirs.FieldError("Unit")!.ShouldStartWith("Chỉ cấp ủy cấp trên của");
        (await db.IndicatorAllocations.CountAsync(a => a.OrganizationId == s.Data.Commune.Id && a.Target == 9m, Ct)).ShouldBe(0);
    }
}
