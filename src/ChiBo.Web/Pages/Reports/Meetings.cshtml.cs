using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Reports;

/// <summary>
/// Tình hình sinh hoạt chi bộ of any subtree for a year: the figures of the report contract, a
/// chart per month, and the organizations below sorted worst first, each a link to the same page
/// one level down, down to the cells that miss a month or a quarter and the members absent
/// without reason again and again.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class MeetingsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    /// <summary>How many failing cells and absentees a page lists before saying how many more.</summary>
    public const int ListLimit = 100;

    public string? RequestedOrg { get; private set; }
    public string? Error { get; private set; }
    public OrgTreeView? Place { get; private set; }
    public int Year { get; private set; }
    public MeetingCompliance? Report { get; private set; }
    public IReadOnlyList<ComplianceGroup> Children { get; private set; } = [];
    public IReadOnlyList<CellCompliance> ShortCells { get; private set; } = [];
    public CellCompliance? CellRow { get; private set; }
    public decimal Target { get; } = MeetingRules.Default.AttendanceTarget;

    public async Task OnGetAsync(string? org, string? year, CancellationToken ct)
    {
        RequestedOrg = org;
        var today = clock.Today();
        if (CellLifeWeb.Year(year, today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Year = y;
        var scope = await HttpContext.SubtreeAsync(Operation.ReportsRead);
        var lookup = await OrgTree.FindAsync(db, scope, org, ct);
        if (!lookup.Found)
        {
            Error = $"Không có tổ chức đảng mã \"{org}\" trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Report = await ComplianceReport.RunAsync(db, lookup, Year, today, byMonth: true, ct: ct);
        var rows = Report.CellRows ?? [];
        Place = new OrgTreeView(lookup.Organization, OrgCounts.Zero, [], lookup.Organization is { } o ? await OrgTree.AncestorsAsync(db, scope, o, ct) : []);
        if (lookup.Organization is { } self && self.Kind.HoldsMembers())
        {
            CellRow = rows.FirstOrDefault(r => r.CellId == self.Id);
        }
        else
        {
            Children = await ComplianceView.ChildrenAsync(db, lookup.Organization, rows, ct);
        }

        ShortCells = ComplianceView.ShortOfTheRules(rows);
        ViewData["Title"] = $"Sinh hoạt chi bộ năm {Year} – {Place.Name}";
        ViewData["ScopeOrg"] = Place.Code;
    }

    public string Link(string? code, int? year = null) =>
        "/bao-cao/sinh-hoat?org=" + Uri.EscapeDataString(code ?? "root") + "&year=" + (year ?? Year).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
