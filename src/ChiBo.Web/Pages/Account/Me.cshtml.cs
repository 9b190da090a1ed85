using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Account;

/// <summary>Who is signed in and with which roles, on which organizations.</summary>
[Requires(Operation.SignedIn)]
public sealed class MeModel(ChiBoDb db) : PageModel
{
    public OrgScope Scope { get; private set; } = OrgScope.Anonymous;
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await HttpContext.ScopeAsync();
        var ids = Scope.Roles.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Roles = Scope.Roles
            .Select(r => ChiBo.Access.Roles.VietnameseOf(r.Role) + " — " + (r.OrganizationId is { } id ? names.GetValueOrDefault(id, "?") : "toàn bộ sổ đăng ký"))
            .ToList();
    }
}
