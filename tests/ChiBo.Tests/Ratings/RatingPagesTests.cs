using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Ratings;

/// <summary>
/// The round desk (/xep-loai), the member's handbook page (/so-tay/xep-loai) and the report
/// (/bao-cao/xep-loai) through HTTP on the <see cref="TestData"/> tree, on SQLite and PostgreSQL:
/// each level takes its own step through the pages, the page answers a refusal with the command's
/// message next to the field and the status it means, and the report counts what was decided.
/// </summary>
public sealed class RatingPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Decided = "2026-01-10";

    private sealed class Desk(TestDatabase database, TestData data, ChiBoApp app) : IAsyncDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public TestData Data => data;

        public ChiBoApp App => app;

        public Task<HttpClient> As(string role, string org, int? member = null) => ClientAsync(role, org, member);

        private async Task<HttpClient> ClientAsync(string role, string org, int? member)
        {
            var key = role + "@" + org;
            if (!_clients.TryGetValue(key, out var client))
            {
                _clients[key] = client = await app.SignedInAsync(role, org, member);
            }

            return client;
        }

        public static string Page(string org) => $"/xep-loai?org={org}&year=2025";

        /// <summary>Posts a step's form on an organization's desk.</summary>
        public async Task<PageAnswer> PostAsync(HttpClient client, string org, string handler, string extra, params (string, string)[] fields) =>
            await PageForm.PostAsync(client, Page(org), Fields(fields), $"{Page(org)}&handler={handler}{extra}");

        public async Task<int> MemberVersionAsync(int memberId)
        {
            await using var db = database.Context();
            return await db.MemberRatings.Where(r => r.MemberId == memberId && r.Year == 2025).Select(r => (int?)r.Version).FirstOrDefaultAsync(Ct) ?? 0;
        }

        public async Task<int> OrgVersionAsync(string code)
        {
            await using var db = database.Context();
            return await db.OrgRatings.Where(r => r.Year == 2025).Join(db.Organizations.Where(o => o.Code == code), r => r.OrganizationId, o => o.Id, (r, _) => (int?)r.Version)
                .FirstOrDefaultAsync(Ct) ?? 0;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var c in _clients.Values)
            {
                c.Dispose();
            }

            await app.DisposeAsync();
            await data.DisposeAsync();
            await database.DisposeAsync();
        }

        public static async Task<Desk> StartAsync(string provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var data = await TestData.SeedAsync(database);
            return new Desk(database, data, new ChiBoApp(database, TestClock.On(TestData.Today)));
        }
    }

    private static string V(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens the 2025 round as the province board, through the page.</summary>
    private static async Task OpenRoundAsync(Desk d)
    {
        var province = await d.As("province-board", "T");
        var before = await GetAsync(province, Desk.Page("T"));
        before.Status.ShouldBe(HttpStatusCode.OK);
        before.Html.ShouldContain("Chưa mở đợt đánh giá, xếp loại năm 2025");
        var bad = await d.PostAsync(province, "T", "Open", "", ("ReviewDate", "2025-12-15"), ("Deadline", "2025-12-01"));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.FieldError("Deadline").ShouldBe("Hạn hoàn thành không được trước ngày chốt danh sách.");
        var opened = await d.PostAsync(province, "T", "Open", "", ("ReviewDate", "2025-12-15"), ("Deadline", "2026-01-31"));
        opened.Status.ShouldBe(HttpStatusCode.Redirect, opened.Html);
        (await GetAsync(province, opened.Location!)).Html.ShouldContain("Đã mở đợt đánh giá, xếp loại.");
    }

    /// <summary>Everyone of the đảng bộ cơ sở and of the chi bộ cơ sở decided through the desks; An HTTNV, Bình and Anh not rated by the policy's reasons, Hoa HTXSNV by her own chi bộ cơ sở.</summary>
    private static async Task DecideEveryoneAsync(Desk d)
    {
        var (cellOne, cellTwo, @base) = (await d.As("cell-committee", d.Data.CellOne.Code), await d.As("cell-committee", d.Data.CellTwo.Code), await d.As("base-committee", d.Data.BaseCommittee.Code));
        var (one, two) = (d.Data.CellOne.Code, d.Data.CellTwo.Code);
        foreach (var (client, cell, member, level) in new[] { (cellOne, one, d.Data.An.Id, "HTTNV"), (cellOne, one, d.Data.Binh.Id, "kxl:newMember"), (cellTwo, two, d.Data.Anh.Id, "kxl:exempted") })
        {
            (await d.PostAsync(client, cell, "ProposeMember", $"&member={member}", ("Version", V(await d.MemberVersionAsync(member))), ("Level", level))).Status.ShouldBe(HttpStatusCode.Redirect);
            (await d.PostAsync(@base, cell, "DecideMember", $"&member={member}",
                ("Version", V(await d.MemberVersionAsync(member))), ("Level", level), ("DecisionNumber", "05-QĐ/ĐU"), ("DecidedOn", Decided))).Status.ShouldBe(HttpStatusCode.Redirect);
        }

        // A chi bộ cơ sở proposes and decides its own members on its own desk.
        var enterprise = await d.As("cell-committee", d.Data.EnterpriseCell.Code);
        (await d.PostAsync(enterprise, d.Data.EnterpriseCell.Code, "DecideMember", $"&member={d.Data.Hoa.Id}",
            ("Version", "0"), ("Level", "HTTNV"), ("DecisionNumber", "02-QĐ/CB"), ("DecidedOn", Decided))).Status.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (client, cell) in new[] { (cellOne, one), (cellTwo, two) })
        {
            (await d.PostAsync(client, cell, "ProposeOwn", "", ("Version", V(await d.OrgVersionAsync(cell))), ("Level", "HTTNV"), ("SelfAssessment", "Báo cáo kiểm điểm tập thể chi ủy năm 2025")))
                .Status.ShouldBe(HttpStatusCode.Redirect);
            (await d.PostAsync(@base, d.Data.BaseCommittee.Code, "DecideOrg", $"&sub={cell}",
                ("Version", V(await d.OrgVersionAsync(cell))), ("Level", "HTTNV"), ("DecisionNumber", "12-QĐ/ĐU"), ("DecidedOn", Decided))).Status.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Round_ThroughTheDesks_EachLevelTakesItsOwnStep_AndTheMemberSeesThePublishedResult(string provider)
    {
        await using var d = await Desk.StartAsync(provider);
        var data = d.Data;
        await OpenRoundAsync(d);

        // The member writes their own review in the handbook.
        var an = await d.As("member", data.CellOne.Code, data.An.Id);
        var handbook = await GetAsync(an, "/so-tay/xep-loai");
        handbook.Status.ShouldBe(HttpStatusCode.OK);
        handbook.Html.ShouldContain("Tự kiểm điểm năm 2025");
        var empty = await PostAsync(an, "/so-tay/xep-loai", Fields(("Year", "2025"), ("Version", "0"), ("Text", " "), ("Level", "HTTNV")));
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.FieldError("Text").ShouldBe("Nội dung tự kiểm điểm không được để trống.");
        var self = await PostAsync(an, "/so-tay/xep-loai", Fields(("Year", "2025"), ("Version", "0"), ("Text", "Hoàn thành các nhiệm vụ được giao."), ("Level", "HTTNV"), ("Score", "82,5")));
        self.Status.ShouldBe(HttpStatusCode.Redirect, self.Html);
        (await GetAsync(an, self.Location!)).Html.ShouldContain("Đã gửi bản tự kiểm điểm đến chi bộ.");

        // The cell's desk shows it; the cell proposes; deciding is not the cell's step (403, said next to the level).
        var cellOne = await d.As("cell-committee", data.CellOne.Code);
        var desk = await GetAsync(cellOne, Desk.Page(data.CellOne.Code));
        desk.Status.ShouldBe(HttpStatusCode.OK);
        desk.Html.ShouldContain("Hoàn thành các nhiệm vụ được giao.");
        desk.Html.ShouldContain("Hoàn thành tốt nhiệm vụ 82,5 điểm");
        desk.Html.ShouldContain("Không xếp loại: đảng viên mới kết nạp chưa đủ thời gian xếp loại"); // Bình, admitted 1/12/2025
        desk.Html.ShouldNotContain("handler=DecideMember");
        var stale = await d.PostAsync(cellOne, data.CellOne.Code, "ProposeMember", $"&member={data.An.Id}", ("Version", "0"), ("Level", "HTTNV"));
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Html.ShouldContain("Trang đã được tải lại với dữ liệu mới nhất.");
        var version = await d.MemberVersionAsync(data.An.Id);
        (await d.PostAsync(cellOne, data.CellOne.Code, "ProposeMember", $"&member={data.An.Id}", ("Version", V(version)), ("Level", "HTTNV"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var notTheirs = await d.PostAsync(cellOne, data.CellOne.Code, "DecideMember", $"&member={data.An.Id}",
            ("Version", V(await d.MemberVersionAsync(data.An.Id))), ("Level", "HTTNV"), ("DecisionNumber", "1"), ("DecidedOn", Decided));
        notTheirs.Status.ShouldBe(HttpStatusCode.Forbidden);
        notTheirs.Html.ShouldContain("Quyết định xếp loại đảng viên Nguyễn Văn An là việc của Đảng bộ cơ sở xã An Hòa; tài khoản của bạn không giữ vai trò của tổ chức này.");

        // The base committee decides on the cell's desk: a missing decision number is said next to its field.
        var @base = await d.As("base-committee", data.BaseCommittee.Code);
        var baseView = await GetAsync(@base, Desk.Page(data.CellOne.Code));
        baseView.Html.ShouldContain($"member={data.An.Id}&handler=DecideMember");
        var noNumber = await d.PostAsync(@base, data.CellOne.Code, "DecideMember", $"&member={data.An.Id}",
            ("Version", V(await d.MemberVersionAsync(data.An.Id))), ("Level", "HTTNV"), ("DecisionNumber", ""), ("DecidedOn", Decided));
        noNumber.Status.ShouldBe(HttpStatusCode.BadRequest);
        noNumber.FieldError("DecisionNumber").ShouldNotBeNullOrEmpty();

        // Out of scope: another cell's committee does not find this cell's desk.
        var cellTwo = await d.As("cell-committee", data.CellTwo.Code);
        (await GetAsync(cellTwo, Desk.Page(data.CellOne.Code))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await d.PostAsync(cellTwo, data.CellTwo.Code, "ProposeMember", $"&member={data.An.Id}", ("Version", "0"), ("Level", "HTTNV"))).Status.ShouldBe(HttpStatusCode.NotFound);

        await DecideEveryoneAsync(d);
        var decidedDesk = await GetAsync(@base, Desk.Page(data.BaseCommittee.Code));
        decidedDesk.Html.ShouldContain("Tổ chức đảng do Đảng bộ cơ sở xã An Hòa xếp loại (2)");
        Regex.Match(decidedDesk.Html, "data-key=\"orgs-HTTNV\">(\\d+)<").Groups[1].Value.ShouldBe("2");

        // The base committee proposes itself; the commune decides it and the chi bộ cơ sở; the base committee publishes.
        (await d.PostAsync(@base, data.BaseCommittee.Code, "ProposeOwn", "", ("Version", "0"), ("Level", "HTTNV"), ("SelfAssessment", "Kiểm điểm của Ban Chấp hành Đảng bộ"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var enterprise = await d.As("cell-committee", data.EnterpriseCell.Code);
        (await d.PostAsync(enterprise, data.EnterpriseCell.Code, "ProposeOwn", "", ("Version", V(await d.OrgVersionAsync(data.EnterpriseCell.Code))), ("Level", "HTNV"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var commune = await d.As("superior-committee", data.Commune.Code);
        foreach (var (code, level) in new[] { (data.BaseCommittee.Code, "HTTNV"), (data.EnterpriseCell.Code, "HTNV") })
        {
            var decided = await d.PostAsync(commune, data.Commune.Code, "DecideOrg", $"&sub={code}",
                ("Version", V(await d.OrgVersionAsync(code))), ("Level", level), ("DecisionNumber", "30-QĐ/ĐU"), ("DecidedOn", "2026-01-15"));
            decided.Status.ShouldBe(HttpStatusCode.Redirect, decided.Html);
        }

        (await GetAsync(an, "/so-tay/xep-loai")).Html.ShouldContain("Năm 2025:</b> Chưa công bố kết quả");
        var published = await d.PostAsync(@base, data.BaseCommittee.Code, "Publish", "", ("PublishedOn", "2026-01-20"));
        published.Status.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(@base, published.Location!)).Html.ShouldContain("Đã công khai 5 kết quả xếp loại.");
        var result = await GetAsync(an, "/so-tay/xep-loai");
        result.Html.ShouldContain("Năm 2025:</b> Hoàn thành tốt nhiệm vụ");
        result.Html.ShouldContain("Đảng bộ cơ sở xã An Hòa, quyết định số 05-QĐ/ĐU ngày 10/01/2026; công khai ngày 20/01/2026");
        (await GetAsync(an, "/so-tay")).Html.ShouldContain("Năm 2025: <b>Hoàn thành tốt nhiệm vụ</b>");

        // A correction after publication needs its reason, then is an event with it.
        var noReason = await d.PostAsync(@base, data.CellOne.Code, "CorrectMember", $"&member={data.An.Id}",
            ("Version", V(await d.MemberVersionAsync(data.An.Id))), ("Level", "HTNV"), ("DecisionNumber", "07-QĐ/ĐU"), ("DecidedOn", "2026-02-01"), ("Reason", ""));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.FieldError("Reason").ShouldNotBeNullOrEmpty();
        (await d.PostAsync(@base, data.CellOne.Code, "CorrectMember", $"&member={data.An.Id}",
            ("Version", V(await d.MemberVersionAsync(data.An.Id))), ("Level", "HTNV"), ("DecisionNumber", "07-QĐ/ĐU"), ("DecidedOn", "2026-02-01"), ("Reason", "Phát hiện vi phạm sau khi công khai")))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        await using var db = d.App.Database.Context();
        var corrected = await db.RatingEvents.Where(e => e.Kind == RatingEventKind.Corrected).SingleAsync(Ct);
        (corrected.FromLevel, corrected.ToLevel, corrected.Reason).ShouldBe((RatingLevel.Good, RatingLevel.Fulfilled, "Phát hiện vi phạm sau khi công khai"));
        (await db.AuditEntries.CountAsync(a => a.EntityType == "RatingRound", Ct)).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Report_ShowsTheThreeSeries_TheUnits_TheLists_AndExportsTheResults(string provider)
    {
        await using var d = await Desk.StartAsync(provider);
        var data = d.Data;
        await OpenRoundAsync(d);
        await DecideEveryoneAsync(d);
        var @base = await d.As("base-committee", data.BaseCommittee.Code);
        (await d.PostAsync(@base, data.BaseCommittee.Code, "ProposeOwn", "", ("Version", "0"), ("Level", "HTTNV"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var enterprise = await d.As("cell-committee", data.EnterpriseCell.Code);
        (await d.PostAsync(enterprise, data.EnterpriseCell.Code, "ProposeOwn", "", ("Version", V(await d.OrgVersionAsync(data.EnterpriseCell.Code))), ("Level", "KHTNV"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var commune = await d.As("superior-committee", data.Commune.Code);
        foreach (var (code, level) in new[] { (data.BaseCommittee.Code, "HTTNV"), (data.EnterpriseCell.Code, "KHTNV") })
        {
            (await d.PostAsync(commune, data.Commune.Code, "DecideOrg", $"&sub={code}",
                ("Version", V(await d.OrgVersionAsync(code))), ("Level", level), ("DecisionNumber", "30-QĐ/ĐU"), ("DecidedOn", "2026-01-15"))).Status.ShouldBe(HttpStatusCode.Redirect);
        }

        var province = await d.As("province-board", "T");
        var page = await GetAsync(province, "/bao-cao/xep-loai?org=T&fromYear=2024&toYear=2025");
        page.Status.ShouldBe(HttpStatusCode.OK);
        string Row(string series, string year) =>
            Regex.Replace(Regex.Match(page.Html, $"<table class=\"cards series\" data-series=\"{series}\">.*?<tr data-year=\"{year}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>|\\s+", " ").Trim();
        Regex.Replace(Row("organizations", "2025"), " +", " ").ShouldBe("2025 2 0 1 0 1 0 50,00 %");
        Regex.Replace(Row("cells", "2025"), " +", " ").ShouldBe("2025 2 0 2 0 0 0 100,00 %");
        Regex.Replace(Row("members", "2025"), " +", " ").ShouldBe("2025 2 0 2 0 0 2 100,00 %");
        Regex.Replace(Row("organizations", "2024"), " +", " ").ShouldBe("2024 0 0 0 0 0 0 –");
        page.Html.ShouldContain("Bình quân các tỉ lệ hằng năm");
        page.Html.ShouldContain("<svg class=\"chart\"");
        page.Html.ShouldContain("Tổ chức cơ sở đảng năm 2025: 1/2 hoàn thành tốt nhiệm vụ trở lên (50,00 %)");

        // The direct units of the province, one level down; the follow-up list names the KHTNV chi bộ cơ sở.
        page.Html.ShouldContain("Đảng bộ xã An Hòa</a>");
        page.Html.ShouldContain("href=\"/bao-cao/xep-loai?org=T.01&fromYear=2024&toYear=2025&year=2025\"");
        Regex.Match(page.Html, "id=\"theo-doi\".*?</section>", RegexOptions.Singleline).Value.ShouldContain("Chi bộ cơ sở Công ty Lúa Vàng");
        page.Html.ShouldContain("Chưa có đảng viên nào được xếp loại hoàn thành xuất sắc nhiệm vụ.");
        var commune1 = await GetAsync(province, "/bao-cao/xep-loai?org=T.01&fromYear=2024&toYear=2025&year=2025");
        commune1.Status.ShouldBe(HttpStatusCode.OK);
        commune1.Html.ShouldContain("Đảng bộ cơ sở xã An Hòa</a>");

        (await GetAsync(province, "/bao-cao/xep-loai?org=T&fromYear=2026&toYear=2025")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync(province, "/bao-cao/xep-loai?org=T&fromYear=20x5")).Html.ShouldContain("Từ năm \"20x5\" không hợp lệ.");
        (await GetAsync(await d.As("cell-committee", data.SchoolCell.Code), "/bao-cao/xep-loai?org=T.01")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The export: the series per year, the organizations' and the members' decided results.
        using var response = await province.GetAsync(new Uri("/bao-cao/xep-loai?handler=Xlsx&org=T&fromYear=2024&toYear=2025", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var summary = xlsx.Query(useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object>>().ToList();
        summary.Count.ShouldBe(6);
        var orgs2025 = summary.Single(r => Convert.ToInt32(r["Năm"], System.Globalization.CultureInfo.InvariantCulture) == 2025 && (string)r["Đối tượng"] == "Tổ chức cơ sở đảng");
        (Convert.ToInt32(orgs2025["Được đánh giá, xếp loại"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDecimal(orgs2025["Tỉ lệ hoàn thành tốt nhiệm vụ trở lên (%)"], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe((2, 50m));
        xlsx.Position = 0;
        var orgRows = xlsx.Query(useHeaderRow: true, sheetName: "Tổ chức đảng").Cast<IDictionary<string, object>>().ToList();
        orgRows.Select(r => ((string)r["Mã tổ chức đảng"], (string)r["Mức xếp loại"])).OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ShouldBe([("T.01.01", "HTTNV"), ("T.01.01.01", "HTTNV"), ("T.01.01.02", "HTTNV"), ("T.01.02", "KHTNV")]);
        xlsx.Position = 0;
        var memberRows = xlsx.Query(useHeaderRow: true, sheetName: "Đảng viên").Cast<IDictionary<string, object>>().ToList();
        memberRows.Count.ShouldBe(4);
        memberRows.ShouldContain(r => (string)r["Họ và tên"] == "Nguyễn Văn An" && (string)r["Mức xếp loại"] == "HTTNV" && (string)r["Số quyết định"] == "05-QĐ/ĐU");
        memberRows.SelectMany(r => r.Keys).ShouldNotContain("Số CCCD");
    }
}
