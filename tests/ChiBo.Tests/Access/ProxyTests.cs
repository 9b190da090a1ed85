using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Access;

/// <summary>
/// A deployment behind a reverse proxy (nginx terminating TLS): each phone behind it is its own
/// client for the sign-in limit and the audit; cookies are Secure; parallel wrong passwords still lock.
/// </summary>
public sealed class ProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient client, string userName, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { username = userName, password = "sai-mat-khau-123" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request, Ct)).StatusCode;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BehindAKnownProxy_EachClientHasItsOwnSignInLimit_AndTheAuditNamesTheClient(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db) { RemoteAddress = Proxy };
        app.Settings["CHIBO_KNOWN_PROXIES"] = "10.0.0.2";
        app.Settings["CHIBO_LOGIN_PER_MINUTE"] = "3";
        await db.AddProvinceAsync();
        await app.AddAccountAsync("to.chuc", "province-board");
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await WrongPasswordAsync(client, "to.chuc", "203.0.113.7")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await WrongPasswordAsync(client, "to.chuc", "203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);
        // Another phone behind the same proxy is not held back by the first one's attempts.
        (await WrongPasswordAsync(client, "to.chuc", "198.51.100.9")).ShouldBe(HttpStatusCode.Unauthorized);

        await using var ctx = db.Context();
        var addresses = await ctx.AuditEntries.Where(e => e.Actor == "to.chuc").Select(e => e.ActorAddress).Distinct().ToListAsync(Ct);
        addresses.Order(StringComparer.Ordinal).ShouldBe(["198.51.100.9", "203.0.113.7"]);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownAddress_IsIgnored()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db) { RemoteAddress = IPAddress.Parse("203.0.113.50") };
        app.Settings["CHIBO_KNOWN_PROXIES"] = "10.0.0.2";
        await db.AddProvinceAsync();
        await app.AddAccountAsync("to.chuc", "province-board");
        using var client = app.CreateClient();

        (await WrongPasswordAsync(client, "to.chuc", "1.2.3.4")).ShouldBe(HttpStatusCode.Unauthorized);

        await using var ctx = db.Context();
        (await ctx.AuditEntries.Where(e => e.Actor == "to.chuc").Select(e => e.ActorAddress).Distinct().ToListAsync(Ct))
            .ShouldBe(["203.0.113.50"]);
    }

    /// <summary>A deployment serves HTTPS, here through its proxy: the cookies never travel in clear.</summary>
    [Fact]
    public async Task OutsideDevelopment_TheCookiesAreSecure()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db) { EnvironmentName = "Production", RemoteAddress = Proxy };
        app.Settings["CHIBO_KNOWN_PROXIES"] = "10.0.0.2";
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("to.chuc", "province-board");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await client.GetAsync("/dang-nhap", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("chibo-af=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { username = "to.chuc", password = ChiBoApp.Password, totp = Totp.Code(secret, DateTimeOffset.UtcNow) }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("chibo=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WrongPasswordsInParallel_StillLockTheAccount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new ChiBoApp(db, clock);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("kiem.tra", "inspection");
        using var client = app.CreateClient();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 3 * SignIn.MaxFailures).Select(_ => client.PostAsJsonAsync("/api/auth/login",
            new { username = "kiem.tra", password = "sai-mat-khau-123" }, Ct)));
        attempts.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Unauthorized || a.StatusCode == HttpStatusCode.Locked);

        var right = await client.PostAsJsonAsync("/api/auth/login",
            new { username = "kiem.tra", password = ChiBoApp.Password, totp = Totp.Code(secret, clock.Now) }, Ct);
        right.StatusCode.ShouldBe(HttpStatusCode.Locked);
    }
}
