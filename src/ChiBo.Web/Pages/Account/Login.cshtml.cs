using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChiBo.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccessSetup.LoginLimit)]
public sealed class LoginModel(ChiBoDb db, AuditScope audit, TimeProvider clock) : PageModel
{
    public string? Message { get; private set; }
    public string? UserName { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? totp, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        UserName = username;
        if (ChiBo.Access.SignIn.CheckInput(username ?? "", password ?? "") is { } bad)
        {
            Message = bad.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await AuthApi.SignInAsync(HttpContext, db, audit, clock, username ?? "", password ?? "", totp, ct);
        if (result.Outcome == ChiBo.Access.SignInOutcome.Succeeded)
        {
            Response.ClearSiteCaches();
            return LocalRedirect(ReturnUrl);
        }

        Message = result.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
