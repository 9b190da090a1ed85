using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Meetings;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>/api/meetings: the same commands as the pages, as JSON, with 400 naming the field and 409 for a stale version.</summary>
public sealed class MeetingsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_SchedulesCallsTheRollHoldsAndRates_AndRefusesWithTheField(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        using var chibo = await s.App.SignedInAsync("cell-committee", s.Data.CellOne.Code);
        var cell = s.Data.CellOne;

        var year = await chibo.PostAsJsonAsync("/api/meetings/year", new { cellId = cell.Id, year = 2026, dayOfMonth = 31, place = "Nhà văn hóa ấp Một" }, Ct);
        year.StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await year.Content.ReadFromJsonAsync<JsonElement>(Ct);
        created.GetArrayLength().ShouldBe(12);
        created[1].GetProperty("date").GetString().ShouldBe("2026-02-28");

        var list = await chibo.GetFromJsonAsync<JsonElement>($"/api/meetings/?cell={cell.Code}&year=2026", Ct);
        list.GetArrayLength().ShouldBe(12);
        var january = list[0].GetProperty("id").GetInt64();

        var detail = await chibo.GetFromJsonAsync<JsonElement>($"/api/meetings/{january}", Ct);
        detail.GetProperty("cellCode").GetString().ShouldBe(cell.Code);
        detail.GetProperty("roll").EnumerateArray().Select(l => l.GetProperty("fullName").GetString()).ShouldBe(["Đặng Thị Bình", "Nguyễn Văn An"], ignoreOrder: true);

        // Unexcused absence of Bình; an excused one without reason is refused naming the field.
        var bad = await chibo.PutAsJsonAsync($"/api/meetings/{january}/attendance", new
        {
            version = 0, entries = new object[] { new { memberId = s.Data.An.Id, presence = 1 }, new { memberId = s.Data.Binh.Id, presence = 2 } },
        }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("Reason");

        var roll = await chibo.PutAsJsonAsync($"/api/meetings/{january}/attendance", new
        {
            version = 0, entries = new object[] { new { memberId = s.Data.An.Id, presence = 1 }, new { memberId = s.Data.Binh.Id, presence = 3 } },
        }, Ct);
        roll.StatusCode.ShouldBe(HttpStatusCode.OK);
        var meeting = await roll.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (meeting.GetProperty("presentCount").GetInt32(), meeting.GetProperty("unexcusedCount").GetInt32(), meeting.GetProperty("version").GetInt32()).ShouldBe((1, 1, 1));

        (await chibo.PostAsJsonAsync($"/api/meetings/{january}/hold", new { version = 1, minutes = "Biên bản họp chi bộ tháng 1." }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var criteria = await chibo.GetFromJsonAsync<JsonElement>("/api/meetings/criteria", Ct);
        criteria.GetProperty("source").GetString().ShouldBe(MeetingRules.Default.Quality.Source);
        var scores = criteria.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, _ => 6);
        var rated = await chibo.PostAsJsonAsync($"/api/meetings/{january}/rating", new { version = 2, scores }, Ct);
        rated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var r = await rated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (r.GetProperty("rating").GetInt32(), r.GetProperty("ratingScore").GetDecimal()).ShouldBe(((int)MeetingRating.Average, 60m));

        // A stale version: 409 with the Vietnamese message; an unknown criterion: 400 naming it.
        var stale = await chibo.PostAsJsonAsync($"/api/meetings/{january}/rating", new { version = 2, scores }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("đã được người khác cập nhật");
        var unknown = await chibo.PostAsJsonAsync($"/api/meetings/{january}/rating", new { version = 3, scores = new Dictionary<string, int>(scores) { ["khac"] = 5 } }, Ct);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString().ShouldBe("khac");

        var december = list[11].GetProperty("id").GetInt64();
        (await chibo.PostAsJsonAsync($"/api/meetings/{december}/cancel", new { version = 0, reason = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await chibo.PostAsJsonAsync($"/api/meetings/{december}/cancel", new { version = 0, reason = "Trùng lịch bầu cử" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Tasks, commitment, residence confirmation through the API.
        var task = await chibo.PostAsJsonAsync("/api/meetings/tasks", new { cellId = cell.Id, memberId = s.Data.An.Id, year = 2026, title = "Phụ trách hộ gia đình", assignedOn = "2026-01-10", dueOn = "2026-12-15" }, Ct);
        task.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await task.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        (await chibo.PostAsJsonAsync($"/api/meetings/tasks/{taskId}/result", new { version = 0, result = "Hoàn thành", completed = true, on = "2026-06-01" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chibo.PutAsJsonAsync("/api/meetings/commitments", new
        {
            entry = new { cellId = cell.Id, memberId = s.Data.Binh.Id, year = 2026, actionProgramme = "Học tập nghị quyết", commitment = "Tu dưỡng, rèn luyện", submittedOn = "2026-01-05" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var corrected = await chibo.PutAsJsonAsync("/api/meetings/commitments", new
        {
            version = 0, entry = new { cellId = cell.Id, memberId = s.Data.Binh.Id, year = 2026, actionProgramme = "Học tập và làm theo nghị quyết", commitment = "Tu dưỡng, rèn luyện", submittedOn = "2026-01-05" },
        }, Ct);
        (await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32().ShouldBe(1);
        var residence = await chibo.PutAsJsonAsync("/api/meetings/residence-confirmations", new
        {
            entry = new { cellId = cell.Id, memberId = s.Data.An.Id, year = 2025, confirmedBy = "Chi bộ khu phố 3", confirmedOn = "2026-01-08" },
        }, Ct);
        residence.StatusCode.ShouldBe(HttpStatusCode.OK);

        var year2026 = await chibo.GetFromJsonAsync<JsonElement>($"/api/meetings/tasks?cell={cell.Code}&year=2026", Ct);
        var an = year2026.EnumerateArray().Single(m => m.GetProperty("memberId").GetInt32() == s.Data.An.Id);
        an.GetProperty("assigned").GetBoolean().ShouldBeTrue();
        an.GetProperty("tasks")[0].GetProperty("status").GetInt32().ShouldBe((int)MemberTaskStatus.Completed);
        year2026.EnumerateArray().Single(m => m.GetProperty("memberId").GetInt32() == s.Data.Binh.Id)
            .GetProperty("commitment").GetProperty("actionProgramme").GetString().ShouldBe("Học tập và làm theo nghị quyết");

        // Every write above left its audit line.
        await using var db = s.Database.Context();
        db.AuditEntries.Count(e => e.EntityType == nameof(Meeting)).ShouldBeGreaterThanOrEqualTo(12 + 4);
        db.AuditEntries.Count(e => e.EntityType == nameof(MemberCommitment) || e.EntityType == nameof(ResidenceConfirmation)).ShouldBe(3);
    }
}
