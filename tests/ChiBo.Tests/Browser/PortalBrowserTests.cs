using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Portal;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// A member uses the handbook on a phone (390 × 844) on the day of their cell's meeting: signs in
/// with a password alone, reads the home page and the record, checks in, sees the attendance
/// history, reports a task, reads the fees; the service worker takes over and keeps the record
/// readable offline; signing out empties what it kept. Screenshots at each step.
/// </summary>
public sealed class PortalBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task Member_on_a_phone_checks_in_and_reads_the_handbook_offline()
    {
        await using var world = await PortalWorld.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(world.Database, world.Clock);
        await world.AddMemberAccountAsync("an.dangvien", world.Data.An.Id, world.Data.CellOne.Code);

        await using var browser = await BrowserSession.StartAsync(app, nameof(PortalBrowserTests), BrowserSession.Phone, TestContext.Current.CancellationToken);
        var page = browser.Page;
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add($"{m.Text} ({m.Location}) on {page.Url}");
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        var main = page.Locator("main");

        // Sign in without a second factor and land on the handbook's home.
        await browser.SignInAsync("an.dangvien", null, world.Clock);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/so-tay$"));
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Đồng chí Nguyễn Văn An");
        await Assertions.Expect(main).ToContainTextAsync("Sinh hoạt chi bộ thường kỳ tháng 6/2026");
        await Assertions.Expect(main).ToContainTextAsync("hôm nay");
        await Assertions.Expect(main).ToContainTextAsync("12-NQ/CB"); // the resolution assigned to the thematic meeting
        await Assertions.Expect(main).ToContainTextAsync("Đã nộp 4 tháng (320.000 đ)");
        await AssertFitsThePhoneAsync(page);
        await browser.ScreenshotAsync("trang-chu");

        // My record, from the tab bar.
        await page.Locator("nav.tabs a", new() { HasText = "Hồ sơ" }).ClickAsync();
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Hồ sơ của tôi");
        await Assertions.Expect(main).ToContainTextAsync("01/05/1980");
        await Assertions.Expect(main).ToContainTextAsync("21 năm");
        await Assertions.Expect(main).ToContainTextAsync(world.Data.An.PartyCardNumber!);
        await AssertFitsThePhoneAsync(page);
        await browser.ScreenshotAsync("ho-so");

        // Upcoming meetings: today's meeting can be checked in.
        await page.Locator("nav.tabs a", new() { HasText = "Sinh hoạt" }).ClickAsync();
        await Assertions.Expect(main.Locator("li.card").First).ToContainTextAsync("Sinh hoạt chi bộ thường kỳ tháng 6/2026");
        await Assertions.Expect(main).ToContainTextAsync("Chuyên đề: học tập và làm theo tư tưởng");
        var checkIn = main.Locator("button", new() { HasText = "Điểm danh: tôi có mặt" });
        await Assertions.Expect(checkIn).ToHaveCountAsync(1); // only today's meeting offers it
        var box = await checkIn.BoundingBoxAsync();
        box!.Height.ShouldBeGreaterThanOrEqualTo(44); // a touch target
        await AssertFitsThePhoneAsync(page);
        await browser.ScreenshotAsync("sinh-hoat");

        await checkIn.ClickAsync();
        await Assertions.Expect(main.Locator("[role=status]")).ToContainTextAsync("Đã ghi nhận: đồng chí có mặt.");
        await Assertions.Expect(main.Locator("[data-presence]")).ToHaveTextAsync("Có mặt");
        await browser.ScreenshotAsync("da-diem-danh");

        // The attendance history of the year counts today's meeting.
        await page.Locator("nav.tabs a", new() { HasText = "Sinh hoạt" }).ClickAsync();
        await main.Locator("a", new() { HasText = "Lịch sử dự sinh hoạt" }).ClickAsync();
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Lịch sử dự sinh hoạt năm 2026");
        await Assertions.Expect(main.Locator("[data-rate]")).ToHaveTextAsync("100 %");
        await Assertions.Expect(main.Locator("li.row")).ToHaveCountAsync(2);
        await Assertions.Expect(main.Locator("li.row").Last).ToContainTextAsync("30/06/2026");
        await Assertions.Expect(main.Locator("li.row").Last).ToContainTextAsync("Có mặt");
        await browser.ScreenshotAsync("lich-su");

        // Tasks: report the result of the open one.
        await page.Locator("nav.tabs a", new() { HasText = "Nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Nhiệm vụ năm 2026");
        await Assertions.Expect(main).ToContainTextAsync("quá hạn 15 ngày");
        await browser.ScreenshotAsync("nhiem-vu");
        var task = main.Locator($"#nv-{world.OpenTask.Id}");
        await task.Locator("textarea").FillAsync("Quần chúng Trần Văn Bảy đã học lớp cảm tình Đảng.");
        await task.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(main.Locator($"#nv-{world.OpenTask.Id} .tag")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(main.Locator($"#nv-{world.OpenTask.Id}")).ToContainTextAsync("Kết quả: Quần chúng Trần Văn Bảy đã học lớp cảm tình Đảng.");
        await browser.ScreenshotAsync("nhiem-vu-da-bao-cao");

        // Fees month by month.
        await page.Locator("nav.tabs a", new() { HasText = "Đảng phí" }).ClickAsync();
        await Assertions.Expect(main.Locator("[data-monthly]")).ToHaveTextAsync("80.000 đ");
        await Assertions.Expect(main.Locator("[data-month='5']")).ToContainTextAsync("Chưa nộp");
        await AssertFitsThePhoneAsync(page);
        await browser.ScreenshotAsync("dang-phi");

        // The service worker is installed and, after a reload, controls the handbook's pages.
        await browser.GoAsync("/so-tay/ho-so");
        (await BrowserSession.ServiceWorkerActiveAsync(page, "/so-tay/")).ShouldBeTrue("the service worker did not become active");
        await page.ReloadAsync();
        (await page.EvaluateAsync<bool>("navigator.serviceWorker.controller !== null")).ShouldBeTrue();
        (await page.EvaluateAsync<string>("navigator.serviceWorker.controller.scriptURL")).ShouldEndWith("/sw.js");

        // Offline: the last-seen record still renders; a page never seen gives the offline page.
        await browser.Context.SetOfflineAsync(true);
        await browser.GoAsync("/so-tay/ho-so");
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Hồ sơ của tôi");
        await Assertions.Expect(main).ToContainTextAsync("01/05/1980");
        await Assertions.Expect(page.Locator("[data-offline]")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("ngoai-tuyen-ho-so");
        await browser.GoAsync("/so-tay/dang-phi?nam=2019");
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Chưa có mạng");
        await browser.ScreenshotAsync("ngoai-tuyen-chua-luu");
        await browser.Context.SetOfflineAsync(false);

        // Signing out empties the caches and removes the worker (Clear-Site-Data, and portal.js).
        await browser.GoAsync("/so-tay");
        (await page.EvaluateAsync<int>("caches.keys().then(k => k.length)")).ShouldBeGreaterThan(0);
        await main.Locator("button", new() { HasText = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap", StringComparison.Ordinal));
        (await page.EvaluateAsync<int>("caches.keys().then(k => k.length)")).ShouldBe(0);
        (await page.EvaluateAsync<int>("navigator.serviceWorker.getRegistrations().then(r => r.length)")).ShouldBe(0);
        await browser.ScreenshotAsync("dang-xuat");

        problems.ShouldBeEmpty();
    }

    /// <summary>
    /// A shared phone: the member leaves without signing out and the session ends on the server
    /// (two hours idle). The next visit finds the sign-in page, and the worker forgets the pages it
    /// kept: offline, the record is no longer there to read.
    /// </summary>
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task Handbook_ForgetsItsOfflinePages_WhenTheSessionHasEnded()
    {
        await using var world = await PortalWorld.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(world.Database, world.Clock);
        await world.AddMemberAccountAsync("an.dangvien", world.Data.An.Id, world.Data.CellOne.Code);
        await using var browser = await BrowserSession.StartAsync(app, nameof(PortalBrowserTests) + "-het-phien", BrowserSession.Phone, TestContext.Current.CancellationToken);
        var page = browser.Page;
        var main = page.Locator("main");

        await browser.SignInAsync("an.dangvien", null, world.Clock);
        await browser.GoAsync("/so-tay/ho-so");
        (await BrowserSession.ServiceWorkerActiveAsync(page, "/so-tay/")).ShouldBeTrue("the service worker did not become active");
        await page.ReloadAsync();
        await Assertions.Expect(main).ToContainTextAsync("01/05/1980");
        (await page.EvaluateAsync<bool>("caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match('/so-tay/ho-so'))))).then(hits => hits.some(h => !!h))"))
            .ShouldBeTrue("the record was not kept for offline reading");

        world.Clock.Advance(TimeSpan.FromHours(3));
        await browser.GoAsync("/so-tay");
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap", StringComparison.Ordinal));
        await browser.ScreenshotAsync("het-phien");

        await browser.Context.SetOfflineAsync(true);
        await browser.GoAsync("/so-tay/ho-so");
        await Assertions.Expect(main.Locator("h1")).ToHaveTextAsync("Chưa có mạng");
        await Assertions.Expect(main).Not.ToContainTextAsync("01/05/1980");
        await browser.ScreenshotAsync("ngoai-tuyen-sau-het-phien");
    }

    /// <summary>Readable at 390 px: nothing wider than the screen.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
}
