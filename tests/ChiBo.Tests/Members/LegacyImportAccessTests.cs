using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Members;
using ChiBo.Members.Excel;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Members;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Members;

/// <summary>
/// The Excel import creates official members with whatever admission dates the sheet states, so
/// only the province board and the superior committees (the level that decides admissions) may run it.
/// </summary>
public sealed class LegacyImportAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ByACellOrBaseCommittee_IsRefused_ASuperiorCommitteeMay(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var file = Sheet(w, "Triệu Văn Cũ", new DateOnly(1960, 2, 1));

        foreach (var (role, org) in new[] { ("cell-committee", w.Cell1.Code), ("base-committee", w.BaseA1.Code) })
        {
            using var client = await app.SignedInAsync(role, org);
            var refused = await PostAsync(client, file, org);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            errors.EnumerateArray().Single().GetProperty("message").GetString()!.ShouldContain("Ban Tổ chức Tỉnh ủy");
        }

        await using (var db = w.Db())
        {
            (await db.Members.CountAsync(Ct)).ShouldBe(0);
        }

        using var superior = await app.SignedInAsync("superior-committee", w.CommuneA.Code);
        var imported = await PostAsync(superior, file, w.CommuneA.Code);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        await using (var db = w.Db())
        {
            (await db.Members.SingleAsync(Ct)).AdmittedOn.ShouldBe(new DateOnly(1985, 3, 1));
        }
    }

    private static byte[] Sheet(World w, string name, DateOnly birth)
    {
        var row = new Dictionary<string, string>
        {
            [MemberSheet.FullName] = name,
            [MemberSheet.Gender] = "Nam",
            [MemberSheet.BirthDate] = MemberSheet.Date(birth),
            [MemberSheet.Cccd] = Cccd.Compose(89, birth, Gender.Male, 901),
            [MemberSheet.Ethnicity] = "Kinh",
            [MemberSheet.CellCode] = w.Cell1.Code,
            [MemberSheet.AdmittedOn] = "01/03/1985",
            [MemberSheet.OfficialOn] = "01/03/1986",
            [MemberSheet.GeneralEducation] = "THPT",
            [MemberSheet.Professional] = "Đại học",
            [MemberSheet.PoliticalTheory] = "Sơ cấp",
            [MemberSheet.YouthUnion] = "Không",
        };
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, MemberSheet.Headers, [MemberSheet.Headers.Select(h => row.GetValueOrDefault(h)).ToList()]);
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string org)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ExcelEndpoints.XlsxType);
        using var form = new MultipartFormDataContent { { content, "file", "dang-vien.xlsx" } };
        return await client.PostAsync($"/api/members/import?org={org}", form, Ct);
    }
}
