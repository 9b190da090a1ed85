using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Access;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Plans;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Tests.Plans;

/// <summary>
/// The plans' pages through HTTP over <see cref="PlanWorld"/> on 30/06/2026 with the demo's plan
/// (Đề án 02-ĐA/TU of seed 000) and <see cref="TestPlan"/>: the dashboard and the drill-down show
/// what <c>chibo plan status</c> computes (<see cref="PlanQueries.StatusAsync"/>) for each
/// organization, down to the cell; the task list flags late tasks, and the unit that leads a task
/// reports on it; both views download as workbooks of the same figures.
/// </summary>
public sealed class PlanPagesTests(PlanWorlds worlds) : IClassFixture<PlanWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, PlanWorld World)> WithPlansAsync(PlanWorlds worlds, string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await PlanWorld.ImportAsync(database, PlanFiles.Read(PlanFiles.AnGiang));
        await PlanWorld.ImportAsync(database, TestPlan.Json());
        await using var db = database.Context();
        await new PlanCommands(db, PlanWorld.Clock(), OrgScope.System, "test")
            .EnterValueAsync(TestPlan.Number, "A8", "root", 2026, 2, null, "Báo cáo 5-BC/TU ngày 20/6/2026", Ct);
        return (database, world);
    }

    private static async Task<PlanStatusReport> StatusAsync(TestDatabase database, Organization org)
    {
        await using var db = database.Context();
        return await PlanQueries.StatusAsync(db, OrgScope.System, new OrgLookup(true, org), 2026, PlanWorld.Today, ct: Ct);
    }

    /// <summary>The HTML of the element that carries <paramref name="attribute"/> up to its closing tag.</summary>
    private static string Block(string html, string attribute, string closing)
    {
        var at = html.IndexOf(attribute, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(-1, $"the page has no {attribute}");
        return html[at..html.IndexOf(closing, at, StringComparison.Ordinal)];
    }

    private static string Key(string html, string key) =>
        Regex.Match(html, $"data-key=\"{Regex.Escape(key)}\"[^>]*>([^<]*)<") is { Success: true } m ? m.Groups[1].Value.Trim() : "";

    /// <summary>What the page shows for a status line: the value in its unit, "chưa tính được" when missing, never 0.</summary>
    private static string Shown(IndicatorStatusLine line, int factor) =>
        line.Value is { } v ? PlanWeb.Value(v, factor) : line.Status == "missing" ? "chưa tính được" : "–";

    private static async Task<Dictionary<string, int>> FactorsAsync(TestDatabase database, string plan)
    {
        await using var db = database.Context();
        return await db.PlanIndicators.Where(i => db.Plans.Any(p => p.Id == i.PlanId && p.Number == plan)).ToDictionaryAsync(i => i.Code, i => i.Factor, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_ShowsEveryIndicatorOfTheDemoPlan_AsPlanStatusComputesIt(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");

        var page = await PageForm.GetAsync(board, "/ke-hoach?org=root&year=2026");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var status = await StatusAsync(database, world.Province);
        foreach (var number in new[] { "02-ĐA/TU", TestPlan.Number })
        {
            var plan = Block(page.Html, $"data-plan=\"{number}\"", "</section>");
            var factors = await FactorsAsync(database, number);
            var lines = status.Plans.Single(p => p.Number == number).Indicators;
            lines.Count.ShouldBeGreaterThan(5);
            foreach (var line in lines)
            {
                var card = Block(plan, $"data-code=\"{line.Code}\"", "</article>");
                Key(card, "value").ShouldBe(Shown(line, factors[line.Code]), line.Code);
                Regex.Match(card, "data-status=\"([^\"]+)\"").Groups[1].Value.ShouldBe(line.Status, line.Code);
                Key(card, "status").ShouldBe(PlanWeb.StatusText(line.Status), line.Code);
                if (line.Missing is { } missing)
                {
                    Key(card, "missing").ShouldBe(PlanWeb.Missing(missing), line.Code);
                }
            }
        }

        // Computed from the register: T2a counts this year's admissions (3 in the world); the rating
        // share has no one rated yet this year, which shows as no data, not 0; a manual value shows its source.
        var demo = status.Plans.Single(p => p.Number == "02-ĐA/TU").Indicators.ToDictionary(i => i.Code);
        (demo["T2a"].Numerator, demo["T2a"].Missing).ShouldBe((3L, null));
        var t3a = Block(page.Html, "data-code=\"T3a\"", "</article>");
        (demo["T3a"].Status, demo["T3a"].Value, demo["T3a"].Denominator, demo["T3a"].Missing).ShouldBe(("noData", (decimal?)null, 0L, (string?)null));
        Key(t3a, "status").ShouldBe(PlanWeb.StatusText("noData"));
        var a8 = Block(page.Html, "data-code=\"A8\"", "</article>");
        a8.ShouldContain("Nhập tay");
        Key(a8, "source").ShouldBe("Báo cáo 5-BC/TU ngày 20/6/2026");

        // A chart per indicator with its years, and the way down.
        Block(page.Html, "data-code=\"A13\"", "</article>").ShouldContain("<title>Năm 2024: 1 (Không đạt)</title>");
        page.Html.ShouldContain("href=\"/ke-hoach/chi-tieu/A2?org=T&year=2026&plan=");
        page.Html.ShouldNotContain("<script");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DrillDown_GoesFromTheProvinceToTheCell_EachUnitAsItsOwnStatus_WorstFirst(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");
        await using var db = database.Context();
        var planId = await db.Plans.Where(p => p.Number == TestPlan.Number).Select(p => p.Id).SingleAsync(Ct);
        var factors = await FactorsAsync(database, TestPlan.Number);

        async Task<string> LevelAsync(Organization org, params Organization[] units)
        {
            var page = await PageForm.GetAsync(board, $"/ke-hoach/chi-tieu/A2?org={org.Code}&year=2026&plan={planId}");
            page.Status.ShouldBe(HttpStatusCode.OK);
            var own = (await StatusAsync(database, org)).Plans.Single(p => p.Number == TestPlan.Number).Indicators.Single(i => i.Code == "A2");
            Key(Block(page.Html, "id=\"don-vi-nay\"", "</section>"), "value").ShouldBe(Shown(own, factors["A2"]));
            foreach (var unit in units)
            {
                var line = (await StatusAsync(database, unit)).Plans.Single(p => p.Number == TestPlan.Number).Indicators.Single(i => i.Code == "A2");
                var row = Block(page.Html, $"data-unit=\"{unit.Code}\"", "</tr>");
                Key(row, "value").ShouldBe(Shown(line, factors["A2"]), unit.Code);
                Key(row, "status").ShouldBe(PlanWeb.StatusText(line.Status), unit.Code);
                row.ShouldContain($"href=\"/ke-hoach/chi-tieu/A2?org={unit.Code}&year=2026&plan={planId}\"");
            }

            return page.Html;
        }

        // The province: the commune (1 of its 3 cells meets every month) before the ward (1 of 1).
        var province = await LevelAsync(world.Province, world.Commune, world.Ward);
        province.IndexOf("data-unit=\"T.01\"", StringComparison.Ordinal).ShouldBeLessThan(province.IndexOf("data-unit=\"T.02\"", StringComparison.Ordinal));
        await LevelAsync(world.Commune, world.EnterpriseCell);
        var baseCommittee = await db.Organizations.SingleAsync(o => o.Code == "T.01.01", Ct);
        await LevelAsync(baseCommittee, world.CellOne, world.CellTwo);
        var cell = await LevelAsync(world.CellOne);
        cell.ShouldContain("là chi bộ, cấp cuối cùng của chỉ tiêu");
        cell.ShouldContain(">Đảng bộ xã An Hòa</a>"); // the way back up

        // Outside the caller's subtree: not found, and nothing of it shown.
        using var ward = await app.SignedInAsync("superior-committee", world.Ward.Code);
        var refused = await PageForm.GetAsync(ward, $"/ke-hoach/chi-tieu/A2?org={world.Commune.Code}&year=2026");
        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        refused.Html.ShouldNotContain("Đảng bộ xã An Hòa");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TaskList_FlagsLateTasks_AndTheLeadingUnitReportsItsOwnPart(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");
        await using var db = database.Context();
        var planId = await db.Plans.Where(p => p.Number == TestPlan.Number).Select(p => p.Id).SingleAsync(Ct);

        var list = await PageForm.GetAsync(board, $"/ke-hoach/nhiem-vu?org=root&year=2026&plan={planId}");
        list.Status.ShouldBe(HttpStatusCode.OK);
        var plan = Block(list.Html, $"data-plan=\"{TestPlan.Number}\"", "</section>");
        Block(plan, "data-task=\"1\"", "</tr>").ShouldContain("Trễ hạn"); // Q1/2026, not reported by 30/06
        plan.ShouldContain("<tr class=\"late\" data-task=\"1\"");
        Block(plan, "data-task=\"3\"", "</tr>").ShouldNotContain("Trễ hạn");
        Block(plan, "data-task=\"1\"", "</tr>").ShouldContain($"href=\"/ke-hoach/chi-tieu/A1?org=T&year=2026&plan={planId}\"");

        // The commune reports on its own part of task 2 (handed to every direct unit), through the Core command.
        var own = await db.PlanTasks.Where(t => t.PlanId == planId && t.No == 2 && t.LeadOrganizationId == world.Commune.Id).Select(t => t.Id).SingleAsync(Ct);
        using var commune = await app.SignedInAsync("superior-committee", world.Commune.Code);
        var url = $"/ke-hoach/nhiem-vu/{own}?org={world.Commune.Code}&year=2026";
        (await PageForm.GetAsync(commune, url)).Html.ShouldContain("Báo cáo tiến độ");
        var noEvidence = await PageForm.PostAsync(commune, url, PageForm.Fields(("Status", "done"), ("Progress", "100")));
        noEvidence.Status.ShouldBe(HttpStatusCode.BadRequest);
        noEvidence.FieldError("EvidenceNumber").ShouldBe("Nhiệm vụ hoàn thành cần minh chứng: số văn bản, tệp trong thư viện hoặc ghi chú về sản phẩm đầu ra.");
        var badProgress = await PageForm.PostAsync(commune, url, PageForm.Fields(("Status", "inProgress"), ("Progress", "120")));
        badProgress.FieldError("Progress").ShouldBe("Tiến độ tính theo phần trăm, từ 0 đến 100.");
        var done = await PageForm.PostAsync(commune, url, PageForm.Fields(
            ("Status", "done"), ("EvidenceNumber", "12-KH/ĐU"), ("EvidenceDate", "2026-06-01"), ("CompletedOn", "2026-06-02")));
        done.Status.ShouldBe(HttpStatusCode.Redirect);
        var shown = await PageForm.GetAsync(commune, done.Location!);
        shown.Html.ShouldContain("Đã ghi nhận báo cáo nhiệm vụ.");
        Key(shown.Html, "status").ShouldBe("Hoàn thành");
        shown.Html.ShouldContain("Văn bản số 12-KH/ĐU ngày 01/06/2026");
        var report = await db.PlanTaskReports.Where(r => r.TaskId == own).OrderByDescending(r => r.Id).FirstAsync(Ct);
        (report.Status, report.Year, report.EvidenceNumber, report.ReportedBy.Length > 0).ShouldBe((PlanTaskStatus.Done, (int?)2026, "12-KH/ĐU", true));

        // The province's own task is not the commune's to report: no form, and a post is not found.
        var one = await db.PlanTasks.Where(t => t.PlanId == planId && t.No == 1).Select(t => t.Id).SingleAsync(Ct);
        var provinceTask = await PageForm.GetAsync(board, $"/ke-hoach/nhiem-vu/{one}?org=root&year=2026");
        provinceTask.Html.ShouldContain("Báo cáo tiến độ");
        var theirs = await PageForm.PostAsync(commune, $"/ke-hoach/nhiem-vu/{own}?org={world.Commune.Code}&year=2026",
            PageForm.Fields(("Status", "inProgress"), ("Progress", "10")), action: $"/ke-hoach/nhiem-vu/{one}?org=root&year=2026");
        theirs.Status.ShouldBe(HttpStatusCode.NotFound);

        // The province's list shows the commune's part done and the ward's not.
        list = await PageForm.GetAsync(board, $"/ke-hoach/nhiem-vu?org=root&year=2026&plan={planId}");
        Block(list.Html, $"data-unit=\"{world.Commune.Code}\"", "</li>").ShouldContain("Hoàn thành");
        Block(list.Html, $"data-unit=\"{world.Ward.Code}\"", "</li>").ShouldContain("Chưa thực hiện");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exports_AreWorkbooksOfTheFiguresOnThePages(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");

        using var response = await board.GetAsync(new Uri("/ke-hoach?handler=Xlsx&org=root&year=2026", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(PlanSheets.XlsxType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Chỉ tiêu").Cast<IDictionary<string, object?>>().ToList();
        var status = await StatusAsync(database, world.Province);
        foreach (var line in status.Plans.SelectMany(p => p.Indicators.Select(i => (p.Number, i))))
        {
            var row = rows.Single(r => (string?)r["Kế hoạch"] == line.Number && (string?)r["Mã"] == line.i.Code && Convert.ToInt32(r["Năm"], System.Globalization.CultureInfo.InvariantCulture) == 2026);
            (row["Giá trị"] is null ? (decimal?)null : Convert.ToDecimal(row["Giá trị"], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(line.i.Value, line.i.Code);
            ((string?)row["Đánh giá"]).ShouldBe(PlanWeb.StatusText(line.i.Status), line.i.Code);
        }

        var t3a = rows.Single(r => (string?)r["Mã"] == "T3a" && Convert.ToInt32(r["Năm"], System.Globalization.CultureInfo.InvariantCulture) == 2026);
        (t3a["Giá trị"], (string?)t3a["Đánh giá"]).ShouldBe((null, PlanWeb.StatusText("noData")));
        stream.Position = 0;
        var units = stream.Query(useHeaderRow: true, sheetName: "Theo đơn vị").Cast<IDictionary<string, object?>>().ToList();
        units.Where(r => (string?)r["Mã"] == "A2").Select(r => (string?)r["Đơn vị"]).ShouldBe([world.Commune.Name, world.Ward.Name]);

        using var tasks = await board.GetAsync(new Uri("/ke-hoach/nhiem-vu?handler=Xlsx&org=root&year=2026", UriKind.Relative), Ct);
        tasks.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var taskStream = new MemoryStream(await tasks.Content.ReadAsByteArrayAsync(Ct));
        var taskRows = taskStream.Query(useHeaderRow: true, sheetName: "Nhiệm vụ").Cast<IDictionary<string, object?>>().ToList();
        taskRows.Count(r => (string?)r["Kế hoạch"] == "02-ĐA/TU" && !((string?)r["Nội dung"] ?? "").Contains("Phần việc của", StringComparison.Ordinal)).ShouldBe(10);
        var first = taskRows.Single(r => (string?)r["Kế hoạch"] == TestPlan.Number && Convert.ToInt32(r["STT"], System.Globalization.CultureInfo.InvariantCulture) == 1);
        ((string?)first["Trễ hạn"]).ShouldBe("Trễ hạn");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgressReport_IsAPartyDocumentOfTheFiguresAsOfThePeriodsEnd_AndDownloadsAsDocx(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");
        await using var db = database.Context();
        var planId = await db.Plans.Where(p => p.Number == "02-ĐA/TU").Select(p => p.Id).SingleAsync(Ct);

        // The first quarter: figures as of 31/03/2026, as the status query computes them on that day.
        var page = await PageForm.GetAsync(board, $"/ke-hoach/bao-cao?org=root&year=2026&ky=q1&plan={planId}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        page.Html.ShouldContain("Thử nghiệm, ngày 30 tháng 6 năm 2026");
        page.Html.ShouldContain("Kết quả thực hiện Đề án số 02-ĐA/TU quý I năm 2026");
        page.Html.ShouldContain("Số liệu tính từ sổ đăng ký đảng viên đến ngày 31/03/2026.");
        var march = await PlanQueries.StatusAsync(db, OrgScope.System, new OrgLookup(true, world.Province), 2026, new DateOnly(2026, 3, 31), ct: Ct);
        var t2a = march.Plans.Single(p => p.Number == "02-ĐA/TU").Indicators.Single(i => i.Code == "T2a");
        t2a.Numerator.ShouldBe(3); // the three admissions of February and March
        Regex.IsMatch(page.Html, $"<td>{Regex.Escape(PlanWeb.Value(t2a.Value, 1))}</td>\\s*<td>{Regex.Escape(PlanWeb.StatusText(t2a.Status))}</td>").ShouldBeTrue();
        page.Html.ShouldContain(PlanWeb.StatusText("noData")); // no rating of 2026 yet
        Regex.Matches(Block(page.Html, "class=\"report-table tasks-table\"", "</table>"), "<tr>").Count.ShouldBe(11); // header and the 10 tasks

        using var response = await board.GetAsync(new Uri($"/ke-hoach/bao-cao?handler=Docx&org=root&year=2026&ky=q1&plan={planId}", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ReportDocx.DocxType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("Kết quả thực hiện Đề án số 02-ĐA/TU quý I năm 2026");
        text.ShouldContain("Hằng năm kết nạp từ 3.600 đảng viên mới trở lên");
        text.ShouldContain("T/M ĐẢNG ỦY");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgressReport_PrintsToPdf_FromTheDocumentAlone(string provider)
    {
        var (database, world) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        using var board = await app.SignedInAsync("province-board");
        await using var db = database.Context();
        var planId = await db.Plans.Where(p => p.Number == "02-ĐA/TU").Select(p => p.Id).SingleAsync(Ct);
        var query = $"org=root&year=2026&ky=q1&plan={planId}";

        // The screen page links the PDF beside the .docx.
        (await PageForm.GetAsync(board, "/ke-hoach/bao-cao?" + query)).Html
            .ShouldContain($"<a class=\"pdf\" href=\"/ke-hoach/bao-cao?handler=Pdf&org={world.Province.Code}&year=2026&ky=q1&plan={planId}\" download>Tải bản PDF</a>");

        // What is printed: the document alone, its CSS inline, no script, no link to fetch.
        var print = await PageForm.GetAsync(board, "/ke-hoach/bao-cao?handler=Print&" + query);
        print.Status.ShouldBe(HttpStatusCode.OK);
        print.Html.ShouldContain("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }");
        print.Html.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        print.Html.ShouldContain("Kết quả thực hiện Đề án số 02-ĐA/TU quý I năm 2026");
        print.Html.ShouldContain("T/M ĐẢNG ỦY");
        print.Html.ShouldNotContain("<script");
        print.Html.ShouldNotContain("<link");
        print.Html.ShouldNotContain("class=\"toolbar");

        var pdf = await PrintedPdf.GetAsync(board, "/ke-hoach/bao-cao?handler=Pdf&" + query);
        pdf.Flat.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        pdf.Flat.ShouldContain("Thử nghiệm, ngày 30 tháng 6 năm 2026");
        pdf.Flat.ShouldContain("BÁO CÁO");
        pdf.Flat.ShouldContain("Kết quả thực hiện Đề án số 02-ĐA/TU quý I năm 2026");
        pdf.Flat.ShouldContain("Số liệu tính từ sổ đăng ký đảng viên đến ngày 31/03/2026.");
        pdf.Flat.ShouldContain("Hằng năm kết nạp từ 3.600 đảng viên mới trở lên");
        pdf.Flat.ShouldContain("T/M ĐẢNG ỦY");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProgressReportPdf_WithoutChromium_Is503WithTheWayOut(string provider)
    {
        var (database, _) = await WithPlansAsync(worlds, provider);
        await using var app = new ChiBoApp(database, PlanWorld.Clock());
        app.Settings["CHIBO_CHROMIUM"] = "/nonexistent/chromium";
        using var board = await app.SignedInAsync("province-board");
        await using var db = database.Context();
        var planId = await db.Plans.Where(p => p.Number == "02-ĐA/TU").Select(p => p.Id).SingleAsync(Ct);

        using var response = await board.GetAsync(new Uri($"/ke-hoach/bao-cao?handler=Pdf&org=root&year=2026&ky=q1&plan={planId}", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("detail").GetString().ShouldBe("Máy chủ chưa cài Chromium để in PDF; tải bản .docx hoặc in từ trình duyệt.");

        // The rest of the server goes on: the .docx still downloads.
        using var docx = await board.GetAsync(new Uri($"/ke-hoach/bao-cao?handler=Docx&org=root&year=2026&ky=q1&plan={planId}", UriKind.Relative), Ct);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
