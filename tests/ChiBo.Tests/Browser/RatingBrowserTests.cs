using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// The 2025 rating round of the <see cref="TestData"/> tree in Chromium, only through the pages: the
/// province board opens it, a member writes her review in the handbook, the chi bộ propose, the đảng
/// bộ cơ sở decides its members and chi bộ, the đảng bộ xã decides the đảng bộ cơ sở, the đảng bộ
/// cơ sở publishes, and the member sees her result.
/// </summary>
public sealed class RatingBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task A_round_runs_from_the_cell_to_the_level_above_and_the_member_sees_the_result()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var data = await TestData.SeedAsync(database);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(database, clock);
        var accounts = new Dictionary<string, string>
        {
            ["bantochuc"] = await app.AddAccountAsync("bantochuc", "province-board", data.Province.Code),
            ["danguy.xa"] = await app.AddAccountAsync("danguy.xa", "superior-committee", data.Commune.Code),
            ["danguy.coso"] = await app.AddAccountAsync("danguy.coso", "base-committee", data.BaseCommittee.Code),
            ["bithu.ap1"] = await app.AddAccountAsync("bithu.ap1", "cell-committee", data.CellOne.Code),
            ["bithu.ap2"] = await app.AddAccountAsync("bithu.ap2", "cell-committee", data.CellTwo.Code),
        };
        accounts["an.dangvien"] = await app.AddAccountAsync("an.dangvien", "member", data.CellOne.Code, data.An.Id);
        await using var browser = await BrowserSession.StartAsync(app, nameof(RatingBrowserTests), BrowserSession.Phone, TestContext.Current.CancellationToken);
        var page = browser.Page;

        // A minute passes between sign-ins: a TOTP code is accepted once, and the same account signs in again later.
        async Task AsAsync(string user)
        {
            clock.Now = clock.Now.AddMinutes(1);
            await browser.Context.ClearCookiesAsync();
            await browser.SignInAsync(user, accounts[user], clock);
        }

        async Task DoneAsync(string text) => await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync(text);

        string Desk(string org) => $"/xep-loai?org={org}&year=2025";

        // The province board opens the round from its desk (the review date and deadline are filled in).
        await AsAsync("bantochuc");
        await browser.GoAsync(Desk(data.Province.Code));
        await Assertions.Expect(page.Locator("#dot")).ToContainTextAsync("Chưa mở đợt đánh giá, xếp loại năm 2025");
        await page.ClickAsync("#dot button[type=submit]");
        await DoneAsync("Đã mở đợt đánh giá, xếp loại.");
        await browser.ScreenshotAsync("mo-dot");

        // The member writes her own review in the handbook.
        await AsAsync("an.dangvien");
        await browser.GoAsync("/so-tay/xep-loai");
        await page.FillAsync("textarea[name=Text]", "Hoàn thành tốt các nhiệm vụ được chi bộ phân công, sinh hoạt đầy đủ.");
        await page.SelectOptionAsync("select[name=Level]", "HTTNV");
        await page.ClickAsync("#tu-kiem-diem button[type=submit]");
        await Assertions.Expect(page.Locator("main p.ok")).ToHaveTextAsync("Đã gửi bản tự kiểm điểm đến chi bộ.");
        await browser.ScreenshotAsync("tu-kiem-diem");

        // Each chi bộ proposes for its members (the choice starts at the self-assessment or the policy's reason) and for itself.
        foreach (var (user, cell, members) in new[] { ("bithu.ap1", data.CellOne.Code, new[] { data.An.Id, data.Binh.Id }), ("bithu.ap2", data.CellTwo.Code, new[] { data.Anh.Id }) })
        {
            await AsAsync(user);
            await browser.GoAsync(Desk(cell));
            foreach (var m in members)
            {
                await page.ClickAsync($"tr[data-member='{m}'] form button[type=submit]");
                await DoneAsync("Đã ghi đề xuất mức xếp loại.");
            }

            await page.FillAsync("#tu-danh-gia textarea[name=SelfAssessment]", "Chi bộ lãnh đạo hoàn thành các chỉ tiêu năm 2025.");
            await page.SelectOptionAsync("#tu-danh-gia select[name=Level]", "HTTNV");
            await page.ClickAsync("#tu-danh-gia button[type=submit]");
            await DoneAsync("Đã ghi đề xuất mức xếp loại.");
        }

        await browser.ScreenshotAsync("chi-bo-de-xuat");

        // The đảng bộ cơ sở decides the members on each chi bộ's desk, then the chi bộ on its own, then proposes for itself.
        await AsAsync("danguy.coso");
        foreach (var (cell, members) in new[] { (data.CellOne.Code, new[] { data.An.Id, data.Binh.Id }), (data.CellTwo.Code, new[] { data.Anh.Id }) })
        {
            await browser.GoAsync(Desk(cell));
            foreach (var m in members)
            {
                var row = $"tr[data-member='{m}']";
                await page.FillAsync($"{row} input[name=DecisionNumber]", "05-QĐ/ĐU");
                await page.ClickAsync($"{row} form:has(input[name=DecisionNumber]) button[type=submit]");
                await DoneAsync("Đã ghi quyết định xếp loại.");
            }
        }

        await browser.ScreenshotAsync("dang-uy-co-so-quyet-dinh-dang-vien");
        await browser.GoAsync(Desk(data.BaseCommittee.Code));
        foreach (var cell in new[] { data.CellOne.Code, data.CellTwo.Code })
        {
            var row = $"tr[data-org='{cell}']";
            await page.FillAsync($"{row} input[name=DecisionNumber]", "12-QĐ/ĐU");
            await page.ClickAsync($"{row} form:has(input[name=DecisionNumber]) button[type=submit]");
            await DoneAsync("Đã ghi quyết định xếp loại.");
        }

        await Assertions.Expect(page.Locator("#phan-bo [data-key='orgs-HTTNV']")).ToHaveTextAsync("2");
        await page.FillAsync("#tu-danh-gia textarea[name=SelfAssessment]", "Đảng bộ hoàn thành tốt nhiệm vụ chính trị năm 2025.");
        await page.SelectOptionAsync("#tu-danh-gia select[name=Level]", "HTTNV");
        await page.ClickAsync("#tu-danh-gia button[type=submit]");
        await DoneAsync("Đã ghi đề xuất mức xếp loại.");
        await browser.ScreenshotAsync("dang-uy-co-so-quyet-dinh-chi-bo");

        // The level above decides the đảng bộ cơ sở.
        await AsAsync("danguy.xa");
        await browser.GoAsync(Desk(data.Commune.Code));
        var baseRow = $"tr[data-org='{data.BaseCommittee.Code}']";
        await page.FillAsync($"{baseRow} input[name=DecisionNumber]", "30-QĐ/ĐU");
        await page.ClickAsync($"{baseRow} form:has(input[name=DecisionNumber]) button[type=submit]");
        await DoneAsync("Đã ghi quyết định xếp loại.");
        await Assertions.Expect(page.Locator(baseRow)).ToContainTextAsync("Hoàn thành tốt nhiệm vụ");
        await browser.ScreenshotAsync("cap-tren-quyet-dinh");

        // The đảng bộ cơ sở publishes what it decided; the member sees her result.
        await AsAsync("danguy.coso");
        await browser.GoAsync(Desk(data.BaseCommittee.Code));
        await page.ClickAsync("#cong-khai button[type=submit]");
        await DoneAsync("Đã công khai 5 kết quả xếp loại.");

        await AsAsync("an.dangvien");
        await browser.GoAsync("/so-tay/xep-loai");
        await Assertions.Expect(page.Locator("#ket-qua li[data-year='2025']")).ToContainTextAsync("Năm 2025: Hoàn thành tốt nhiệm vụ");
        await Assertions.Expect(page.Locator("#ket-qua li[data-year='2025']")).ToContainTextAsync("quyết định số 05-QĐ/ĐU");
        await browser.ScreenshotAsync("dang-vien-xem-ket-qua");

        // The province's report counts the round.
        await AsAsync("bantochuc");
        await browser.GoAsync("/bao-cao/xep-loai?org=T&fromYear=2021&toYear=2025");
        await Assertions.Expect(page.Locator("table.series[data-series='cells'] tr[data-year='2025']")).ToContainTextAsync("100,00 %");
        await browser.ScreenshotAsync("bao-cao");
    }
}
