using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Plans;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using ChiBo.Web.Organizations;
using ChiBo.Web.Plans;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Plans;

/// <summary>
/// The dashboard of a subtree for a year: every indicator of the plans in force with its value,
/// target, status, years and a chart, from the one set-based dashboard query
/// (<see cref="PlanDashboards"/>); each indicator links to its units one level down. Also as .xlsx.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class IndexModel(ChiBoDb db, DatabaseTarget target, TimeProvider clock) : SubtreePageModel
{
    public int Year { get; private set; }
    public PlanDashboard? Board { get; private set; }
    public IReadOnlyList<OrgCrumb> Ancestors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? year, CancellationToken ct)
    {
        await LoadAsync(org, year, ct);
        return Page();
    }

    /// <summary>The same view as a workbook: the indicators of the subtree, and each indicator by unit one level down.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ct) || Board is null)
        {
            return Page();
        }

        var bytes = PlanSheets.Dashboard(Board);
        return File(bytes, PlanSheets.XlsxType, $"chi-tieu-{Board.Org}-{PlanWeb.Y(Year)}.xlsx");
    }

    private async Task<bool> LoadAsync(string? org, string? year, CancellationToken ct)
    {
        var today = clock.Today();
        if (CellLifeWeb.Year(year, today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        Year = y;
        if (await FindSubtreeAsync(db, org, Operation.ReportsRead) is not { } lookup)
        {
            return false;
        }

        try
        {
            Board = await PlanDashboards.RunAsync(db, await HttpContext.ScopeAsync(), lookup, Year, today, ct: ct, connections: () => target.CreateContext());
        }
        catch (PlanNotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        if (Org is { } o)
        {
            Ancestors = await OrgTree.AncestorsAsync(db, await HttpContext.SubtreeAsync(Operation.ReportsRead), o, ct);
        }

        ViewData["Title"] = $"Kế hoạch, chỉ tiêu năm {Year} – {Name}";
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
