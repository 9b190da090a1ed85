using ChiBo.Data;
using ChiBo.Portal;

namespace ChiBo.Web.Pages.Portal;

/// <summary>My cell's meetings still to come; today's can be checked in from here.</summary>
public sealed class MeetingsModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public IReadOnlyList<HandbookMeeting> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            Upcoming = await HandbookQueries.UpcomingAsync(Db, Me!, Today, 12, ct);
        }
    }
}
