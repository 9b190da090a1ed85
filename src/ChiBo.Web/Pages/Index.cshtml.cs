using ChiBo.Access;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages;

/// <summary>
/// The home page: for a committee that edits plans (the province board, the đảng ủy, the base
/// committees) the dashboard of its plans' targets, which is what it watches every month; the tree
/// at the caller's root for other staff; the handbook for a member; else the account page.
/// </summary>
[Requires(Operation.SignedIn)]
public sealed class IndexModel : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await HttpContext.ScopeAsync();
        if (scope.Roles.Any(r => r.Role != Role.Admin && AccessTable.Allows(r.Role, Operation.PlansWrite)))
        {
            return RedirectToPage("/Plans/Index");
        }

        if (scope.Can(Operation.OrgsRead))
        {
            return RedirectToPage("/Organizations/Index");
        }

        return scope.Can(Operation.SelfRead) && scope.MemberId is not null ? Redirect("/so-tay") : RedirectToPage("/Account/Me");
    }
}
