using ChiBo.Data;
using ChiBo.Procedures;

namespace ChiBo.Web.Pages.Portal;

/// <summary>My record (hồ sơ của tôi), read-only, and my correction requests (the procedures' Correction kind).</summary>
public sealed class RecordModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public IReadOnlyList<ProcedureRow> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            Requests = (await ProcedureQueries.ForMemberAsync(Db, Me!.Member.Id, Today, ct))
                .Where(r => r.Kind == ProcedureKind.Correction).ToList();
        }
    }
}
