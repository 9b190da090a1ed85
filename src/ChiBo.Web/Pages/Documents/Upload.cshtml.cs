using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Documents;

/// <summary>Thêm văn bản: metadata and file, for an organization in the caller's write scope (or central, for admins).</summary>
[Requires(Operation.DocumentsWrite)]
[RequestSizeLimit(DocumentText.MaxSize + (1024 * 1024))]
public sealed class UploadModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    public string? OrgName { get; private set; }
    public bool CanFileCentral { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public IFormCollection? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ViewData["Title"] = "Thêm văn bản";
        return await ResolveAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Thêm văn bản";
        Form = await DocumentWeb.FormAsync(Request, ct);
        if (Form is not null && Form["org"].ToString() is { Length: > 0 } org)
        {
            Org = org;
        }

        var (found, target) = await HttpContext.UploadTargetAsync(db, Org);
        if (!found || !await ResolveAsync())
        {
            return Fail("org", $"Không có tổ chức đảng mã \"{Org}\" trong phạm vi bạn được thêm văn bản.");
        }

        if (Form is null)
        {
            return Fail("file", $"Cần chọn tệp văn bản (PDF, Word .docx hoặc .txt), tối đa {DocumentText.MaxSize / 1024 / 1024} MB.");
        }

        var (upload, field, error) = await DocumentWeb.ReadUploadAsync(Form, target?.Id, ct);
        if (upload is null)
        {
            return Fail(field!, error!);
        }

        try
        {
            var document = await new DocumentCommands(db, clock, HttpContext.Actor()).UploadAsync(upload, ct);
            return Redirect($"/tai-lieu/{document.Id}");
        }
        catch (RuleViolationException e)
        {
            return Fail(e.Field, e.Message);
        }
    }

    public string Value(string field) => Form?[field].ToString() ?? "";

    private async Task<bool> ResolveAsync()
    {
        CanFileCentral = (await HttpContext.ScopeAsync()).Can(Operation.DocumentsWrite, ChiBo.Organizations.Subtree.Everything);
        var (found, target) = await HttpContext.UploadTargetAsync(db, Org);
        if (!found)
        {
            return false;
        }

        Org = target?.Code ?? DocumentWeb.Central;
        OrgName = target?.Name ?? "Toàn Đảng (Trung ương)";
        return true;
    }

    private PageResult Fail(string field, string message)
    {
        (ErrorField, Error) = (field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
