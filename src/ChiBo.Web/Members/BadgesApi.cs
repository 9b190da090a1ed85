using Microsoft.EntityFrameworkCore;
using ChiBo.Web.Access;
using ChiBo.Access;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Members;

public sealed record BadgeAwardRequest(int Years, DateOnly AwardedOn, string? DecisionNumber, bool Early);

/// <summary>Huy hiệu Đảng: who is due at a ceremony, and awarding.</summary>
public static class BadgesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/badges/due", DueAsync).Requires(Operation.MembersRead);

        group.MapPost("/{id:int}/badges", (int id, BadgeAwardRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => BadgeAwardView.Of(await Badges.AwardAsync(db, clock, http.Actor(), id, r.Years, r.AwardedOn, r.DecisionNumber, r.Early, ct))))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, r.RouteId(), ct));
    }

    /// <summary>Due at <c>ceremony</c> (yyyy-MM-dd, one of 3/2, 19/5, 2/9, 7/11), by default the next ceremony day.</summary>
    private static async Task<Results<Ok<IReadOnlyList<BadgeDue>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> DueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? ceremony, CancellationToken ct)
    {
        var on = PartyAgePolicy.NextCeremony(clock.Today());
        if (!string.IsNullOrWhiteSpace(ceremony)
            && (!DateOnly.TryParseExact(ceremony, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on) || !PartyAgePolicy.IsCeremonyDay(on)))
        {
            return Problems.Field("ceremony", $"\"{ceremony}\" không phải ngày trao Huy hiệu Đảng (3/2, 19/5, 2/9, 7/11) dạng yyyy-MM-dd.");
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await Badges.DueAsync(db, lookup.Subtree, on, ct)) : Problems.NoOrg(org);
    }
}
