using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ChiBo.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Access;

/// <summary>Sign-in cookie, sessions, operation policies, rate limits, proxies and anti-forgery: everything access control registers.</summary>
public static class AccessSetup
{
    public const string LoginLimit = "login";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>The reverse proxies (addresses or networks, "10.0.0.2, 10.1.0.0/16") whose X-Forwarded-For and -Proto are believed.</summary>
    public const string KnownProxiesSetting = "CHIBO_KNOWN_PROXIES";

    public static void AddChiBoAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var keys = KeyFolder.Resolve(builder.Configuration[KeyFolder.EnvironmentVariable]);
        services.AddDataProtection().SetApplicationName("ChiBo").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddHttpContextAccessor();

        // A deployment serves HTTPS (itself or through its proxy): its cookies never travel in clear.
        // Development and the tests run on plain http://localhost.
        var secure = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "chibo";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
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
            o.Cookie.SecurePolicy = secure;
        });
        services.Configure<ForwardedHeadersOptions>(o => KnownProxies(o, builder.Configuration[KnownProxiesSetting]));

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

    /// <summary>
    /// Behind a reverse proxy every connection comes from the proxy: the client's address (for
    /// the sign-in limit and the audit) and scheme are read from X-Forwarded-For and
    /// X-Forwarded-Proto, but only when the connection comes from a proxy named in
    /// CHIBO_KNOWN_PROXIES; anyone else could write those headers. Without the setting they are ignored.
    /// </summary>
    public static void UseChiBoForwardedHeaders(this WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration[KnownProxiesSetting]))
        {
            app.UseForwardedHeaders();
        }
    }

    public static void UseChiBoAccess(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        app.UseNoStore();
        app.UseApiForgeryCheck();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAuditScope();
    }

    internal static void KnownProxies(ForwardedHeadersOptions o, string? setting)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();

        // Walk X-Forwarded-For from the right while the hops are known proxies: the first other address is the client.
        o.ForwardLimit = null;
        foreach (var item in (setting ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPAddress.TryParse(item, out var address))
            {
                o.KnownProxies.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(item, out var network))
            {
                o.KnownIPNetworks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"{KnownProxiesSetting}: \"{item}\" không phải địa chỉ IP hay dải mạng (ví dụ 10.0.0.2 hoặc 10.1.0.0/16).");
            }
        }
    }

    /// <summary>
    /// What a signed-in person sees (names, birth dates, card numbers) is never kept by the
    /// browser's or a proxy's cache, so it is not there for the next person on a shared computer.
    /// Every page and API answer: the sign-in answer carries the account too, before the request
    /// that sent it is signed in. Static files are served before this and stay cacheable.
    /// </summary>
    private static void UseNoStore(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(http);
    });

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

    /// <summary>
    /// Ends a session that was signed out or ended on the server (a new password, other roles,
    /// a disabled account), or that began more than <see cref="AbsoluteTimeout"/> ago. The sign-in
    /// time is a claim of its own: the cookie's issue time moves with every sliding renewal.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var principal = ctx.Principal;
        var stamp = principal?.FindFirstValue(CallerScope.StampClaim);
        var session = principal?.FindFirstValue(CallerScope.SessionClaim);
        var valid = int.TryParse(principal?.FindFirstValue(CallerScope.AccountIdClaim), CultureInfo.InvariantCulture, out var accountId)
                    && long.TryParse(principal?.FindFirstValue(CallerScope.SignedInClaim), CultureInfo.InvariantCulture, out var signedIn)
                    && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedIn) < AbsoluteTimeout
                    && stamp is not null && session is not null
                    && await ChiBo.Access.Sessions.IsOpenAsync(ctx.HttpContext.RequestServices.GetRequiredService<ChiBoDb>(), session, accountId, stamp, ctx.HttpContext.RequestAborted);
        if (!valid)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>The cookie's principal: the account, its stamp, the server-side session and when it began, and the role names.</summary>
    public static ClaimsPrincipal PrincipalOf(ChiBo.Access.Account account, ChiBo.Access.Session session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(CallerScope.AccountIdClaim, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(CallerScope.StampClaim, account.SecurityStamp),
            new(CallerScope.SessionClaim, session.Id),
            new(CallerScope.SignedInClaim, session.SignedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, ChiBo.Access.Roles.NameOf(r.Role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
