using ChiBo.Generation;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Generation;

public sealed class DemoProvinceTests
{
    [Fact]
    public void Profiles_AreEmbedded()
    {
        DemoProvince.Profile().Code.ShouldBe("AG");
        DemoProvince.Profile("ha-giang.json").Code.ShouldBe("HG");
    }

    [Fact]
    public async Task SeedIfEmpty_WithOrganizations_LeavesTheDatabaseAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var small = DemoProvince.Profile("ha-giang.json").Scale(0.01);
        await ProvinceSeeder.SeedAsync(db.Target, [small], 4, null, ct);
        await using var before = db.Context();
        var members = before.Members.Count();
        before.Members.Count(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official || m.Status == MemberStatus.Exempted)
            .ShouldBe(small.Total);

        (await DemoProvince.SeedIfEmptyAsync(db.Target, null, new DateOnly(2026, 6, 30), ct)).ShouldBeNull();

        await using var after = db.Context();
        after.Members.Count().ShouldBe(members);
        after.Provinces.Select(p => p.Code).ShouldBe(["HG"]);
    }
}
