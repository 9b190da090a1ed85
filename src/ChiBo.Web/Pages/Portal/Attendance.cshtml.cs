using ChiBo.Data;
using ChiBo.Portal;

namespace ChiBo.Web.Pages.Portal;

/// <summary>My attendance history (lịch sử dự sinh hoạt) for a year, with the rate.</summary>
public sealed class AttendanceModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public AttendanceYear? History { get; private set; }

    public async Task OnGetAsync(int? nam, CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            var year = nam is >= 1930 and <= 9998 ? nam.Value : Today.Year;
            History = await HandbookQueries.AttendanceAsync(Db, Me!.Member.Id, year, ct);
        }
    }
}
