using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
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
/// thôi miễn, xóa tên, cho ra khỏi Đảng, từ trần — each with decision number, date and level.
/// Khai trừ is a discipline decision (/ky-luat/quyet-dinh/moi).
/// </summary>
[Requires(Operation.MembersWrite)]
public sealed class StandingModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Slug, MemberLifeApi.Action Action, string Title)> Actions =
    [
        ("mien-sinh-hoat", MemberLifeApi.Action.Exempt, "Miễn công tác và sinh hoạt đảng"),
        ("thoi-mien", MemberLifeApi.Action.EndExemption, "Thôi miễn công tác và sinh hoạt đảng"),
        ("xoa-ten", MemberLifeApi.Action.StrikeOff, "Xóa tên trong danh sách đảng viên"),
        ("ra-khoi-dang", MemberLifeApi.Action.Remove, "Cho ra khỏi Đảng"),
        ("tu-tran", MemberLifeApi.Action.Die, "Ghi nhận đảng viên từ trần"),
    ];

    public sealed class StandingForm
    {
        public int Version { get; set; }
        public DateOnly? Date { get; set; }
        public string? DecisionNumber { get; set; }
        public string? Level { get; set; }
        public string? Reason { get; set; }
        public ExemptionGround? Ground { get; set; }
        public DateOnly? ReviewOn { get; set; }
    }

    [BindProperty]
    public StandingForm Input { get; set; } = new();

    public FormSubject? Subject { get; private set; }
    public (string Slug, MemberLifeApi.Action Action, string Title) Current { get; private set; }
    public IReadOnlyList<string> LevelNames { get; private set; } = [];
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

        // The cell decides exemption; xóa tên and cho ra khỏi Đảng are decided by the committee above it.
        LevelNames = Subject.Levels.AsEnumerable().Reverse()
            .Select(l => DisciplineNames.Level(l.Kind is ChiBo.Organizations.OrgKind.Cell or ChiBo.Organizations.OrgKind.BaseCell ? DecidingBody.Cell : DecidingBody.Committee, l.Name))
            .ToList();
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
        Input.Level = Current.Action is MemberLifeApi.Action.Exempt or MemberLifeApi.Action.EndExemption || LevelNames.Count < 2 ? LevelNames[0] : LevelNames[1];
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
                Input.Version, FormDates.Required(Input.Date, "Date", "Ngày"), Input.DecisionNumber, Input.Level, Input.Reason, Input.Ground, Input.ReviewOn),
                db, clock, HttpContext, ct);
            return Redirect($"/dang-vien/{id}");
        }
        catch (RuleViolationException e)
        {
            (Problem, ProblemField) = (e.Message, e.Field);
            Response.StatusCode = e is EditConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
