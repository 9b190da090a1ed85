using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Villages;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Villages;

/// <summary>
/// Thôn, tổ dân phố of the communes in a subtree as they stood on a date (<see cref="VillageQueries.RegisterAsync"/>):
/// each village's cells, the chi bộ ghép that covers several villages, villages without a cell or a
/// member, and whether the village head and the front-work head are party members (003:115).
/// </summary>
[Requires(Operation.OrgsRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public DateOnly AsOf { get; private set; }
    public VillageRegister? Register { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? asOf, CancellationToken ct)
    {
        if (CadreDates.Parse(asOf, clock.Today()) is not { } date)
        {
            Error = $"Ngày \"{asOf}\" không hợp lệ: cần dạng ngày/tháng/năm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        AsOf = date;
        if (await FindSubtreeAsync(db, org, Operation.OrgsRead) is not { } lookup)
        {
            return Page();
        }

        Register = await VillageQueries.RegisterAsync(db, lookup, AsOf, ct: ct);
        ViewData["Title"] = "Thôn, tổ dân phố – " + Name;
        ViewData["ScopeOrg"] = Code;
        return Page();
    }
}
