using ChiBo.Audit;
using ChiBo.Data;

namespace ChiBo.Web.Audit;

/// <summary>Runs the writer of <see cref="AuditReads"/> for the life of the app and drains it when the app stops.</summary>
public sealed class AuditReadWriter(AuditReads reads, DatabaseTarget target, TimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        reads.RunAsync(() => target.CreateContext(AuditScope.For("system"), clock), stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        reads.Complete();
        await base.StopAsync(cancellationToken);
    }
}
