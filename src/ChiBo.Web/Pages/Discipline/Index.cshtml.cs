using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Web.Access;
using ChiBo.Web.Discipline;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Discipline;

/// <summary>Kiểm tra, giám sát và kỷ luật of a subtree: cases and decisions, filtered by year and kind.</summary>
[Requires(Operation.DisciplineRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public DisciplineFilter Filter { get; private set; } = new();
    public DisciplineList? Result { get; private set; }
    public IReadOnlyList<OverdueAppeal> Overdue { get; private set; } = [];
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
        if (await FindSubtreeAsync(db, org, Operation.DisciplineRead) is not { } lookup)
        {
            return;
        }

        Result = await DisciplineQueries.ListAsync(db, lookup.Subtree, Filter, ct);
        Overdue = await DisciplineQueries.OverdueAppealsAsync(db, lookup.Subtree, clock.Today(), ct);
        CanWrite = await HttpContext.CanAsync(Operation.DisciplineWrite, lookup.Subtree);
        await HttpContext.AuditReadAsync("DisciplineList", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["Title"] = "Kiểm tra, giám sát và kỷ luật – " + Name;
        ViewData["ScopeOrg"] = Code;
    }

    public string SubjectLink(SubjectRef s) => s.Kind == DisciplineSubject.Member ? $"/dang-vien/{s.Id}" : $"/to-chuc/{s.OrgCode}";
}
