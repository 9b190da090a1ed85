using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiBo.Tests.Access;

/// <summary>
/// Cross-site requests: another site can make a browser post a form or a simple request to
/// /api with the session cookie, but cannot add a header of its own nor pretend to come from
/// this origin. Every unsafe API call needs the X-ChiBo header and, when the browser says where
/// it comes from, this origin.
/// </summary>
public sealed class ApiForgeryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Session(ChiBoApp App, string Cookie)
    {
        /// <summary>A request with the session cookie and nothing else a cross-site form could not send, unless asked.</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, bool header, string? origin = null, HttpContent? content = null)
        {
            using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Remove(ChiBoApp.ApiHeader);
            using var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.Add("Cookie", Cookie);
            if (header)
            {
                request.Headers.Add(ChiBoApp.ApiHeader, "1");
            }

            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return await client.SendAsync(request, Ct);
        }
    }

    private static async Task<Session> SignInAsync(ChiBoApp app)
    {
        var secret = await app.AddAccountAsync("to.chuc", "province-board");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { username = "to.chuc", password = ChiBoApp.Password, totp = Totp.Code(secret, DateTimeOffset.UtcNow) }, Ct);
        login.EnsureSuccessStatusCode();
        return new Session(app, login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chibo=", StringComparison.Ordinal)).Split(';')[0]);
    }

    [Fact]
    public async Task SignIn_WithoutTheHeader_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("bi.thu", "cell-committee");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Remove(ChiBoApp.ApiHeader);

        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { username = "bi.thu", password = ChiBoApp.Password, totp = Totp.Code(secret, DateTimeOffset.UtcNow) }, Ct);

        login.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await login.Content.ReadAsStringAsync(Ct)).ShouldContain("X-ChiBo");
        login.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task UnsafeCalls_WithoutTheHeader_AreRefused_AndChangeNothing()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var session = await SignInAsync(app);

        (await session.SendAsync(HttpMethod.Post, "/api/auth/logout", header: false)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.SendAsync(HttpMethod.Get, "/api/auth/me", header: false)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The multipart uploads: a cross-site form can post multipart/form-data, so they need the header too.
        using (var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "danh-sach.xlsx" } })
        {
            (await session.SendAsync(HttpMethod.Post, "/api/members/import?org=TG", header: false, content: form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var form = new MultipartFormDataContent { { new StringContent("Nghị quyết"), "title" }, { new ByteArrayContent("văn bản"u8.ToArray()), "file", "nq.txt" } })
        {
            (await session.SendAsync(HttpMethod.Post, "/api/documents", header: false, content: form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await session.SendAsync(HttpMethod.Post, "/api/transfers/import?cell=TG", header: false, content: new StringContent("{}", System.Text.Encoding.UTF8, "text/plain")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnsafeCalls_FromAnotherOrigin_AreRefused()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var session = await SignInAsync(app);

        (await session.SendAsync(HttpMethod.Post, "/api/auth/logout", header: true, origin: "https://chibo.example.net")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.SendAsync(HttpMethod.Post, "/api/auth/logout", header: true, origin: "null")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.SendAsync(HttpMethod.Get, "/api/auth/me", header: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.SendAsync(HttpMethod.Post, "/api/auth/logout", header: true, origin: "http://localhost")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await session.SendAsync(HttpMethod.Get, "/api/auth/me", header: false)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
