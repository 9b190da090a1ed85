using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// A cadre's file (hồ sơ cán bộ): the register's qualifications, the seats held, the management
/// pools, planning, rotations, training and quarters the caller may see (<see cref="CadreQueries.FileAsync"/>),
/// and the extra attributes of cadre work (IT qualification, posts outside the Party), kept through
/// <see cref="CadreCommands.SaveProfileAsync"/>. Outside the caller's subtree: not found.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class FileModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string ProfileForm = "profile";
    private static readonly string[] Inputs = ["It", "GovernmentPost", "FrontPost", "VillagePost", "RetiredCadre", "Veteran"];

    public CadreFile? Cadre { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(memberId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct))
        {
            return Page();
        }

        return await ActAsync(ProfileForm, Inputs, null, async f =>
        {
            var it = f.Choice<ItQualification>("It", "Trình độ tin học", ItQualification.None);
            var version = f.Int("Version", "Phiên bản", required: false) ?? 0;
            if (!f.Valid)
            {
                return null;
            }

            var commands = new CadreCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());
            await commands.SaveProfileAsync(memberId, new CadreProfileInput(
                version, it!.Value, f.Text("GovernmentPost"), f.Text("FrontPost"), f.Text("VillagePost"), f.Bool("RetiredCadre"), f.Bool("Veteran")), ct);
            return CadreWeb.File(memberId) + "?da=profile";
        }, () => LoadAsync(memberId, ct));
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        Cadre = await CadreQueries.FileAsync(db, await HttpContext.ScopeAsync(), memberId, clock.Today(), ct);
        if (Cadre is null)
        {
            Error = "Không có hồ sơ cán bộ này trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        await HttpContext.AuditReadAsync("Hồ sơ cán bộ", null, memberId, null);
        ViewData["Title"] = "Hồ sơ cán bộ – " + Cadre.FullName;
        return true;
    }
}
