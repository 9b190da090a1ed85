using ChiBo.Data;
using ChiBo.Notifications;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Notifications;

/// <summary>The header's link to the inbox with the number of unread lines, rendered on the server (no script).</summary>
public sealed class NotificationBellViewComponent(ChiBoDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }

        var unread = await NotificationQueries.UnreadCountAsync(db, await HttpContext.ScopeAsync(), HttpContext.RequestAborted);
        return View(unread);
    }
}
