using System.Globalization;
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
/// One member's year in the cell: tasks and their results, the action programme and commitment,
/// the residence cell's confirmation (working members).
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class MemberYearModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public string Code { get; private set; } = "";
    public int MemberId { get; private set; }
    public Organization? Cell { get; private set; }
    public MemberYear? Member { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public TaskInput Assignment { get; set; } = new();

    /// <summary>What was entered in a refused form, to show it again.</summary>
    public Dictionary<string, string?> Entered { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string code, int memberId, string? year, string? ok)
    {
        if (await LoadAsync(code, memberId, year))
        {
            Done = ok switch
            {
                "assign" => "Đã phân công nhiệm vụ.",
                "result" => "Đã ghi kết quả thực hiện nhiệm vụ.",
                "commitment" => "Đã ghi chương trình hành động và bản cam kết.",
                "residence" => "Đã ghi nhận xét của nơi cư trú.",
                _ => null,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string code, int memberId, string? year)
    {
        if (await GuardAsync(code, memberId, year) is { } stop)
        {
            return stop;
        }

        Assignment.MemberId = MemberId;
        if (await TaskInput.AssignAsync(Assignment, new MeetingCommands(db, clock), Cell!, Year, Today, HttpContext.RequestAborted) is { } refused)
        {
            return Refused(refused.Message, refused.Status);
        }

        return Finished("assign");
    }

    /// <summary>Kết quả thực hiện nhiệm vụ.</summary>
    public async Task<IActionResult> OnPostResultAsync(string code, int memberId, string? year)
    {
        if (await GuardAsync(code, memberId, year) is { } stop)
        {
            return stop;
        }

        var taskId = long.TryParse(Keep("taskId"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
        if (Member!.Tasks.All(x => x.Id != taskId))
        {
            return Refused("Không có nhiệm vụ này của đảng viên trong năm.", StatusCodes.Status404NotFound);
        }

        var on = CellLifeWeb.Date(Keep("resultOn")) ?? Today;
        return await RunAsync("result", (c, version, ct) =>
            c.RecordTaskResultAsync(taskId, version ?? -1, Keep("result"), Keep("completed") == "true", on, ct));
    }

    public async Task<IActionResult> OnPostCommitmentAsync(string code, int memberId, string? year)
    {
        if (await GuardAsync(code, memberId, year) is { } stop)
        {
            return stop;
        }

        var on = CellLifeWeb.Date(Keep("submittedOn")) ?? Today;
        return await RunAsync("commitment", (c, version, ct) => c.RecordCommitmentAsync(
            new CommitmentEntry(Cell!.Id, MemberId, Year, Keep("actionProgramme"), Keep("commitment"), on), version, ct));
    }

    public async Task<IActionResult> OnPostResidenceAsync(string code, int memberId, string? year)
    {
        if (await GuardAsync(code, memberId, year) is { } stop)
        {
            return stop;
        }

        var on = CellLifeWeb.Date(Keep("confirmedOn")) ?? Today;
        return await RunAsync("residence", (c, version, ct) => c.RecordResidenceConfirmationAsync(
            new ResidenceEntry(Cell!.Id, MemberId, Year, Keep("confirmedBy"), on, Keep("note")), version, ct));
    }

    public string? Was(string field) => Entered.GetValueOrDefault(field);

    private string? Keep(string field)
    {
        var value = Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;
        Entered[field] = value;
        return value;
    }

    private async Task<IActionResult> RunAsync(string ok, Func<MeetingCommands, int?, CancellationToken, Task> command)
    {
        var version = int.TryParse(Keep("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        try
        {
            await command(new MeetingCommands(db, clock), version, HttpContext.RequestAborted);
            return Finished(ok);
        }
        catch (MeetingEditConflictException e)
        {
            return Refused(e.Message, StatusCodes.Status409Conflict);
        }
        catch (MeetingRuleException e)
        {
            return Refused(e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private RedirectResult Finished(string ok) =>
        Redirect($"/chi-bo/{Uri.EscapeDataString(Code)}/nhiem-vu/{MemberId.ToString(CultureInfo.InvariantCulture)}?year={Year}&ok={ok}");

    private PageResult Refused(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads and checks the right to write; a result when the request stops here.</summary>
    private async Task<IActionResult?> GuardAsync(string code, int memberId, string? year) =>
        !await LoadAsync(code, memberId, year) ? Page() : !CanWrite ? Forbid() : null;

    private async Task<bool> LoadAsync(string code, int memberId, string? year)
    {
        Code = code;
        MemberId = memberId;
        Today = clock.Today();
        Cell = await CellLifeWeb.FindCellAsync(HttpContext, db, code, Operation.MembersRead);
        if (Cell is not null && CellLifeWeb.Year(year, Today) is { } y)
        {
            Year = y;
            Member = (await CellLifeQueries.MembersOfYearAsync(db, Cell, Year, HttpContext.RequestAborted, memberId)).FirstOrDefault();
        }

        if (Member is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        CanWrite = await CellLifeWeb.CanWriteAsync(HttpContext, Cell!);
        ViewData["Title"] = $"{Member.FullName} – nhiệm vụ năm {Year}";
        ViewData["ScopeOrg"] = Cell!.Code;
        return true;
    }
}
