using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Provinces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChiBo.Generation;

/// <summary>One column of a bulk load: its snake_case name, its PostgreSQL type and how to read it from a row.</summary>
internal sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>A table written in bulk, with the columns of the EF model's snake_case mapping.</summary>
internal sealed record Table<T>(string Name, IReadOnlyList<Column<T>> Columns, Func<GeneratedProvince, IReadOnlyList<T>> Rows);

/// <summary>
/// Writes generated provinces straight to the database, bypassing EF change tracking: SQLite with
/// prepared INSERTs in one transaction, PostgreSQL with binary COPY. Ids come from the generator
/// (see <see cref="ReadStateAsync"/>), so PostgreSQL identity sequences are moved past them at the end.
/// </summary>
public static class BulkWriter
{
    private const NpgsqlDbType Int = NpgsqlDbType.Integer;
    private const NpgsqlDbType Long = NpgsqlDbType.Bigint;
    private const NpgsqlDbType Text = NpgsqlDbType.Varchar;
    private const NpgsqlDbType Date = NpgsqlDbType.Date;
    private const NpgsqlDbType Bool = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Stamp = NpgsqlDbType.TimestampTz;

    private static readonly Table<Province> Provinces = new("provinces",
    [
        new("id", Int, p => p.Id), new("code", Text, p => p.Code), new("name", Text, p => p.Name),
    ], g => [g.Province]);

    private static readonly Table<Organization> Organizations = new("organizations",
    [
        new("id", Int, o => o.Id), new("province_id", Int, o => o.ProvinceId), new("code", Text, o => o.Code), new("name", Text, o => o.Name),
        new("kind", Int, o => (int)o.Kind), new("sector", Int, o => (int)o.Sector), new("parent_id", Int, o => o.ParentId),
        new("path", Text, o => o.Path), new("depth", Int, o => o.Depth), new("founded_on", Date, o => o.FoundedOn),
        new("dissolved_on", Date, o => o.DissolvedOn), new("version", Int, o => o.Version),
    ], g => g.Organizations);

    private static readonly Table<OrganizationPeriod> OrganizationPeriods = new("organization_periods",
    [
        new("id", Long, o => o.Id), new("province_id", Int, o => o.ProvinceId), new("organization_id", Int, o => o.OrganizationId),
        new("valid_from", Date, o => o.ValidFrom), new("valid_to", Date, o => o.ValidTo), new("name", Text, o => o.Name),
        new("kind", Int, o => (int)o.Kind), new("sector", Int, o => (int)o.Sector), new("parent_id", Int, o => o.ParentId),
        new("path", Text, o => o.Path),
    ], g => g.OrganizationPeriods);

    private static readonly Table<OrganizationEvent> OrganizationEvents = new("organization_events",
    [
        new("id", Long, e => e.Id), new("province_id", Int, e => e.ProvinceId), new("organization_id", Int, e => e.OrganizationId),
        new("kind", Int, e => (int)e.Kind), new("date", Date, e => e.Date), new("before", Text, e => e.Before), new("after", Text, e => e.After),
        new("decision_number", Text, e => e.DecisionNumber), new("reason", Text, e => e.Reason), new("recorded_by", Text, e => e.RecordedBy),
        new("recorded_at", Stamp, e => e.RecordedAt),
    ], g => g.OrganizationEvents);

    private static readonly Table<Member> Members = new("members",
    [
        new("id", Int, m => m.Id), new("province_id", Int, m => m.ProvinceId), new("full_name", Text, m => m.FullName),
        new("search_name", Text, m => m.SearchName), new("other_names", Text, m => m.OtherNames), new("gender", Int, m => (int)m.Gender),
        new("birth_date", Date, m => m.BirthDate), new("birth_place", Text, m => m.BirthPlace), new("home_town", Text, m => m.HomeTown),
        new("residence", Text, m => m.Residence), new("cccd", Text, m => m.Cccd), new("ethnicity", Int, m => m.Ethnicity),
        new("religion", Int, m => (int)m.Religion), new("occupation", Text, m => m.Occupation), new("workplace", Text, m => m.Workplace),
        new("position", Text, m => m.Position), new("general_education", Int, m => (int)m.GeneralEducation),
        new("professional", Int, m => (int)m.Professional), new("professional_field", Text, m => m.ProfessionalField),
        new("science_technology", Bool, m => m.ScienceTechnology), new("political_theory", Int, m => (int)m.PoliticalTheory),
        new("foreign_language", Text, m => m.ForeignLanguage), new("civil_service_grade", Int, m => (int)m.CivilServiceGrade),
        new("youth_union", Bool, m => m.YouthUnion), new("enterprise", Bool, m => m.Enterprise), new("retired", Bool, m => m.Retired),
        new("party_card_number", Text, m => m.PartyCardNumber), new("admitted_on", Date, m => m.AdmittedOn),
        new("official_on", Date, m => m.OfficialOn), new("status", Int, m => (int)m.Status), new("cell_id", Int, m => m.CellId),
        new("updated_at", Stamp, m => m.UpdatedAt), new("version", Int, m => m.Version),
    ], g => g.Members);

    private static readonly Table<MemberPeriod> MemberPeriods = new("member_periods",
    [
        new("id", Long, p => p.Id), new("province_id", Int, p => p.ProvinceId), new("member_id", Int, p => p.MemberId),
        new("valid_from", Date, p => p.ValidFrom), new("valid_to", Date, p => p.ValidTo), new("cell_id", Int, p => p.CellId),
        new("cell_path", Text, p => p.CellPath), new("official_on", Date, p => p.OfficialOn), new("exempted", Bool, p => p.Exempted),
        new("gender", Int, p => (int)p.Gender), new("birth_date", Date, p => p.BirthDate), new("minority", Bool, p => p.Minority),
        new("religious", Bool, p => p.Religious), new("general_education", Int, p => (int)p.GeneralEducation),
        new("professional", Int, p => (int)p.Professional), new("political_theory", Int, p => (int)p.PoliticalTheory),
        new("enterprise", Bool, p => p.Enterprise), new("youth_union", Bool, p => p.YouthUnion), new("retired", Bool, p => p.Retired),
    ], g => g.MemberPeriods);

    private static readonly Table<MemberEvent> MemberEvents = new("member_events",
    [
        new("id", Long, e => e.Id), new("province_id", Int, e => e.ProvinceId), new("member_id", Int, e => e.MemberId),
        new("kind", Int, e => (int)e.Kind), new("date", Date, e => e.Date), new("cell_id", Int, e => e.CellId),
        new("cell_path", Text, e => e.CellPath), new("other_cell_id", Int, e => e.OtherCellId), new("details", Text, e => e.Details),
        new("decision_number", Text, e => e.DecisionNumber), new("reason", Text, e => e.Reason), new("recorded_by", Text, e => e.RecordedBy),
        new("recorded_at", Stamp, e => e.RecordedAt),
    ], g => g.MemberEvents);

    private static readonly string[] IdTables =
        ["provinces", "organizations", "organization_periods", "organization_events", "members", "member_periods", "member_events"];

    /// <summary>What a new province must avoid in the database: the ids in use, the province codes, how many provinces there are.</summary>
    public sealed record DatabaseState(IdStart Next, IReadOnlySet<string> ProvinceCodes);

    public static async Task<DatabaseState> ReadStateAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var db = target.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var max = new long[IdTables.Length];
        for (var i = 0; i < IdTables.Length; i++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(max(id), 0) FROM {IdTables[i]}";
            max[i] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT code FROM provinces";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                codes.Add(reader.GetString(0));
            }
        }

        return new DatabaseState(new IdStart((int)max[0] + 1, (int)max[1] + 1, max[2] + 1, max[3] + 1, (int)max[4] + 1, max[5] + 1, max[6] + 1), codes);
    }

    public static async Task WriteAsync(DatabaseTarget target, GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            await WritePostgresAsync(target, province, progress, ct);
        }
        else
        {
            await WriteSqliteAsync(target, province, progress, ct);
        }
    }

    private const string Stage = "Ghi CSDL";

    private static async Task WriteSqliteAsync(DatabaseTarget target, GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await Exec(connection, "PRAGMA synchronous=OFF;", ct);
        await Exec(connection, "PRAGMA foreign_keys=ON;", ct);
        var done = 0L;
        var total = province.RowCount;
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            async Task Load<T>(Table<T> table)
            {
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
                var parameters = table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
                cmd.Prepare();
                foreach (var row in table.Rows(province))
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = SqliteValue(table.Columns[i].Value(row));
                    }

                    await cmd.ExecuteNonQueryAsync(ct);
                    if (++done % 20_000 == 0)
                    {
                        progress?.Report(new GenerationProgress(Stage, done, total));
                    }
                }
            }

            await Load(Provinces);
            await Load(Organizations);
            await Load(OrganizationPeriods);
            await Load(OrganizationEvents);
            await Load(Members);
            await Load(MemberPeriods);
            await Load(MemberEvents);
            await tx.CommitAsync(ct);
        }

        await Exec(connection, "PRAGMA synchronous=NORMAL;", ct);
        progress?.Report(new GenerationProgress(Stage, total, total));
    }

    /// <summary>Values as EF Core's SQLite provider stores them: dates as ISO text, flags as 0/1.</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task WritePostgresAsync(DatabaseTarget target, GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        var done = 0L;
        var total = province.RowCount;
        await using var tx = await connection.BeginTransactionAsync(ct);

        async Task Copy<T>(Table<T> table)
        {
            var sql = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
            foreach (var row in table.Rows(province))
            {
                await importer.StartRowAsync(ct);
                foreach (var column in table.Columns)
                {
                    var value = column.Value(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.Type, ct);
                    }
                }

                if (++done % 50_000 == 0)
                {
                    progress?.Report(new GenerationProgress(Stage, done, total));
                }
            }

            await importer.CompleteAsync(ct);
        }

        await Copy(Provinces);
        await Copy(Organizations);
        await Copy(OrganizationPeriods);
        await Copy(OrganizationEvents);
        await Copy(Members);
        await Copy(MemberPeriods);
        await Copy(MemberEvents);

        // Ids were given by the generator: later inserts through EF must start after them.
        foreach (var table in IdTables)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", connection, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        progress?.Report(new GenerationProgress(Stage, total, total));
    }

    /// <summary>Fresh planner statistics after a large load (PostgreSQL; SQLite's ANALYZE is cheap too).</summary>
    public static async Task AnalyzeAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var db = target.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "ANALYZE";
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
