using System.Collections.Concurrent;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Portal;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Plans;

/// <summary>
/// The register of <see cref="TestData"/> (province T: commune T.01 with cells One, Two and the
/// enterprise cell; ward T.02 with the school cell) on 30/06/2026, with what every measure counts
/// put in by hand or through the commands:
/// <list type="bullet">
/// <item>records: Hoa has no home town (incomplete), Đạt's CCCD has the wrong century-and-gender digit
/// (invalid), An's record was last changed on 01/01/2024 (not current);</item>
/// <item>events of 2026: admitted twice in cell One (01/03) and once in the school cell (01/02), removed
/// once in cell Two (01/04); An reprimanded by cell One on 01/06;</item>
/// <item>cell life of 2026: cell One meets every month January–May (Bình absent without reason in
/// March) with a thematic meeting on 20/02, January rated tốt; the enterprise cell meets in January
/// only; the school cell every month, no thematic meeting; cell Two (Anh exempted, Dũng dead) never.
/// Tasks for An and Hoa; commitments of An and Đạt;</item>
/// <item>handbook: An active on 20/06, Hoa on 01/04 (too long ago), Anh on 25/06 (exempted).</item>
/// </list>
/// </summary>
public sealed class PlanWorld
{
    public static readonly DateOnly Today = TestData.Today;

    public required Organization Province { get; init; }
    public required Organization Commune { get; init; }
    public required Organization Ward { get; init; }
    public required Organization CellOne { get; init; }
    public required Organization CellTwo { get; init; }
    public required Organization EnterpriseCell { get; init; }
    public required Organization SchoolCell { get; init; }
    public required Member An { get; init; }

    public static TestClock Clock() => TestClock.On(Today);

    public static async Task<PlanWorld> BuildAsync(TestDatabase database)
    {
        await using var data = await TestData.SeedAsync(database);
        await using var db = database.Context();
        var clock = Clock();
        await db.Members.Where(m => m.Id == data.Hoa.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.HomeTown, (string?)null));
        var badCccd = Cccd.Compose(89, data.Dat.BirthDate, Gender.Female, 777_001);
        await db.Members.Where(m => m.Id == data.Dat.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Cccd, badCccd));
        var old = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await db.Members.Where(m => m.Id == data.An.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, old));

        void Event(Member m, Organization cell, MemberEventKind kind, DateOnly date) => db.MemberEvents.Add(new MemberEvent
        {
            ProvinceId = cell.ProvinceId, MemberId = m.Id, Kind = kind, Date = date, CellId = cell.Id, CellPath = cell.Path,
            RecordedBy = "test", RecordedAt = clock.GetUtcNow(),
        });
        Event(data.An, data.CellOne, MemberEventKind.Admitted, new DateOnly(2026, 3, 1));
        Event(data.Binh, data.CellOne, MemberEventKind.Admitted, new DateOnly(2026, 3, 1));
        Event(data.Dat, data.SchoolCell, MemberEventKind.Admitted, new DateOnly(2026, 2, 1));
        Event(data.Anh, data.CellTwo, MemberEventKind.Removed, new DateOnly(2026, 4, 1));
        db.HandbookActivities.AddRange(
            new HandbookActivity { MemberId = data.An.Id, ProvinceId = data.An.ProvinceId, LastActiveOn = new DateOnly(2026, 6, 20) },
            new HandbookActivity { MemberId = data.Hoa.Id, ProvinceId = data.Hoa.ProvinceId, LastActiveOn = new DateOnly(2026, 4, 1) },
            new HandbookActivity { MemberId = data.Anh.Id, ProvinceId = data.Anh.ProvinceId, LastActiveOn = new DateOnly(2026, 6, 25) });
        await db.SaveChangesAsync();

        await new DisciplineCommands(db, clock, ChiBo.Access.OrgScope.System, "test").DecideAsync(new DecisionInput(
            data.An.Id, null, DisciplineForm.Reprimand, "3-QĐ/CB", new DateOnly(2026, 6, 1), data.CellOne.Id, DecidingBody.Cell, "Vi phạm chế độ sinh hoạt"));

        var meetings = new MeetingCommands(db, clock);
        var nines = MeetingRules.Default.Quality.Criteria.ToDictionary(c => c.Code, _ => 9);
        for (var month = 1; month <= 5; month++)
        {
            var held = await HoldAsync(meetings, data.CellOne, new DateOnly(2026, month, 10), MeetingKind.Regular,
                [(data.An.Id, Presence.Present), (data.Binh.Id, month == 3 ? Presence.Unexcused : Presence.Present)]);
            if (month == 1)
            {
                await meetings.RateAsync(held.Id, held.Version, nines);
            }

            await HoldAsync(meetings, data.SchoolCell, new DateOnly(2026, month, 11), MeetingKind.Regular, [(data.Dat.Id, Presence.Present)]);
        }

        await HoldAsync(meetings, data.CellOne, new DateOnly(2026, 2, 20), MeetingKind.Thematic, [(data.An.Id, Presence.Present), (data.Binh.Id, Presence.Present)]);
        await HoldAsync(meetings, data.EnterpriseCell, new DateOnly(2026, 1, 12), MeetingKind.Regular, [(data.Hoa.Id, Presence.Present)]);
        await meetings.AssignTaskAsync(new TaskAssignment(data.CellOne.Id, data.An.Id, 2026, "Phụ trách tổ dân vận", new DateOnly(2026, 1, 10), null));
        await meetings.AssignTaskAsync(new TaskAssignment(data.EnterpriseCell.Id, data.Hoa.Id, 2026, "Phụ trách công đoàn", new DateOnly(2026, 1, 12), null));
        await meetings.RecordCommitmentAsync(new CommitmentEntry(data.CellOne.Id, data.An.Id, 2026, "Chương trình hành động năm 2026", "Cam kết tu dưỡng, rèn luyện", new DateOnly(2026, 1, 15)), null);
        await meetings.RecordCommitmentAsync(new CommitmentEntry(data.SchoolCell.Id, data.Dat.Id, 2026, "Chương trình hành động năm 2026", "Cam kết tu dưỡng, rèn luyện", new DateOnly(2026, 1, 16)), null);

        return new PlanWorld
        {
            Province = data.Province, Commune = data.Commune, Ward = data.Ward, CellOne = data.CellOne, CellTwo = data.CellTwo,
            EnterpriseCell = data.EnterpriseCell, SchoolCell = data.SchoolCell, An = data.An,
        };
    }

    private static async Task<Meeting> HoldAsync(MeetingCommands commands, Organization cell, DateOnly date, MeetingKind kind, (int Member, Presence Presence)[] roll)
    {
        var meeting = await commands.ScheduleAsync(new MeetingPlan
        {
            CellId = cell.Id, Date = date, Kind = kind, Title = kind == MeetingKind.Regular ? "Sinh hoạt thường kỳ" : "Sinh hoạt chuyên đề",
            Agenda = kind == MeetingKind.Thematic ? "Học tập Nghị quyết 21-NQ/TW" : null, Place = "Hội trường",
        });
        meeting = await commands.RecordAttendanceAsync(meeting.Id, meeting.Version,
            roll.Select(r => new AttendanceEntry(r.Member, r.Presence, r.Presence == Presence.Excused ? "Đi công tác" : null)).ToList());
        return await commands.HoldAsync(meeting.Id, meeting.Version, "Chi bộ đã họp đủ nội dung.", "Thống nhất nhiệm vụ tháng tới.");
    }

    /// <summary>Imports a plan file for the province with the command line's scope.</summary>
    public static async Task<PlanImportResult> ImportAsync(TestDatabase database, string json)
    {
        await using var db = database.Context();
        return await new PlanCommands(db, Clock(), OrgScope.System, "test").ImportAsync(PlanFile.Parse(json));
    }
}

/// <summary>One <see cref="PlanWorld"/> per provider for a test class.</summary>
public sealed class PlanWorlds : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(TestDatabase, PlanWorld)>>> _worlds = new();

    public Task<(TestDatabase Database, PlanWorld World)> GetAsync(string provider)
    {
        if (provider == TestDatabase.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set: no PostgreSQL server for this run.");
        }

        return _worlds.GetOrAdd(provider, p => new Lazy<Task<(TestDatabase, PlanWorld)>>(async () =>
        {
            var database = await TestDatabase.CreateAsync(p);
            return (database, await PlanWorld.BuildAsync(database));
        })).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _worlds.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.Item1.DisposeAsync();
            }
        }
    }
}
