using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Access;

public sealed record LoginRequest(string? Username, string? Password, string? Totp);

public sealed record SignedInAccount(string UserName, IReadOnlyList<SignedInRole> Roles);

public sealed record SignedInRole(string Role, string Org);

/// <summary>POST /api/auth/login sets the session cookie; POST /api/auth/logout ends it; GET /api/auth/me.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AccessSetup.LoginLimit);
        group.MapPost("/logout", LogoutAsync).Requires(Operation.SignedIn);
        group.MapGet("/me", MeAsync).Requires(Operation.SignedIn);
    }

    private static async Task<Results<Ok<SignedInAccount>, ProblemHttpResult, BadRequest<ProblemDetails>>> LoginAsync(
        LoginRequest request, HttpContext http, ChiBoDb db, AuditScope audit, TimeProvider clock, CancellationToken ct)
    {
        if (SignIn.CheckInput(request.Username ?? "", request.Password ?? "") is { } bad)
        {
            return Problems.Field(bad.Field, bad.Message);
        }

        var result = await SignInAsync(http, db, audit, clock, request.Username ?? "", request.Password ?? "", request.Totp, ct);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            return TypedResults.Problem(
                title: "Không đăng nhập được",
                detail: result.Message,
                statusCode: result.Outcome == SignInOutcome.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["outcome"] = JsonNamingPolicyCamel(result.Outcome.ToString()) });
        }

        return TypedResults.Ok(await DescribeAsync(db, result.Account!, ct));
    }

    /// <summary>Shared by the API and the sign-in page.</summary>
    internal static async Task<ChiBo.Access.SignInResult> SignInAsync(
        HttpContext http, ChiBoDb db, AuditScope audit, TimeProvider clock, string userName, string password, string? totp, CancellationToken ct)
    {
        audit.Address = http.Connection.RemoteIpAddress?.ToString();
        var result = await SignIn.AttemptAsync(db, audit, userName, password, totp, clock, ct);
        if (result.Outcome == SignInOutcome.Succeeded)
        {
            var session = await Sessions.StartAsync(db, result.Account!.Id, audit.Address, clock, ct);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccessSetup.PrincipalOf(result.Account!, session),
                new AuthenticationProperties { IsPersistent = false, IssuedUtc = session.SignedInAt });
        }

        return result;
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, ChiBoDb db, AuditScope audit, TimeProvider clock, CancellationToken ct)
    {
        await SignOutAsync(http, db, audit, clock, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Ends the session on the server (so a copy of the cookie is worthless too), then the cookie,
    /// and asks the browser to forget the pages it kept. Shared by the API and the sign-out page.
    /// </summary>
    internal static async Task SignOutAsync(HttpContext http, ChiBoDb db, AuditScope audit, TimeProvider clock, CancellationToken ct)
    {
        if (http.User.FindFirst(CallerScope.SessionClaim)?.Value is { } session)
        {
            audit.Reason = Sessions.SignedOut;
            await Sessions.EndAsync(db, session, Sessions.SignedOut, clock, ct);
        }

        await AuditChain.RecordAsync(db, audit, "sign-out", nameof(Account), audit.Actor, null, 0, clock.GetUtcNow(), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.ClearSiteCaches();
    }

    private static async Task<Ok<SignedInAccount>> MeAsync(HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        var account = await db.Accounts.FindAsync([scope.AccountId], ct);
        await db.Entry(account!).Collection(a => a.Roles).LoadAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, account!, ct));
    }

    private static async Task<SignedInAccount> DescribeAsync(ChiBoDb db, Account account, CancellationToken ct)
    {
        var roles = new List<SignedInRole>();
        foreach (var grant in account.Roles)
        {
            var code = grant.OrganizationId is { } id ? (await db.Organizations.FindAsync([id], ct))?.Code ?? "?" : "root";
            roles.Add(new SignedInRole(Roles.NameOf(grant.Role), code));
        }

        return new SignedInAccount(account.UserName, roles);
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
