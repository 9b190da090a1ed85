using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Members;
using ChiBo.Notifications;
using ChiBo.Organizations;
using ChiBo.Procedures;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Notifications;
using ChiBo.Web.Procedures;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Tests.Procedures;

/// <summary>
/// The <see cref="World"/> province served over HTTP with its clock, and clients signed in as the
/// people of a procedure: the member, and the committees of the cell, the base, the commune and the
/// province.
/// <code>
/// AG ── AG.01 Đảng bộ xã A ── AG.01.01 Đảng bộ cơ sở A1 ─┬─ AG.01.01.01 Chi bộ thôn 1
///    │                                                     └─ AG.01.01.02 Chi bộ thôn 2
///    └─ AG.02 Đảng bộ xã B ── AG.02.01 Chi bộ cơ sở B1
/// </code>
/// </summary>
public sealed class ProcedureDesk : IAsyncDisposable
{
    /// <summary>A Monday: step limits in working days are easy to count from it.</summary>
    public static readonly DateOnly Monday = new(2026, 6, 15);

    public static readonly DateOnly Admitted = new(2015, 4, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<HttpClient> _clients = [];

    private ProcedureDesk(World world, ChiBoApp app)
    {
        W = world;
        App = app;
    }

    public World W { get; }
    public ChiBoApp App { get; }

    public static async Task<ProcedureDesk> OpenAsync(string provider)
    {
        var w = await World.CreateAsync(provider, Monday);
        return new ProcedureDesk(w, new ChiBoApp(w.Database, w.Clock));
    }

    /// <summary>A member of <paramref name="cell"/>, official since a year after admission.</summary>
    public Task<Member> MemberAsync(Organization cell, string name, Gender gender = Gender.Male) =>
        W.RegisterAsync(cell, name, Admitted, Admitted.AddYears(1), gender);

    /// <summary>The member's own account (role member on their cell).</summary>
    public Task<HttpClient> AsMemberAsync(Member m, Organization cell) => Track(App.SignedInAsync("member", cell.Code, m.Id));

    public Task<HttpClient> AsAsync(string role, Organization org) => Track(App.SignedInAsync(role, org.Code));

    /// <summary>One account holding two roles: a member who is also on the cell's committee (a chi ủy viên).</summary>
    public async Task<HttpClient> AsMemberOnTheCommitteeAsync(Member m, Organization cell)
    {
        var userName = "chiuy." + Guid.NewGuid().ToString("N")[..12];
        var secret = await App.AddAccountAsync(userName, "member", cell.Code, m.Id);
        await App.AddAccountAsync(userName, "cell-committee", cell.Code);
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login",
            new { username = userName, password = ChiBoApp.Password, totp = ChiBo.Access.Totp.Code(secret, W.Clock.GetUtcNow()) }, Ct)).EnsureSuccessStatusCode();
        _clients.Add(client);
        return client;
    }

    private async Task<HttpClient> Track(Task<HttpClient> signingIn)
    {
        var client = await signingIn;
        _clients.Add(client);
        return client;
    }

    public static async Task<Reply> StartAsync(HttpClient member, ProcedureStart start) =>
        await Reply.OfAsync(await member.PostAsJsonAsync("/api/procedures", start, Ct));

    public static async Task<Reply> ApproveAsync(HttpClient committee, int id, int version, string? comment = null, string? number = null) =>
        await Reply.OfAsync(await committee.PostAsJsonAsync($"/api/procedures/{id}/approve", new ProcedureApproveRequest(version, comment, number), Ct));

    public static async Task<Reply> RejectAsync(HttpClient committee, int id, int version, string? reason) =>
        await Reply.OfAsync(await committee.PostAsJsonAsync($"/api/procedures/{id}/reject", new ProcedureReasonRequest(version, reason), Ct));

    public static async Task<Reply> WithdrawAsync(HttpClient member, int id, int version, string? reason = null) =>
        await Reply.OfAsync(await member.PostAsJsonAsync($"/api/procedures/{id}/withdraw", new ProcedureReasonRequest(version, reason), Ct));

    public static async Task<Reply> GetAsync(HttpClient client, int id) =>
        await Reply.OfAsync(await client.GetAsync($"/api/procedures/{id}", Ct));

    public static async Task<NotificationInbox> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<NotificationInbox>("/api/notifications/", Ct))!;

    public static async Task<List<ProcedureRow>> RowsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<List<ProcedureRow>>(url, Ct))!;

    /// <summary>Moves the clock; sessions older than 12 hours end, so callers sign in again afterwards.</summary>
    public void Advance(int days) => W.Clock.Today = W.Clock.Today.AddDays(days);

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }

        await App.DisposeAsync();
        await W.DisposeAsync();
    }
}

/// <summary>An API answer: the status, and the request or the problem it carried.</summary>
public sealed record Reply(HttpStatusCode Status, ProcedureDetails? Details, ProblemDetails? Problem)
{
    public static async Task<Reply> OfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            return response.IsSuccessStatusCode
                ? new Reply(response.StatusCode, JsonSerializer.Deserialize<ProcedureDetails>(body, json), null)
                : new Reply(response.StatusCode, null, body.Length > 0 ? JsonSerializer.Deserialize<ProblemDetails>(body, json) : null);
        }
    }

    /// <summary>The request, after checking the answer was 200.</summary>
    public ProcedureDetails Ok()
    {
        Status.ShouldBe(HttpStatusCode.OK, Problem?.Detail);
        return Details!;
    }

    /// <summary>The field a 400 names.</summary>
    public string? Field => Problem?.Extensions.TryGetValue("field", out var f) == true ? f?.ToString() : null;
}

public static class NotificationRows
{
    public static IEnumerable<string> Titles(this NotificationInbox inbox) => inbox.Items.Select(i => i.Title);

    public static NotificationRow Single(this NotificationInbox inbox, string containing) =>
        inbox.Items.Where(i => i.Title.Contains(containing, StringComparison.Ordinal)).ShouldHaveSingleItem();
}
