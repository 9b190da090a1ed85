using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Members;
using Microsoft.AspNetCore.Mvc.Testing;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// Three cells of one base committee through 2025, built with the commands:
/// A (4 members) meets every month and every quarter; one member is absent without reason three
/// times, another excused once. B (3 members) skips March (its March meeting was cancelled).
/// C (2 members) has no thematic meeting in Q2. Two meetings are rated tốt, one khá.
/// Tasks: all of A, one of B, none of C.
/// </summary>
public sealed class ComplianceWorlds : IAsyncDisposable
{
    public static readonly DateOnly AfterTheYear = new(2026, 1, 15);

    private readonly ConcurrentDictionary<string, Lazy<Task<(TestDatabase, MeetingWorld)>>> _worlds = new();

    public Task<(TestDatabase Database, MeetingWorld World)> GetAsync(string provider)
    {
        if (provider == TestDatabase.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set: no PostgreSQL server for this run.");
        }

        return _worlds.GetOrAdd(provider, p => new Lazy<Task<(TestDatabase, MeetingWorld)>>(() => BuildAsync(p))).Value;
    }

    private static async Task<(TestDatabase, MeetingWorld)> BuildAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 3, membersPerCell: 0);
        await using var db = database.Context();

        // Uneven cells: A 4 members, B 3, C 2 (the helper made none, so add them here).
        var sizes = new[] { 4, 3, 2 };
        var members = new Dictionary<int, IReadOnlyList<Member>>();
        for (var i = 0; i < 3; i++)
        {
            var cell = world.Cells[i];
            var list = Enumerable.Range(1, sizes[i]).Select(k => new Member
            {
                ProvinceId = cell.ProvinceId, FullName = $"Trần Thị {(char)('A' + i)}{k}", SearchName = $"tran thi {(char)('a' + i)}{k}",
                Gender = Gender.Female, BirthDate = new DateOnly(1980, 1, 1), AdmittedOn = new DateOnly(2010, 1, 1),
                OfficialOn = new DateOnly(2011, 1, 1), Status = MemberStatus.Official, CellId = cell.Id, UpdatedAt = DateTimeOffset.UnixEpoch,
            }).ToList();
            db.Members.AddRange(list);
            await db.SaveChangesAsync();
            db.MemberPeriods.AddRange(list.Select(m => MemberPeriod.Open(m, cell, MeetingWorld.Since)));
            await db.SaveChangesAsync();
            members[cell.Id] = list;
        }

        world = new MeetingWorld
        {
            Province = world.Province, Commune = world.Commune, BaseCommittee = world.BaseCommittee, Cells = world.Cells, Members = members,
        };
        var commands = new MeetingCommands(db, new TestClock(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7))));
        var (a, b, c) = (world.Cells[0], world.Cells[1], world.Cells[2]);
        var a1 = members[a.Id][0].Id;
        var a2 = members[a.Id][1].Id;
        var nines = MeetingRules.Default.Quality.Criteria.ToDictionary(k => k.Code, _ => 9);

        // Outside the year: must not count.
        await world.HoldAsync(commands, a, new DateOnly(2024, 12, 10), MeetingKind.Regular);
        for (var month = 1; month <= 12; month++)
        {
            var date = new DateOnly(2025, month, 10);
            var absences = month switch
            {
                <= 3 => new Dictionary<int, Presence> { [a1] = Presence.Unexcused },
                4 => new Dictionary<int, Presence> { [a2] = Presence.Excused },
                _ => null,
            };
            var held = await world.HoldAsync(commands, a, date, MeetingKind.Regular, absences);
            if (month is 1 or 7)
            {
                // January: 3 of 4 present, so 90 points still give khá; July: tốt.
                await commands.RateAsync(held.Id, held.Version, nines);
            }

            if (month == 3)
            {
                var planned = await commands.ScheduleAsync(new MeetingPlan { CellId = b.Id, Date = date, Title = "Tháng 3", Place = "Ấp" });
                await commands.CancelAsync(planned.Id, planned.Version, "Mưa bão");
            }
            else
            {
                var heldB = await world.HoldAsync(commands, b, date, MeetingKind.Regular);
                if (month == 1)
                {
                    await commands.RateAsync(heldB.Id, heldB.Version, nines);
                }
            }

            await world.HoldAsync(commands, c, date, MeetingKind.Regular);
            if (month % 3 == 2)
            {
                var thematic = new DateOnly(2025, month, 25);
                await world.HoldAsync(commands, a, thematic, MeetingKind.Thematic);
                await world.HoldAsync(commands, b, thematic, MeetingKind.Thematic);
                if (month != 5)
                {
                    await world.HoldAsync(commands, c, thematic, MeetingKind.Thematic);
                }
            }
        }

        foreach (var m in members[a.Id].Append(members[b.Id][0]))
        {
            await commands.AssignTaskAsync(new TaskAssignment(m.CellId, m.Id, 2025, "Tuyên truyền, vận động nhân dân", new DateOnly(2025, 1, 20), new DateOnly(2025, 12, 15)));
        }

        return (database, world);
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

public sealed class ComplianceReportTests(ComplianceWorlds worlds) : IClassFixture<ComplianceWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(TestDatabase Database, MeetingWorld World, MeetingCompliance Report)> RootReportAsync(string provider, DateOnly today)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var db = database.Context();
        var report = await ComplianceReport.RunAsync(db, new OrgLookup(true, world.Province), 2025, today, ct: Ct);
        return (database, world, report);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_WhenACellSkipsAMonth_IsNotCountedAsMeetingEveryMonth(string provider)
    {
        var (_, world, report) = await RootReportAsync(provider, ComplianceWorlds.AfterTheYear);

        report.Cells.ShouldBe(3);
        report.CellsMeetingEveryMonth.ShouldBe(2);
        var b = report.CellRows!.Single(r => r.CellId == world.Cells[1].Id);
        b.MissedMonths.ShouldBe([3]);
        b.MonthsWithRegularMeeting.ShouldBe(11);
        b.MonthsDue.ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_WhenACellHasNoThematicMeetingInQ2_FailsTheQuarterRule(string provider)
    {
        var (_, world, report) = await RootReportAsync(provider, ComplianceWorlds.AfterTheYear);

        report.CellsWithThematicEveryQuarter.ShouldBe(2);
        var c = report.CellRows!.Single(r => r.CellId == world.Cells[2].Id);
        c.MissedQuarters.ShouldBe([2]);
        c.ThematicEveryQuarter.ShouldBeFalse();
        c.MeetsEveryMonth.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_AttendanceRatingsAndTasks_AreExactFractions(string provider)
    {
        var (_, world, report) = await RootReportAsync(provider, ComplianceWorlds.AfterTheYear);

        // Held in 2025: A 12 + 4, B 11 + 4, C 12 + 3 = 46 (the 2024 and the cancelled meeting do not count).
        report.Meetings.ShouldBe(46);

        // Roll: A 16 × 4 = 64 with 4 absences, B 15 × 3 = 45, C 15 × 2 = 30 → 135 present of 139.
        report.AttendanceRate.ShouldBe(0.9712m);
        report.CellRows!.Single(r => r.CellId == world.Cells[0].Id).AttendanceRate.ShouldBe(0.9375m);
        report.CellRows!.Single(r => r.CellId == world.Cells[0].Id).MembersOnRoll.ShouldBe(64);

        // Two tốt of 46 held; tasks for 5 of 9 members.
        report.MeetingsRatedGoodShare.ShouldBe(0.0435m);
        report.MembersAssignedShare.ShouldBe(0.5556m);
        report.CellRows!.Select(r => (r.ActiveMembers, r.MembersAssigned)).ShouldBe([(4, 4), (3, 1), (2, 0)]);

        var absentee = report.RepeatedAbsentees.ShouldHaveSingleItem();
        absentee.MemberId.ShouldBe(world.Members[world.Cells[0].Id][0].Id);
        absentee.UnexcusedAbsences.ShouldBe(3);
        absentee.CellCode.ShouldBe(world.Cells[0].Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_DuringTheYear_OnlyCountsMonthsAndQuartersThatHaveEnded(string provider)
    {
        var (_, _, report) = await RootReportAsync(provider, new DateOnly(2025, 4, 10));

        report.Through.ShouldBe(new DateOnly(2025, 4, 10));
        report.CellRows!.ShouldAllBe(r => r.MonthsDue == 3 && r.QuartersDue == 1);
        report.CellsMeetingEveryMonth.ShouldBe(2);
        report.CellsWithThematicEveryQuarter.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_ForOneCell_CountsOnlyThatSubtree(string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var db = database.Context();
        var lookup = await SubtreeQueries.FindAsync(db, world.Cells[1].Code, Ct);

        var report = await ComplianceReport.RunAsync(db, lookup, 2025, ComplianceWorlds.AfterTheYear, ct: Ct);

        (report.Org, report.Cells, report.CellsMeetingEveryMonth, report.Meetings, report.AttendanceRate).ShouldBe((world.Cells[1].Code, 1, 0, 15, 1m));
        report.RepeatedAbsentees.ShouldBeEmpty();
    }

    private static readonly string[] ContractKeys =
        ["cells", "cellsMeetingEveryMonth", "cellsWithThematicEveryQuarter", "meetings", "attendanceRate", "meetingsRatedGoodShare", "membersAssignedShare"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cli_ReportMeetings_PrintsTheContractKeys(string provider)
    {
        var (database, _) = await worlds.GetAsync(provider);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await ChiBo.Cli.ChiBoCli.RunAsync(
            ["report", "meetings", "--db", database.Target.ConnectionString, "--org", "root", "--year", "2025", "--format", "json"], output, errors, Ct);

        exit.ShouldBe(0, errors.ToString());
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        foreach (var key in ContractKeys)
        {
            json.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        json.GetProperty("cells").GetInt32().ShouldBe(3);
        json.GetProperty("attendanceRate").GetDecimal().ShouldBe(0.9712m);
        json.TryGetProperty("cellRows", out _).ShouldBeFalse();

        using var bad = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(
            ["report", "meetings", "--db", database.Target.ConnectionString, "--org", "root", "--year", "hai nghìn", "--format", "json"], output, bad, Ct)).ShouldBe(2);
        bad.ToString().ShouldContain("--year");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_ReportsMeetings_AnswersTheContractWithinTheCallersScope(string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var app = new ChiBoApp(database);
        using var client = await app.SignedInAsync("admin");

        var json = await client.GetFromJsonAsync<JsonElement>("/api/reports/meetings?org=root&year=2025&detail=true", Ct);
        foreach (var key in ContractKeys)
        {
            json.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        json.GetProperty("cellsMeetingEveryMonth").GetInt32().ShouldBe(2);
        json.GetProperty("cellRows").GetArrayLength().ShouldBe(3);

        (await client.GetAsync("/api/reports/meetings?org=root&year=20x5", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/reports/meetings?org=XX.9&year=2025", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/api/reports/meetings?org=root&year=2025", Ct)).IsSuccessStatusCode.ShouldBeFalse();
        world.Cells.Count.ShouldBe(3);
    }
}
