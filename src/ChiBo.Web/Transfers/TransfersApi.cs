using Microsoft.EntityFrameworkCore;
using ChiBo.Web.Access;
using ChiBo.Access;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Transfers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Transfers;

public sealed record TransferDateRequest(int Version, DateOnly Date);

public sealed record TransferCancelRequest(int Version, DateOnly Date, string Reason);

/// <summary>Chuyển sinh hoạt đảng: letters within the province, packages to and from other provinces.</summary>
public static class TransfersApi
{
    public static void Map(RouteGroupBuilder group)
    {
        // On the sending cell
        group.MapPost("/", (TransferIssue r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => TransferView.Of(await c.IssueAsync(r, ct))))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, r.Body<TransferIssue>().MemberId, ct));

        // On the receiving cell
        group.MapPost("/{id:int}/confirm", (int id, TransferDateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => TransferView.Of(await c.ConfirmAsync(id, r.Version, r.Date, ct))))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, ReceivingCellAsync);

        // On the sending cell
        group.MapPost("/{id:int}/cancel", (int id, TransferCancelRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => TransferView.Of(await c.CancelAsync(id, r.Version, r.Date, r.Reason, ct))))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, SendingCellAsync);

        group.MapGet("/{id:int}/letter", LetterAsync).Requires(Operation.MembersRead)
            .InCellOf(Operation.MembersRead, SendingCellAsync);

        group.MapGet("/overdue", OverdueAsync).Requires(Operation.MembersRead);

        // On the member's cell
        group.MapPost("/export", ExportAsync).Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, r.Body<TransferExport>().MemberId, ct));

        // On the receiving cell). the body is the package exported by the other province.
        group.MapPost("/import", ImportAsync).Requires(Operation.MembersWrite);
    }

    private static async Task<int?> SendingCellAsync(EndpointFilterInvocationContext r, ChiBoDb db, CancellationToken ct) =>
        await db.PartyTransfers.AsNoTracking().Where(t => t.Id == r.RouteId()).Select(t => (int?)t.FromCellId).FirstOrDefaultAsync(ct);

    private static async Task<int?> ReceivingCellAsync(EndpointFilterInvocationContext r, ChiBoDb db, CancellationToken ct) =>
        await db.PartyTransfers.AsNoTracking().Where(t => t.Id == r.RouteId()).Select(t => t.ToCellId).FirstOrDefaultAsync(ct);

    /// <summary>The commands as the caller: they check which cell acts (sending or receiving) themselves.</summary>
    private static async Task<TransferCommands> CommandsAsync(ChiBoDb db, TimeProvider clock, HttpContext http) =>
        new(db, clock, await http.ScopeAsync(), http.Actor(), http.CccdPolicy());

    private static Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> Act<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, Func<TransferCommands, Task<T>> command) =>
        RunAsync(async () => await command(await CommandsAsync(db, clock, http)));

    private static async Task<Results<Ok<TransferLetter>, NotFound<ProblemDetails>>> LetterAsync(int id, HttpContext http, ChiBoDb db, CancellationToken ct) =>
        await TransferQueries.LetterAsync(db, id, await http.ScopeAsync(), ct) is { } letter
            ? TypedResults.Ok(letter)
            : TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy giấy giới thiệu", Detail = $"Không có giấy giới thiệu số {id}." });

    private static async Task<Results<Ok<IReadOnlyList<OverdueTransfer>>, NotFound<ProblemDetails>>> OverdueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await TransferQueries.OverdueAsync(db, lookup.Subtree, clock.Today(), ct)) : Problems.NoOrg(org);
    }

    /// <summary>The package as a downloadable JSON file, in the same shape <see cref="ImportAsync"/> reads.</summary>
    private static async Task<Results<FileContentHttpResult, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> ExportAsync(
        TransferExport r, ChiBoDb db, TimeProvider clock, HttpContext http, PackageKeys keys, CancellationToken ct)
    {
        var result = await Act(http, db, clock, c => c.ExportAsync(r, keys, ct));
        return result.Result switch
        {
            Ok<TransferPackage> ok => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ok.Value!.ToJson()), "application/json",
                string.Create(CultureInfo.InvariantCulture, $"chuyen-sinh-hoat-{r.MemberId}-{r.LetterDate:yyyyMMdd}.json")),
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            NotFound<ProblemDetails> missing => missing,
            ProblemHttpResult forbidden => forbidden,
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<MemberView>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ChiBoDb db, TimeProvider clock, PackageKeys keys, string? cell, string? date, CancellationToken ct)
    {
        var lookup = await request.HttpContext.FindAsync(db, cell, Operation.MembersWrite);
        if (string.IsNullOrWhiteSpace(cell) || lookup.Organization is not { } to)
        {
            return Problems.NoOrg(cell);
        }

        var on = clock.Today();
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            return Problems.Field("date", $"Ngày \"{date}\" không hợp lệ: cần dạng yyyy-MM-dd.");
        }

        // At most one byte past the limit is read: the package's own check names the size.
        var buffer = new byte[TransferPackage.MaxBytes + 1];
        var length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        var scope = await request.HttpContext.ScopeAsync();
        var result = await Act(request.HttpContext, db, clock, async c => MemberView.Of(
            await c.ImportAsync(TransferPackage.Decode(buffer[..length]), to.Id, on, keys, ct), MemberSight.On(scope, Subtree.Of(to))));
        return result.Result switch
        {
            Ok<MemberView> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            NotFound<ProblemDetails> missing => missing,
            ProblemHttpResult forbidden => forbidden,
            _ => throw new InvalidOperationException(),
        };
    }
}
