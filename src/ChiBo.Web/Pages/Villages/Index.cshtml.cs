using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Villages;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Villages;

/// <summary>
/// Thôn, tổ dân phố of the communes in a subtree as they stood on a date (<see cref="VillageQueries.RegisterAsync"/>):
/// each village's cells, the chi bộ ghép that covers several villages, villages without a cell or a
/// member, and whether the village head and the front-work head are party members (003:115). A
/// committee with Orgs.Write adds a village, puts it under a cell and records its heads through
/// <see cref="VillageCommands"/>, which checks the commune is the caller's; as .xlsx.
/// </summary>
[Requires(Operation.OrgsRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : ChiBo.Web.Pages.Cadres.CadrePageModel
{
    public DateOnly AsOf { get; private set; }
    public VillageRegister? Register { get; private set; }

    public const string AddForm = "add";

    public static string CoverForm(int id) => "cover-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string HeadForm(int id) => "head-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the caller may keep the register here (the commands decide for each commune).</summary>
    public bool Keeps { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? asOf, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, asOf, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? asOf, CancellationToken ct)
    {
        if (!await LoadAsync(org, asOf, ct) || Register is not { } r)
        {
            return Page();
        }

        string Head(HeadRow? h) => h is null ? "" : h.FullName + (h.IsMember ? " (đảng viên)" : " (chưa là đảng viên)");
        var bytes = CadreWeb.Workbook(("Thôn, tổ dân phố", ["Loại", "Tên", "Xã", "Chi bộ", "Chi bộ ghép", "Trưởng thôn", "Trưởng ban công tác Mặt trận"],
            r.Villages.Select(v => new object?[]
            {
                v.Kind, v.Name, v.CommuneName, string.Join("; ", v.Cells.Select(c => c.Name)), v.Combined ? "Có" : "", Head(v.Head), Head(v.FrontWorkHead),
            })));
        return File(bytes, CadreWeb.XlsxType, $"thon-to-dan-pho-{Code}.xlsx");
    }

    public Task<IActionResult> OnPostAddAsync(string? org, CancellationToken ct) => ActOnAsync(org, AddForm, ["Commune", "Kind", "Name", "EstablishedOn"], async (f, villages) =>
    {
        var (kind, on) = (f.Choice<VillageKind>("Kind", "Loại"), f.Date("EstablishedOn", "Ngày thành lập"));
        var commune = await OrgCodes.IdAsync(db, f.Text("Commune"), ct);
        if (commune is null)
        {
            ModelState.AddModelError("Commune", "Chọn xã, phường có thôn, tổ dân phố này.");
        }

        if (!f.Valid)
        {
            return null;
        }

        await villages.AddAsync(new VillageNew(commune!.Value, kind!.Value, f.Text("Name") ?? "", on!.Value), ct);
        return "add";
    }, ct);

    public Task<IActionResult> OnPostCoverAsync(string? org, int village, CancellationToken ct) => ActOnAsync(org, CoverForm(village), ["Cell", "From"], async (f, villages) =>
    {
        var (version, from) = (f.Int("Version", "Phiên bản"), f.Date("From", "Từ ngày"));
        var cell = await OrgCodes.IdAsync(db, f.Text("Cell"), ct);
        if (cell is null)
        {
            ModelState.AddModelError("Cell", "Nhập mã chi bộ sinh hoạt ở thôn này.");
        }

        if (!f.Valid)
        {
            return null;
        }

        await villages.CoverAsync(village, version!.Value, cell!.Value, from!.Value, ct);
        return "cover";
    }, ct);

    public Task<IActionResult> OnPostHeadAsync(string? org, int village, CancellationToken ct) => ActOnAsync(org, HeadForm(village), ["Role", "FullName", "MemberId", "From"], async (f, villages) =>
    {
        var (version, role, member, from) = (f.Int("Version", "Phiên bản"), f.Choice<VillageRole>("Role", "Chức danh"), f.Int("MemberId", "Số đảng viên", required: false), f.Date("From", "Từ ngày"));
        if (!f.Valid)
        {
            return null;
        }

        await villages.SetHeadAsync(village, version!.Value, new VillageHeadInput(role!.Value, f.Text("FullName"), member, from!.Value), ct);
        return "head";
    }, ct);

    private async Task<IActionResult> ActOnAsync(
        string? org, string form, string[] inputs, Func<PostedForm, VillageCommands, Task<string?>> run, CancellationToken ct)
    {
        if (!await LoadAsync(org, null, ct))
        {
            return Page();
        }

        return await ActAsync(form, inputs, new Dictionary<string, string> { ["CommuneId"] = "Commune", ["CellId"] = "Cell" }, async f =>
            await run(f, new VillageCommands(db, clock, await HttpContext.ScopeAsync())) is { } done ? $"/thon?org={Uri.EscapeDataString(Code)}&da={done}" : null,
            () => LoadAsync(org, null, ct));
    }

    private async Task<bool> LoadAsync(string? org, string? asOf, CancellationToken ct)
    {
        if (CadreDates.Parse(asOf, clock.Today()) is not { } date)
        {
            Error = $"Ngày \"{asOf}\" không hợp lệ: cần dạng ngày/tháng/năm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        AsOf = date;
        if (await FindSubtreeAsync(db, org, Operation.OrgsRead) is not { } lookup)
        {
            return false;
        }

        Register = await VillageQueries.RegisterAsync(db, lookup, AsOf, ct: ct);
        Keeps = await HttpContext.CanAsync(Operation.OrgsWrite, lookup.Subtree);
        ViewData["Title"] = "Thôn, tổ dân phố – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
