using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Plans;

/// <summary>
/// Every computable measure of the catalogue against <see cref="PlanWorld"/>, counted by hand:
/// the province's total and each of its two units one level down (commune T.01, ward T.02), for
/// 2026 up to 30/06, on SQLite and PostgreSQL.
/// </summary>
public sealed class MeasureTests(PlanWorlds worlds) : IClassFixture<PlanWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly MeasureWindow Year2026 = new(new DateOnly(2026, 1, 1), PlanWorld.Today);

    /// <summary>measure, province, commune T.01, ward T.02.</summary>
    private static readonly (string Measure, long Total, long Commune, long Ward)[] Expected =
    [
        // An, Bình (cell One), Anh (cell Two, exempted), Hoa (enterprise cell); Đạt (school). Dũng died in 2024.
        ("members", 5, 4, 1),
        ("members.gender.female", 2, 2, 0),
        ("members.status.probationary", 1, 1, 0),
        ("members.generalEducation.lowerSecondary", 1, 1, 0),
        ("members.ageBand.18to35", 1, 1, 0),
        ("members.ageBand.61plus", 1, 1, 0),
        ("admitted", 3, 2, 1),
        ("removed", 1, 1, 0),
        ("died", 0, 0, 0),
        ("disciplinedMembers", 1, 1, 0),
        ("disciplinedOrganizations", 0, 0, 0),
        // Base committee, enterprise cell (chi bộ cơ sở); school cell. Cells: One, Two.
        ("orgs.tccsd", 3, 2, 1),
        ("orgs.cells", 2, 2, 0),
        ("orgs.superior", 2, 1, 1),
        ("meetings.cells", 4, 3, 1),
        ("meetings.cellsMeetingEveryMonth", 2, 1, 1),
        ("meetings.cellsWithThematicEveryQuarter", 1, 1, 0),
        // Cell One: 6 meetings × 2, Bình absent once; enterprise: 1; school: 5.
        ("meetings.attendancePresent", 17, 12, 5),
        ("meetings.attendanceExpected", 18, 13, 5),
        ("meetings.membersAssigned", 2, 2, 0),
        ("meetings.membersInCells", 4, 3, 1),
        ("meetings.held", 12, 7, 5),
        ("meetings.ratedGood", 1, 1, 0),
        ("meetings.cellsAssigningEveryMember", 2, 2, 0),
        ("commitments.members", 2, 1, 1),
        ("handbook.eligibleMembers", 4, 3, 1),
        ("handbook.activeMembers", 1, 1, 0),
        ("dataQuality.records", 5, 4, 1),
        ("dataQuality.complete", 4, 3, 1),
        ("dataQuality.valid", 4, 4, 0),
        ("dataQuality.current", 4, 3, 1),
    ];

    public static TheoryData<string, string, long, long, long> Cases()
    {
        var data = new TheoryData<string, string, long, long, long>();
        foreach (var provider in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var (measure, total, commune, ward) in Expected)
            {
                data.Add(provider, measure, total, commune, ward);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Measure_CountsTheHandBuiltRegister_ForTheProvinceAndEachUnitBelow(string provider, string measure, long total, long commune, long ward)
    {
        var (database, world) = await worlds.GetAsync(provider);
        MeasureCatalogue.Check(measure).ShouldBeNull();
        MeasureCatalogue.Missing(measure, sensitive: true).ShouldBeNull();
        await using var db = database.Context();
        var lookup = new OrgLookup(true, world.Province);
        var grouped = await MeasureEngine.RunAsync(db, lookup, [(measure, Year2026)], PlanWorld.Today, byUnit: true, Ct);
        grouped.Total(measure, Year2026).ShouldBe(total, "province");
        grouped.Units(measure, Year2026).GetValueOrDefault(world.Commune.Id).ShouldBe(commune, "commune");
        grouped.Units(measure, Year2026).GetValueOrDefault(world.Ward.Id).ShouldBe(ward, "ward");

        // The same query for one unit alone gives the unit's figure.
        var alone = await MeasureEngine.RunAsync(db, new OrgLookup(true, world.Commune), [(measure, Year2026)], PlanWorld.Today, byUnit: false, Ct);
        alone.Total(measure, Year2026).ShouldBe(commune, "commune alone");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Movements_CountTheWindow_AndStocksTheDayBeforeIt(string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var db = database.Context();
        var lookup = new OrgLookup(true, world.Province);
        var year2024 = new MeasureWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var endOf2023 = new MeasureWindow(new DateOnly(2023, 12, 31), new DateOnly(2023, 12, 31));
        var results = await MeasureEngine.RunAsync(db, lookup, [("died", year2024), ("members", endOf2023), ("members", year2024)], PlanWorld.Today, false, Ct);
        results.Total("died", year2024).ShouldBe(1);      // Dũng, 08/03/2024
        results.Total("members", endOf2023).ShouldBe(5);  // Dũng alive, Bình not yet admitted
        results.Total("members", year2024).ShouldBe(4);
    }

    [Fact]
    public void Families_NameTheirMeasures_ThePendingAreMissing_AndTheSensitiveNeedTheirSight()
    {
        foreach (var name in new[] { "ratings.organizations.goodOrAbove", "ratings.cells.rated", "committees.base.members",
                     "committees.villageCell.politicalTheory.none", "committees.commune.young.yes", "training.base.trained" })
        {
            MeasureCatalogue.Check(name).ShouldBeNull(name);
            MeasureCatalogue.Missing(name, sensitive: false).ShouldBeNull(name);
        }

        MeasureCatalogue.Check("reports.submittedOnTime").ShouldBeNull();
        MeasureCatalogue.Computable("reports.submittedOnTime").ShouldBeFalse();
        MeasureCatalogue.Missing("reports.submittedOnTime", sensitive: true).ShouldNotBeNull().ShouldStartWith("reports.submittedOnTime: ");
        foreach (var name in new[] { "members.ethnicity.minority", "members.religion.religious", "committees.base.ethnicity.minority" })
        {
            MeasureCatalogue.Check(name).ShouldBeNull(name);
            MeasureCatalogue.Missing(name, sensitive: true).ShouldBeNull(name);
            MeasureCatalogue.Missing(name, sensitive: false).ShouldNotBeNull(name).ShouldContain("nhạy cảm");
        }

        MeasureCatalogue.Check("committees.base.religion.religious").ShouldNotBeNull();
        MeasureCatalogue.Check("ratings.organization.rated").ShouldNotBeNull();
        MeasureCatalogue.Check("committees.district.members").ShouldNotBeNull();
        MeasureCatalogue.Check("members.gender.other").ShouldNotBeNull();
        MeasureCatalogue.Check("members.ageBand.40to30").ShouldNotBeNull();
        MeasureCatalogue.Check("villages.heads").ShouldNotBeNull();
    }

    [Fact]
    public void Documentation_ListsEveryFamily_AndTheMarkdownCatalogueNamesEachMeasure()
    {
        var docs = MeasureCatalogue.Documentation.ToList();
        var markdown = File.ReadAllText(Path.Combine(Access.AccessTableTests.RepositoryRoot(), "docs", "measures.md"));
        foreach (var doc in docs)
        {
            markdown.ShouldContain("`" + doc.Name + "`", customMessage: doc.Name);
        }
    }
}
