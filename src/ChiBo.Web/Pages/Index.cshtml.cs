using ChiBo.Access;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages;

/// <summary>The home page: the tree at the caller's root, or the account page for a plain member.</summary>
[Requires(Operation.SignedIn)]
public sealed class IndexModel : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        (await HttpContext.ScopeAsync()).Can(Operation.OrgsRead)
            ? RedirectToPage("/Organizations/Index")
            : RedirectToPage("/Account/Me");
}
