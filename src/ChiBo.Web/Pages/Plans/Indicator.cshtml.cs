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
/// One indicator for a subtree and for every unit one level down, worst gap first, each unit a link
/// to the same page one level further, down to the cell. The figures come from the set-based
/// dashboard query of the subtree (one pass per measure family, grouped by unit), not a query per unit.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class IndicatorModel(ChiBoDb db, DatabaseTarget target, TimeProvider clock) : SubtreePageModel
{
    public int Year { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    public PlanDashboard? Board { get; private set; }
    public DashboardPlan? Plan { get; private set; }
    public DashboardIndicator? Indicator { get; private set; }
    public IReadOnlyList<OrgCrumb> Ancestors { get; private set; } = [];

    /// <summary>The units one level down by code, for their kinds (a cell is the last level).</summary>
    public IReadOnlyDictionary<string, DashboardUnit> Units { get; private set; } = new Dictionary<string, DashboardUnit>();

    public async Task<IActionResult> OnGetAsync(string code, string? org, string? year, int? plan, CancellationToken ct)
    {
        IndicatorCode = code;
        var today = clock.Today();
        if (CellLifeWeb.Year(year, today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Year = y;
        if (await FindSubtreeAsync(db, org, Operation.ReportsRead) is not { } lookup)
        {
            return Page();
        }

        try
        {
            Board = await PlanDashboards.RunAsync(db, await HttpContext.ScopeAsync(), lookup, Year, today, ct: ct, connections: () => target.CreateContext());
        }
        catch (PlanNotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Plan = Board.Plans.Where(p => plan is null || p.Id == plan).FirstOrDefault(p => p.Indicators.Any(i => i.Code == code));
        Indicator = Plan?.Indicators.First(i => i.Code == code);
        Units = Board.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        if (Org is { } o)
        {
            Ancestors = await OrgTree.AncestorsAsync(db, await HttpContext.SubtreeAsync(Operation.ReportsRead), o, ct);
        }

        if (Indicator is null)
        {
            Error = $"Chỉ tiêu \"{code}\" không có trong kế hoạch nào áp dụng cho {Name} năm {Year}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        ViewData["Title"] = $"Chỉ tiêu {code} năm {Year} – {Name}";
        ViewData["ScopeOrg"] = Code;
        return Page();
    }
}
