using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Cadres;

/// <summary>The committee of an organization for a term, by organization code; enums by number as elsewhere in the API.</summary>
public sealed record CommitteeFormRequest(
    string Organization, string Term, DateOnly CongressOn, DateOnly TermEndsOn, CommitteeFormation Formation, int Seats,
    string? DecisionNumber, IReadOnlyList<CommitteeSeat>? Members);

public sealed record SeatAddRequest(int Version, int MemberId, CommitteePosition Position, DateOnly On, MembershipChange Reason, string? DecisionNumber);

public sealed record SeatEndRequest(int Version, DateOnly On, MembershipChange Reason, string? DecisionNumber);

public sealed record SeatPositionRequest(int Version, CommitteePosition Position, DateOnly On, string? DecisionNumber);

/// <summary>
/// Cấp ủy: committees of a subtree as of a date and one committee's history for Orgs.Read; the
/// level above records terms and seats (Committees.Write, <see cref="CommitteeAuthority"/>).
/// </summary>
public static class CommitteesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.OrgsRead);
        group.MapGet("/{id:int}", DetailAsync).Requires(Operation.OrgsRead)
            .InCellOf(Operation.OrgsRead, (r, db, ct) => CommitteeQueries.OrganizationOfAsync(db, r.RouteId(), ct));

        group.MapPost("/", (CommitteeFormRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var orgId = await OrgCodes.IdAsync(db, r.Organization, ct) ?? throw new RuleViolationException("Organization", "Không có tổ chức đảng này.");
                var c = await (await Commands(db, clock, http)).FormAsync(new CommitteeForming(
                    orgId, r.Term, r.CongressOn, r.TermEndsOn, r.Formation, r.Seats, r.DecisionNumber, r.Members ?? []), ct);
                return await CommitteeQueries.DetailAsync(db, c.Id, clock.Today(), ct);
            }))
            .Requires(Operation.CommitteesWrite)
            .InCellOf(Operation.CommitteesWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<CommitteeFormRequest>().Organization, ct));

        group.MapPost("/{id:int}/members", (int id, SeatAddRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                await (await Commands(db, clock, http)).AddMemberAsync(id, r.Version, new MembershipStart(r.MemberId, r.Position, r.On, r.Reason, r.DecisionNumber), ct);
                return await CommitteeQueries.DetailAsync(db, id, clock.Today(), ct);
            }))
            .Requires(Operation.CommitteesWrite)
            .InCellOf(Operation.CommitteesWrite, (r, db, ct) => CommitteeQueries.OrganizationOfAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/members/{memberId:int}/end", (int id, int memberId, SeatEndRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                await (await Commands(db, clock, http)).EndMembershipAsync(id, r.Version, memberId, new MembershipEnd(r.On, r.Reason, r.DecisionNumber), ct);
                return await CommitteeQueries.DetailAsync(db, id, clock.Today(), ct);
            }))
            .Requires(Operation.CommitteesWrite)
            .InCellOf(Operation.CommitteesWrite, (r, db, ct) => CommitteeQueries.OrganizationOfAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/members/{memberId:int}/position", (int id, int memberId, SeatPositionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                await (await Commands(db, clock, http)).ChangePositionAsync(id, r.Version, memberId, new PositionChange(r.Position, r.On, r.DecisionNumber), ct);
                return await CommitteeQueries.DetailAsync(db, id, clock.Today(), ct);
            }))
            .Requires(Operation.CommitteesWrite)
            .InCellOf(Operation.CommitteesWrite, (r, db, ct) => CommitteeQueries.OrganizationOfAsync(db, r.RouteId(), ct));
    }

    private static async Task<CommitteeCommands> Commands(ChiBoDb db, TimeProvider clock, HttpContext http) =>
        new(db, clock, await http.ScopeAsync(), http.Actor());

    /// <summary>Committees valid on the date in the subtree (at most 300), optionally of one level.</summary>
    private static async Task<Results<Ok<CommitteeList>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ListAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, string? level, CancellationToken ct)
    {
        if (!Reports.ReportsApi.TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        CommitteeLevels? committeeLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            committeeLevel = CommitteeLevel.Parse(level);
            if (committeeLevel is null)
            {
                return Problems.Field("level", $"Cấp \"{level}\" không hợp lệ: cần province, commune, base hoặc villageCell.");
            }
        }

        var lookup = await http.FindAsync(db, org, Operation.OrgsRead);
        return lookup.Found ? TypedResults.Ok(await CommitteeQueries.ListAsync(db, lookup, date, committeeLevel, ct: ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<CommitteeDetail>, NotFound>> DetailAsync(int id, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
        await CommitteeQueries.DetailAsync(db, id, clock.Today(), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
}

/// <summary>Organizations named by code in requests.</summary>
public static class OrgCodes
{
    /// <summary>The id of the organization with this code, or null (the scope filter then answers "not found").</summary>
    public static async Task<int?> IdAsync(ChiBoDb db, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code)
            ? null
            : await db.Organizations.AsNoTracking().Where(o => o.Code == code.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
}
