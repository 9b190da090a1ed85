using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>A cadre's quarters in the pools the caller may see (<see cref="EvaluationQueries.HistoryAsync"/>); a member outside the caller's subtree is not found.</summary>
[Requires(Operation.CadresRead)]
public sealed class QuartersModel(ChiBoDb db) : SubtreePageModel
{
    public string? FullName { get; private set; }
    public IReadOnlyList<QuarterRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct)
    {
        var found = await (from m in db.Members.AsNoTracking()
                           where m.Id == memberId
                           join o in db.Organizations on m.CellId equals o.Id
                           select new { m.FullName, Cell = o }).SingleOrDefaultAsync(ct);
        if (found is null || !await HttpContext.CanAsync(Operation.CadresRead, Subtree.Of(found.Cell)))
        {
            Error = "Không có đảng viên này trong phạm vi bạn được xem.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        FullName = found.FullName;
        History = await EvaluationQueries.HistoryAsync(db, await HttpContext.ScopeAsync(), memberId, ct);
        await HttpContext.AuditReadAsync("CadreEvaluations", found.Cell.ProvinceId, memberId, found.Cell.Id);
        ViewData["Title"] = "Các quý đánh giá – " + FullName;
        return Page();
    }
}
