using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiBo.Tests.Infrastructure;

/// <summary>The real web app over a test database, with no demo province seeded.</summary>
public sealed class ChiBoApp(TestDatabase database, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    /// <summary>Password of every account the tests create (never of a real deployment).</summary>
    public const string Password = "mat-khau-thu-nghiem-2025";

    static ChiBoApp()
    {
        // Each host watches its settings files and, for asp-append-version, the files of wwwroot with
        // inotify, and a host's web-root watchers outlive it: the instances (128 per user on Linux)
        // ran out midway through the suite. Settings are never edited during a run, and polling
        // watchers use no inotify instance.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public TestDatabase Database { get; } = database;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The host environment: "Testing" unless a test needs how a deployment behaves.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Settings (CHIBO_…) over the tests' defaults, read when the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The address every connection comes from. The test server gives none; a reverse proxy's
    /// address here lets a test send what the proxy would forward.
    /// </summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>The header the JSON API requires on every unsafe call (a cross-site form cannot send it).</summary>
    public const string ApiHeader = "X-ChiBo";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting(DatabaseTarget.EnvironmentVariable, Database.Target.ConnectionString);
        builder.UseSetting("CHIBO_DEMO", "none");
        builder.UseSetting("CHIBO_KEYS", Path.Combine(Path.GetTempPath(), "chibo-tests", "keys"));
        builder.UseSetting("CHIBO_LOGIN_PER_MINUTE", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(Clock));
            if (RemoteAddress is { } address)
            {
                s.AddSingleton<IStartupFilter>(new FromAddress(address));
            }
        });
    }

    /// <summary>Every client speaks to the API as the app's own scripts do: with the header unsafe calls need.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ApiHeader, "1");
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                http.Connection.RemoteIpAddress = address;
                return inner(http);
            });
            next(app);
        };
    }

    /// <summary>Waits until the audit lines of the reads made so far are in the chain (a background writer appends them).</summary>
    public Task FlushAuditReadsAsync() =>
        Services.GetRequiredService<ChiBo.Audit.AuditReads>().FlushAsync(TestContext.Current.CancellationToken);

    /// <summary>Creates an account holding <paramref name="role"/> on <paramref name="org"/> and returns the TOTP secret.</summary>
    public async Task<string> AddAccountAsync(string userName, string role, string org = "root", int? memberId = null)
    {
        var secret = Totp.NewSecret();
        await using var db = Database.Context();
        await Accounts.AddAsync(db, userName, Password, Roles.Parse(role)!.Value, org, secret, memberId, TimeProvider.System,
            TestContext.Current.CancellationToken);
        return secret;
    }

    /// <summary>A client signed in (password + TOTP) as a new account with that role on that subtree.</summary>
    public async Task<HttpClient> SignedInAsync(string role, string org = "root", int? memberId = null)
    {
        var userName = (role + "." + Guid.NewGuid().ToString("N"))[..30];
        var secret = await AddAccountAsync(userName, role, org, memberId);
        // The factory's own address: the in-memory server's, or Kestrel's once a browser test started it.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { username = userName, password = Password, totp = Totp.Code(secret, Clock.GetUtcNow()) },
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return client;
    }
}
