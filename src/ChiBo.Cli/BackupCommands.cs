using System.Globalization;
using ChiBo.Audit;
using ChiBo.Data;

namespace ChiBo.Cli;

/// <summary>chibo backup --to FILE, chibo restore --from FILE [--replace]: a copy of the whole register and back, the audit chain checked after.</summary>
internal static class BackupCommands
{
    public static async Task<int> BackupAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        cl.Allow("db", "to");
        var file = Path.GetFullPath(cl.Required("to"));
        var source = ChiBoCli.Target(cl);
        await using (var db = source.CreateContext())
        {
            // A copy of everything is the largest export there is: it is recorded, and the line is in the copy.
            await AuditChain.RecordAsync(db, Scope(), "backup", "Database", null, Json(file), 0, DateTimeOffset.UtcNow, ct);
        }

        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var bytes = await Backups.BackupAsync(source, file, ct);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Đã sao lưu {source} vào {file} ({bytes / 1024d / 1024d:0.0} MB, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} giây)."));
            return 0;
        }
        catch (BackupException e)
        {
            io.Err.WriteLine("Lỗi: " + e.Message);
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        cl.Allow("db", "from", "replace");
        var file = cl.Required("from");
        var target = ChiBoCli.Target(cl);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await Backups.RestoreAsync(file, target, cl.Has("replace"), ct);
        }
        catch (BackupException e)
        {
            io.Err.WriteLine("Lỗi: " + e.Message);
            return 2;
        }

        // A copy made by an older version gets this version's migrations, as any database the app opens.
        await target.MigrateAsync(ct);
        await using var db = target.CreateContext();
        var check = await AuditChain.VerifyAsync(db, ct);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Đã khôi phục {Path.GetFullPath(file)} vào {target} ({TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} giây)."));
        if (!check.Intact)
        {
            io.Out.WriteLine($"NHẬT KÝ BỊ CAN THIỆP: {check.Problems.Count} chỗ sai trên {check.Entries} dòng.");
            foreach (var problem in check.Problems.Take(50))
            {
                io.Out.WriteLine("  " + problem);
            }

            return 1;
        }

        io.Out.WriteLine($"Nhật ký toàn vẹn: {check.Entries} dòng.");
        await AuditChain.RecordAsync(db, Scope(), "restore", "Database", null, Json(Path.GetFullPath(file)), 0, DateTimeOffset.UtcNow, ct);
        return 0;
    }

    private static AuditScope Scope()
    {
        var scope = AuditScope.For("cli:" + Environment.UserName);
        scope.Address = "cli";
        return scope;
    }

    private static string Json(string file) => System.Text.Json.JsonSerializer.Serialize(new { file });
}
