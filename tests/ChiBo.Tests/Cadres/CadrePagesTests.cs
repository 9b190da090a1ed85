using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// The cadre pages (/can-bo/…) through HTTP on the <see cref="TestData"/> tree, on SQLite and
/// PostgreSQL: the province board forms a committee's term and changes its seats, keeps a planning
/// pool, a rotation, a course with its attendance and a quarter's evaluation to its conclusion; a
/// refused step answers with the Core message next to its field; a committee of another province
/// is not found, and a role without Cadres.Read is sent to the refusal page.
/// </summary>
public sealed class CadrePagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string V(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<PageAnswer> PostAsync(HttpClient client, string page, string action, params (string, string)[] fields) =>
        await PageForm.PostAsync(client, page, Fields(fields), action);

    private static int Last(PageAnswer answer, string prefix) =>
        int.Parse(Regex.Match(answer.Location ?? "", Regex.Escape(prefix) + @"(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Committee_IsFormedAndItsSeatsChanged_ByTheLevelAbove_AndRefusedToTheCellItself(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var other = await TestData.SeedAsync(database, "U", "Khác");
        await data.AddMembersAsync(data.CellOne, 3);
        var khang = CommitteeHistoryTests.MembersOf(database, data.CellOne).Select(m => m.Id).ToList();
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        using var board = await app.SignedInAsync("province-board", "T");
        using var @base = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        var list = "/can-bo/cap-uy?org=T";
        var form = list + "&handler=Form";
        (string, string)[] term =
        [
            ("Organization", data.CellOne.Code), ("Term", "2025–2030"), ("CongressOn", "2025-05-10"), ("TermEndsOn", "2030-05-10"), ("Formation", "1"),
            ("Seats", "3"), ("DecisionNumber", "12-QĐ/ĐU"), ("MemberId0", V(data.An.Id)), ("Position0", "1"), ("MemberId1", V(khang[0])), ("Position1", "2"),
        ];

        // A committee does not record its own: the Core rule's message stands next to the organization.
        var baseList = "/can-bo/cap-uy?org=" + data.BaseCommittee.Code;
        var own = await PostAsync(@base, baseList, baseList + "&handler=Form", [.. term.Where(t => t.Item1 != "Organization"), ("Organization", data.BaseCommittee.Code)]);
        own.Status.ShouldBe(HttpStatusCode.BadRequest);
        own.FieldError("Organization").ShouldBe("Cấp ủy của Đảng bộ cơ sở xã An Hòa do cấp ủy cấp trên chuẩn y, chỉ định; Đảng bộ cơ sở xã An Hòa không tự ghi cấp ủy của mình.");
        var early = await PostAsync(board, list, form, [.. term.Where(t => t.Item1 != "TermEndsOn"), ("TermEndsOn", "2025-01-01")]);
        early.Status.ShouldBe(HttpStatusCode.BadRequest);
        early.FieldError("TermEndsOn").ShouldBe("Ngày hết nhiệm kỳ (01/01/2025) phải sau ngày đại hội (10/05/2025).");

        var formed = await PostAsync(board, list, form, term);
        formed.Status.ShouldBe(HttpStatusCode.Redirect, formed.Html);
        var id = Last(formed, "/can-bo/cap-uy/");
        var page = await GetAsync(board, formed.Location!);
        page.Html.ShouldContain("Đã ghi cấp ủy nhiệm kỳ mới.");
        page.Html.ShouldContain("data-key=\"congress\">10/05/2025<");
        page.Html.ShouldContain("data-key=\"vacancies\" class=\"late\">1<");

        // Bầu bổ sung fills the vacancy; the deputy becomes secretary after An leaves.
        var detail = $"/can-bo/cap-uy/{id}";
        var full = await PostAsync(board, detail, detail + "?handler=Add", ("Version", "1"), ("MemberId", V(khang[1])), ("Position", "4"), ("Reason", "3"), ("On", "2026-01-15"));
        full.Status.ShouldBe(HttpStatusCode.Redirect, full.Html);
        var over = await PostAsync(board, detail, detail + "?handler=Add", ("Version", "2"), ("MemberId", V(khang[2])), ("Position", "4"), ("Reason", "3"), ("On", "2026-02-01"));
        over.Status.ShouldBe(HttpStatusCode.BadRequest);
        over.Html.ShouldContain("<div class=\"error form-errors\" role=\"alert\"><p>Cấp ủy có 4 người, vượt số lượng được chuẩn y (3).</p></div>");
        var ended = await PostAsync(board, detail, $"{detail}?handler=End&member={data.An.Id}", ("Version", "2"), ("Reason", "4"), ("On", "2026-03-01"), ("DecisionNumber", "20-QĐ/ĐU"));
        ended.Status.ShouldBe(HttpStatusCode.Redirect, ended.Html);
        var moved = await PostAsync(board, detail, $"{detail}?handler=Position&member={khang[0]}", ("Version", "3"), ("Position", "1"), ("On", "2026-03-02"));
        moved.Status.ShouldBe(HttpStatusCode.Redirect, moved.Html);
        var after = await GetAsync(board, detail);
        Regex.Match(after.Html, $"<tr data-member=\"{khang[0]}\">.*?data-key=\"position\">([^<]*)<", RegexOptions.Singleline).Groups[1].Value.ShouldBe("Bí thư");
        after.Html.ShouldContain("Chuyển công tác");
        after.Html.ShouldContain("20-QĐ/ĐU");

        var listed = await GetAsync(board, list);
        listed.Html.ShouldContain($"data-committee=\"{id}\"");
        using (var xlsx = await board.GetAsync(new Uri(list + "&handler=Xlsx", UriKind.Relative), Ct))
        {
            xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
            xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }

        // Another province's board does not find this committee, nor this board another province.
        using var stranger = await app.SignedInAsync("province-board", "U");
        (await GetAsync(stranger, detail)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(board, "/can-bo/cap-uy?org=U")).Status.ShouldBe(HttpStatusCode.NotFound);

        // A plan of the province asks at least 40 % of village-cell committee members to be secretaries (a made-up target on the committee measures).
        await using (var db = database.Context())
        {
            await new ChiBo.Plans.PlanCommands(db, TestClock.On(TestData.Today), ChiBo.Access.OrgScope.System, "test").ImportAsync(ChiBo.Plans.PlanFile.Parse("""
                {"plan": {"number": "9-KH/TU", "org": "T", "from": "2026-01-01", "to": "2026-12-31"},
                 "indicators": [{"code": "CU1", "text": "Bí thư trong chi ủy thôn", "numerator": "committees.villageCell.position.secretary",
                   "denominator": "committees.villageCell.members", "factor": 100, "operator": ">=", "target": 40}]}
                """), Ct);
        }

        // The composition counts the seats held today: Khang 001 as secretary and Khang 002.
        var composition = await GetAsync(board, "/can-bo/co-cau?org=T&level=villageCell");
        composition.Status.ShouldBe(HttpStatusCode.OK);
        composition.Html.ShouldContain("data-key=\"members\">2<");
        // The villages register: the first cell covers Ấp Một alone; Ấp Hai and Ấp Ba share the second cell.
        await using (var db = database.Context())
        {
            var villages = new ChiBo.Villages.VillageCommands(db, TestClock.On(TestData.Today), ChiBo.Access.OrgScope.System);
            foreach (var (name, cellId) in new[] { ("Ấp Một", data.CellOne.Id), ("Ấp Hai", data.CellTwo.Id), ("Ấp Ba", data.CellTwo.Id) })
            {
                var v = await villages.AddAsync(new ChiBo.Villages.VillageNew(data.Commune.Id, ChiBo.Villages.VillageKind.Ap, name, new DateOnly(1990, 1, 1)), Ct);
                await villages.CoverAsync(v.Id, v.Version, cellId, new DateOnly(1990, 1, 1), Ct);
            }
        }

        var register = await GetAsync(board, "/thon?org=T");
        register.Status.ShouldBe(HttpStatusCode.OK);
        register.Html.ShouldContain("data-key=\"villages\">3<");
        register.Html.ShouldContain("data-key=\"ownCell\">1<");
        register.Html.ShouldContain("data-key=\"combined\">2<");

        // The board keeps the register in the browser: a village, its cell and its head, through the commands.
        var noName = await PostAsync(board, "/thon?org=T", "/thon?org=T&handler=Add", ("Commune", data.Commune.Code), ("Kind", "Thon"), ("Name", ""), ("EstablishedOn", "2020-01-01"));
        noName.Status.ShouldBe(HttpStatusCode.BadRequest);
        var added = await PostAsync(board, "/thon?org=T", "/thon?org=T&handler=Add", ("Commune", data.Commune.Code), ("Kind", "Thon"), ("Name", "Thôn Bốn"), ("EstablishedOn", "2020-01-01"));
        added.Status.ShouldBe(HttpStatusCode.Redirect, added.Html);
        async Task<(int Id, string Version)> FourthAsync()
        {
            await using var db = database.Context();
            var v = await db.Villages.AsNoTracking().SingleAsync(v => v.Name == "Thôn Bốn", Ct);
            return (v.Id, v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var fourth = await FourthAsync();
        (await PostAsync(board, "/thon?org=T", $"/thon?org=T&village={fourth.Id}&handler=Cover", ("Version", fourth.Version), ("Cell", data.CellOne.Code), ("From", "2020-01-01")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        fourth = await FourthAsync();
        (await PostAsync(board, "/thon?org=T", $"/thon?org=T&village={fourth.Id}&handler=Head", ("Version", fourth.Version), ("Role", "Head"), ("FullName", "Lê Văn Tư"), ("From", "2024-01-01")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var kept = await GetAsync(board, "/thon?org=T");
        kept.Html.ShouldContain("data-key=\"villages\">4<");
        kept.Html.ShouldContain("Lê Văn Tư (chưa là đảng viên)");
        using (var xlsx = await board.GetAsync(new Uri("/thon?org=T&handler=Xlsx", UriKind.Relative), Ct))
        {
            var rows = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.Count.ShouldBe(4);
            rows.Single(r => (string?)r["Tên"] == "Thôn Bốn")["Trưởng thôn"].ShouldBe("Lê Văn Tư (chưa là đảng viên)");
        }
        Regex.Match(composition.Html, "data-dimension=\"position\".*?data-category=\"secretary\">.*?data-key=\"count\">(\\d+)<.*?data-key=\"share\">([^<]*)<", RegexOptions.Singleline)
            .Groups[2].Value.ShouldBe("50,00 %");
        var target = Regex.Match(composition.Html, "data-indicator=\"CU1\".*?data-key=\"target\">([^<]*)<.*?data-key=\"value\">([^<]*)<.*?data-key=\"met\">\\s*<span[^>]*>([^<]*)<", RegexOptions.Singleline);
        target.Groups.Values.Skip(1).Select(g => g.Value.Trim()).ShouldBe(["từ 40 % trở lên", "50 %", "Đúng tiến độ"]); // as the dashboard says it while the plan's year runs

        // The composition sheet in the Party's format: printed, as PDF and as .docx, with the same figures.
        composition.Html.ShouldContain("/can-bo/co-cau?org=T&level=villageCell&asOf=");
        var pdf = await PrintedPdf.GetAsync(board, "/can-bo/co-cau?org=T&level=villageCell&handler=Pdf");
        pdf.Flat.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        pdf.Flat.ShouldContain("Cơ cấu, chất lượng cấp ủy viên (chi ủy chi bộ thôn");
        pdf.Flat.ShouldContain("Tổng số cấp ủy viên: 2");
        pdf.Flat.ShouldContain("Bí thư 1 50,00 %");
        pdf.Flat.ShouldContain("CU1. Bí thư trong chi ủy thôn từ 40 % trở lên 50 % Đúng tiến độ");
        using var docx = await board.GetAsync(new Uri("/can-bo/co-cau?org=T&level=villageCell&handler=Docx", UriKind.Relative), Ct);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(ChiBo.Web.Documents.PartyDocx.DocxType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("Tổng số cấp ủy viên: 2");
            text.ShouldContain("từ 40 % trở lên");
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlanningRotationAndTraining_AreKeptByTheManagingCommittee_AndDeniedWithoutCadresRead(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 2);
        var khang = CommitteeHistoryTests.MembersOf(database, data.CellOne).Select(m => m.Id).ToList();
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);
        using var cell = await app.SignedInAsync("cell-committee", data.CellOne.Code);
        var org = data.Commune.Code;

        // A cell committee holds no Cadres.Read: the pages send it to the refusal page.
        foreach (var url in new[] { "/can-bo/quy-hoach", "/can-bo/luan-chuyen", "/can-bo/boi-duong", "/can-bo/danh-gia" })
        {
            var denied = await GetAsync(cell, url + "?org=" + data.CellOne.Code);
            denied.Status.ShouldBe(HttpStatusCode.Redirect);
            denied.Location.ShouldNotBeNull().ShouldContain("/khong-co-quyen");
        }

        // Quy hoạch: the pool, a candidate, and the candidate taken out only with a reason.
        var planning = "/can-bo/quy-hoach?org=" + org;
        var pool = await PostAsync(commune, planning, planning + "&handler=Pool",
            ("Organization", data.CellOne.Code), ("Title", "1"), ("TermFrom", "2030"), ("TermTo", "2035"), ("ApprovedOn", "2026-01-10"), ("DecisionNumber", "3-QĐ/ĐU"));
        pool.Status.ShouldBe(HttpStatusCode.Redirect, pool.Html);
        int poolId, entryId;
        await using (var db = database.Context())
        {
            poolId = await db.PlanningPools.Where(p => p.OrganizationId == data.CellOne.Id).Select(p => p.Id).SingleAsync(Ct);
        }

        (await PostAsync(commune, planning, $"{planning}&handler=Add&pool={poolId}", ("MemberId", V(khang[0])), ("On", "2026-02-01"))).Status.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = database.Context())
        {
            entryId = await db.PlanningEntries.Where(e => e.PoolId == poolId).Select(e => e.Id).SingleAsync(Ct);
        }

        var page = await GetAsync(commune, planning);
        page.Html.ShouldContain("data-key=\"candidates\">1<");
        var noReason = await PostAsync(commune, planning, $"{planning}&handler=Remove&pool={poolId}&entry={entryId}", ("On", "2026-03-01"), ("Reason", ""));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.FieldError("Reason").ShouldBe("Lý do đưa ra khỏi quy hoạch không được để trống.");
        (await PostAsync(commune, planning, $"{planning}&handler=Remove&pool={poolId}&entry={entryId}", ("On", "2026-03-01"), ("Reason", "Chuyển công tác")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(commune, planning)).Html.ShouldContain("data-key=\"empty\">1<");

        // Luân chuyển: recorded, refused without a decision number, ended.
        var rotations = "/can-bo/luan-chuyen?org=" + org;
        (string, string)[] rotation =
        [
            ("ManagingOrg", org), ("MemberId", V(khang[1])), ("Kind", "1"), ("FromOrg", data.CellOne.Code), ("FromPost", "Chi ủy viên"),
            ("ToOrg", data.CellTwo.Code), ("ToPost", "Bí thư chi bộ"), ("StartsOn", "2026-02-01"), ("PlannedEndOn", "2027-02-01"),
        ];
        var unnumbered = await PostAsync(commune, rotations, rotations + "&handler=Add", [.. rotation, ("DecisionNumber", "")]);
        unnumbered.Status.ShouldBe(HttpStatusCode.BadRequest);
        unnumbered.FieldError("DecisionNumber").ShouldBe("Số quyết định không được để trống.");
        (await PostAsync(commune, rotations, rotations + "&handler=Add", [.. rotation, ("DecisionNumber", "7-QĐ/ĐU")])).Status.ShouldBe(HttpStatusCode.Redirect);
        int rotationId;
        await using (var db = database.Context())
        {
            rotationId = await db.Rotations.Select(r => r.Id).SingleAsync(Ct);
        }

        (await PostAsync(commune, rotations, $"{rotations}&handler=End&rotation={rotationId}", ("Version", "1"), ("On", "2026-06-01"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var listed = await GetAsync(commune, rotations);
        listed.Html.ShouldContain("data-key=\"ended\"> · kết thúc 01/06/2026<");
        listed.Html.ShouldContain("7-QĐ/ĐU");

        // Bồi dưỡng: a course, a line refused without its completion date, then two attendees.
        var training = "/can-bo/boi-duong?org=" + org;
        var course = await PostAsync(commune, training, training + "&handler=Course",
            ("Organizer", org), ("Kind", "4"), ("Name", "Bồi dưỡng nghiệp vụ công tác Đảng"), ("Provider", "Trung tâm Chính trị xã"), ("StartsOn", "2026-03-02"), ("EndsOn", "2026-03-06"));
        course.Status.ShouldBe(HttpStatusCode.Redirect, course.Html);
        var courseId = int.Parse(Regex.Match(course.Location!, @"#lop-(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var attendance = $"{training}&handler=Attendance&course={courseId}";
        var undated = await PostAsync(commune, training, attendance, ("Version", "1"), ("Lines[0].MemberId", V(khang[0])), ("Lines[0].Completed", "true"));
        undated.Status.ShouldBe(HttpStatusCode.BadRequest);
        undated.FieldError("Lines[0].CompletedOn").ShouldBe("Dòng 1: người hoàn thành cần ngày hoàn thành, từ ngày khai giảng (02/03/2026) trở đi.");
        (await PostAsync(commune, training, attendance, ("Version", "1"), ("Lines[0].MemberId", V(khang[0])), ("Lines[0].Completed", "true"), ("Lines[0].CompletedOn", "2026-03-06"),
            ("Lines[0].CertificateNumber", "15/GCN"), ("Lines[1].FullName", "Trần Văn Khách"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var trained = await GetAsync(commune, training);
        Regex.Match(trained.Html, $"data-course=\"{courseId}\".*?data-key=\"attended\">(\\d+)<.*?data-key=\"completed\">(\\d+)<", RegexOptions.Singleline)
            .Groups.Values.Skip(1).Select(g => g.Value).ShouldBe(["2", "1"]);
        trained.Html.ShouldContain("Trần Văn Khách");
        trained.Html.ShouldContain("(ngoài danh sách đảng viên)");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quarter_IsEvaluatedToItsConclusion_ThroughThePages_AndHiddenFromAnotherCommune(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 1);
        var khang = CommitteeHistoryTests.MembersOf(database, data.CellOne)[0].Id;
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        using var board = await app.SignedInAsync("province-board", "T");
        using var ward = await app.SignedInAsync("superior-committee", data.Ward.Code);
        var org = data.Commune.Code;
        var index = "/can-bo/danh-gia?org=" + org;

        (await PostAsync(board, index, index + "&handler=Pool", ("Organization", org), ("Name", "Diện Ban Thường vụ Đảng ủy xã quản lý"))).Status.ShouldBe(HttpStatusCode.Redirect);
        int poolId;
        await using (var db = database.Context())
        {
            poolId = await db.ManagementPools.Select(p => p.Id).SingleAsync(Ct);
        }

        (await PostAsync(board, index, $"{index}&handler=Entry&pool={poolId}", ("MemberId", V(khang)), ("Post", "Bí thư Chi bộ ấp Một"), ("From", "2026-01-01")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var badTemplate = await PostAsync(board, index, $"{index}&handler=Template&pool={poolId}",
            ("Name", "Bộ tiêu chí quý"), ("ValidFrom", "2026-01-01"), ("Criteria", "kq; Kết quả; 0"), ("Bands", "0; Chưa đạt; Nhắc nhở"));
        badTemplate.Status.ShouldBe(HttpStatusCode.BadRequest);
        badTemplate.FieldError("Criteria").ShouldNotBeNull().ShouldStartWith("Dòng 1: cần \"mã; tên; nguồn điểm; trọng số\"");
        (await PostAsync(board, index, $"{index}&handler=Template&pool={poolId}", ("Name", "Bộ tiêu chí quý"), ("ValidFrom", "2026-01-01"),
            ("Criteria", "kq; Kết quả thực hiện nhiệm vụ; Kết quả thực hiện nhiệm vụ; 60\ntn; Chỉ số tín nhiệm; Tín nhiệm; 40"),
            ("Bands", "80; Tốt; Động viên\n0; Chưa đạt; Nhắc nhở; chậm tiến bộ"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var opened = await PostAsync(board, index, $"{index}&handler=Period&pool={poolId}", ("Quarter", "2"), ("Year", "2026"));
        opened.Status.ShouldBe(HttpStatusCode.Redirect, opened.Html);
        var periodId = Last(opened, "/can-bo/danh-gia/ky/");
        int evaluationId;
        await using (var db = database.Context())
        {
            evaluationId = await db.CadreEvaluations.Where(e => e.PeriodId == periodId).Select(e => e.Id).SingleAsync(Ct);
        }

        // Another commune's committee does not find the quarter nor the evaluation.
        (await GetAsync(ward, $"/can-bo/danh-gia/ky/{periodId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(ward, $"/can-bo/danh-gia/{evaluationId}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var page = $"/can-bo/danh-gia/{evaluationId}";
        var early = await PostAsync(board, page, page + "?handler=Results", ("Version", "1"), ("Score.kq", "70"));
        early.Status.ShouldBe(HttpStatusCode.BadRequest);
        early.Html.ShouldContain("Cán bộ chưa tự đánh giá: ghi bản tự đánh giá trước.");
        (await PostAsync(board, page, page + "?handler=Self", ("Version", "1"), ("Score.kq", "90"), ("Score.tn", "85"), ("Summary", "Hoàn thành tốt nhiệm vụ"), ("On", "2026-06-20")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(board, page, page + "?handler=Results", ("Version", "2"), ("Score.kq", "50,5"), ("TrustHigh", "2"), ("TrustMedium", "2"), ("TrustLow", "1")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var codes = await PostAsync(board, page, page + "?handler=Codes", ("Group", "4"), ("Count", "2"));
        codes.Status.ShouldBe(HttpStatusCode.BadRequest);
        codes.FieldError("Group").ShouldBe("Bộ tiêu chí không lấy ý kiến nhóm này (cấp trên, đồng cấp, cấp dưới, Nhân dân).");
        var concluded = await PostAsync(board, page, page + "?handler=Conclusion", ("Version", "3"), ("Conclusion", "Cần khắc phục chậm trễ"), ("On", "2026-06-28"));
        concluded.Status.ShouldBe(HttpStatusCode.Redirect, concluded.Html);

        // 60 × 50,5 + 40 × (2 + 2 × 0,5) / 5 × 100 = 30,3 + 24 → 54,3: "Chưa đạt", falling behind.
        var done = await GetAsync(board, page);
        done.Html.ShouldContain("data-key=\"score\">54,3<");
        done.Html.ShouldContain("data-key=\"band\">Chưa đạt<");
        done.Html.ShouldContain("data-key=\"conclusion\">Cần khắc phục chậm trễ<");

        // The evaluation form in the Party's format, as PDF and .docx; another commune does not get it.
        var pdf = await PrintedPdf.GetAsync(board, page + "?handler=Pdf");
        pdf.Flat.ShouldContain("PHIẾU ĐÁNH GIÁ CÁN BỘ QUÝ II NĂM 2026");
        pdf.Flat.ShouldContain("Hoàn thành tốt nhiệm vụ");
        pdf.Flat.ShouldContain("Phiếu tín nhiệm: cao 2, trung bình 2, thấp 1.");
        pdf.Flat.ShouldContain("Tổng điểm: 54,3");
        pdf.Flat.ShouldContain("Mức xếp loại: Chưa đạt");
        pdf.Flat.ShouldContain("Kết luận của cấp ủy: Cần khắc phục chậm trễ");
        using (var docx = await board.GetAsync(new Uri(page + "?handler=Docx", UriKind.Relative), Ct))
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("PHIẾU ĐÁNH GIÁ CÁN BỘ QUÝ II NĂM 2026");
            text.ShouldContain("Tổng điểm: 54,3");
        }

        (await GetAsync(ward, page + "?handler=Pdf")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The cadre's file: the quarter is in it, the posts outside the Party are kept through the
        // command, and another commune does not find it.
        var file = $"/can-bo/ho-so/{khang}";
        await using (var db = database.Context())
        {
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == khang, Ct);
            db.MemberRatings.Add(new ChiBo.Ratings.MemberRating
            {
                ProvinceId = member.ProvinceId, MemberId = khang, CellId = data.CellOne.Id, CellPath = data.CellOne.Path, Year = 2025,
                State = ChiBo.Ratings.RatingState.Published, Source = ChiBo.Ratings.RatingSource.Import, Level = ChiBo.Ratings.RatingLevel.Good,
                DecisionNumber = "12-QĐ/ĐU", DecidedOn = new DateOnly(2026, 1, 10), RecordedBy = "test",
            });
            await db.SaveChangesAsync(Ct);
        }

        var cadreFile = await GetAsync(board, file);
        cadreFile.Html.ShouldContain($"href=\"/can-bo/danh-gia/{evaluationId}\"");
        cadreFile.Html.ShouldContain("Năm 2025: <span data-key=\"level\">Hoàn thành tốt nhiệm vụ</span> (quyết định số 12-QĐ/ĐU ngày 10/01/2026)");
        var tooLong = await PostAsync(board, file, file + "?handler=Profile", ("Version", "0"), ("It", "Basic"), ("GovernmentPost", new string('x', 201)));
        (tooLong.Status, tooLong.Html.Contains("Chức vụ chính quyền", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.BadRequest, true));
        var kept = await PostAsync(board, file, file + "?handler=Profile", ("Version", "0"), ("It", "Advanced"), ("GovernmentPost", "Chủ tịch UBND xã"), ("Veteran", "true"));
        kept.Status.ShouldBe(HttpStatusCode.Redirect, kept.Html);
        var shown = await GetAsync(board, kept.Location!);
        shown.Html.ShouldContain("data-key=\"governmentPost\">Chủ tịch UBND xã<");
        shown.Html.ShouldContain("data-key=\"it\">Ứng dụng CNTT nâng cao<");
        (await GetAsync(ward, file)).Status.ShouldBe(HttpStatusCode.NotFound);
        var behind = await GetAsync(board, index + "&year=2026&quarter=2");
        behind.Html.ShouldContain($"data-member=\"{khang}\"");
        using (var xlsx = await board.GetAsync(new Uri(index + "&year=2026&quarter=2&handler=Xlsx", UriKind.Relative), Ct))
        {
            var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
            var late = stream.Query(useHeaderRow: true, sheetName: "Chậm tiến bộ Q2 2026").Cast<IDictionary<string, object?>>().ToList();
            late.ShouldHaveSingleItem();
            (Convert.ToDecimal(late[0]["Điểm"], System.Globalization.CultureInfo.InvariantCulture), (string?)late[0]["Mức"]).ShouldBe((54.3m, "Chưa đạt"));
        }

        using (var xlsx = await board.GetAsync(new Uri($"/can-bo/danh-gia/ky/{periodId}?handler=Xlsx", UriKind.Relative), Ct))
        {
            var rows = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            rows.ShouldHaveSingleItem()["Kết quả"].ShouldBe("Nhắc nhở");
        }
        (await GetAsync(board, $"/can-bo/danh-gia/can-bo/{khang}")).Html.ShouldContain($"data-evaluation=\"{evaluationId}\"");
        var locked = await PostAsync(board, $"/can-bo/danh-gia/ky/{periodId}", $"/can-bo/danh-gia/ky/{periodId}?handler=State", ("Version", "1"), ("State", "2"));
        locked.Status.ShouldBe(HttpStatusCode.Redirect, locked.Html);
        (await GetAsync(board, $"/can-bo/danh-gia/ky/{periodId}")).Html.ShouldContain("data-key=\"state\">Rà soát<");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedbackForm_AnswersOnceWithTheCode_WithoutAnAccount_AndTheCommitteeSeesOnlyCounts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 1);
        var khang = CommitteeHistoryTests.MembersOf(database, data.CellOne)[0].Id;
        var clock = TestClock.On(TestData.Today);
        IReadOnlyList<string> codes;
        int evaluationId;
        await using (var db = database.Context())
        {
            var system = ChiBo.Access.OrgScope.System;
            var cadres = new ChiBo.Cadres.CadreCommands(db, clock, system, "test");
            var pool = await cadres.AddManagementPoolAsync(new ChiBo.Cadres.ManagementPoolNew(data.Commune.Id, "Diện Ban Thường vụ Đảng ủy xã quản lý"), Ct);
            await cadres.AddToManagementPoolAsync(pool.Id, new ChiBo.Cadres.PoolEntryNew(khang, "Bí thư Chi bộ ấp Một", new DateOnly(2026, 1, 1)), Ct);
            var evaluations = new ChiBo.Cadres.EvaluationCommands(db, clock, system);
            await evaluations.AddTemplateAsync(pool.Id, new ChiBo.Cadres.TemplateNew("Bộ tiêu chí quý", new DateOnly(2026, 1, 1),
                [new("kq", "Kết quả thực hiện nhiệm vụ", ChiBo.Cadres.EvaluationComponent.WorkResults, 60), new("ct", "Ý kiến cấp trên", ChiBo.Cadres.EvaluationComponent.Superiors, 40)],
                [new(80, "Tốt", "Động viên", false), new(0, "Chưa đạt", "Nhắc nhở", true)]), "test", Ct);
            var period = await evaluations.OpenPeriodAsync(pool.Id, 2026, 2, Ct);
            evaluationId = await db.CadreEvaluations.Where(e => e.PeriodId == period.Id).Select(e => e.Id).SingleAsync(Ct);
        }

        await using var app = new ChiBoApp(database, clock);
        using var board = await app.SignedInAsync("province-board", "T");
        var page = $"/can-bo/danh-gia/{evaluationId}";
        var issued = await PostAsync(board, page, page + "?handler=Codes", ("Group", "4"), ("Count", "2"));
        issued.Status.ShouldBe(HttpStatusCode.OK, issued.Html);
        codes = Regex.Matches(issued.Html, "<code>([A-Z0-9-]{19})</code>").Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(2);
        (await GetAsync(board, page)).Html.ShouldNotContain(codes[0]);

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await GetAsync(anonymous, "/phieu-y-kien?ma=" + codes[0].ToLowerInvariant());
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Html.ShouldContain("Ý kiến của Cấp trên về đồng chí Võ Văn Khang 001, quý 2/2026");
        var answered = await PostAsync(anonymous, "/phieu-y-kien?ma=" + codes[0], "/phieu-y-kien?ma=" + codes[0], ("Answer.ct", "5"));
        answered.Status.ShouldBe(HttpStatusCode.OK, answered.Html);
        answered.Html.ShouldContain("Đã ghi nhận phiếu. Cảm ơn đồng chí.");
        var again = await GetAsync(anonymous, "/phieu-y-kien?ma=" + codes[0]);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Html.ShouldContain("Mã phiếu không đúng hoặc đã được dùng.");

        // One ballot of two, below the policy's minimum of three: the committee sees the count, not the answer.
        var seen = await GetAsync(board, page);
        seen.Html.ShouldContain("Cấp trên: 1/2 phiếu (chưa đủ phiếu để hiện kết quả)");
    }
}
