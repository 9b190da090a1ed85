using System.Globalization;
using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;

namespace ChiBo.Cli.Plans;

/// <summary>
/// chibo plan import | import-annex | status | dashboard | tasks | allocate | value | report-task |
/// remind | measures. The command line acts with the whole register's scope; a refused plan file or
/// command exits 2 with the Vietnamese message naming the field, nothing written.
/// </summary>
internal static class PlanCommand
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        var verb = cl.Words.ElementAtOrDefault(1)
            ?? throw new UsageException("Cần lệnh con: import, import-annex, status, dashboard, tasks, allocate, value, report-task, remind hoặc measures.");
        if (verb == "measures")
        {
            cl.Allow();
            foreach (var m in MeasureCatalogue.Documentation)
            {
                io.Out.WriteLine($"{m.Name}\t{m.Timing}\t{m.Meaning}");
            }

            return 0;
        }

        var target = ChiBoCli.Target(cl);
        await target.MigrateAsync(ct);
        await using var db = target.CreateContext(AuditScope.For("cli:" + Environment.UserName));
        var clock = TimeProvider.System;
        var today = clock.Today();
        var commands = new PlanCommands(db, clock, OrgScope.System, "cli:" + Environment.UserName);
        try
        {
            switch (verb)
            {
                case "import":
                {
                    cl.Allow("db", "file");
                    var result = await commands.ImportAsync(PlanFile.Parse(ReadFile(cl)), ct);
                    io.Out.WriteLine(result.Replaced
                        ? $"Đã cập nhật kế hoạch số {result.Number}: {result.Indicators} chỉ tiêu, {result.Tasks} nhiệm vụ ({result.FanOutTasks} nhiệm vụ giao từng đơn vị); giữ số liệu đã nhập và báo cáo tiến độ."
                        : $"Đã nhập kế hoạch số {result.Number}: {result.Indicators} chỉ tiêu, {result.Tasks} nhiệm vụ ({result.FanOutTasks} nhiệm vụ giao từng đơn vị).");
                    Lines(io, "Đã bỏ", result.Removed);
                    Lines(io, "Cảnh báo", result.Warnings);
                    return 0;
                }

                case "import-annex":
                {
                    cl.Allow("db", "plan", "file");
                    var result = await commands.ImportAnnexAsync(cl.Required("plan"), ReadFile(cl), ct);
                    io.Out.WriteLine($"Đã nhập {result.Tasks} nhiệm vụ vào kế hoạch số {result.Number} ({result.FanOutTasks} nhiệm vụ giao từng đơn vị).");
                    Lines(io, "Đã bỏ", result.Removed);
                    return 0;
                }

                case "status":
                {
                    cl.Allow("db", "org", "year", "format");
                    Format(cl);
                    Json.Print(io.Out, await PlanQueries.StatusAsync(db, OrgScope.System, await FindAsync(db, cl, ct), Year(cl, today), today, ct: ct));
                    return 0;
                }

                case "dashboard":
                {
                    cl.Allow("db", "org", "year", "format");
                    Format(cl);
                    Json.Print(io.Out, await PlanDashboards.RunAsync(db, OrgScope.System, await FindAsync(db, cl, ct), Year(cl, today), today, ct: ct,
                        connections: () => target.CreateContext()));
                    return 0;
                }

                case "tasks":
                {
                    cl.Allow("db", "org", "year", "format");
                    Format(cl);
                    Json.Print(io.Out, await PlanQueries.TasksAsync(db, OrgScope.System, await FindAsync(db, cl, ct), Year(cl, today), today, ct: ct));
                    return 0;
                }

                case "allocate":
                {
                    cl.Allow("db", "plan", "indicator", "org", "year", "target", "target-high", "source");
                    int? year = cl.Has("year") ? cl.Int("year", 0) : null;
                    decimal? high = cl.Has("target-high") ? Decimal(cl, "target-high") : null;
                    var a = await commands.AllocateAsync(cl.Required("plan"), cl.Required("indicator"), cl.Required("org"), year,
                        Decimal(cl, "target"), high, cl.Optional("source"), ct);
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã giao chỉ tiêu {cl.Required("indicator")} cho {cl.Required("org")}: {a.Target}."));
                    return 0;
                }

                case "value":
                {
                    cl.Allow("db", "plan", "indicator", "org", "year", "numerator", "denominator", "source");
                    long? denominator = cl.Has("denominator") ? Long(cl, "denominator") : null;
                    await commands.EnterValueAsync(cl.Required("plan"), cl.Required("indicator"), cl.Required("org"), Year(cl, today),
                        Long(cl, "numerator"), denominator, cl.Optional("source"), ct);
                    io.Out.WriteLine($"Đã nhập số liệu chỉ tiêu {cl.Required("indicator")} cho {cl.Required("org")}.");
                    return 0;
                }

                case "report-task":
                {
                    cl.Allow("db", "task", "status", "progress", "year", "completed-on", "evidence", "evidence-date", "document", "note");
                    var status = cl.Required("status") switch
                    {
                        "done" => PlanTaskStatus.Done,
                        "inProgress" => PlanTaskStatus.InProgress,
                        "notStarted" => PlanTaskStatus.NotStarted,
                        var s => throw new UsageException($"--status: \"{s}\" không hợp lệ: done, inProgress hoặc notStarted."),
                    };
                    int? progress = cl.Has("progress") ? cl.Int("progress", 0) : null;
                    int? year = cl.Has("year") ? cl.Int("year", 0) : null;
                    long? document = cl.Has("document") ? Long(cl, "document") : null;
                    var report = await commands.ReportTaskAsync(cl.Int("task", 0), new TaskProgress(
                        status, progress, year, cl.Has("completed-on") ? cl.Date("completed-on") : null, cl.Optional("evidence"),
                        cl.Has("evidence-date") ? cl.Date("evidence-date") : null, document, cl.Optional("note")), ct);
                    io.Out.WriteLine($"Đã ghi báo cáo tiến độ nhiệm vụ (mã báo cáo {report.Id}).");
                    return 0;
                }

                case "remind":
                {
                    cl.Allow("db");
                    var sent = await PlanReminders.SendAsync(db, clock, ct: ct);
                    io.Out.WriteLine($"Đã gửi {sent} thông báo nhắc việc.");
                    return 0;
                }

                default:
                    throw new UsageException($"Không có lệnh \"plan {verb}\".");
            }
        }
        catch (RuleViolationException e)
        {
            await io.Err.WriteLineAsync("Lỗi: " + e.Message);
            return 2;
        }
    }

    private static string ReadFile(CommandLine cl)
    {
        var path = cl.Required("file");
        try
        {
            return File.ReadAllText(path, System.Text.Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--file: không đọc được tệp \"{path}\" ({e.Message}).");
        }
    }

    private static void Lines(ConsoleIo io, string label, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            io.Out.WriteLine($"{label}: {line}");
        }
    }

    private static void Format(CommandLine cl)
    {
        if ((cl.Optional("format") ?? "json") != "json")
        {
            throw new UsageException($"--format {cl.Optional("format")}: chỉ hỗ trợ json.");
        }
    }

    private static int Year(CommandLine cl, DateOnly today)
    {
        if (!cl.Has("year"))
        {
            return today.Year;
        }

        var text = cl.Optional("year");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1930 and <= 9998
            ? y
            : throw new UsageException($"--year: năm \"{text}\" không hợp lệ.");
    }

    private static long Long(CommandLine cl, string name) =>
        long.TryParse(cl.Required(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--{name}: \"{cl.Optional(name)}\" không phải số nguyên.");

    private static decimal Decimal(CommandLine cl, string name) =>
        decimal.TryParse(cl.Required(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new UsageException($"--{name}: \"{cl.Optional(name)}\" không phải một số.");

    private static async Task<OrgLookup> FindAsync(ChiBoDb db, CommandLine cl, CancellationToken ct)
    {
        var code = cl.Optional("org") ?? "root";
        var lookup = await SubtreeQueries.FindAsync(db, code, ct);
        return lookup.Found ? lookup : throw new UsageException($"--org: không có tổ chức đảng mã \"{code}\".");
    }
}
