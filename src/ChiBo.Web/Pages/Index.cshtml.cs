using ChiBo.Access;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages;

/// <summary>The home page: the tree at the caller's root, the handbook for a member, else the account page.</summary>
[Requires(Operation.SignedIn)]
public sealed class IndexModel : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await HttpContext.ScopeAsync();
        if (scope.Can(Operation.OrgsRead))
        {
            return RedirectToPage("/Organizations/Index");
        }

        return scope.Can(Operation.SelfRead) && scope.MemberId is not null ? Redirect("/so-tay") : RedirectToPage("/Account/Me");
    }
}
