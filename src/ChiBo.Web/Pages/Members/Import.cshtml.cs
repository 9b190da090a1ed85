using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using ChiBo.Web.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>Nhập đảng viên từ Excel: upload, then either the count imported or every problem in a table.</summary>
[Requires(Operation.MembersWrite)]
public sealed class ImportModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The form, for an organization the caller may write to; any other is not found.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        (await HttpContext.FindAsync(db, Org, Operation.MembersWrite)).Found ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lookup = await HttpContext.FindAsync(db, Org, Operation.MembersWrite);
        if (!lookup.Found)
        {
            Problem = $"Không có tổ chức đảng mã \"{Org}\".";
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Problem = "Chưa chọn tệp Excel (.xlsx) để nhập.";
            return Page();
        }

        Result = await ExcelEndpoints.RunImportAsync(db, clock, HttpContext, lookup.Subtree, Upload, ct);
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
