using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using ChiBo.Web.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// One cadre's quarter: the criteria with the cadre's own score and the score each source gives,
/// the feedback as group figures only, and the committee's steps — the self-assessment form, the
/// results, products and trust vote, one-time codes for respondents (shown once, never kept), and
/// the conclusion that fixes score and band — each an <see cref="EvaluationCommands"/> call; the
/// cadre's earlier quarters beside it.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class EvaluationModel(ChiBoDb db, TimeProvider clock, PrintedDocuments printed) : CadrePageModel
{
    public const string SelfForm = "self";
    public const string ResultsForm = "results";
    public const string CodesForm = "codes";
    public const string ConclusionForm = "conclusion";

    /// <summary>Lines of the products form.</summary>
    public const int ProductRows = 5;

    public DateOnly Today { get; private set; }
    public EvaluationView? View { get; private set; }
    public IReadOnlyList<QuarterRow> History { get; private set; } = [];
    public bool Keeps { get; private set; }

    /// <summary>Codes just issued: shown on this answer only.</summary>
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string? CodesGroup { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(id, ct);
        return Page();
    }

    public const string SheetView = "/Pages/Cadres/_EvaluationSheet.cshtml";

    /// <summary>The evaluation form in the Party's format: the HTML it prints from, the PDF, the .docx.</summary>
    public async Task<IActionResult> OnGetPrintAsync(int id, CancellationToken ct) =>
        await SheetAsync(id, ct) is { } d ? await printed.PageAsync(PageContext, SheetView, d, d.Title) : Page();

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct) =>
        await SheetAsync(id, ct) is { } d ? await printed.PdfAsync(PageContext, SheetView, d, d.Title, d.FileName("pdf"), ct) : Page();

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) =>
        await SheetAsync(id, ct) is { } d ? File(d.Docx(), PartyDocx.DocxType, d.FileName("docx")) : Page();

    private async Task<EvaluationSheet?> SheetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) && View is { } view && _managing is { } org
            ? new EvaluationSheet(await FormIssuer.OfAsync(db, org, ct), view, Today)
            : null;

    private Organization? _managing;

    public Task<IActionResult> OnPostSelfAsync(int id, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(SelfForm, ["Scores", "Summary", "On"], new Dictionary<string, string> { ["State"] = "" }, async f =>
        {
            var scores = Scores(f, View!.Criteria.Select(c => c.Code));
            var on = f.Date("On", "Ngày tự đánh giá");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).SelfAssessAsync(id, new SelfAssessment(Version(f), scores, f.Text("Summary"), on!.Value), ct);
            return CadreWeb.Evaluation(id) + "?da=self";
        }, () => LoadAsync(id, ct)));

    public Task<IActionResult> OnPostResultsAsync(int id, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(ResultsForm, ["Scores", "Products", "TrustHigh", "TrustMedium", "TrustLow"], new Dictionary<string, string> { ["State"] = "" }, async f =>
        {
            var scores = Scores(f, View!.Criteria.Where(c => c.Component == EvaluationComponent.WorkResults).Select(c => c.Code));
            var products = new List<Product>();
            for (var i = 0; i < ProductRows; i++)
            {
                if (f.Text($"Product{i}") is { } name)
                {
                    products.Add(new Product(name, f.Bool($"Delivered{i}"), f.Bool($"OnTime{i}"), f.Text($"Evidence{i}")));
                }
            }

            var (high, medium, low) = (f.Int("TrustHigh", "Phiếu tín nhiệm cao", required: false) ?? 0,
                f.Int("TrustMedium", "Phiếu tín nhiệm trung bình", required: false) ?? 0, f.Int("TrustLow", "Phiếu tín nhiệm thấp", required: false) ?? 0);
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).RecordResultsAsync(id, new ResultsInput(Version(f), scores, products, high, medium, low), ct);
            return CadreWeb.Evaluation(id) + "?da=results";
        }, () => LoadAsync(id, ct)));

    /// <summary>Issues codes and answers with the page itself (200), the codes printed once: nothing keeps them to show again.</summary>
    public async Task<IActionResult> OnPostCodesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return Page();
        }

        var f = new PostedForm(Request.Form, ModelState);
        var group = f.Choice<EvaluationComponent>("Group", "nhóm lấy ý kiến");
        var count = f.Int("Count", "Số phiếu");
        if (f.Valid)
        {
            try
            {
                Codes = await (await CommandsAsync()).IssueCodesAsync(id, group!.Value, count!.Value, ct);
                CodesGroup = EvaluationQueries.GroupName(group.Value);
                await LoadAsync(id, ct);
                return Page();
            }
            catch (RuleViolationException e)
            {
                return await ActAsync(CodesForm, ["Group", "Count"], null, _ => throw e, () => LoadAsync(id, ct));
            }
        }

        return await ActAsync(CodesForm, ["Group", "Count"], null, _ => Task.FromResult<string?>(null), () => LoadAsync(id, ct));
    }

    public Task<IActionResult> OnPostConclusionAsync(int id, CancellationToken ct) =>
        WithPageAsync(id, ct, () => ActAsync(ConclusionForm, ["Conclusion", "On", "Scores"], new Dictionary<string, string> { ["State"] = "" }, async f =>
        {
            var on = f.Date("On", "Ngày kết luận");
            if (!f.Valid)
            {
                return null;
            }

            await (await CommandsAsync()).ConcludeAsync(id, new ConclusionInput(Version(f), f.Text("Conclusion") ?? "", on!.Value), ct);
            return CadreWeb.Evaluation(id) + "?da=concluded";
        }, () => LoadAsync(id, ct)));

    /// <summary>The scores typed for these criteria ("Score.{code}"), 85,5 or 85.5; an empty one is left out (the command says which are missing).</summary>
    private Dictionary<string, decimal> Scores(PostedForm f, IEnumerable<string> codes)
    {
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var text = f.Text("Score." + code);
            if (text is null)
            {
                continue;
            }

            if (CadreWeb.ParseDecimal(text) is { } d)
            {
                scores[code] = d;
            }
            else
            {
                ModelState.AddModelError("Scores", $"Điểm \"{text}\" của tiêu chí {code} không phải là số.");
            }
        }

        return scores;
    }

    private static int Version(PostedForm f) => f.Int("Version", "Phiên bản", required: false) ?? 0;

    private async Task<EvaluationCommands> CommandsAsync() => new(db, clock, await HttpContext.ScopeAsync());

    private async Task<IActionResult> WithPageAsync(int id, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(id, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        View = null;
        var orgId = await EvaluationQueries.ManagingOrgOfEvaluationAsync(db, id, ct);
        var org = orgId is null ? null : await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var scope = await HttpContext.ScopeAsync();
        if (org is null || !CadreAccess.MaySee(scope, Operation.CadresRead, org))
        {
            Error = $"Không có phiếu đánh giá số {id.ToString(CultureInfo.InvariantCulture)} trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        _managing = org;
        View = await EvaluationQueries.EvaluationAsync(db, id, ct: ct);
        History = await EvaluationQueries.HistoryAsync(db, scope, View!.MemberId, ct);
        Keeps = CadreAccess.MaySee(scope, Operation.CadresWrite, org);
        await HttpContext.AuditReadAsync("CadreEvaluation", org.ProvinceId, View.MemberId, org.Id);
        ViewData["Title"] = $"Đánh giá {View.FullName} quý {View.Quarter}/{View.Year}";
        ViewData["ScopeOrg"] = org.Code;
        return true;
    }
}
