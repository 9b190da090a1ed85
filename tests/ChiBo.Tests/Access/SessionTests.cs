using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Access;

/// <summary>
/// Sessions end 12 hours after sign-in however busy they are, and a session ended on the server
/// (sign-out) is ended for every copy of its cookie.
/// </summary>
public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    /// <summary>Signs in with a client that keeps no cookies and returns the session cookie as sent back ("chibo=…").</summary>
    private static async Task<string> SessionCookieAsync(ChiBoApp app, string userName, string secret)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { username = userName, password = ChiBoApp.Password, totp = Totp.Code(secret, app.Clock.GetUtcNow()) }, Ct);
        login.EnsureSuccessStatusCode();
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chibo=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> SendAsync(ChiBoApp app, HttpMethod method, string url, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request, Ct)).StatusCode;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Session_EndsTwelveHoursAfterSignIn_EvenWhenUsedAllDay(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var start = clock.Now;
        await using var app = new ChiBoApp(db, clock);
        await db.AddProvinceAsync();
        using var client = await app.SignedInAsync("province-board");

        // Used every 90 minutes: the 2-hour idle limit never ends it, and each answer renews the cookie.
        for (var at = TimeSpan.FromMinutes(90); at < Absolute; at += TimeSpan.FromMinutes(90))
        {
            clock.Now = start + at;
            (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {at}");
        }

        clock.Now = start + Absolute + TimeSpan.FromMinutes(1);
        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Session_EndsAfterTwoHoursIdle(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new ChiBoApp(db, clock);
        await db.AddProvinceAsync();
        using var client = await app.SignedInAsync("province-board");

        clock.Advance(TimeSpan.FromMinutes(119));
        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(121));
        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignOut_EndsTheSession_ForACopiedCookieToo(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("to.chuc", "province-board");
        var cookie = await SessionCookieAsync(app, "to.chuc", secret);

        // Someone copied the cookie (a shared computer, a proxy log) before its owner signed out.
        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", cookie)).ShouldBe(HttpStatusCode.OK);
        (await SendAsync(app, HttpMethod.Post, "/api/auth/logout", cookie)).ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANewRoleOrPassword_EndsEverySessionOfTheAccount(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new ChiBoApp(db, clock);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("to.chuc", "province-board");
        var phone = await SessionCookieAsync(app, "to.chuc", secret);
        clock.Advance(TimeSpan.FromMinutes(1));
        var desk = await SessionCookieAsync(app, "to.chuc", secret);

        await app.AddAccountAsync("to.chuc", "inspection");
        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", phone)).ShouldBe(HttpStatusCode.Unauthorized);
        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", desk)).ShouldBe(HttpStatusCode.Unauthorized);

        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await SessionCookieAsync(app, "to.chuc", secret);
        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", again)).ShouldBe(HttpStatusCode.OK);
        await using (var ctx = db.Context())
        {
            await Accounts.SetPasswordAsync(ctx, "to.chuc", "mat-khau-moi-2026-dai-hon", clock, Ct);
        }

        (await SendAsync(app, HttpMethod.Get, "/api/auth/me", again)).ShouldBe(HttpStatusCode.Unauthorized);
        await using var check = db.Context();
        (await check.Sessions.ToListAsync(Ct)).OrderBy(x => x.SignedInAt).Select(x => x.EndedBecause)
            .ShouldBe([Sessions.RolesChanged, Sessions.RolesChanged, Sessions.PasswordChanged]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignedInResponses_AreNeverStored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        using var client = await app.SignedInAsync("province-board");

        foreach (var url in new[] { "/api/auth/me", "/nhat-ky" })
        {
            var response = await client.GetAsync(url, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Headers.CacheControl.ShouldNotBeNull(url);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(url);
        }
    }
}
