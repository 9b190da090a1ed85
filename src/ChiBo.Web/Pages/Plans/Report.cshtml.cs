using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using ChiBo.Web.Meetings;
using ChiBo.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Plans;

/// <summary>
/// The draft of a progress report on a plan (báo cáo kết quả thực hiện) for a quarter, a half-year
/// or a year, in the Party's document format: the indicators with their results and statuses as of
/// the period's end (or today, while it runs) and the tasks with their state and evidence, with
/// the assessment left for the committee to write. Printed to PDF by the server (or from the browser
/// like the other Party documents), or downloaded as .docx to edit and sign.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class ReportModel(ChiBoDb db, DatabaseTarget target, TimeProvider clock, PrintedDocuments printed) : SubtreePageModel
{
    public int Year { get; private set; }
    public ReportPeriod Period { get; private set; } = ReportPeriod.Of("nam")!;
    public DateOnly AsOf { get; private set; }
    public DateOnly Today { get; private set; }
    public DashboardPlan? Plan { get; private set; }
    public PlanTasksOfPlan? Tasks { get; private set; }
    public Organization? Superior { get; private set; }
    public string Place { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? org, string? year, string? ky, int? plan, CancellationToken ct)
    {
        await LoadAsync(org, year, ky, plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(string? org, string? year, string? ky, int? plan, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ky, plan, ct) || Plan is null || Org is null)
        {
            return Page();
        }

        var draft = new ReportDraft(Org, Superior, Place, Today, Year, Period, AsOf, Plan, Tasks);
        return File(ReportDocx.Write(draft), ReportDocx.DocxType, FileName(draft, "docx"));
    }

    /// <summary>The same report as PDF, printed by the server's Chromium from <see cref="OnGetPrintAsync"/>'s HTML.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string? org, string? year, string? ky, int? plan, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ky, plan, ct) || Draft is not { } draft)
        {
            return Page();
        }

        return await printed.PdfAsync(await HtmlAsync(draft), FileName(draft, "pdf"), ct);
    }

    /// <summary>The document alone, as the PDF is printed from it.</summary>
    public async Task<IActionResult> OnGetPrintAsync(string? org, string? year, string? ky, int? plan, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ky, plan, ct) || Draft is not { } draft)
        {
            return Page();
        }

        return PrintedDocuments.Html(await HtmlAsync(draft));
    }

    private Task<string> HtmlAsync(ReportDraft draft) =>
        printed.HtmlAsync(PageContext, "/Pages/Plans/_ReportLetter.cshtml", draft, "Báo cáo " + draft.Title);

    private static string FileName(ReportDraft r, string extension) => $"bao-cao-{r.Org.Code}-{PlanWeb.Y(r.Year)}-{r.Period.Code}.{extension}";

    public ReportDraft? Draft => Plan is not null && Org is not null ? new(Org, Superior, Place, Today, Year, Period, AsOf, Plan, Tasks) : null;

    private async Task<bool> LoadAsync(string? org, string? year, string? ky, int? plan, CancellationToken ct)
    {
        Today = clock.Today();
        if (CellLifeWeb.Year(year, Today) is not { } y || ReportPeriod.Of(ky) is not { } period)
        {
            Error = $"Năm \"{year}\" hoặc kỳ báo cáo \"{ky}\" không hợp lệ (kỳ: q1, q2, q3, q4, 6t, nam).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        (Year, Period) = (y, period);
        AsOf = period.End(y) < Today ? period.End(y) : Today;
        if (await FindSubtreeAsync(db, org, Operation.ReportsRead) is not { } lookup)
        {
            return false;
        }

        try
        {
            var scope = await HttpContext.ScopeAsync();
            var board = await PlanDashboards.RunAsync(db, scope, lookup, Year, AsOf, ct: ct, connections: () => target.CreateContext());
            var list = await PlanQueries.TasksAsync(db, scope, lookup, Year, AsOf, ct: ct);
            Plan = board.Plans.FirstOrDefault(p => plan is null || p.Id == plan);
            Tasks = list.Plans.FirstOrDefault(p => p.PlanId == Plan?.Id);
        }
        catch (PlanNotFoundException e)
        {
            Error = e.Message;
        }

        if (Plan is null || Org is not { } self)
        {
            Error ??= $"Không có kế hoạch nào áp dụng cho {Name} năm {Year} để báo cáo.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Superior = self.ParentId is { } parent ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == parent, ct) : null;
        Place = await db.Provinces.Where(p => p.Id == self.ProvinceId).Select(p => p.Name).SingleAsync(ct);
        ViewData["Title"] = $"Báo cáo {Period.Label(Year)} – {Plan.Number}";
        return true;
    }
}
