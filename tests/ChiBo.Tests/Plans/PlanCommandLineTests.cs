using System.Globalization;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Cli;
using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Plans;

/// <summary>
/// <c>chibo plan import</c> and <c>chibo plan status</c> as the contract states them: a refused file
/// exits 2 naming the indicator and the field with nothing written; status prints the contract's
/// JSON; a re-import keeps the entered values and the tasks' reports.
/// </summary>
public sealed class PlanCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> Cli(TestDatabase db, params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ChiBoCli.RunAsync(["plan", .. args, "--db", db.Target.ConnectionString], stdout, stderr, Ct);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string TempFile(string text, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "chibo-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string RepoFile(string path) => Path.Combine(Access.AccessTableTests.RepositoryRoot(), path);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OfABadFile_ExitsWith2_NamingTheIndicatorAndField_AndWritesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        var good = PlanFileTests.Repo("plans/000-02-DA-TU.json");
        (string File, string Indicator, string Field)[] bad =
        [
            (good.Replace("\"ratings.organizations.goodOrAbove\"", "\"ratings.organisations.goodOrAbove\"", StringComparison.Ordinal), "T3a", "numerator"),
            (good.Replace("\"operator\": \">\", \"target\": 90", "\"operator\": \"≫\", \"target\": 90", StringComparison.Ordinal), "T3a", "operator"),
            (good.Replace("\"meetings.attendancePresent\"", "\"meetings.attendancePresent +\"", StringComparison.Ordinal), "T4c", "numerator"),
            (good.Replace("\"numerator\": \"admitted\", \"factor\": 1, \"unit\": \"đảng viên\", \"operator\": \">=\", \"target\": 3600,",
                "\"numerator\": \"admitted\", \"factor\": 1, \"unit\": \"đảng viên\", \"operator\": \">=\", \"target\": 3600, \"allocations\": [{\"org\": \"X.99\", \"target\": 5}],", StringComparison.Ordinal), "T2a", "allocations"),
        ];
        foreach (var (file, indicator, field) in bad)
        {
            file.ShouldNotBe(good);
            var (code, _, err) = await Cli(database, "import", "--file", TempFile(file));
            code.ShouldBe(2, err);
            err.ShouldContain($"Chỉ tiêu \"{indicator}\"");
            err.ShouldContain($"trường \"{field}\"");
        }

        await using var db = database.Context();
        (await db.Plans.CountAsync(Ct)).ShouldBe(0);
        (await db.PlanIndicators.CountAsync(Ct)).ShouldBe(0);
        (await db.PlanTasks.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_PrintsTheContract_WithMissingMeasuresNamedAndNeverZero(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        var (code, output, err) = await Cli(database, "import", "--file", RepoFile("plans/000-02-DA-TU.json"));
        code.ShouldBe(0, err);
        output.ShouldContain("02-ĐA/TU");

        (code, output, err) = await Cli(database, "status", "--org", "root", "--year", "2026", "--format", "json");
        code.ShouldBe(0, err);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("org").GetString().ShouldBe("T");
        root.GetProperty("year").GetInt32().ShouldBe(2026);
        var plan = root.GetProperty("plans").EnumerateArray().Single();
        plan.GetProperty("number").GetString().ShouldBe("02-ĐA/TU");
        var indicators = plan.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        indicators.Keys.ShouldBe(["T1", "T2a", "T2b", "T3a", "T3b", "T4a", "T4b", "T4c", "T5a", "T5b", "T6", "T7", "T8", "T9", "T10"]);
        foreach (var line in indicators.Values)
        {
            foreach (var key in new[] { "code", "value", "numerator", "denominator", "target", "operator", "status", "missing" })
            {
                line.TryGetProperty(key, out _).ShouldBeTrue(key);
            }
        }

        var t3a = indicators["T3a"];
        // No one rated in 2026 yet: no data, never a share of 0.
        t3a.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        t3a.GetProperty("status").GetString().ShouldBe("noData");
        (t3a.GetProperty("denominator").GetInt64(), t3a.GetProperty("missing").ValueKind).ShouldBe((0L, JsonValueKind.Null));
        (t3a.GetProperty("operator").GetString(), t3a.GetProperty("target").GetDecimal()).ShouldBe((">", 90m));
        indicators["T6"].GetProperty("missing").ValueKind.ShouldBe(JsonValueKind.Null);
        indicators["T2a"].GetProperty("missing").ValueKind.ShouldBe(JsonValueKind.Null);
        indicators["T2a"].GetProperty("numerator").GetInt64().ShouldBe(0); // TestData admits nobody in 2026
        indicators["T7"].GetProperty("denominator").GetInt64().ShouldBe(5);
        indicators["T1"].GetProperty("manual").GetBoolean().ShouldBeTrue();
        indicators["T1"].GetProperty("status").GetString().ShouldBe("noData");

        var tasks = plan.GetProperty("tasks").EnumerateArray().ToList();
        tasks.Select(t => t.GetProperty("no").GetInt32()).ShouldBe(Enumerable.Range(1, 10));
        tasks[0].GetProperty("deadline").GetString().ShouldBe("Quý I/2026");
        tasks[0].GetProperty("status").GetString().ShouldBe("notStarted");
        tasks[0].GetProperty("late").GetBoolean().ShouldBeTrue(); // Quý I/2026 is over and nothing is reported
        tasks[9].GetProperty("late").GetBoolean().ShouldBeFalse();

        // Task 6 is "Các Đảng ủy trực thuộc Tỉnh ủy": one child per direct unit (commune T.01, ward T.02).
        await using var db = database.Context();
        var six = await db.PlanTasks.SingleAsync(t => t.No == 6 && t.ParentTaskId == null, Ct);
        six.FansOut.ShouldBeTrue();
        (await db.PlanTasks.Where(t => t.ParentTaskId == six.Id).Select(t => t.LeadOrganizationId).ToListAsync(Ct))
            .ShouldBe([data.Commune.Id, data.Ward.Id], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reimport_ReplacesTheDefinitions_AndKeepsEnteredValuesAndTaskReports(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        var file = PlanFileTests.Repo("plans/000-02-DA-TU.json");
        (await Cli(database, "import", "--file", TempFile(file))).Code.ShouldBe(0);
        await using (var db = database.Context())
        {
            var commands = new PlanCommands(db, TimeProvider.System, OrgScope.System, "test");
            await commands.EnterValueAsync("02-ĐA/TU", "T1", "root", 2026, 955, 955, "Báo cáo 10-BC/TU", Ct);
            var one = await db.PlanTasks.SingleAsync(t => t.No == 1, Ct);
            await commands.ReportTaskAsync(one.Id, new TaskProgress(PlanTaskStatus.Done, EvidenceNumber: "55-KH/TU", EvidenceDate: new DateOnly(2026, 3, 27),
                CompletedOn: new DateOnly(2026, 3, 27)), Ct);
        }

        // The same number again: a new title, T9 dropped, task 10 dropped, T2a's target changed.
        var changed = file.Replace("\"title\": \"Đề án nâng cao", "\"title\": \"Đề án (sửa đổi) nâng cao", StringComparison.Ordinal)
            .Replace("\"target\": 3600", "\"target\": 3700", StringComparison.Ordinal);
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(changed)!;
        var indicators = json["indicators"].EnumerateArray().Where(i => i.GetProperty("code").GetString() != "T9").ToList();
        var tasks = json["tasks"].EnumerateArray().Where(t => t.GetProperty("no").GetInt32() != 10).ToList();
        var rewritten = JsonSerializer.Serialize(new { plan = json["plan"], indicators, tasks });
        var (code, output, err) = await Cli(database, "import", "--file", TempFile(rewritten));
        code.ShouldBe(0, err);
        output.ShouldContain("Đã cập nhật kế hoạch số 02-ĐA/TU");
        output.ShouldContain("chỉ tiêu T9");
        output.ShouldContain("nhiệm vụ 10");

        await using var check = database.Context();
        var plan = await check.Plans.SingleAsync(Ct);
        plan.Title.ShouldStartWith("Đề án (sửa đổi)");
        (await check.PlanIndicators.SingleAsync(i => i.Code == "T2a", Ct)).Target.ShouldBe(3700m);
        (await check.PlanIndicators.AnyAsync(i => i.Code == "T9", Ct)).ShouldBeFalse();
        (await check.IndicatorEntries.SingleAsync(Ct)).Source.ShouldBe("Báo cáo 10-BC/TU");
        (await check.PlanTaskReports.SingleAsync(Ct)).EvidenceNumber.ShouldBe("55-KH/TU");

        var (_, status, _) = await Cli(database, "status", "--org", "root", "--year", "2026", "--format", "json");
        var lines = JsonDocument.Parse(status).RootElement.GetProperty("plans")[0];
        var t1 = lines.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "T1");
        (t1.GetProperty("value").GetDecimal(), t1.GetProperty("source").GetString()).ShouldBe((100m, "Báo cáo 10-BC/TU"));
        var task1 = lines.GetProperty("tasks")[0];
        (task1.GetProperty("status").GetString(), task1.GetProperty("late").GetBoolean()).ShouldBe(("done", false));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAnnex_ReadsTheTabSeparatedTableOf000_IntoThePlansTaskList(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        var noTasks = JsonSerializer.Serialize(new
        {
            plan = JsonDocument.Parse(PlanFileTests.Repo("plans/000-02-DA-TU.json")).RootElement.GetProperty("plan"),
            indicators = Array.Empty<object>(),
        });
        (await Cli(database, "import", "--file", TempFile(noTasks))).Code.ShouldBe(0);
        var (code, output, err) = await Cli(database, "import-annex", "--plan", "02-ĐA/TU", "--file", RepoFile("plans/000-annex.tsv"));
        code.ShouldBe(0, err);
        output.ShouldContain("10 nhiệm vụ");
        await using var db = database.Context();
        var tasks = await db.PlanTasks.Where(t => t.ParentTaskId == null).OrderBy(t => t.No).ToListAsync(Ct);
        tasks.Select(t => t.No).ShouldBe(Enumerable.Range(1, 10));
        tasks[9].DeadlineKind.ShouldBe(DeadlineKind.Milestones);
        tasks[1].DeadlineKind.ShouldBe(DeadlineKind.Yearly);
        tasks[5].FansOut.ShouldBeTrue();
        tasks[5].MissingFields().ShouldBe(["responsible", "authority"]);

        (code, _, err) = await Cli(database, "import-annex", "--plan", "02-ĐA/TU", "--file", TempFile("STT\tNội dung\n\nkhông có dòng số\n", ".txt"));
        code.ShouldBe(2);
        err.ShouldContain("Không tìm thấy dòng nhiệm vụ");
    }
}
