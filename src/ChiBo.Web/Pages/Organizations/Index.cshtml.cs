using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Organizations;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Organizations;

/// <summary>The tree browser and the organization page: a node, its counts, its children with theirs, its history.</summary>
[Requires(Operation.OrgsRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public string RequestedCode { get; private set; } = "root";
    public OrgTreeView? View { get; private set; }
    public IReadOnlyList<OrganizationEvent> History { get; private set; } = [];

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        RequestedCode = string.IsNullOrWhiteSpace(code) ? "root" : code;
        var scope = await HttpContext.SubtreeAsync(Operation.OrgsRead);
        var lookup = await OrgTree.FindAsync(db, scope, RequestedCode, ct);
        if (!lookup.Found)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        View = await OrgTree.LoadAsync(db, scope, lookup, clock.Today(), ct);
        if (View.Organization is { } org)
        {
            History = await db.OrganizationEvents.AsNoTracking()
                .Where(e => e.OrganizationId == org.Id)
                .OrderBy(e => e.Date).ThenBy(e => e.Id)
                .ToListAsync(ct);
        }

        ViewData["Title"] = View.Name;
        ViewData["ScopeOrg"] = View.Code;
    }
}
