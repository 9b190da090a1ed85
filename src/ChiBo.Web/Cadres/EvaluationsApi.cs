using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Cadres;

public sealed record TemplateRequest(int PoolId, string Name, DateOnly ValidFrom, IReadOnlyList<EvaluationCriterion>? Criteria, IReadOnlyList<EvaluationBand>? Bands);

public sealed record PeriodRequest(int PoolId, int Year, int Quarter);

public sealed record PeriodStateRequest(int Version, PeriodState State);

public sealed record CodesRequest(EvaluationComponent Group, int Count);

public sealed record FeedbackRequest(string Code, IReadOnlyDictionary<string, int>? Answers);

/// <summary>
/// Đánh giá cán bộ hằng quý: templates, periods and each cadre's evaluation, for the pool's
/// managing committee and the province board (Cadres.Read / Cadres.Write). Feedback is answered
/// without signing in, with a one-time code; the committee sees group figures only.
/// </summary>
public static class EvaluationsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/templates", (TemplateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var t = await (await Commands(db, clock, http)).AddTemplateAsync(r.PoolId, new TemplateNew(r.Name, r.ValidFrom, r.Criteria ?? [], r.Bands ?? []), http.Actor(), ct);
                return new { t.Id, t.Name, t.ValidFrom };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfManagementPoolAsync(db, r.Body<TemplateRequest>().PoolId, ct));

        group.MapPost("/periods", (PeriodRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var p = await (await Commands(db, clock, http)).OpenPeriodAsync(r.PoolId, r.Year, r.Quarter, ct);
                return await EvaluationQueries.PeriodAsync(db, p.Id, ct);
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfManagementPoolAsync(db, r.Body<PeriodRequest>().PoolId, ct));

        group.MapGet("/periods/{id:int}", async Task<Results<Ok<PeriodView>, NotFound>> (int id, ChiBoDb db, CancellationToken ct) =>
                await EvaluationQueries.PeriodAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .Requires(Operation.CadresRead)
            .InCellOf(Operation.CadresRead, (r, db, ct) => EvaluationQueries.ManagingOrgOfPeriodAsync(db, r.RouteId(), ct));

        group.MapPost("/periods/{id:int}/state", (int id, PeriodStateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                await (await Commands(db, clock, http)).SetPeriodStateAsync(id, r.Version, r.State, ct);
                return await EvaluationQueries.PeriodAsync(db, id, ct);
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => EvaluationQueries.ManagingOrgOfPeriodAsync(db, r.RouteId(), ct));

        group.MapGet("/{id:int}", async Task<Results<Ok<EvaluationView>, NotFound>> (int id, ChiBoDb db, CancellationToken ct) =>
                await EvaluationQueries.EvaluationAsync(db, id, ct: ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .Requires(Operation.CadresRead)
            .InCellOf(Operation.CadresRead, (r, db, ct) => EvaluationQueries.ManagingOrgOfEvaluationAsync(db, r.RouteId(), ct));

        group.MapPut("/{id:int}/self", (int id, SelfAssessment r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => await View(db, (await (await Commands(db, clock, http)).SelfAssessAsync(id, r, ct)).Id, ct)))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => EvaluationQueries.ManagingOrgOfEvaluationAsync(db, r.RouteId(), ct));

        group.MapPut("/{id:int}/results", (int id, ResultsInput r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => await View(db, (await (await Commands(db, clock, http)).RecordResultsAsync(id, r, ct)).Id, ct)))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => EvaluationQueries.ManagingOrgOfEvaluationAsync(db, r.RouteId(), ct));

        // The codes are shown once, to be printed and handed out; only their hashes are kept.
        group.MapPost("/{id:int}/codes", (int id, CodesRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => await (await Commands(db, clock, http)).IssueCodesAsync(id, r.Group, r.Count, ct)))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => EvaluationQueries.ManagingOrgOfEvaluationAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/conclusion", (int id, ConclusionInput r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => await View(db, (await (await Commands(db, clock, http)).ConcludeAsync(id, r, ct)).Id, ct)))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => EvaluationQueries.ManagingOrgOfEvaluationAsync(db, r.RouteId(), ct));

        // A respondent answers with the code alone: no account, no name, nothing kept that says who.
        group.MapPost("/feedback", (FeedbackRequest r, ChiBoDb db, CancellationToken ct) =>
            RunAsync(async () =>
            {
                await EvaluationCommands.AnswerAsync(db, r.Code, r.Answers ?? new Dictionary<string, int>(), ct: ct);
                return new { Message = "Đã ghi nhận phiếu. Cảm ơn đồng chí." };
            }))
            .AllowAnonymous()
            .RequireRateLimiting(AccessSetup.LoginLimit);

        group.MapGet("/history/{memberId:int}", async (int memberId, HttpContext http, ChiBoDb db, CancellationToken ct) =>
                TypedResults.Ok(await EvaluationQueries.HistoryAsync(db, await http.ScopeAsync(), memberId, ct)))
            .Requires(Operation.CadresRead)
            .InCellOf(Operation.CadresRead, (r, db, ct) =>
                CellScopeFilter.CellOfMemberAsync(db, int.Parse((string)r.HttpContext.Request.RouteValues["memberId"]!, CultureInfo.InvariantCulture), ct));

        group.MapGet("/behind", BehindAsync).Requires(Operation.CadresRead);
    }

    private static async Task<EvaluationCommands> Commands(ChiBoDb db, TimeProvider clock, HttpContext http) => new(db, clock, await http.ScopeAsync());

    private static async Task<EvaluationView> View(ChiBoDb db, int id, CancellationToken ct) =>
        await EvaluationQueries.EvaluationAsync(db, id, ct: ct) ?? throw new RuleViolationException("EvaluationId", "Không tìm thấy phiếu đánh giá.");

    /// <summary>Cadres falling behind in a quarter (default: the last whole quarter) in the pools the caller may see in the subtree.</summary>
    private static async Task<Results<Ok<IReadOnlyList<BehindRow>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> BehindAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? quarter, CancellationToken ct)
    {
        var (y, q) = Quarters.Of(clock.Today().AddMonths(-3));
        y = year ?? y;
        q = quarter ?? q;
        if (q is < 1 or > 4 || y is < 2000 or > 9998)
        {
            return Problems.Field("quarter", "Quý phải từ 1 đến 4, năm từ 2000 đến 9998.");
        }

        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found ? TypedResults.Ok(await EvaluationQueries.BehindAsync(db, await http.ScopeAsync(), lookup.Subtree, y, q, ct)) : Problems.NoOrg(org);
    }
}
