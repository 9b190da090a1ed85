using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Procedures;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Procedures;

public sealed record ProcedureApproveRequest(int Version, string? Comment = null, string? Number = null);

public sealed record ProcedureReasonRequest(int Version, string? Reason = null);

/// <summary>A procedure as data: its steps, who acts where, within how many working days, and the sources.</summary>
public sealed record ProcedureKindInfo(ProcedureKind Kind, string Name, string Source, string Effect, string? NumberLabel, IReadOnlyList<ProcedureKindStep> Steps);

public sealed record ProcedureKindStep(string Name, ActingLevel Level, string LevelName, string Role, string RoleName, int WorkingDays, string Source);

/// <summary>
/// Thủ tục hành chính của Đảng trực tuyến: a member starts and withdraws requests about
/// themselves (Self.Read); committees see what waits for them and approve or reject
/// (Procedures.Act, plus the step's own role over its organization, checked by the command).
/// Outside the caller's subtrees a request is "not found"; the wrong role at a step is 403.
/// </summary>
public static class ProceduresApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/kinds", Kinds).Requires(Operation.SignedIn);

        group.MapPost("/", (ProcedureStart r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            RunAsync(http, db, clock, c => c.StartAsync(r, http.RequestAborted))).Requires(Operation.SelfRead);

        group.MapGet("/mine", MineAsync).Requires(Operation.SelfRead);
        group.MapGet("/queue", QueueAsync).Requires(Operation.ProceduresAct);
        group.MapGet("/overdue", OverdueAsync).Requires(Operation.ProceduresAct);
        group.MapGet("/{id:int}", GetAsync).Requires(Operation.SignedIn);

        group.MapPost("/{id:int}/approve", (int id, ProcedureApproveRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            RunAsync(http, db, clock, c => c.ApproveAsync(id, new ProcedureDecision(r.Version, r.Comment, r.Number), http.RequestAborted)))
            .Requires(Operation.ProceduresAct);

        group.MapPost("/{id:int}/reject", (int id, ProcedureReasonRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            RunAsync(http, db, clock, c => c.RejectAsync(id, r.Version, r.Reason, http.RequestAborted)))
            .Requires(Operation.ProceduresAct);

        group.MapPost("/{id:int}/withdraw", (int id, ProcedureReasonRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            RunAsync(http, db, clock, c => c.WithdrawAsync(id, r.Version, r.Reason, http.RequestAborted)))
            .Requires(Operation.SelfRead);
    }

    /// <summary>Runs a command as the caller and answers with the request as the caller now sees it.</summary>
    internal static async Task<Results<Ok<ProcedureDetails>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> RunAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, Func<ProcedureCommands, Task<ProcedureRequest>> command)
    {
        var scope = await http.ScopeAsync();
        try
        {
            var r = await command(new ProcedureCommands(db, clock, scope, http.Actor(), http.CccdPolicy()));
            return await ProcedureQueries.GetAsync(db, r.Id, scope, clock.Today(), http.RequestAborted) is { } details
                ? TypedResults.Ok(details)
                : NotFound(r.Id);
        }
        catch (NotFoundException e)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy hồ sơ thủ tục", Detail = e.Message });
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Không đúng người xử lý",
                Detail = e.Message,
            });
        }
        catch (EditConflictException e)
        {
            return Problems.Conflict(e.Field, e.Message, e.CurrentVersion, e.Current);
        }
        catch (RuleViolationException e)
        {
            return Problems.Field(e.Field, e.Message);
        }
    }

    private static Ok<IReadOnlyList<ProcedureKindInfo>> Kinds() => TypedResults.Ok<IReadOnlyList<ProcedureKindInfo>>(
        ProcedurePolicy.Definitions.Values.Select(d => new ProcedureKindInfo(d.Kind, d.Name, d.Source, d.Effect, d.Number?.Label,
            d.Steps.Select(s => new ProcedureKindStep(s.Name, s.Level, ProcedureNames.Of(s.Level), Roles.NameOf(s.Role), Roles.VietnameseOf(s.Role),
                s.WorkingDays, s.Source)).ToList())).ToList());

    private static async Task<Results<Ok<IReadOnlyList<ProcedureRow>>, BadRequest<ProblemDetails>>> MineAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        return scope.MemberId is { } memberId
            ? TypedResults.Ok(await ProcedureQueries.ForMemberAsync(db, memberId, clock.Today(), ct))
            : Problems.Field("MemberId", "Tài khoản của bạn chưa gắn với hồ sơ đảng viên.");
    }

    /// <summary>What waits for the caller's action, inside <c>org</c> (default: all the caller's subtrees).</summary>
    private static async Task<Results<Ok<IReadOnlyList<ProcedureRow>>, NotFound<ProblemDetails>>> QueueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.ProceduresAct);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var within = string.IsNullOrWhiteSpace(org) ? ChiBo.Organizations.Subtree.Everything : lookup.Subtree;
        return TypedResults.Ok(await ProcedureQueries.QueueAsync(db, await http.ScopeAsync(), within, clock.Today(), ct));
    }

    /// <summary>Requests whose waiting step in the subtree is past its time limit.</summary>
    private static async Task<Results<Ok<IReadOnlyList<ProcedureRow>>, NotFound<ProblemDetails>>> OverdueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.ProceduresAct);
        return lookup.Found
            ? TypedResults.Ok(await ProcedureQueries.OverdueAsync(db, lookup.Subtree, clock.Today(), ct))
            : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<ProcedureDetails>, NotFound<ProblemDetails>>> GetAsync(
        int id, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var details = await ReadAsync(http, db, clock, id);
        return details is null ? NotFound(id) : TypedResults.Ok(details);
    }

    /// <summary>The request as the caller may see it; a read by anyone but the member is audited (it is personal data).</summary>
    internal static async Task<ProcedureDetails?> ReadAsync(HttpContext http, ChiBoDb db, TimeProvider clock, int id)
    {
        var details = await ProcedureQueries.GetAsync(db, id, await http.ScopeAsync(), clock.Today(), http.RequestAborted);
        if (details is { IsOwn: false })
        {
            await http.AuditReadAsync(nameof(ProcedureRequest), details.ProvinceId, details.Request.MemberId, null);
        }

        return details;
    }

    private static NotFound<ProblemDetails> NotFound(int id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy hồ sơ thủ tục",
        Detail = new ProcedureNotFoundException(id).Message,
    });
}
