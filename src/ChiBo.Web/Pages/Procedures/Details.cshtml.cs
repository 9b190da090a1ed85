using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Procedures;
using ChiBo.Web.Access;
using ChiBo.Web.Procedures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Procedures;

/// <summary>
/// One request: particulars, the steps and who acts at each, the timeline, and the buttons the
/// caller may use now (approve or reject for the committee of the waiting step, withdraw for the member).
/// </summary>
[Requires(Operation.SignedIn)]
public sealed class DetailsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public int Id { get; private set; }
    public ProcedureDetails? Details { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        RunAsync(id, c => c.ApproveAsync(id, new ProcedureDecision(Version, Comment, Number), ct));

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        RunAsync(id, c => c.RejectAsync(id, Version, Reason, ct));

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        RunAsync(id, c => c.WithdrawAsync(id, Version, Reason, ct));

    /// <summary>A command from the page: back to the request when done (post, redirect, get), else the page with the refusal.</summary>
    private async Task<IActionResult> RunAsync(int id, Func<ProcedureCommands, Task<ProcedureRequest>> command)
    {
        try
        {
            await command(new ProcedureCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor(), HttpContext.CccdPolicy()));
            return Redirect("/thu-tuc/" + id.ToString(CultureInfo.InvariantCulture));
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (ForbiddenException e)
        {
            (Problem, Response.StatusCode) = (e.Message, StatusCodes.Status403Forbidden);
        }
        catch (EditConflictException e)
        {
            (Problem, Response.StatusCode) = (e.Message, StatusCodes.Status409Conflict);
        }
        catch (RuleViolationException e)
        {
            (Problem, Response.StatusCode) = (e.Message, StatusCodes.Status400BadRequest);
        }

        var status = Response.StatusCode;
        await LoadAsync(id);
        Response.StatusCode = Details is null ? StatusCodes.Status404NotFound : status;
        return Page();
    }

    private async Task LoadAsync(int id)
    {
        Id = id;
        Details = await ProceduresApi.ReadAsync(HttpContext, db, clock, id);
        if (Details is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ViewData["Title"] = "Không tìm thấy hồ sơ thủ tục";
            return;
        }

        ViewData["Title"] = $"Hồ sơ số {id.ToString(CultureInfo.InvariantCulture)} — {Details.Request.KindName}";
    }
}
