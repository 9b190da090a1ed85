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

    /// <summary>Rows per page unless asked (<c>pageSize</c>, up to <see cref="MaxPageSize"/>).</summary>
    public const int PageSize = 100;

    public const int MaxPageSize = 1000;

    /// <summary>One page of the arrears, most months unpaid first: a province has a hundred thousand members.</summary>
    private static async Task<Results<Ok<FeeArrearsPage>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ArrearsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? through, int? page, int? pageSize, CancellationToken ct)
    {
        // Up to the previous month by default: the current one may still be paid.
        var last = clock.Today().AddMonths(-1);
        var (y, m) = (year ?? last.Year, through ?? (year is null || year == last.Year ? last.Month : 12));
        if (m is < 1 or > 12)
        {
            return Problems.Field("through", "Tháng phải từ 1 đến 12.");
        }

        if (y is < 1930 or > 9999)
        {
            return Problems.Field("year", "Năm không hợp lệ.");
        }

        if (page is < 1)
        {
            return Problems.Field("page", "Trang phải từ 1 trở lên.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Problems.Field("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}.");
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found
            ? TypedResults.Ok(await FeeLedger.ArrearsPageAsync(db, lookup.Subtree, y, m, page ?? 1, pageSize ?? PageSize, ct))
            : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<FeeCollection>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> CollectionAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? month, CancellationToken ct)
    {
        var today = clock.Today();
        var (y, m) = (year ?? today.Year, month ?? today.Month);
        if (m is < 1 or > 12)
        {
            return Problems.Field("month", "Tháng phải từ 1 đến 12.");
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        return lookup.Found ? TypedResults.Ok(await FeeLedger.CollectionAsync(db, lookup, y, m, ct)) : Problems.NoOrg(org);
    }
}
