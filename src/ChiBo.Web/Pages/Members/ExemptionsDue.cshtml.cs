using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Web.Access;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>Miễn sinh hoạt đến hạn xem xét lại: exempted members of a subtree whose review date comes within 30 days (or has passed).</summary>
[Requires(Operation.MembersRead)]
public sealed class ExemptionsDueModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public string Org { get; private set; } = "root";
    public string OrgName { get; private set; } = "";
    public DateOnly By { get; private set; }
    public IReadOnlyList<ExemptionDue> Rows { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(string? org, DateOnly? by, CancellationToken ct)
    {
        ViewData["Title"] = "Miễn sinh hoạt đến hạn xem xét";
        var today = clock.Today();
        By = by ?? today.AddDays(30);
        var lookup = await OrgTree.FindAsync(db, await HttpContext.SubtreeAsync(Operation.MembersRead), org, ct);
        if (!lookup.Found)
        {
            Error = $"Không có tổ chức đảng mã \"{org}\" trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Org = lookup.Organization?.Code ?? "root";
        OrgName = lookup.Organization?.Name ?? "Toàn quốc";
        Rows = await ExemptionReviews.DueAsync(db, lookup.Subtree, By, today, ct);
        CanWrite = await HttpContext.CanAsync(Operation.MembersWrite, lookup.Subtree);
        await HttpContext.AuditReadAsync("ExemptionsDue", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["ScopeOrg"] = Org;
    }
}
