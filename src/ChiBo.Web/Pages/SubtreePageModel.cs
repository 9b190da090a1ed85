using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages;

/// <summary>
/// A page about the subtree of the organization named by <c>?org=</c> ("root" or nothing: the top
/// of the caller's own subtree), found only within what the caller may see for the page's operation.
/// </summary>
public abstract class SubtreePageModel : PageModel
{
    public string? Error { get; protected set; }

    /// <summary>The organization, or null for the whole country.</summary>
    public Organization? Org { get; private set; }

    /// <summary>Its code for links and forms ("root" for the caller's top).</summary>
    public string Code { get; private set; } = "root";

    public string Name { get; private set; } = "";

    /// <summary>The subtree, or null with <see cref="Error"/> said in Vietnamese and the status 404.</summary>
    protected async Task<OrgLookup?> FindSubtreeAsync(ChiBoDb db, string? org, string operation)
    {
        var lookup = await HttpContext.FindAsync(db, org, operation);
        if (!lookup.Found)
        {
            Error = $"Không có tổ chức đảng mã \"{org}\" trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        Org = lookup.Organization;
        Code = Org?.Code ?? "root";
        Name = Org?.Name ?? "Toàn quốc";
        return lookup;
    }
}
