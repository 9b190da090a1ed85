using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Meetings;
using ChiBo.Notices;
using ChiBo.Notifications;
using ChiBo.Portal;
using ChiBo.Procedures;

namespace ChiBo.Web.Pages.Portal;

/// <summary>
/// The handbook's home: the next meeting, documents to study, notices, open tasks, this year's
/// fees, my requests (procedures) and unread notifications.
/// </summary>
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    /// <summary>Notices on the home page; the rest are on /so-tay/thong-bao.</summary>
    public const int LatestNotices = 3;

    public IReadOnlyList<HandbookMeeting> Upcoming { get; private set; } = [];
    public IReadOnlyList<MemberTask> OpenTasks { get; private set; } = [];
    public FeeYear? Fees { get; private set; }
    public IReadOnlyList<DocumentToStudy> ToStudy { get; private set; } = [];
    public IReadOnlyList<NoticeItem> Notices { get; private set; } = [];
    public IReadOnlyList<ProcedureRow> Requests { get; private set; } = [];
    public int Unread { get; private set; }

    /// <summary>The latest published rating, and whether a year's rating is still under way.</summary>
    public ChiBo.Ratings.MyRating? LatestRating { get; private set; }

    public ChiBo.Ratings.MyRating? PendingRating { get; private set; }

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
        ToStudy = await DocumentQueries.ToStudyForMemberAsync(Db, id, Today, ct);
        Notices = await NoticeQueries.ForMemberAsync(Db, id, Today, LatestNotices, ct);
        Requests = await ProcedureQueries.ForMemberAsync(Db, id, Today, ct);
        Unread = (await NotificationQueries.UnreadForMemberAsync(Db, id, ct)).Count;
        var ratings = await ChiBo.Ratings.RatingQueries.MineAsync(Db, id, ct);
        LatestRating = ratings.FirstOrDefault(r => r.PublishedOn is not null);
        PendingRating = ratings.FirstOrDefault(r => r.PublishedOn is null && r.Year > (LatestRating?.Year ?? 0));
    }
}
