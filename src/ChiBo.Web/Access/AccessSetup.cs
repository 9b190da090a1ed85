using System.Security.Claims;
using System.Threading.RateLimiting;
using ChiBo.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Access;

/// <summary>Sign-in cookie, operation policies, rate limits and anti-forgery: everything access control registers.</summary>
public static class AccessSetup
{
    public const string LoginLimit = "login";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static void AddChiBoAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var keys = KeyFolder.Resolve(builder.Configuration[KeyFolder.EnvironmentVariable]);
        services.AddDataProtection().SetApplicationName("ChiBo").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddHttpContextAccessor();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "chibo";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/dang-nhap";
            o.AccessDeniedPath = "/khong-co-quyen";
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddSingleton<IAuthorizationPolicyProvider, OperationPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, OperationHandler>();
        services.AddScoped<IAuthorizationHandler, SubtreeOperationHandler>();
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "chibo-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        var loginPerMinute = builder.Configuration.GetValue("CHIBO_LOGIN_PER_MINUTE", 10);
        var apiPerMinute = builder.Configuration.GetValue("CHIBO_API_PER_MINUTE", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetTokenBucketLimiter(
                        http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = apiPerMinute,
                            TokensPerPeriod = apiPerMinute,
                            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        })
                    : RateLimitPartition.GetNoLimiter("pages"));
        });
    }

    public static void UseChiBoAccess(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAuditScope();
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Ends a session whose account was disabled, whose password or roles changed, or that is older than the absolute limit.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var id = ctx.Principal?.FindFirstValue(CallerScope.AccountIdClaim);
        var stamp = ctx.Principal?.FindFirstValue(CallerScope.StampClaim);
        var issued = ctx.Properties.IssuedUtc;
        var db = ctx.HttpContext.RequestServices.GetRequiredService<ChiBoDb>();
        var valid = id is not null
                    && int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var accountId)
                    && issued is { } at && clock.GetUtcNow() - at < AbsoluteTimeout
                    && await db.Accounts.AnyAsync(a => a.Id == accountId && a.SecurityStamp == stamp && !a.Disabled, ctx.HttpContext.RequestAborted);
        if (!valid)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>The cookie's principal: the account, its stamp and its role names.</summary>
    public static ClaimsPrincipal PrincipalOf(ChiBo.Access.Account account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(CallerScope.AccountIdClaim, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(CallerScope.StampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, ChiBo.Access.Roles.NameOf(r.Role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
