using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>The login page and the organization tree in a real Chromium.</summary>
public sealed class SignInBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task Staff_sign_in_with_a_second_factor_and_land_on_the_tree()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var data = await TestData.SeedAsync(database);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(database, clock);
        var secret = await app.AddAccountAsync("tinh.trinhduyet", "province-board");

        await using var browser = await BrowserSession.StartAsync(app, nameof(SignInBrowserTests), BrowserSession.Desktop, TestContext.Current.CancellationToken);
        await browser.GoAsync("/dang-nhap");
        await browser.ScreenshotAsync("dang-nhap");

        await browser.Page.FillAsync("input[name=username]", "tinh.trinhduyet");
        await browser.Page.FillAsync("input[name=password]", "sai-mat-khau");
        await browser.Page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(browser.Page.Locator("p.error")).ToContainTextAsync("không đúng");

        await browser.SignInAsync("tinh.trinhduyet", secret, clock);
        await browser.GoAsync("/to-chuc");
        await Assertions.Expect(browser.Page.Locator("header nav")).ToContainTextAsync("tinh.trinhduyet");
        await Assertions.Expect(browser.Page.Locator("main h1")).ToContainTextAsync(data.Province.Name);
        await browser.ScreenshotAsync("to-chuc");
    }
}
