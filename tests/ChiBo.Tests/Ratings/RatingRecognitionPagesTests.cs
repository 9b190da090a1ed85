using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Ratings;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Ratings;

/// <summary>
/// The pages around a year's results, through HTTP on the <see cref="TestData"/> tree, on SQLite and
/// PostgreSQL: "bốn tốt" (/xep-loai/bon-tot), rewards (/xep-loai/khen-thuong), the outstanding and
/// follow-up lists (/xep-loai/tieu-bieu, /xep-loai/theo-doi) and the decision on many members on the
/// round desk. A step of the wrong level is refused with the command's message and writes nothing;
/// each list's .xlsx holds its rows.
/// </summary>
public sealed class RatingRecognitionPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Decided = "2026-01-10";

    private sealed class Year2025(TestDatabase database, TestData data, ChiBoApp app) : IAsyncDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public TestData Data => data;

        public TestDatabase Database => database;

        public ChiBoApp App => app;

        public async Task<HttpClient> As(string role, string org)
        {
            var key = role + "@" + org;
            if (!_clients.TryGetValue(key, out var client))
            {
                _clients[key] = client = await app.SignedInAsync(role, org);
            }

            return client;
        }

        public Task<HttpClient> Cell() => As("cell-committee", data.CellOne.Code);

        public Task<HttpClient> Base() => As("base-committee", data.BaseCommittee.Code);

        /// <summary>The 2025 round, opened by the province board through the API.</summary>
        public static async Task<Year2025> OpenAsync(string provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var data = await TestData.SeedAsync(database);
            var year = new Year2025(database, data, new ChiBoApp(database, TestClock.On(TestData.Today)));
            await OpenRoundAsync(year.App);
            return year;
        }

        public async Task<int> VersionAsync(int memberId)
        {
            await using var db = database.Context();
            return await db.MemberRatings.Where(r => r.MemberId == memberId && r.Year == 2025).Select(r => (int?)r.Version).FirstOrDefaultAsync(Ct) ?? 0;
        }

        /// <summary>The chi bộ proposes a member's level (or a "không xếp loại" reason) through the API.</summary>
        public async Task ProposeAsync(int memberId, string? level, string? notRated = null) =>
            await OkAsync(await (await Cell()).PostAsJsonAsync($"/api/ratings/members/{memberId}/proposal",
                new { year = 2025, version = await VersionAsync(memberId), level, notRated }, Ct));

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
    }

    /// <summary>The 2025 round of the whole province, opened by its board through the API.</summary>
    internal static async Task OpenRoundAsync(ChiBoApp app)
    {
        using var province = await app.SignedInAsync("province-board", "T");
        await OkAsync(await province.PostAsJsonAsync("/api/ratings/rounds",
            new { org = "T", year = 2025, reviewDate = new DateOnly(2025, 12, 15), deadline = new DateOnly(2026, 1, 31) }, Ct));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<IDictionary<string, object>>> XlsxAsync(HttpClient client, string url, string sheet)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return xlsx.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }

    private static string Stat(PageAnswer page, string key) => Regex.Match(page.Html, $"data-key=\"{key}\">([^<]*)<").Groups[1].Value;

    private static Task DecideCellOneAsync(Year2025 y) => DecideCellOneAsync(y.App, y.Database, y.Data);

    /// <summary>
    /// In the open 2025 round, Chi bộ ấp Một's members decided at once (An HTTNV, Bình not rated) and
    /// the chi bộ itself decided HTTNV by the đảng bộ cơ sở, through the API.
    /// </summary>
    internal static async Task DecideCellOneAsync(ChiBoApp app, TestDatabase database, TestData data)
    {
        using var cell = await app.SignedInAsync("cell-committee", data.CellOne.Code);
        using var @base = await app.SignedInAsync("base-committee", data.BaseCommittee.Code);
        async Task<int> MemberVersionAsync(int id)
        {
            await using var db = database.Context();
            return await db.MemberRatings.Where(r => r.MemberId == id && r.Year == 2025).Select(r => (int?)r.Version).FirstOrDefaultAsync(Ct) ?? 0;
        }

        foreach (var (id, level, notRated) in new[] { (data.An.Id, "HTTNV", (string?)null), (data.Binh.Id, null, "newMember") })
        {
            await OkAsync(await cell.PostAsJsonAsync($"/api/ratings/members/{id}/proposal", new { year = 2025, version = await MemberVersionAsync(id), level, notRated }, Ct));
        }

        await OkAsync(await @base.PostAsJsonAsync("/api/ratings/members/decisions", new
        {
            cell = data.CellOne.Code, year = 2025, decisionNumber = "05-QĐ/ĐU", decidedOn = new DateOnly(2026, 1, 10),
            lines = new object[]
            {
                new { memberId = data.An.Id, version = await MemberVersionAsync(data.An.Id), level = "HTTNV" },
                new { memberId = data.Binh.Id, version = await MemberVersionAsync(data.Binh.Id), notRated = "newMember" },
            },
        }, Ct));
        int version;
        await using (var db = database.Context())
        {
            version = await db.OrgRatings.Where(r => r.OrganizationId == data.CellOne.Id && r.Year == 2025).Select(r => r.Version).SingleAsync(Ct); // the members' tally
        }

        var own = await OkAsync(await cell.PostAsJsonAsync($"/api/ratings/orgs/{data.CellOne.Code}/proposal",
            new { year = 2025, version, level = "HTTNV", selfAssessment = "Kiểm điểm tập thể chi ủy năm 2025" }, Ct));
        await OkAsync(await @base.PostAsJsonAsync($"/api/ratings/orgs/{data.CellOne.Code}/decision",
            new { year = 2025, version = own.GetProperty("version").GetInt32(), level = "HTTNV", decisionNumber = "12-QĐ/ĐU", decidedOn = new DateOnly(2026, 1, 15) }, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FourGood_TheCellAssessesItself_TheBaseCommitteeRecognises_TheCellCannotRecognise_AndTheListExports(string provider)
    {
        await using var y = await Year2025.OpenAsync(provider);
        var data = y.Data;
        await DecideCellOneAsync(y);
        var (cell, @base) = (await y.Cell(), await y.Base());
        string Page(string org, string? extra = null) => $"/xep-loai/bon-tot?org={org}&year=2025{extra}";
        string Action(string org, string handler, string sub) => $"{Page(org)}&handler={handler}&sub={sub}";

        // The đảng bộ cơ sở's list: itself and its two chi bộ, none assessed yet.
        var list = await GetAsync(@base, Page(data.BaseCommittee.Code));
        list.Status.ShouldBe(HttpStatusCode.OK);
        (Stat(list, "cells-recognized"), Stat(list, "base-recognized"), Stat(list, "assessed")).ShouldBe(("0/2", "0/1", "0"));
        list.Html.ShouldContain("Chi bộ ấp Hai</a>");
        list.Html.ShouldContain("Chưa đánh giá");

        // The chi bộ's own page opens its form with what the register shows for it.
        var own = await GetAsync(cell, Page(data.CellOne.Code));
        own.Status.ShouldBe(HttpStatusCode.OK);
        own.Html.ShouldContain("Xếp loại năm 2025: Hoàn thành tốt nhiệm vụ (quyết định số 12-QĐ/ĐU, Đảng bộ cơ sở xã An Hòa)");
        own.Html.ShouldContain("Không có tổ chức, đảng viên bị kỷ luật trong năm 2025");
        own.Html.ShouldContain("0/1 chi bộ sinh hoạt đủ các tháng");
        own.Html.ShouldContain("Theo số liệu sinh hoạt: chưa đạt");

        // The chi bộ records the criteria: the meetings from its own minutes (the register has none), cadres and members entered.
        var assessed = await PostAsync(cell, Page(data.CellOne.Code), Fields(("Version", "0"), ("PoliticalTask", ""), ("PoliticalTaskEvidence", ""),
            ("MeetingQuality", "true"), ("MeetingQualityEvidence", "Sổ biên bản: 12 kỳ sinh hoạt thường kỳ, 4 kỳ chuyên đề"), ("UnityDiscipline", ""), ("UnityDisciplineEvidence", ""),
            ("CadresMembers", "true"), ("CadresMembersEvidence", "Chi ủy viên và đảng viên hoàn thành nhiệm vụ")), Action(data.CellOne.Code, "Assess", data.CellOne.Code));
        assessed.Status.ShouldBe(HttpStatusCode.Redirect, assessed.Html);
        (await GetAsync(cell, assessed.Location!)).Html.ShouldContain("Đã ghi đánh giá các tiêu chí \"bốn tốt\".");

        // Recognising is the level above's: the chi bộ is refused, with the command's message, and nothing is written.
        var refused = await PostAsync(cell, Page(data.CellOne.Code), Fields(("Version", "1"), ("DecisionNumber", "20-QĐ/ĐU"), ("RecognizedOn", "2026-02-01")),
            Action(data.CellOne.Code, "Recognize", data.CellOne.Code));
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Html.ShouldContain("Công nhận \"bốn tốt\" cho Chi bộ ấp Một là việc của Đảng bộ cơ sở xã An Hòa; tài khoản của bạn không giữ vai trò của tổ chức này.");
        await using (var db = y.Database.Context())
        {
            var t = await db.FourGoodTitles.SingleAsync(Ct);
            (t.Recognized, t.DecisionNumber, t.Version).ShouldBe((false, null, 1));
            (t.PoliticalTask, t.MeetingQuality, t.UnityDiscipline, t.CadresMembers).ShouldBe((true, true, true, true));
            t.MeetingQualityEvidence.ShouldBe("Sổ biên bản: 12 kỳ sinh hoạt thường kỳ, 4 kỳ chuyên đề");
            t.UnityDisciplineEvidence.ShouldBe("Không có tổ chức, đảng viên bị kỷ luật trong năm 2025");
        }

        // The đảng bộ cơ sở sees the recognition form; a missing number is said next to its field; then it recognises.
        var baseList = await GetAsync(@base, Page(data.BaseCommittee.Code));
        baseList.Html.ShouldContain($"sub={data.CellOne.Code}&handler=Recognize");
        baseList.Html.ShouldNotContain($"sub={data.CellTwo.Code}&handler=Recognize");
        var noNumber = await PostAsync(@base, Page(data.BaseCommittee.Code), Fields(("Version", "1"), ("DecisionNumber", ""), ("RecognizedOn", "2026-02-01")),
            Action(data.BaseCommittee.Code, "Recognize", data.CellOne.Code));
        noNumber.Status.ShouldBe(HttpStatusCode.BadRequest);
        noNumber.FieldError("DecisionNumber").ShouldNotBeNullOrEmpty();
        var recognized = await PostAsync(@base, Page(data.BaseCommittee.Code), Fields(("Version", "1"), ("DecisionNumber", "20-QĐ/ĐU"), ("RecognizedOn", "2026-02-01")),
            Action(data.BaseCommittee.Code, "Recognize", data.CellOne.Code));
        recognized.Status.ShouldBe(HttpStatusCode.Redirect, recognized.Html);
        var after = await GetAsync(@base, recognized.Location!);
        after.Html.ShouldContain("Đã ghi quyết định công nhận \"bốn tốt\".");
        after.Html.ShouldContain("Đảng bộ cơ sở xã An Hòa, số 20-QĐ/ĐU ngày 01/02/2026");
        (Stat(after, "cells-recognized"), Stat(after, "assessed"), Stat(after, "all-four")).ShouldBe(("1/2", "1", "1"));

        // Another chi bộ does not find this one; the export holds the three organizations.
        (await GetAsync(await y.As("cell-committee", data.CellTwo.Code), Page(data.CellOne.Code))).Status.ShouldBe(HttpStatusCode.NotFound);
        var rows = await XlsxAsync(@base, Page(data.BaseCommittee.Code, "&handler=Xlsx"), "Bốn tốt");
        rows.Select(r => (string)r["Mã tổ chức đảng"]).ShouldBe([data.BaseCommittee.Code, data.CellOne.Code, data.CellTwo.Code]);
        var one = rows.Single(r => (string)r["Mã tổ chức đảng"] == data.CellOne.Code);
        ((string)one["Công nhận \"bốn tốt\""], (string)one["Số quyết định"], (string)one["Chất lượng sinh hoạt tốt"], (string)one["Mức xếp loại"])
            .ShouldBe(("Có", "20-QĐ/ĐU", "Đạt", "HTTNV"));
        rows.Single(r => (string)r["Mã tổ chức đảng"] == data.CellTwo.Code)["Công nhận \"bốn tốt\""].ShouldBe("Không");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManyMembers_DecidedAtOnce_AllOrNothing_ThenRewarded_AndTheListsExport(string provider)
    {
        await using var y = await Year2025.OpenAsync(provider);
        var data = y.Data;
        await data.AddMembersAsync(data.CellOne, 6);
        int[] khang;
        await using (var db = y.Database.Context())
        {
            khang = await db.Members.Where(m => m.FullName.StartsWith("Võ Văn Khang")).OrderBy(m => m.FullName).Select(m => m.Id).ToArrayAsync(Ct);
        }

        await y.ProposeAsync(data.An.Id, "HTXSNV");
        await y.ProposeAsync(data.Binh.Id, null, "newMember");
        foreach (var (id, i) in khang.Select((id, i) => (id, i)))
        {
            await y.ProposeAsync(id, i == 5 ? "KHTNV" : "HTTNV");
        }

        var (cell, @base) = (await y.Cell(), await y.Base());
        var desk = $"/xep-loai?org={data.CellOne.Code}&year=2025";
        string V(int id) => y.VersionAsync(id).GetAwaiter().GetResult().ToString(CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> Batch(string binh)
        {
            var fields = Fields(("DecisionNumber", "15-QĐ/ĐU"), ("DecidedOn", Decided));
            foreach (var (id, level) in new[] { (data.An.Id, "HTXSNV"), (data.Binh.Id, binh) }.Concat(khang.Select((id, i) => (id, i == 5 ? "KHTNV" : "HTTNV"))))
            {
                var key = id.ToString(CultureInfo.InvariantCulture);
                fields.AddRange(Fields(("Member", key), ("Version-" + key, V(id)), ("Level-" + key, level)));
            }

            return fields;
        }

        async Task<int> DecidedAsync()
        {
            await using var db = y.Database.Context();
            return await db.MemberRatings.CountAsync(r => r.Year == 2025 && r.State >= RatingState.Decided, Ct);
        }

        // The đảng bộ cơ sở sees every proposed member of the chi bộ in one form; the chi bộ does not.
        var baseDesk = await GetAsync(@base, desk);
        Regex.Matches(baseDesk.Html, "data-batch-member=").Count.ShouldBe(8);
        (await GetAsync(cell, desk)).Html.ShouldNotContain("handler=DecideMembers");

        // The chi bộ posting it anyway is refused as another level's step; nothing is decided.
        var notTheirs = await PostAsync(cell, desk, Batch("kxl:newMember"), desk + "&handler=DecideMembers");
        notTheirs.Status.ShouldBe(HttpStatusCode.Forbidden);
        notTheirs.Html.ShouldContain("là việc của Đảng bộ cơ sở xã An Hòa; tài khoản của bạn không giữ vai trò của tổ chức này.");
        (await DecidedAsync()).ShouldBe(0);

        // One wrong line refuses the whole decision, named on its row.
        var oneWrong = await PostAsync(@base, desk, Batch("HTTNV"), desk + "&handler=DecideMembers");
        oneWrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        oneWrong.FieldError("Line-" + data.Binh.Id.ToString(CultureInfo.InvariantCulture)).ShouldBe("Đặng Thị Bình: đảng viên mới kết nạp chưa đủ thời gian xếp loại nên không xếp loại.");
        oneWrong.Html.ShouldContain("Chưa ghi quyết định cho đảng viên nào.");
        (await DecidedAsync()).ShouldBe(0);

        var all = await PostAsync(@base, desk, Batch("kxl:newMember"), desk + "&handler=DecideMembers");
        all.Status.ShouldBe(HttpStatusCode.Redirect, all.Html);
        all.Location.ShouldEndWith("#quyet-dinh-chung");
        (await DecidedAsync()).ShouldBe(8);
        await using (var db = y.Database.Context())
        {
            (await db.MemberRatings.Where(r => r.Year == 2025).Select(r => r.DecisionNumber).Distinct().ToListAsync(Ct)).ShouldBe(["15-QĐ/ĐU"]);
            (await db.MemberRatings.SingleAsync(r => r.MemberId == data.An.Id, Ct)).Level.ShouldBe(RatingLevel.Excellent);
        }

        // The outstanding list names An, with a link to reward her; the follow-up list the KHTNV member.
        var lists = $"org={data.BaseCommittee.Code}&year=2025";
        var outstanding = await GetAsync(@base, "/xep-loai/tieu-bieu?" + lists);
        outstanding.Status.ShouldBe(HttpStatusCode.OK);
        outstanding.Html.ShouldContain("Danh sách (1)");
        outstanding.Html.ShouldContain($"/xep-loai/khen-thuong?{lists}&member={data.An.Id}#them");
        var report = await GetAsync(@base, $"/bao-cao/xep-loai?org={data.BaseCommittee.Code}&fromYear=2025&toYear=2025");
        report.Html.ShouldContain($"href=\"/xep-loai/theo-doi?{lists}\"");
        report.Html.ShouldContain($"href=\"/xep-loai/tieu-bieu?{lists}\"");
        var followUp = await GetAsync(@base, "/xep-loai/theo-doi?" + lists);
        followUp.Html.ShouldContain("Võ Văn Khang 006</a>");
        followUp.Html.ShouldContain("Không có tổ chức đảng nào không hoàn thành nhiệm vụ.");

        // A chi bộ gives only "biểu dương": its "giấy khen" is refused next to the form's field, and nothing is written.
        var rewards = "/xep-loai/khen-thuong?" + lists;
        var cellRewards = $"/xep-loai/khen-thuong?org={data.CellOne.Code}&year=2025";
        (await GetAsync(cell, cellRewards)).Html.ShouldContain($"<option value=\"{data.CellOne.Code}\">Chi bộ ấp Một</option>");
        var an = "m:" + data.An.Id.ToString(CultureInfo.InvariantCulture);
        var tooHigh = await PostAsync(cell, cellRewards, Fields(("Subject", an), ("DecidingOrg", data.CellOne.Code), ("Form", "Certificate"),
            ("Title", "Hoàn thành xuất sắc nhiệm vụ năm 2025"), ("DecisionNumber", "01-QĐ/CB"), ("DecidedOn", "2026-01-20")), cellRewards + "&handler=Add");
        tooHigh.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooHigh.FieldError("Form").ShouldBe("Chi bộ ấp Một không quyết định hình thức khen thưởng \"Giấy khen\".");
        var noTitle = await PostAsync(@base, rewards, Fields(("Subject", an), ("DecidingOrg", data.BaseCommittee.Code), ("Form", "Certificate"),
            ("Title", ""), ("DecisionNumber", "40-QĐ/ĐU"), ("DecidedOn", "2026-01-20")), rewards + "&handler=Add");
        noTitle.Status.ShouldBe(HttpStatusCode.BadRequest);
        noTitle.FieldError("Title").ShouldNotBeNullOrEmpty();
        await using (var db = y.Database.Context())
        {
            (await db.Rewards.CountAsync(Ct)).ShouldBe(0);
        }

        // The đảng bộ cơ sở gives An a "giấy khen" and the chi bộ a "biểu dương".
        (await GetAsync(@base, rewards + $"&member={data.An.Id}")).Html.ShouldContain($"<option value=\"{an}\" selected=\"selected\">Nguyễn Văn An (Chi bộ ấp Một)</option>");
        var given = await PostAsync(@base, rewards, Fields(("Subject", an), ("DecidingOrg", data.BaseCommittee.Code), ("Form", "Certificate"),
            ("Title", "Hoàn thành xuất sắc nhiệm vụ năm 2025"), ("DecisionNumber", "40-QĐ/ĐU"), ("DecidedOn", "2026-01-20")), rewards + "&handler=Add");
        given.Status.ShouldBe(HttpStatusCode.Redirect, given.Html);
        (await PostAsync(@base, rewards, Fields(("Subject", "o:" + data.CellOne.Code), ("DecidingOrg", data.BaseCommittee.Code), ("Form", "Praise"),
            ("Title", "Chi bộ hoàn thành tốt nhiệm vụ năm 2025"), ("DecisionNumber", "41-QĐ/ĐU"), ("DecidedOn", "2026-01-21")), rewards + "&handler=Add"))
            .Status.ShouldBe(HttpStatusCode.Redirect);
        var page = await GetAsync(@base, given.Location!);
        page.Html.ShouldContain("Đã ghi quyết định khen thưởng.");
        (Stat(page, "organizations"), Stat(page, "members")).ShouldBe(("1", "1"));
        page.Html.ShouldContain("Đảng bộ cơ sở xã An Hòa, số 40-QĐ/ĐU ngày 20/01/2026");
        (await GetAsync(@base, "/xep-loai/tieu-bieu?" + lists)).Html.ShouldContain("Giấy khen (Đảng bộ cơ sở xã An Hòa, số 40-QĐ/ĐU): Hoàn thành xuất sắc nhiệm vụ năm 2025");

        // Each list's export holds its rows.
        var rewardRows = await XlsxAsync(@base, rewards + "&handler=Xlsx", "Khen thưởng");
        rewardRows.Select(r => ((string)r["Tên"], (string)r["Hình thức"], (string)r["Số quyết định"], (string)r["Ngày quyết định"]))
            .ShouldBe([("Nguyễn Văn An", "Giấy khen", "40-QĐ/ĐU", "20/01/2026"), ("Chi bộ ấp Một", "Biểu dương", "41-QĐ/ĐU", "21/01/2026")]);
        var outstandingRows = await XlsxAsync(@base, "/xep-loai/tieu-bieu?handler=Xlsx&" + lists, "Đảng viên tiêu biểu");
        outstandingRows.Select(r => ((string)r["Họ và tên"], (string)r["Số quyết định"])).ShouldBe([("Nguyễn Văn An", "15-QĐ/ĐU")]);
        Convert.ToInt32(outstandingRows[0]["Số năm HTXSNV (5 năm gần nhất)"], CultureInfo.InvariantCulture).ShouldBe(1);
        var followRows = await XlsxAsync(@base, "/xep-loai/theo-doi?handler=Xlsx&" + lists, "Đảng viên");
        followRows.Select(r => ((string)r["Họ và tên"], (string)r["Mã chi bộ"])).ShouldBe([("Võ Văn Khang 006", data.CellOne.Code)]);
        (await XlsxAsync(@base, "/xep-loai/theo-doi?handler=Xlsx&" + lists, "Tổ chức đảng")).ShouldBeEmpty();

        // Outside its subtree a committee finds none of these lists.
        var school = await y.As("cell-committee", data.SchoolCell.Code);
        foreach (var path in new[] { "/xep-loai/khen-thuong", "/xep-loai/tieu-bieu", "/xep-loai/theo-doi", "/xep-loai/bon-tot" })
        {
            (await GetAsync(school, $"{path}?{lists}")).Status.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }
}
