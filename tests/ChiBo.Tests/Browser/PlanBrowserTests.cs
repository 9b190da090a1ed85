using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// A province board member on a phone in Chromium: from the home page to the plans' dashboard, one
/// indicator down from the province to a cell, then the task list, where they mark the province's
/// late task done with its evidence.
/// </summary>
public sealed class PlanBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task The_board_drills_an_indicator_down_to_a_cell_and_marks_a_task_done()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var world = await PlanWorld.BuildAsync(database);
        await PlanWorld.ImportAsync(database, TestPlan.Json());
        var clock = PlanWorld.Clock();
        await using var app = new ChiBoApp(database, clock);
        var secret = await app.AddAccountAsync("bantochuc.tinh", "province-board");
        await using var browser = await BrowserSession.StartAsync(app, nameof(PlanBrowserTests), BrowserSession.Phone, ct);
        var page = browser.Page;

        await browser.SignInAsync("bantochuc.tinh", secret, clock); // a committee lands on its plans' dashboard
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Kế hoạch, chỉ tiêu năm 2026");
        var a2 = page.Locator("main article[data-code=A2]");
        await Assertions.Expect(a2.Locator("[data-key=value]")).ToHaveTextAsync("50 %");
        await Assertions.Expect(a2.Locator("[data-key=status]")).ToHaveTextAsync("Không đạt");
        await Assertions.Expect(page.Locator("main article[data-code=A7] [data-key=value]")).ToHaveTextAsync("chưa tính được");
        await browser.ScreenshotAsync("bang-chi-tieu");

        // Down one level at a time: the province, the commune, its base committee, the cell.
        await a2.Locator("a.drill").ClickAsync();
        await page.ClickAsync($"main tr[data-unit='{world.Commune.Code}'] a");
        await Assertions.Expect(page.Locator("main .kind")).ToContainTextAsync(world.Commune.Name);
        await browser.ScreenshotAsync("chi-tieu-theo-don-vi");
        await page.ClickAsync("main tr[data-unit='T.01.01'] a");
        await page.ClickAsync($"main tr[data-unit='{world.CellOne.Code}'] a");
        await Assertions.Expect(page.Locator("main p.notice")).ToContainTextAsync("là chi bộ, cấp cuối cùng của chỉ tiêu");
        await Assertions.Expect(page.Locator("main #don-vi-nay [data-key=value]")).ToHaveTextAsync("100 %");
        await browser.ScreenshotAsync("chi-tieu-cua-chi-bo");

        // The task list: the province's task 1 (due Q1/2026) stands out as late; the board reports it done.
        await browser.GoAsync("/ke-hoach/nhiem-vu?year=2026");
        var late = page.Locator($"main section[data-plan='{TestPlan.Number}'] tr[data-task='1']");
        await Assertions.Expect(late).ToHaveClassAsync("late");
        await Assertions.Expect(late.Locator(".flag.late")).ToHaveTextAsync("Trễ hạn");
        await browser.ScreenshotAsync("nhiem-vu");
        await late.Locator("td.title a").ClickAsync();
        await page.SelectOptionAsync("main select[name=Status]", "done");
        await page.FillAsync("main input[name=EvidenceNumber]", "55-KH/TU");
        await page.FillAsync("main input[name=EvidenceDate]", "2026-06-15");
        await page.ClickAsync("main form.report-form button[type=submit]");
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã ghi nhận báo cáo nhiệm vụ.");
        await Assertions.Expect(page.Locator("main .status-line [data-key=status]")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(page.Locator("main dl.task-facts")).ToContainTextAsync("Văn bản số 55-KH/TU ngày 15/06/2026");
        await browser.ScreenshotAsync("nhiem-vu-hoan-thanh");

        await using var db = database.Context();
        var task = await db.PlanTasks.SingleAsync(t => t.No == 1 && db.Plans.Any(p => p.Id == t.PlanId && p.Number == TestPlan.Number), ct);
        var report = await db.PlanTaskReports.Where(r => r.TaskId == task.Id).OrderByDescending(r => r.Id).FirstAsync(ct);
        (report.Status, report.EvidenceNumber, report.ReportedBy).ShouldBe((PlanTaskStatus.Done, "55-KH/TU", "bantochuc.tinh"));
    }
}
