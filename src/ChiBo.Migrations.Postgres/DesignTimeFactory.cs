using ChiBo.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace ChiBo.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL (no server needed to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChiBoDb>
{
    public ChiBoDb CreateDbContext(string[] args) => DatabaseTarget.Parse("Host=localhost;Database=chibo_design").CreateContext();
}
