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
/// The task lists of the plans in force for a subtree (or of one plan): each task with the six "rõ",
/// its state for the year, its evidence and linked indicators; late tasks first flagged; a task handed
/// to every direct unit with the units' own lines. Also as .xlsx.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class TasksModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public int? PlanId { get; private set; }
    public PlanTaskList? List { get; private set; }
    public IReadOnlyList<PlanTasksOfPlan> Plans { get; private set; } = [];
    public IReadOnlyList<OrgCrumb> Ancestors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? year, int? plan, CancellationToken ct)
    {
        await LoadAsync(org, year, plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, int? plan, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, plan, ct) || List is null)
        {
            return Page();
        }

        return File(PlanSheets.Tasks(List.Org, Name, Year, Plans), PlanSheets.XlsxType, $"nhiem-vu-{List.Org}-{PlanWeb.Y(Year)}.xlsx");
    }

    private async Task<bool> LoadAsync(string? org, string? year, int? plan, CancellationToken ct)
    {
        var today = Today = clock.Today();
        PlanId = plan;
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
            List = await PlanQueries.TasksAsync(db, await HttpContext.ScopeAsync(), lookup, Year, today, ct: ct);
        }
        catch (PlanNotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Plans = List.Plans.Where(p => plan is null || p.PlanId == plan).ToList();
        if (plan is not null && Plans.Count == 0)
        {
            Error = $"Không có kế hoạch này trong các kế hoạch áp dụng cho {Name} năm {Year}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        if (Org is { } o)
        {
            Ancestors = await OrgTree.AncestorsAsync(db, await HttpContext.SubtreeAsync(Operation.ReportsRead), o, ct);
        }

        ViewData["Title"] = $"Nhiệm vụ năm {Year} – {Name}";
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
