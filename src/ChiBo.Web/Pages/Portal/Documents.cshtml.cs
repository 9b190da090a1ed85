using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Portal;

/// <summary>
/// Documents I have to study (tài liệu cần học tập, nghiên cứu, quán triệt): those assigned to my
/// cell's upcoming or recent meetings, each with a "đã học" confirmation through the library's command.
/// </summary>
public sealed class DocumentsModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public IReadOnlyList<DocumentToStudy> ToStudy { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The document just confirmed (to thank the member).</summary>
    [BindProperty(SupportsGet = true, Name = "da-hoc")]
    public long? Confirmed { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            ToStudy = await DocumentQueries.ToStudyForMemberAsync(Db, Me!.Member.Id, Today, ct);
        }
    }

    public async Task<IActionResult> OnPostStudiedAsync(long documentId, CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return Page();
        }

        try
        {
            await new DocumentCommands(Db, Clock, HttpContext.Actor()).ConfirmStudiedAsync(documentId, Me!.Member.Id, null, ct);
            return Redirect($"/so-tay/tai-lieu?da-hoc={documentId}");
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ToStudy = await DocumentQueries.ToStudyForMemberAsync(Db, Me!.Member.Id, Today, ct);
            return Page();
        }
    }
}
