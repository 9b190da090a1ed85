using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Generation;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web;

/// <summary>On start: create and migrate the database; fill an empty one with the demo province.</summary>
public static class FirstRun
{
    /// <summary>Set to "none" (tests, production) to start with an empty register.</summary>
    public const string DemoSetting = "CHIBO_DEMO";

    public static async Task EnsureReadyAsync(IServiceProvider services, DatabaseTarget target, ILogger logger, CancellationToken ct)
    {
        logger.LogInformation("Cơ sở dữ liệu: {Target}", target);
        await target.MigrateAsync(ct);
        var demo = services.GetRequiredService<IConfiguration>()[DemoSetting];
        if (string.Equals(demo, "none", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        var today = services.GetRequiredService<TimeProvider>().Today();
        if (await DemoProvince.SeedIfEmptyAsync(target, new ThrottledLog(logger), today, ct) is { } seeded)
        {
            logger.LogInformation(
                "Đã tạo dữ liệu mẫu tỉnh An Giang trong {Seconds:0.0} giây, trong đó sinh hoạt chi bộ {From}–{To} ({Meetings} buổi, {Attendances} lượt điểm danh, {Tasks} nhiệm vụ) {CellLifeSeconds:0.0} giây.",
                TimeProvider.System.GetElapsedTime(started).TotalSeconds, today.Year - 1, today.Year, seeded.CellLife.Meetings,
                seeded.CellLife.Attendances, seeded.CellLife.Tasks, seeded.CellLifeElapsed.TotalSeconds);
        }

        await using var db = target.CreateContext(AuditScope.For("first-run"));
        if (await db.Accounts.AnyAsync(ct) || !await db.Organizations.AnyAsync(ct))
        {
            return;
        }

        var accounts = await DemoAccounts.CreateAsync(db, TimeProvider.System, ct);
        var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target.SqliteFile ?? DatabaseTarget.DefaultSqliteFile))!, "demo-accounts.txt");
        await File.WriteAllTextAsync(file, DemoAccounts.Describe(accounts), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.LogInformation("Tài khoản thử nghiệm ({Users}): mật khẩu và khóa TOTP trong {File}.",
            string.Join(", ", accounts.Select(a => a.UserName)), file);
    }

    /// <summary>Seeding progress in the log, a line per stage and every few seconds.</summary>
    private sealed class ThrottledLog(ILogger logger) : IProgress<GenerationProgress>
    {
        private string? _stage;
        private long _last;

        public void Report(GenerationProgress value)
        {
            var now = Environment.TickCount64;
            if (value.Stage == _stage && now - _last < 3000)
            {
                return;
            }

            _stage = value.Stage;
            _last = now;
            logger.LogInformation("Đang tạo dữ liệu mẫu: {Stage} {Done}/{Total}", value.Stage, value.Done, value.Total);
        }
    }
}
