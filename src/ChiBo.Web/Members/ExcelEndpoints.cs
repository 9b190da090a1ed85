using System.Globalization;
using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Members;

/// <summary>The body of a refused import: every problem with its row and column.</summary>
public sealed record ImportErrors(IReadOnlyList<ImportError> Errors);

public sealed record ImportSucceeded(int Imported);

/// <summary>Excel in and out for member records: the template, an export of a subtree, an all-or-nothing import.</summary>
public static class ExcelEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/template.xlsx", Template).Requires(Operation.MembersWrite);
        group.MapGet("/export.xlsx", ExportAsync).Requires(Operation.MembersExport);

        // Scripts and tools post here with the X-ChiBo header (ApiForgery); browsers upload through
        // Pages/Members/Import, which carries the anti-forgery token.
        group.MapPost("/import", ImportAsync).Requires(Operation.MembersWrite);
    }

    private static FileContentHttpResult Template()
    {
        using var buffer = new MemoryStream();
        MemberSheet.WriteTemplate(buffer);
        return TypedResults.File(buffer.ToArray(), XlsxType, "mau-nhap-dang-vien.xlsx");
    }

    /// <summary>
    /// The sheet is written to a temporary file and sent from there: a province's export is tens
    /// of megabytes, which a buffer in memory (and its copy into an array) held per request.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, NotFound<ProblemDetails>>> ExportAsync(
        HttpContext http, ChiBoDb db, AuditScope audit, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersExport);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var file = new FileStream(Path.Combine(Path.GetTempPath(), "chibo-export-" + Guid.NewGuid().ToString("N") + ".xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var rows = await MemberExport.WriteAsync(db, lookup.Subtree, file, await http.ScopeAsync(), ct);
            file.Position = 0;
            await AuditChain.RecordAsync(db, audit, "export", "Member", null,
                string.Create(CultureInfo.InvariantCulture, $"{{\"org\":\"{ChiBo.Reports.AsOf.Label(lookup)}\",\"rows\":{rows}}}"),
                lookup.Organization?.ProvinceId ?? 0, clock.GetUtcNow(), ct, organizationId: lookup.Organization?.Id);
            var today = clock.Today().ToString("yyyyMMdd", CultureInfo.InvariantCulture);

            // The result closes the file once it is sent, which deletes it.
            return TypedResults.File(file, XlsxType, $"dang-vien-{ChiBo.Reports.AsOf.Label(lookup)}-{today}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<Results<Ok<ImportSucceeded>, BadRequest<ImportErrors>, NotFound<ProblemDetails>>> ImportAsync(
        HttpRequest request, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await request.HttpContext.FindAsync(db, org, Operation.MembersWrite);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        IFormFile? file = null;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.FirstOrDefault() : null;
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body: answered below as "no file", not as a server error.
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.BadRequest(new ImportErrors([new ImportError(0, "", "Chưa chọn tệp Excel (.xlsx) để nhập.")]));
        }

        var result = await RunImportAsync(db, clock, request.HttpContext, lookup.Subtree, file, ct);
        return result.Succeeded
            ? TypedResults.Ok(new ImportSucceeded(result.Imported))
            : TypedResults.BadRequest(new ImportErrors(result.Errors));
    }

    /// <summary>The import shared by the API and the page; a rule broken by a concurrent change becomes an error too.</summary>
    internal static async Task<ImportResult> RunImportAsync(ChiBoDb db, TimeProvider clock, HttpContext http, Subtree scope, IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        try
        {
            return await new MemberImport(db, clock, await http.ScopeAsync(), http.Actor(), http.CccdPolicy()).ImportAsync(stream, scope, ct);
        }
        catch (RuleViolationException e)
        {
            return new ImportResult(0, [new ImportError(0, MemberSheet.ColumnOf(e.Field), e.Message)]);
        }
    }
}
