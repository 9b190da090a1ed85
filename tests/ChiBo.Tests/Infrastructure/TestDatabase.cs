using ChiBo.Data;
using Npgsql;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated, empty database for one test class: a temporary SQLite file, or a new
/// database on the PostgreSQL server named by CHIBO_TEST_PG (the CI starts one; without it
/// the PostgreSQL cases are skipped with that reason).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CHIBO_TEST_PG";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Providers => new(Sqlite, Postgres);

    private readonly string? _pgName;
    private readonly string? _pgServer;

    public DatabaseTarget Target { get; }

    private TestDatabase(DatabaseTarget target, string? pgServer, string? pgName)
    {
        Target = target;
        _pgServer = pgServer;
        _pgName = pgName;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase db;
        if (provider == Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Skip($"{PostgresVariable} is not set: no PostgreSQL server for this run (.ci/run starts one).");
            }

            var name = "chibo_t_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }

            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            db = new TestDatabase(DatabaseTarget.Parse(cs), server, name);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), "chibo-tests", Guid.NewGuid().ToString("N") + ".db");
            db = new TestDatabase(DatabaseTarget.Parse(file), null, null);
        }

        await db.Target.MigrateAsync();
        return db;
    }

    public ChiBoDb Context() => Target.CreateContext();

    /// <summary>Just a province and its root organization (for tests that need a place to grant roles on).</summary>
    public async Task<ChiBo.Organizations.Organization> AddProvinceAsync(string code = "TG")
    {
        await using var db = Context();
        var province = new ChiBo.Provinces.Province { Code = code, Name = "Đảng bộ tỉnh Thử nghiệm" };
        db.Provinces.Add(province);
        await db.SaveChangesAsync();
        var root = new ChiBo.Organizations.Organization
        {
            ProvinceId = province.Id, Code = code, Name = province.Name, Kind = ChiBo.Organizations.OrgKind.Province,
            Sector = ChiBo.Organizations.Sector.Other, Path = "/", FoundedOn = new DateOnly(1930, 2, 3),
        };
        db.Organizations.Add(root);
        await db.SaveChangesAsync();
        root.Path = ChiBo.Organizations.Subtree.ChildPath("/", root.Id);
        db.OrganizationPeriods.Add(new ChiBo.Organizations.OrganizationPeriod
        {
            ProvinceId = province.Id, OrganizationId = root.Id, ValidFrom = root.FoundedOn, ValidTo = ChiBo.Dates.OpenEnd,
            Name = root.Name, Kind = root.Kind, Sector = root.Sector, Path = root.Path,
        });
        await db.SaveChangesAsync();
        return root;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else if (Target.SqliteFile is { } file)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
