using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// Đảng viên, tổ chức đảng không hoàn thành nhiệm vụ of a subtree's year — to be helped and followed
/// the next year (000:188) — with how many of a member's last five years were KHTNV; an .xlsx of the
/// list. The names are a read of personal data, audited as the API's list.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class FollowUpModel(ChiBoDb db, TimeProvider clock) : RatingYearPageModel(db, clock)
{
    public const string Path = "/xep-loai/theo-doi";

    public FollowUpList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? year, CancellationToken ct)
    {
        if (await FindYearAsync(org, year))
        {
            List = await RatingQueries.FollowUpAsync(Db, Lookup, Year, ct);
            await HttpContext.AuditReadAsync("RatingFollowUp", Org?.ProvinceId, null, Org?.Id);
            ViewData["Title"] = $"Cần giúp đỡ, theo dõi năm {Year} – {Name}";
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return Page();
        }

        var list = await RatingQueries.FollowUpAsync(Db, Lookup, Year, ct);
        await HttpContext.AuditReadAsync("RatingFollowUp", Org?.ProvinceId, null, Org?.Id);
        return Xlsx(s => RatingExport.WriteFollowUp(list, s), "theo-doi");
    }
}
