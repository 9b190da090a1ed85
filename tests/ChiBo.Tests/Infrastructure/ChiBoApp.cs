using ChiBo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiBo.Tests.Infrastructure;

/// <summary>The real web app over a test database, with no demo province seeded.</summary>
public sealed class ChiBoApp(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseTarget.EnvironmentVariable, Database.Target.ConnectionString);
        builder.UseSetting("CHIBO_DEMO", "none");
    }
}
