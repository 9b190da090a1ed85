using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>
/// Ghi quyết định kỷ luật đối với một đảng viên (?member=) hoặc một tổ chức đảng (?org=), after a
/// case (?case=) or not. Khai trừ ends the membership, giải tán dissolves the organization.
/// </summary>
[Requires(Operation.DisciplineWrite)]
public sealed class NewDecisionModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "case")]
    public int? Case { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public FormSubject? Subject { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    public IReadOnlyList<DisciplineForm> Forms => DisciplinePolicy.FormsFor(Subject!.Kind, Subject.Probationary);

    public async Task<IActionResult> OnGetAsync(string? form, CancellationToken ct)
    {
        Subject = await DisciplineForms.FindAsync(HttpContext, db, Member, Member is null ? Org : null, Operation.DisciplineWrite, ct);
        if (Subject is null)
        {
            return NotFound();
        }

        Input.DecidedOn = clock.Today();
        Input.CaseId = Case;
        Input.SubjectVersion = Subject.Version;
        if (Labels.TryParseApiName<DisciplineForm>(form, out var f) && Forms.Contains(f))
        {
            Input.Form = f;
        }

        Input.Level = Subject.Kind == DisciplineSubject.Member && Input.Form is DisciplineForm.Reprimand or DisciplineForm.Warning
            ? DisciplineForms.LevelValue(Subject.Levels[^1].Code, DecidingBody.Cell)
            : DisciplineForms.LevelValue(Subject.Levels.FirstOrDefault(l => l.Kind == ChiBo.Organizations.OrgKind.SuperiorToBase)?.Code ?? Subject.Levels.FirstOrDefault()?.Code, DecidingBody.InspectionCommission);
        ViewData["Title"] = "Quyết định kỷ luật – " + Subject.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Subject = await DisciplineForms.FindAsync(HttpContext, db, Member, Member is null ? Org : null, Operation.DisciplineWrite, ct);
        if (Subject is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Quyết định kỷ luật – " + Subject.Name;
        try
        {
            var (code, body) = DisciplineForms.ParseLevel(Input.Level);
            var d = await DisciplineApi.DecideAsync(await DisciplineApi.CommandsAsync(db, clock, HttpContext), db, new DecisionRequest(
                Subject.MemberId, Subject.OrgCode, Input.Form, Input.DecisionNumber ?? "", FormDates.Required(Input.DecidedOn, "DecidedOn", "Ngày quyết định"),
                code, body, Input.Reason ?? "", Input.CaseId, Input.ReceivedOn, Input.ViolationOn, Input.Position, Input.SubjectVersion,
                string.IsNullOrWhiteSpace(Input.MoveMembersToCell) ? null : Input.MoveMembersToCell), ct);
            return Redirect($"/ky-luat/{d.Id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
