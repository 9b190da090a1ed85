using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using ChiBo.Web.Meetings;
using ChiBo.Web.Ratings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// Bản tự kiểm điểm, đánh giá, xếp loại of a member's year for those who read ratings: the review,
/// the proposal and the decision as they stand, printable, as PDF (printed by the server) and .docx.
/// A member outside the caller's subtrees (by the cell of the rating, or now) is not found.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class ReviewModel(ChiBoDb db, TimeProvider clock, PrintedDocuments printed) : PageModel
{
    public string? Error { get; private set; }

    public MemberReviewDraft? Draft { get; private set; }

    public const string View = "/Pages/Ratings/_ReviewForm.cshtml";

    public async Task<IActionResult> OnGetAsync(int? member, string? year, CancellationToken ct)
    {
        await LoadAsync(member, year, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPrintAsync(int? member, string? year, CancellationToken ct) =>
        await LoadAsync(member, year, ct) && Draft is { } d
            ? await printed.PageAsync(PageContext, View, d, MemberReviewDraft.Title)
            : Page();

    public async Task<IActionResult> OnGetPdfAsync(int? member, string? year, CancellationToken ct) =>
        await LoadAsync(member, year, ct) && Draft is { } d
            ? await printed.PdfAsync(PageContext, View, d, MemberReviewDraft.Title, d.FileName("pdf"), ct)
            : Page();

    public async Task<IActionResult> OnGetDocxAsync(int? member, string? year, CancellationToken ct) =>
        await LoadAsync(member, year, ct) && Draft is { } d
            ? File(RatingDocx.Review(d), PartyDocx.DocxType, d.FileName("docx"))
            : Page();

    public string Query => Draft is { } d ? $"member={d.Form.MemberId}&year={MemberReviewDraft.Y(d.Form.Year)}" : "";

    private async Task<bool> LoadAsync(int? member, string? year, CancellationToken ct)
    {
        var today = clock.Today();
        if (CellLifeWeb.Year(year, today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        var form = member is { } id ? await RatingForms.MemberReviewAsync(db, await HttpContext.ScopeAsync(), id, y, ct) : null;
        if (form is null)
        {
            Error = member is null ? "Hãy chọn một đảng viên (member=…)." : $"Không có đảng viên mã số {member} trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Draft = new MemberReviewDraft(form, today);
        await HttpContext.AuditReadAsync("MemberReview", form.Cell.Org.ProvinceId, form.MemberId, form.Cell.Org.Id);
        ViewData["Title"] = $"Bản tự kiểm điểm năm {MemberReviewDraft.Y(y)} – {form.FullName}";
        return true;
    }
}
