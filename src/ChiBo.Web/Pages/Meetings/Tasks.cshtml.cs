using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Meetings;

/// <summary>
/// Phân công nhiệm vụ: the cell's members of a year, whether each has tasks, an action programme
/// and commitment, and (working members) the residence cell's confirmation; assigning a task.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class TasksModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public Organization? Cell { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MemberYear> Members { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public TaskInput Assignment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, string? year, string? ok)
    {
        if (await LoadAsync(code, year) && ok == "assign")
        {
            Done = "Đã phân công nhiệm vụ.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string code, string? year)
    {
        if (!await LoadAsync(code, year))
        {
            return Page();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (await TaskInput.AssignAsync(Assignment, new MeetingCommands(db, clock), Cell!, Year, Today, HttpContext.RequestAborted) is { } refused)
        {
            Error = refused.Message;
            Response.StatusCode = refused.Status;
            return Page();
        }

        return Redirect($"/chi-bo/{Uri.EscapeDataString(Code)}/nhiem-vu?year={Year}&ok=assign");
    }

    private async Task<bool> LoadAsync(string code, string? year)
    {
        Code = code;
        Today = clock.Today();
        if (await CellLifeWeb.FindCellYearAsync(HttpContext, db, code, year, Today) is not { } found)
        {
            return false;
        }

        (Cell, Year) = found;
        Members = await CellLifeQueries.MembersOfYearAsync(db, Cell, Year, HttpContext.RequestAborted);
        CanWrite = await CellLifeWeb.CanWriteAsync(HttpContext, Cell);
        ViewData["Title"] = $"Phân công nhiệm vụ năm {Year} – {Cell.Name}";
        ViewData["ScopeOrg"] = Cell.Code;
        return true;
    }

    public int Assigned => Members.Count(m => m.Assigned);

    public int WithCommitment => Members.Count(m => m.Commitment is not null);

    public int Working => Members.Count(m => m.NeedsResidenceComment);

    public int WorkingConfirmed => Members.Count(m => m.NeedsResidenceComment && m.Residence is not null);
}

/// <summary>The task form of the cell's pages (phân công nhiệm vụ cho đảng viên).</summary>
public sealed class TaskInput
{
    public int MemberId { get; set; }
    public string? Title { get; set; }
    public string? AssignedOn { get; set; }
    public string? DueOn { get; set; }

    /// <summary>Runs the command; null when it went through, else the Vietnamese message and the status to answer with.</summary>
    public static async Task<(string Message, int Status)?> AssignAsync(
        TaskInput input, MeetingCommands commands, Organization cell, int year, DateOnly today, CancellationToken ct)
    {
        var assignedOn = CellLifeWeb.Date(input.AssignedOn) ?? (today.Year == year ? today : new DateOnly(year, 1, 1));
        var due = CellLifeWeb.Date(input.DueOn);
        if (!string.IsNullOrWhiteSpace(input.DueOn) && due is null)
        {
            return ($"Hạn hoàn thành \"{input.DueOn}\" không phải ngày hợp lệ.", StatusCodes.Status400BadRequest);
        }

        try
        {
            await commands.AssignTaskAsync(new TaskAssignment(cell.Id, input.MemberId, year, input.Title, assignedOn, due), ct);
            return null;
        }
        catch (MeetingEditConflictException e)
        {
            return (e.Message, StatusCodes.Status409Conflict);
        }
        catch (MeetingRuleException e)
        {
            return (e.Message, StatusCodes.Status400BadRequest);
        }
    }
}
