using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ReadAsync).Requires(Operation.AuditRead);

    private static async Task<Results<Ok<AuditPage>, NotFound<ProblemDetails>>> ReadAsync(
        HttpContext http, ChiBoDb db, int? member, string? org, string? user, int? page, CancellationToken ct)
    {
        int? orgId = null;
        if (!string.IsNullOrWhiteSpace(org))
        {
            var lookup = await http.FindAsync(db, org, Operation.AuditRead);
            if (lookup.Organization is not { } found)
            {
                return Problems.NoOrg(org);
            }

            orgId = found.Id;
        }

        return TypedResults.Ok(await AuditQueries.ReadAsync(db, await http.ScopeAsync(), new AuditFilter(member, orgId, user, page ?? 1), ct));
    }
}
