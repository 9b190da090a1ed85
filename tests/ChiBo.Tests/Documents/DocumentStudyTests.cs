using ChiBo.Documents;
using ChiBo.Meetings;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Documents.Library;

namespace ChiBo.Tests.Documents;

/// <summary>Reading assigned to a cell's meeting, members confirming they studied it, the cell seeing who has not.</summary>
public sealed class DocumentStudyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignedToAMeeting_MembersConfirm_TheCellSeesWhoHasNot(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        var clock = (TestClock)s.App.Clock;
        Meeting meeting;
        await using (var db = s.Database.Context())
        {
            meeting = await new MeetingCommands(db, clock).ScheduleAsync(new MeetingPlan
            {
                CellId = d.CellOne.Id, Date = TestData.Today.AddDays(5), Title = "Sinh hoạt chi bộ tháng 7", Place = "Nhà văn hóa ấp Một",
            }, Ct);
        }

        using var communeA = await s.App.SignedInAsync("superior-committee", d.Commune.Code);
        using var cellOne = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        using var cellTwo = await s.App.SignedInAsync("cell-committee", d.CellTwo.Code);
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        using var binh = await s.App.SignedInAsync("member", d.CellOne.Code, d.Binh.Id);
        var plan = await AddAsync(communeA, TextFile(d.Commune.Code, "05-KH/ĐU", "Kế hoạch học tập Chỉ thị 50-CT/TW", "Các chi bộ quán triệt trong tháng 7.", kind: "plan"));
        var otherCells = await AddAsync(cellTwo, TextFile(d.CellTwo.Code, "02-TB/CB", "Thông báo của Chi bộ ấp Hai", "Chỉ cho ấp Hai."));

        // The cell's committee assigns the commune's plan to its meeting (twice is harmless).
        var (status, assigned) = await SendAsync(cellOne, HttpMethod.Post, $"/api/documents/{plan}/meetings", new { meetingId = meeting.Id });
        status.ShouldBe(200, assigned.ToString());
        (await SendAsync(cellOne, HttpMethod.Post, $"/api/documents/{plan}/meetings", new { meetingId = meeting.Id })).Status.ShouldBe(200);
        var (_, doc) = await GetAsync(an, $"/api/documents/{plan}");
        doc.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ShouldBe([meeting.Id]);

        // A sibling cell's document does not apply to this cell; another cell's committee does not reach this meeting.
        var (refused, problem) = await SendAsync(communeA, HttpMethod.Post, $"/api/documents/{otherCells}/meetings", new { meetingId = meeting.Id });
        refused.ShouldBe(400);
        problem.GetProperty("detail").GetString()!.ShouldContain("không ban hành cho chi bộ này");
        (await SendAsync(cellTwo, HttpMethod.Post, $"/api/documents/{plan}/meetings", new { meetingId = meeting.Id })).Status.ShouldBe(404);

        // Both members have it to study; An confirms; only Bình still has it.
        (await ToStudyAsync(an)).ShouldBe([plan]);
        (await ToStudyAsync(binh)).ShouldBe([plan]);
        var (confirmed, study) = await SendAsync(an, HttpMethod.Post, $"/api/documents/{plan}/studied", new { });
        confirmed.ShouldBe(200, study.ToString());
        study.GetProperty("studiedOn").GetString().ShouldBe("2026-06-30");
        (await ToStudyAsync(an)).ShouldBeEmpty();
        (await ToStudyAsync(binh)).ShouldBe([plan]);
        await using (var db = s.Database.Context())
        {
            (await DocumentQueries.ToStudyForMemberAsync(db, d.Binh.Id, TestData.Today, Ct)).Single().MeetingId.ShouldBe(meeting.Id);
        }

        // The cell sees who has and has not; a member sees only their own line.
        var (_, roll) = await GetAsync(cellOne, $"/api/documents/{plan}/studies");
        roll.GetProperty("due").GetInt32().ShouldBe(2);
        roll.GetProperty("confirmed").GetInt32().ShouldBe(1);
        var lines = roll.GetProperty("members").EnumerateArray()
            .ToDictionary(l => l.GetProperty("fullName").GetString()!, l => l.GetProperty("studiedOn").ValueKind == System.Text.Json.JsonValueKind.Null ? null : l.GetProperty("studiedOn").GetString());
        lines.ShouldBe(new Dictionary<string, string?> { ["Nguyễn Văn An"] = "2026-06-30", ["Đặng Thị Bình"] = null }, ignoreOrder: true);
        var (_, own) = await GetAsync(binh, $"/api/documents/{plan}/studies");
        own.GetProperty("members").EnumerateArray().Select(l => l.GetProperty("fullName").GetString()).ShouldBe(["Đặng Thị Bình"]);
        (await GetAsync(cellTwo, $"/api/documents/{plan}/studies")).Json.GetProperty("due").GetInt32().ShouldBe(0);

        // Confirmations: not for a day ahead, not for what the member cannot see, not from an account without a member record.
        var (future, futureProblem) = await SendAsync(binh, HttpMethod.Post, $"/api/documents/{plan}/studied", new { studiedOn = "2026-07-01" });
        future.ShouldBe(400);
        futureProblem.GetProperty("field").GetString().ShouldBe("StudiedOn");
        (await SendAsync(binh, HttpMethod.Post, $"/api/documents/{otherCells}/studied", new { })).Status.ShouldBe(404);
        (await SendAsync(cellOne, HttpMethod.Post, $"/api/documents/{plan}/studied", new { })).Json.GetProperty("field").GetString().ShouldBe("memberId");

        // Taking it off the meeting takes it off Bình's list.
        (await SendAsync(cellOne, HttpMethod.Delete, $"/api/documents/{plan}/meetings/{meeting.Id}")).Status.ShouldBe(200);
        (await ToStudyAsync(binh)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadingList_KeepsRecentAndUpcomingMeetings_NotCancelledOrOld(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        var clock = (TestClock)s.App.Clock;
        using var cellOne = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        var recent = await AddAsync(cellOne, TextFile(d.CellOne.Code, "1", "Tài liệu tháng 5", "Nội dung một.", issuedOn: "2025-01-01"));
        var old = await AddAsync(cellOne, TextFile(d.CellOne.Code, "2", "Tài liệu tháng 1", "Nội dung hai.", issuedOn: "2025-01-01"));
        var cancelled = await AddAsync(cellOne, TextFile(d.CellOne.Code, "3", "Tài liệu buổi bị hủy", "Nội dung ba.", issuedOn: "2025-01-01"));
        await using var db = s.Database.Context();
        var meetings = new MeetingCommands(db, clock);
        var commands = new DocumentCommands(db, clock, "chibo");
        Meeting Plan(DateOnly day, string title) => meetings.ScheduleAsync(new MeetingPlan { CellId = d.CellOne.Id, Date = day, Title = title, Place = "Ấp Một" }, Ct).Result;
        var may = Plan(new DateOnly(2026, 5, 20), "Tháng 5");
        var january = Plan(new DateOnly(2026, 1, 20), "Tháng 1");
        var july = Plan(new DateOnly(2026, 7, 20), "Tháng 7");
        await commands.AssignToMeetingAsync(recent, may.Id, Ct);
        await commands.AssignToMeetingAsync(old, january.Id, Ct);
        await commands.AssignToMeetingAsync(cancelled, july.Id, Ct);
        await meetings.CancelAsync(july.Id, july.Version, "Trùng lịch bầu cử", Ct);

        var list = await DocumentQueries.ToStudyForMemberAsync(db, d.An.Id, TestData.Today, Ct);
        list.Select(x => (x.DocumentId, x.MeetingId)).ShouldBe([(recent, may.Id)]);
        Should.Throw<RuleViolationException>(() => commands.AssignToMeetingAsync(recent, july.Id, Ct)).Message.ShouldContain("đã hủy");
    }

    private static async Task<long[]> ToStudyAsync(HttpClient member)
    {
        var (status, json) = await GetAsync(member, "/api/documents/to-study");
        status.ShouldBe(200, json.ToString());
        return json.EnumerateArray().Select(x => x.GetProperty("documentId").GetInt64()).ToArray();
    }
}
