using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web.Access;
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
        await AuthApi.SignOutAsync(HttpContext, db, audit, clock, ct);
        return Redirect("/dang-nhap");
    }
}
