using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Fees;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Meetings;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Tests.Members;

/// <summary>Miễn sinh hoạt, xóa tên, cho ra khỏi Đảng, từ trần and the suggestions for xóa tên, through HTTP.</summary>
public sealed class MemberLifeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> FieldOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return ((JsonElement)JsonSerializer.Deserialize<ProblemDetails>(body, JsonSerializerOptions.Web)!.Extensions["field"]!).GetString()!;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Exemption_HasGroundAndReviewDate_AndIsListedWhenTheReviewIsDue(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Hồ Văn Ốm", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var old = await w.RegisterAsync(w.CellB1, "Lâm Văn Cao Tuổi", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");

        (await FieldOfAsync(await cell.PostAsJsonAsync($"/api/members/{m.Id}/exemption", new
        {
            version = m.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "3-NQ/CB", ground = ExemptionGround.Health,
        }, Ct))).ShouldBe("ReviewOn");
        (await FieldOfAsync(await cell.PostAsJsonAsync($"/api/members/{m.Id}/exemption", new
        {
            version = m.Version, date = new DateOnly(2025, 6, 1), ground = ExemptionGround.Health, reviewOn = new DateOnly(2025, 12, 1),
        }, Ct))).ShouldBe("DecisionNumber");
        (await FieldOfAsync(await cell.PostAsJsonAsync($"/api/members/{m.Id}/exemption", new
        {
            version = m.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "3-NQ/CB",
        }, Ct))).ShouldBe("Ground");

        var done = await OkJsonAsync(await cell.PostAsJsonAsync($"/api/members/{m.Id}/exemption", new
        {
            version = m.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "3-NQ/CB", reason = "Điều trị dài ngày",
            ground = ExemptionGround.Health, reviewOn = new DateOnly(2025, 7, 15),
        }, Ct));
        (done.GetProperty("status").GetString(), done.GetProperty("exemptionGround").GetString()).ShouldBe(("exempted", "health"));

        // Out of the cell committee's subtree: not found.
        (await cell.PostAsJsonAsync($"/api/members/{old.Id}/exemption", new
        {
            version = old.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "1", ground = ExemptionGround.Age,
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The cell decides an exemption: the province board writes members but is not the cell.
        using var board = await app.SignedInAsync("province-board", "AG");
        var byBoard = await board.PostAsJsonAsync($"/api/members/{old.Id}/exemption", new
        {
            version = old.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "2-NQ/CB", ground = ExemptionGround.Age,
        }, Ct);
        byBoard.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await byBoard.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("Chi bộ cơ sở B1");
        using var cellB1 = await app.SignedInAsync("cell-committee", "AG.02.01");
        await OkJsonAsync(await cellB1.PostAsJsonAsync($"/api/members/{old.Id}/exemption", new
        {
            version = old.Version, date = new DateOnly(2025, 6, 1), decisionNumber = "2-NQ/CB", ground = ExemptionGround.Age,
        }, Ct));

        // Due by 31/07: the health exemption (15/07), not the age one without a review date.
        var due = await OkJsonAsync(await board.GetAsync("/api/members/exemptions/due?org=AG&by=2025-07-31", Ct));
        due.EnumerateArray().Select(d => d.GetProperty("memberId").GetInt32()).ShouldBe([m.Id]);
        due[0].GetProperty("exemptedOn").GetString().ShouldBe("2025-06-01");
        (await OkJsonAsync(await board.GetAsync("/api/members/exemptions/due?org=AG", Ct))).GetArrayLength().ShouldBe(1); // by default 30 days ahead: 30/07
        (await OkJsonAsync(await board.GetAsync("/api/members/exemptions/due?org=AG&by=2025-07-14", Ct))).GetArrayLength().ShouldBe(0);
        var page = WebUtility.HtmlDecode(await board.GetStringAsync("/mien-sinh-hoat?org=AG&by=2025-07-31", Ct));
        page.ShouldContain("Hồ Văn Ốm");
        page.ShouldContain("Sức khỏe yếu");
        page.ShouldContain("15/07/2025");

        var timeline = (await OkJsonAsync(await board.GetAsync($"/api/members/{m.Id}", Ct))).GetProperty("timeline").EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() == "exempted");
        (timeline.GetProperty("decisionNumber").GetString(), timeline.GetProperty("decidedBy").GetString(), timeline.GetProperty("details").GetString())
            .ShouldBe(("3-NQ/CB", "Chi bộ thôn 1", "Lý do: Sức khỏe yếu · Xem xét lại: 15/07/2025"));

        var ended = await OkJsonAsync(await cell.PostAsJsonAsync($"/api/members/{m.Id}/exemption/end", new
        {
            version = done.GetProperty("version").GetInt32(), date = new DateOnly(2025, 6, 20), decisionNumber = "4-NQ/CB",
        }, Ct));
        (ended.GetProperty("status").GetString(), ended.TryGetProperty("exemptionReviewOn", out var r) && r.ValueKind == JsonValueKind.Null).ShouldBe(("official", true));
        (await OkJsonAsync(await board.GetAsync("/api/members/exemptions/due?org=AG&by=2025-07-31", Ct))).GetArrayLength().ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StrikeOff_Removal_Death_RecordDecisionAndLevel_AndLeaveTheCounts(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var a = await w.RegisterAsync(w.Cell1, "Mai Văn Xóa", new DateOnly(2014, 3, 1), new DateOnly(2015, 3, 1));
        var b = await w.RegisterAsync(w.Cell1, "Mai Văn Ra", new DateOnly(2014, 3, 1), new DateOnly(2015, 3, 1));
        var c = await w.RegisterAsync(w.Cell2, "Mai Văn Mất", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var commune = await app.SignedInAsync("superior-committee", "AG.01");
        using var cell2 = await app.SignedInAsync("cell-committee", "AG.01.01.02");

        // Xóa tên and cho ra khỏi Đảng are the competent committee's (the commune above the base committee); a level typed in is not read.
        await OkJsonAsync(await commune.PostAsJsonAsync($"/api/members/{a.Id}/strike-off", new
        {
            version = a.Version, date = new DateOnly(2025, 4, 2), decisionNumber = "15-QĐ/ĐU", level = "Trung ương", reason = "Bỏ sinh hoạt 3 tháng",
        }, Ct));
        await OkJsonAsync(await commune.PostAsJsonAsync($"/api/members/{b.Id}/removal", new
        {
            version = b.Version, date = new DateOnly(2025, 4, 3), decisionNumber = "16-QĐ/ĐU", reason = "Xin ra khỏi Đảng",
        }, Ct));
        (await FieldOfAsync(await commune.PostAsJsonAsync($"/api/members/{c.Id}/removal", new { version = c.Version, date = new DateOnly(2025, 4, 3) }, Ct)))
            .ShouldBe("DecisionNumber");
        await OkJsonAsync(await cell2.PostAsJsonAsync($"/api/members/{c.Id}/death", new { version = c.Version, date = new DateOnly(2025, 4, 4) }, Ct));

        var moves = await w.MovementsIn(w.BaseA1, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        (moves.Counts["struckOff"], moves.Counts["removed"], moves.Counts["died"]).ShouldBe((1, 1, 1));
        (await w.CountAsOf(w.Root, new DateOnly(2025, 6, 30))).ShouldBe(0);
        await using var db = w.Db();
        var e = db.MemberEvents.Single(x => x.MemberId == a.Id && x.Kind == MemberEventKind.StruckOff);
        (e.DecisionNumber, e.DecidedBy, e.Reason).ShouldBe(("15-QĐ/ĐU", "Ban Thường vụ Đảng ủy xã A", "Bỏ sinh hoạt 3 tháng"));
        db.MemberEvents.Single(x => x.MemberId == c.Id && x.Kind == MemberEventKind.Died).DecidedBy.ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StrikeOffForm_OnTheMemberPage_RecordsTheDecision(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Quách Văn Biểu", new DateOnly(2014, 3, 1), new DateOnly(2015, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var client = await app.SignedInAsync("superior-committee", "AG.01");

        // The base committee is told who decides, and is shown no form.
        using var baseCommittee = await app.SignedInAsync("base-committee", "AG.01.01");
        var notHere = WebUtility.HtmlDecode(await baseCommittee.GetStringAsync($"/dang-vien/{m.Id}/quyet-dinh/xoa-ten", Ct));
        notHere.ShouldContain("Xóa tên trong danh sách đảng viên do Ban Thường vụ Đảng ủy xã A quyết định");
        notHere.ShouldNotContain("Ghi quyết định");

        (await client.GetStringAsync($"/dang-vien/{m.Id}", Ct)).ShouldContain($"href=\"/dang-vien/{m.Id}/quyet-dinh/xoa-ten\"");
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/dang-vien/{m.Id}/quyet-dinh/xoa-ten?reason=B%E1%BB%8F%20sinh%20ho%E1%BA%A1t", Ct));
        form.ShouldContain("Xóa tên trong danh sách đảng viên");
        form.ShouldContain("Cấp quyết định: Ban Thường vụ Đảng ủy xã A");
        form.ShouldContain("Bỏ sinh hoạt");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync($"/dang-vien/{m.Id}/quyet-dinh/xoa-ten", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Version"] = m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date"] = "2025-06-03", ["Input.DecisionNumber"] = "21-QĐ/ĐU", ["Input.Reason"] = "Bỏ sinh hoạt",
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/dang-vien/{m.Id}");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/dang-vien/{m.Id}", Ct));
        page.ShouldContain("Quyết định số 21-QĐ/ĐU");
        page.ShouldContain("của Ban Thường vụ Đảng ủy xã A");
        page.ShouldContain("03/06/2025");

        (await client.GetAsync($"/dang-vien/{m.Id}/quyet-dinh/khong-co", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suggestions_ListThreeMonthsOfUnexcusedAbsence_AndThreeUnpaidMonths_WithTheMonths(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await MeetingWorld.BuildAsync(database, cells: 1, membersPerCell: 4);
        var cell = world.Cells[0];
        var (absent, twice, unpaid, good) = (world.Members[cell.Id][0], world.Members[cell.Id][1], world.Members[cell.Id][2], world.Members[cell.Id][3]);
        var clock = TestClock.On(new DateOnly(2025, 6, 30));
        await using (var db = database.Context())
        {
            var meetings = new MeetingCommands(db, clock);
            for (var month = 1; month <= 5; month++)
            {
                var absences = new Dictionary<int, Presence>();
                if (month is 1 or 2 or 4)
                {
                    absences[absent.Id] = Presence.Unexcused;
                }

                if (month is 2 or 3)
                {
                    absences[twice.Id] = Presence.Unexcused;
                }

                if (month == 5)
                {
                    absences[absent.Id] = Presence.Excused;
                }

                await world.HoldAsync(meetings, cell, new DateOnly(2025, month, 10), MeetingKind.Regular, absences, Ct);
            }

            foreach (var member in new[] { absent, twice, unpaid, good })
            {
                for (var month = 1; month <= 5; month++)
                {
                    if (member == unpaid && month is 2 or 3 or 5)
                    {
                        continue;
                    }

                    await FeeLedger.RecordAsync(db, clock, "test", new FeePaymentInput(member.Id, 2025, month, FeeGroup.Insured, 6_000_000, new DateOnly(2025, month, 15)), Ct);
                }
            }
        }

        await using var app = new ChiBoApp(database, clock);
        using var client = await app.SignedInAsync("cell-committee", cell.Code);
        var json = await OkJsonAsync(await client.GetAsync($"/api/members/strike-off-suggestions?org={cell.Code}&year=2025", Ct));
        json.GetProperty("through").GetInt32().ShouldBe(5);
        var rows = json.GetProperty("members").EnumerateArray().ToDictionary(r => r.GetProperty("memberId").GetInt32());
        rows.Keys.Order().ShouldBe(new[] { absent.Id, unpaid.Id }.Order());
        rows[absent.Id].GetProperty("absentMonths").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([1, 2, 4]);
        rows[absent.Id].GetProperty("reasons").EnumerateArray().Select(x => x.GetString()).ShouldBe(["unexcusedAbsence"]);
        rows[unpaid.Id].GetProperty("unpaidMonths").EnumerateArray().Select(x => x.GetInt32()).ShouldBe([2, 3, 5]);
        rows[unpaid.Id].GetProperty("reasons").EnumerateArray().Select(x => x.GetString()).ShouldBe(["unpaidFees"]);

        // Up to April only two fee months are missing, and the absences still count three.
        var april = await OkJsonAsync(await client.GetAsync($"/api/members/strike-off-suggestions?org={cell.Code}&year=2025&through=4", Ct));
        april.GetProperty("members").EnumerateArray().Select(r => r.GetProperty("memberId").GetInt32()).ShouldBe([absent.Id]);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/de-nghi-xoa-ten?org={cell.Code}&year=2025", Ct));
        page.ShouldContain(absent.FullName);
        page.ShouldContain("3 tháng: 01/2025, 02/2025, 04/2025");
        page.ShouldContain("3 tháng: 02/2025, 03/2025, 05/2025");
        page.ShouldNotContain(twice.FullName + "<");
        page.ShouldContain($"/dang-vien/{absent.Id}/quyet-dinh/xoa-ten?reason=");
    }
}
