using ChiBo.Data;
using ChiBo.Portal;

namespace ChiBo.Web.Pages.Portal;

/// <summary>My party fees (đảng phí) month by month for a year, with the monthly amount.</summary>
public sealed class FeesModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public FeeYear? Fees { get; private set; }

    public async Task OnGetAsync(int? nam, CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            var year = nam is >= 1930 && nam <= Today.Year ? nam.Value : Today.Year;
            Fees = await HandbookQueries.FeesAsync(Db, Me!.Member.Id, year, Today, ct);
        }
    }
}
