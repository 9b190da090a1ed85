using ChiBo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Infrastructure;

/// <summary>The real web app over a test database, with no demo province seeded.</summary>
public sealed class ChiBoApp(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>The app's clock; the system clock unless a test stops it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseTarget.EnvironmentVariable, Database.Target.ConnectionString);
        builder.UseSetting("CHIBO_DEMO", "none");
        builder.ConfigureTestServices(services => services.AddSingleton(Clock));
    }
}
