using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// A quarter of cadre evaluation through HTTP, SQLite and PostgreSQL: self-assessment, results,
/// one-time codes answered without an account, the committee's conclusion, bands, the cadres falling
/// behind, the period locked; and that nobody — the cadre, the committee, the audit log — can tie
/// an answer to the respondent.
/// </summary>
public sealed class EvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly EvaluationCriterion[] Criteria =
    [
        new("kq", "Kết quả thực hiện nhiệm vụ", EvaluationComponent.WorkResults, 40),
        new("ld", "Năng lực lãnh đạo, điều hành", EvaluationComponent.WorkResults, 20),
        new("sp", "Sản phẩm cụ thể", EvaluationComponent.Outputs, 20),
        new("tn", "Chỉ số tín nhiệm", EvaluationComponent.Trust, 10),
        new("ct", "Ý kiến cấp trên", EvaluationComponent.Superiors, 10),
        new("dc", "Ý kiến đồng cấp", EvaluationComponent.Peers, 10),
    ];

    private static readonly EvaluationBand[] Bands =
        [new(80, "Tốt", "Động viên", false), new(65, "Đạt", "Ghi nhận", false), new(0, "Chưa đạt", "Nhắc nhở", true)];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quarter_IsScoredFromWhatIsUsed_AndNoAnswerCanBeTiedToItsRespondent(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await data.AddMembersAsync(data.CellOne, 1);
        var khang = CommitteeHistoryTests.MembersOf(db, data.CellOne)[0];
        var clock = TestClock.On(TestData.Today);
        int periodId;
        await using (var context = db.Context())
        {
            var cadres = new CadreCommands(context, clock, OrgScope.System, "test");
            var pool = await cadres.AddManagementPoolAsync(new ManagementPoolNew(data.Commune.Id, "Diện Ban Thường vụ Đảng ủy xã An Hòa quản lý"), Ct);
            await cadres.AddToManagementPoolAsync(pool.Id, new PoolEntryNew(data.An.Id, "Bí thư Chi bộ ấp Một", new DateOnly(2026, 1, 1)), Ct);
            await cadres.AddToManagementPoolAsync(pool.Id, new PoolEntryNew(khang.Id, "Chi ủy viên Chi bộ ấp Một", new DateOnly(2026, 1, 1)), Ct);
            var evaluations = new EvaluationCommands(context, clock, OrgScope.System);
            await evaluations.AddTemplateAsync(pool.Id, new TemplateNew("Bộ tiêu chí 2026", new DateOnly(2026, 1, 1), Criteria, Bands), "test", Ct);
            periodId = (await evaluations.OpenPeriodAsync(pool.Id, 2026, 2, Ct)).Id;
        }

        await using var app = new ChiBoApp(db, clock);
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);
        var period = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/evaluations/periods/{periodId}", Ct));
        int EvaluationOf(int memberId) => period.GetProperty("evaluations").EnumerateArray()
            .Single(e => e.GetProperty("memberId").GetInt32() == memberId).GetProperty("id").GetInt32();
        var an = EvaluationOf(data.An.Id);
        var other = EvaluationOf(khang.Id);

        // Results before the self-assessment are refused; then both, and products and the trust vote.
        await CommitteeHistoryTests.RefusedAsync(await commune.PutAsJsonAsync($"/api/evaluations/{an}/results",
            new { version = 1, scores = new Dictionary<string, decimal> { ["kq"] = 70 }, products = Array.Empty<object>() }, Ct), HttpStatusCode.BadRequest, "State");
        await CommitteeHistoryTests.OkAsync(await commune.PutAsJsonAsync($"/api/evaluations/{an}/self",
            new { version = 1, scores = new Dictionary<string, decimal> { ["kq"] = 90, ["ld"] = 85 }, summary = "Hoàn thành tốt nhiệm vụ", on = new DateOnly(2026, 6, 25) }, Ct));
        await CommitteeHistoryTests.OkAsync(await commune.PutAsJsonAsync($"/api/evaluations/{an}/results", new
        {
            version = 2, scores = new Dictionary<string, decimal> { ["kq"] = 70, ["ld"] = 60 },
            products = new object[]
            {
                new { name = "Đề án chuyển đổi số", delivered = true, onTime = true, evidence = "Quyết định 12" },
                new { name = "Báo cáo chuyên đề", delivered = true, onTime = false },
                new { name = "Mô hình dân vận khéo", delivered = false, onTime = false },
            },
            trustHigh = 6, trustMedium = 2, trustLow = 2,
        }, Ct));

        // One-time codes: four for superiors, two for peers, handed out on paper.
        async Task<List<string>> Codes(EvaluationComponent group, int count) =>
            (await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/evaluations/{an}/codes", new { group, count }, Ct)))
                .EnumerateArray().Select(c => c.GetString()!).ToList();
        var superiors = await Codes(EvaluationComponent.Superiors, 4);
        var peers = await Codes(EvaluationComponent.Peers, 2);

        // Respondents answer without an account; a code answers once, and only its own group's questions.
        using var anyone = app.CreateClient();
        async Task<HttpResponseMessage> Answer(string code, string criterion, int answer) =>
            await anyone.PostAsJsonAsync("/api/evaluations/feedback", new { code, answers = new Dictionary<string, int> { [criterion] = answer } }, Ct);
        await CommitteeHistoryTests.RefusedAsync(await Answer(superiors[0], "dc", 4), HttpStatusCode.BadRequest, "Answers");
        (await Answer(superiors[0], "ct", 4)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CommitteeHistoryTests.RefusedAsync(await Answer(superiors[0], "ct", 1), HttpStatusCode.BadRequest, "Code");
        (await Answer(superiors[1].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "ct", 4)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Answer(superiors[2], "ct", 5)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Answer(peers[0], "dc", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Answer(peers[1], "dc", 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CommitteeHistoryTests.RefusedAsync(await Answer("AAAA-BBBB-CCCC-DDDD", "ct", 5), HttpStatusCode.BadRequest, "Code");

        // The committee sees group figures: superiors (3 ballots) count; peers (2) are neither shown nor used, so they do not drag the score.
        var view = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/evaluations/{an}", Ct));
        var groups = view.GetProperty("feedback").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        groups["Cấp trên"].GetProperty("invited").GetInt32().ShouldBe(4);
        groups["Cấp trên"].GetProperty("answered").GetInt32().ShouldBe(3);
        groups["Cấp trên"].GetProperty("means").GetProperty("ct").GetDecimal().ShouldBe(83.33m);
        groups["Đồng cấp"].GetProperty("shown").GetBoolean().ShouldBeFalse();
        groups["Đồng cấp"].GetProperty("means").ValueKind.ShouldBe(JsonValueKind.Null);

        // (40·70 + 20·60 + 20·50 + 10·70 + 10·83,33) / 100 = 65,33: outputs 1 + ½ of 3 products, trust (6 + ½·2) of 10.
        view.GetProperty("score").GetDecimal().ShouldBe(65.33m);
        var concluded = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/evaluations/{an}/conclusion",
            new { version = 3, conclusion = "Hoàn thành nhiệm vụ; cần đẩy nhanh sản phẩm còn chậm.", on = new DateOnly(2026, 6, 29) }, Ct));
        (concluded.GetProperty("score").GetDecimal(), concluded.GetProperty("band").GetString(), concluded.GetProperty("outcome").GetString())
            .ShouldBe((65.33m, "Đạt", "Ghi nhận"));
        await CommitteeHistoryTests.RefusedAsync(await Answer(superiors[3], "ct", 1), HttpStatusCode.BadRequest, "State");

        // The other cadre falls behind: (40·40 + 20·40) / 60 = 40, with no product, vote or feedback to count.
        await CommitteeHistoryTests.OkAsync(await commune.PutAsJsonAsync($"/api/evaluations/{other}/self",
            new { version = 1, scores = new Dictionary<string, decimal> { ["kq"] = 60 }, on = new DateOnly(2026, 6, 25) }, Ct));
        await CommitteeHistoryTests.OkAsync(await commune.PutAsJsonAsync($"/api/evaluations/{other}/results",
            new { version = 2, scores = new Dictionary<string, decimal> { ["kq"] = 40, ["ld"] = 40 }, products = Array.Empty<object>() }, Ct));
        var behindOne = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/evaluations/{other}/conclusion",
            new { version = 3, conclusion = "Chưa hoàn thành nhiệm vụ được giao.", on = new DateOnly(2026, 6, 29) }, Ct));
        behindOne.GetProperty("score").GetDecimal().ShouldBe(40m);
        var behind = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/evaluations/behind?org={data.Commune.Code}&year=2026&quarter=2", Ct));
        behind.EnumerateArray().Select(b => (b.GetProperty("memberId").GetInt32(), b.GetProperty("quartersInARow").GetInt32())).ShouldBe([(khang.Id, 1)]);

        // Calibration, then locked, with the distribution of bands; the cadre's quarters.
        var calibrated = await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/evaluations/periods/{periodId}/state", new { version = 1, state = PeriodState.Calibration }, Ct));
        calibrated.GetProperty("distribution").GetProperty("Đạt").GetInt32().ShouldBe(1);
        calibrated.GetProperty("distribution").GetProperty("Chưa đạt").GetInt32().ShouldBe(1);
        (await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/evaluations/periods/{periodId}/state", new { version = 2, state = PeriodState.Locked }, Ct)))
            .GetProperty("state").GetString().ShouldBe("Đã khóa");
        var history = await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/evaluations/history/{data.An.Id}", Ct));
        history[0].GetProperty("score").GetDecimal().ShouldBe(65.33m);

        // Anonymity by construction. What the committee reads names no ballot.
        await using var read = db.Context();
        var ballots = read.FeedbackBallots.Where(b => b.EvaluationId == an).ToList();
        ballots.Count.ShouldBe(6);
        ballots.Count(b => b.Answers != null).ShouldBe(5);
        var text = view.GetRawText() + concluded.GetRawText();
        ballots.ShouldAllBe(b => !text.Contains(b.Id.ToString(), StringComparison.OrdinalIgnoreCase));

        // A ballot holds no respondent, time or invitation, and an invitation no ballot.
        read.Model.FindEntityType(typeof(FeedbackBallot))!.GetProperties().Select(p => p.Name).Order()
            .ShouldBe(["Answers", "EvaluationId", "Id", "ProvinceId", "RespondentGroup"]);
        read.Model.FindEntityType(typeof(FeedbackBallot))!.GetForeignKeys().Select(k => k.PrincipalEntityType.ClrType).ShouldBe([typeof(CadreEvaluation)]);
        read.Model.FindEntityType(typeof(FeedbackInvitation))!.GetProperties().Select(p => p.Name).Order()
            .ShouldBe(["CodeHash", "EvaluationId", "Id", "ProvinceId", "RespondentGroup", "Used"]);

        // The audit log proves every ballot was written, never which or what: no key, no answers.
        var lines = read.AuditEntries.Where(e => e.EntityType == nameof(FeedbackBallot)).ToList();
        lines.Count.ShouldBe(6 + 5);
        lines.ShouldAllBe(l => l.EntityId == "" && !(l.Changes ?? "").Contains("Answers") && !(l.Changes ?? "").Contains("answers"));

        // The cadre, signed in as a member, sees none of it.
        using var member = await app.SignedInAsync("member", data.CellOne.Code, data.An.Id);
        (await member.GetAsync($"/api/evaluations/{an}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/evaluations/history/{data.An.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
