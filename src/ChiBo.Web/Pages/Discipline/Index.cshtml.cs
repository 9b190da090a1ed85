using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Kiểm tra, giám sát và kỷ luật of a subtree: cases and decisions, filtered by year and kind.</summary>
[Requires(Operation.DisciplineRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public string Org { get; private set; } = "root";
    public string OrgName { get; private set; } = "";
    public DisciplineFilter Filter { get; private set; } = new();
    public DisciplineList? Result { get; private set; }
    public IReadOnlyList<OverdueAppeal> Overdue { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(string? org, CancellationToken ct)
    {
        ViewData["Title"] = "Kiểm tra, giám sát và kỷ luật";
        var filter = DisciplineApi.ParseFilter(Request.Query, out _, out var error);
        if (filter is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Without a year the list shows the current one: a province has hundreds of decisions a year.
        Filter = Request.Query.ContainsKey("year") ? filter : filter with { Year = clock.Today().Year };
        var lookup = await OrgTree.FindAsync(db, await HttpContext.SubtreeAsync(Operation.DisciplineRead), org, ct);
        if (!lookup.Found)
        {
            Error = $"Không có tổ chức đảng mã \"{org}\" trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Org = lookup.Organization?.Code ?? "root";
        OrgName = lookup.Organization?.Name ?? "Toàn quốc";
        Result = await DisciplineQueries.ListAsync(db, lookup.Subtree, Filter, ct);
        Overdue = await DisciplineQueries.OverdueAppealsAsync(db, lookup.Subtree, clock.Today(), ct);
        CanWrite = await HttpContext.CanAsync(Operation.DisciplineWrite, lookup.Subtree);
        await HttpContext.AuditReadAsync("DisciplineList", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["Title"] = "Kiểm tra, giám sát và kỷ luật – " + OrgName;
        ViewData["ScopeOrg"] = Org;
    }

    public string SubjectLink(SubjectRef s) => s.Kind == DisciplineSubject.Member ? $"/dang-vien/{s.Id}" : $"/to-chuc/{s.OrgCode}";
}
