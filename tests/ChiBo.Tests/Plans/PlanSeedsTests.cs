using System.Globalization;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Cli;
using ChiBo.Generation;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Plans;

/// <summary>
/// The seeds' plan files on generated provinces (a hundredth of Hà Giang, to keep it quick): 002's
/// and 003's targets load and compute, what the register cannot compute is named missing; the demo
/// carries 000's plan with its tasks handed to each direct unit.
/// </summary>
public sealed class PlanSeedsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Pending = ["reports."];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheTargetsOf002And003_LoadAndComputeOnAGeneratedHaGiang(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ProvinceSeeder.SeedAsync(database.Target, [DemoProvince.Profile("ha-giang.json").Scale(0.01)], 3, null, Ct);
        foreach (var file in new[] { "plans/002-duc-pho.json", "plans/003-30-CTr-TU.json" })
        {
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var path = Path.Combine(Access.AccessTableTests.RepositoryRoot(), file);
            (await ChiBoCli.RunAsync(["plan", "import", "--file", path, "--db", database.Target.ConnectionString], stdout, stderr, Ct)).ShouldBe(0, stderr.ToString());
        }

        await using var db = database.Context();
        var root = await SubtreeQueries.FindAsync(db, "root", Ct);
        var status = await PlanQueries.StatusAsync(db, OrgScope.System, root, 2025, new DateOnly(2026, 6, 30), ct: Ct);
        status.Plans.Select(p => p.Number).ShouldBe(["Đề án NQ21 Đức Phổ", "30-CTr/TU"], ignoreOrder: true);
        foreach (var line in status.Plans.SelectMany(p => p.Indicators))
        {
            if (line.Status == "missing")
            {
                line.Missing.ShouldNotBeNull();
                Pending.ShouldContain(p => line.Missing!.StartsWith(p, StringComparison.Ordinal), line.Code);
                line.Value.ShouldBeNull();
            }
            else if (!line.Manual)
            {
                line.Missing.ShouldBeNull(line.Code);
                line.Numerator.ShouldNotBeNull(line.Code);
            }
        }

        // The rating shares compute as the ratings report gives them: Hà Giang's profile stops in 2022,
        // so no one is rated in 2025 and the share is "no data", never 0 % and never "missing".
        var ratings = (await RatingReport.RunAsync(db, root, 2025, 2025, Ct)).Years["2025"];
        var t2 = status.Plans.Single(p => p.Number == "30-CTr/TU").Indicators.Single(i => i.Code == "T2");
        (t2.Numerator, t2.Denominator, t2.Missing).ShouldBe((ratings.Members.GoodOrAbove, ratings.Members.Rated, (string?)null));
        (ratings.Members.Rated, t2.Status).ShouldBe((0, "noData"));

        // 003-T3: admissions of 2025 over the members on 31/12/2024, the rate of "3 - 4%".
        var t3 = status.Plans.Single(p => p.Number == "30-CTr/TU").Indicators.Single(i => i.Code == "T3");
        (t3.Operator, JsonSerializer.Serialize(t3.Target)).ShouldBe(("between", "[3,4]"));
        t3.Denominator.ShouldNotBeNull().ShouldBeGreaterThan(0);
        t3.Status.ShouldBeOneOf("met", "notMet");
    }

    [Fact]
    public async Task TheDemo_CarriesThePlanOf000_WithItsTasksHandedToEachDirectUnit()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await ProvinceSeeder.SeedAsync(database.Target, [DemoProvince.Profile().Scale(0.02)], 5, null, Ct);
        var result = await DemoProvince.ImportPlanAsync(database.Target, Ct);
        (result.Number, result.Indicators, result.Tasks).ShouldBe(("02-ĐA/TU", 15, 10));
        await using var db = database.Context();
        var root = await SubtreeQueries.FindAsync(db, "root", Ct);
        var direct = db.Organizations.Count(o => o.ParentId == root.Organization!.Id && o.DissolvedOn == null);
        direct.ShouldBeGreaterThan(1);
        result.FanOutTasks.ShouldBe(direct);
        var board = await PlanDashboards.RunAsync(db, OrgScope.System, root, 2026, new DateOnly(2026, 6, 30), ct: Ct, connections: database.Context);
        var indicators = board.Plans.Single().Indicators;
        indicators.Select(i => i.Code).ShouldBe(["T1", "T2a", "T2b", "T3a", "T3b", "T4a", "T4b", "T4c", "T5a", "T5b", "T6", "T7", "T8", "T9", "T10"]);
        board.Units.Count.ShouldBeGreaterThanOrEqualTo(direct);
        indicators.ShouldAllBe(i => i.Units.Count == board.Units.Count);
    }
}
