using ChiBo.Data;
using ChiBo.Portal;

namespace ChiBo.Web.Pages.Portal;

/// <summary>My record (hồ sơ của tôi), read-only, and my correction requests.</summary>
public sealed class RecordModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public IReadOnlyList<RecordCorrectionRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            Requests = await RecordCorrections.OfMemberAsync(Db, Me!.Member.Id, ct);
        }
    }
}
