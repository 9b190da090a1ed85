using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Admission;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// One candidate carried from nomination to official membership in Chromium, only through the
/// pages: the cell committee, the base committee and the commune's committee each sign in on the day
/// they act (the app's clock moves with the test) and record their own steps.
/// </summary>
public sealed class AdmissionBrowserTests
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Vi(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task A_candidate_becomes_an_official_member_through_the_pages()
    {
        var start = new DateOnly(2025, 3, 3);
        await using var w = await World.CreateAsync(TestDatabase.Sqlite, start);
        var officials = new List<Member>();
        foreach (var (name, gender) in new[] { ("Nguyễn Văn Bảy", Gender.Male), ("Lê Thị Tám", Gender.Female), ("Trần Văn Chín", Gender.Male) })
        {
            officials.Add(await w.RegisterAsync(w.Cell1, name, new DateOnly(2012, 5, 19), new DateOnly(2013, 5, 19), gender));
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        var accounts = new Dictionary<string, string>
        {
            ["bithu.thon1"] = await app.AddAccountAsync("bithu.thon1", "cell-committee", w.Cell1.Code),
            ["danguy.a1"] = await app.AddAccountAsync("danguy.a1", "base-committee", w.BaseA1.Code),
            ["danguy.xa.a"] = await app.AddAccountAsync("danguy.xa.a", "superior-committee", w.CommuneA.Code),
        };
        await using var browser = await BrowserSession.StartAsync(app, nameof(AdmissionBrowserTests), BrowserSession.Desktop, TestContext.Current.CancellationToken);
        var page = browser.Page;

        // Each act happens on its own day, signed in afresh as the level that performs it.
        async Task OnAsync(DateOnly day, string user)
        {
            w.Clock.Today = day;
            await browser.Context.ClearCookiesAsync();
            await browser.SignInAsync(user, accounts[user], w.Clock);
        }

        async Task ActAsync(string done)
        {
            await page.ClickAsync("#buoc-tiep-theo button[type=submit]");
            await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync($"Đã ghi: {done}.");
        }

        // The cell committee nominates from the cell's page.
        await OnAsync(start, "bithu.thon1");
        await browser.GoAsync("/to-chuc/AG.01.01.01");
        await page.ClickAsync("main a:text('Giới thiệu quần chúng ưu tú')");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Giới thiệu quần chúng ưu tú");
        var birth = new DateOnly(2001, 4, 12);
        await page.FillAsync("main input[name=FullName]", "Trần Thị Ưu Tú");
        await page.SelectOptionAsync("main select[name=Gender]", "female");
        await page.FillAsync("main input[name=BirthDate]", Iso(birth));
        await page.FillAsync("main input[name=Cccd]", Cccd.Compose(89, birth, Gender.Female, 71));
        await page.FillAsync("main input[name=HomeTown]", "Xã Mỹ Hòa Hưng, tỉnh An Giang");
        await page.FillAsync("main input[name=Occupation]", "Giáo viên");
        await page.CheckAsync("main input[name=YouthUnion]");
        await browser.ScreenshotAsync("gioi-thieu-quan-chung-uu-tu");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã ghi: Giới thiệu quần chúng ưu tú.");
        var id = int.Parse(Regex.Match(page.Url, @"/ket-nap/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var file = $"/ket-nap/{id}";
        await browser.ScreenshotAsync("ho-so-mo");

        await OnAsync(start.AddDays(14), "bithu.thon1");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=CertificateNumber]", "123/GCN-TTCT");
        await ActAsync("Học lớp bồi dưỡng nhận thức về Đảng");

        await OnAsync(start.AddDays(21), "bithu.thon1");
        await browser.GoAsync(file);
        await ActAsync("Đơn xin vào Đảng và lý lịch");

        await OnAsync(start.AddDays(28), "bithu.thon1");
        await browser.GoAsync(file);
        await page.SelectOptionAsync("#buoc-tiep-theo select[name=Introducer1]", $"{officials[0].Id}");
        await page.FillAsync("#buoc-tiep-theo input[name=KnownSince1]", "2019-09-05");
        await page.SelectOptionAsync("#buoc-tiep-theo select[name=Introducer2]", $"{officials[1].Id}");
        await page.FillAsync("#buoc-tiep-theo input[name=KnownSince2]", "2021-08-16");
        await browser.ScreenshotAsync("nguoi-gioi-thieu");
        await ActAsync("Giới thiệu người vào Đảng");

        await OnAsync(start.AddDays(49), "bithu.thon1");
        await browser.GoAsync(file);
        await ActAsync("Thẩm tra lý lịch, lấy ý kiến nhận xét");

        // The cell's resolution: fewer than two thirds is refused next to the field.
        await OnAsync(start.AddDays(63), "bithu.thon1");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=VotesFor]", "1");
        await page.ClickAsync("#buoc-tiep-theo button[type=submit]");
        await Assertions.Expect(page.Locator("#buoc-tiep-theo .field-error[data-for=VotesFor]"))
            .ToHaveTextAsync("Nghị quyết kết nạp cần ít nhất hai phần ba số đảng viên chính thức tán thành: 1/3 tán thành, cần ít nhất 2.");
        await browser.ScreenshotAsync("bieu-quyet-khong-du-hai-phan-ba");
        await page.FillAsync("#buoc-tiep-theo input[name=VotesFor]", "3");
        await ActAsync("Nghị quyết chi bộ đề nghị kết nạp");
        await Assertions.Expect(page.Locator("#buoc-tiep-theo")).ToContainTextAsync("Vai trò của bạn không thực hiện bước này");
        await browser.ScreenshotAsync("cho-dang-uy-co-so");

        // The base committee, then the commune's committee (competent to admit).
        await OnAsync(start.AddDays(77), "danguy.a1");
        await browser.GoAsync("/ket-nap?org=AG.01.01");
        await Assertions.Expect(page.Locator("main table.candidates")).ToContainTextAsync("Trần Thị Ưu Tú");
        await browser.ScreenshotAsync("ket-nap-dang-bo-co-so");
        await page.ClickAsync("main table.candidates a:text('Trần Thị Ưu Tú')");
        await ActAsync("Đảng ủy cơ sở xét, đề nghị");

        await OnAsync(start.AddDays(91), "danguy.xa.a");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=Number]", "215-QĐ/ĐU");
        await ActAsync("Quyết định kết nạp");
        await browser.ScreenshotAsync("quyet-dinh-ket-nap");

        // Ceremony and the new members' course at the cell.
        var ceremony = start.AddDays(105);
        await OnAsync(ceremony, "bithu.thon1");
        await browser.GoAsync(file);
        await ActAsync("Lễ kết nạp");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Dự bị từ {Vi(ceremony)} đến {Vi(AdmissionPolicy.ProbationEnds(ceremony))}");
        await browser.ScreenshotAsync("le-ket-nap");

        await OnAsync(ceremony.AddMonths(4), "bithu.thon1");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=CertificateNumber]", "45/GCN-ĐVM");
        await ActAsync("Lớp bồi dưỡng đảng viên mới");

        // Twelve months after the ceremony: the cell votes, the commune's committee recognizes.
        var vote = AdmissionPolicy.ProbationEnds(ceremony).AddDays(3);
        await OnAsync(vote, "bithu.thon1");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=VotesFor]", "3");
        await ActAsync("Nghị quyết chi bộ đề nghị công nhận chính thức");

        await OnAsync(vote.AddDays(14), "danguy.xa.a");
        await browser.GoAsync(file);
        await page.FillAsync("#buoc-tiep-theo input[name=Number]", "88-QĐ/ĐU");
        await ActAsync("Quyết định công nhận đảng viên chính thức");
        await Assertions.Expect(page.Locator("main p.kind")).ToContainTextAsync("Đảng viên chính thức");
        await browser.ScreenshotAsync("cong-nhan-chinh-thuc");

        // The member list shows her as an official member of the cell.
        await browser.GoAsync("/dang-vien?org=AG.01.01.01&status=official");
        var row = page.Locator("main table tr", new() { HasText = "Trần Thị Ưu Tú" });
        await Assertions.Expect(row).ToContainTextAsync("Chính thức");
        await Assertions.Expect(row).ToContainTextAsync(Vi(ceremony));
        await browser.ScreenshotAsync("danh-sach-dang-vien");

        // The movements report counts the admission and the recognition in the period.
        var to = w.Clock.Today;
        var report = await page.APIRequest.GetAsync($"{browser.BaseAddress}api/reports/movements?org=AG.01&from=2025-01-01&to={Iso(to)}");
        report.Status.ShouldBe(200);
        var counts = JsonDocument.Parse(await report.TextAsync()).RootElement.GetProperty("counts");
        (counts.GetProperty("admitted").GetInt32(), counts.GetProperty("recognizedOfficial").GetInt32()).ShouldBe((1, 1));
    }
}
