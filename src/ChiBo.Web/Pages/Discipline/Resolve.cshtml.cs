using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Ghi kết quả giải quyết khiếu nại: giữ nguyên, thay đổi hoặc xóa bỏ hình thức kỷ luật.</summary>
[Requires(Operation.DisciplineWrite)]
public sealed class ResolveModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ResolutionForm Input { get; set; } = new();

    public DecisionView? View { get; private set; }
    public AppealView? Appeal { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var decisionId = await db.DisciplineAppeals.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.DecisionId).FirstOrDefaultAsync(ct);
        View = decisionId is { } d ? await DisciplineQueries.DecisionAsync(db, d, clock.Today(), ct) : null;
        Appeal = View?.Appeals.FirstOrDefault(a => a.Id == id);
        return View is not null && Appeal is not null && await HttpContext.CanAsync(Operation.DisciplineWrite, View.Subject.Location);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Appeal!.Version;
        Input.MemberVersion = View!.SubjectVersion;
        Input.ResolvedOn = clock.Today();
        ViewData["Title"] = "Giải quyết khiếu nại";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ViewData["Title"] = "Giải quyết khiếu nại";
        try
        {
            await (await Web.Discipline.DisciplineApi.CommandsAsync(db, clock, HttpContext)).ResolveAppealAsync(id, new AppealResolution(
                Input.Version, Input.Outcome, FormDates.Required(Input.ResolvedOn, "ResolvedOn", "Ngày giải quyết"), Input.ResolutionNumber ?? "",
                Input.Outcome == AppealOutcome.Changed ? Input.NewForm : null, Input.Reason, Input.MemberVersion), ct);
            return Redirect($"/ky-luat/{View!.Decision.Id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
