using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Members;

/// <summary>What the member page shows of a member's party life beyond the record.</summary>
public sealed record PartyLife(
    MemberView Member,
    DateOnly Today,
    int PartyAge,
    IReadOnlyList<(DateOnly From, DateOnly To)> Interruptions,
    IReadOnlyList<BadgeAward> Badges,
    (int Years, DateOnly On)? NextBadge,
    IReadOnlyList<PartyTransfer> Transfers,
    int? CandidateId,
    bool CanWrite);

/// <summary>
/// Tuổi đảng (from the admission date minus the interruptions, <see cref="PartyAgePolicy"/>), the
/// badges received and the next one, the transfers of party activity with their letters, and the
/// admission file; a section of the member page that loads its own data.
/// </summary>
public sealed class PartyLifeViewComponent(ChiBoDb db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(MemberRecord record)
    {
        var ct = HttpContext.RequestAborted;
        var m = record.Member;
        var today = clock.Today();
        var events = await db.MemberEvents.AsNoTracking().Where(e => e.MemberId == m.Id).Select(e => new { e.Kind, e.Date }).ToListAsync(ct);
        var gaps = PartyAgePolicy.Interruptions(events.Select(e => (e.Kind, e.Date)));
        var badges = await db.BadgeAwards.AsNoTracking().Where(a => a.MemberId == m.Id).OrderBy(a => a.Years).ToListAsync(ct);
        var last = badges.Count == 0 ? 0 : badges.Max(b => b.Years);
        var next = PartyAgePolicy.Milestones.Where(y => y > last).Select(y => (Years: y, On: PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, y)))
            .Where(x => x.On is not null).Select(x => ((int Years, DateOnly On)?)(x.Years, x.On!.Value)).FirstOrDefault();
        var transfers = await db.PartyTransfers.AsNoTracking().Where(t => t.MemberId == m.Id).OrderByDescending(t => t.LetterDate).ThenByDescending(t => t.Id).ToListAsync(ct);
        var candidate = await db.Candidates.AsNoTracking().Where(c => c.MemberId == m.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var canWrite = await HttpContext.CanAsync(Operation.MembersWrite, record.CellSubtree);
        return View(new PartyLife(m, today, PartyAgePolicy.PartyAgeOn(m.AdmittedOn, gaps, today), gaps, badges, next, transfers, candidate, canWrite));
    }
}
