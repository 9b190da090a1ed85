using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Documents.Library;

namespace ChiBo.Tests.Documents;

/// <summary>The library's and the notices' pages as a person uses them: search, read, confirm, upload, post.</summary>
public sealed partial class DocumentPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Library_SearchReadAndConfirm_AsAMember(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        using var communeA = await s.App.SignedInAsync("superior-committee", d.Commune.Code);
        var plan = await AddAsync(communeA, TextFile(d.Commune.Code, "05-KH/ĐU", "Kế hoạch học tập Nghị quyết Đảng bộ xã",
            "Các chi bộ tổ chức học tập Nghị quyết Đảng bộ xã nhiệm kỳ 2025–2030 trong quý III.", kind: "plan"));
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        using var dat = await s.App.SignedInAsync("member", d.SchoolCell.Code, d.Dat.Id);

        var (status, list) = await HtmlAsync(an, "/tai-lieu?q=nghi+quyet+dang+bo+xa");
        status.ShouldBe(200);
        list.ShouldContain("Kế hoạch số 05-KH/ĐU");
        list.ShouldContain("<mark>Nghị quyết Đảng bộ xã</mark>");
        list.ShouldContain("Đảng bộ xã An Hòa");
        list.ShouldNotContain("Thêm văn bản");

        var (read, page) = await HtmlAsync(an, $"/tai-lieu/{plan}?q=nghi+quyet");
        read.ShouldBe(200);
        page.ShouldContain("10/03/2025");
        page.ShouldContain($"href=\"/api/documents/{plan}/file\"");
        page.ShouldContain("Tôi đã học tập văn bản này");

        // The confirm button posts with the page's anti-forgery token, then the page says so.
        var token = Token(page);
        using var confirm = await an.PostAsync(new Uri($"/tai-lieu/{plan}?handler=Studied", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await HtmlAsync(an, confirm.Headers.Location!.ToString());
        after.ShouldContain("Đã ghi nhận bạn đã học tập");
        after.ShouldContain("Bạn đã xác nhận học tập văn bản này ngày 30/06/2026");

        var (missing, notFound) = await HtmlAsync(dat, $"/tai-lieu/{plan}");
        missing.ShouldBe(404);
        notFound.ShouldContain("Không tìm thấy văn bản");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadForm_FilesADocx_AndShowsErrorsInVietnamese(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var cellOne = await s.App.SignedInAsync("cell-committee", s.Data.CellOne.Code);
        var (status, form) = await HtmlAsync(cellOne, "/tai-lieu/them");
        status.ShouldBe(200);
        form.ShouldContain($"value=\"{s.Data.CellOne.Code}\"");
        (await HtmlAsync(cellOne, $"/tai-lieu/them?org={s.Data.Commune.Code}")).Status.ShouldBe(404);

        MultipartFormDataContent Form(string number, byte[] file)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(Token(form)), "__RequestVerificationToken" },
                { new StringContent(s.Data.CellOne.Code), "org" },
                { new StringContent("resolution"), "kind" },
                { new StringContent(number), "number" },
                { new StringContent("2026-06-15"), "issuedOn" },
                { new StringContent("Chi bộ ấp Một"), "issuer" },
                { new StringContent("Nghị quyết chi bộ tháng 6"), "title" },
            };
            var bytes = new ByteArrayContent(file);
            bytes.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            content.Add(bytes, "file", "nghi-quyet-thang-6.docx");
            return content;
        }

        using (var bad = await cellOne.PostAsync(new Uri("/tai-lieu/them", UriKind.Relative), Form("", SampleFiles.Docx("Nghị quyết")), Ct))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("Cần số, ký hiệu văn bản");
        }

        using var ok = await cellOne.PostAsync(new Uri("/tai-lieu/them", UriKind.Relative),
            Form("07-NQ/CB", SampleFiles.Docx("NGHỊ QUYẾT", "Chi bộ thống nhất xây dựng đường giao thông nông thôn.")), Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync(Ct));
        var (_, page) = await HtmlAsync(cellOne, ok.Headers.Location!.ToString());
        page.ShouldContain("Nghị quyết số 07-NQ/CB");
        page.ShouldContain("Chi bộ thống nhất xây dựng đường giao thông nông thôn.");
        (await SearchAsync(cellOne, "q=duong+giao+thong")).Length.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NoticesPage_PostsAndShows_SanitizedMarkdown(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        using var cellOne = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        var (_, page) = await HtmlAsync(cellOne, "/thong-bao");
        page.ShouldContain("Đăng thông báo");
        using var posted = await cellOne.PostAsync(new Uri("/thong-bao", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(page)), new("Input.Org", d.CellOne.Code), new("Input.Title", "Họp chi bộ tháng 7"),
            new("Input.Body", "Họp lúc **19 giờ** <img src=x onerror=alert(1)> tại [nhà văn hóa](https://example.org/ban-do)."),
        ]), Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (status, html) = await HtmlAsync(an, "/thong-bao");
        status.ShouldBe(200);
        html.ShouldContain("Họp chi bộ tháng 7");
        html.ShouldContain("<strong>19 giờ</strong>");
        html.ShouldContain("<a href=\"https://example.org/ban-do\" rel=\"noopener noreferrer nofollow\">nhà văn hóa</a>");
        html.ShouldNotContain("<img"); // shown as text, never as markup
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        html.ShouldNotContain("Đăng thông báo");
    }

    private static async Task<(int Status, string Html)> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
