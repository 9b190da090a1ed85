using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// A cell whose base committee moved to another commune on 01/04/2025 (its path changed mid-year,
/// as in the 2025 reorganization): its meetings, members and tasks lie under two paths and must
/// still count once.
/// </summary>
public sealed class ComplianceMovedCellTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Compliance_OfACellMovedDuringTheYear_CountsItsMembersAndMonthsOnce(string provider)
    {
        await using var world = await World.CreateAsync(provider, new DateOnly(2026, 1, 10));
        var first = await world.RegisterAsync(world.Cell1, "Phan Văn Một", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var second = await world.RegisterAsync(world.Cell1, "Phan Thị Hai", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1), Gender.Female);
        await using (var db = world.Db())
        {
            var baseA1 = db.Organizations.Single(o => o.Id == world.BaseA1.Id);
            await world.Orgs(db).MoveAsync(baseA1.Id, baseA1.Version, world.CommuneB.Id, new DateOnly(2025, 4, 1), new Decision("15-QĐ/TU", "Sắp xếp đơn vị hành chính"), Ct);
        }

        await using (var db = world.Db())
        {
            var commands = new MeetingCommands(db, world.Clock);
            for (var month = 1; month <= 12; month++)
            {
                var m = await commands.ScheduleAsync(new MeetingPlan { CellId = world.Cell1.Id, Date = new DateOnly(2025, month, 12), Title = $"Tháng {month}", Place = "Ấp" }, Ct);
                m = await commands.RecordAttendanceAsync(m.Id, m.Version, [new(first.Id, Presence.Present), new(second.Id, month == 6 ? Presence.Unexcused : Presence.Present)], Ct);
                await commands.HoldAsync(m.Id, m.Version, "Biên bản", null, Ct);
            }

            // One task before the move (old path), two after it (new path), one member in both.
            await commands.AssignTaskAsync(new TaskAssignment(world.Cell1.Id, first.Id, 2025, "Tuyên truyền", new DateOnly(2025, 1, 20), null), Ct);
            await commands.AssignTaskAsync(new TaskAssignment(world.Cell1.Id, first.Id, 2025, "Hòa giải", new DateOnly(2025, 5, 20), null), Ct);
            await commands.AssignTaskAsync(new TaskAssignment(world.Cell1.Id, second.Id, 2025, "Vận động", new DateOnly(2025, 5, 20), null), Ct);
        }

        await using (var db = world.Db())
        {
            var paths = db.Meetings.Where(m => m.CellId == world.Cell1.Id).Select(m => m.CellPath).Distinct().ToList();
            paths.Count.ShouldBe(2, "the meetings lie under the old and the new path");

            var province = await ComplianceReport.RunAsync(db, new OrgLookup(true, world.Root), 2025, world.Clock.Today, ct: Ct);
            var row = province.CellRows!.Single(r => r.CellId == world.Cell1.Id);
            (row.MonthsWithRegularMeeting, row.MissedMonths.Count, row.MeetingsHeld).ShouldBe((12, 0, 12));
            (row.MembersOnRoll, row.MembersPresent).ShouldBe((24, 23));
            (row.ActiveMembers, row.MembersAssigned).ShouldBe((2, 2));
            province.CellRows!.Count(r => r.CellId == world.Cell1.Id).ShouldBe(1);

            // Seen from the commune it moved into: only what happened under it, from April.
            var communeB = await SubtreeQueries.FindAsync(db, world.CommuneB.Code, Ct);
            var moved = (await ComplianceReport.RunAsync(db, communeB, 2025, world.Clock.Today, ct: Ct)).CellRows!.Single(r => r.CellId == world.Cell1.Id);
            (moved.MonthsDue, moved.MonthsWithRegularMeeting, moved.MeetingsHeld, moved.ActiveMembers, moved.MembersAssigned).ShouldBe((9, 9, 9, 2, 2));
        }
    }
}
