using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Portal;
using ChiBo.Web.Members;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The member's requests to correct their record (from the handbook), newest first.</summary>
    public IReadOnlyList<RecordCorrectionRequest> Corrections { get; private set; } = [];

    /// <summary>Whether the caller may close those requests (Members.Write on the member's cell).</summary>
    public bool CanResolve { get; private set; }

    public string? CorrectionError { get; private set; }

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

        Corrections = await RecordCorrections.OfMemberAsync(db, id, HttpContext.RequestAborted);
        CanResolve = await HttpContext.CanAsync(Operation.MembersWrite, Record.CellSubtree);
    }

    /// <summary>The cell committee closes a correction request: done (record corrected) or declined with a reason.</summary>
    public async Task<IActionResult> OnPostResolveCorrectionAsync(int id, long requestId, int version, bool done, string? note)
    {
        await OnGetAsync(id);
        if (Record is null || Corrections.All(r => r.Id != requestId))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!CanResolve)
        {
            return Forbid();
        }

        try
        {
            await RecordCorrections.ResolveAsync(db, clock, HttpContext.Actor(), requestId, version, done, note, HttpContext.RequestAborted);
            return Redirect($"/dang-vien/{id}#dinh-chinh");
        }
        catch (RuleViolationException e)
        {
            CorrectionError = e.Message;
            Response.StatusCode = e is EditConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
