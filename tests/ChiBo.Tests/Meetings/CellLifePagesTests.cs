using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Meetings;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// A cell secretary (cell-committee on Chi bộ ấp Một, 30/06/2026) runs the cell's year through the
/// pages: schedules the year, a thematic meeting, calls the roll, records the minutes, rates the
/// meeting; the compliance page shows what the API answers.
/// </summary>
public sealed class CellLifePagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Calendar(TestData d) => $"/chi-bo/{d.CellOne.Code}/sinh-hoat?year=2026";

    private static async Task<(TestDatabase Database, TestData Data, ChiBoApp App)> StartAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 3);
        return (database, data, new ChiBoApp(database, TestClock.On(TestData.Today)));
    }

    private static async Task<List<Meeting>> MeetingsAsync(TestDatabase database, int cellId)
    {
        await using var db = database.Context();
        return await db.Meetings.AsNoTracking().Where(m => m.CellId == cellId).OrderBy(m => m.Date).ThenBy(m => m.Kind).ToListAsync(Ct);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Secretary_SchedulesTheYear_CallsTheRoll_RecordsMinutes_AndRates(string provider)
    {
        var (database, data, app) = await StartAsync(provider);
        await using var databaseLifetime = database;
        await using var dataLifetime = data;
        await using var appLifetime = app;
        using var chibo = await app.SignedInAsync("cell-committee", data.CellOne.Code);

        var (status, html) = await chibo.HtmlAsync(Calendar(data));
        status.ShouldBe(200);
        html.ShouldContain("Lên lịch cả năm");
        html.ShouldContain("Chưa có lịch.");

        // Lên lịch cả năm: twelve regular meetings on the 10th.
        var year = await chibo.SubmitAsync(Calendar(data), "year", ("YearPlan.DayOfMonth", "10"), ("YearPlan.Place", "Nhà văn hóa ấp Một"));
        year.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        year.Headers.Location!.ToString().ShouldContain("ok=year");
        (await MeetingsAsync(database, data.CellOne.Id)).Select(m => m.Date).ShouldBe(Enumerable.Range(1, 12).Select(m => new DateOnly(2026, m, 10)));

        // A thematic meeting with its documents and the upper-level committee member attending.
        var thematic = await chibo.SubmitAsync(Calendar(data), "meeting",
            ("Plan.Kind", "2"), ("Plan.Date", "2026-05-25"), ("Plan.Title", "Sinh hoạt chuyên đề: Chuyển đổi số"),
            ("Plan.Agenda", "Quán triệt Nghị quyết 57-NQ/TW"), ("Plan.Documents", "Nghị quyết 57-NQ/TW ngày 22/12/2024"),
            ("Plan.AttendingCommitteeMember", "Đồng chí Lê Văn Tám, Phó Bí thư Đảng ủy xã"), ("Plan.Place", "Nhà văn hóa ấp Một"));
        thematic.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meetings = await MeetingsAsync(database, data.CellOne.Id);
        meetings.Count.ShouldBe(13);
        var theme = meetings.Single(m => m.Kind == MeetingKind.Thematic);
        (theme.Documents, theme.AttendingCommitteeMember).ShouldBe(("Nghị quyết 57-NQ/TW ngày 22/12/2024", "Đồng chí Lê Văn Tám, Phó Bí thư Đảng ủy xã"));
        (_, html) = await chibo.HtmlAsync(Calendar(data));
        html.ShouldContain("25/05/2026 · Sinh hoạt chuyên đề: Chuyển đổi số");
        html.ShouldContain("Sinh hoạt chi bộ thường kỳ tháng 7/2026");

        // The roll call of January: everyone present unless marked; an excused absence needs its reason.
        var january = meetings.First();
        var page = $"/sinh-hoat/{january.Id}";
        (status, html) = await chibo.HtmlAsync(page);
        status.ShouldBe(200);
        html.ShouldContain("Đặng Thị Bình");
        html.ShouldContain("Võ Văn Khang 003");
        var p = (int id) => "p" + id.ToString(CultureInfo.InvariantCulture);
        var noReason = await chibo.SubmitAsync(page, "attendance", ("version", "0"), (p(data.Binh.Id), "2"));
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync(Ct)).ShouldContain("cần ghi lý do vắng");

        var roll = await chibo.SubmitAsync(page, "attendance",
            ("version", "0"), (p(data.Binh.Id), "2"), ("r" + data.Binh.Id.ToString(CultureInfo.InvariantCulture), "Đi công tác"), (p(data.An.Id), "1"));
        roll.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        january = (await MeetingsAsync(database, data.CellOne.Id)).First();
        (january.PresentCount, january.ExcusedCount, january.UnexcusedCount, january.Version).ShouldBe((4, 1, 0, 1));

        // Minutes and resolutions: the meeting is held.
        var hold = await chibo.SubmitAsync(page, "hold", ("version", "1"), ("minutes", "Chi bộ họp lúc 14 giờ, đủ nội dung."), ("resolutions", "Thống nhất nhiệm vụ tháng 2."));
        hold.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Rating: 9 of 10 on every criterion is 90 points; 4 of 5 present (80 %) keeps it from tốt.
        var scores = MeetingRules.Default.Quality.Criteria.Select(c => ("s-" + c.Code, "9")).Prepend(("version", "2")).ToArray();
        (await chibo.SubmitAsync(page, "rate", scores)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (status, html) = await chibo.HtmlAsync(page + "?ok=rate");
        html.ShouldContain("Đã xếp loại chất lượng buổi sinh hoạt.");
        html.ShouldContain("Kết quả: <b>Khá</b> · 90 điểm");
        html.ShouldContain(MeetingRules.Default.Quality.Source);
        html.ShouldContain("Chi bộ họp lúc 14 giờ, đủ nội dung.");
        html.ShouldContain("4/5 đảng viên (80,00 %)");

        // Someone else rated it meanwhile: the stale version is refused with a message, nothing changes.
        var stale = await chibo.SubmitAsync(page, "rate", MeetingRules.Default.Quality.Criteria.Select(c => ("s-" + c.Code, "10")).Prepend(("version", "2")).ToArray());
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("đã được người khác cập nhật");
        (await MeetingsAsync(database, data.CellOne.Id)).First().RatingScore.ShouldBe(90m);

        // Cancelling February's meeting needs a reason.
        var february = (await MeetingsAsync(database, data.CellOne.Id))[1];
        (await chibo.SubmitAsync($"/sinh-hoat/{february.Id}", "cancel", ("version", "0"), ("reason", "Mưa bão"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MeetingsAsync(database, data.CellOne.Id))[1].Status.ShouldBe(MeetingStatus.Cancelled);

        // The compliance page of the cell shows the figures the API gives.
        await PageAgreesWithApiAsync(chibo, data.CellOne.Code, 2026);
        (_, html) = await chibo.HtmlAsync($"/bao-cao/sinh-hoat?org={data.CellOne.Code}&year=2026");
        html.ShouldContain("Tháng chưa sinh hoạt");
        html.ShouldContain("tháng 2, 3, 4, 5");
        html.ShouldContain("quý 1");
    }

    /// <summary>Every figure of the report contract on the page equals the API's, in vi-VN form.</summary>
    internal static async Task PageAgreesWithApiAsync(HttpClient client, string org, int year)
    {
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/reports/meetings?org={org}&year={year}&detail=true", Ct);
        var (status, html) = await client.HtmlAsync($"/bao-cao/sinh-hoat?org={org}&year={year}");
        status.ShouldBe(200);
        var rows = api.GetProperty("cellRows").EnumerateArray().ToList();
        var roll = rows.Sum(r => r.GetProperty("membersOnRoll").GetInt64());
        var active = rows.Sum(r => r.GetProperty("activeMembers").GetInt64());
        PageForms.Figure(html, "cells").ShouldBe(VietnameseFormats.Number(api.GetProperty("cells").GetInt32()));
        PageForms.Figure(html, "cellsMeetingEveryMonth").ShouldBe(VietnameseFormats.Number(api.GetProperty("cellsMeetingEveryMonth").GetInt32()));
        PageForms.Figure(html, "cellsWithThematicEveryQuarter").ShouldBe(VietnameseFormats.Number(api.GetProperty("cellsWithThematicEveryQuarter").GetInt32()));
        PageForms.Figure(html, "meetings").ShouldBe(VietnameseFormats.Number(api.GetProperty("meetings").GetInt32()));
        PageForms.Figure(html, "attendanceRate").ShouldBe(Percent(api.GetProperty("attendanceRate").GetDecimal(), roll));
        PageForms.Figure(html, "meetingsRatedGoodShare").ShouldBe(Percent(api.GetProperty("meetingsRatedGoodShare").GetDecimal(), api.GetProperty("meetings").GetInt32()));
        PageForms.Figure(html, "membersAssignedShare").ShouldBe(Percent(api.GetProperty("membersAssignedShare").GetDecimal(), active));
    }

    /// <summary>0.9712 → "97,12 %" (and "–" with nothing to divide), written here rather than with the app's helper.</summary>
    private static string Percent(decimal fraction, long whole) =>
        whole == 0 ? "–" : (fraction * 100m).ToString("0.00", CultureInfo.GetCultureInfo("vi-VN")) + " %";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CellCommittee_OfOneCell_FindsAnotherCellsMeetingsNotFound(string provider)
    {
        var (database, data, app) = await StartAsync(provider);
        await using var databaseLifetime = database;
        await using var dataLifetime = data;
        await using var appLifetime = app;
        long other;
        await using (var db = database.Context())
        {
            other = (await new MeetingCommands(db, TestClock.On(TestData.Today)).ScheduleAsync(
                new MeetingPlan { CellId = data.CellTwo.Id, Date = new DateOnly(2026, 6, 5), Title = "Tháng 6", Place = "Ấp Hai" }, Ct)).Id;
        }

        using var chibo = await app.SignedInAsync("cell-committee", data.CellOne.Code);
        (await chibo.HtmlAsync($"/chi-bo/{data.CellTwo.Code}/sinh-hoat")).Status.ShouldBe(404);
        (await chibo.HtmlAsync($"/chi-bo/{data.CellTwo.Code}/nhiem-vu")).Status.ShouldBe(404);
        (await chibo.HtmlAsync($"/chi-bo/{data.CellTwo.Code}/nhiem-vu/{data.Anh.Id}")).Status.ShouldBe(404);
        var (status, html) = await chibo.HtmlAsync($"/sinh-hoat/{other}");
        status.ShouldBe(404);
        html.ShouldContain("Không tìm thấy buổi sinh hoạt");
        (await chibo.GetAsync($"/api/meetings/{other}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chibo.GetAsync($"/api/meetings/?cell={data.CellTwo.Code}&year=2026", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chibo.PutAsJsonAsync($"/api/meetings/{other}/attendance", new { version = 0, entries = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chibo.PostAsJsonAsync("/api/meetings/year", new { cellId = data.CellTwo.Id, year = 2026, dayOfMonth = 5, place = "Ấp" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chibo.HtmlAsync($"/bao-cao/sinh-hoat?org={data.CellTwo.Code}&year=2026")).Status.ShouldBe(404);

        // Its own cell is there; so is a commune's view of both.
        (await chibo.HtmlAsync(Calendar(data))).Status.ShouldBe(200);
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);
        (await commune.HtmlAsync($"/sinh-hoat/{other}")).Status.ShouldBe(200);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inspection_ReadsTheCalendar_ButMayNotSchedule(string provider)
    {
        var (database, data, app) = await StartAsync(provider);
        await using var databaseLifetime = database;
        await using var dataLifetime = data;
        await using var appLifetime = app;
        using var inspection = await app.SignedInAsync("inspection", data.Province.Code);

        var (status, html) = await inspection.HtmlAsync(Calendar(data));
        status.ShouldBe(200);
        html.ShouldNotContain("Lên lịch cả năm");

        // A form posted anyway (with a valid anti-forgery token of this session) is refused.
        var token = await TokenAsync(inspection, $"/dang-nhap");
        var refused = await inspection.PostAsync(new Uri(Calendar(data) + "&handler=year", UriKind.Relative), new FormUrlEncodedContent(
            [KeyValuePair.Create("YearPlan.DayOfMonth", "5"), KeyValuePair.Create("YearPlan.Place", "Ấp"), KeyValuePair.Create("__RequestVerificationToken", token)]), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");
        (await MeetingsAsync(database, data.CellOne.Id)).ShouldBeEmpty();
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tasks_AssignedToEveryMember_ShowOneHundredPercent_WithCommitmentAndResidence(string provider)
    {
        var (database, data, app) = await StartAsync(provider);
        await using var databaseLifetime = database;
        await using var dataLifetime = data;
        await using var appLifetime = app;
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);
        var tasks = $"/chi-bo/{data.CellOne.Code}/nhiem-vu?year=2026";

        var (status, html) = await commune.HtmlAsync(tasks);
        status.ShouldBe(200);
        html.ShouldContain("Còn 5 đảng viên chưa được phân công nhiệm vụ năm 2026");
        html.ShouldContain("0,00 %");

        await using (var db = database.Context())
        {
            foreach (var id in await db.Members.Where(m => m.CellId == data.CellOne.Id).Select(m => m.Id).ToListAsync(Ct))
            {
                var assigned = await commune.SubmitAsync(tasks, "assign",
                    ("Assignment.MemberId", id.ToString(CultureInfo.InvariantCulture)), ("Assignment.Title", "Tuyên truyền, vận động hộ gia đình"),
                    ("Assignment.AssignedOn", "2026-01-15"), ("Assignment.DueOn", "2026-12-15"));
                assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }
        }

        (_, html) = await commune.HtmlAsync(tasks);
        html.ShouldContain("100,00 %");
        html.ShouldContain("(5/5)");
        html.ShouldNotContain("chưa được phân công nhiệm vụ năm 2026");
        await PageAgreesWithApiAsync(commune, data.CellOne.Code, 2026);

        // The member's year: a result, the programme and commitment (a second one without the version is refused).
        var member = $"/chi-bo/{data.CellOne.Code}/nhiem-vu/{data.An.Id}?year=2026";
        long taskId;
        await using (var db = database.Context())
        {
            taskId = await db.MemberTasks.Where(t => t.MemberId == data.An.Id).Select(t => t.Id).SingleAsync(Ct);
        }

        (await commune.SubmitAsync(member, "result", ("taskId", taskId.ToString(CultureInfo.InvariantCulture)), ("version", "0"),
            ("result", "Vận động 12 hộ tham gia hiến đất làm đường"), ("completed", "true"), ("resultOn", "2026-06-20"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await commune.SubmitAsync(member, "commitment", ("actionProgramme", "Gương mẫu thực hiện nghị quyết của chi bộ"),
            ("commitment", "Cam kết tu dưỡng, rèn luyện, không vi phạm những điều đảng viên không được làm"), ("submittedOn", "2026-01-20"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await commune.PostAsync(new Uri($"/chi-bo/{data.CellOne.Code}/nhiem-vu/{data.An.Id}?year=2026&handler=commitment", UriKind.Relative),
            new FormUrlEncodedContent([KeyValuePair.Create("actionProgramme", "Khác"), KeyValuePair.Create("commitment", "Khác"), KeyValuePair.Create("submittedOn", "2026-02-01"),
                KeyValuePair.Create("__RequestVerificationToken", await TokenAsync(commune, member))]), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("Đảng viên đã có bản cam kết năm 2026");
        (status, html) = await commune.HtmlAsync(member);
        html.ShouldContain("Vận động 12 hộ tham gia hiến đất làm đường");
        html.ShouldContain("Hoàn thành");
        html.ShouldContain("Nộp ngày 20/01/2026");
        html.ShouldContain("không thuộc diện lấy nhận xét nơi cư trú");

        // A working member (enterprise cell): the residence cell's confirmation.
        var hoa = $"/chi-bo/{data.EnterpriseCell.Code}/nhiem-vu/{data.Hoa.Id}?year=2026";
        (_, html) = await commune.HtmlAsync(hoa);
        html.ShouldContain("Chưa có nhận xét của nơi cư trú năm 2026.");
        (await commune.SubmitAsync(hoa, "residence", ("confirmedBy", "Chi bộ ấp Long Hòa, xã Mỹ Hòa"), ("confirmedOn", "2026-06-15"), ("note", "Gương mẫu nơi cư trú")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (_, html) = await commune.HtmlAsync($"/chi-bo/{data.EnterpriseCell.Code}/nhiem-vu?year=2026");
        html.ShouldContain("Ngày 15/06/2026");
        html.ShouldContain("<b class=\"num\">1/1</b><span>Đảng viên đang công tác có nhận xét nơi cư trú</span>");
    }
}
