using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Portal;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Portal;

/// <summary>
/// A page of the member handbook (Sổ tay đảng viên điện tử): it acts for the member the signed-in
/// account is bound to and for nobody else; no page takes a member id from the request.
/// </summary>
[Requires(Operation.SelfRead)]
public abstract class PortalPageModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    protected ChiBoDb Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The member; null when the account is bound to no member record (the page answers 404).</summary>
    public HandbookMember? Me { get; private set; }

    public DateOnly Today => Clock.Today();

    /// <summary>Loads <see cref="Me"/>; false (and 404) when the account has no member record.</summary>
    protected async Task<bool> LoadMeAsync()
    {
        var scope = await HttpContext.ScopeAsync();
        Me = scope.MemberId is { } id ? await HandbookQueries.MemberAsync(Db, id, Today, HttpContext.RequestAborted) : null;
        if (Me is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        // The plans count members active in the handbook (000:154): the first page of the day says so.
        await HandbookActivityLog.TouchAsync(Db, Me.Member.Id, Me.Member.ProvinceId, Today, HttpContext.RequestAborted);
        return true;
    }
}
