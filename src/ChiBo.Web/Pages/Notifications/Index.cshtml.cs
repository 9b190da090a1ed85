using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Notifications;
using ChiBo.Web.Access;
using ChiBo.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Notifications;

/// <summary>Thông báo cá nhân: the account's inbox (its member's lines and its committees' lines), newest first.</summary>
[Requires(Operation.SignedIn)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock, AuditScope audit) : PageModel
{
    public IReadOnlyList<NotificationRow> Items { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await HttpContext.ScopeAsync();
        Items = await NotificationQueries.InboxAsync(db, scope, ct: ct);
        Unread = await NotificationQueries.UnreadCountAsync(db, scope, ct);
        ViewData["Title"] = "Thông báo cá nhân";
    }

    /// <summary>Marks one line (<paramref name="id"/>) or every unread line read, then shows the inbox again.</summary>
    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        var scope = await HttpContext.ScopeAsync();
        await NotificationsApi.MarkAsync(HttpContext, db, clock, audit, scope, id is { } one ? [one] : null, ct);
        return Redirect("/thong-bao-ca-nhan");
    }
}
