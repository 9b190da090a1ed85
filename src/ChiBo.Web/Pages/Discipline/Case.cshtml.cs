using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>A case of inspection or supervision: who inspects whom, the findings and the decisions that followed.</summary>
[Requires(Operation.DisciplineRead)]
public sealed class CaseModel(ChiBoDb db) : PageModel
{
    public CaseView? View { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        View = await DisciplineQueries.CaseAsync(db, id, ct);
        if (View is null || !await HttpContext.CanAsync(Operation.DisciplineRead, View.Subject.Location))
        {
            return NotFound();
        }

        CanWrite = await HttpContext.CanAsync(Operation.DisciplineWrite, View.Subject.Location);
        await HttpContext.AuditReadAsync(nameof(InspectionCase), View.Case.ProvinceId, View.Case.MemberId, View.Case.OrganizationId);
        ViewData["Title"] = Labels.Of(View.Case.Kind) + " số " + View.Case.DecisionNumber;
        return Page();
    }
}
