using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Admission;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Reliability;

/// <summary>
/// Two sessions edit the same record at the same moment, 200 times over: one wins, the other gets
/// 409 with the version now stored (or, for a month of fees, the payment recorded first), and no
/// update is lost. The same on both databases: SQLite serializes writers, PostgreSQL lets both
/// read the same version and refuses the second update.
/// </summary>
public sealed class ConcurrentEditsTests
{
    private const int Rounds = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Answer(int Status, JsonElement Json);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameMember_EditedByTwoSessionsAtOnce_OneWinsTheOtherGets409WithTheCurrentVersion(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Hồ Văn Tranh", new DateOnly(2008, 6, 1), new DateOnly(2009, 6, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var (a, b) = (await app.SignedInAsync("cell-committee", w.Cell1.Code), await app.SignedInAsync("cell-committee", w.Cell1.Code));
        var version = m.Version;
        var winners = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Exempt, then end the exemption, and so on: each round is one change of standing.
            var path = round % 2 == 0 ? $"/api/members/{m.Id}/exemption" : $"/api/members/{m.Id}/exemption/end";
            object Body(string who) => new { version, date = new DateOnly(2025, 6, 1), decisionNumber = $"{who}-{round}/NQ-CB", level = "Chi bộ thôn 1", ground = ExemptionGround.Age };
            var (winner, next) = await RaceAsync(() => PostAsync(a, path, Body("A")), () => PostAsync(b, path, Body("B")), version, j => j.GetProperty("version").GetInt32());
            winners.Add($"{winner}-{round}/NQ-CB");
            version = next;
        }

        await using var db = w.Db();
        var member = await db.Members.SingleAsync(x => x.Id == m.Id, Ct);
        member.Version.ShouldBe(m.Version + Rounds);
        member.Status.ShouldBe(MemberStatus.Official);
        var decisions = await db.MemberEvents.Where(e => e.MemberId == m.Id && (e.Kind == MemberEventKind.Exempted || e.Kind == MemberEventKind.ExemptionEnded))
            .OrderBy(e => e.Id).Select(e => e.DecisionNumber!).ToListAsync(Ct);
        decisions.ShouldBe(winners);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameCandidate_ProfileCorrectedByTwoSessionsAtOnce_NoCorrectionIsLost(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        Candidate candidate;
        await using (var db = w.Db())
        {
            candidate = await new AdmissionCommands(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor).NominateAsync(
                new CandidateNomination(w.Profile("Lê Thị Ứng Viên", new DateOnly(1998, 4, 2), Gender.Female), w.Cell1.Id, new DateOnly(2025, 1, 10)), Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        var (a, b) = (await app.SignedInAsync("cell-committee", w.Cell1.Code), await app.SignedInAsync("cell-committee", w.Cell1.Code));
        var profile = AdmissionCommands.ProfileOf(candidate);
        var version = candidate.Version;
        var last = "";
        for (var round = 0; round < Rounds; round++)
        {
            object Body(string who) => new { version, profile = profile with { Residence = $"Thôn {round}, nhà {who}" } };
            var (winner, next) = await RaceAsync(
                () => PostAsync(a, $"/api/admission/candidates/{candidate.Id}/profile", Body("A")),
                () => PostAsync(b, $"/api/admission/candidates/{candidate.Id}/profile", Body("B")),
                version, j => j.GetProperty("version").GetInt32());
            last = $"Thôn {round}, nhà {winner}";
            version = next;
        }

        await using var check = w.Db();
        var stored = await check.Candidates.SingleAsync(c => c.Id == candidate.Id, Ct);
        stored.Version.ShouldBe(candidate.Version + Rounds);
        AdmissionCommands.ProfileOf(stored).Residence.ShouldBe(last);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameMeeting_RollCalledByTwoSessionsAtOnce_TheWinnersRollStands(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var an = await w.RegisterAsync(w.Cell1, "Nguyễn Văn An", new DateOnly(2008, 6, 1), new DateOnly(2009, 6, 1));
        var binh = await w.RegisterAsync(w.Cell1, "Đặng Thị Bình", new DateOnly(2008, 6, 1), new DateOnly(2009, 6, 1), Gender.Female);
        Meeting meeting;
        await using (var db = w.Db())
        {
            meeting = await new MeetingCommands(db, w.Clock).ScheduleAsync(new MeetingPlan { CellId = w.Cell1.Id, Date = new DateOnly(2025, 6, 10), Title = "Sinh hoạt chi bộ tháng 6", Place = "Nhà văn hóa thôn" }, Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        var (a, b) = (await app.SignedInAsync("cell-committee", w.Cell1.Code), await app.SignedInAsync("cell-committee", w.Cell1.Code));
        var version = meeting.Version;
        var present = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // A marks both present; B marks Bình absent without reason.
            object Body(Presence binhPresence) => new
            {
                version, entries = new object[] { new { memberId = an.Id, presence = Presence.Present }, new { memberId = binh.Id, presence = binhPresence } },
            };
            var (winner, next) = await RaceAsync(
                () => PutAsync(a, $"/api/meetings/{meeting.Id}/attendance", Body(Presence.Present)),
                () => PutAsync(b, $"/api/meetings/{meeting.Id}/attendance", Body(Presence.Unexcused)),
                version, j => j.GetProperty("version").GetInt32());
            present = winner == "A" ? 2 : 1;
            version = next;
        }

        await using var check = w.Db();
        var stored = await check.Meetings.SingleAsync(x => x.Id == meeting.Id, Ct);
        (stored.Version, stored.PresentCount, stored.UnexcusedCount).ShouldBe((meeting.Version + Rounds, present, 2 - present));
        (await check.MeetingAttendances.CountAsync(x => x.MeetingId == meeting.Id, Ct)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameFeeMonth_RecordedByTwoSessionsAtOnce_OnePaymentAndTheLoserIsToldWhich(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Phạm Văn Phí", new DateOnly(2008, 6, 1), new DateOnly(2009, 6, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        var (a, b) = (await app.SignedInAsync("cell-committee", w.Cell1.Code), await app.SignedInAsync("cell-committee", w.Cell1.Code));
        var expected = new Dictionary<(int, int), long>();
        for (var round = 0; round < Rounds; round++)
        {
            var month = new DateOnly(2008, 6, 1).AddMonths(round);
            object Body(long basis) => new { memberId = m.Id, year = month.Year, month = month.Month, group = 1, basis, paidOn = month.AddDays(9) };
            var answers = await Task.WhenAll(PostAsync(a, "/api/fees/payments", Body(5_000_000)), PostAsync(b, "/api/fees/payments", Body(7_000_000)));
            answers.Select(x => x.Status).Order().ToArray().ShouldBe(new[] { 200, 409 }, $"round {round}: {answers[0].Json} / {answers[1].Json}");
            var won = answers.Single(x => x.Status == 200).Json;
            var lost = answers.Single(x => x.Status == 409).Json;
            lost.GetProperty("current").GetProperty("paymentId").GetInt64().ShouldBe(won.GetProperty("id").GetInt64());
            lost.GetProperty("detail").GetString()!.ShouldContain($"{month.Month:00}/{month.Year} đã được ghi nhận");
            expected[(month.Year, month.Month)] = won.GetProperty("basis").GetInt64();
        }

        await using var db = w.Db();
        var payments = await db.FeePayments.Where(p => p.MemberId == m.Id).ToListAsync(Ct);
        payments.Count.ShouldBe(Rounds);
        payments.Select(p => (p.Year, p.Month, p.Basis)).OrderBy(p => p).ShouldBe(expected.Select(e => (e.Key.Item1, e.Key.Item2, e.Value)).OrderBy(e => e));
    }

    /// <summary>
    /// Sends both edits at once; exactly one wins, the other is a 409 whose <c>currentVersion</c>
    /// is the winner's new version. Returns "A" or "B" and that version.
    /// </summary>
    private static async Task<(string Winner, int Version)> RaceAsync(Func<Task<Answer>> first, Func<Task<Answer>> second, int version, Func<JsonElement, int> versionOf)
    {
        var answers = await Task.WhenAll(Task.Run(first, Ct), Task.Run(second, Ct));
        answers.Select(x => x.Status).Order().ToArray().ShouldBe(new[] { 200, 409 }, $"version {version}: {answers[0].Json} / {answers[1].Json}");
        var winner = answers[0].Status == 200 ? 0 : 1;
        var next = versionOf(answers[winner].Json);
        next.ShouldBe(version + 1);
        var loser = answers[1 - winner].Json;
        loser.GetProperty("currentVersion").GetInt32().ShouldBe(next, loser.ToString());
        loser.GetProperty("detail").GetString()!.ShouldContain("đã được người khác cập nhật");
        return (winner == 0 ? "A" : "B", next);
    }

    private static async Task<Answer> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);
        return new Answer((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static async Task<Answer> PutAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);
        return new Answer((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}
