using ChiBo.Data;
using ChiBo.Web.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>A member's record (hồ sơ đảng viên, Mẫu 2-HSĐV) in sections, and the timeline.</summary>
public sealed class DetailsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public int Id { get; private set; }
    public MemberRecord? Record { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        Today = clock.Today();
        Record = await MemberRecords.FindAsync(db, CallerScope.Of(HttpContext), id, ct);
        if (Record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ViewData["Title"] = Record.Member.FullName;
    }
}
