using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using ChiBo.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Plans;

/// <summary>
/// One task of a plan as the subtree sees it (<c>?org=</c>, the caller's top when absent: where a
/// reminder's link lands): the six "rõ", its state, evidence and linked indicators, and for the unit
/// that leads it the form to report status, progress and evidence through
/// <see cref="PlanCommands.ReportTaskAsync"/>, which decides who may report and what a report needs.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class TaskModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    private static readonly string[] Inputs = ["Status", "Progress", "CompletedOn", "EvidenceNumber", "EvidenceDate", "DocumentId", "Note"];

    public int Id { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public PlanTasksOfPlan? Plan { get; private set; }
    public TaskLine? Line { get; private set; }

    /// <summary>The fanned-out task this line is a unit's part of.</summary>
    public TaskLine? Parent { get; private set; }

    /// <summary>The caller leads the task (Plans.Report on its lead organization) and it is not handed out to the units.</summary>
    public bool CanReport { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? org, string? year, string? da, CancellationToken ct)
    {
        Saved = da == "1";
        await LoadAsync(id, org, year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? org, string? year, CancellationToken ct)
    {
        if (!await LoadAsync(id, org, year, ct))
        {
            return NotFound();
        }

        var f = new PostedForm(Request.Form, ModelState);
        var status = f.Choice<PlanTaskStatus>("Status", "tình trạng");
        var progress = f.Int("Progress", "Tiến độ", required: false);
        var completed = f.Date("CompletedOn", "Ngày hoàn thành", required: false);
        var evidenceDate = f.Date("EvidenceDate", "Ngày văn bản minh chứng", required: false);
        var document = f.Number("DocumentId", "Mã văn bản trong thư viện", required: false);
        if (f.Valid)
        {
            try
            {
                await new PlanCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor()).ReportTaskAsync(Id, new TaskProgress(
                    status!.Value, progress, Year, completed, f.Text("EvidenceNumber"), evidenceDate, document, f.Text("Note")), ct);
                return Redirect(PlanWeb.Task(Id, Code, Year) + "&da=1");
            }
            catch (PlanNotFoundException)
            {
                return NotFound();
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, Inputs);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, string? org, string? year, CancellationToken ct)
    {
        Id = id;
        Today = clock.Today();
        if (CellLifeWeb.Year(year, Today) is not { } y)
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
            var list = await PlanQueries.TasksAsync(db, await HttpContext.ScopeAsync(), lookup, Year, Today, ct: ct);
            foreach (var plan in list.Plans)
            {
                foreach (var t in plan.Tasks)
                {
                    if (t.Id == id)
                    {
                        (Plan, Line) = (plan, t);
                    }
                    else if (t.Units.FirstOrDefault(u => u.Id == id) is { } unit)
                    {
                        (Plan, Line, Parent) = (plan, unit, t);
                    }
                }
            }
        }
        catch (PlanNotFoundException e)
        {
            Error = e.Message;
        }

        if (Line is null || Plan is null)
        {
            Error ??= $"Không có nhiệm vụ này trong các kế hoạch áp dụng cho {Name} năm {Year}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var row = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == id, ct);
        var leadId = row.LeadOrganizationId ?? await db.Plans.Where(p => p.Id == row.PlanId).Select(p => p.OrganizationId).SingleAsync(ct);
        var lead = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == leadId, ct);
        CanReport = !row.FansOut && await HttpContext.CanAsync(Operation.PlansReport, Subtree.Of(lead));
        ViewData["Title"] = $"Nhiệm vụ {Line.No} – {Plan.Number}";
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
