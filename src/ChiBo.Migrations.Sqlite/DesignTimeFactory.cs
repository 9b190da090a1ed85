using ChiBo.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace ChiBo.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChiBoDb>
{
    public ChiBoDb CreateDbContext(string[] args) => DatabaseTarget.Parse("design-time.db").CreateContext();
}
