using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Web.Members;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>The member list of a subtree: filters, search by name or CCCD, 50 a page.</summary>
[Requires(Operation.MembersRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public MemberFilter Filter { get; private set; } = new();
    public string? Error { get; private set; }
    public string OrgName { get; private set; } = "";
    public MemberPage? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (MemberFilter.Parse(Request.Query, out _, out var error) is not { } filter)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Filter = filter;
        var lookup = await OrgTree.FindAsync(db, await HttpContext.SubtreeAsync(Operation.MembersRead), filter.Org, ct);
        if (!lookup.Found)
        {
            Error = $"Không có tổ chức đảng mã \"{filter.Org}\" trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        OrgName = lookup.Organization?.Name ?? "Toàn quốc";
        try
        {
            Result = await MemberList.RunAsync(db, lookup.Subtree, filter, clock.Today(), await HttpContext.ScopeAsync(), ct);
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await HttpContext.AuditReadAsync("MemberList", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["Title"] = "Đảng viên – " + OrgName;
        ViewData["ScopeOrg"] = filter.Org;
    }

    public string PageLink(int page) =>
        "/dang-vien" + Microsoft.AspNetCore.Http.QueryString.Create(Filter.RouteValues(page).Where(kv => kv.Value is not null)).ToUriComponent();
}
