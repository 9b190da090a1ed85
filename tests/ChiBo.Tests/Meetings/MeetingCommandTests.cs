using ChiBo.Meetings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Meetings;

public sealed class MeetingCommandTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2025, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScheduleMonthlyMeetings_WhenAMonthAlreadyHasOne_SkipsItAndClampsTheDay(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 1, membersPerCell: 2);
        await using var db = database.Context();
        var commands = new MeetingCommands(db, Clock);
        var cell = world.Cells[0];
        await commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 3, 5), Title = "Tháng 3", Place = "Nhà văn hóa" }, Ct);

        var created = await commands.ScheduleMonthlyMeetingsAsync(cell.Id, 2025, 31, "Nhà văn hóa ấp", Ct);

        created.Count.ShouldBe(11);
        created.ShouldNotContain(m => m.Date.Month == 3);
        created.Single(m => m.Date.Month == 2).Date.ShouldBe(new DateOnly(2025, 2, 28));
        created.ShouldAllBe(m => m.Kind == MeetingKind.Regular && m.Status == MeetingStatus.Scheduled && m.CellPath == cell.Path);
        (await commands.ScheduleMonthlyMeetingsAsync(cell.Id, 2025, 10, "Nhà văn hóa ấp", Ct)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Schedule_WhenARegularMeetingExistsThatMonthOrTheCellMayNotMeetOnline_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 1, membersPerCell: 1);
        await using var db = database.Context();
        var commands = new MeetingCommands(db, Clock);
        var cell = world.Cells[0];
        await commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 7, 5), Title = "Tháng 7", Place = "Ấp" }, Ct);

        var twice = await Should.ThrowAsync<MeetingRuleException>(() =>
            commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 7, 20), Title = "Lần 2", Place = "Ấp" }, Ct));
        twice.Field.ShouldBe("Date");
        twice.Message.ShouldContain("tháng 7/2025");

        var online = await Should.ThrowAsync<MeetingRuleException>(() => commands.ScheduleAsync(new MeetingPlan
        {
            CellId = cell.Id, Date = new DateOnly(2025, 8, 20), Kind = MeetingKind.Thematic, Title = "Chuyên đề", Agenda = "Chuyển đổi số",
            OnlineLink = "https://hop.example.vn/1",
        }, Ct));
        online.Field.ShouldBe("OnlineLink");

        var noTheme = await Should.ThrowAsync<MeetingRuleException>(() => commands.ScheduleAsync(new MeetingPlan
        {
            CellId = cell.Id, Date = new DateOnly(2025, 8, 20), Kind = MeetingKind.Thematic, Title = "Chuyên đề", Place = "Ấp",
        }, Ct));
        noTheme.Field.ShouldBe("Agenda");

        var notACell = await Should.ThrowAsync<MeetingRuleException>(() => commands.ScheduleAsync(new MeetingPlan
        {
            CellId = world.BaseCommittee.Id, Date = new DateOnly(2025, 8, 5), Title = "Họp", Place = "Ấp",
        }, Ct));
        notACell.Field.ShouldBe("CellId");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordAttendance_WhenAMemberBelongsToAnotherCell_IsRefusedAndNothingIsWritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 2, membersPerCell: 2);
        await using var db = database.Context();
        var commands = new MeetingCommands(db, Clock);
        var (cell, other) = (world.Cells[0], world.Cells[1]);
        var meeting = await commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 6, 5), Title = "Tháng 6", Place = "Ấp" }, Ct);
        var stranger = world.Members[other.Id][0].Id;

        var e = await Should.ThrowAsync<MeetingRuleException>(() => commands.RecordAttendanceAsync(meeting.Id, meeting.Version,
            [new(world.Members[cell.Id][0].Id, Presence.Present), new(stranger, Presence.Present)], Ct));

        e.Field.ShouldBe("MemberId");
        e.Message.ShouldContain(stranger.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var check = database.Context();
        (await check.MeetingAttendances.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attendance_Hold_Rate_FollowTheRulesAndKeepTheCounts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 1, membersPerCell: 3);
        await using var db = database.Context();
        var commands = new MeetingCommands(db, Clock);
        var cell = world.Cells[0];
        var (a, b, c) = (world.Members[cell.Id][0].Id, world.Members[cell.Id][1].Id, world.Members[cell.Id][2].Id);
        var future = await commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 7, 5), Title = "Tháng 7", Place = "Ấp" }, Ct);
        (await Should.ThrowAsync<MeetingRuleException>(() =>
            commands.RecordAttendanceAsync(future.Id, future.Version, [new(a, Presence.Present)], Ct))).Field.ShouldBe("Date");

        var meeting = await commands.ScheduleAsync(new MeetingPlan { CellId = cell.Id, Date = new DateOnly(2025, 6, 5), Title = "Tháng 6", Place = "Ấp" }, Ct);
        (await Should.ThrowAsync<MeetingRuleException>(() =>
            commands.RecordAttendanceAsync(meeting.Id, meeting.Version, [new(a, Presence.Excused)], Ct))).Field.ShouldBe("Reason");

        meeting = await commands.RecordAttendanceAsync(meeting.Id, meeting.Version, [new(a, Presence.Present), new(b, Presence.Excused, "Ốm")], Ct);
        var incomplete = await Should.ThrowAsync<MeetingRuleException>(() => commands.HoldAsync(meeting.Id, meeting.Version, "Biên bản", null, Ct));
        incomplete.Field.ShouldBe("Attendance");
        incomplete.Message.ShouldContain("1 đảng viên");

        var stale = meeting.Version;
        meeting = await commands.RecordAttendanceAsync(meeting.Id, meeting.Version,
            [new(a, Presence.Present), new(b, Presence.Excused, "Ốm"), new(c, Presence.Unexcused)], Ct);
        (meeting.PresentCount, meeting.ExcusedCount, meeting.UnexcusedCount).ShouldBe((1, 1, 1));
        await Should.ThrowAsync<MeetingEditConflictException>(() => commands.HoldAsync(meeting.Id, stale, "Biên bản", null, Ct));
        var nines = MeetingRules.Default.Quality.Criteria.ToDictionary(k => k.Code, _ => 9);
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.RateAsync(meeting.Id, meeting.Version, nines, Ct))).Field.ShouldBe("Status");
        var missing = await Should.ThrowAsync<MeetingRuleException>(() =>
            commands.RateAsync(meeting.Id, meeting.Version, new Dictionary<string, int> { ["chuan-bi"] = 11 }, Ct));
        missing.Field.ShouldBe("chuan-bi");
        missing.Message.ShouldContain("từ 0 đến 10");

        meeting = await commands.HoldAsync(meeting.Id, meeting.Version, "Biên bản", "Nghị quyết", Ct);
        meeting = await commands.RateAsync(meeting.Id, meeting.Version, nines, Ct);

        // 90 points, but one present out of three on the roll: below the attendance target, so not tốt.
        meeting.RatingScore.ShouldBe(90m);
        meeting.Rating.ShouldBe(MeetingRating.Fair);
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.CancelAsync(meeting.Id, meeting.Version, "Mưa bão", Ct))).Field.ShouldBe("Status");

        await using var check = database.Context();
        var stored = await check.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct);
        (stored.Status, stored.Rating, stored.Version).ShouldBe((MeetingStatus.Held, MeetingRating.Fair, meeting.Version));
        (await check.MeetingAttendances.CountAsync(x => x.MeetingId == meeting.Id, Ct)).ShouldBe(3);
        (await check.AuditEntries.CountAsync(x => x.EntityType == nameof(Meeting), Ct)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignTask_WhenTheMemberIsInTheCell_IsRecordedWithItsResult(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 2, membersPerCell: 1);
        await using var db = database.Context();
        var commands = new MeetingCommands(db, Clock);
        var cell = world.Cells[0];
        var member = world.Members[cell.Id][0].Id;

        var wrongCell = await Should.ThrowAsync<MeetingRuleException>(() => commands.AssignTaskAsync(
            new TaskAssignment(world.Cells[1].Id, member, 2025, "Tuyên truyền", new DateOnly(2025, 1, 15), null), Ct));
        wrongCell.Field.ShouldBe("MemberId");
        (await Should.ThrowAsync<MeetingRuleException>(() => commands.AssignTaskAsync(
            new TaskAssignment(cell.Id, member, 2025, "Tuyên truyền", new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1)), Ct))).Field.ShouldBe("DueOn");

        var task = await commands.AssignTaskAsync(
            new TaskAssignment(cell.Id, member, 2025, "Tuyên truyền hộ gia đình", new DateOnly(2025, 1, 15), new DateOnly(2025, 12, 15)), Ct);
        task = await commands.RecordTaskResultAsync(task.Id, task.Version, "Đã vận động 20 hộ", completed: true, new DateOnly(2025, 6, 1), Ct);

        task.Status.ShouldBe(MemberTaskStatus.Completed);
        task.CellPath.ShouldBe(cell.Path);
        await Should.ThrowAsync<MeetingEditConflictException>(() =>
            commands.RecordTaskResultAsync(task.Id, 0, "Sửa", completed: false, new DateOnly(2025, 6, 2), Ct));
    }
}
