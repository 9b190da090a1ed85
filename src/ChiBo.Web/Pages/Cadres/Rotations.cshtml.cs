using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Luân chuyển, điều động, biệt phái decided by the managing committees of a subtree the caller
/// may see, running in a span of dates (the last five years by default), with the counts the plans
/// ask for (to communes, young cadres); recorded and ended through <see cref="CadreCommands"/>; as .xlsx.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class RotationsModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string AddForm = "rotation";

    public static string EndForm(int id) => $"rotation-{id}-end";

    private static readonly string[] Inputs =
        ["ManagingOrg", "MemberId", "Kind", "FromOrg", "FromPost", "ToOrg", "ToPost", "StartsOn", "PlannedEndOn", "DecisionNumber"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ManagingOrgId"] = "ManagingOrg", ["FromOrgId"] = "FromOrg", ["ToOrgId"] = "ToOrg",
    };

    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public RotationList? List { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<Organization> Managers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? from, string? to, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, from, to, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? from, string? to, CancellationToken ct)
    {
        if (!await LoadAsync(org, from, to, ct) || List is null)
        {
            return Page();
        }

        var rows = List.Rotations.Select(r => new object?[]
        {
            r.FullName, r.Kind, r.FromOrg, r.FromPost, r.ToOrg, r.ToPost, VietnameseFormats.Date(r.StartsOn), VietnameseFormats.Date(r.PlannedEndOn),
            VietnameseFormats.Date(r.EndedOn), r.DecisionNumber, r.ManagingOrg, r.Young ? "Có" : null, r.ToCommune ? "Có" : null,
        });
        return File(CadreWeb.Workbook(("Luân chuyển", [
            "Họ và tên", "Hình thức", "Nơi đi", "Chức vụ nơi đi", "Nơi đến", "Chức vụ nơi đến", "Từ ngày", "Thời hạn dự kiến", "Đã kết thúc", "Quyết định",
            "Cấp quyết định", "Cán bộ trẻ", "Về cấp xã",
        ], rows)), CadreWeb.XlsxType, $"luan-chuyen-{List.Org}.xlsx");
    }

    public Task<IActionResult> OnPostAddAsync(string? org, string? from, string? to, CancellationToken ct) =>
        WithPageAsync(org, from, to, ct, () => ActAsync(AddForm, Inputs, Aliases, async f =>
        {
            var member = f.Int("MemberId", "Số đảng viên");
            var kind = f.Choice<RotationKind>("Kind", "hình thức");
            var (starts, planned) = (f.Date("StartsOn", "Ngày bắt đầu"), f.Date("PlannedEndOn", "Thời hạn dự kiến", required: false));
            if (!f.Valid)
            {
                return null;
            }

            var manager = await OrgIdAsync(f.Text("ManagingOrg"), "ManagingOrg", ct);
            var fromOrg = await OrgIdAsync(f.Text("FromOrg"), "FromOrg", ct);
            var toOrg = await OrgIdAsync(f.Text("ToOrg"), "ToOrg", ct);
            await (await CommandsAsync()).AddRotationAsync(new RotationNew(
                manager, member!.Value, kind!.Value, fromOrg, f.Text("FromPost") ?? "", toOrg, f.Text("ToPost") ?? "", starts!.Value, planned, f.Text("DecisionNumber") ?? ""), ct);
            return CadreWeb.Rotations(Code) + "&da=added";
        }, () => LoadAsync(org, from, to, ct)));

    public Task<IActionResult> OnPostEndAsync(string? org, string? from, string? to, int rotation, CancellationToken ct) =>
        WithPageAsync(org, from, to, ct, () => ActAsync(EndForm(rotation), ["On"], new Dictionary<string, string> { ["RotationId"] = "On" }, async f =>
        {
            var on = f.Date("On", "Ngày kết thúc");
            var version = f.Int("Version", "Phiên bản", required: false) ?? 0;
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).EndRotationAsync(rotation, version, on!.Value, ct);
            return CadreWeb.Rotations(Code) + "&da=ended#lc-" + CadreWeb.I(rotation);
        }, () => LoadAsync(org, from, to, ct)));

    private async Task<CadreCommands> CommandsAsync() => new(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());

    /// <summary>An organization chosen by code; the command checks it belongs to the province and the caller may act for it.</summary>
    private async Task<int> OrgIdAsync(string? code, string field, CancellationToken ct) =>
        await OrgCodes.IdAsync(db, code, ct)
        ?? throw new RuleViolationException(field, code is null ? "Chưa chọn tổ chức đảng." : $"Không có tổ chức đảng mã \"{code}\".");

    private async Task<IActionResult> WithPageAsync(string? org, string? from, string? to, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(org, from, to, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(string? org, string? from, string? to, CancellationToken ct)
    {
        Today = clock.Today();
        if (CadreDates.Range(from, to, Today) is not { } range)
        {
            Error = CadreDates.BadRange;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        (From, To) = range;
        if (await FindSubtreeAsync(db, org, Operation.CadresRead) is not { } lookup)
        {
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        List = await CadreQueries.RotationsAsync(db, scope, lookup, From, To, Today, ct);
        Managers = await CadreAccess.VisibleManagersAsync(db, scope, Operation.CadresWrite, lookup.Subtree, ct);
        MayWrite = Managers.Count > 0;
        if (MayWrite)
        {
            People = await CadreWeb.PeopleAsync(db, lookup.Subtree, 500, ct);
            Orgs = await CadreWeb.OrgsAsync(db, lookup.Subtree, 300, ct);
        }

        await HttpContext.AuditReadAsync("Rotations", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Luân chuyển cán bộ – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
