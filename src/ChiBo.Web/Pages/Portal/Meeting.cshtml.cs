using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Portal;

/// <summary>One meeting of my cell (agenda, documents, place) and my check-in on its day.</summary>
public sealed class MeetingModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public HandbookMeeting? Meeting { get; private set; }
    public string? Error { get; private set; }
    public bool CheckedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool daDiemDanh, CancellationToken ct)
    {
        CheckedIn = daDiemDanh;
        return await LoadAsync(id, ct) ? Page() : NotFoundPage();
    }

    /// <summary>Tự điểm danh: the member's own line only, on the meeting's day.</summary>
    public async Task<IActionResult> OnPostCheckInAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        // Many members check in at once when a meeting starts: each check-in moves the meeting's
        // version, so one that lost the race is simply tried again on fresh data.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await new MeetingCommands(Db, Clock).CheckInAsync(id, Me!.Member.Id, ct);
                return Redirect($"/so-tay/sinh-hoat/{id}?daDiemDanh=true");
            }
            catch (MeetingEditConflictException) when (attempt < 3)
            {
                Db.ChangeTracker.Clear();
            }
            catch (MeetingRuleException e)
            {
                Error = e.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return false;
        }

        Meeting = await HandbookQueries.MeetingAsync(Db, Me!, id, ct);
        ViewData["Title"] = Meeting?.Title;
        return Meeting is not null;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
