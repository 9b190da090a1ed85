using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Mở cuộc kiểm tra, giám sát đối với một đảng viên (?member=) hoặc một tổ chức đảng (?org=).</summary>
[Requires(Operation.DisciplineWrite)]
public sealed class OpenCaseModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty]
    public CaseForm Input { get; set; } = new();

    public FormSubject? Subject { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Subject = await DisciplineForms.FindAsync(HttpContext, db, Member, Member is null ? Org : null, Operation.DisciplineWrite, ct);
        if (Subject is null)
        {
            return NotFound();
        }

        Input.OpenedOn = clock.Today();
        Input.Level = Subject.Levels.Count > 1
            ? DisciplineForms.LevelValue(Subject.Levels[^2].Code, DecidingBody.InspectionCommission)
            : DisciplineForms.LevelValue(Subject.Levels.LastOrDefault()?.Code, DecidingBody.InspectionCommission);
        ViewData["Title"] = "Mở kiểm tra, giám sát – " + Subject.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Subject = await DisciplineForms.FindAsync(HttpContext, db, Member, Member is null ? Org : null, Operation.DisciplineWrite, ct);
        if (Subject is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Mở kiểm tra, giám sát – " + Subject.Name;
        try
        {
            var (code, body) = DisciplineForms.ParseLevel(Input.Level);
            var c = await DisciplineApi.OpenAsync(await DisciplineApi.CommandsAsync(db, clock, HttpContext), db, new CaseOpenRequest(
                Input.Kind, Subject.MemberId, Subject.OrgCode, code, body, Input.DecisionNumber ?? "",
                FormDates.Required(Input.OpenedOn, "OpenedOn", "Ngày bắt đầu"), Input.DueOn, Input.Content ?? ""), ct);
            return Redirect($"/ky-luat/kiem-tra/{c.Id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
