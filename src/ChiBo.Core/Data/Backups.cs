using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChiBo.Data;

/// <summary>A backup or restore refused before anything was written, or a tool that failed; the message says why.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Copies of the whole register, taken while it is in use. SQLite: the online backup API (pages
/// copied under the database's own locks, so a write in progress is either wholly in the copy or
/// not at all), into a single file without a write-ahead log. PostgreSQL: <c>pg_dump</c> in its
/// custom format, one consistent snapshot, restored by <c>pg_restore</c> (both from PATH, the
/// server's major version or newer). The file's first bytes say which it is, so a copy is never
/// restored into the other kind of database.
/// </summary>
public static class Backups
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    /// <summary>Writes the copy next to <paramref name="file"/> first and moves it into place once complete; returns its size.</summary>
    public static async Task<long> BackupAsync(DatabaseTarget source, string file, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.Delete(temp);
        try
        {
            if (source.Provider == DatabaseProvider.Sqlite)
            {
                await using var from = new SqliteConnection(source.ConnectionString);
                await from.OpenAsync(ct);
                await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString());
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                await using var single = to.CreateCommand();
                single.CommandText = "PRAGMA journal_mode=DELETE;";
                await single.ExecuteNonQueryAsync(ct);
            }
            else
            {
                await RunAsync("pg_dump", source, ["--format=custom", "--no-owner", "--no-privileges", "--file", temp], ct);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return new FileInfo(full).Length;
    }

    /// <summary>
    /// Restores a copy into <paramref name="target"/>: a new or empty database, or any one with
    /// <paramref name="replace"/> (its tables are dropped first). A PostgreSQL database that does
    /// not exist yet is created.
    /// </summary>
    public static async Task RestoreAsync(string file, DatabaseTarget target, bool replace, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new BackupException($"Không có tệp sao lưu {full}.");
        }

        var header = new byte[16];
        await using (var stream = File.OpenRead(full))
        {
            await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        }

        var kind = header.AsSpan().StartsWith(SqliteHeader) ? DatabaseProvider.Sqlite
            : header.AsSpan().StartsWith(PgDumpHeader) ? DatabaseProvider.Postgres
            : throw new BackupException($"Tệp {full} không phải bản sao lưu của ChiBo (SQLite hoặc pg_dump dạng custom).");
        if (kind != target.Provider)
        {
            throw new BackupException(kind == DatabaseProvider.Sqlite
                ? "Bản sao lưu là tệp SQLite: chỉ khôi phục được vào một tệp SQLite (--db đường-dẫn.db)."
                : "Bản sao lưu là của PostgreSQL (pg_dump): chỉ khôi phục được vào PostgreSQL (--db \"Host=…\").");
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await RestoreSqliteAsync(full, target, replace, ct);
        }
        else
        {
            var exists = await EnsurePostgresDatabaseAsync(target, ct);
            if (exists && !replace && await PostgresHasTablesAsync(target, ct))
            {
                throw new BackupException($"Cơ sở dữ liệu {target} đã có dữ liệu: thêm --replace để thay toàn bộ bằng bản sao lưu.");
            }

            string[] options = replace ? ["--clean", "--if-exists"] : [];
            await RunAsync("pg_restore", target, [.. options, "--no-owner", "--no-privileges", "--exit-on-error", full], ct);
        }
    }

    private static async Task RestoreSqliteAsync(string file, DatabaseTarget target, bool replace, CancellationToken ct)
    {
        var path = target.SqliteFile!;
        if (File.Exists(path) && new FileInfo(path).Length > 0 && !replace)
        {
            await using var probe = new SqliteConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            await using var count = probe.CreateCommand();
            count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0)
            {
                throw new BackupException($"Tệp {path} đã có dữ liệu: thêm --replace để thay toàn bộ bằng bản sao lưu.");
            }
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(target.ConnectionString))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            await using var wal = to.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Creates the database when it does not exist; returns whether it existed.</summary>
    private static async Task<bool> EnsurePostgresDatabaseAsync(DatabaseTarget target, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var name = builder.Database ?? throw new BackupException("Chuỗi kết nối PostgreSQL cần Database=….");
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return true;
            }
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
        return false;
    }

    private static async Task<bool> PostgresHasTablesAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        var tables = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        NpgsqlConnection.ClearPool(connection);
        return tables > 0;
    }

    /// <summary>Runs pg_dump or pg_restore on the target's database; the password goes in the environment, never on the command line.</summary>
    private static async Task RunAsync(string tool, DatabaseTarget target, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--host=" + (cs.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + cs.Port.ToString(CultureInfo.InvariantCulture));
        if (cs.Username is { } user)
        {
            start.ArgumentList.Add("--username=" + user);
        }

        start.ArgumentList.Add("--dbname=" + cs.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (cs.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"Không chạy được {tool}.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"Không tìm thấy {tool}: cài gói postgresql-client (cùng phiên bản chính với máy chủ hoặc mới hơn) và đặt nó trong PATH.");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            var output = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} dừng với mã {process.ExitCode}: {(await errors).Trim()}{(await output).Trim()}");
            }
        }
    }
}
