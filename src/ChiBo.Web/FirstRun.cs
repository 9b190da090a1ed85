using ChiBo.Data;
using ChiBo.Generation;

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
        if (await DemoProvince.SeedIfEmptyAsync(target, null, ct))
        {
            logger.LogInformation("Đã tạo dữ liệu mẫu tỉnh An Giang trong {Seconds:0.0} giây.",
                TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
    }
}
