using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Quy hoạch: the planning pools of the organizations in a subtree kept by committees the caller
/// may see (the province board and the đảng ủy trực thuộc, <see cref="CadreAccess"/>), each title's
/// candidates, and the titles without one; new pools, candidates added and taken out with the
/// reason through <see cref="CadreCommands"/>; as .xlsx.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class PlanningModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string PoolForm = "pool";

    public static string AddForm(int pool) => $"pool-{pool}-add";

    public static string RemoveForm(int entry) => $"candidate-{entry}-remove";

    public DateOnly Today { get; private set; }
    public PlanningList? List { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct) || List is null)
        {
            return Page();
        }

        var pools = List.Pools.Select(p => new object?[]
        {
            p.OrgCode, p.OrgName, p.Title, $"{p.TermFrom}–{p.TermTo}", VietnameseFormats.Date(p.ApprovedOn), p.DecisionNumber, p.ManagingOrg,
            p.Candidates.Count(c => c.RemovedOn is null),
        });
        var candidates = List.Pools.SelectMany(p => p.Candidates.Select(c => new object?[]
        {
            p.OrgName, p.Title, $"{p.TermFrom}–{p.TermTo}", c.FullName, c.Age, VietnameseFormats.Date(c.AddedOn), VietnameseFormats.Date(c.RemovedOn), c.RemovalReason,
        }));
        return File(CadreWeb.Workbook(
            ("Quy hoạch", ["Mã tổ chức", "Tổ chức đảng", "Chức danh", "Nhiệm kỳ", "Ngày phê duyệt", "Quyết định", "Cấp quản lý", "Số người trong quy hoạch"], pools),
            ("Cán bộ quy hoạch", ["Tổ chức đảng", "Chức danh", "Nhiệm kỳ", "Họ và tên", "Tuổi", "Ngày đưa vào", "Ngày đưa ra", "Lý do đưa ra"], candidates)),
            CadreWeb.XlsxType, $"quy-hoach-{List.Org}.xlsx");
    }

    public Task<IActionResult> OnPostPoolAsync(string? org, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(PoolForm, ["Organization", "Title", "TermFrom", "TermTo", "ApprovedOn", "DecisionNumber"],
            new Dictionary<string, string> { ["OrganizationId"] = "Organization" }, async f =>
            {
                var code = f.Text("Organization");
                var title = f.Choice<CommitteePosition>("Title", "chức danh");
                var (from, to) = (f.Int("TermFrom", "Năm đầu nhiệm kỳ"), f.Int("TermTo", "Năm cuối nhiệm kỳ"));
                var approved = f.Date("ApprovedOn", "Ngày phê duyệt");
                if (!f.Valid)
                {
                    return null;
                }

                var orgId = await OrgInScopeAsync(code, ct);
                await (await CommandsAsync()).AddPlanningPoolAsync(new PlanningPoolNew(orgId, title!.Value, from!.Value, to!.Value, approved!.Value, f.Text("DecisionNumber")), ct);
                return CadreWeb.Planning(Code) + "&da=pool";
            }, () => LoadAsync(org, ct)));

    public Task<IActionResult> OnPostAddAsync(string? org, int pool, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(AddForm(pool), ["MemberId", "On"], new Dictionary<string, string> { ["PoolId"] = "MemberId" }, async f =>
        {
            var (member, on) = (f.Int("MemberId", "Số đảng viên"), f.Date("On", "Ngày đưa vào quy hoạch"));
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).AddCandidateAsync(pool, member!.Value, on!.Value, ct);
            return CadreWeb.Planning(Code) + "&da=added#qh-" + CadreWeb.I(pool);
        }, () => LoadAsync(org, ct)));

    public Task<IActionResult> OnPostRemoveAsync(string? org, int pool, int entry, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(RemoveForm(entry), ["On", "Reason"], new Dictionary<string, string> { ["EntryId"] = "Reason", ["PoolId"] = "Reason" }, async f =>
        {
            var on = f.Date("On", "Ngày đưa ra khỏi quy hoạch");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).RemoveCandidateAsync(pool, entry, on!.Value, f.Text("Reason") ?? "", ct);
            return CadreWeb.Planning(Code) + "&da=removed#qh-" + CadreWeb.I(pool);
        }, () => LoadAsync(org, ct)));

    private async Task<CadreCommands> CommandsAsync() => new(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());

    private async Task<int> OrgInScopeAsync(string? code, CancellationToken ct)
    {
        var lookup = code is null ? OrgLookup.NotFound : await HttpContext.FindAsync(db, code, Operation.CadresRead);
        return lookup is { Found: true, Organization: { } o }
            ? o.Id
            : throw new RuleViolationException("Organization", code is null ? "Chưa chọn tổ chức đảng." : $"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn.");
    }

    private async Task<IActionResult> WithPageAsync(string? org, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(org, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(string? org, CancellationToken ct)
    {
        Today = clock.Today();
        if (await FindSubtreeAsync(db, org, Operation.CadresRead) is not { } lookup)
        {
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        List = await CadreQueries.PlanningAsync(db, scope, lookup, Today, ct);
        MayWrite = scope.Can(Operation.CadresWrite);
        if (MayWrite)
        {
            People = await CadreWeb.PeopleAsync(db, lookup.Subtree, 500, ct);
            Orgs = await CadreWeb.OrgsAsync(db, lookup.Subtree, 300, ct);
        }

        await HttpContext.AuditReadAsync("PlanningPools", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Quy hoạch cán bộ – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
