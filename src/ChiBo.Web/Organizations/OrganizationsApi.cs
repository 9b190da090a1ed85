using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Organizations;

public sealed record OrgCountsDto(int Members, int Cells, int BaseOrgs)
{
    public static OrgCountsDto From(OrgCounts c) => new(c.Members, c.Cells, c.BaseOrgs);
}

public sealed record OrgChildDto(string Code, string Name, string Kind, string Sector, OrgCountsDto Counts);

public sealed record OrgCrumbDto(string Code, string Name);

/// <summary>An organization with its children. Kind and sector are null for the national root.</summary>
public sealed record OrgDto(
    string Code,
    string Name,
    string? Kind,
    string? Sector,
    DateOnly? FoundedOn,
    OrgCountsDto Counts,
    IReadOnlyList<OrgChildDto> Children,
    IReadOnlyList<OrgCrumbDto> Ancestors);

public static class OrganizationsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{code}", GetAsync).Requires(Operation.OrgsRead);
    }

    private static async Task<Results<Ok<OrgDto>, ProblemHttpResult>> GetAsync(
        string code, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var scope = await http.SubtreeAsync(Operation.OrgsRead);
        var lookup = await OrgTree.FindAsync(db, scope, code, ct);
        if (!lookup.Found)
        {
            return Problems.OrgNotFound(code);
        }

        var view = await OrgTree.LoadAsync(db, scope, lookup, clock.Today(), ct);
        var org = view.Organization;
        return TypedResults.Ok(new OrgDto(
            view.Code,
            view.Name,
            org is null ? null : Labels.ApiName(org.Kind),
            org is null ? null : Labels.ApiName(org.Sector),
            org?.FoundedOn,
            OrgCountsDto.From(view.Counts),
            view.Children.Select(c => new OrgChildDto(c.Code, c.Name, Labels.ApiName(c.Kind), Labels.ApiName(c.Sector), OrgCountsDto.From(c.Counts))).ToList(),
            view.Ancestors.Select(a => new OrgCrumbDto(a.Code, a.Name)).ToList()));
    }
}
