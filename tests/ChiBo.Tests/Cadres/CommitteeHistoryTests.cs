using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Cadres;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// Committees through HTTP on the <see cref="TestData"/> tree (today 30/06/2026), SQLite and
/// PostgreSQL: terms, seats added and ended, positions changed, the list "as of" a date across a
/// term change, and the organization's move, after which the seats count in the new subtree only.
/// </summary>
public sealed class CommitteeHistoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    internal static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("field").GetString().ShouldBe(field, body);
        return problem;
    }

    /// <summary>Official members of a cell added by <see cref="TestData.AddMembersAsync"/>, by name order.</summary>
    internal static List<Member> MembersOf(TestDatabase database, Organization cell)
    {
        using var db = database.Context();
        return db.Members.Where(m => m.CellId == cell.Id && m.FullName.StartsWith("Võ Văn Khang")).OrderBy(m => m.Id).ToList();
    }

    private static object[] Seat(int memberId, CommitteePosition position) => [new { memberId, position }];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Committees_AsOfADate_FollowTheTermsTheSeatChangesAndAMoveOfTheOrganization(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await data.AddMembersAsync(data.CellOne, 5);
        await data.AddMembersAsync(data.CellTwo, 3);
        var one = MembersOf(db, data.CellOne);
        var two = MembersOf(db, data.CellTwo);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(db, clock);
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);

        // Term 2020–2025 of the đảng ủy cơ sở, recorded by the commune above it.
        var first = await OkAsync(await commune.PostAsJsonAsync("/api/committees/", new
        {
            organization = data.BaseCommittee.Code, term = "2020–2025", congressOn = new DateOnly(2020, 5, 10), termEndsOn = new DateOnly(2025, 5, 10),
            formation = CommitteeFormation.Elected, seats = 5, decisionNumber = "15-QĐ/ĐU",
            members = new object[]
            {
                new { memberId = data.An.Id, position = CommitteePosition.Secretary },
                new { memberId = one[0].Id, position = CommitteePosition.DeputySecretary },
                new { memberId = one[1].Id, position = CommitteePosition.Member },
                new { memberId = two[0].Id, position = CommitteePosition.Member },
            },
        }, Ct));
        var firstId = first.GetProperty("committee").GetProperty("id").GetInt32();
        first.GetProperty("committee").GetProperty("vacancies").GetInt32().ShouldBe(1);

        // Mid-term: a member moves away, another is added (bầu bổ sung), the deputy becomes secretary when An steps down.
        var version = first.GetProperty("committee").GetProperty("version").GetInt32();
        var after = await OkAsync(await commune.PostAsJsonAsync($"/api/committees/{firstId}/members/{two[0].Id}/end",
            new { version, on = new DateOnly(2022, 3, 1), reason = MembershipChange.Moved, decisionNumber = "30-QĐ/ĐU" }, Ct));
        version = after.GetProperty("committee").GetProperty("version").GetInt32();
        after = await OkAsync(await commune.PostAsJsonAsync($"/api/committees/{firstId}/members",
            new { version, memberId = two[1].Id, position = CommitteePosition.Member, on = new DateOnly(2022, 6, 1), reason = MembershipChange.Added, decisionNumber = "41-QĐ/ĐU" }, Ct));
        version = after.GetProperty("committee").GetProperty("version").GetInt32();

        // Two secretaries at once are refused; after An left, the deputy takes the post.
        var twice = await commune.PostAsJsonAsync($"/api/committees/{firstId}/members",
            new { version, memberId = one[2].Id, position = CommitteePosition.Secretary, on = new DateOnly(2022, 12, 1), reason = MembershipChange.Added }, Ct);
        await RefusedAsync(twice, HttpStatusCode.BadRequest, "Position");
        after = await OkAsync(await commune.PostAsJsonAsync($"/api/committees/{firstId}/members/{data.An.Id}/end",
            new { version, on = new DateOnly(2023, 1, 15), reason = MembershipChange.Resigned }, Ct));
        version = after.GetProperty("committee").GetProperty("version").GetInt32();
        after = await OkAsync(await commune.PostAsJsonAsync($"/api/committees/{firstId}/members/{one[0].Id}/position",
            new { version, position = CommitteePosition.Secretary, on = new DateOnly(2023, 2, 1), decisionNumber = "52-QĐ/ĐU" }, Ct));
        var history = after.GetProperty("history").EnumerateArray().ToList();
        history.Count.ShouldBe(6);
        history.Single(h => h.GetProperty("memberId").GetInt32() == two[0].Id).GetProperty("endReason").GetString().ShouldBe("Chuyển công tác");
        history.Single(h => h.GetProperty("memberId").GetInt32() == two[1].Id).GetProperty("startReason").GetString().ShouldBe("Bầu bổ sung");
        history.Where(h => h.GetProperty("memberId").GetInt32() == one[0].Id).Select(h => h.GetProperty("position").GetString())
            .ShouldBe(["Phó Bí thư", "Bí thư"]);

        // Term 2025–2030 closes the first on its congress date.
        var second = await OkAsync(await commune.PostAsJsonAsync("/api/committees/", new
        {
            organization = data.BaseCommittee.Code, term = "2025–2030", congressOn = new DateOnly(2025, 5, 12), termEndsOn = new DateOnly(2030, 5, 12),
            formation = CommitteeFormation.Elected, seats = 3, decisionNumber = "77-QĐ/ĐU",
            members = new object[]
            {
                new { memberId = one[0].Id, position = CommitteePosition.Secretary },
                new { memberId = one[3].Id, position = CommitteePosition.DeputySecretary },
                new { memberId = two[2].Id, position = CommitteePosition.Member },
            },
        }, Ct));
        second.GetProperty("otherTerms")[0].GetProperty("endedOn").GetString().ShouldBe("2025-05-12");

        async Task<List<int>> SeatsOnAsync(string org, string day)
        {
            var list = await OkAsync(await commune.GetAsync($"/api/committees/?org={org}&asOf={day}&level=base", Ct));
            return list.GetProperty("committees").EnumerateArray()
                .SelectMany(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("memberId").GetInt32())).Order().ToList();
        }

        (await SeatsOnAsync(data.Commune.Code, "2021-01-01")).ShouldBe(new[] { data.An.Id, one[0].Id, one[1].Id, two[0].Id }.Order().ToList());
        (await SeatsOnAsync(data.Commune.Code, "2022-07-01")).ShouldBe(new[] { data.An.Id, one[0].Id, one[1].Id, two[1].Id }.Order().ToList());
        (await SeatsOnAsync(data.Commune.Code, "2025-06-01")).ShouldBe(new[] { one[0].Id, one[3].Id, two[2].Id }.Order().ToList());

        // The đảng bộ cơ sở moves to the ward on 15/01/2026: before, its seats count in the commune; after, in the ward.
        using (var context = db.Context())
        {
            var org = context.Organizations.Single(o => o.Id == data.BaseCommittee.Id);
            await new OrganizationCommands(context, clock, "test").MoveAsync(org.Id, org.Version, data.Ward.Id, new DateOnly(2026, 1, 15), new Decision("9-QĐ/TU"), Ct);
        }

        using var province = await app.SignedInAsync("province-board", data.Province.Code);
        async Task<int> BaseSeatsAsync(string org, string day) =>
            (await OkAsync(await province.GetAsync($"/api/reports/committees?org={org}&level=base&asOf={day}", Ct))).GetProperty("members").GetInt32();

        (await BaseSeatsAsync(data.Commune.Code, "2025-12-31")).ShouldBe(3);
        (await BaseSeatsAsync(data.Ward.Code, "2025-12-31")).ShouldBe(0);
        (await BaseSeatsAsync(data.Commune.Code, "2026-02-01")).ShouldBe(0);
        (await BaseSeatsAsync(data.Ward.Code, "2026-02-01")).ShouldBe(3);

        // The seat history is not broken by the move: each seat is one line from its start.
        var detail = await OkAsync(await province.GetAsync($"/api/committees/{second.GetProperty("committee").GetProperty("id").GetInt32()}", Ct));
        detail.GetProperty("history").GetArrayLength().ShouldBe(3);
        detail.GetProperty("history").EnumerateArray().ShouldAllBe(h => h.GetProperty("from").GetString() == "2025-05-12" && h.GetProperty("to").ValueKind == JsonValueKind.Null);

        // The commune no longer holds the đảng bộ cơ sở: it does not find its committee; the ward's committee account does.
        (await commune.GetAsync($"/api/committees/{firstId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Committee_RecordedByItselfOrFromOutsideOrWithAProbationer_IsRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await using var app = new ChiBoApp(db, TestClock.On(TestData.Today));
        object Form(string org, int memberId) => new
        {
            organization = org, term = "2025–2030", congressOn = new DateOnly(2025, 5, 12), termEndsOn = new DateOnly(2030, 5, 12),
            formation = CommitteeFormation.Elected, seats = 3, members = Seat(memberId, CommitteePosition.Secretary),
        };

        // The base committee records its cells' chi ủy, not its own committee.
        using var baseCommittee = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var self = await RefusedAsync(await baseCommittee.PostAsJsonAsync("/api/committees/", Form(data.BaseCommittee.Code, data.An.Id), Ct), HttpStatusCode.BadRequest, "OrganizationId");
        self.GetProperty("detail").GetString()!.ShouldContain("cấp ủy cấp trên chuẩn y");
        await OkAsync(await baseCommittee.PostAsJsonAsync("/api/committees/", Form(data.CellOne.Code, data.An.Id), Ct));

        // Elected from another cell, or a probationary member: refused, naming the field.
        await RefusedAsync(await baseCommittee.PostAsJsonAsync("/api/committees/", Form(data.CellTwo.Code, data.An.Id), Ct), HttpStatusCode.BadRequest, "MemberId");
        var probationer = await RefusedAsync(await baseCommittee.PostAsJsonAsync("/api/committees/", Form(data.CellTwo.Code, data.Binh.Id), Ct), HttpStatusCode.BadRequest, "MemberId");
        probationer.GetProperty("detail").GetString()!.ShouldContain("không phải đảng viên chính thức");

        // A cell committee has no Committees.Write; a committee of another subtree does not find the organization.
        using var cell = await app.SignedInAsync("cell-committee", data.CellOne.Code);
        (await cell.PostAsJsonAsync("/api/committees/", Form(data.CellOne.Code, data.An.Id), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var ward = await app.SignedInAsync("superior-committee", data.Ward.Code);
        (await ward.PostAsJsonAsync("/api/committees/", Form(data.CellTwo.Code, data.Anh.Id), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
