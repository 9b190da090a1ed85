using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiBo.Tests.Access;

public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password, string? totp) =>
        client.PostAsJsonAsync("/api/auth/login", new { username = user, password, totp }, Ct);

    private static async Task<string> OutcomeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString()!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Login_WithPasswordAndTotp_OpensASessionThatLogoutEnds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("tinh.uy", "province-board");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = await LoginAsync(client, "tinh.uy", ChiBoApp.Password, Totp.Code(secret, DateTimeOffset.UtcNow));
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("chibo=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        me.GetProperty("userName").GetString().ShouldBe("tinh.uy");
        me.GetProperty("roles")[0].GetProperty("role").GetString().ShouldBe("province-board");

        (await client.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Login_ForACommitteeRole_NeedsTheSecondFactorAndRefusesAReplayedCode(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("bi.thu", "cell-committee");
        using var client = app.CreateClient();

        var withoutCode = await LoginAsync(client, "bi.thu", ChiBoApp.Password, null);
        withoutCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await OutcomeAsync(withoutCode)).ShouldBe("twoFactorRequired");

        var code = Totp.Code(secret, DateTimeOffset.UtcNow);
        (await LoginAsync(client, "bi.thu", ChiBoApp.Password, code)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = app.CreateClient();
        var replay = await LoginAsync(other, "bi.thu", ChiBoApp.Password, code);
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await OutcomeAsync(replay)).ShouldBe("invalid");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new ChiBoApp(db, clock);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("kiem.tra", "inspection");
        using var client = app.CreateClient();

        for (var i = 0; i < SignIn.MaxFailures; i++)
        {
            await LoginAsync(client, "kiem.tra", "sai-mat-khau-123", null);
        }

        var locked = await LoginAsync(client, "kiem.tra", ChiBoApp.Password, Totp.Code(secret, clock.Now));
        locked.StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await locked.Content.ReadAsStringAsync(Ct)).ShouldContain("tạm khóa");

        clock.Advance(SignIn.LockoutPeriod + TimeSpan.FromSeconds(1));
        (await LoginAsync(client, "kiem.tra", ChiBoApp.Password, Totp.Code(secret, clock.Now))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/", Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignInAttempts_AreAudited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        var secret = await app.AddAccountAsync("to.chuc", "province-board");
        using var client = app.CreateClient();
        await LoginAsync(client, "to.chuc", "sai-mat-khau-123", null);
        await LoginAsync(client, "to.chuc", ChiBoApp.Password, Totp.Code(secret, DateTimeOffset.UtcNow));

        await using var ctx = db.Context();
        var actions = ctx.AuditEntries.Where(e => e.Actor == "to.chuc").OrderBy(e => e.Id).Select(e => e.Action + ":" + e.Reason).ToList();
        actions.ShouldContain("sign-in-failed:Sai mật khẩu");
        actions.ShouldContain("sign-in:");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Login_WithAUserNameTooLong_IsA400NamingTheField(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        await db.AddProvinceAsync();
        using var client = app.CreateClient();

        var response = await LoginAsync(client, new string('a', 101), "sai-mat-khau-123", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("field").GetString().ShouldBe("username");
        problem.GetProperty("detail").GetString()!.ShouldContain("Tên đăng nhập");
    }
}
