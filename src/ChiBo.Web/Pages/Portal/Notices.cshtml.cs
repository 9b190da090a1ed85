using ChiBo.Data;
using ChiBo.Notices;

namespace ChiBo.Web.Pages.Portal;

/// <summary>Notices of my cell and the organizations above it that are in force today, newest first.</summary>
public sealed class NoticesModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    /// <summary>How many notices the page shows.</summary>
    public const int Limit = 20;

    public IReadOnlyList<NoticeItem> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            Notices = await NoticeQueries.ForMemberAsync(Db, Me!.Member.Id, Today, Limit, ct);
        }
    }
}
