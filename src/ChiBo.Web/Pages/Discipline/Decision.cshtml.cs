using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>A discipline decision: who, what, by which level, the case behind it and its appeals.</summary>
[Requires(Operation.DisciplineRead)]
public sealed class DecisionModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public DecisionView? View { get; private set; }
    public bool CanWrite { get; private set; }
    public DateOnly AppealDeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        View = await DisciplineQueries.DecisionAsync(db, id, clock.Today(), ct);
        if (View is null || !await HttpContext.CanAsync(Operation.DisciplineRead, View.Subject.Location))
        {
            return NotFound();
        }

        CanWrite = await HttpContext.CanAsync(Operation.DisciplineWrite, View.Subject.Location);
        var lastAnswer = View.Appeals.LastOrDefault()?.ResolvedOn;
        AppealDeadline = DisciplinePolicy.Default.AppealDeadline(lastAnswer ?? View.Decision.ReceivedOn);
        await HttpContext.AuditReadAsync(nameof(DisciplineDecision), View.Decision.ProvinceId, View.Decision.MemberId, View.Decision.OrganizationId);
        ViewData["Title"] = "Quyết định kỷ luật số " + View.Decision.DecisionNumber;
        return Page();
    }
}
