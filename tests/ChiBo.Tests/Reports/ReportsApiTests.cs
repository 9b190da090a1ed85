using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Reports;

public sealed class ReportsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reports_OnAnEmptyRegister_AnswerNotFoundForUnknownOrgAndBadRequestForBadDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new ChiBoApp(db);
        using var client = await app.SignedInAsync("admin");

        var missing = await client.GetAsync("/api/reports/member-structure?org=XX.1&asOf=2025-12-31", TestContext.Current.CancellationToken);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("XX.1");

        var bad = await client.GetAsync("/api/reports/org-structure?org=root&asOf=31/12/2025", TestContext.Current.CancellationToken);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("field").GetString().ShouldBe("asOf");

        var ages = await client.GetAsync("/api/reports/member-structure?org=root&asOf=2025-12-31&ageBands=0-99998,99999%2B", TestContext.Current.CancellationToken);
        ages.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var agesProblem = await ages.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        agesProblem.GetProperty("field").GetString().ShouldBe("ageBands");
        agesProblem.GetProperty("detail").GetString()!.ShouldContain("Nhóm tuổi");
    }
}
