using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Account;

[Requires(Operation.SignedIn)]
public sealed class LogoutModel(ChiBoDb db, AuditScope audit, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await AuditChain.RecordAsync(db, audit, "sign-out", nameof(ChiBo.Access.Account), audit.Actor, null, 0, clock.GetUtcNow(), ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        Response.ClearSiteCaches();
        return Redirect("/dang-nhap");
    }
}
