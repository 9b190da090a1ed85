using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// A small tree for cell-life tests: province → commune (xã) → đảng bộ cơ sở → cells, each with
/// official members whose membership (MemberPeriod) runs from 2020 on.
/// </summary>
public sealed class MeetingWorld
{
    public static readonly DateOnly Since = new(2020, 1, 1);

    public required Organization Province { get; init; }
    public required Organization Commune { get; init; }
    public required Organization BaseCommittee { get; init; }
    public required IReadOnlyList<Organization> Cells { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<Member>> Members { get; init; }

    public static async Task<MeetingWorld> BuildAsync(TestDatabase database, int cells, int membersPerCell, Sector sector = Sector.Commune)
    {
        var province = await database.AddProvinceAsync();
        await using var db = database.Context();
        var commune = await AddOrgsAsync(db, province, OrgKind.SuperiorToBase, sector, ["Đảng bộ xã Mỹ Hòa"]);
        var baseCommittee = await AddOrgsAsync(db, commune[0], OrgKind.BaseCommittee, sector, ["Đảng bộ cơ sở xã Mỹ Hòa"]);
        var cellOrgs = await AddOrgsAsync(db, baseCommittee[0], OrgKind.Cell, sector,
            Enumerable.Range(1, cells).Select(i => $"Chi bộ ấp {i}").ToArray());

        var members = new List<(Member Member, Organization Cell)>();
        var n = 0;
        foreach (var cell in cellOrgs)
        {
            for (var i = 0; i < membersPerCell; i++)
            {
                n++;
                var name = $"Nguyễn Văn Thử {n}";
                members.Add((new Member
                {
                    ProvinceId = province.ProvinceId, FullName = name, SearchName = ChiBo.Text.VietnameseText.Fold(name),
                    Gender = n % 3 == 0 ? Gender.Female : Gender.Male, BirthDate = new DateOnly(1970 + (n % 30), 1 + (n % 12), 1 + (n % 28)),
                    AdmittedOn = new DateOnly(2010, 5, 19), OfficialOn = new DateOnly(2011, 5, 19), Status = MemberStatus.Official,
                    CellId = cell.Id, UpdatedAt = DateTimeOffset.UnixEpoch,
                }, cell));
            }
        }

        db.Members.AddRange(members.Select(m => m.Member));
        await db.SaveChangesAsync();
        db.MemberPeriods.AddRange(members.Select(m => MemberPeriod.Open(m.Member, m.Cell, Since)));
        await db.SaveChangesAsync();

        return new MeetingWorld
        {
            Province = province, Commune = commune[0], BaseCommittee = baseCommittee[0], Cells = cellOrgs,
            Members = members.GroupBy(m => m.Cell.Id).ToDictionary(g => g.Key, g => (IReadOnlyList<Member>)g.Select(m => m.Member).ToList()),
        };
    }

    /// <summary>Organizations under a parent: Path = parent.Path + id + "/", one period from founding on.</summary>
    private static async Task<List<Organization>> AddOrgsAsync(ChiBoDb db, Organization parent, OrgKind kind, Sector sector, string[] names)
    {
        var orgs = names.Select((name, i) => new Organization
        {
            ProvinceId = parent.ProvinceId, Code = parent.Code + "." + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), Name = name, Kind = kind, Sector = sector,
            ParentId = parent.Id, Path = "/", Depth = parent.Depth + 1, FoundedOn = Since,
        }).ToList();
        db.Organizations.AddRange(orgs);
        await db.SaveChangesAsync();
        foreach (var org in orgs)
        {
            org.Path = Subtree.ChildPath(parent.Path, org.Id);
            db.OrganizationPeriods.Add(new OrganizationPeriod
            {
                ProvinceId = org.ProvinceId, OrganizationId = org.Id, ValidFrom = org.FoundedOn, ValidTo = Dates.OpenEnd,
                Name = org.Name, Kind = org.Kind, Sector = org.Sector, ParentId = org.ParentId, Path = org.Path,
            });
        }

        await db.SaveChangesAsync();
        return orgs;
    }

    /// <summary>Schedules, calls the roll (everyone present unless listed) and holds one meeting through the commands.</summary>
    public async Task<Meeting> HoldAsync(
        MeetingCommands commands, Organization cell, DateOnly date, MeetingKind kind,
        IReadOnlyDictionary<int, Presence>? absences = null, CancellationToken ct = default)
    {
        var meeting = await commands.ScheduleAsync(new MeetingPlan
        {
            CellId = cell.Id, Date = date, Kind = kind, Title = kind == MeetingKind.Regular ? "Thường kỳ " + date.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "Chuyên đề",
            Agenda = kind == MeetingKind.Thematic ? "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" : null,
            Place = "Nhà văn hóa ấp",
        }, ct);
        var roll = Members[cell.Id].Select(m =>
        {
            var presence = absences is not null && absences.TryGetValue(m.Id, out var p) ? p : Presence.Present;
            return new AttendanceEntry(m.Id, presence, presence == Presence.Excused ? "Đi công tác" : null);
        }).ToList();
        meeting = await commands.RecordAttendanceAsync(meeting.Id, meeting.Version, roll, ct);
        return await commands.HoldAsync(meeting.Id, meeting.Version, "Chi bộ đã họp đủ nội dung.", "Thống nhất nhiệm vụ tháng tới.", ct);
    }
}
