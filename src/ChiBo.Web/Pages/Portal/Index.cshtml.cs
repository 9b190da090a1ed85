using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Portal;

namespace ChiBo.Web.Pages.Portal;

/// <summary>The handbook's home: the next meeting, open tasks, this year's fees, pending requests.</summary>
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public IReadOnlyList<HandbookMeeting> Upcoming { get; private set; } = [];
    public IReadOnlyList<MemberTask> OpenTasks { get; private set; } = [];
    public FeeYear? Fees { get; private set; }
    public int PendingCorrections { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return;
        }

        var id = Me!.Member.Id;
        Upcoming = await HandbookQueries.UpcomingAsync(Db, Me, Today, 3, ct);
        OpenTasks = await HandbookQueries.OpenTasksAsync(Db, id, ct);
        Fees = await HandbookQueries.FeesAsync(Db, id, Today.Year, Today, ct);
        PendingCorrections = (await RecordCorrections.OfMemberAsync(Db, id, ct)).Count(r => r.Status == CorrectionStatus.Pending);
    }
}
