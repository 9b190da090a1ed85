using System.Text.Json;
using ChiBo.Access;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Plans;

/// <summary>
/// The dashboard of province T on 30/06/2026 (<see cref="PlanWorld"/>, <see cref="TestPlan"/>): its
/// figures, and for every unit one level down the same numbers as that unit's own status query.
/// </summary>
public sealed class PlanDashboardTests(PlanWorlds worlds) : IClassFixture<PlanWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, PlanWorld World)> WithPlanAsync(PlanWorlds worlds, string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        var result = await PlanWorld.ImportAsync(database, TestPlan.Json());
        await using var db = database.Context();
        var commands = new PlanCommands(db, PlanWorld.Clock(), OrgScope.System, "test");
        await commands.EnterValueAsync(TestPlan.Number, "A8", "root", 2026, 2, null, "Báo cáo 5-BC/TU ngày 20/6/2026", Ct);
        await commands.EnterValueAsync(TestPlan.Number, "A8", "T.01", 2026, 0, null, "Báo cáo 7-BC/ĐU", Ct);
        result.Warnings.ShouldHaveSingleItem().ShouldContain("A1");
        return (database, world);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_ShowsEachIndicatorsValueTargetAndStatus(string provider)
    {
        var (database, world) = await WithPlanAsync(worlds, provider);
        await using var db = database.Context();
        var board = await PlanDashboards.RunAsync(db, OrgScope.System, new OrgLookup(true, world.Province), 2026, PlanWorld.Today, ct: Ct);
        var plan = board.Plans.Single(p => p.Number == TestPlan.Number);
        plan.Warnings.ShouldHaveSingleItem();
        board.Units.Select(u => u.Code).ShouldBe(["T.01", "T.02"]);
        DashboardIndicator I(string code) => plan.Indicators.Single(i => i.Code == code);

        (I("A1").Value.Status, I("A1").Value.Value).ShouldBe(("met", 3m));
        (I("A2").Value.Status, I("A2").Value.Numerator, I("A2").Value.Denominator).ShouldBe(("notMet", 2L, 4L));
        (I("A3").Value.Status, I("A3").Value.Value).ShouldBe(("onTrack", 94.44m));
        (I("A4").Value.Value, I("A5").Value.Value, I("A6").Value.Value).ShouldBe((25m, 80m, 60m));
        I("A6").Value.Denominator.ShouldBe(5); // members on 31/12/2025
        (I("A7").Value.Status, I("A7").Value.Value).ShouldBe(("missing", (decimal?)null));
        I("A7").Value.Missing.ShouldNotBeNull().ShouldStartWith("reports.submittedOnTime: ");
        (I("A8").Manual, I("A8").Value.Status, I("A8").Value.Source).ShouldBe((true, "onTrack", "Báo cáo 5-BC/TU ngày 20/6/2026"));
        (I("A9").Value.Status, I("A10").Value.Status, I("A11").Value.Status).ShouldBe(("onTrack", "notMet", "noTarget"));
        I("A12").Value.Status.ShouldBe("onTrack");
        I("A13").Trend.Select(t => (t.Year, t.Value)).ShouldBe([(2024, 1m), (2025, 0m), (2026, 0m)]);
        I("A13").Trend.Select(t => t.Status).ShouldBe(["notMet", "met", "onTrack"]);

        // The drill-down: worst gap first, targets cascading for shares and allocated for counts.
        I("A2").Units.Select(u => (u.Code, u.Status)).ShouldBe([("T.01", "notMet"), ("T.02", "onTrack")]);
        I("A1").Units.Select(u => (u.Code, u.Status)).ShouldBe([("T.01", "met"), ("T.02", "noTarget")]);
        I("A9").Units.Single(u => u.Code == "T.02").Target.ShouldBe(0m);
        I("A8").Units.Select(u => (u.Code, u.Status)).ShouldBe([("T.01", "noTarget"), ("T.02", "noData")]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_GivesEveryUnitTheNumbersOfItsOwnStatusQuery(string provider)
    {
        var (database, world) = await WithPlanAsync(worlds, provider);
        await using var db = database.Context();
        var board = await PlanDashboards.RunAsync(db, OrgScope.System, new OrgLookup(true, world.Province), 2026, PlanWorld.Today, ct: Ct);
        var indicators = board.Plans.Single(p => p.Number == TestPlan.Number).Indicators;
        var compared = 0;
        foreach (var org in new[] { world.Province, world.Commune, world.Ward })
        {
            var status = await PlanQueries.StatusAsync(db, OrgScope.System, new OrgLookup(true, org), 2026, PlanWorld.Today, ct: Ct);
            var lines = status.Plans.Single(p => p.Number == TestPlan.Number).Indicators;
            lines.Select(l => l.Code).ShouldBe(indicators.Select(i => i.Code));
            foreach (var line in lines)
            {
                var i = indicators.Single(x => x.Code == line.Code);
                var unit = org == world.Province ? null : i.Units.Single(u => u.Code == org.Code);
                var (value, numerator, denominator, statusName, target, missing) = unit is null
                    ? (i.Value.Value, i.Value.Numerator, i.Value.Denominator, i.Value.Status, i.Value.Target, i.Value.Missing)
                    : (unit.Value, unit.Numerator, unit.Denominator, unit.Status, unit.Target, unit.Missing);
                var where = $"{org.Code} {line.Code}";
                line.Value.ShouldBe(value, where);
                line.Numerator.ShouldBe(numerator, where);
                line.Denominator.ShouldBe(denominator, where);
                line.Status.ShouldBe(statusName, where);
                line.Missing.ShouldBe(missing, where);
                JsonSerializer.Serialize(line.Target).ShouldBe(JsonSerializer.Serialize(target), where);
                compared++;
            }
        }

        compared.ShouldBe(3 * 13);
    }
}
