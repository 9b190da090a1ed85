using System.Net.Http.Headers;
using System.Text.Json;
using ChiBo.Members.Excel;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Reliability;

/// <summary>
/// The Excel import is not an oracle of organization codes (issue 10, item 11): a code that does
/// not exist and one that exists outside the importer's subtree get the same answer.
/// </summary>
public sealed class ImportScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_UnknownCodeAndCodeOutsideTheScope_GetTheSameAnswer(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var commune = await app.SignedInAsync("superior-committee", "AG.01");
        var file = HostileFiles.Sheet(
        [
            HostileFiles.MemberRow(1),
            HostileFiles.With(HostileFiles.MemberRow(2), MemberSheet.CellCode, "AG.02.01"),
            HostileFiles.With(HostileFiles.MemberRow(3), MemberSheet.CellCode, "AG.09.09"),
        ]);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { content, "file", "dang-vien.xlsx" } };

        using var response = await commune.PostAsync(new Uri("/api/members/import?org=AG.01", UriKind.Relative), form, Ct);

        ((int)response.StatusCode).ShouldBe(400);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()))
            .ToList();
        errors.ShouldBe(
        [
            (3, MemberSheet.CellCode, "Không có tổ chức đảng mã \"AG.02.01\" trong phạm vi của bạn."),
            (4, MemberSheet.CellCode, "Không có tổ chức đảng mã \"AG.09.09\" trong phạm vi của bạn."),
        ]);
        await using var db = w.Db();
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
    }
}
