using System.Net;
using ChiBo.Access;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Documents;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Ratings;

/// <summary>
/// The rating forms in the Party's document format through HTTP, on SQLite and PostgreSQL: the
/// member's Bản tự kiểm điểm, đánh giá, xếp loại (from the desk, and from the handbook for the
/// member themself, whose outcome shows once published) and a unit's Danh sách kết quả, each as the
/// HTML it is printed from, as PDF printed by Chromium (its text read back) and as .docx; outside the
/// caller's subtree they are not found.
/// </summary>
public sealed class RatingFormsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Decided = new(2026, 1, 10);

    private const string Review = "Hoàn thành tốt các nhiệm vụ được chi bộ phân công.\nTham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng hạn.";

    /// <summary>
    /// The 2025 round: An reviewed himself (HTTNV, 85 points), the chi bộ proposed HTTNV with 84 and the
    /// đảng ủy cơ sở decided so; Bình not rated as a new member; of two more members of Chi bộ ấp Một
    /// one decided HTNV, one not decided yet; nothing published.
    /// </summary>
    private static async Task<(TestDatabase Database, TestData Data, ChiBoApp App, int Fulfilled, int Waiting)> RoundAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 2);
        var clock = TestClock.On(TestData.Today);
        await using var db = database.Context();
        var extra = await db.Members.Where(m => m.CellId == data.CellOne.Id && m.FullName.StartsWith("Võ Văn Khang")).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(Ct);
        RatingCommands As(Role role, Organization org) =>
            new(db, clock, new OrgScope(0, role.ToString(), null, [new ScopedRole(role, Subtree.Of(org), org.Id)]), "test");
        var (province, cell, @base) = (As(Role.ProvinceBoard, data.Province), As(Role.CellCommittee, data.CellOne), As(Role.BaseCommittee, data.BaseCommittee));
        await province.OpenRoundAsync(new RoundOpening(data.Province.Id, 2025, new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 31)), Ct);
        var asAn = new OrgScope(0, "an", data.An.Id, [new ScopedRole(Role.Member, Subtree.Of(data.CellOne), data.CellOne.Id)]);
        var an = await new RatingCommands(db, clock, asAn, "an").SelfAssessAsync(new SelfAssessmentInput(2025, 0, Review, RatingLevel.Good, 85m), Ct);
        an = await cell.ProposeMemberAsync(data.An.Id, new ProposalInput(2025, an.Version, RatingLevel.Good, Score: 84m, Note: "Chi bộ nhất trí với bản tự kiểm điểm"), Ct);
        await @base.DecideMemberAsync(data.An.Id, new RatingDecision(2025, an.Version, RatingLevel.Good, null, "05-QĐ/ĐU", Decided, Score: 84m), Ct);
        var binh = await cell.ProposeMemberAsync(data.Binh.Id, new ProposalInput(2025, 0, null, NotRatedReason.NewMember), Ct);
        await @base.DecideMemberAsync(data.Binh.Id, new RatingDecision(2025, binh.Version, null, NotRatedReason.NewMember, "05-QĐ/ĐU", Decided), Ct);
        var fulfilled = await cell.ProposeMemberAsync(extra[0], new ProposalInput(2025, 0, RatingLevel.Fulfilled, Score: 60m), Ct);
        await @base.DecideMemberAsync(extra[0], new RatingDecision(2025, fulfilled.Version, RatingLevel.Fulfilled, null, "05-QĐ/ĐU", Decided, Score: 60m), Ct);
        return (database, data, new ChiBoApp(database, clock), extra[0], extra[1]);
    }

    private static async Task<string> DocxTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(PartyDocx.DocxType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var docx = WordprocessingDocument.Open(stream, false);
        return docx.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberReview_FromTheDesk_IsTheReviewTheProposalAndTheDecision_InPdfAndDocx(string provider)
    {
        var (database, data, app, _, _) = await RoundAsync(provider);
        await using var _db = database;
        await using var _data = data;
        await using var _app = app;
        using var @base = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var url = $"/xep-loai/ban-kiem-diem?member={data.An.Id}&year=2025";

        var print = await PageForm.GetAsync(@base, url + "&handler=Print");
        print.Status.ShouldBe(HttpStatusCode.OK);
        var html = print.Html;
        html.ShouldContain("ĐẢNG BỘ CƠ SỞ XÃ AN HÒA");
        html.ShouldContain("CHI BỘ ẤP MỘT");
        html.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        html.ShouldContain("BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN");
        html.ShouldContain("Họ và tên: Nguyễn Văn An");
        html.ShouldContain("Ngày sinh: 01/05/1980");
        html.ShouldContain("Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng hạn.");
        html.ShouldContain("Tự chấm điểm: 85 điểm");
        html.ShouldContain("Tự xếp loại: Hoàn thành tốt nhiệm vụ");
        html.ShouldContain("Chi bộ đề xuất xếp loại: Hoàn thành tốt nhiệm vụ");
        html.ShouldContain("Điểm chi bộ chấm: 84 điểm");
        html.ShouldContain("Nhận xét: Chi bộ nhất trí với bản tự kiểm điểm");
        html.ShouldContain("Quyết định số 05-QĐ/ĐU ngày 10/01/2026 của");
        html.ShouldNotContain("<script");

        // The register's sensitive fields are never on the form.
        await using (var db = database.Context())
        {
            var an = await db.Members.SingleAsync(m => m.Id == data.An.Id, Ct);
            an.Cccd.ShouldNotBeNullOrEmpty();
            html.ShouldNotContain(an.Cccd!);
        }

        html.ShouldNotContain("Dân tộc");
        html.ShouldNotContain("Tôn giáo");
        html.ShouldNotContain("kỷ luật");

        // The screen page links both downloads.
        var screen = await PageForm.GetAsync(@base, url);
        screen.Html.ShouldContain($"/xep-loai/ban-kiem-diem?handler=Pdf&member={data.An.Id}&year=2025");
        screen.Html.ShouldContain($"/xep-loai/ban-kiem-diem?handler=Docx&member={data.An.Id}&year=2025");

        var pdf = await PrintedPdf.GetAsync(@base, url + "&handler=Pdf");
        pdf.Flat.ShouldContain("BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN");
        pdf.Flat.ShouldContain("Họ và tên: Nguyễn Văn An");
        pdf.Flat.ShouldContain("Hoàn thành tốt các nhiệm vụ được chi bộ phân công.");
        pdf.Flat.ShouldContain("Tự chấm điểm: 85 điểm");
        pdf.Flat.ShouldContain("Quyết định số 05-QĐ/ĐU ngày 10/01/2026");
        pdf.Flat.ShouldContain("NGƯỜI TỰ KIỂM ĐIỂM");

        var docx = await DocxTextAsync(@base, url + "&handler=Docx");
        docx.ShouldContain("BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN");
        docx.ShouldContain("Tự chấm điểm: 85 điểm");
        docx.ShouldContain("Chi bộ đề xuất xếp loại: Hoàn thành tốt nhiệm vụ");
        docx.ShouldContain("Quyết định số 05-QĐ/ĐU ngày 10/01/2026");

        // Another chi bộ's committee and a ward's do not find An; a member's own account has no desk.
        using var cellTwo = await app.SignedInAsync("cell-committee", data.CellTwo.Code);
        using var ward = await app.SignedInAsync("superior-committee", data.Ward.Code);
        foreach (var handler in new[] { "", "&handler=Print", "&handler=Pdf", "&handler=Docx" })
        {
            (await StatusAsync(cellTwo, url + handler)).ShouldBe(HttpStatusCode.NotFound, handler);
            (await StatusAsync(ward, url + handler)).ShouldBe(HttpStatusCode.NotFound, handler);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberReview_InTheHandbook_IsTheMembersOwn_WithTheOutcomeOnceItIsPublished(string provider)
    {
        var (database, data, app, _, _) = await RoundAsync(provider);
        await using var _db = database;
        await using var _data = data;
        await using var _app = app;
        using var an = await app.SignedInAsync("member", data.CellOne.Code, data.An.Id);

        var before = await PageForm.GetAsync(an, "/so-tay/xep-loai?handler=Print&year=2025");
        before.Status.ShouldBe(HttpStatusCode.OK);
        before.Html.ShouldContain("Họ và tên: Nguyễn Văn An");
        before.Html.ShouldContain("Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng hạn.");
        before.Html.ShouldContain("Tự xếp loại: Hoàn thành tốt nhiệm vụ");
        before.Html.ShouldContain("Chi bộ đề xuất xếp loại: ……");
        before.Html.ShouldNotContain("05-QĐ/ĐU");
        before.Html.ShouldNotContain("84 điểm");
        (await PageForm.GetAsync(an, "/so-tay/xep-loai")).Html.ShouldContain("/so-tay/xep-loai?handler=Pdf&year=2025");

        await using (var db = database.Context())
        {
            var asBase = new OrgScope(0, "base", null, [new ScopedRole(Role.BaseCommittee, Subtree.Of(data.BaseCommittee), data.BaseCommittee.Id)]);
            await new RatingCommands(db, app.Clock, asBase, "test").PublishAsync(data.BaseCommittee.Id, 2025, new DateOnly(2026, 1, 20), Ct);
        }

        var after = await PageForm.GetAsync(an, "/so-tay/xep-loai?handler=Print&year=2025");
        after.Html.ShouldContain("Chi bộ đề xuất xếp loại: Hoàn thành tốt nhiệm vụ");
        after.Html.ShouldContain("Quyết định số 05-QĐ/ĐU ngày 10/01/2026");

        var pdf = await PrintedPdf.GetAsync(an, "/so-tay/xep-loai?handler=Pdf&year=2025");
        pdf.Flat.ShouldContain("Họ và tên: Nguyễn Văn An");
        pdf.Flat.ShouldContain("Quyết định số 05-QĐ/ĐU");
        (await DocxTextAsync(an, "/so-tay/xep-loai?handler=Docx&year=2025")).ShouldContain("Tự chấm điểm: 85 điểm");

        // The handbook acts for the account's own member only: the desk's form is not the member's to open.
        using var response = await an.GetAsync(new Uri($"/xep-loai/ban-kiem-diem?member={data.An.Id}&year=2025", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResultList_OfTheBaseCommittee_ListsEveryMemberWithTheLevel_AndTheShareOverThoseRated(string provider)
    {
        var (database, data, app, fulfilled, waiting) = await RoundAsync(provider);
        await using var _db = database;
        await using var _data = data;
        await using var _app = app;
        using var @base = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var url = $"/xep-loai/danh-sach?org={data.BaseCommittee.Code}&year=2025";

        var print = await PageForm.GetAsync(@base, url + "&handler=Print");
        print.Status.ShouldBe(HttpStatusCode.OK);
        var html = print.Html;
        html.ShouldContain("ĐẢNG ỦY CƠ SỞ XÃ AN HÒA");
        html.ShouldContain("Số     -DS/ĐU");
        html.ShouldContain("Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2025");
        html.ShouldContain("T/M ĐẢNG ỦY");

        // Everyone on the roll of 15/12/2025 in the two chi bộ: the four of Chi bộ ấp Một and Anh (exempted, not decided); Dũng died in 2024.
        var rows = System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>(.*?)</tr>",
                System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, "<td>(.*?)</td>").Select(c => c.Groups[1].Value).ToArray())
            .ToDictionary(c => c[1]);
        rows.Keys.Order(StringComparer.Ordinal).ShouldBe(["Nguyễn Văn An", "Nguyễn Văn Anh", "Võ Văn Khang 001", "Võ Văn Khang 002", "Đặng Thị Bình"], ignoreOrder: true);
        rows["Nguyễn Văn An"][2..].ShouldBe(["Chi bộ ấp Một", "HTTNV", "HTTNV", "HTTNV", "84 điểm"]);
        rows["Đặng Thị Bình"][4..6].ShouldBe(["Không xếp loại", "Không xếp loại"]);
        rows["Võ Văn Khang 001"][5].ShouldBe("HTNV");
        rows["Võ Văn Khang 002"][5].ShouldBe("Chưa quyết định");
        rows["Nguyễn Văn Anh"][2].ShouldBe("Chi bộ ấp Hai");
        html.ShouldContain("Tổng số đảng viên trong danh sách: 5; đã có quyết định xếp loại: 3; chưa có quyết định: 2.");
        html.ShouldContain("Được đánh giá, xếp loại: 2, trong đó hoàn thành xuất sắc nhiệm vụ: 0; hoàn thành tốt nhiệm vụ: 1; hoàn thành nhiệm vụ: 1; không hoàn thành nhiệm vụ: 0. Không xếp loại: 1.");
        html.ShouldContain("Tỉ lệ hoàn thành tốt nhiệm vụ trở lên: 50,00 % (1/2 đảng viên được đánh giá, xếp loại).");
        fulfilled.ShouldNotBe(waiting);

        var pdf = await PrintedPdf.GetAsync(@base, url + "&handler=Pdf");
        pdf.Flat.ShouldContain("DANH SÁCH");
        pdf.Flat.ShouldContain("Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2025");
        pdf.Flat.ShouldContain("Nguyễn Văn An");
        pdf.Flat.ShouldContain("Võ Văn Khang 002");
        pdf.Flat.ShouldContain("Tỉ lệ hoàn thành tốt nhiệm vụ trở lên: 50,00 %");

        var docx = await DocxTextAsync(@base, url + "&handler=Docx");
        docx.ShouldContain("Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2025");
        docx.ShouldContain("Đặng Thị Bình");
        docx.ShouldContain("Tỉ lệ hoàn thành tốt nhiệm vụ trở lên: 50,00 %");

        // A chi bộ's own list has no column of chi bộ and only its members; the desk links the list.
        var cell = await PageForm.GetAsync(@base, $"/xep-loai/danh-sach?org={data.CellTwo.Code}&year=2025&handler=Print");
        cell.Html.ShouldContain("Nguyễn Văn Anh");
        cell.Html.ShouldNotContain("Nguyễn Văn An<");
        cell.Html.ShouldNotContain("<th>Chi bộ</th>");
        (await PageForm.GetAsync(@base, $"/xep-loai?org={data.BaseCommittee.Code}&year=2025")).Html.ShouldContain(url);

        // Outside the caller's subtree: not found; a level that rates no members: the reason.
        using var ward = await app.SignedInAsync("superior-committee", data.Ward.Code);
        foreach (var handler in new[] { "", "&handler=Print", "&handler=Pdf", "&handler=Docx" })
        {
            (await StatusAsync(ward, url + handler)).ShouldBe(HttpStatusCode.NotFound, handler);
        }

        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);
        var superior = await PageForm.GetAsync(commune, $"/xep-loai/danh-sach?org={data.Commune.Code}&year=2025&handler=Pdf");
        superior.Status.ShouldBe(HttpStatusCode.BadRequest);
        superior.Html.ShouldContain("Danh sách kết quả xếp loại đảng viên được lập cho chi bộ, đảng bộ bộ phận hoặc đảng bộ cơ sở");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResultListPdf_WithChromiumMissing_Is503_AndTheDocxStillDownloads(string provider)
    {
        var (database, data, app, _, _) = await RoundAsync(provider);
        await using var _db = database;
        await using var _data = data;
        await using var _app = app;
        app.Settings[PdfPrinterOptions.Setting] = "/nonexistent/chromium";
        using var @base = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var url = $"/xep-loai/danh-sach?org={data.BaseCommittee.Code}&year=2025";

        using var response = await @base.GetAsync(new Uri(url + "&handler=Pdf", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("detail").GetString().ShouldBe(PdfPrinter.NotInstalled);
        PdfPrinter.NotInstalled.ShouldBe("Máy chủ chưa cài Chromium để in PDF; tải bản .docx hoặc in từ trình duyệt.");
        (await DocxTextAsync(@base, url + "&handler=Docx")).ShouldContain("Nguyễn Văn An");
    }
}
