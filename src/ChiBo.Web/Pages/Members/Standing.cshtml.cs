using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using ChiBo.Web.Members;
using ChiBo.Web.Pages.Discipline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>
/// Quyết định về đảng tịch on the member's page: miễn sinh hoạt (with ground and review date),
/// thôi miễn, xóa tên, cho ra khỏi Đảng, từ trần — each with decision number and date, recorded by
/// the level <see cref="StandingPolicy"/> names (shown, not chosen); a caller who does not act there
/// is told who does. Khai trừ is a discipline decision (/ky-luat/quyet-dinh/moi).
/// </summary>
[Requires(Operation.MembersWrite)]
public sealed class StandingModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Slug, StandingAction Action, string Title)> Actions =
    [
        ("mien-sinh-hoat", StandingAction.Exempt, StandingPolicy.NameOf(StandingAction.Exempt)),
        ("thoi-mien", StandingAction.EndExemption, StandingPolicy.NameOf(StandingAction.EndExemption)),
        ("xoa-ten", StandingAction.StrikeOff, StandingPolicy.NameOf(StandingAction.StrikeOff)),
        ("ra-khoi-dang", StandingAction.Remove, StandingPolicy.NameOf(StandingAction.Remove)),
        ("tu-tran", StandingAction.Die, StandingPolicy.NameOf(StandingAction.Die)),
    ];

    public sealed class StandingForm
    {
        public int Version { get; set; }
        public DateOnly? Date { get; set; }
        public string? DecisionNumber { get; set; }
        public string? Reason { get; set; }
        public ExemptionGround? Ground { get; set; }
        public DateOnly? ReviewOn { get; set; }
    }

    [BindProperty]
    public StandingForm Input { get; set; } = new();

    public FormSubject? Subject { get; private set; }
    public (string Slug, StandingAction Action, string Title) Current { get; private set; }

    /// <summary>Who decides this for the member, and whether the caller acts there (else the form is not shown).</summary>
    public StandingDecider? Decider { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    private async Task<bool> LoadAsync(int id, string what, CancellationToken ct)
    {
        Current = Actions.FirstOrDefault(a => a.Slug == what);
        if (Current.Slug is null)
        {
            return false;
        }

        Subject = await DisciplineForms.FindAsync(HttpContext, db, id, null, Operation.MembersWrite, ct);
        if (Subject is null)
        {
            return false;
        }

        Decider = (await MemberStandingCommands.DeciderAsync(db, await HttpContext.ScopeAsync(), id, Current.Action, ct: ct))?.Decider;
        ViewData["Title"] = Current.Title + " – " + Subject.Name;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, string what, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, what, ct))
        {
            return NotFound();
        }

        Input.Version = Subject!.Version;
        Input.Date = clock.Today();
        Input.Reason = reason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string what, CancellationToken ct)
    {
        if (!await LoadAsync(id, what, ct))
        {
            return NotFound();
        }

        try
        {
            await MemberLifeApi.DoAsync(Current.Action, id, new MemberDecisionRequest(
                Input.Version, FormDates.Required(Input.Date, "Date", "Ngày"), Input.DecisionNumber, Input.Reason, Input.Ground, Input.ReviewOn),
                db, clock, HttpContext, ct);
            return Redirect($"/dang-vien/{id}");
        }
        catch (Exception e) when (RuleProblems.StatusOf(e) is { } status)
        {
            (Problem, ProblemField) = (e.Message, (e as RuleViolationException)?.Field);
            Response.StatusCode = status;
            return Page();
        }
    }
}
