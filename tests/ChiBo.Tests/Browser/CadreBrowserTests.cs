using ChiBo.Tests.Cadres;
using ChiBo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// Cadre work of the <see cref="TestData"/> tree in Chromium on a phone, only through the pages, as
/// the province board: a cell's committee term formed and a seat added, a planning pool with a
/// candidate, a rotation, a course with its attendance, and a quarter's evaluation from the pool and
/// its criteria to the committee's conclusion.
/// </summary>
public sealed class CadreBrowserTests
{
    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task The_province_board_keeps_a_committee_a_pool_a_rotation_a_course_and_a_quarter_in_the_browser()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 2);
        var khang = CommitteeHistoryTests.MembersOf(database, data.CellOne).Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var an = data.An.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(database, clock);
        var secret = await app.AddAccountAsync("bantochuc", "province-board", data.Province.Code);
        await using var browser = await BrowserSession.StartAsync(app, nameof(CadreBrowserTests), BrowserSession.Phone, TestContext.Current.CancellationToken);
        var page = browser.Page;
        await browser.SignInAsync("bantochuc", secret, clock);
        async Task DoneAsync(string text) => await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync(text);
        var commune = data.Commune.Code;

        // Cấp ủy: the cell's term, then a member elected to the vacant seat.
        await browser.GoAsync("/can-bo/cap-uy?org=" + data.Province.Code);
        var term = page.Locator("#nhiem-ky-moi form");
        await term.Locator("select[name=Organization]").SelectOptionAsync(data.CellOne.Code);
        await term.Locator("input[name=Term]").FillAsync("2025–2030");
        await term.Locator("input[name=CongressOn]").FillAsync("2025-05-10");
        await term.Locator("input[name=TermEndsOn]").FillAsync("2030-05-10");
        await term.Locator("input[name=Seats]").FillAsync("3");
        await term.Locator("input[name=DecisionNumber]").FillAsync("12-QĐ/ĐU");
        await term.Locator("input[name=MemberId0]").FillAsync(an);
        await term.Locator("input[name=MemberId1]").FillAsync(khang[0]);
        await term.Locator("select[name=Position1]").SelectOptionAsync("2");
        await term.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi cấp ủy nhiệm kỳ mới.");
        await Assertions.Expect(page.Locator("[data-key=vacancies]")).ToHaveTextAsync("1");
        var add = page.Locator("#bo-sung form");
        await add.Locator("input[name=MemberId]").FillAsync(khang[1]);
        await add.Locator("input[name=On]").FillAsync("2026-01-15");
        await add.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi cấp ủy viên bổ sung.");
        await Assertions.Expect(page.Locator("[data-key=vacancies]")).ToHaveTextAsync("0");
        await browser.ScreenshotAsync("cap-uy");

        // Quy hoạch: the secretary's pool of the cell for 2030–2035 and a candidate.
        await browser.GoAsync("/can-bo/quy-hoach?org=" + commune);
        var pool = page.Locator("#quy-hoach-moi form");
        await pool.Locator("select[name=Organization]").SelectOptionAsync(data.CellOne.Code);
        await pool.Locator("input[name=TermFrom]").FillAsync("2030");
        await pool.Locator("input[name=TermTo]").FillAsync("2035");
        await pool.Locator("input[name=ApprovedOn]").FillAsync("2026-01-10");
        await pool.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi quy hoạch chức danh.");
        var candidate = page.Locator("section[data-pool] form.add-candidate");
        await candidate.Locator("input[name=MemberId]").FillAsync(khang[1]);
        await candidate.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã đưa cán bộ vào quy hoạch.");
        await Assertions.Expect(page.Locator("[data-key=candidates]")).ToHaveTextAsync("1");

        // Luân chuyển: Khang 002 from the first cell's committee to the second cell's secretary.
        await browser.GoAsync("/can-bo/luan-chuyen?org=" + commune);
        var rotation = page.Locator("#luan-chuyen-moi form");
        await rotation.Locator("input[name=MemberId]").FillAsync(khang[1]);
        await rotation.Locator("select[name=FromOrg]").SelectOptionAsync(data.CellOne.Code);
        await rotation.Locator("input[name=FromPost]").FillAsync("Chi ủy viên");
        await rotation.Locator("select[name=ToOrg]").SelectOptionAsync(data.CellTwo.Code);
        await rotation.Locator("input[name=ToPost]").FillAsync("Bí thư chi bộ");
        await rotation.Locator("input[name=StartsOn]").FillAsync("2026-02-01");
        await rotation.Locator("input[name=DecisionNumber]").FillAsync("7-QĐ/ĐU");
        await rotation.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi quyết định luân chuyển.");
        await Assertions.Expect(page.Locator("table.rotations tbody tr")).ToHaveCountAsync(1);

        // Bồi dưỡng: a course and who completed it.
        await browser.GoAsync("/can-bo/boi-duong?org=" + commune);
        var course = page.Locator("#lop-moi form");
        await course.Locator("input[name=Name]").FillAsync("Bồi dưỡng nghiệp vụ công tác Đảng");
        await course.Locator("input[name=StartsOn]").FillAsync("2026-03-02");
        await course.Locator("input[name=EndsOn]").FillAsync("2026-03-06");
        await course.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi lớp đào tạo, bồi dưỡng.");
        var lesson = page.Locator("article[data-course]");
        await lesson.Locator("details > summary").ClickAsync();
        await lesson.Locator("input[name='Lines[0].MemberId']").FillAsync(khang[0]);
        await lesson.Locator("input[name='Lines[0].Completed']").CheckAsync();
        await lesson.Locator("input[name='Lines[0].CompletedOn']").FillAsync("2026-03-06");
        await lesson.Locator("button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi học viên của lớp.");
        await Assertions.Expect(page.Locator("article[data-course] [data-key=completed]")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("boi-duong");

        // Đánh giá hằng quý: the pool, its cadre and criteria, the second quarter, and Khang 001's evaluation to its conclusion.
        await browser.GoAsync("/can-bo/danh-gia?org=" + commune);
        await page.Locator("#dien-moi input[name=Name]").FillAsync("Diện Ban Thường vụ Đảng ủy xã quản lý");
        await page.Locator("#dien-moi button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi diện cán bộ.");
        var section = page.Locator("section[data-pool]");
        await section.Locator("details:has(ul.cadres) > summary").ClickAsync();
        await section.Locator("input[name=MemberId]").FillAsync(khang[0]);
        await section.Locator("input[name=Post]").FillAsync("Phó Bí thư Chi bộ ấp Một");
        await section.Locator("input[name=From]").FillAsync("2026-01-01");
        await section.Locator("details:has(ul.cadres) button[type=submit]").ClickAsync();
        await DoneAsync("Đã đưa cán bộ vào diện quản lý.");
        await section.Locator("details:has(textarea[name=Criteria]) > summary").ClickAsync();
        await section.Locator("input[name=Name]").FillAsync("Bộ tiêu chí quý");
        await section.Locator("input[name=ValidFrom]").FillAsync("2026-01-01");
        await section.Locator("textarea[name=Criteria]").FillAsync("kq; Kết quả thực hiện nhiệm vụ; Kết quả thực hiện nhiệm vụ; 60\ntn; Chỉ số tín nhiệm; Tín nhiệm; 40");
        await section.Locator("textarea[name=Bands]").FillAsync("80; Tốt; Động viên\n0; Chưa đạt; Nhắc nhở; chậm tiến bộ");
        await section.Locator("details:has(textarea[name=Criteria]) button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi bộ tiêu chí đánh giá.");
        await page.Locator("section[data-pool] form.open-period button[type=submit]").ClickAsync();
        await DoneAsync("Đã mở kỳ đánh giá: mỗi cán bộ trong diện có một phiếu đánh giá.");
        await page.Locator("table.evaluations a").ClickAsync();
        await page.Locator("#tu-danh-gia input[name='Score.kq']").FillAsync("90");
        await page.Locator("#tu-danh-gia input[name='Score.tn']").FillAsync("85");
        await page.Locator("#tu-danh-gia textarea[name=Summary]").FillAsync("Hoàn thành tốt nhiệm vụ được giao.");
        await page.Locator("#tu-danh-gia button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi bản tự đánh giá.");
        await page.Locator("#ket-qua input[name='Score.kq']").FillAsync("88");
        await page.Locator("#ket-qua input[name=TrustHigh]").FillAsync("9");
        await page.Locator("#ket-qua input[name=TrustMedium]").FillAsync("1");
        await page.Locator("#ket-qua button[type=submit]").ClickAsync();
        await DoneAsync("Đã ghi kết quả, sản phẩm và phiếu tín nhiệm.");
        await page.Locator("#ket-luan textarea[name=Conclusion]").FillAsync("Hoàn thành tốt nhiệm vụ; tiếp tục phát huy.");
        await page.Locator("#ket-luan button[type=submit]").ClickAsync();
        await DoneAsync("Cấp ủy đã kết luận.");

        // 60 × 88 + 40 × (9 + 0,5) / 10 × 100 over 100 = 52,8 + 38 = 90,8: "Tốt".
        await Assertions.Expect(page.Locator("[data-key=score]").First).ToHaveTextAsync("90,8");
        await Assertions.Expect(page.Locator("[data-key=band]")).ToHaveTextAsync("Tốt");
        await browser.ScreenshotAsync("danh-gia");
    }
}
