using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Discipline;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Ratings;

/// <summary>
/// The 2025 round on the <see cref="TestData"/> tree through HTTP, on SQLite and PostgreSQL: each
/// level takes its own step (the member self-assesses, the chi bộ proposes, the đảng bộ cơ sở decides
/// its members and chi bộ, the đảng bộ xã decides its TCCSĐ), a step of another level is 403, the
/// order and the policy's limits hold, and the report counts what was decided.
/// </summary>
public sealed class RatingWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Decided = new(2026, 1, 10);

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonSerializer.Deserialize<ProblemDetails>(body, JsonSerializerOptions.Web)!;
    }

    private static string Field(ProblemDetails p) => ((JsonElement)p.Extensions["field"]!).GetString()!;

    /// <summary>
    /// The tree of <see cref="TestData"/>, a 2025 round opened by the province board, and a client per
    /// acting level, signed in when first used (each sign-in hashes a password).
    /// </summary>
    private sealed class Round : IAsyncDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public required TestDatabase Database { get; init; }
        public required TestData Data { get; init; }
        public required ChiBoApp App { get; init; }

        public Task<HttpClient> Province() => ClientAsync("province-board", "T");

        public Task<HttpClient> Commune() => ClientAsync("superior-committee", Data.Commune.Code);

        public Task<HttpClient> Base() => ClientAsync("base-committee", Data.BaseCommittee.Code);

        public Task<HttpClient> CellOne() => ClientAsync("cell-committee", Data.CellOne.Code);

        public Task<HttpClient> CellTwo() => ClientAsync("cell-committee", Data.CellTwo.Code);

        public Task<HttpClient> Enterprise() => ClientAsync("cell-committee", Data.EnterpriseCell.Code);

        public Task<HttpClient> An() => ClientAsync("member", Data.CellOne.Code, Data.An.Id);

        private async Task<HttpClient> ClientAsync(string role, string org, int? member = null)
        {
            var key = role + "@" + org;
            if (!_clients.TryGetValue(key, out var client))
            {
                _clients[key] = client = await App.SignedInAsync(role, org, member);
            }

            return client;
        }

        public static async Task<Round> OpenAsync(string provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var data = await TestData.SeedAsync(database);
            var round = new Round { Database = database, Data = data, App = new ChiBoApp(database, TestClock.On(TestData.Today)) };
            await OkJsonAsync(await (await round.Province()).PostAsJsonAsync("/api/ratings/rounds",
                new { org = "T", year = 2025, reviewDate = new DateOnly(2025, 12, 15), deadline = new DateOnly(2026, 1, 31) }, Ct));
            return round;
        }

        public Task<HttpResponseMessage> ProposeMember(HttpClient as_, int memberId, int version, string? level, string? notRated = null) =>
            as_.PostAsJsonAsync($"/api/ratings/members/{memberId}/proposal", new { year = 2025, version, level, notRated }, Ct);

        public Task<HttpResponseMessage> DecideMember(HttpClient as_, int memberId, int version, string? level, string? notRated = null) =>
            as_.PostAsJsonAsync($"/api/ratings/members/{memberId}/decision",
                new { year = 2025, version, level, notRated, decisionNumber = "05-QĐ/ĐU", decidedOn = Decided }, Ct);

        public Task<HttpResponseMessage> ProposeOrg(HttpClient as_, string code, int version, string? level) =>
            as_.PostAsJsonAsync($"/api/ratings/orgs/{code}/proposal", new { year = 2025, version, level, selfAssessment = "Báo cáo kiểm điểm tập thể năm 2025" }, Ct);

        public Task<HttpResponseMessage> DecideOrg(HttpClient as_, string code, int version, string? level) =>
            as_.PostAsJsonAsync($"/api/ratings/orgs/{code}/decision", new { year = 2025, version, level, decisionNumber = "12-QĐ/ĐU", decidedOn = Decided.AddDays(5) }, Ct);

        /// <summary>Every member of the đảng bộ cơ sở and the chi bộ cơ sở decided: An HTTNV, Bình and Anh not rated (the policy's reasons), Hoa as given.</summary>
        public async Task DecideMembersAsync(string hoa = "HTTNV")
        {
            var an = await OkJsonAsync(await ProposeMember(await CellOne(), Data.An.Id, await MemberVersionAsync(Data.An.Id), "HTTNV"));
            await OkJsonAsync(await DecideMember(await Base(), Data.An.Id, an.GetProperty("version").GetInt32(), "HTTNV"));
            var binh = await OkJsonAsync(await ProposeMember(await CellOne(), Data.Binh.Id, await MemberVersionAsync(Data.Binh.Id), null, "newMember"));
            await OkJsonAsync(await DecideMember(await Base(), Data.Binh.Id, binh.GetProperty("version").GetInt32(), null, "newMember"));
            var anh = await OkJsonAsync(await ProposeMember(await CellTwo(), Data.Anh.Id, await MemberVersionAsync(Data.Anh.Id), null, "exempted"));
            await OkJsonAsync(await DecideMember(await Base(), Data.Anh.Id, anh.GetProperty("version").GetInt32(), null, "exempted"));

            // A chi bộ cơ sở proposes and decides its own members: no separate proposal.
            await OkJsonAsync(await DecideMember(await Enterprise(), Data.Hoa.Id, 0, hoa));
        }

        public async Task<int> MemberVersionAsync(int memberId)
        {
            var m = await OkJsonAsync(await (await Province()).GetAsync($"/api/ratings/members/{memberId}?year=2025", Ct));
            return m.GetProperty("rating").ValueKind == JsonValueKind.Null ? 0 : m.GetProperty("rating").GetProperty("version").GetInt32();
        }

        public async Task<int> OrgVersionAsync(string code)
        {
            var org = await OkJsonAsync(await (await Province()).GetAsync($"/api/ratings/orgs/{code}?year=2025", Ct));
            return org.GetProperty("rating").ValueKind == JsonValueKind.Null ? 0 : org.GetProperty("rating").GetProperty("version").GetInt32();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var c in _clients.Values)
            {
                c.Dispose();
            }

            await App.DisposeAsync();
            await Data.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Round_BottomUp_EachLevelDecidesItsOwn_AndTheReportCountsTheDecisions(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        var d = r.Data;

        // The member writes their own review; the chi bộ proposes on it.
        var self = await OkJsonAsync(await (await r.An()).PostAsJsonAsync("/api/ratings/mine/self-assessment",
            new { year = 2025, version = 0, text = "Hoàn thành các nhiệm vụ được giao, tham gia đầy đủ sinh hoạt chi bộ.", level = "HTTNV", score = 82 }, Ct));
        self.GetProperty("state").GetString().ShouldBe("SelfAssessed");
        var proposed = await OkJsonAsync(await r.ProposeMember(await r.CellOne(), d.An.Id, self.GetProperty("version").GetInt32(), "HTTNV"));
        proposed.GetProperty("proposedLevel").GetString().ShouldBe("HTTNV");
        await r.DecideMembersAsync();

        // Chi bộ trực thuộc are decided by the đảng bộ cơ sở; TCCSĐ by the level above.
        foreach (var cell in new[] { d.CellOne.Code, d.CellTwo.Code })
        {
            var client = cell == d.CellOne.Code ? await r.CellOne() : await r.CellTwo();
            var p = await OkJsonAsync(await r.ProposeOrg(client, cell, await r.OrgVersionAsync(cell), "HTTNV"));
            await OkJsonAsync(await r.DecideOrg(await r.Base(), cell, p.GetProperty("version").GetInt32(), "HTTNV"));
        }

        var baseProposal = await OkJsonAsync(await r.ProposeOrg(await r.Base(), d.BaseCommittee.Code, 0, "HTTNV"));
        await OkJsonAsync(await r.DecideOrg(await r.Commune(), d.BaseCommittee.Code, baseProposal.GetProperty("version").GetInt32(), "HTTNV"));
        var enterprise = await OkJsonAsync(await r.ProposeOrg(await r.Enterprise(), d.EnterpriseCell.Code, await r.OrgVersionAsync(d.EnterpriseCell.Code), "HTNV"));
        await OkJsonAsync(await r.DecideOrg(await r.Commune(), d.EnterpriseCell.Code, enterprise.GetProperty("version").GetInt32(), "HTNV"));

        // Publication by each deciding level; the member sees the result in the handbook.
        (await OkJsonAsync(await (await r.An()).GetAsync("/api/ratings/mine", Ct)))[0].GetProperty("level").ValueKind.ShouldBe(JsonValueKind.Null);
        var published = await OkJsonAsync(await (await r.Base()).PostAsJsonAsync("/api/ratings/publication",
            new { org = d.BaseCommittee.Code, year = 2025, publishedOn = new DateOnly(2026, 1, 20) }, Ct));
        published.GetProperty("published").GetInt32().ShouldBe(5); // An, Bình, Anh, chi bộ ấp Một and ấp Hai
        var mine = (await OkJsonAsync(await (await r.An()).GetAsync("/api/ratings/mine", Ct)))[0];
        (mine.GetProperty("year").GetInt32(), mine.GetProperty("level").GetString(), mine.GetProperty("publishedOn").GetString())
            .ShouldBe((2025, "HTTNV", "2026-01-20"));

        var report = await OkJsonAsync(await (await r.Province()).GetAsync("/api/reports/ratings?org=T&fromYear=2025&toYear=2025", Ct));
        report.GetProperty("org").GetString().ShouldBe("T");
        var y = report.GetProperty("years").GetProperty("2025");
        Series(y.GetProperty("organizations")).ShouldBe((2, 1, 0.5m, 0, 1, 1, 0, 0));
        Series(y.GetProperty("cells")).ShouldBe((2, 2, 1m, 0, 2, 0, 0, 0));
        Series(y.GetProperty("members")).ShouldBe((2, 2, 1m, 0, 2, 0, 0, 2));
        y.GetProperty("organizations").GetProperty("share").GetRawText().ShouldBe("0.5000");

        // Every step left its lines in the audit log, in the same transactions.
        await using var db = r.Database.Context();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "MemberRating", Ct)).ShouldBeGreaterThanOrEqualTo(9);
        (await db.AuditEntries.CountAsync(a => a.EntityType == "OrgRating", Ct)).ShouldBeGreaterThanOrEqualTo(8);
        (await db.RatingEvents.CountAsync(e => e.Kind == ChiBo.Ratings.RatingEventKind.Published, Ct)).ShouldBe(5);
    }

    private static (int Rated, int Good, decimal? Share, int Excellent, int Httnv, int Htnv, int Khtnv, int NotRated) Series(JsonElement s)
    {
        var levels = s.GetProperty("levels");
        return (s.GetProperty("rated").GetInt32(), s.GetProperty("goodOrAbove").GetInt32(),
            s.GetProperty("share").ValueKind == JsonValueKind.Null ? null : s.GetProperty("share").GetDecimal(),
            levels.GetProperty("HTXSNV").GetInt32(), levels.GetProperty("HTTNV").GetInt32(), levels.GetProperty("HTNV").GetInt32(),
            levels.GetProperty("KHTNV").GetInt32(), s.GetProperty("notRated").GetInt32());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecideMember_ByTheCellCommittee_IsForbidden_ItOnlyProposes(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        var proposed = await OkJsonAsync(await r.ProposeMember(await r.CellOne(), r.Data.An.Id, 0, "HTTNV"));
        var refused = await ProblemAsync(await r.DecideMember(await r.CellOne(), r.Data.An.Id, proposed.GetProperty("version").GetInt32(), "HTTNV"), HttpStatusCode.Forbidden);
        refused.Detail!.ShouldContain("Đảng bộ cơ sở xã An Hòa");

        // Nor may the đảng bộ cơ sở propose in the chi bộ's place.
        await ProblemAsync(await r.ProposeMember(await r.Base(), r.Data.An.Id, proposed.GetProperty("version").GetInt32(), "HTXSNV"), HttpStatusCode.Forbidden);
        await using var db = r.Database.Context();
        (await db.MemberRatings.SingleAsync(x => x.MemberId == r.Data.An.Id, Ct)).State.ShouldBe(ChiBo.Ratings.RatingState.Proposed);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecideBaseOrganization_ByItsOwnCommittee_IsForbidden_TheLevelAboveDecidesIt(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        await r.DecideMembersAsync();
        var code = r.Data.BaseCommittee.Code;
        var proposal = await OkJsonAsync(await r.ProposeOrg(await r.Base(), code, 0, "HTTNV"));
        var version = proposal.GetProperty("version").GetInt32();
        var refused = await ProblemAsync(await r.DecideOrg(await r.Base(), code, version, "HTTNV"), HttpStatusCode.Forbidden);
        refused.Detail!.ShouldContain("Đảng bộ xã An Hòa");

        // The level above must wait for the chi bộ under it (members → chi bộ → TCCSĐ).
        var early = await ProblemAsync(await r.DecideOrg(await r.Commune(), code, version, "HTTNV"), HttpStatusCode.BadRequest);
        (Field(early), early.Detail).ShouldBe(("Level", "Chưa thể xếp loại Đảng bộ cơ sở xã An Hòa: mới có 0/2 tổ chức đảng trực thuộc được quyết định xếp loại."));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecideCell_BeforeItsMembers_IsRefused_AndAnExcellentCellNeedsItsMembers(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        var code = r.Data.CellOne.Code;
        var proposal = await OkJsonAsync(await r.ProposeOrg(await r.CellOne(), code, 0, "HTXSNV"));
        var early = await ProblemAsync(await r.DecideOrg(await r.Base(), code, proposal.GetProperty("version").GetInt32(), "HTXSNV"), HttpStatusCode.BadRequest);
        early.Detail.ShouldBe("Chưa thể xếp loại Chi bộ ấp Một: mới có 0/2 đảng viên trực thuộc được quyết định xếp loại.");

        // With its one rated member HTNV the chi bộ cannot be HTXSNV (100 % HTNV+, 80 % HTTNV+).
        var an = await OkJsonAsync(await r.ProposeMember(await r.CellOne(), r.Data.An.Id, 0, "HTNV"));
        await OkJsonAsync(await r.DecideMember(await r.Base(), r.Data.An.Id, an.GetProperty("version").GetInt32(), "HTNV"));
        var binh = await OkJsonAsync(await r.ProposeMember(await r.CellOne(), r.Data.Binh.Id, 0, null, "newMember"));
        await OkJsonAsync(await r.DecideMember(await r.Base(), r.Data.Binh.Id, binh.GetProperty("version").GetInt32(), null, "newMember"));
        var version = await r.OrgVersionAsync(code);
        var excellent = await ProblemAsync(await r.DecideOrg(await r.Base(), code, version, "HTXSNV"), HttpStatusCode.BadRequest);
        excellent.Detail!.ShouldContain("hoàn thành tốt nhiệm vụ trở lên (hiện: 1/1 và 0/1)");
        (await OkJsonAsync(await r.DecideOrg(await r.Base(), code, version, "HTTNV"))).GetProperty("level").GetString().ShouldBe("HTTNV");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_MemberDisciplinedInTheYear_AboveKhtnv_IsRefused(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        await using (var db = r.Database.Context())
        {
            await new DisciplineCommands(db, r.App.Clock, ChiBo.Access.OrgScope.System, "test").DecideAsync(new DecisionInput(
                r.Data.Hoa.Id, null, DisciplineForm.Reprimand, "3-NQ/CB", new DateOnly(2025, 9, 12), r.Data.EnterpriseCell.Id, DecidingBody.Cell,
                "Vi phạm chế độ sinh hoạt đảng"), Ct);
        }

        var refused = await ProblemAsync(await r.DecideMember(await r.Enterprise(), r.Data.Hoa.Id, 0, "HTNV"), HttpStatusCode.BadRequest);
        (Field(refused), refused.Detail).ShouldBe(("Level", "Đồng chí Lê Thị Hoa bị kỷ luật trong năm nên chỉ được xếp loại từ mức \"Không hoàn thành nhiệm vụ\" trở xuống."));
        (await OkJsonAsync(await r.DecideMember(await r.Enterprise(), r.Data.Hoa.Id, 0, "KHTNV"))).GetProperty("level").GetString().ShouldBe("KHTNV");

        // The follow-up list names her; the policy's own reasons cannot be overridden with a level either.
        var followUp = await OkJsonAsync(await (await r.Commune()).GetAsync($"/api/ratings/follow-up?org={r.Data.Commune.Code}&year=2025", Ct));
        followUp.GetProperty("members")[0].GetProperty("fullName").GetString().ShouldBe("Lê Thị Hoa");
        var exempted = await ProblemAsync(await r.ProposeMember(await r.CellTwo(), r.Data.Anh.Id, 0, "HTTNV"), HttpStatusCode.BadRequest);
        exempted.Detail.ShouldBe("Nguyễn Văn Anh: được miễn công tác và sinh hoạt đảng nên không xếp loại.");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Correct_ADecidedRating_NeedsAReasonAndItsLevel_AndMovesTheCounts(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        await r.DecideMembersAsync();
        var an = await OkJsonAsync(await (await r.Base()).GetAsync($"/api/ratings/members/{r.Data.An.Id}?year=2025", Ct));
        var version = an.GetProperty("rating").GetProperty("version").GetInt32();

        // Locked: a second decision is refused; a correction needs its reason, and is the deciding level's.
        (await ProblemAsync(await r.DecideMember(await r.Base(), r.Data.An.Id, version, "HTNV"), HttpStatusCode.BadRequest)).Detail!.ShouldContain("quyết định điều chỉnh");
        object Correction(string reason) => new { year = 2025, version, level = "HTNV", decisionNumber = "07-QĐ/ĐU", decidedOn = new DateOnly(2026, 3, 2), reason };
        (await ProblemAsync(await (await r.CellOne()).PostAsJsonAsync($"/api/ratings/members/{r.Data.An.Id}/correction", Correction("Phúc tra"), Ct), HttpStatusCode.Forbidden)).ShouldNotBeNull();
        var noReason = await ProblemAsync(await (await r.Base()).PostAsJsonAsync($"/api/ratings/members/{r.Data.An.Id}/correction", Correction(" "), Ct), HttpStatusCode.BadRequest);
        Field(noReason).ShouldBe("Reason");
        var corrected = await OkJsonAsync(await (await r.Base()).PostAsJsonAsync($"/api/ratings/members/{r.Data.An.Id}/correction",
            Correction("Phát hiện chưa hoàn thành chỉ tiêu phát triển đảng viên được giao"), Ct));
        (corrected.GetProperty("level").GetString(), corrected.GetProperty("decisionNumber").GetString()).ShouldBe(("HTNV", "07-QĐ/ĐU"));

        var events = (await OkJsonAsync(await (await r.Base()).GetAsync($"/api/ratings/members/{r.Data.An.Id}?year=2025", Ct))).GetProperty("events");
        var last = events[events.GetArrayLength() - 1];
        (last.GetProperty("kind").GetString(), last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("reason").GetString())
            .ShouldBe(("Corrected", "HTTNV", "HTNV", "Phát hiện chưa hoàn thành chỉ tiêu phát triển đảng viên được giao"));
        var members = (await OkJsonAsync(await (await r.Province()).GetAsync("/api/reports/ratings?org=T&fromYear=2025&toYear=2025", Ct)))
            .GetProperty("years").GetProperty("2025").GetProperty("members");
        Series(members).ShouldBe((2, 1, 0.5m, 0, 1, 1, 0, 2));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Steps_OutsideTheCallersSubtree_AreNotFound_AndRoundsDoNotOverlap(string provider)
    {
        await using var r = await Round.OpenAsync(provider);
        await ProblemAsync(await r.ProposeMember(await r.CellOne(), r.Data.Hoa.Id, 0, "HTTNV"), HttpStatusCode.NotFound);
        await ProblemAsync(await r.DecideOrg(await r.Base(), r.Data.SchoolCell.Code, 0, "HTTNV"), HttpStatusCode.NotFound);

        // The commune cannot open its own round inside the province's; a chi bộ cannot open one at all.
        var overlap = await ProblemAsync(await (await r.Commune()).PostAsJsonAsync("/api/ratings/rounds",
            new { org = r.Data.Commune.Code, year = 2025, reviewDate = new DateOnly(2025, 12, 10), deadline = new DateOnly(2026, 1, 15) }, Ct), HttpStatusCode.BadRequest);
        overlap.Detail.ShouldBe("Đã có đợt đánh giá, xếp loại năm 2025 của Đảng bộ tỉnh Thử nghiệm bao trùm hoặc nằm trong phạm vi này.");
        await ProblemAsync(await (await r.CellOne()).PostAsJsonAsync("/api/ratings/rounds",
            new { org = r.Data.CellOne.Code, year = 2024, reviewDate = new DateOnly(2024, 12, 10), deadline = new DateOnly(2025, 1, 15) }, Ct), HttpStatusCode.Forbidden);
    }
}
