using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Meetings;

public sealed class MeetingHistoryGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_GivesAPlausibleHistory_MostCellsCompliantSomeNot(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 150, membersPerCell: 8);

        var stats = await MeetingHistoryGenerator.GenerateAsync(database.Target, world.Province.ProvinceId, 2025, 2025, 20251, null, Ct, Today);

        stats.Cells.ShouldBe(150);
        await using var db = database.Context();
        var report = await ComplianceReport.RunAsync(db, new OrgLookup(true, world.Province), 2025, Today, ct: Ct);
        report.Cells.ShouldBe(150);
        report.Meetings.ShouldBe((int)(await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Held, Ct)));
        ((double)report.CellsMeetingEveryMonth / report.Cells).ShouldBeInRange(0.8, 0.99);
        ((double)report.CellsWithThematicEveryQuarter / report.Cells).ShouldBeInRange(0.8, 0.99);
        report.AttendanceRate.ShouldBeInRange(0.88m, 0.97m);
        report.MeetingsRatedGoodShare.ShouldBeInRange(0.4m, 0.95m);
        report.MembersAssignedShare.ShouldBeInRange(0.85m, 0.99m);
        report.RepeatedAbsentees.Count.ShouldBeInRange(1, 60);

        // The counts kept on each meeting agree with its attendance rows.
        var mismatched = await db.Meetings
            .Where(m => m.PresentCount + m.ExcusedCount + m.UnexcusedCount != db.MeetingAttendances.Count(a => a.MeetingId == m.Id))
            .CountAsync(Ct);
        mismatched.ShouldBe(0);
        (await db.MeetingAttendances.AnyAsync(a => a.Presence == Presence.Excused && a.Reason == null, Ct)).ShouldBeFalse();

        // Running it again for the same years is refused rather than doubling the history.
        var again = await Should.ThrowAsync<MeetingRuleException>(() =>
            MeetingHistoryGenerator.GenerateAsync(database.Target, world.Province.ProvinceId, 2025, 2025, 20251, null, Ct, Today));
        again.Field.ShouldBe("ProvinceId");
    }

    [Fact]
    public async Task Generate_WithTheSameSeed_WritesTheSameRows()
    {
        var fingerprints = new List<(int, long, long, long)>();
        foreach (var _ in new[] { 1, 2 })
        {
            await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
            var world = await MeetingWorld.BuildAsync(database, cells: 20, membersPerCell: 5);
            await MeetingHistoryGenerator.GenerateAsync(database.Target, world.Province.ProvinceId, 2024, 2025, 7, null, Ct, new DateOnly(2025, 9, 1));
            await using var db = database.Context();
            var meetings = await db.Meetings.AsNoTracking().ToListAsync(Ct);
            var attendances = await db.MeetingAttendances.AsNoTracking().ToListAsync(Ct);
            var tasks = await db.MemberTasks.AsNoTracking().ToListAsync(Ct);
            fingerprints.Add((
                meetings.Count,
                meetings.Sum(m => ((long)m.Date.DayNumber * (int)m.Status) + m.PresentCount + (long)(m.RatingScore ?? 0)),
                attendances.Sum(a => ((long)a.MemberId * (int)a.Presence) + a.MeetingId + (a.Reason?.Length ?? 0)),
                tasks.Sum(t => (long)t.MemberId + t.AssignedOn.DayNumber + (int)t.Status)));
        }

        fingerprints[0].Item1.ShouldBeGreaterThan(20 * 12);
        fingerprints[1].ShouldBe(fingerprints[0]);
    }
}
