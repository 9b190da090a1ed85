using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Ghi đơn khiếu nại một quyết định kỷ luật, gửi cấp trên.</summary>
[Requires(Operation.DisciplineWrite)]
public sealed class AppealModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AppealForm Input { get; set; } = new();

    public DecisionView? View { get; private set; }
    public FormSubject? Subject { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        View = await DisciplineQueries.DecisionAsync(db, id, clock.Today(), ct);
        if (View is null)
        {
            return false;
        }

        Subject = await DisciplineForms.FindAsync(HttpContext, db, View.Decision.MemberId,
            View.Decision.MemberId is null ? View.Subject.OrgCode : null, Operation.DisciplineWrite, ct);
        return Subject is not null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.FiledOn = clock.Today();
        var province = Subject!.Levels.FirstOrDefault();
        Input.Level = DisciplineForms.LevelValue(province?.Code, DecidingBody.InspectionCommission);
        ViewData["Title"] = "Khiếu nại quyết định số " + View!.Decision.DecisionNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ViewData["Title"] = "Khiếu nại quyết định số " + View!.Decision.DecisionNumber;
        try
        {
            var (code, body) = DisciplineForms.ParseLevel(Input.Level);
            await DisciplineApi.AppealAsync(await DisciplineApi.CommandsAsync(db, clock, HttpContext), db, id,
                new AppealRequest(FormDates.Required(Input.FiledOn, "FiledOn", "Ngày khiếu nại"), code, body, Input.Content), ct);
            return Redirect($"/ky-luat/{id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
