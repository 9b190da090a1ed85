using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>Miễn sinh hoạt đến hạn xem xét lại: exempted members of a subtree whose review date comes within 30 days (or has passed).</summary>
[Requires(Operation.MembersRead)]
public sealed class ExemptionsDueModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public DateOnly By { get; private set; }
    public IReadOnlyList<ExemptionDue> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(string? org, DateOnly? by, CancellationToken ct)
    {
        ViewData["Title"] = "Miễn sinh hoạt đến hạn xem xét";
        var today = clock.Today();
        By = by ?? today.AddDays(30);
        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return;
        }

        Rows = await ExemptionReviews.DueAsync(db, lookup.Subtree, By, today, ct);
        CanWrite = await HttpContext.CanAsync(Operation.MembersWrite, lookup.Subtree);
        await HttpContext.AuditReadAsync("ExemptionsDue", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["ScopeOrg"] = Code;
    }
}
