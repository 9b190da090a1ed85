using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using ChiBo.Web.Meetings;
using ChiBo.Web.Ratings;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// Danh sách kết quả đánh giá, xếp loại chất lượng đảng viên of a chi bộ or a đảng bộ cơ sở for a
/// year, to be signed and made public: every member with the level, the counts and the share HTTNV+,
/// printable, as PDF (printed by the server) and .docx. Outside the caller's subtree: not found.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class ResultsModel(ChiBoDb db, TimeProvider clock, PrintedDocuments printed) : SubtreePageModel
{
    public ResultListDraft? Draft { get; private set; }

    public const string View = "/Pages/Ratings/_ResultList.cshtml";

    public async Task<IActionResult> OnGetAsync(string? org, string? year, CancellationToken ct)
    {
        await LoadAsync(org, year, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPrintAsync(string? org, string? year, CancellationToken ct) =>
        await LoadAsync(org, year, ct) && Draft is { } d
            ? await printed.PageAsync(PageContext, View, d, d.Subtitle)
            : Page();

    public async Task<IActionResult> OnGetPdfAsync(string? org, string? year, CancellationToken ct) =>
        await LoadAsync(org, year, ct) && Draft is { } d
            ? await printed.PdfAsync(PageContext, View, d, d.Subtitle, d.FileName("pdf"), ct)
            : Page();

    public async Task<IActionResult> OnGetDocxAsync(string? org, string? year, CancellationToken ct) =>
        await LoadAsync(org, year, ct) && Draft is { } d
            ? File(RatingDocx.List(d), PartyDocx.DocxType, d.FileName("docx"))
            : Page();

    public string Query => Draft is { } d ? $"org={Uri.EscapeDataString(Code)}&year={MemberReviewDraft.Y(d.List.Year)}" : "";

    private async Task<bool> LoadAsync(string? org, string? year, CancellationToken ct)
    {
        var today = clock.Today();
        if (CellLifeWeb.Year(year, today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        if (await FindSubtreeAsync(db, org, Operation.RatingsRead) is null)
        {
            return false;
        }

        if (Org is not { } o)
        {
            Error = "Hãy chọn một chi bộ hoặc đảng bộ cơ sở để lập danh sách kết quả xếp loại.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        try
        {
            Draft = new ResultListDraft(await RatingForms.ResultListAsync(db, o, y, ct), today);
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        await HttpContext.AuditReadAsync("RatingResultList", o.ProvinceId, null, o.Id);
        ViewData["Title"] = $"{Draft.Subtitle} – {o.Name}";
        return true;
    }
}
