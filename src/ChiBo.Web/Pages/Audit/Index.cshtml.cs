using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Audit;

/// <summary>The audit log by member, organization or user, inside what the caller may read.</summary>
[Requires(Operation.AuditRead)]
public sealed class IndexModel(ChiBoDb db) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, 1);
    public string? OrgCode { get; private set; }
    public AuditPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? member, string? org, string? user, int page = 1, CancellationToken ct = default)
    {
        OrgCode = org;
        int? orgId = null;
        if (!string.IsNullOrWhiteSpace(org))
        {
            var lookup = await HttpContext.FindAsync(db, org, Operation.AuditRead);
            if (lookup.Organization is not { } found)
            {
                return NotFound();
            }

            orgId = found.Id;
        }

        Filter = new AuditFilter(member, orgId, user, page);
        Result = await AuditQueries.ReadAsync(db, await HttpContext.ScopeAsync(), Filter, ct);
        return Page();
    }

    public static string ActionLabel(string action) => action switch
    {
        "insert" => "Thêm",
        "update" => "Sửa",
        "delete" => "Xóa",
        "export" => "Xuất dữ liệu",
        "read" => "Xem dữ liệu cá nhân",
        "sign-in" => "Đăng nhập",
        "sign-in-failed" => "Đăng nhập sai",
        "sign-in-refused" => "Từ chối đăng nhập",
        "sign-out" => "Đăng xuất",
        _ => action,
    };
}
