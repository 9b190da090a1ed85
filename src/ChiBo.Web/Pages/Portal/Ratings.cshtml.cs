using ChiBo.Data;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using ChiBo.Web.Meetings;
using ChiBo.Web.Pages.Ratings;
using ChiBo.Web.Ratings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Portal;

/// <summary>The round the member is in now: its year and deadline, and the member's own rating row of that year, if any.</summary>
public sealed record MyReview(int Year, DateOnly Deadline, MemberRating? Rating);

/// <summary>
/// Đánh giá, xếp loại in the handbook: the member writes their own review (tự kiểm điểm) while the
/// round of their chi bộ is open, and sees each year's result once the deciding level has
/// published it. The step is <see cref="RatingCommands.SelfAssessAsync"/> with the member's scope.
/// </summary>
public sealed class RatingsModel(ChiBoDb db, TimeProvider clock, PrintedDocuments printed) : PortalPageModel(db, clock)
{
    public IReadOnlyList<MyRating> Results { get; private set; } = [];
    public MyReview? Review { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(string? da, CancellationToken ct)
    {
        Saved = da == "ok";
        if (await LoadMeAsync())
        {
            await ReadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return Page();
        }

        await ReadAsync(ct);
        var f = new PostedForm(Request.Form, ModelState);
        var year = f.Int("Year", "Năm đánh giá") ?? Review?.Year ?? Today.Year;
        var level = f.Text("Level") is { } code ? RatingNames.ParseCode(code) : null;
        decimal? score = null;
        if (f.Text("Score") is { } s)
        {
            if (decimal.TryParse(s.Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                score = v;
            }
            else
            {
                ModelState.AddModelError("Score", $"Điểm \"{s}\" không phải là số.");
            }
        }

        if (f.Valid)
        {
            try
            {
                await new RatingCommands(Db, Clock, await HttpContext.ScopeAsync(), HttpContext.Actor())
                    .SelfAssessAsync(new SelfAssessmentInput(year, f.Int("Version", "Phiên bản", required: false) ?? 0, f.Text("Text") ?? "", level, score), ct);
                return Redirect("/so-tay/xep-loai?da=ok");
            }
            catch (RatingNotFoundException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
            catch (RatingForbiddenException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            catch (EditConflictException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, ["Text", "Level", "Score"]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Db.ChangeTracker.Clear();
        await ReadAsync(ct);
        return Page();
    }

    /// <summary>The member's own Bản tự kiểm điểm of a year as PDF (printed by the server); the outcome once published.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string? year, CancellationToken ct) =>
        await FormAsync(year, ct) is { } d
            ? await printed.PdfAsync(PageContext, ReviewModel.View, d, MemberReviewDraft.Title, d.FileName("pdf"), ct)
            : Page();

    public async Task<IActionResult> OnGetDocxAsync(string? year, CancellationToken ct) =>
        await FormAsync(year, ct) is { } d ? File(RatingDocx.Review(d), PartyDocx.DocxType, d.FileName("docx")) : Page();

    /// <summary>The form alone, as the PDF is printed from it.</summary>
    public async Task<IActionResult> OnGetPrintAsync(string? year, CancellationToken ct) =>
        await FormAsync(year, ct) is { } d ? await printed.PageAsync(PageContext, ReviewModel.View, d, MemberReviewDraft.Title) : Page();

    private async Task<MemberReviewDraft?> FormAsync(string? year, CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return null;
        }

        if (CellLifeWeb.Year(year, Today) is not { } y)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ReadAsync(ct);
            return null;
        }

        var form = await RatingForms.MemberReviewAsync(Db, await HttpContext.ScopeAsync(), Me!.Member.Id, y, ct);
        if (form is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            await ReadAsync(ct);
            return null;
        }

        return new MemberReviewDraft(form, Today);
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        var id = Me!.Member.Id;
        Results = await RatingQueries.MineAsync(Db, id, ct);
        var cell = await Db.Organizations.AsNoTracking().Where(o => o.Id == Me.Member.CellId).Select(o => new { o.ProvinceId, o.Path }).FirstOrDefaultAsync(ct);
        if (cell is null)
        {
            return;
        }

        var round = (await Db.RatingRounds.AsNoTracking().Where(r => r.ProvinceId == cell.ProvinceId && r.Status == RoundStatus.Open).ToListAsync(ct))
            .Where(r => cell.Path.StartsWith(r.SubtreePath, StringComparison.Ordinal)).OrderByDescending(r => r.Year).FirstOrDefault();
        if (round is not null)
        {
            var mine = await Db.MemberRatings.AsNoTracking().FirstOrDefaultAsync(r => r.MemberId == id && r.Year == round.Year, ct);
            Review = new MyReview(round.Year, round.Deadline, mine);
        }
    }
}
