using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// One committee: its term, congress, seats and vacancies, who sits in which position since when,
/// every seat it ever had, and the organization's other terms. The level above adds a seat (bầu
/// bổ sung, chỉ định), ends one for a reason, changes a position and forms the next term, each a
/// <see cref="CommitteeCommands"/> call; a committee outside the caller's subtree is not found.
/// </summary>
[Requires(Operation.OrgsRead)]
public sealed class CommitteeModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string AddForm = "seat-add";

    public static string EndForm(int member) => $"seat-{member}-end";

    public static string PositionForm(int member) => $"seat-{member}-position";

    public DateOnly Today { get; private set; }
    public CommitteeDetail? Detail { get; private set; }
    public Organization? CommitteeOrg { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["OrganizationId"] = "On", ["CommitteeId"] = "On" };

    public async Task<IActionResult> OnGetAsync(int id, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(AddForm, ["MemberId", "Position", "On", "Reason", "DecisionNumber"], Aliases, async f =>
        {
            var member = f.Int("MemberId", "Số đảng viên");
            var position = f.Choice<CommitteePosition>("Position", "chức vụ");
            var reason = f.Choice<MembershipChange>("Reason", "hình thức");
            var on = f.Date("On", "Ngày bắt đầu");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).AddMemberAsync(id, Version(f), new MembershipStart(member!.Value, position!.Value, on!.Value, reason!.Value, f.Text("DecisionNumber")), ct);
            return CadreWeb.Committee(id) + "?da=added#cap-uy-vien";
        }, () => LoadAsync(id, ct)));

    public Task<IActionResult> OnPostEndAsync(int id, int member, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(EndForm(member), ["On", "Reason", "DecisionNumber"], Aliases, async f =>
        {
            var reason = f.Choice<MembershipChange>("Reason", "lý do");
            var on = f.Date("On", "Ngày thôi");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).EndMembershipAsync(id, Version(f), member, new MembershipEnd(on!.Value, reason!.Value, f.Text("DecisionNumber")), ct);
            return CadreWeb.Committee(id) + "?da=ended#cap-uy-vien";
        }, () => LoadAsync(id, ct)));

    public Task<IActionResult> OnPostPositionAsync(int id, int member, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(PositionForm(member), ["Position", "On", "DecisionNumber"], Aliases, async f =>
        {
            var position = f.Choice<CommitteePosition>("Position", "chức vụ");
            var on = f.Date("On", "Ngày thay đổi");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).ChangePositionAsync(id, Version(f), member, new PositionChange(position!.Value, on!.Value, f.Text("DecisionNumber")), ct);
            return CadreWeb.Committee(id) + "?da=position#cap-uy-vien";
        }, () => LoadAsync(id, ct)));

    private async Task<CommitteeCommands> CommandsAsync() => new(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());

    private static int Version(PostedForm f) => f.Int("Version", "Phiên bản", required: false) ?? 0;

    private async Task<IActionResult> WithPageAsync(int id, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(id, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        Detail = null;
        var orgId = await CommitteeQueries.OrganizationOfAsync(db, id, ct);
        var org = orgId is null ? null : await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        if (org is null || !await HttpContext.CanAsync(Operation.OrgsRead, Subtree.Of(org)))
        {
            Error = $"Không có cấp ủy số {id} trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        CommitteeOrg = org;
        Detail = await CommitteeQueries.DetailAsync(db, id, Today, ct);
        var scope = await HttpContext.ScopeAsync();
        MayWrite = scope.Can(Operation.CommitteesWrite, Subtree.Of(org));
        if (MayWrite)
        {
            People = await CadreWeb.PeopleAsync(db, Subtree.Of(org), 500, ct);
        }

        ViewData["Title"] = $"Cấp ủy {org.Name} nhiệm kỳ {Detail!.Committee.Term}";
        ViewData["ScopeOrg"] = org.Code;
        return true;
    }
}
