using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Access;

/// <summary>
/// Resource-based checks for endpoints that act on one thing (a candidate, a transfer, a
/// member): the filter finds the cell the request acts on and lets it through only when the
/// caller holds the operation on that cell; otherwise the thing is "not found".
/// </summary>
public static class CellScopeFilter
{
    /// <summary>Finds the cell a request acts on: null when the thing it names does not exist.</summary>
    public delegate Task<int?> CellLocator(EndpointFilterInvocationContext request, ChiBoDb db, CancellationToken ct);

    public static RouteHandlerBuilder InCellOf(this RouteHandlerBuilder builder, string operation, CellLocator locate) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var db = http.RequestServices.GetRequiredService<ChiBoDb>();
            var cellId = await locate(ctx, db, http.RequestAborted);
            var cell = cellId is { } id
                ? await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.ProvinceId, o.Path }).FirstOrDefaultAsync(http.RequestAborted)
                : null;
            if (cell is null || !await http.CanAsync(operation, new Subtree(cell.ProvinceId, cell.Path)))
            {
                return TypedResults.NotFound(new ProblemDetails
                {
                    Title = "Không tìm thấy",
                    Detail = "Không có đối tượng này trong phạm vi tổ chức của bạn.",
                });
            }

            return await next(ctx);
        });

    /// <summary>The route value "id" as an integer.</summary>
    public static int RouteId(this EndpointFilterInvocationContext ctx) =>
        int.Parse((string)ctx.HttpContext.Request.RouteValues["id"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The endpoint's argument of a given type (a request body).</summary>
    public static T Body<T>(this EndpointFilterInvocationContext ctx) => ctx.Arguments.OfType<T>().First();

    /// <summary>A member's current cell.</summary>
    public static async Task<int?> CellOfMemberAsync(ChiBoDb db, int memberId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => (int?)m.CellId).FirstOrDefaultAsync(ct);
}
