using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChiBo.Members.Excel;
using ChiBo.Tests.Documents;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Documents.Library;

namespace ChiBo.Tests.Reliability;

/// <summary>
/// Decompression bombs and huge inputs (issue 10, item 8): every file is measured before it is
/// parsed, a limit broken is a 400 naming the file and what is wrong, and nothing is written.
/// </summary>
[Collection(nameof(Measured))]
public sealed class UploadLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentUpload_DocxWhosePartInflatesAThousandfold_IsRefusedNamingThePart(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");

        var (status, json) = await UploadAsync(board, Upload("T", "bom.docx", DocumentTextTypes.Docx, HostileFiles.WordBomb(120)));

        status.ShouldBe(400, json.ToString());
        json.GetProperty("detail").GetString()!.ShouldContain("Tệp \"bom.docx\" có phần \"word/document.xml\" nén");
        json.GetProperty("detail").GetString()!.ShouldContain("zip bomb");
        await NothingWrittenAsync(s);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentUpload_PdfWhoseStreamInflatesTo300Megabytes_IsRefused(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");
        var bomb = HostileFiles.PdfWithContent(HostileFiles.Deflated(300, zlib: true), "/FlateDecode");
        bomb.Length.ShouldBeLessThan(400_000);

        var (status, json) = await UploadAsync(board, Upload("T", "bom.pdf", "application/pdf", bomb));

        status.ShouldBe(400, json.ToString());
        json.GetProperty("detail").GetString().ShouldBe("Tệp PDF \"bom.pdf\" khi giải nén lớn hơn 100 MB: quá lớn để đọc hoặc là tệp nén độc hại.");
        await NothingWrittenAsync(s);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentUpload_TextOfDistinctWordsOverOneMegabyte_IsStoredWholeAndSearchable(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");
        var text = HostileFiles.DistinctWords(1_300_000);
        var firstWord = Encoding.UTF8.GetString(text, 0, 8);

        var (status, json) = await UploadAsync(board, Upload("T", "tu-khac-nhau.txt", "text/plain", text));

        status.ShouldBe(200, json.ToString());
        json.GetProperty("textLength").GetInt32().ShouldBeGreaterThan(1_200_000);
        (await SearchAsync(board, "q=" + firstWord)).ShouldBe([json.GetProperty("id").GetInt64()]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentUpload_TextOverTwoMillionCharacters_IsRefusedWithTheCount(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Nghị quyết về công tác xây dựng Đảng. ", 60_000)));

        var (status, json) = await UploadAsync(board, Upload("T", "dai.txt", "text/plain", text));

        status.ShouldBe(400, json.ToString());
        json.GetProperty("detail").GetString().ShouldBe("Tệp \"dai.txt\" có 2.280.000 ký tự, vượt giới hạn 2.000.000 ký tự của thư viện: hãy tách thành nhiều văn bản.");
        await NothingWrittenAsync(s);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DocumentUpload_FileNameWithNulOrOver255Characters_IsRefusedNamingTheName(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var board = await s.App.SignedInAsync("province-board", "T");

        var (nul, nulJson) = await UploadAsync(board, Upload("T", "ky\u0000tu.txt", "text/plain", "Văn bản số 1"u8.ToArray()));
        var (longName, longJson) = await UploadAsync(board, Upload("T", new string('a', 300) + ".txt", "text/plain", "Văn bản số 2"u8.ToArray()));

        (nul, nulJson.GetProperty("detail").GetString()).ShouldBe((400, "Tên tệp \"ky\\u0000tu.txt\" có ký tự điều khiển (xuống dòng, NUL…): hãy đặt lại tên tệp."));
        (longName, longJson.GetProperty("detail").GetString()).ShouldBe((400, "Tên tệp dài 304 ký tự, tối đa 255 ký tự: hãy đặt tên ngắn hơn."));
        await NothingWrittenAsync(s);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberImport_SheetDeclaringA1ToXfd20002_IsRefusedNamingTheRange(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var file = HostileFiles.WithDimension(HostileFiles.Sheet([HostileFiles.MemberRow(1), HostileFiles.MemberRow(2)]), "A1:XFD20002");

        var (status, errors) = await ImportAsync(app, file);

        status.ShouldBe(400);
        errors.ShouldBe([(1, "", "Trang tính \"Đảng viên\" khai báo vùng A1:XFD20002 (16.384 cột); tệp nhập tối đa 100 cột (mẫu có 27 cột). Hãy xóa các cột thừa hoặc dùng mẫu tải về từ hệ thống.")]);
        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberImport_CellOfFiveThousandCharacters_IsRefusedNamingTheCell(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var file = HostileFiles.Sheet([HostileFiles.MemberRow(1), HostileFiles.With(HostileFiles.MemberRow(2), MemberSheet.Workplace, new string('x', 5_000))]);

        var (status, errors) = await ImportAsync(app, file);

        status.ShouldBe(400);
        errors.ShouldBe([(3, "", "Ô L3 dài 5.000 ký tự, vượt giới hạn 4.000 ký tự của một ô.")]);
        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberImport_NameLongerThanItsColumnOrWithAControlCharacter_IsRefusedNamingTheColumn(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var longName = "Nguyễn " + new string('A', 144);
        var file = HostileFiles.Sheet([HostileFiles.MemberRow(1), HostileFiles.With(HostileFiles.MemberRow(2), MemberSheet.FullName, longName)]);

        var (status, errors) = await ImportAsync(app, file);

        status.ShouldBe(400);
        errors.ShouldBe([(3, MemberSheet.FullName, "Họ và tên dài 151 ký tự, tối đa 150 ký tự.")]);
        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransferImport_NumbersForNamesNullsAndForeignEncodings_AreRefusedInVietnamese(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var board = await app.SignedInAsync("province-board");
        var good = HostileFiles.Package(1);
        string[] bad =
        [
            good.Replace("\"gender\": \"Male\"", "\"gender\": 7", StringComparison.Ordinal),
            System.Text.RegularExpressions.Regex.Replace(good, "\"member\": \\{[^}]*\\}", "\"member\": null"),
            good.Replace("\"fullName\": \"", "\"fullName\": \"\\u0000", StringComparison.Ordinal),
            good.Insert(1, "\"schema\": \"khac/9\","),
        ];

        var answers = new List<(int, string)>();
        foreach (var json in bad)
        {
            answers.Add(await PostPackageAsync(board, Encoding.UTF8.GetBytes(json)));
        }

        answers.Add(await PostPackageAsync(board, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(good)]));

        answers.ShouldBe(
        [
            (400, "Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo ở trường $.member.gender (dòng 13): thiếu giá trị, sai kiểu hoặc giá trị không hợp lệ."),
            (400, "Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo ở trường $.member (dòng 10): thiếu giá trị, sai kiểu hoặc giá trị không hợp lệ."),
            (400, "Họ và tên có ký tự điều khiển (mã U+0000): hãy gõ lại."),
            (400, "Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo ở trường $.schema (dòng 2): thiếu giá trị, sai kiểu hoặc giá trị không hợp lệ."),
            (400, "Gói chuyển sinh hoạt không phải văn bản UTF-8: hãy dùng đúng tệp .json do tỉnh nơi đi xuất."),
        ]);
        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
    }

    private static Upload Upload(string org, string fileName, string type, byte[] content) =>
        new(org, "guide", "07-HD/BTC", "2025-03-10", "Ban Tổ chức Tỉnh ủy", "Hướng dẫn thử giới hạn", fileName, type, content);

    /// <summary>The file's name sent as RFC 5987 filename*, so any character reaches the server as typed.</summary>
    private static async Task<(int Status, JsonElement Json)> UploadAsync(HttpClient client, Upload u)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(u.Kind), "kind" }, { new StringContent(u.Number), "number" }, { new StringContent(u.IssuedOn), "issuedOn" },
            { new StringContent(u.Issuer), "issuer" }, { new StringContent(u.Title), "title" },
        };
        var file = new ByteArrayContent(u.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(u.ContentType);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(u.FileName)}");
        form.Add(file);
        using var response = await client.PostAsync(new Uri($"/api/documents?org={u.Org}", UriKind.Relative), form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<(int Status, List<(int Row, string Column, string Message)> Errors)> ImportAsync(ChiBoApp app, byte[] file)
    {
        using var client = await app.SignedInAsync("province-board");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "dang-vien.xlsx" } };
        using var response = await client.PostAsync(new Uri("/api/members/import?org=AG", UriKind.Relative), form, Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var errors = json.TryGetProperty("errors", out var list)
            ? list.EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList()
            : [];
        return ((int)response.StatusCode, errors);
    }

    private static async Task<(int, string)> PostPackageAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri($"/api/transfers/import?cell={HostileFiles.Cell}&date=2025-06-20", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var detail = text.StartsWith('{') && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString()! : text;
        return ((int)response.StatusCode, detail);
    }

    private static async Task NothingWrittenAsync(Scenario s)
    {
        await using var db = s.Database.Context();
        (await db.Documents.CountAsync(Ct)).ShouldBe(0);
        (await db.DocumentFiles.CountAsync(Ct)).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == "Document", Ct)).ShouldBe(0);
    }
}

internal static class DocumentTextTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
