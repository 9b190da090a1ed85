using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// One quarter of a management pool: every cadre's evaluation with its step, score and band, the
/// distribution of bands, and the step of the period (open → rà soát → khóa) through
/// <see cref="EvaluationCommands.SetPeriodStateAsync"/>. Seen by the pool's committee and the
/// province board only; anyone else finds nothing.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class PeriodModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string StateForm = "state";

    public PeriodView? View { get; private set; }
    public bool Keeps { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The quarter's evaluations (step, score, band) as a workbook.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || View is not { } v)
        {
            return Page();
        }

        var bytes = CadreWeb.Workbook(("Đánh giá", ["Họ và tên", "Bước", "Điểm", "Mức", "Kết quả", "Chậm tiến bộ"],
            v.Evaluations.Select(e => new object?[] { e.FullName, e.State, e.Score, e.Band, e.Outcome, e.Behind ? "Có" : "" })));
        return File(bytes, CadreWeb.XlsxType, $"danh-gia-{CadreWeb.I(v.Year)}-q{CadreWeb.I(v.Quarter)}-{CadreWeb.I(v.Id)}.xlsx");
    }

    public async Task<IActionResult> OnPostStateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Page();
        }

        return await ActAsync(StateForm, ["State"], new Dictionary<string, string> { ["PeriodId"] = "State", ["PoolId"] = "State" }, async f =>
        {
            var state = f.Choice<PeriodState>("State", "bước");
            var version = f.Int("Version", "Phiên bản", required: false) ?? 0;
            if (!f.Valid)
            {
                return null;
            }

            await new EvaluationCommands(db, clock, await HttpContext.ScopeAsync()).SetPeriodStateAsync(id, version, state!.Value, ct);
            return CadreWeb.Period(id) + "?da=state";
        }, () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        View = null;
        var orgId = await EvaluationQueries.ManagingOrgOfPeriodAsync(db, id, ct);
        var org = orgId is null ? null : await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var scope = await HttpContext.ScopeAsync();
        if (org is null || !CadreAccess.MaySee(scope, Operation.CadresRead, org))
        {
            Error = $"Không có kỳ đánh giá số {id} trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        View = await EvaluationQueries.PeriodAsync(db, id, ct);
        Keeps = CadreAccess.MaySee(scope, Operation.CadresWrite, org);
        await HttpContext.AuditReadAsync("EvaluationPeriod", org.ProvinceId, null, org.Id);
        ViewData["Title"] = $"Đánh giá quý {View!.Quarter}/{View.Year} – {View.Pool}";
        ViewData["ScopeOrg"] = org.Code;
        return true;
    }
}
