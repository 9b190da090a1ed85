using System.Linq.Expressions;
using ChiBo.Access;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Notifications;

/// <summary>A line of an inbox as the reader sees it; <see cref="To"/> says whose inbox it came to.</summary>
public sealed record NotificationRow(long Id, string Title, string Link, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt, string? ReadBy, string To);

public static class NotificationQueries
{
    /// <summary>
    /// The lines an account sees: those to its member, and those to a role it holds on an
    /// organization inside the subtree it holds that role on. One predicate the database evaluates
    /// (a range of paths per grant).
    /// </summary>
    internal static Expression<Func<Notification, bool>> VisibleTo(OrgScope scope)
    {
        var n = Expression.Parameter(typeof(Notification), "n");
        Expression any = Expression.Constant(false);
        void Or(Expression<Func<Notification, bool>> one) => any = Expression.OrElse(any, Expression.Invoke(one, n));

        if (scope.MemberId is { } memberId)
        {
            Or(x => x.MemberId == memberId);
        }

        foreach (var grant in scope.Roles.Select(r => (r.Role, r.Subtree)).Distinct())
        {
            var role = grant.Role;
            if (grant.Subtree.ProvinceId is { } province)
            {
                var (lo, hi) = (grant.Subtree.Path, grant.Subtree.UpperBound);
                Or(x => x.Role == role && x.ProvinceId == province && string.Compare(x.OrgPath, lo) >= 0 && string.Compare(x.OrgPath, hi) < 0);
            }
            else
            {
                Or(x => x.Role == role && x.OrgPath != null);
            }
        }

        return Expression.Lambda<Func<Notification, bool>>(any, n);
    }

    /// <summary>The account's inbox, newest first.</summary>
    public static async Task<IReadOnlyList<NotificationRow>> InboxAsync(ChiBoDb db, OrgScope scope, bool unreadOnly = false, int take = 100, CancellationToken ct = default)
    {
        var q = db.Notifications.AsNoTracking().Where(VisibleTo(scope));
        if (unreadOnly)
        {
            q = q.Where(x => x.ReadAt == null);
        }

        return await RowsAsync(db, q.OrderByDescending(x => x.Id).Take(take), ct);
    }

    /// <summary>How many unread lines the account sees (the bell in the page header).</summary>
    public static Task<int> UnreadCountAsync(ChiBoDb db, OrgScope scope, CancellationToken ct = default) =>
        scope.IsAuthenticated
            ? db.Notifications.AsNoTracking().Where(VisibleTo(scope)).CountAsync(x => x.ReadAt == null, ct)
            : Task.FromResult(0);

    /// <summary>A member's unread lines, newest first (for the member portal).</summary>
    public static Task<IReadOnlyList<NotificationRow>> UnreadForMemberAsync(ChiBoDb db, int memberId, CancellationToken ct = default) =>
        RowsAsync(db, db.Notifications.AsNoTracking().Where(x => x.MemberId == memberId && x.ReadAt == null)
            .OrderByDescending(x => x.Id), ct);

    private static async Task<IReadOnlyList<NotificationRow>> RowsAsync(ChiBoDb db, IQueryable<Notification> q, CancellationToken ct)
    {
        var rows = await q.Select(x => new
        {
            x.Id, x.Title, x.Link, x.CreatedAt, x.ReadAt, x.ReadBy, x.Role,
            Org = db.Organizations.Where(o => o.Id == x.OrganizationId).Select(o => o.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new NotificationRow(r.Id, r.Title, r.Link, r.CreatedAt, r.ReadAt is not null, r.ReadAt, r.ReadBy,
            r.Role is { } role ? $"{Roles.VietnameseOf(role)} — {r.Org}" : "Cá nhân")).ToList();
    }
}

public static class NotificationCommands
{
    /// <summary>
    /// Marks lines of the account's inbox read (all unread ones when <paramref name="ids"/> is null);
    /// lines it does not see are left alone. Returns how many were marked.
    /// </summary>
    public static Task<int> MarkReadAsync(ChiBoDb db, TimeProvider clock, OrgScope scope, IReadOnlyCollection<long>? ids, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Thông báo", async () =>
        {
            var q = db.Notifications.Where(NotificationQueries.VisibleTo(scope)).Where(x => x.ReadAt == null);
            if (ids is not null)
            {
                var wanted = ids.ToList();
                q = q.Where(x => wanted.Contains(x.Id));
            }

            var unread = await q.ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var x in unread)
            {
                x.ReadAt = now;
                x.ReadBy = scope.UserName;
            }

            await db.SaveChangesAsync(ct);
            return unread.Count;
        }, ct);
}
