using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Cli;
using ChiBo.Members.Excel;
using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Tests.Ratings;

/// <summary>Past years' ratings from Excel, through the API and the command line: all or nothing, every problem named by row and column.</summary>
public sealed class RatingImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, RatingSheet.Headers,
            rows.Select(r => (IReadOnlyList<string?>)RatingSheet.Headers.Select(h => r.GetValueOrDefault(h) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null).ToList()));
        return buffer.ToArray();
    }

    private static Dictionary<string, object?> Member(string cccd, string level, string decided = "15/12/2024") => new()
    {
        [RatingSheet.Year] = 2024, [RatingSheet.Cccd] = cccd, [RatingSheet.Level] = level, [RatingSheet.DecisionNumber] = "12-QĐ/ĐU", [RatingSheet.DecidedOn] = decided,
    };

    private static Dictionary<string, object?> Org(string code, string? level, params int[] counts)
    {
        var row = new Dictionary<string, object?> { [RatingSheet.Year] = 2024, [RatingSheet.OrgCode] = code };
        if (level is not null)
        {
            row[RatingSheet.Level] = level;
            row[RatingSheet.DecisionNumber] = "20-QĐ/ĐU";
            row[RatingSheet.DecidedOn] = "28/12/2024";
        }

        for (var i = 0; i < counts.Length; i++)
        {
            row[RatingSheet.Counts[i]] = counts[i];
        }

        return row;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string org)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ChiBo.Web.Ratings.RatingsApi.XlsxType);
        using var form = new MultipartFormDataContent { { content, "file", "xep-loai.xlsx" } };
        return await client.PostAsync($"/api/ratings/import?org={org}", form, Ct);
    }

    private static async Task<Dictionary<string, string>> CccdAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.Members.ToDictionaryAsync(m => m.FullName, m => m.Cccd!, Ct);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GoodFile_WritesPublishedResults_ThatTheReportCounts_AndNotTwice(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        using var board = await app.SignedInAsync("province-board", "T");
        var cccd = await CccdAsync(database);
        var file = Xlsx(
            Member(cccd["Nguyễn Văn An"], "HTTNV"),
            Member(cccd["Lê Thị Hoa"], "Hoàn thành xuất sắc nhiệm vụ"),
            Member(cccd["Phạm Văn Đạt"], "khtnv"),
            Org(data.CellOne.Code, "HTTNV"),
            Org(data.BaseCommittee.Code, "HTXSNV"),
            Org(data.CellTwo.Code, null, 0, 3, 1, 0, 1));

        var response = await PostAsync(board, file, "T");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32().ShouldBe(6);

        var y = (await (await board.GetAsync("/api/reports/ratings?org=T&fromYear=2024&toYear=2024", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("years").GetProperty("2024");
        y.GetProperty("organizations").GetProperty("levels").GetProperty("HTXSNV").GetInt32().ShouldBe(1);
        y.GetProperty("cells").GetProperty("rated").GetInt32().ShouldBe(1);
        var members = y.GetProperty("members");
        (members.GetProperty("rated").GetInt32(), members.GetProperty("goodOrAbove").GetInt32(), members.GetProperty("notRated").GetInt32(), members.GetProperty("share").GetRawText())
            .ShouldBe((7, 5, 1, "0.7143"));

        await using (var db = database.Context())
        {
            var an = await db.MemberRatings.SingleAsync(r => r.MemberId == data.An.Id, Ct);
            (an.State, an.Source, an.Level, an.CellPath, an.DecidedBy).ShouldBe((RatingState.Published, RatingSource.Import, RatingLevel.Good, data.CellOne.Path, "Đảng bộ cơ sở xã An Hòa"));
            (await db.RatingEvents.CountAsync(e => e.Kind == RatingEventKind.Imported, Ct)).ShouldBe(6);
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(MemberRating), Ct)).ShouldBe(3);
        }

        // Imported results are decided: the same file again is refused row by row, and nothing changes.
        var again = await PostAsync(board, file, "T");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.GetArrayLength().ShouldBe(6);
        errors[0].GetProperty("message").GetString()!.ShouldStartWith("Đã có kết quả xếp loại năm 2024 trong hệ thống");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_BadRows_AreNamedByRowAndColumn_AndNothingIsWritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        using var committee = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var cccd = await CccdAsync(database);
        var bothOutcomes = Member(cccd["Nguyễn Văn An"], "HTTNV");
        bothOutcomes[RatingSheet.NotRated] = "Lý do khác";
        var noNumber = Org(data.CellOne.Code, "HTNV");
        noNumber.Remove(RatingSheet.DecisionNumber);
        var file = Xlsx(
            Member("089999999999", "HTTNV"),                     // 2: no such member
            Member(cccd["Nguyễn Văn Anh"], "Tốt"),               // 3: not a level
            bothOutcomes,                                        // 4: a level and a reason
            noNumber,                                            // 5: no decision number
            Member(cccd["Phạm Văn Đạt"], "HTTNV"),               // 6: outside the importing đảng bộ cơ sở
            Org(data.CellTwo.Code, "HTTNV"),                     // 7: fine
            Org(data.CellTwo.Code, "HTNV"),                      // 8: the same chi bộ and year again
            Member(cccd["Đặng Thị Bình"], "HTTNV", "01/02/2023")); // 9: not yet in the Party in 2024 (admitted 01/12/2025)

        var response = await PostAsync(committee, file, data.BaseCommittee.Code);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        errors.ShouldBe([
            (2, RatingSheet.Cccd), (3, RatingSheet.Level), (4, RatingSheet.Level), (5, RatingSheet.DecisionNumber),
            (6, RatingSheet.Cccd), (8, RatingSheet.OrgCode), (9, RatingSheet.Cccd),
        ]);

        await using var db = database.Context();
        (await db.MemberRatings.CountAsync(Ct), await db.OrgRatings.CountAsync(Ct), await db.RatingEvents.CountAsync(Ct)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Cli_TemplateThenImport_AndAFileWithErrorsExitsWithTwo()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var data = await TestData.SeedAsync(database);
        var dir = Path.Combine(Path.GetTempPath(), "chibo-tests");
        Directory.CreateDirectory(dir);
        var template = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        var (code, output, _) = await CliAsync("ratings", "template", "--out", template);
        code.ShouldBe(0, output);
        var headers = new MemoryStream(await File.ReadAllBytesAsync(template, Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString() ?? "").ToList();
        headers.ShouldBe(RatingSheet.Headers);
        MiniExcel.GetSheetNames(template).ShouldBe([RatingSheet.SheetName, "Hướng dẫn"]);

        var cccd = await CccdAsync(database);
        var good = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(good, Xlsx(Member(cccd["Nguyễn Văn An"], "HTNV")), Ct);
        (code, output, _) = await CliAsync("ratings", "import", "--file", good, "--org", "T", "--db", database.Target.ConnectionString);
        (code, output.Trim()).ShouldBe((0, "Đã nhập 1 dòng kết quả xếp loại."));

        var bad = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(bad, Xlsx(Member(cccd["Lê Thị Hoa"], "HTXS")), Ct);
        (code, _, var error) = await CliAsync("ratings", "import", "--file", bad, "--org", "T", "--db", database.Target.ConnectionString);
        code.ShouldBe(2);
        error.ShouldContain("Dòng 2, cột \"Mức xếp loại\": \"HTXS\" không hợp lệ");
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ChiBoCli.RunAsync(args, stdout, stderr, Ct);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
