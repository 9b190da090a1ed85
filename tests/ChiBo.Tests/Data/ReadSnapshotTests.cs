using ChiBo.Data;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Data;

public sealed class ReadSnapshotTests
{
    [Theory(Timeout = 60_000), MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_snapshot_lets_writers_through_and_keeps_reading_what_it_first_saw(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var root = await database.AddProvinceAsync();

        await using var report = database.Context();
        await using (await Transactions.BeginReadSnapshotAsync(report, ct))
        {
            (await report.Organizations.CountAsync(ct)).ShouldBe(1);

            // Another connection writes while the snapshot is open: on SQLite the provider's own
            // BEGIN IMMEDIATE held it back until the report ended, here for ever.
            await using (var writer = database.Context())
            {
                var org = await writer.Organizations.SingleAsync(o => o.Id == root.Id, ct);
                org.Name = "Đảng bộ tỉnh Đổi tên";
                await writer.SaveChangesAsync(ct);
            }

            (await report.Organizations.AsNoTracking().SingleAsync(o => o.Id == root.Id, ct)).Name.ShouldBe(root.Name);
        }

        (await report.Organizations.AsNoTracking().SingleAsync(o => o.Id == root.Id, ct)).Name.ShouldBe("Đảng bộ tỉnh Đổi tên");
    }
}
