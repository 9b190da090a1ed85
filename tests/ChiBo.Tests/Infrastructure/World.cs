using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Provinces;
using ChiBo.Reports;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// A small province built through the commands: the tree below, founded 01/01/2000, and helpers
/// to register members and read the as-of reports.
/// <code>
/// AG   Đảng bộ tỉnh
/// ├─ AG.01 Đảng bộ xã A ── AG.01.01 Đảng bộ cơ sở A1 ─┬─ AG.01.01.01 Chi bộ thôn 1
/// │                                                    └─ AG.01.01.02 Chi bộ thôn 2
/// └─ AG.02 Đảng bộ xã B ── AG.02.01 Chi bộ cơ sở B1
/// </code>
/// </summary>
public sealed class World : IAsyncDisposable
{
    public static readonly DateOnly Founded = new(2000, 1, 1);
    public const string Actor = "kiem.thu";

    private int _serial;

    private World(TestDatabase database, TestClock clock)
    {
        Database = database;
        Clock = clock;
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; }
    public Organization Root { get; private set; } = null!;
    public Organization CommuneA { get; private set; } = null!;
    public Organization CommuneB { get; private set; } = null!;
    public Organization BaseA1 { get; private set; } = null!;
    public Organization Cell1 { get; private set; } = null!;
    public Organization Cell2 { get; private set; } = null!;
    public Organization CellB1 { get; private set; } = null!;

    public static async Task<World> CreateAsync(string provider, DateOnly? today = null)
    {
        var world = new World(await TestDatabase.CreateAsync(provider), TestClock.On(today ?? new DateOnly(2025, 6, 30)));
        await world.BuildTreeAsync();
        return world;
    }

    public ChiBoDb Db() => Database.Context();

    public MemberCommands Members(ChiBoDb db) => new(db, Clock, Actor);

    public OrganizationCommands Orgs(ChiBoDb db) => new(db, Clock, Actor);

    private async Task BuildTreeAsync()
    {
        await using var db = Db();
        var province = new Province { Code = "AG", Name = "An Giang" };
        db.Provinces.Add(province);
        await db.SaveChangesAsync();
        var orgs = Orgs(db);
        Task<Organization> Found(string code, string name, OrgKind kind, Organization? parent) =>
            orgs.FoundAsync(new OrganizationFounding(code, name, kind, Sector.Commune, Founded, parent?.Id, province.Id), Decision.None);
        Root = await Found("AG", "Đảng bộ tỉnh An Giang", OrgKind.Province, null);
        CommuneA = await Found("AG.01", "Đảng bộ xã A", OrgKind.SuperiorToBase, Root);
        CommuneB = await Found("AG.02", "Đảng bộ xã B", OrgKind.SuperiorToBase, Root);
        BaseA1 = await Found("AG.01.01", "Đảng bộ cơ sở A1", OrgKind.BaseCommittee, CommuneA);
        Cell1 = await Found("AG.01.01.01", "Chi bộ thôn 1", OrgKind.Cell, BaseA1);
        Cell2 = await Found("AG.01.01.02", "Chi bộ thôn 2", OrgKind.Cell, BaseA1);
        CellB1 = await Found("AG.02.01", "Chi bộ cơ sở B1", OrgKind.BaseCell, CommuneB);
    }

    public MemberProfile Profile(string name, DateOnly birth, Gender gender = Gender.Male) => new()
    {
        FullName = name,
        Gender = gender,
        BirthDate = birth,
        Cccd = Cccd.Compose(89, birth, gender, ++_serial),
        GeneralEducation = GeneralEducation.UpperSecondary,
        Professional = ProfessionalLevel.College,
    };

    public async Task<Member> RegisterAsync(Organization cell, string name, DateOnly admitted, DateOnly? official = null, Gender gender = Gender.Male)
    {
        await using var db = Db();
        return await Members(db).RegisterAsync(
            new MemberRegistration(Profile(name, new DateOnly(1990, 5, 20), gender), cell.Id, admitted, official), new Decision("01-QĐ/ĐU", "Kết nạp"));
    }

    public async Task<MemberStructure> MembersAsOf(Organization org, DateOnly asOf)
    {
        await using var db = Db();
        return await MemberStructureReport.RunAsync(db, new OrgLookup(true, org), asOf, AgeBand.Default, ChiBo.Access.OrgScope.System);
    }

    public async Task<int> CountAsOf(Organization org, DateOnly asOf) => (await MembersAsOf(org, asOf)).Total;

    public async Task<OrgStructure> OrgsAsOf(Organization org, DateOnly asOf)
    {
        await using var db = Db();
        return await OrgStructureReport.RunAsync(db, new OrgLookup(true, org), asOf);
    }

    public async Task<Movements> MovementsIn(Organization org, DateOnly from, DateOnly to)
    {
        await using var db = Db();
        return await MovementsReport.RunAsync(db, new OrgLookup(true, org), from, to);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
