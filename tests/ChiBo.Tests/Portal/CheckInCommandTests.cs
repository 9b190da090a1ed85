using ChiBo.Meetings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Portal;

/// <summary>MeetingCommands.CheckInAsync, the member's own check-in, on both databases.</summary>
public sealed class CheckInCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CheckIn_TurnsAnAbsenceIntoPresence_AndKeepsTheTotalsInStep(string provider)
    {
        await using var world = await PortalWorld.CreateAsync(provider);
        var (an, binh) = (world.Data.An.Id, world.Data.Binh.Id);
        var id = world.TodaysMeeting.Id;
        await using (var db = world.Database.Context())
        {
            await new MeetingCommands(db, world.Clock).RecordAttendanceAsync(id, world.TodaysMeeting.Version,
                [new(an, Presence.Excused, "Đi viện"), new(binh, Presence.Unexcused)], Ct);
        }

        await using (var db = world.Database.Context())
        {
            var m = await new MeetingCommands(db, world.Clock).CheckInAsync(id, an, Ct);
            (m.PresentCount, m.ExcusedCount, m.UnexcusedCount).ShouldBe((1, 0, 1));
            m = await new MeetingCommands(db, world.Clock).CheckInAsync(id, binh, Ct);
            (m.PresentCount, m.ExcusedCount, m.UnexcusedCount).ShouldBe((2, 0, 0));
            m = await new MeetingCommands(db, world.Clock).CheckInAsync(id, binh, Ct); // again: nothing changes
            (m.PresentCount, m.ExcusedCount, m.UnexcusedCount).ShouldBe((2, 0, 0));
        }

        await using var check = world.Database.Context();
        var lines = await check.MeetingAttendances.Where(a => a.MeetingId == id).OrderBy(a => a.MemberId).ToListAsync(Ct);
        lines.Select(l => (l.MemberId, l.Presence, l.Reason)).ShouldBe([(an, Presence.Present, (string?)null), (binh, Presence.Present, null)]);
        var meeting = await check.Meetings.SingleAsync(m => m.Id == id, Ct);
        (meeting.PresentCount, meeting.ExcusedCount, meeting.UnexcusedCount).ShouldBe((2, 0, 0));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CheckIn_IsRefused_OffTheRoll_OnACancelledMeeting_AndAStaleRollCallIsAConflict(string provider)
    {
        await using var world = await PortalWorld.CreateAsync(provider);
        var d = world.Data;
        await using var db = world.Database.Context();
        var commands = new MeetingCommands(db, world.Clock);

        // An belongs to Chi bộ ấp Một, not to ấp Hai; Anh (ấp Hai) is exempted from meetings.
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.CheckInAsync(world.OtherCellsMeeting.Id, d.An.Id, Ct))).Field.ShouldBe("MemberId");
        db.ChangeTracker.Clear();
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.CheckInAsync(world.OtherCellsMeeting.Id, d.Anh.Id, Ct))).Field.ShouldBe("MemberId");
        db.ChangeTracker.Clear();
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.CheckInAsync(987_654, d.An.Id, Ct))).Field.ShouldBe("Id");
        db.ChangeTracker.Clear();
        var early = await Should.ThrowAsync<MeetingRuleException>(() => commands.CheckInAsync(world.Thematic.Id, d.An.Id, Ct));
        early.Field.ShouldBe("Date");
        early.Message.ShouldBe("Chỉ tự điểm danh được trong ngày họp (15/07/2026); hôm nay là 30/06/2026.");
        db.ChangeTracker.Clear();

        // A roll call prepared on the version before a check-in is refused, not silently applied.
        var read = world.TodaysMeeting.Version;
        await commands.CheckInAsync(world.TodaysMeeting.Id, d.An.Id, Ct);
        db.ChangeTracker.Clear();
        await Should.ThrowAsync<MeetingEditConflictException>(() =>
            commands.RecordAttendanceAsync(world.TodaysMeeting.Id, read, [new(d.An.Id, Presence.Unexcused), new(d.Binh.Id, Presence.Present)], Ct));
        db.ChangeTracker.Clear();

        var other = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == world.OtherCellsMeeting.Id, Ct);
        await commands.CancelAsync(other.Id, other.Version, "Mưa bão", Ct);
        db.ChangeTracker.Clear();
        var cancelled = await Should.ThrowAsync<MeetingRuleException>(() => commands.CheckInAsync(other.Id, d.Anh.Id, Ct));
        cancelled.Message.ShouldBe("Buổi sinh hoạt đã bị hủy.");
        (await db.MeetingAttendances.CountAsync(a => a.MeetingId == other.Id, Ct)).ShouldBe(0);
    }
}
