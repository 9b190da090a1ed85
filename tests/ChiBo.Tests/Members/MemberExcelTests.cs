using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Members;
using ChiBo.Members.Excel;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Members;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Tests.Members;

/// <summary>Excel in and out through HTTP, on the real app.</summary>
public sealed class MemberExcelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Template_HasTheVietnameseHeadersAndAGuide()
    {
        await using var w = await World.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(w.Database);
        var response = await (await app.SignedInAsync("province-board")).GetAsync("/api/members/template.xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ExcelEndpoints.XlsxType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var sheet = Read(bytes);
        sheet.Count.ShouldBe(1);
        sheet[0].ShouldBe(MemberSheet.Headers);
        sheet[0].ShouldContain("Ngày sinh (dd/MM/yyyy)");
        sheet[0].ShouldContain("Lý luận chính trị");
        MiniExcel.GetSheetNames(new MemoryStream(bytes)).ShouldBe(["Đảng viên", "Hướng dẫn"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GoodFile_RegistersEveryRowInOneGo(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database);
        var file = Xlsx(
            Row(w, "Nguye\u0302\u0303n Văn An", "Nam", new DateOnly(1985, 3, 14), 1),
            Row(w, "Lò Thị Bình", "Nữ", new DateOnly(1992, 7, 1), 2, cell: "AG.01.01.02", ethnicity: "Tày", official: "15/04/2021"));

        var response = await Post(app, file, "AG.01");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32().ShouldBe(2);
        await using var db = w.Db();
        var members = await db.Members.OrderBy(m => m.Id).ToListAsync(Ct);
        members.Select(m => m.FullName).ShouldBe(["Nguyễn Văn An", "Lò Thị Bình"]);
        members[1].Status.ShouldBe(MemberStatus.Official);
        (await db.MemberEvents.CountAsync(e => e.Kind == MemberEventKind.Registered, Ct)).ShouldBe(2);
        var asOf = await w.MembersAsOf(w.CommuneA, new DateOnly(2021, 6, 1));
        asOf.Total.ShouldBe(2);
        asOf.Dimensions["ethnicity"]["minority"].ShouldBe(1);
        asOf.Dimensions["professional"]["universityPlus"].ShouldBe(2);
        asOf.Dimensions["status"]["official"].ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_BadRows_ReportsEachProblemAndWritesNothing(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database);
        var good = Row(w, "Trần Văn Tốt", "Nam", new DateOnly(1980, 1, 1), 10);
        var file = Xlsx(
            good,
            Row(w, "Trần Văn Giới", "Nam giới", new DateOnly(1980, 1, 1), 11),
            Row(w, "Trần Văn Ngày", "Nam", new DateOnly(1980, 1, 1), 12, birthText: "31/02/1980"),
            Row(w, "Trần Văn Trùng", "Nam", new DateOnly(1980, 1, 1), 13, cccd: good[MemberSheet.Cccd]),
            Row(w, "Trần Văn Ngoài", "Nam", new DateOnly(1980, 1, 1), 14, cell: "AG.02.01"),
            Row(w, "Trần Văn Trẻ", "Nam", new DateOnly(2003, 1, 1), 15, admitted: "01/06/2020"),
            Row(w, "Trần Văn Bộ", "Nam", new DateOnly(1980, 1, 1), 16, cell: "AG.01.01"),
            Row(w, "Trần Văn Tộc", "Nam", new DateOnly(1980, 1, 1), 17, ethnicity: "Sao Hỏa"));

        var response = await Post(app, file, "AG.01");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        errors.Select(e => (e.Row, e.Column)).ShouldBe(
        [
            (3, MemberSheet.Gender), (4, MemberSheet.BirthDate), (5, MemberSheet.Cccd), (6, MemberSheet.CellCode),
            (7, MemberSheet.BirthDate), (8, MemberSheet.CellCode), (9, MemberSheet.Ethnicity),
        ]);
        errors[0].Message.ShouldContain("\"Nam giới\" không hợp lệ: ghi một trong Nam, Nữ");
        errors[1].Message.ShouldContain("\"31/02/1980\" không phải ngày hợp lệ");
        errors[2].Message.ShouldContain("trùng với dòng 2");
        errors[3].Message.ShouldBe("Không có tổ chức đảng mã \"AG.02.01\" trong phạm vi của bạn.");
        errors[4].Message.ShouldContain("đủ 18 tuổi");
        errors[5].Message.ShouldContain("không phải chi bộ");
        errors[6].Message.ShouldContain("54 dân tộc");

        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
        (await db.MemberPeriods.CountAsync(Ct)).ShouldBe(0);
        (await db.MemberEvents.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_ReadsRealExcelDatesAndNumbersAndCountsBlankRowsInRowNumbers()
    {
        await using var w = await World.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(w.Database);
        var birth = new DateOnly(1988, 8, 8);
        var cccd = Cccd.Compose(1, birth, Gender.Male, 4242); // "001…": a number in Excel loses the leading zeros
        static string Key(int i) => "c" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, object?> Row(object? name, object? birthCell, object? cccdCell) => MemberSheet.Headers
            .Select((h, i) => (Key: Key(i), Value: h switch
            {
                MemberSheet.FullName => name,
                MemberSheet.Gender => "Nam",
                MemberSheet.BirthDate => birthCell,
                MemberSheet.Cccd => cccdCell,
                MemberSheet.Ethnicity => "kinh",
                MemberSheet.CellCode => "AG.01.01.01",
                MemberSheet.AdmittedOn => new DateTime(2015, 2, 3),
                MemberSheet.GeneralEducation => "Trung học phổ thông",
                _ => (object?)null,
            }))
            .ToDictionary(x => x.Key, x => x.Value);
        var header = MemberSheet.Headers.Select((h, i) => (Key: Key(i), Value: (object?)h)).ToDictionary(x => x.Key, x => x.Value);
        var empty = MemberSheet.Headers.Select((h, i) => Key(i)).ToDictionary(k => k, k => (object?)null);
        using var buffer = new MemoryStream();
        buffer.SaveAs(new[] { header, Row("Phan Văn Số", birth.ToDateTime(TimeOnly.MinValue), double.Parse(cccd, System.Globalization.CultureInfo.InvariantCulture)), empty, Row("Phan Văn Lỗi", "không rõ", "089088000001") },
            printHeader: false);

        var response = await Post(app, buffer.ToArray(), "root");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().ToList();
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        (errors[0].GetProperty("row").GetInt32(), errors[0].GetProperty("column").GetString()).ShouldBe((4, MemberSheet.BirthDate));
    }

    [Fact]
    public async Task Import_WithoutRequiredColumns_NamesThemOnTheHeaderRow()
    {
        await using var w = await World.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(w.Database);
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, [MemberSheet.FullName, MemberSheet.Gender], [["Lê Văn A", "Nam"]]);

        var response = await Post(app, buffer.ToArray(), "root");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldAllBe(e => e.GetProperty("row").GetInt32() == 1);
        errors.Select(e => e.GetProperty("column").GetString()).ShouldContain(MemberSheet.Cccd);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_NeutralisesFormulasAndRoundTripsThroughImport(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        const string formula = "=HYPERLINK(\"http://x.example\",\"Bấm vào\")";
        await using (var db = w.Db())
        {
            var commands = w.Members(db);
            await commands.RegisterAsync(new MemberRegistration(
                w.Profile("Đinh Văn Công", new DateOnly(1975, 9, 2)) with { Workplace = formula, Position = "@SUM(1+1)", Religion = Religion.Buddhism },
                w.Cell1.Id, new DateOnly(2001, 5, 19), new DateOnly(2002, 5, 19)), Decision.None, ct: Ct);
            await commands.RegisterAsync(new MemberRegistration(
                w.Profile("Hà Thị Ân", new DateOnly(1995, 12, 1), Gender.Female) with { Occupation = "-Giáo viên", PoliticalTheory = PoliticalTheory.Elementary },
                w.Cell2.Id, new DateOnly(2024, 2, 3), null), Decision.None, ct: Ct);
            await commands.RegisterAsync(new MemberRegistration(
                w.Profile("Ngoài Phạm Vi", new DateOnly(1970, 1, 1)), w.CellB1.Id, new DateOnly(2000, 1, 1), null), Decision.None, ct: Ct);
        }

        byte[] exported;
        await using (var app = new ChiBoApp(w.Database))
        {
            var response = await (await app.SignedInAsync("province-board")).GetAsync("/api/members/export.xlsx?org=AG.01", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            exported = await response.Content.ReadAsByteArrayAsync(Ct);
        }

        var sheet = Read(exported);
        sheet[0].ShouldBe(MemberSheet.ExportHeaders);
        sheet.Count.ShouldBe(3);
        var first = sheet.Single(r => r[0] == "Đinh Văn Công");
        Cell(first, MemberSheet.Workplace).ShouldBe("'" + formula);
        Cell(first, MemberSheet.Position).ShouldBe("'@SUM(1+1)");
        Cell(first, MemberSheet.Religion).ShouldBe("Phật giáo");
        Cell(first, MemberSheet.Status).ShouldBe("Chính thức");
        Cell(first, MemberSheet.OfficialOn).ShouldBe("19/05/2002");
        Cell(sheet.Single(r => r[0] == "Hà Thị Ân"), MemberSheet.Occupation).ShouldBe("'-Giáo viên");

        // Nothing in the sheet is a formula: no <f> element anywhere.
        using (var zip = new ZipArchive(new MemoryStream(exported)))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                (await reader.ReadToEndAsync(Ct)).ShouldNotContain("<f>");
            }
        }

        // The exported file imports into another register with the same tree and exports the same.
        await using var w2 = await World.CreateAsync(provider);
        await using var app2 = new ChiBoApp(w2.Database);
        var imported = await Post(app2, exported, "root");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        await using (var db2 = w2.Db())
        {
            (await db2.Members.SingleAsync(m => m.FullName == "Đinh Văn Công", Ct)).Workplace.ShouldBe(formula);
        }

        var again = Read(await (await (await app2.SignedInAsync("province-board")).GetAsync("/api/members/export.xlsx?org=AG.01", Ct)).Content.ReadAsByteArrayAsync(Ct));
        again.ShouldBe(sheet);
    }

    [Fact]
    public async Task ImportPage_CarriesAnAntiForgeryTokenAndRefusesAPostWithoutIt()
    {
        await using var w = await World.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(w.Database);
        var client = await app.SignedInAsync("province-board");
        var page = await client.GetStringAsync("/Members/Import", Ct);
        page.ShouldContain("__RequestVerificationToken");
        page.ShouldContain("Nhập đảng viên từ Excel");

        using var form = new MultipartFormDataContent { { new StringContent("root"), "Org" } };
        (await client.PostAsync("/Members/Import", form, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ImportPage_ListsTheErrorsInATable()
    {
        await using var w = await World.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(w.Database);
        var client = await app.SignedInAsync("province-board");
        var page = await client.GetStringAsync("/Members/Import", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();

        var file = Xlsx(Row(w, "Lê Văn Sai", "Nam", new DateOnly(1980, 1, 1), 1, birthText: "1980-01-01"));
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(ExcelEndpoints.XlsxType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("AG.01"), "Org" },
            { bytes, "Upload", "dang-vien.xlsx" },
        };
        var response = await client.PostAsync("/Members/Import", form, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("chưa ghi dòng nào");
        html.ShouldContain("<td>2</td><td>Ngày sinh (dd/MM/yyyy)</td>");
    }

    private static Dictionary<string, string> Row(
        World w, string name, string gender, DateOnly birth, int serial, string cell = "AG.01.01.01", string ethnicity = "Kinh",
        string? official = null, string? birthText = null, string? cccd = null, string admitted = "01/03/2020")
    {
        var g = gender == "Nữ" ? Gender.Female : Gender.Male;
        return new Dictionary<string, string>
        {
            [MemberSheet.FullName] = name,
            [MemberSheet.Gender] = gender,
            [MemberSheet.BirthDate] = birthText ?? MemberSheet.Date(birth),
            [MemberSheet.Cccd] = cccd ?? Cccd.Compose(89, birth, g, 500 + serial),
            [MemberSheet.Ethnicity] = ethnicity,
            [MemberSheet.CellCode] = cell,
            [MemberSheet.AdmittedOn] = admitted,
            [MemberSheet.OfficialOn] = official ?? "",
            [MemberSheet.GeneralEducation] = "THPT",
            [MemberSheet.Professional] = "Đại học",
            [MemberSheet.PoliticalTheory] = "Sơ cấp",
            [MemberSheet.YouthUnion] = "Không",
        };
    }

    private static byte[] Xlsx(params Dictionary<string, string>[] rows)
    {
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, MemberSheet.Headers,
            rows.Select(r => (IReadOnlyList<string?>)MemberSheet.Headers.Select(h => r.GetValueOrDefault(h)).ToList()));
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> Post(ChiBoApp app, byte[] file, string org)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ExcelEndpoints.XlsxType);
        using var form = new MultipartFormDataContent { { content, "file", "dang-vien.xlsx" } };
        return await (await app.SignedInAsync("province-board")).PostAsync($"/api/members/import?org={org}", form, Ct);
    }

    /// <summary>The first sheet as rows of texts, as a user would see the cells.</summary>
    private static List<List<string>> Read(byte[] xlsx) => new MemoryStream(xlsx).Query(useHeaderRow: false)
        .Cast<IDictionary<string, object?>>()
        .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList())
        .ToList();

    private static string Cell(List<string> row, string header) => row[MemberSheet.ExportHeaders.ToList().IndexOf(header)];
}
