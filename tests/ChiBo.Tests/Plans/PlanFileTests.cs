using ChiBo.Plans;

namespace ChiBo.Tests.Plans;

/// <summary>The plan file format (docs/plan-file.md): what it accepts and how it refuses.</summary>
public sealed class PlanFileTests
{
    internal static string Repo(string path) => File.ReadAllText(Path.Combine(Access.AccessTableTests.RepositoryRoot(), path));

    private static string FileWith(string indicator) => $$"""
        {"plan": {"number": "02-ĐA/TU", "title": "Đề án", "org": "root", "from": "2025-10-01", "to": "2030-12-31"},
         "indicators": [{{indicator}}]}
        """;

    [Theory]
    [InlineData("""{"code": "T3a", "numerator": "ratings.organization.goodOrAbove", "operator": ">", "target": 90}""", "indicators[T3a].numerator", "ratings.organization.goodOrAbove")]
    [InlineData("""{"code": "T3a", "numerator": "admitted", "denominator": "memberz", "operator": ">", "target": 90}""", "indicators[T3a].denominator", "memberz")]
    [InlineData("""{"code": "T4", "numerator": "admitted", "operator": "=>", "target": 90}""", "indicators[T4].operator", "=>")]
    [InlineData("""{"code": "T4", "numerator": "admitted +", "operator": ">=", "target": 90}""", "indicators[T4].numerator", "dấu + hoặc -")]
    [InlineData("""{"code": "T4", "numerator": "admitted * 2", "operator": ">=", "target": 90}""", "indicators[T4].numerator", "ký tự")]
    [InlineData("""{"code": "T5", "numerator": "admitted", "operator": "between", "target": 3}""", "indicators[T5].target", "[thấp, cao]")]
    [InlineData("""{"code": "T5", "numerator": "admitted", "operator": ">", "target": [3, 4]}""", "indicators[T5].target", "between")]
    [InlineData("""{"code": "T6", "operator": ">", "target": 3}""", "indicators[T6].numerator", "manual")]
    [InlineData("""{"code": "T7", "numerator": "admitted@start", "operator": ">", "target": 3}""", "indicators[T7].numerator", "@start")]
    [InlineData("""{"code": "T8", "numerator": "admitted", "operator": ">", "target": 3, "period": "monthly"}""", "indicators[T8].period", "monthly")]
    [InlineData("""{"numerator": "admitted", "operator": ">", "target": 3}""", "indicators[1].code", "không được để trống")]
    public void Parse_RefusesABadIndicator_NamingItAndTheField(string indicator, string field, string detail)
    {
        var e = Should.Throw<RuleViolationException>(() => PlanFile.Parse(FileWith(indicator)));
        e.Field.ShouldBe(field);
        e.Message.ShouldContain(detail);
        e.Message.ShouldContain("trường");
    }

    [Fact]
    public void Parse_RefusesWhatIsNotAPlanFile()
    {
        Should.Throw<RuleViolationException>(() => PlanFile.Parse("{\"plan\": ")).Field.ShouldBe("file");
        Should.Throw<RuleViolationException>(() => PlanFile.Parse("{\"indicators\": []}")).Field.ShouldBe("plan");
        Should.Throw<RuleViolationException>(() => PlanFile.Parse("""{"plan": {"title": "x", "from": "2026-01-01", "to": "2026-12-31"}}""")).Field.ShouldBe("plan.number");
        Should.Throw<RuleViolationException>(() => PlanFile.Parse("""{"plan": {"number": "1-KH/TU", "from": "2026-13-01", "to": "2026-12-31"}}""")).Field.ShouldBe("plan.from");
        Should.Throw<RuleViolationException>(() => PlanFile.Parse("""{"plan": {"number": "1-KH/TU", "from": "2026-01-01", "to": "2026-12-31"}, "tasks": [{"no": 1, "content": "x", "indicators": ["T9"]}]}"""))
            .Field.ShouldBe("tasks[1].indicators");
    }

    [Fact]
    public void Parse_AcceptsTheMinimalFile_WithOptionalFieldsAbsentAndTextCleaned()
    {
        var plan = PlanFile.Parse("""
            { "plan": { "number": "  55-KH/TU ", "title": "Kế hoạch   kết nạp\n đảng viên", "from": "2026-01-01", "to": "2030-12-31" },
              "indicators": [ { "code": "K1", "numerator": " admitted ", "operator": ">=", "target": "3600" },
                              { "code": "K2", "numerator": "admitted", "denominator": "members@start", "operator": "between", "target": [3, 4] } ],
              "tasks": [ { "no": 1, "content": "Giao chỉ tiêu", "partners": "Ban Tổ chức; các đảng ủy trực thuộc", "deadline": "Q1/2026" } ],
              "note": "trường lạ được bỏ qua" }
            """);
        plan.Number.ShouldBe("55-KH/TU");
        plan.Kind.ShouldBe(PlanKind.Plan);
        plan.Org.ShouldBe("root");
        plan.Title.ShouldBe("Kế hoạch kết nạp đảng viên");
        var k1 = plan.Indicators[0];
        (k1.Factor, k1.Target, k1.Period, k1.FromYear, k1.ToYear, k1.Direction).ShouldBe((1, 3600m, IndicatorPeriod.Yearly, 2026, 2030, Direction.Increase));
        plan.Indicators[1].Factor.ShouldBe(100);
        plan.Indicators[1].TargetHigh.ShouldBe(4m);
        plan.Tasks.Single().Partners.ShouldBe(["Ban Tổ chức", "các đảng ủy trực thuộc"]);
        PlanFile.Parse("""{"plan": {"number": "02-ĐA/TU", "from": "2025-10-01", "to": "2030-12-31"}}""").Kind.ShouldBe(PlanKind.Project);
    }

    [Fact]
    public void Parse_KeepsVietnameseInNfc()
    {
        var decomposed = "Đề án".Normalize(System.Text.NormalizationForm.FormD);
        var plan = PlanFile.Parse("{\"plan\": {\"number\": \"1-ĐA/TU\", \"title\": \"" + decomposed + "\", \"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}}");
        plan.Title.ShouldBe("Đề án");
        plan.Title.IsNormalized(System.Text.NormalizationForm.FormC).ShouldBeTrue();
    }

    [Theory]
    [InlineData("plans/000-02-DA-TU.json", "02-ĐA/TU", 15, 10)]
    [InlineData("plans/002-duc-pho.json", "Đề án NQ21 Đức Phổ", 13, 1)]
    [InlineData("plans/003-30-CTr-TU.json", "30-CTr/TU", 14, 4)]
    public void TheSeedsPlanFiles_Parse(string path, string number, int indicators, int tasks)
    {
        var plan = PlanFile.Parse(Repo(path));
        plan.Number.ShouldBe(number);
        plan.Indicators.Count.ShouldBe(indicators);
        plan.Tasks.Count.ShouldBe(tasks);
    }

    [Fact]
    public void TheAnnexOf000_SkipsItsRepeatedHeader_AndGivesTheTenTasksOfThePlanFile()
    {
        var annex = AnnexTable.Parse(Repo("plans/000-annex.tsv"));
        var file = PlanFile.Parse(Repo("plans/000-02-DA-TU.json")).Tasks;
        annex.Select(t => t.No).ShouldBe(Enumerable.Range(1, 10));
        foreach (var (a, f) in annex.Zip(file))
        {
            a.Content.ShouldBe(f.Content, $"task {a.No}");
            a.Lead.ShouldBe(f.Lead, $"task {a.No}");
            a.Partners.ShouldBe(f.Partners, $"task {a.No}");
            a.Deadline.ShouldBe(f.Deadline, $"task {a.No}");
            a.Output.ShouldBe(f.Output, $"task {a.No}");
        }

        annex[5].Content.ShouldBe("Tổ chức Hội thi Bí thư Chi bộ xuất sắc\nXét chọn Bí thư Chi bộ xuất sắc");
        annex[5].Partners.ShouldBe(["Cơ quan, đơn vị liên quan"]);
        PlanCommands.FansOut(annex[5].Lead).ShouldBeTrue();
        PlanCommands.FansOut(annex[0].Lead).ShouldBeFalse();
    }
}
