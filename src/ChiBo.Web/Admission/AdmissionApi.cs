using ChiBo.Web.Access;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Admission;

public sealed record NominateRequest(MemberProfile Profile, int CellId, DateOnly NominatedOn);

public sealed record ProfileRequest(int Version, MemberProfile Profile);

public sealed record CertificateRequest(int Version, string CertificateNumber, DateOnly Date);

public sealed record ApplicationRequest(int Version, DateOnly ApplicationDate, DateOnly CvDate);

public sealed record IntroductionRequest(int Version, IntroductionKind Kind, DateOnly Date, IReadOnlyList<Introducer>? Introducers, string? ResolutionNumber);

public sealed record DateRequest(int Version, DateOnly Date);

public sealed record CellResolutionRequest(int Version, DateOnly Date, int VotesFor, string? ProvincialConsentNumber);

public sealed record BaseCommitteeRequest(int Version, DateOnly Date, bool Agreed, string? Reason);

public sealed record DecisionRequest(int Version, string Number, DateOnly Date);

public sealed record RecognitionRequest(int Version, DateOnly Date, int VotesFor, string DecisionNumber, DateOnly DecisionDate);

public sealed record StopRequest(int Version, DateOnly Date, string Reason, string? DecisionNumber);

public sealed record TargetRequest(int Target);

/// <summary>Kết nạp đảng viên: the candidate's file step by step, overdue steps and the pipeline of a subtree.</summary>
public static class AdmissionApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/candidates", ListAsync).Requires(Operation.MembersRead);

        group.MapGet("/candidates/{id:int}", GetAsync).Requires(Operation.MembersRead)
            .InCellOf(Operation.MembersRead, CandidateCellAsync);

        group.MapGet("/overdue", OverdueAsync).Requires(Operation.MembersRead);

        group.MapGet("/pipeline", PipelineAsync).Requires(Operation.MembersRead);

        // On the candidate's cell
        group.MapPost("/candidates", (NominateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.NominateAsync(new CandidateNomination(r.Profile, r.CellId, r.NominatedOn), ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, (r, _, _) => Task.FromResult<int?>(r.Body<NominateRequest>().CellId));

        group.MapPost("/candidates/{id:int}/profile", (int id, ProfileRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.CorrectProfileAsync(id, r.Version, r.Profile, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/course", (int id, CertificateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordCourseAsync(id, r.Version, r.CertificateNumber, r.Date, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/application", (int id, ApplicationRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordApplicationAsync(id, r.Version, r.ApplicationDate, r.CvDate, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/introduction", (int id, IntroductionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordIntroductionAsync(id, r.Version, new Introduction(r.Kind, r.Date, r.Introducers ?? [], r.ResolutionNumber), ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/verification", (int id, DateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordVerificationAsync(id, r.Version, r.Date, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/cell-resolution", (int id, CellResolutionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordCellResolutionAsync(id, r.Version, new CellVote(r.Date, r.VotesFor), r.ProvincialConsentNumber, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        // The base committee's level
        group.MapPost("/candidates/{id:int}/base-committee", (int id, BaseCommitteeRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordBaseCommitteeOpinionAsync(id, r.Version, r.Date, r.Agreed, r.Reason, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        // The competent committee's level
        group.MapPost("/candidates/{id:int}/decision", (int id, DecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordDecisionAsync(id, r.Version, r.Number, r.Date, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/ceremony", (int id, DateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.HoldCeremonyAsync(id, r.Version, r.Date, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/new-member-course", (int id, CertificateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecordNewMemberCourseAsync(id, r.Version, r.CertificateNumber, r.Date, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        // The competent committee's level
        group.MapPost("/candidates/{id:int}/recognition", (int id, RecognitionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.RecognizeOfficialAsync(id, r.Version, new CellVote(r.Date, r.VotesFor), r.DecisionNumber, r.DecisionDate, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        group.MapPost("/candidates/{id:int}/stop", (int id, StopRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, a => a.StopAsync(id, r.Version, r.Date, r.Reason, r.DecisionNumber, ct)))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, CandidateCellAsync);

        // On the organization
        group.MapPut("/targets/{org}/{year:int}", SetTargetAsync).Requires(Operation.MembersWrite);
    }

    /// <summary>The cell of the candidate named by the route's id.</summary>
    private static async Task<int?> CandidateCellAsync(EndpointFilterInvocationContext r, ChiBoDb db, CancellationToken ct) =>
        await db.Candidates.AsNoTracking().Where(c => c.Id == r.RouteId()).Select(c => (int?)c.CellId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Runs a command as the caller (the command checks the file's scope and the caller's level
    /// itself) and answers with the file as the caller may see it (<see cref="CandidateView"/>).
    /// </summary>
    private static Task<Results<Ok<CandidateView>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> Act(
        HttpContext http, ChiBoDb db, TimeProvider clock, Func<AdmissionCommands, Task<Candidate>> command) =>
        RunAsync(async () =>
        {
            var caller = await http.ScopeAsync();
            var candidate = await command(new AdmissionCommands(db, clock, caller, http.Actor(), http.CccdPolicy()));
            return await CandidateView.ForAsync(db, candidate, caller, http.RequestAborted);
        });

    private static async Task<Results<Ok<CandidateView>, NotFound<ProblemDetails>>> GetAsync(int id, HttpContext http, ChiBoDb db, CancellationToken ct) =>
        await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(await CandidateView.ForAsync(db, c, await http.ScopeAsync(), ct))
            : TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy hồ sơ", Detail = $"Không có hồ sơ kết nạp số {id}." });

    private static async Task<Results<Ok<IReadOnlyList<CandidateRow>>, NotFound<ProblemDetails>>> ListAsync(
        HttpContext http, ChiBoDb db, string? org, CandidateStep? step, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await AdmissionQueries.ListAsync(db, lookup.Subtree, step, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<IReadOnlyList<OverdueCandidate>>, NotFound<ProblemDetails>>> OverdueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await AdmissionQueries.OverdueAsync(db, lookup.Subtree, clock.Today(), ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<AdmissionPipeline>, NotFound<ProblemDetails>>> PipelineAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await AdmissionQueries.PipelineAsync(db, lookup, clock.Today(), ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<TargetRequest>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>>> SetTargetAsync(
        string org, int year, TargetRequest r, HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersWrite);
        if (lookup.Organization is not { } o)
        {
            return Problems.NoOrg(org);
        }

        var result = await RunAsync(async () =>
        {
            await AdmissionQueries.SetTargetAsync(db, o.Id, year, r.Target, ct);
            return r;
        });
        return result.Result switch
        {
            Ok<TargetRequest> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            NotFound<ProblemDetails> missing => missing,
            _ => throw new InvalidOperationException(),
        };
    }
}
