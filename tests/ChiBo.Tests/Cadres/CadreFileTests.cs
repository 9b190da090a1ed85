using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// Cadre files through HTTP, SQLite and PostgreSQL: a planning pool with a title left without
/// candidates, a rotation, a course and who completed it ("every base committee member trained at
/// least once this term"), the cadre's file; and who may see it — the managing committee and the
/// province board only.
/// </summary>
public sealed class CadreFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PoolsRotationAndTraining_AreKeptByTheManagingCommittee_AndShownToItAndTheProvinceBoardOnly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await data.AddMembersAsync(data.CellOne, 2);
        var khang = CommitteeHistoryTests.MembersOf(db, data.CellOne);
        var clock = TestClock.On(TestData.Today);
        await using (var context = db.Context())
        {
            // The đảng ủy cơ sở of this term: An, Khang 001 and Hoa (appointed from her enterprise).
            await new CommitteeCommands(context, clock, OrgScope.System, "test").FormAsync(new CommitteeForming(
                data.BaseCommittee.Id, "2025–2030", new DateOnly(2025, 5, 12), new DateOnly(2030, 5, 12), CommitteeFormation.Appointed, 5, "3-QĐ/ĐU",
                [new(data.An.Id, CommitteePosition.Secretary), new(khang[0].Id, CommitteePosition.DeputySecretary), new(data.Hoa.Id, CommitteePosition.Member)]), Ct);
        }

        await using var app = new ChiBoApp(db, clock);
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);

        // Quy hoạch: the base committee's secretary for 2030–2035 has two candidates, one later removed; the deputy's title has none.
        var pool = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync("/api/cadres/planning", new
        {
            organization = data.BaseCommittee.Code, title = CommitteePosition.Secretary, termFrom = 2030, termTo = 2035, approvedOn = new DateOnly(2026, 1, 20), decisionNumber = "8-QĐ/ĐU",
        }, Ct));
        var poolId = pool.GetProperty("id").GetInt32();
        await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync("/api/cadres/planning", new
        {
            organization = data.BaseCommittee.Code, title = CommitteePosition.DeputySecretary, termFrom = 2030, termTo = 2035, approvedOn = new DateOnly(2026, 1, 20),
        }, Ct));
        await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/cadres/planning/{poolId}/candidates", new { memberId = khang[0].Id, on = new DateOnly(2026, 1, 20) }, Ct));
        var second = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/cadres/planning/{poolId}/candidates", new { memberId = khang[1].Id, on = new DateOnly(2026, 1, 20) }, Ct));
        await CommitteeHistoryTests.RefusedAsync(await commune.PostAsJsonAsync($"/api/cadres/planning/{poolId}/candidates/{second.GetProperty("id").GetInt32()}/remove",
            new { on = new DateOnly(2026, 3, 1), reason = " " }, Ct), HttpStatusCode.BadRequest, "Reason");
        await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/cadres/planning/{poolId}/candidates/{second.GetProperty("id").GetInt32()}/remove",
            new { on = new DateOnly(2026, 3, 1), reason = "Chuyển công tác ra ngoài tỉnh" }, Ct));
        var planning = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/cadres/planning?org={data.Commune.Code}", Ct));
        planning.GetProperty("pools").GetArrayLength().ShouldBe(2);
        planning.GetProperty("titlesWithoutCandidates").GetInt32().ShouldBe(1);

        // Luân chuyển Khang 001 from the cell to the enterprise for a year, decided by the commune; then ended.
        var rotation = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync("/api/cadres/rotations", new
        {
            managingOrg = data.Commune.Code, memberId = khang[0].Id, kind = RotationKind.Rotation, fromOrg = data.CellOne.Code, fromPost = "Chi ủy viên",
            toOrg = data.EnterpriseCell.Code, toPost = "Phó Bí thư chi bộ", startsOn = new DateOnly(2025, 9, 1), plannedEndOn = new DateOnly(2026, 9, 1), decisionNumber = "12-QĐ/ĐU",
        }, Ct));
        // A cell does not manage cadres: a rotation "decided" there is refused.
        var byCell = await commune.PostAsJsonAsync("/api/cadres/rotations", new
        {
            managingOrg = data.CellOne.Code, memberId = khang[0].Id, kind = RotationKind.Transfer, fromOrg = data.CellOne.Code, fromPost = "Chi ủy viên",
            toOrg = data.CellTwo.Code, toPost = "Bí thư", startsOn = new DateOnly(2025, 9, 1), decisionNumber = "1",
        }, Ct);
        await CommitteeHistoryTests.RefusedAsync(byCell, HttpStatusCode.BadRequest, "ManagingOrgId");
        await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/cadres/rotations/{rotation.GetProperty("id").GetInt32()}/end",
            new { version = rotation.GetProperty("version").GetInt32(), on = new DateOnly(2026, 6, 1) }, Ct));
        var rotations = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/cadres/rotations?org={data.Commune.Code}", Ct));
        rotations.GetProperty("byKind").GetProperty("Luân chuyển").GetInt32().ShouldBe(1);
        rotations.GetProperty("young").GetInt32().ShouldBe(1); // 35 when it began

        // A course after the congress: Khang 001 completes it, Hoa attends without completing, An does not come.
        var course = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync("/api/cadres/courses", new
        {
            organizer = data.Commune.Code, kind = TrainingKind.PartyWork, name = "Bồi dưỡng nghiệp vụ công tác Đảng cho cấp ủy viên cơ sở",
            provider = "Trung tâm Chính trị xã", startsOn = new DateOnly(2025, 8, 4), endsOn = new DateOnly(2025, 8, 8),
        }, Ct));
        await CommitteeHistoryTests.RefusedAsync(await commune.PostAsJsonAsync($"/api/cadres/courses/{course.GetProperty("id").GetInt32()}/attendance", new
        {
            version = 1, lines = new object[] { new { memberId = khang[0].Id, completed = true } },
        }, Ct), HttpStatusCode.BadRequest, "Lines[0].CompletedOn");
        await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/cadres/courses/{course.GetProperty("id").GetInt32()}/attendance", new
        {
            version = 1,
            lines = new object[]
            {
                new { memberId = khang[0].Id, completed = true, completedOn = new DateOnly(2025, 8, 8), certificateNumber = "01/CC" },
                new { memberId = data.Hoa.Id, completed = false },
                new { fullName = "Trần Thị Mai", completed = true, completedOn = new DateOnly(2025, 8, 8) },
            },
        }, Ct));
        var coverage = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/cadres/training-coverage?org={data.Commune.Code}&asOf=2026-06-01", Ct));
        (coverage.GetProperty("members").GetInt32(), coverage.GetProperty("trained").GetInt32()).ShouldBe((3, 1));
        coverage.GetProperty("untrained").EnumerateArray().Select(u => u.GetProperty("memberId").GetInt32()).Order()
            .ShouldBe(new[] { data.An.Id, data.Hoa.Id }.Order());

        // The file of Khang 001 gathers it all.
        var file = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/cadres/{khang[0].Id}", Ct));
        file.GetProperty("committees")[0].GetProperty("position").GetString().ShouldBe("Phó Bí thư");
        file.GetProperty("planning")[0].GetProperty("title").GetString().ShouldBe("Bí thư");
        file.GetProperty("rotations")[0].GetProperty("endedOn").GetString().ShouldBe("2026-06-01");
        file.GetProperty("training")[0].GetProperty("certificateNumber").GetString().ShouldBe("01/CC");
        file.TryGetProperty("ethnicity", out _).ShouldBeFalse();

        // Who sees cadre files: the managing committee and the province board; not a base or cell committee, nor another commune's.
        async Task<HttpStatusCode> StatusAs(string role, string org)
        {
            using var client = await app.SignedInAsync(role, org);
            return (await client.GetAsync($"/api/cadres/{khang[0].Id}", Ct)).StatusCode;
        }

        (await StatusAs("province-board", data.Province.Code)).ShouldBe(HttpStatusCode.OK);
        (await StatusAs("base-committee", data.BaseCommittee.Code)).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAs("cell-committee", data.CellOne.Code)).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAs("superior-committee", data.Ward.Code)).ShouldBe(HttpStatusCode.NotFound);
        using var ward = await app.SignedInAsync("superior-committee", data.Ward.Code);
        (await CommitteeHistoryTests.OkAsync(await ward.GetAsync($"/api/cadres/planning?org={data.Ward.Code}", Ct))).GetProperty("pools").GetArrayLength().ShouldBe(0);
        (await ward.GetAsync($"/api/cadres/rotations?org={data.Commune.Code}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
