using Microsoft.EntityFrameworkCore;
using ChiBo.Web.Access;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Fees;

/// <summary>Đảng phí: monthly payments, arrears and collection per cell.</summary>
public static class FeesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        // On the member's cell
        group.MapPost("/payments", (FeePaymentInput r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => FeePaymentView.Of(await FeeLedger.RecordAsync(db, clock, http.Actor(), r, ct))))
            .Requires(Operation.MembersWrite)
            .InCellOf(Operation.MembersWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, r.Body<FeePaymentInput>().MemberId, ct));

        group.MapGet("/arrears", ArrearsAsync).Requires(Operation.MembersRead);

        group.MapGet("/collection", CollectionAsync).Requires(Operation.MembersRead);
    }

    private static async Task<Results<Ok<IReadOnlyList<FeeArrears>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ArrearsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? through, CancellationToken ct)
    {
        // Up to the previous month by default: the current one may still be paid.
        var last = Today(clock).AddMonths(-1);
        var (y, m) = (year ?? last.Year, through ?? (year is null || year == last.Year ? last.Month : 12));
        if (m is < 1 or > 12)
        {
            return Problems.Field("through", "Tháng phải từ 1 đến 12.");
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await FeeLedger.ArrearsAsync(db, lookup.Subtree, y, m, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<FeeCollection>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> CollectionAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? month, CancellationToken ct)
    {
        var today = Today(clock);
        var (y, m) = (year ?? today.Year, month ?? today.Month);
        if (m is < 1 or > 12)
        {
            return Problems.Field("month", "Tháng phải từ 1 đến 12.");
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await FeeLedger.CollectionAsync(db, lookup, y, m, ct)) : Problems.NoOrg(org);
    }
}
