using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Ghi kết luận kiểm tra, giám sát.</summary>
[Requires(Operation.DisciplineWrite)]
public sealed class FindingsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FindingsForm Input { get; set; } = new();

    public CaseView? View { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        View = await DisciplineQueries.CaseAsync(db, id, ct);
        return View is not null && await HttpContext.CanAsync(Operation.DisciplineWrite, View.Subject.Location);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = View!.Case.Version;
        Input.ConcludedOn = clock.Today();
        ViewData["Title"] = "Kết luận kiểm tra số " + View.Case.DecisionNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ViewData["Title"] = "Kết luận kiểm tra số " + View!.Case.DecisionNumber;
        try
        {
            await (await Web.Discipline.DisciplineApi.CommandsAsync(db, clock, HttpContext)).ConcludeCaseAsync(id, new CaseFindings(
                Input.Version, FormDates.Required(Input.ConcludedOn, "ConcludedOn", "Ngày kết luận"), Input.Conclusion, Input.Findings ?? ""), ct);
            return Redirect($"/ky-luat/kiem-tra/{id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
