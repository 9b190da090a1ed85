using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Meetings;

/// <summary>
/// Lịch sinh hoạt chi bộ: a cell's year of regular and thematic meetings with their status and
/// rating, its compliance so far, and (for those who may) scheduling the year's monthly meetings
/// in one action and one meeting at a time.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class CalendarModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public sealed class YearPlanInput
    {
        public int DayOfMonth { get; set; } = 5;
        public string? Place { get; set; }
    }

    public sealed class MeetingInput
    {
        public MeetingKind Kind { get; set; } = MeetingKind.Thematic;
        public string? Date { get; set; }
        public string? Title { get; set; }
        public string? Agenda { get; set; }
        public string? Documents { get; set; }
        public string? AttendingCommitteeMember { get; set; }
        public string? Place { get; set; }
        public string? OnlineLink { get; set; }
    }

    public string Code { get; private set; } = "";
    public Organization? Cell { get; private set; }
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public CellCompliance? Compliance { get; private set; }
    public bool CanWrite { get; private set; }
    public bool OnlineAllowed { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public YearPlanInput YearPlan { get; set; } = new();

    [BindProperty]
    public MeetingInput Plan { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, string? year, string? ok)
    {
        if (!await LoadAsync(code, year))
        {
            return Page();
        }

        Done = ok switch
        {
            "year" => "Đã lên lịch sinh hoạt thường kỳ cả năm.",
            "meeting" => "Đã lên lịch buổi sinh hoạt.",
            "none" => "Các tháng còn lại của năm đều đã có lịch sinh hoạt thường kỳ: không thêm buổi nào.",
            _ => null,
        };
        return Page();
    }

    /// <summary>Lên lịch cả năm: the twelve regular meetings on one day of the month, months already planned kept.</summary>
    public async Task<IActionResult> OnPostYearAsync(string code, string? year)
    {
        if (!await LoadAsync(code, year))
        {
            return Page();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        var ct = HttpContext.RequestAborted;
        return await RunAsync(async () =>
        {
            var created = await new MeetingCommands(db, clock).ScheduleMonthlyMeetingsAsync(Cell!.Id, Year, YearPlan.DayOfMonth, YearPlan.Place, ct);
            return created.Count == 0 ? "none" : "year";
        });
    }

    /// <summary>One meeting: usually a thematic one, or a regular one outside the yearly plan.</summary>
    public async Task<IActionResult> OnPostMeetingAsync(string code, string? year)
    {
        if (!await LoadAsync(code, year))
        {
            return Page();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (CellLifeWeb.Date(Plan.Date) is not { } date)
        {
            return Refused("Date", "Cần ngày sinh hoạt (ngày/tháng/năm).");
        }

        var ct = HttpContext.RequestAborted;
        return await RunAsync(async () =>
        {
            await new MeetingCommands(db, clock).ScheduleAsync(new MeetingPlan
            {
                CellId = Cell!.Id, Date = date, Kind = Enum.IsDefined(Plan.Kind) ? Plan.Kind : MeetingKind.Thematic, Title = Plan.Title,
                Agenda = Plan.Agenda, Documents = Plan.Documents, AttendingCommitteeMember = Plan.AttendingCommitteeMember,
                Place = Plan.Place, OnlineLink = string.IsNullOrWhiteSpace(Plan.OnlineLink) ? null : Plan.OnlineLink,
            }, ct);
            return "meeting";
        });
    }

    private async Task<IActionResult> RunAsync(Func<Task<string>> command)
    {
        try
        {
            var ok = await command();
            return Redirect($"/chi-bo/{Uri.EscapeDataString(Code)}/sinh-hoat?year={Year}&ok={ok}");
        }
        catch (MeetingEditConflictException e)
        {
            return Refused(e.Field, e.Message, StatusCodes.Status409Conflict);
        }
        catch (MeetingRuleException e)
        {
            return Refused(e.Field, e.Message);
        }
    }

    private PageResult Refused(string field, string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        ErrorField = field;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The cell in the caller's subtree and its year; false (404) otherwise.</summary>
    private async Task<bool> LoadAsync(string code, string? year)
    {
        Code = code;
        Today = clock.Today();
        if (await CellLifeWeb.FindCellYearAsync(HttpContext, db, code, year, Today) is not { } found)
        {
            return false;
        }

        (Cell, Year) = found;
        var ct = HttpContext.RequestAborted;
        Meetings = await CellLifeQueries.MeetingsOfYearAsync(db, Cell.Id, Year, ct);
        var report = await ComplianceReport.RunAsync(db, new OrgLookup(true, Cell), Year, Today, ct: ct);
        Compliance = report.CellRows?.FirstOrDefault(r => r.CellId == Cell.Id);
        CanWrite = await CellLifeWeb.CanWriteAsync(HttpContext, Cell);
        OnlineAllowed = MeetingRules.Default.OnlineAllowed(Cell.Sector);
        ViewData["Title"] = $"Sinh hoạt chi bộ năm {Year} – {Cell.Name}";
        ViewData["ScopeOrg"] = Cell.Code;
        return true;
    }

    /// <summary>Meetings of one month, regular first.</summary>
    public IEnumerable<Meeting> Of(int month) => Meetings.Where(m => m.Date.Month == month);

    /// <summary>A month that is over, in which the cell existed, with no held regular meeting: the report counts it as missed.</summary>
    public bool Missed(int month) => Compliance?.MissedMonths.Contains(month) == true;

    public bool ThematicMissed(int quarter) => Compliance?.MissedQuarters.Contains(quarter) == true;
}
