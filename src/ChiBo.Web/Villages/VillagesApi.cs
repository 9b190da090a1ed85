using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Villages;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Villages;

public sealed record VillageRequest(string Commune, VillageKind Kind, string Name, DateOnly EstablishedOn);

public sealed record CoverRequest(int Version, string Cell, DateOnly From);

public sealed record UncoverRequest(int Version, DateOnly On);

public sealed record HeadRequest(int Version, VillageRole Role, string? FullName, int? MemberId, DateOnly From);

public sealed record CloseRequest(int Version, DateOnly On, int? MergedIntoId);

/// <summary>
/// Thôn, tổ dân phố: the register of a subtree's communes as of a date (Orgs.Read), and its
/// keeping by the commune committee or the province board (Orgs.Write on the commune).
/// </summary>
public static class VillagesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.OrgsRead);

        group.MapPost("/", (VillageRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var commune = await OrgCodes.IdAsync(db, r.Commune, ct) ?? throw new RuleViolationException("Commune", "Không có tổ chức đảng này.");
                return Dto(await (await Commands(db, clock, http)).AddAsync(new VillageNew(commune, r.Kind, r.Name, r.EstablishedOn), ct));
            }))
            .Requires(Operation.OrgsWrite)
            .InCellOf(Operation.OrgsWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<VillageRequest>().Commune, ct));

        group.MapPost("/{id:int}/cells", (int id, CoverRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var cell = await OrgCodes.IdAsync(db, r.Cell, ct) ?? throw new RuleViolationException("Cell", "Không có chi bộ này.");
                return Dto(await (await Commands(db, clock, http)).CoverAsync(id, r.Version, cell, r.From, ct));
            }))
            .Requires(Operation.OrgsWrite)
            .InCellOf(Operation.OrgsWrite, (r, db, ct) => VillageQueries.CommuneOfAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/cells/{cellId:int}/end", (int id, int cellId, UncoverRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Dto(await (await Commands(db, clock, http)).UncoverAsync(id, r.Version, cellId, r.On, ct))))
            .Requires(Operation.OrgsWrite)
            .InCellOf(Operation.OrgsWrite, (r, db, ct) => VillageQueries.CommuneOfAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/heads", (int id, HeadRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Dto(await (await Commands(db, clock, http)).SetHeadAsync(id, r.Version, new VillageHeadInput(r.Role, r.FullName, r.MemberId, r.From), ct))))
            .Requires(Operation.OrgsWrite)
            .InCellOf(Operation.OrgsWrite, (r, db, ct) => VillageQueries.CommuneOfAsync(db, r.RouteId(), ct));

        group.MapPost("/{id:int}/close", (int id, CloseRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Dto(await (await Commands(db, clock, http)).CloseAsync(id, r.Version, r.On, r.MergedIntoId, ct))))
            .Requires(Operation.OrgsWrite)
            .InCellOf(Operation.OrgsWrite, (r, db, ct) => VillageQueries.CommuneOfAsync(db, r.RouteId(), ct));
    }

    /// <summary>What a command answers: the village as stored now.</summary>
    public sealed record VillageDto(int Id, string Kind, string Name, DateOnly EstablishedOn, DateOnly? ClosedOn, int? MergedIntoId, int Version);

    private static VillageDto Dto(Village v) =>
        new(v.Id, VillageNames.Of(v.Kind), v.Name, v.EstablishedOn, v.ValidTo == Dates.OpenEnd ? null : v.ValidTo, v.MergedIntoId, v.Version);

    private static async Task<VillageCommands> Commands(ChiBoDb db, TimeProvider clock, HttpContext http) => new(db, clock, await http.ScopeAsync());

    private static async Task<Results<Ok<VillageRegister>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ListAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, CancellationToken ct)
    {
        if (!Reports.ReportsApi.TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.OrgsRead);
        return lookup.Found ? TypedResults.Ok(await VillageQueries.RegisterAsync(db, lookup, date, ct: ct)) : Problems.NoOrg(org);
    }
}
