using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Documents.Library;

namespace ChiBo.Tests.Documents;

/// <summary>The library through HTTP on SQLite and PostgreSQL: real files in, search without diacritics out, scope, refusals.</summary>
public sealed class DocumentsApiTests
{
    private static Upload Resolution(string org) => new(
        org, "resolution", "15-NQ/TU", "2025-10-20", "Tỉnh ủy Thử nghiệm", "Nghị quyết Đảng bộ tỉnh về xây dựng tổ chức cơ sở đảng vững mạnh",
        "nghi-quyet-15.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        SampleFiles.Docx("NGHỊ QUYẾT", "Nghị quyết Đảng bộ tỉnh lần thứ XI về công tác xây dựng Đảng.", "Mỗi chi bộ sinh hoạt đều đặn hằng tháng."),
        "Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.");

    private static Upload Directive(string org) => new(
        org, "directive", "50-CT/TW", "2025-07-01", "Ban Bí thư", "Chỉ thị về nâng cao chất lượng sinh hoạt chi bộ",
        "chi-thi-50.pdf", "application/pdf",
        SampleFiles.Pdf("CHỈ THỊ CỦA BAN BÍ THƯ", "Các cấp ủy quán triệt nghị quyết của Đảng bộ các cấp,", "giữ vững đường lối đổi mới."));

    private static Upload Fees(string org) => TextFile(org, "01-HD/BTC", "Hướng dẫn thu, nộp đảng phí",
        "Mức đóng đảng phí hằng tháng của đảng viên hưởng lương bằng 1% tiền lương.", issuedOn: "2026-02-03");

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadedDocxPdfAndText_AreSearchableWithoutDiacritics_Ranked(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");
        var resolution = await AddAsync(board, Resolution("T"));
        var directive = await AddAsync(board, Directive("T"));
        var fees = await AddAsync(board, Fees("T"));

        // The whole phrase in the heading and the body first; the same words scattered in the PDF after it.
        (await SearchAsync(board, "q=nghi+quyet+dang+bo")).ShouldBe([resolution, directive]);
        (await SearchAsync(board, "q=NGHỊ+QUYẾT+ĐẢNG+BỘ")).ShouldBe([resolution, directive]);
        (await SearchAsync(board, "q=duong+loi+doi+moi")).ShouldBe([directive]);
        (await SearchAsync(board, "q=50-CT%2FTW")).ShouldBe([directive]);
        (await SearchAsync(board, "q=dang+phi")).ShouldBe([fees]);
        (await SearchAsync(board, "q=khong+co+tu+nay")).ShouldBeEmpty();

        // Filters, with and without words; no words: newest first.
        (await SearchAsync(board, "kind=directive")).ShouldBe([directive]);
        (await SearchAsync(board, "year=2025")).ShouldBe([resolution, directive]);
        (await SearchAsync(board, "issuer=Ban+B%C3%AD+th%C6%B0")).ShouldBe([directive]);
        (await SearchAsync(board, "q=dang&year=2026")).ShouldBe([fees]);
        (await SearchAsync(board, "")).ShouldBe([fees, resolution, directive]);

        var (_, page) = await GetAsync(board, "/api/documents?q=nghi+quyet+dang+bo");
        var first = page.GetProperty("items")[0];
        first.GetProperty("snippetHtml").GetString()!.ShouldContain("Nghị quyết Đảng bộ</mark> tỉnh lần thứ XI về công tác xây dựng");
        first.GetProperty("kindLabel").GetString().ShouldBe("Nghị quyết");
        page.GetProperty("words").EnumerateArray().Select(w => w.GetString()).ShouldBe(["nghi", "quyet", "dang", "bo"]);
        page.GetProperty("items")[1].GetProperty("snippetHtml").GetString()!.ShouldContain("<mark>nghị quyết</mark> của <mark>Đảng bộ</mark>");

        var (status, bad) = await GetAsync(board, "/api/documents?kind=sac-lenh");
        status.ShouldBe(400);
        bad.GetProperty("field").GetString().ShouldBe("kind");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Document_ReadDownloadAndRemove(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");
        var upload = Directive("T");
        var id = await AddAsync(board, upload);

        var (status, doc) = await GetAsync(board, $"/api/documents/{id}");
        status.ShouldBe(200);
        doc.GetProperty("number").GetString().ShouldBe("50-CT/TW");
        doc.GetProperty("issuer").GetString().ShouldBe("Ban Bí thư");
        doc.GetProperty("format").GetString().ShouldBe("pdf");
        doc.GetProperty("orgCode").GetString().ShouldBe("T");
        doc.GetProperty("excerpt").GetString()!.ShouldContain("giữ vững đường lối đổi mới");
        doc.GetProperty("size").GetInt64().ShouldBe(upload.Content.Length);

        using (var file = await board.GetAsync(new Uri($"/api/documents/{id}/file", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            file.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            file.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("chi-thi-50.pdf");
            (await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(upload.Content);
        }

        (await SendAsync(board, HttpMethod.Delete, $"/api/documents/{id}?version=7")).Status.ShouldBe(409);
        (await SendAsync(board, HttpMethod.Delete, $"/api/documents/{id}?version=0")).Status.ShouldBe(200);
        (await GetAsync(board, $"/api/documents/{id}")).Status.ShouldBe(404);
        (await SearchAsync(board, "q=duong+loi")).ShouldBeEmpty();

        // The index row went with it: the same file may be filed again and is found again.
        var again = await AddAsync(board, upload);
        (await SearchAsync(board, "q=duong+loi")).ShouldBe([again]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_AMemberSeesTheChainAboveAndCentral_NotAnotherCommune(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        using var communeA = await s.App.SignedInAsync("superior-committee", d.Commune.Code);
        using var ward = await s.App.SignedInAsync("superior-committee", d.Ward.Code);
        using var cellTwo = await s.App.SignedInAsync("cell-committee", d.CellTwo.Code);
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        using var dat = await s.App.SignedInAsync("member", d.SchoolCell.Code, d.Dat.Id);

        var communeDoc = await AddAsync(communeA, TextFile(d.Commune.Code, "05-KH/ĐU", "Kế hoạch học tập nghị quyết của Đảng ủy xã An Hòa", "Các chi bộ tổ chức học tập trong quý III.", kind: "plan"));
        var cellTwoDoc = await AddAsync(cellTwo, TextFile(d.CellTwo.Code, "02-TB/CB", "Thông báo học tập của Chi bộ ấp Hai", "Học tập nghị quyết tại nhà văn hóa ấp Hai."));
        var central = await AddAsync(s.Http, TextFile("central", "21-NQ/TW", "Nghị quyết về tăng cường củng cố tổ chức cơ sở đảng", "Học tập nghị quyết trong toàn Đảng.", kind: "resolution", issuer: "Ban Chấp hành Trung ương"));

        // A member: their commune's document (above their cell) and the central one, not a sibling cell's.
        (await SearchAsync(an, "q=hoc+tap+nghi+quyet")).ShouldBe([communeDoc, central], ignoreOrder: true);
        (await GetAsync(an, $"/api/documents/{communeDoc}")).Status.ShouldBe(200);
        (await GetAsync(an, $"/api/documents/{cellTwoDoc}")).Status.ShouldBe(404);

        // A member of another commune: not found, in search, reading or downloading.
        (await SearchAsync(dat, "q=hoc+tap+nghi+quyet")).ShouldBe([central]);
        var (status, problem) = await GetAsync(dat, $"/api/documents/{communeDoc}");
        status.ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy văn bản");
        (await GetAsync(dat, $"/api/documents/{communeDoc}/file")).Status.ShouldBe(404);
        (await GetAsync(ward, $"/api/documents/{communeDoc}")).Status.ShouldBe(404);

        // The commune's committee oversees what its cells file; the province board sees all of it.
        (await SearchAsync(communeA, "q=hoc+tap")).ShouldBe([communeDoc, cellTwoDoc, central], ignoreOrder: true);
        using var board = await s.App.SignedInAsync("province-board", "T");
        (await SearchAsync(board, "")).Length.ShouldBe(3);

        // Filing for an organization above one's own subtree, or centrally, is "not found"; a member may not file.
        (await PostAsync(cellTwo, TextFile(d.Commune.Code, "9", "Thử", "Thử"))).Status.ShouldBe(404);
        (await PostAsync(board, TextFile("central", "9", "Thử", "Thử"))).Status.ShouldBe(404);
        (await PostAsync(an, TextFile(d.CellOne.Code, "9", "Thử", "Thử"))).Status.ShouldBe(403);
        (await SendAsync(cellTwo, HttpMethod.Delete, $"/api/documents/{communeDoc}?version=0")).Status.ShouldBe(404);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_Refused_InVietnamese_NamingTheField(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");

        async Task Refused(Upload u, string field, string message)
        {
            var (status, json) = await PostAsync(board, u);
            status.ShouldBe(400, json.ToString());
            json.GetProperty("field").GetString().ShouldBe(field);
            json.GetProperty("detail").GetString()!.ShouldContain(message);
        }

        var ok = Fees("T");
        await Refused(ok with { Content = new byte[(20 * 1024 * 1024) + 1] }, "file", "vượt giới hạn 20 MB");
        await Refused(ok with { FileName = "bang-luong.xlsx", ContentType = "application/vnd.ms-excel" }, "File", "chỉ nhận PDF (.pdf), Word (.docx) hoặc văn bản thuần (.txt)");
        await Refused(ok with { FileName = "gia.pdf", ContentType = "application/pdf" }, "File", "không phải tệp PDF");
        await Refused(ok with { Number = "" }, "Number", "Cần số, ký hiệu văn bản");
        await Refused(ok with { IssuedOn = "2030-01-01" }, "IssuedOn", "Ngày ban hành (01/01/2030)");
        await Refused(ok with { Kind = "sac-lenh" }, "kind", "Cần chọn loại văn bản");

        await AddAsync(board, ok);
        await Refused(ok, "File", "Tệp này đã có trong thư viện");
        await Refused(ok with { Content = "Bản khác"u8.ToArray() }, "Number", "Văn bản số 01-HD/BTC ngày 03/02/2026 đã có trong thư viện");
    }
}
