using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// The đảng bộ cơ sở on a phone in Chromium, after its chi bộ's year is decided: it records the
/// "bốn tốt" criteria of Chi bộ ấp Một (the meetings from the chi bộ's minutes, the register
/// showing none), recognises the title, then gives the chi bộ a "giấy khen".
/// </summary>
public sealed class RatingRecognitionBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task The_base_committee_recognises_a_four_good_cell_and_rewards_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var data = await TestData.SeedAsync(database);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(database, clock);
        var secret = await app.AddAccountAsync("danguy.coso", "base-committee", data.BaseCommittee.Code);
        await using var browser = await BrowserSession.StartAsync(app, nameof(RatingRecognitionBrowserTests), BrowserSession.Phone, ct);

        // The year so far through the API (the server runs for the browser first).
        await RatingRecognitionPagesTests.OpenRoundAsync(app);
        await RatingRecognitionPagesTests.DecideCellOneAsync(app, database, data);
        var page = browser.Page;
        await browser.SignInAsync("danguy.coso", secret, clock);

        // From the desk to "bốn tốt": the chi bộ's row opens its form with what the register shows.
        await browser.GoAsync($"/xep-loai?org={data.BaseCommittee.Code}&year=2025");
        await page.ClickAsync("main nav.subnav a:has-text('Bốn tốt')");
        var row = page.Locator($"main tr[data-org='{data.CellOne.Code}']");
        await Assertions.Expect(row).ToContainTextAsync("Chưa đánh giá");
        await row.Locator("a:has-text('Đánh giá bốn tiêu chí')").ClickAsync();
        await Assertions.Expect(row.Locator("[data-evidence=discipline]")).ToHaveTextAsync("Không có tổ chức, đảng viên bị kỷ luật trong năm 2025");
        await row.Locator("select[name=MeetingQuality]").SelectOptionAsync("true");
        await row.Locator("input[name=MeetingQualityEvidence]").FillAsync("Sổ biên bản: 12 kỳ sinh hoạt thường kỳ, 4 kỳ chuyên đề");
        await row.Locator("select[name=CadresMembers]").SelectOptionAsync("true");
        await row.Locator("input[name=CadresMembersEvidence]").FillAsync("Chi ủy viên và đảng viên hoàn thành nhiệm vụ");
        await browser.ScreenshotAsync("bon-tot-tieu-chi");
        await row.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã ghi đánh giá các tiêu chí \"bốn tốt\".");

        // The four criteria met, it recognises the title.
        await Assertions.Expect(row.Locator("ul.criteria li.met")).ToHaveCountAsync(4);
        await row.Locator("input[name=DecisionNumber]").FillAsync("20-QĐ/ĐU");
        await row.Locator("form:has(input[name=DecisionNumber]) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã ghi quyết định công nhận \"bốn tốt\".");
        await Assertions.Expect(row).ToContainTextAsync("Đảng bộ cơ sở xã An Hòa, số 20-QĐ/ĐU ngày 30/06/2026");
        await Assertions.Expect(page.Locator("main [data-key=cells-recognized]")).ToHaveTextAsync("1/2");
        await browser.ScreenshotAsync("bon-tot-cong-nhan");

        // Then a "giấy khen" for the chi bộ.
        await page.ClickAsync("main nav.subnav a:has-text('Khen thưởng')");
        await page.SelectOptionAsync("main select[name=Subject]", "o:" + data.CellOne.Code);
        await page.SelectOptionAsync("main select[name=Form]", nameof(RewardForm.Certificate));
        await page.FillAsync("main input[name=Title]", "Chi bộ trong sạch, vững mạnh, \"bốn tốt\" năm 2025");
        await page.FillAsync("main input[name=DecisionNumber]", "41-QĐ/ĐU");
        await page.ClickAsync("main #them button[type=submit]");
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã ghi quyết định khen thưởng.");
        await Assertions.Expect(page.Locator("main table.rewards")).ToContainTextAsync("Giấy khen");
        await browser.ScreenshotAsync("khen-thuong");

        await using var db = database.Context();
        (await db.FourGoodTitles.SingleAsync(ct)).Recognized.ShouldBeTrue();
        var reward = await db.Rewards.SingleAsync(ct);
        (reward.Form, reward.OrganizationId, reward.DecisionNumber, reward.RecordedBy).ShouldBe((RewardForm.Certificate, data.CellOne.Id, "41-QĐ/ĐU", "danguy.coso"));
    }
}
