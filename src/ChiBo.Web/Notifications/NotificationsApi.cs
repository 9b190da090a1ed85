using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Notifications;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Web.Notifications;

public sealed record NotificationInbox(int Unread, IReadOnlyList<NotificationRow> Items);

/// <summary>Which lines to mark read; none named: every unread line of the inbox.</summary>
public sealed record MarkReadRequest(IReadOnlyList<long>? Ids = null);

public sealed record MarkReadResult(int Marked, int Unread);

/// <summary>The signed-in account's inbox: lines to its member and to the committees it holds a role in.</summary>
public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.SignedIn);
        group.MapPost("/read", MarkReadAsync).Requires(Operation.SignedIn);
    }

    private static async Task<Ok<NotificationInbox>> ListAsync(HttpContext http, ChiBoDb db, bool? unread, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        return TypedResults.Ok(new NotificationInbox(
            await NotificationQueries.UnreadCountAsync(db, scope, ct),
            await NotificationQueries.InboxAsync(db, scope, unread ?? false, ct: ct)));
    }

    private static async Task<Ok<MarkReadResult>> MarkReadAsync(
        MarkReadRequest? request, HttpContext http, ChiBoDb db, TimeProvider clock, AuditScope audit, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        var marked = await MarkAsync(http, db, clock, audit, scope, request?.Ids, ct);
        return TypedResults.Ok(new MarkReadResult(marked, await NotificationQueries.UnreadCountAsync(db, scope, ct)));
    }

    /// <summary>
    /// Marks lines read. Lines that change are audited with the write; a request that changes
    /// nothing still leaves one line, so every accepted write of the API is in the log.
    /// </summary>
    internal static async Task<int> MarkAsync(HttpContext http, ChiBoDb db, TimeProvider clock, AuditScope audit, OrgScope scope, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        var marked = await NotificationCommands.MarkReadAsync(db, clock, scope, ids, ct);
        if (marked == 0)
        {
            await AuditChain.RecordAsync(db, audit, "mark-read", nameof(Notification), null, "0 thông báo", 0, clock.GetUtcNow(), ct);
        }

        return marked;
    }
}
