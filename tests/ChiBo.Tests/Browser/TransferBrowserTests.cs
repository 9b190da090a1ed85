using System.Diagnostics;
using System.Globalization;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// A transfer of party activity within the province in Chromium: the base committee issues the
/// introduction letter from the member's page, the letter prints on A4 as a Party document (a PDF
/// of it is kept with the screenshots), and the receiving cell confirms; the member then belongs
/// to the receiving cell.
/// </summary>
public sealed class TransferBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task A_member_moves_to_another_cell_on_the_receivers_confirmation()
    {
        var issued = new DateOnly(2025, 10, 6);
        await using var w = await World.CreateAsync(TestDatabase.Sqlite, issued);
        Member member;
        await using (var db = w.Db())
        {
            member = await w.Members(db).RegisterAsync(
                new MemberRegistration(w.Profile("Huỳnh Văn Chuyển", new DateOnly(1987, 9, 2)) with { PartyCardNumber = "89.045.123" }, w.Cell1.Id,
                    new DateOnly(2012, 2, 3), new DateOnly(2013, 2, 3)),
                new Decision("12-QĐ/ĐU", "Kết nạp"), ct: TestContext.Current.CancellationToken);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        var sender = await app.AddAccountAsync("danguy.a1", "base-committee", w.BaseA1.Code);
        var receiver = await app.AddAccountAsync("bithu.thon2", "cell-committee", w.Cell2.Code);
        await using var browser = await BrowserSession.StartAsync(app, nameof(TransferBrowserTests), BrowserSession.Desktop, TestContext.Current.CancellationToken);
        var page = browser.Page;

        // The base committee issues the letter from the member's page.
        await browser.SignInAsync("danguy.a1", sender, w.Clock);
        await browser.GoAsync($"/dang-vien/{member.Id}");
        await page.ClickAsync("main a:text('Cấp giấy giới thiệu sinh hoạt đảng')");
        await page.FillAsync("main input[name=q]", "thon 2");
        await page.ClickAsync("main form[role=search] button");
        await page.CheckAsync("main input[name=ToCell]");
        await page.FillAsync("main input[name=LetterNumber]", "15-GGT/ĐU");
        await browser.ScreenshotAsync("cap-giay-gioi-thieu");
        await page.ClickAsync("main form.act-form button[type=submit]");
        await Assertions.Expect(page.Locator(".toolbar .ok")).ToHaveTextAsync("Đã cấp giấy giới thiệu số 15-GGT/ĐU.");

        // The letter in the Party's document format.
        var letter = page.Locator("article.letter");
        await Assertions.Expect(letter.Locator(".party-name")).ToHaveTextAsync("ĐẢNG CỘNG SẢN VIỆT NAM");
        await Assertions.Expect(letter.Locator(".superior")).ToHaveTextAsync("ĐẢNG BỘ XÃ A");
        await Assertions.Expect(letter.Locator(".body-name")).ToHaveTextAsync("ĐẢNG ỦY CƠ SỞ A1");
        await Assertions.Expect(letter.Locator(".star")).ToHaveTextAsync("*");
        await Assertions.Expect(letter.Locator(".number")).ToHaveTextAsync("Số 15-GGT/ĐU");
        await Assertions.Expect(letter.Locator(".place-date")).ToHaveTextAsync("An Giang, ngày 06 tháng 10 năm 2025");
        await Assertions.Expect(letter.Locator(".signature")).ToContainTextAsync("T/M ĐẢNG ỦY");
        await Assertions.Expect(letter.Locator(".signature")).ToContainTextAsync("BÍ THƯ");
        await Assertions.Expect(letter.Locator(".recipients")).ToContainTextAsync("Nơi nhận:");
        await Assertions.Expect(letter.Locator(".content")).ToContainTextAsync("Được chuyển sinh hoạt đảng chính thức đến: Chi bộ thôn 2");
        await Assertions.Expect(letter.Locator(".content")).ToContainTextAsync("số thẻ đảng viên: 89.045.123");
        (await letter.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily")).ShouldStartWith("\"Times New Roman\"");
        (await letter.Locator(".place-date").EvaluateAsync<string>("e => getComputedStyle(e).fontStyle")).ShouldBe("italic");
        (await letter.Locator(".party-name").EvaluateAsync<string>("e => getComputedStyle(e).borderBottomStyle")).ShouldBe("solid");
        await browser.ScreenshotAsync("giay-gioi-thieu-man-hinh");

        // Printed: A4 print styles, the toolbar hidden; the PDF is what the browser's print dialog saves.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".toolbar")).ToBeHiddenAsync();
        await browser.ScreenshotAsync("giay-gioi-thieu-ban-in");
        var pdf = Path.Combine(TestPaths.Checkout, "artifacts", "screenshots", nameof(TransferBrowserTests), "giay-gioi-thieu.pdf");
        var timer = Stopwatch.StartNew();
        var bytes = await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        timer.Stop();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page[^s]").Count.ShouldBe(1);
        System.Text.RegularExpressions.Regex.IsMatch(text, @"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]").ShouldBeTrue("one A4 page (595 × 842 pt)");
        await File.WriteAllTextAsync(Path.ChangeExtension(pdf, ".txt"),
            $"Page.PdfAsync of the letter in a running Chromium: {bytes.Length} bytes in {timer.ElapsedMilliseconds} ms\n", TestContext.Current.CancellationToken);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Nine days later the receiving cell confirms; the pending list flags nothing late.
        w.Clock.Today = issued.AddDays(9);
        await browser.Context.ClearCookiesAsync();
        await browser.SignInAsync("bithu.thon2", receiver, w.Clock);
        await browser.GoAsync("/chuyen-sinh-hoat?org=AG.01.01.02");
        var incoming = page.Locator("main table.incoming");
        await Assertions.Expect(incoming).ToContainTextAsync("Huỳnh Văn Chuyển");
        await Assertions.Expect(incoming).ToContainTextAsync("Chờ xác nhận");
        await Assertions.Expect(incoming.Locator(".flag.late")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("cho-xac-nhan");
        await page.ClickAsync("main table.incoming form button[type=submit]");
        await Assertions.Expect(page.Locator("main p.notice.ok")).ToHaveTextAsync("Đã xác nhận đảng viên đến sinh hoạt.");
        await Assertions.Expect(page.Locator("main table.incoming")).ToContainTextAsync($"Đã xác nhận ngày {issued.AddDays(9).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        await browser.ScreenshotAsync("da-xac-nhan");

        await browser.GoAsync($"/dang-vien/{member.Id}");
        await Assertions.Expect(page.Locator("main ol.crumbs")).ToContainTextAsync("Chi bộ thôn 2");
        await Assertions.Expect(page.Locator("main #chuyen-sinh-hoat")).ToContainTextAsync("giấy giới thiệu số 15-GGT/ĐU");
        await browser.ScreenshotAsync("ho-so-sau-khi-chuyen");
        await using var check = w.Db();
        (await check.Members.SingleAsync(m => m.Id == member.Id, TestContext.Current.CancellationToken)).CellId.ShouldBe(w.Cell2.Id);
    }
}
