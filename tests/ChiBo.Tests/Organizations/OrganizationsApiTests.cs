using System.Text.Json;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Organizations;

namespace ChiBo.Tests.Organizations;

public sealed class OrganizationsApiTests
{
    private static JsonElement Child(JsonElement org, string code) =>
        org.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static (int Members, int Cells, int BaseOrgs) Counts(JsonElement org)
    {
        var c = org.GetProperty("counts");
        return (c.GetProperty("members").GetInt32(), c.GetProperty("cells").GetInt32(), c.GetProperty("baseOrgs").GetInt32());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Root_IsTheProvince_WithCountsAtEveryChild(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, root, _) = await s.GetJsonAsync("/api/orgs/root");

        status.ShouldBe(200);
        root.GetProperty("code").GetString().ShouldBe("T");
        root.GetProperty("name").GetString().ShouldBe("Đảng bộ tỉnh Thử nghiệm");
        root.GetProperty("kind").GetString().ShouldBe("province");
        root.GetProperty("sector").GetString().ShouldBe("partyFrontUnions");
        // Active now: An, Bình (probationary), Anh (exempted), Hoa, Đạt; Dũng died.
        Counts(root).ShouldBe((5, 4, 3));
        root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBe(["T.01", "T.02"]);

        var commune = Child(root, "T.01");
        commune.GetProperty("kind").GetString().ShouldBe("superiorToBase");
        commune.GetProperty("sector").GetString().ShouldBe("commune");
        Counts(commune).ShouldBe((4, 3, 2));
        Counts(Child(root, "T.02")).ShouldBe((1, 1, 1));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Node_CountsItsSubtree_AndItsChildren(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (_, commune, _) = await s.GetJsonAsync("/api/orgs/T.01");
        Counts(commune).ShouldBe((4, 3, 2));
        Counts(Child(commune, "T.01.01")).ShouldBe((3, 2, 1));
        var enterprise = Child(commune, "T.01.02");
        enterprise.GetProperty("kind").GetString().ShouldBe("baseCell");
        enterprise.GetProperty("sector").GetString().ShouldBe("enterpriseCoop");
        Counts(enterprise).ShouldBe((1, 1, 1));

        var (_, baseCommittee, _) = await s.GetJsonAsync("/api/orgs/T.01.01");
        baseCommittee.GetProperty("kind").GetString().ShouldBe("baseCommittee");
        Counts(baseCommittee).ShouldBe((3, 2, 1));
        Counts(Child(baseCommittee, "T.01.01.01")).ShouldBe((2, 1, 0));
        Counts(Child(baseCommittee, "T.01.01.02")).ShouldBe((1, 1, 0));
        baseCommittee.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldBe(["T", "T.01"]);

        var (_, cell, _) = await s.GetJsonAsync("/api/orgs/T.01.01.01");
        cell.GetProperty("kind").GetString().ShouldBe("cell");
        Counts(cell).ShouldBe((2, 1, 0));
        cell.GetProperty("children").GetArrayLength().ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownOrganization_Is404InVietnamese(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, problem, contentType) = await s.GetJsonAsync("/api/orgs/KHONG.CO");

        status.ShouldBe(404);
        contentType.ShouldBe("application/problem+json");
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy tổ chức");
        problem.GetProperty("detail").GetString()!.ShouldContain("KHONG.CO");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeveralProvinces_RootIsNational_WithTheProvincesAsChildren(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await using var second = await TestData.SeedAsync(s.Database, "H", "Thứ hai");

        var (status, root, _) = await s.GetJsonAsync("/api/orgs/root");

        status.ShouldBe(200);
        root.GetProperty("code").GetString().ShouldBe("root");
        root.GetProperty("kind").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBe(["H", "T"]);
        Counts(Child(root, "H")).ShouldBe((5, 4, 3));
        Counts(root).ShouldBe((10, 8, 6));

        var (_, h, _) = await s.GetJsonAsync("/api/orgs/H.01");
        Counts(h).ShouldBe((4, 3, 2));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_HidesOrganizationsOutsideIt(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await using var db = s.Database.Context();
        var commune = Subtree.Of(s.Data.Commune);
        var ct = TestContext.Current.CancellationToken;

        (await OrgTree.FindAsync(db, commune, "T.02", ct)).Found.ShouldBeFalse();
        (await OrgTree.FindAsync(db, commune, "T", ct)).Found.ShouldBeFalse();
        var root = await OrgTree.FindAsync(db, commune, "root", ct);
        root.Organization!.Code.ShouldBe("T.01");

        var view = await OrgTree.LoadAsync(db, commune, await OrgTree.FindAsync(db, commune, "T.01.01", ct), TestData.Today, ct);
        view.Ancestors.Select(a => a.Code).ShouldBe(["T.01"]);
    }
}
