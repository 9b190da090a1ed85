using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
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
/// A committee enters the value of an indicator kept by hand (with its source) and allocates the
/// target to a unit below; <see cref="PlanCommands"/> decides who may do either.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class IndicatorModel(ChiBoDb db, DatabaseTarget target, TimeProvider clock) : SubtreePageModel
{
    private static readonly string[] ValueInputs = ["Numerator", "Denominator", "Source"];
    private static readonly string[] AllocationInputs = ["Unit", "Target", "TargetHigh", "AllocationSource"];
    private static readonly Dictionary<string, string> Aliases = new() { ["org"] = "Unit", ["target"] = "Target", ["targetHigh"] = "TargetHigh" };

    /// <summary>Which form was posted ("value" or "allocation"), for its errors; "saved-…" after a success.</summary>
    public string? Posted { get; private set; }

    public bool CanEnterValue { get; private set; }
    public bool CanAllocate { get; private set; }

    public int Year { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    public PlanDashboard? Board { get; private set; }
    public DashboardPlan? Plan { get; private set; }
    public DashboardIndicator? Indicator { get; private set; }
    public IReadOnlyList<OrgCrumb> Ancestors { get; private set; } = [];

    /// <summary>The units one level down by code, for their kinds (a cell is the last level).</summary>
    public IReadOnlyDictionary<string, DashboardUnit> Units { get; private set; } = new Dictionary<string, DashboardUnit>();

    public async Task<IActionResult> OnGetAsync(string code, string? org, string? year, int? plan, string? da, CancellationToken ct)
    {
        Posted = da is "value" or "allocation" ? "saved-" + da : null;
        return await LoadAsync(code, org, year, plan, ct);
    }

    /// <summary>The value of an indicator kept by hand, for the organization and year, with where it comes from.</summary>
    public async Task<IActionResult> OnPostValueAsync(string code, string? org, string? year, int? plan, CancellationToken ct)
    {
        Posted = "value";
        var f = new PostedForm(Request.Form, ModelState);
        var numerator = f.Number("Numerator", "Tử số (hoặc số liệu)");
        var denominator = f.Number("Denominator", "Mẫu số", required: false);
        return await PostAsync(code, org, year, plan, f, (number, orgCode, y) =>
            new PlanCommands(db, clock, Scope!, HttpContext.Actor()).EnterValueAsync(number, code, orgCode, y, numerator!.Value, denominator, f.Text("Source"), ct),
            "value", ValueInputs, ct);
    }

    /// <summary>The target of the indicator allocated to a unit one level down for the year.</summary>
    public async Task<IActionResult> OnPostAllocateAsync(string code, string? org, string? year, int? plan, CancellationToken ct)
    {
        Posted = "allocation";
        var f = new PostedForm(Request.Form, ModelState);
        var unit = f.Text("Unit");
        if (unit is null)
        {
            ModelState.AddModelError("Unit", "Chọn đơn vị được giao chỉ tiêu.");
        }

        var targetValue = f.Decimal("Target", "Chỉ tiêu giao");
        var high = f.Decimal("TargetHigh", "Cận trên", required: false);
        return await PostAsync(code, org, year, plan, f, (number, _, y) =>
            new PlanCommands(db, clock, Scope!, HttpContext.Actor()).AllocateAsync(number, code, unit!, y, targetValue!.Value, high, f.Text("AllocationSource"), ct),
            "allocation", AllocationInputs, ct);
    }

    private OrgScope? Scope { get; set; }

    private async Task<IActionResult> PostAsync(
        string code, string? org, string? year, int? plan, PostedForm f, Func<string, string, int, Task> command, string what, string[] inputs, CancellationToken ct)
    {
        var page = await LoadAsync(code, org, year, plan, ct);
        if (Indicator is null || Plan is null || Board is null)
        {
            return page;
        }

        if (f.Valid)
        {
            try
            {
                await command(Plan.Number, Board.Org, Year);
                return Redirect(PlanWeb.Indicator(code, Board.Org, Year, Plan.Id) + "&da=" + what + "#nhap");
            }
            catch (PlanNotFoundException e)
            {
                ModelState.AddModelError("", e.Message);
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, inputs, Aliases);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string code, string? org, string? year, int? plan, CancellationToken ct)
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

        Scope = await HttpContext.ScopeAsync();
        try
        {
            Board = await PlanDashboards.RunAsync(db, Scope, lookup, Year, today, ct: ct, connections: () => target.CreateContext());
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

        if (Org is { } here)
        {
            CanEnterValue = Indicator?.Manual == true && Scope.Can(Operation.PlansReport, Subtree.Of(here));
            CanAllocate = Indicator is { Units.Count: > 0 } && Scope.Can(Operation.PlansWrite, Subtree.Of(here));
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
