using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// Đảng viên hoàn thành xuất sắc nhiệm vụ of a subtree's year — to be praised and rewarded (000:188) —
/// with their HTXSNV years among the last five and the year's rewards; an .xlsx of the list. The
/// names are a read of personal data, audited as the API's list.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class OutstandingModel(ChiBoDb db, TimeProvider clock) : RatingYearPageModel(db, clock)
{
    public const string Path = "/xep-loai/tieu-bieu";

    public OutstandingList? List { get; private set; }

    public bool Rewards { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? year, CancellationToken ct)
    {
        if (await FindYearAsync(org, year))
        {
            List = await RatingQueries.OutstandingAsync(Db, Lookup, Year, ct);
            Rewards = (await HttpContext.ScopeAsync()).Can(Operation.RatingsWrite);
            await HttpContext.AuditReadAsync("RatingOutstanding", Org?.ProvinceId, null, Org?.Id);
            ViewData["Title"] = $"Đảng viên hoàn thành xuất sắc nhiệm vụ năm {Year} – {Name}";
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return Page();
        }

        var list = await RatingQueries.OutstandingAsync(Db, Lookup, Year, ct);
        await HttpContext.AuditReadAsync("RatingOutstanding", Org?.ProvinceId, null, Org?.Id);
        return Xlsx(s => RatingExport.WriteOutstanding(list, s), "tieu-bieu");
    }
}
