using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Meetings;
using ChiBo.Portal;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Portal;

/// <summary>The member handbook (/so-tay) through HTTP on both databases: own data only, check-in rules, tasks, fees, corrections, documents, notices.</summary>
public sealed partial class PortalPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Posts a form the way the browser does: the anti-forgery token read from the page that shows it.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(client, pageUrl);
        var token = TokenPattern().Match(html);
        token.Success.ShouldBeTrue($"{pageUrl} shows no form with an anti-forgery token");
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, Ct);
    }

    private static async Task<(PortalWorld World, ChiBoApp App, HttpClient An)> StartAsync(string provider)
    {
        var world = await PortalWorld.CreateAsync(provider);
        var app = new ChiBoApp(world.Database, world.Clock);
        var an = await app.SignedInAsync("member", world.Data.CellOne.Code, world.Data.An.Id);
        return (world, app, an);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Home_ShowsNextMeeting_Tasks_Fees_OfTheMemberOnly(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;

        var (status, html) = await GetAsync(an, "/so-tay");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Đồng chí Nguyễn Văn An");
        html.ShouldContain("Chi bộ ấp Một");
        html.ShouldContain("21 năm tuổi đảng");
        html.ShouldContain("Thứ Ba, 30/06/2026");
        html.ShouldContain("hôm nay");
        html.ShouldContain("Sinh hoạt chi bộ thường kỳ tháng 6/2026");
        html.ShouldContain("Điểm danh");
        html.ShouldContain("<b>12-NQ/CB</b> Nghị quyết về xây dựng nông thôn mới nâng cao"); // to study at the thematic meeting
        html.ShouldContain("cho buổi 15/07/2026");
        html.ShouldContain("Tổng vệ sinh ấp Một");
        html.ShouldNotContain("Họp chi bộ ấp Hai"); // another cell's notice
        html.ShouldContain("Không có hồ sơ thủ tục đang xử lý.");
        html.ShouldNotContain("thông báo chưa đọc");
        html.ShouldContain("Vận động hộ dân hiến đất làm đường");
        html.ShouldContain("quá hạn 15 ngày");
        html.ShouldContain("Đã nộp <b>4</b> tháng (320.000 đ)");
        html.ShouldNotContain("Phụ trách Chi đoàn ấp Một"); // Bình's task
        html.ShouldNotContain("Sinh hoạt chi bộ ấp Hai"); // another cell's meeting
        html.ShouldContain("rel=\"manifest\" href=\"/manifest.webmanifest\"");
        html.ShouldContain("/js/portal.js");
        html.ShouldNotContain("<script>"); // no inline script: the CSP forbids it
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_IsTheMembersOwn_AndAnotherMembersRecordIsOutOfReach(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var d = world.Data;

        var (status, html) = await GetAsync(an, "/so-tay/ho-so");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Nguyễn Văn An");
        html.ShouldContain("01/05/1980");
        html.ShouldContain("01/03/2005");
        html.ShouldContain("01/03/2006");
        html.ShouldContain("21 năm");
        html.ShouldContain(d.An.PartyCardNumber!);
        html.ShouldNotContain("Đặng Thị Bình");
        html.ShouldNotContain(d.An.Cccd!); // the handbook shows no sensitive field

        // The handbook's pages take no member id; the register's pages and API are not a member's.
        using (var page = await an.GetAsync(new Uri($"/dang-vien/{d.Binh.Id}", UriKind.Relative), Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            page.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");
        }

        (await an.GetAsync(new Uri($"/api/members/{d.Binh.Id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(an, $"/so-tay/ho-so?id={d.Binh.Id}")).Html.ShouldNotContain("Đặng Thị Bình");

        // Bình, signed in, sees Bình.
        using var binh = await app.SignedInAsync("member", d.CellOne.Code, d.Binh.Id);
        var (_, hers) = await GetAsync(binh, "/so-tay/ho-so");
        hers.ShouldContain("Đặng Thị Bình");
        hers.ShouldContain("Đang dự bị");
        hers.ShouldNotContain("Nguyễn Văn An");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherCellsMeeting_IsNotFound_ForReadingAndForCheckIn(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var other = world.OtherCellsMeeting.Id;

        var (status, html) = await GetAsync(an, $"/so-tay/sinh-hoat/{other}");
        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Không tìm thấy buổi sinh hoạt");
        html.ShouldNotContain("ấp Hai");
        (await GetAsync(an, "/so-tay/sinh-hoat/987654")).Status.ShouldBe(HttpStatusCode.NotFound);

        using var post = await PostFormAsync(an, "/so-tay/nhiem-vu", $"/so-tay/sinh-hoat/{other}?handler=CheckIn");
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = world.Database.Context();
        (await db.MeetingAttendances.CountAsync(a => a.MeetingId == other, Ct)).ShouldBe(0);

        // Own cell's meetings, past and coming, are readable.
        (await GetAsync(an, $"/so-tay/sinh-hoat/{world.Held.Id}")).Html.ShouldContain("Ra quân làm đường giao thông nông thôn.");
        var (_, upcoming) = await GetAsync(an, "/so-tay/sinh-hoat");
        upcoming.ShouldContain("Sinh hoạt chi bộ thường kỳ tháng 6/2026");
        upcoming.ShouldContain("Chuyên đề: học tập và làm theo tư tưởng");
        upcoming.ShouldNotContain("ấp Hai");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CheckIn_OnlyOnTheMeetingsDay_CountsInTheHistory_AndTheSecretaryHasTheLastWord(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var today = world.TodaysMeeting.Id;
        var later = world.Thematic.Id;

        // Not yet the day of the thematic meeting: refused with the reason.
        using (var early = await PostFormAsync(an, "/so-tay/nhiem-vu", $"/so-tay/sinh-hoat/{later}?handler=CheckIn"))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await early.Content.ReadAsStringAsync(Ct)).ShouldContain("Chỉ tự điểm danh được trong ngày họp (15/07/2026)");
        }

        var (_, before) = await GetAsync(an, "/so-tay/sinh-hoat/lich-su");
        before.ShouldContain("data-rate>100 %<"); // May: present at the one meeting

        using (var ok = await PostFormAsync(an, $"/so-tay/sinh-hoat/{today}", $"/so-tay/sinh-hoat/{today}?handler=CheckIn"))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            ok.Headers.Location!.ToString().ShouldBe($"/so-tay/sinh-hoat/{today}?daDiemDanh=true");
        }

        var (_, page) = await GetAsync(an, $"/so-tay/sinh-hoat/{today}?daDiemDanh=true");
        page.ShouldContain("Đã ghi nhận: đồng chí có mặt.");
        page.ShouldContain("data-presence=\"Present\"");
        await using (var db = world.Database.Context())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == today, Ct);
            (meeting.PresentCount, meeting.ExcusedCount, meeting.UnexcusedCount).ShouldBe((1, 0, 0));
            meeting.Version.ShouldBe(world.TodaysMeeting.Version + 1);
            (await db.MeetingAttendances.SingleAsync(a => a.MeetingId == today, Ct)).MemberId.ShouldBe(world.Data.An.Id);
            (await db.AuditEntries.CountAsync(e => e.EntityType == nameof(MeetingAttendance) && e.MemberId == world.Data.An.Id && e.Action == "insert", Ct))
                .ShouldBeGreaterThanOrEqualTo(2); // May's roll call and today's check-in
        }

        // A second check-in changes nothing.
        using (var again = await PostFormAsync(an, "/so-tay/nhiem-vu", $"/so-tay/sinh-hoat/{today}?handler=CheckIn"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var (_, history) = await GetAsync(an, "/so-tay/sinh-hoat/lich-su?nam=2026");
        history.ShouldContain("Sinh hoạt chi bộ thường kỳ tháng 6/2026");
        history.ShouldContain("data-rate>100 %<");

        // The secretary's roll call replaces every line: An was in fact absent with a reason.
        await using (var db = world.Database.Context())
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == today, Ct);
            await new MeetingCommands(db, world.Clock).RecordAttendanceAsync(today, meeting.Version,
                [new(world.Data.An.Id, Presence.Excused, "Ốm"), new(world.Data.Binh.Id, Presence.Present)], Ct);
        }

        var (_, corrected) = await GetAsync(an, "/so-tay/sinh-hoat/lich-su?nam=2026");
        corrected.ShouldContain("data-rate>50 %<");
        corrected.ShouldContain("Vắng có lý do");
        corrected.ShouldContain("Ốm");

        // Once the meeting is recorded as held, check-in is closed.
        await using (var db = world.Database.Context())
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == today, Ct);
            await new MeetingCommands(db, world.Clock).HoldAsync(today, meeting.Version, "Biên bản.", null, Ct);
        }

        using var closed = await PostFormAsync(an, "/so-tay/nhiem-vu", $"/so-tay/sinh-hoat/{today}?handler=CheckIn");
        closed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await closed.Content.ReadAsStringAsync(Ct)).ShouldContain("chi ủy đã chốt điểm danh");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tasks_MemberReportsTheResultOfOwnTasksOnly(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var task = world.OpenTask;

        var (_, html) = await GetAsync(an, "/so-tay/nhiem-vu");
        html.ShouldContain("Theo dõi, giúp đỡ quần chúng ưu tú Trần Văn Bảy");
        html.ShouldContain("hạn 30/09/2026");
        html.ShouldNotContain("Phụ trách Chi đoàn ấp Một");

        using (var ok = await PostFormAsync(an, "/so-tay/nhiem-vu", "/so-tay/nhiem-vu?handler=Result",
                   ("taskId", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", "0"),
                   ("result", "Đã giúp đỡ, quần chúng được chi bộ đề nghị kết nạp."), ("completed", "true")))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using (var db = world.Database.Context())
        {
            var saved = await db.MemberTasks.SingleAsync(t => t.Id == task.Id, Ct);
            saved.Status.ShouldBe(MemberTaskStatus.Completed);
            saved.Result.ShouldBe("Đã giúp đỡ, quần chúng được chi bộ đề nghị kết nạp.");
            saved.ResultOn.ShouldBe(PortalWorld.Today);
        }

        // Stale version: the page says so instead of overwriting.
        using (var stale = await PostFormAsync(an, "/so-tay/nhiem-vu", "/so-tay/nhiem-vu?handler=Result",
                   ("taskId", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", "0"), ("result", "Khác"), ("completed", "true")))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("đã được người khác cập nhật");
        }

        // Bình's task is not An's to report.
        using var foreign = await PostFormAsync(an, "/so-tay/nhiem-vu", "/so-tay/nhiem-vu?handler=Result",
            ("taskId", world.BinhsTask.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("version", "0"), ("result", "Xong"), ("completed", "true"));
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var check = world.Database.Context();
        (await check.MemberTasks.SingleAsync(t => t.Id == world.BinhsTask.Id, Ct)).Result.ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fees_ShowMonthsPaidAndUnpaid_WithTheAmountFromFeePolicy(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;

        var (status, html) = await GetAsync(an, "/so-tay/dang-phi");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Đảng phí năm 2026");
        html.ShouldContain("data-monthly>80.000 đ<"); // 1 % of 8.000.000 đ
        html.ShouldContain("data-unpaid>1<");
        html.ShouldContain("data-month=\"4\" data-state=\"Paid\"");
        html.ShouldContain("80.000 đ · 05/04/2026");
        html.ShouldContain("data-month=\"5\" data-state=\"Unpaid\"");
        html.ShouldContain("data-month=\"6\" data-state=\"Due\"");
        html.ShouldContain("data-month=\"7\" data-state=\"Future\"");

        // Bình has paid nothing: no amount is invented for her.
        using var binh = await app.SignedInAsync("member", world.Data.CellOne.Code, world.Data.Binh.Id);
        var (_, hers) = await GetAsync(binh, "/so-tay/dang-phi");
        hers.ShouldContain("chưa xác định mức đóng");
        hers.ShouldContain("data-unpaid>5<");
        hers.ShouldContain("Điều lệ Đảng");
    }

    [Fact]
    public void FeeGroups_AreNamedInTheHandbookAsOnTheFeesPage_EachWithThePolicysRule()
    {
        // The handbook once had its own copy, which lacked the long-term allowance group and showed
        // those members "Không có thu nhập thường xuyên từ lương".
        var labels = Enum.GetValues<ChiBo.Fees.FeeGroup>().Select(g => (g, Label: ChiBo.Web.Pages.Portal.HandbookLabels.Of(g))).ToList();
        foreach (var (group, label) in labels)
        {
            label.ShouldBe($"{ChiBo.Web.Fees.FeeNames.Of(group)} ({ChiBo.Web.Fees.FeeNames.RuleOf(group)})");
        }

        labels.Select(l => l.Label).Distinct().Count().ShouldBe(labels.Count);
        ChiBo.Web.Pages.Portal.HandbookLabels.Of(ChiBo.Fees.FeeGroup.LongTermAllowance).ShouldStartWith("Hưởng trợ cấp BHXH hằng tháng");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CorrectionRequest_IsTheCorrectionProcedure_SeenByTheCommittee_AndAppliedToTheRecord(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var d = world.Data;

        var (_, record) = await GetAsync(an, "/so-tay/ho-so");
        record.ShouldContain("href=\"/thu-tuc?loai=correction#correction\"");
        record.ShouldContain("Đồng chí chưa gửi đề nghị đính chính nào.");

        // The procedure form opens inside the handbook's layout for a member.
        var (formStatus, form) = await GetAsync(an, "/thu-tuc?loai=correction");
        formStatus.ShouldBe(HttpStatusCode.OK);
        form.ShouldContain("/css/portal.css");
        form.ShouldContain("<nav class=\"tabs\"");
        form.ShouldContain("<details class=\"start\" id=\"correction\" open");
        form.ShouldContain("01/05/1980");

        string url;
        using (var filed = await PostFormAsync(an, "/thu-tuc", "/thu-tuc?handler=Start",
                   ("Form.Kind", "Correction"), ("Form.Fields", "birthDate"), ("Form.Values", "10/05/1980"), ("Form.Reason", "Theo giấy khai sinh")))
        {
            filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            url = filed.Headers.Location!.ToString();
        }

        var id = url["/thu-tuc/".Length..];
        var (_, mine) = await GetAsync(an, "/so-tay/ho-so");
        mine.ShouldContain($"href=\"/thu-tuc/{id}\">Hồ sơ số {id}</a>");
        mine.ShouldContain("Đang xử lý");
        mine.ShouldContain("chờ Chi bộ xác nhận nội dung đề nghị đính chính");
        var (_, home) = await GetAsync(an, "/so-tay");
        home.ShouldContain($"<a href=\"/thu-tuc/{id}\">Đề nghị đính chính thông tin</a>");
        var (_, own) = await GetAsync(an, url);
        own.ShouldContain("/css/portal.css"); // the member's own request, in the handbook

        // The cell committee sees the pending procedure on the member's page and approves it; the base decides.
        using var secretary = await app.SignedInAsync("cell-committee", d.CellOne.Code);
        var (_, staff) = await GetAsync(secretary, $"/dang-vien/{d.An.Id}");
        staff.ShouldContain("Thủ tục đang xử lý (1)");
        staff.ShouldContain($"<a href=\"/thu-tuc/{id}\">Hồ sơ số {id} — Đề nghị đính chính thông tin</a>");
        var (_, staffView) = await GetAsync(secretary, url);
        staffView.ShouldNotContain("/css/portal.css");
        using (var approved = await PostFormAsync(secretary, url, url + "?handler=Approve", ("Version", "1"), ("Comment", "Đúng giấy khai sinh")))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var baseCommittee = await app.SignedInAsync("base-committee", d.BaseCommittee.Code);
        using (var decided = await PostFormAsync(baseCommittee, url, url + "?handler=Approve", ("Version", "2")))
        {
            decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using (var db = world.Database.Context())
        {
            (await db.Members.AsNoTracking().SingleAsync(m => m.Id == d.An.Id, Ct)).BirthDate.ShouldBe(new DateOnly(1980, 5, 10));
        }

        var (_, after) = await GetAsync(an, "/so-tay/ho-so");
        after.ShouldContain("<dt>Ngày sinh</dt><dd>10/05/1980</dd>");
        after.ShouldContain("Hoàn thành");
        var (_, homeAfter) = await GetAsync(an, "/so-tay");
        homeAfter.ShouldContain("Không có hồ sơ thủ tục đang xử lý.");
        homeAfter.ShouldContain("thông báo chưa đọc</a>"); // the steps were notified to the member
        (await GetAsync(secretary, $"/dang-vien/{d.An.Id}")).Html.ShouldNotContain("Thủ tục đang xử lý");

        // Another cell's committee does not see An at all.
        using var otherSecretary = await app.SignedInAsync("cell-committee", d.CellTwo.Code);
        (await GetAsync(otherSecretary, $"/dang-vien/{d.An.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Documents_AreConfirmedStudied_AndNoticesAreTheCellChainsOnly(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;
        var d = world.Data;
        var doc = world.Resolution.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (status, list) = await GetAsync(an, "/so-tay/tai-lieu");
        status.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("12-NQ/CB");
        list.ShouldContain("Nghị quyết ban hành ngày 01/06/2026");
        list.ShouldContain($"<a href=\"/so-tay/sinh-hoat/{world.Thematic.Id}\">");

        using (var unknown = await PostFormAsync(an, "/so-tay/tai-lieu", "/so-tay/tai-lieu?handler=Studied", ("documentId", "999999")))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var studied = await PostFormAsync(an, "/so-tay/tai-lieu", "/so-tay/tai-lieu?handler=Studied", ("documentId", doc)))
        {
            studied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            studied.Headers.Location!.ToString().ShouldBe($"/so-tay/tai-lieu?da-hoc={doc}");
        }

        var (_, after) = await GetAsync(an, $"/so-tay/tai-lieu?da-hoc={doc}");
        after.ShouldContain("Đã ghi nhận đồng chí học tập văn bản.");
        after.ShouldContain("Không có tài liệu nào chờ đồng chí học tập.");
        await using (var db = world.Database.Context())
        {
            var study = await db.DocumentStudies.AsNoTracking().SingleAsync(s => s.DocumentId == world.Resolution.Id, Ct);
            study.MemberId.ShouldBe(d.An.Id);
            study.StudiedOn.ShouldBe(PortalWorld.Today);
        }

        // Bình has still to study it.
        using var binh = await app.SignedInAsync("member", d.CellOne.Code, d.Binh.Id);
        (await GetAsync(binh, "/so-tay/tai-lieu")).Html.ShouldContain("12-NQ/CB");

        var (noticeStatus, notices) = await GetAsync(an, "/so-tay/thong-bao");
        noticeStatus.ShouldBe(HttpStatusCode.OK);
        notices.ShouldContain("Tổng vệ sinh ấp Một");
        notices.ShouldContain("Sáng Chủ nhật, 05/07/2026.");
        notices.ShouldNotContain("Họp chi bộ ấp Hai");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AccountWithoutAMemberRecord_FindsNoHandbook_AndStaffAreNotLetIn(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;

        using var unbound = await app.SignedInAsync("member", world.Data.CellOne.Code);
        var (status, html) = await GetAsync(unbound, "/so-tay");
        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("chưa được gắn với hồ sơ đảng viên");

        using var staff = await app.SignedInAsync("cell-committee", world.Data.CellOne.Code);
        using var denied = await staff.GetAsync(new Uri("/so-tay/ho-so", UriKind.Relative), Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");

        // A member landing on "/" goes to the handbook.
        using var root = await an.GetAsync(new Uri("/", UriKind.Relative), Ct);
        root.Headers.Location!.ToString().ShouldBe("/so-tay");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_AreCompressed_Installable_AndSignOutClearsTheSiteData(string provider)
    {
        var (world, app, an) = await StartAsync(provider);
        await using var _ = world;
        await using var __ = app;
        using var ___ = an;

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/so-tay"))
        {
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await an.SendAsync(request, Ct);
            response.Content.Headers.ContentEncoding.ShouldContain("br");
        }

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var manifest = await anonymous.GetAsync(new Uri("/manifest.webmanifest", UriKind.Relative), Ct))
        {
            manifest.StatusCode.ShouldBe(HttpStatusCode.OK);
            manifest.Content.Headers.ContentType!.MediaType.ShouldBe("application/manifest+json");
            var json = System.Text.Json.JsonDocument.Parse(await manifest.Content.ReadAsStringAsync(Ct)).RootElement;
            json.GetProperty("name").GetString().ShouldBe("Sổ tay đảng viên");
            json.GetProperty("start_url").GetString().ShouldBe("/so-tay");
            foreach (var icon in json.GetProperty("icons").EnumerateArray())
            {
                using var png = await anonymous.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative), Ct);
                png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
                var bytes = await png.Content.ReadAsByteArrayAsync(Ct);
                bytes[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
                var size = icon.GetProperty("sizes").GetString()!.Split('x')[0];
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(size);
            }
        }

        using (var sw = await anonymous.GetAsync(new Uri("/sw.js", UriKind.Relative), Ct))
        {
            sw.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
            (await sw.Content.ReadAsStringAsync(Ct)).ShouldContain("/so-tay/ngoai-tuyen.html");
        }

        (await anonymous.GetAsync(new Uri("/so-tay/ngoai-tuyen.html", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var signOut = await PostFormAsync(an, "/so-tay", "/dang-xuat");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.GetValues("Clear-Site-Data").Single().ShouldBe("\"cache\", \"storage\"");
        using var afterwards = await an.GetAsync(new Uri("/so-tay", UriKind.Relative), Ct);
        afterwards.Headers.Location!.ToString().ShouldContain("/dang-nhap");
    }
}
