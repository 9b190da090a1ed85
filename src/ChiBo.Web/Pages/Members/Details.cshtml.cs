using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Web.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>A member's record (hồ sơ đảng viên, Mẫu 2-HSĐV) in sections, and the timeline.</summary>
[Requires(Operation.MembersRead)]
public sealed class DetailsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public int Id { get; private set; }
    public MemberRecord? Record { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>Cases and decisions about the member: only for Discipline.Read on their cell.</summary>
    public ChiBo.Discipline.DisciplineList? Discipline { get; private set; }

    public bool CanWrite { get; private set; }
    public bool CanWriteDiscipline { get; private set; }

    /// <summary>The member's procedures still in progress (thủ tục trực tuyến, corrections among them), newest first.</summary>
    public IReadOnlyList<ChiBo.Procedures.ProcedureRow> PendingProcedures { get; private set; } = [];

    public async Task OnGetAsync(int id)
    {
        Id = id;
        Today = clock.Today();
        Record = await MemberRecords.ReadAsync(HttpContext, db, id);
        if (Record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ViewData["Title"] = Record.Member.FullName;
        CanWrite = await HttpContext.CanAsync(Operation.MembersWrite, Record.CellSubtree);
        if (Record.ShowDiscipline)
        {
            Discipline = await ChiBo.Discipline.DisciplineQueries.OfMemberAsync(db, id, HttpContext.RequestAborted);
            CanWriteDiscipline = await HttpContext.CanAsync(Operation.DisciplineWrite, Record.CellSubtree);
        }

        PendingProcedures = (await ChiBo.Procedures.ProcedureQueries.ForMemberAsync(db, id, Today, HttpContext.RequestAborted))
            .Where(r => r.Status == ChiBo.Procedures.ProcedureStatus.InProgress).ToList();
    }
}
