using ChiBo.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One connection setting for the web app, the CLI and the tests: a SQLite file path
/// (the embedded default) or a PostgreSQL connection string ("Host=…").
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "CHIBO_DB";
    public const string DefaultSqliteFile = "data/chibo.db";

    public static DatabaseTarget Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            value = DefaultSqlitePath();
        }

        value = value.Trim();
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(DatabaseProvider.Postgres, value);
        }

        var builder = value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        builder.Pooling = true;
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>
    /// data/chibo.db at the top of a source checkout (the folder holding ChiBo.slnx), so the web
    /// app and the CLI share one file whichever project folder they run from; elsewhere, under
    /// the current folder.
    /// </summary>
    public static string DefaultSqlitePath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChiBo.slnx")))
            {
                return Path.Combine(dir.FullName, DefaultSqliteFile);
            }
        }

        return Path.GetFullPath(DefaultSqliteFile);
    }

    public static DatabaseTarget FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>Provider, migrations assembly and the audit interceptor (a new one per context: it holds the pending lines).</summary>
    public void Configure(DbContextOptionsBuilder options, AuditScope? audit = null, TimeProvider? clock = null)
    {
        options.AddInterceptors(new AuditInterceptor(audit ?? AuditScope.For("system"), clock ?? TimeProvider.System));
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("ChiBo.Migrations.Postgres").CommandTimeout(600));
        }
        else
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("ChiBo.Migrations.Sqlite").CommandTimeout(600));
        }
    }

    public ChiBoDb CreateContext(AuditScope? audit = null, TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<ChiBoDb>();
        Configure(options, audit, clock);
        return new ChiBoDb(options.Options);
    }

    /// <summary>Creates the SQLite file's folder if needed and applies every migration.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (SqliteFile is { } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while the generator or an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>A shortened form for messages: never prints a password.</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {SqliteFile}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}
