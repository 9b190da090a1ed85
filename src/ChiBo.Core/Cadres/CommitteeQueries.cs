using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

public sealed record CommitteeSeatRow(int MemberId, string FullName, string Position, DateOnly Since, string? Reason);

public sealed record CommitteeRow(
    int Id, string OrgCode, string OrgName, IReadOnlyList<string> Levels, string Term, DateOnly CongressOn, DateOnly TermEndsOn,
    DateOnly? EndedOn, string Formation, string? DecisionNumber, int Seats, int Vacancies, IReadOnlyList<CommitteeSeatRow> Members, int Version);

public sealed record CommitteeList(string Org, DateOnly AsOf, string? Level, IReadOnlyList<CommitteeRow> Committees, bool Truncated);

/// <summary>A seat from start to end, the stretches split by moves of the organization joined again.</summary>
public sealed record SeatHistory(
    int MemberId, string FullName, string Position, DateOnly From, DateOnly? To,
    string? StartReason, string? StartDecision, string? EndReason, string? EndDecision);

public sealed record CommitteeDetail(CommitteeRow Committee, IReadOnlyList<SeatHistory> History, IReadOnlyList<CommitteeRow> OtherTerms);

/// <summary>Committees "as of" a date in a subtree as the tree stood then, and one committee's whole history.</summary>
public static class CommitteeQueries
{
    public const int DefaultTake = 300;

    public static async Task<CommitteeList> ListAsync(
        ChiBoDb db, OrgLookup org, DateOnly asOf, CommitteeLevels? level, int take = DefaultTake, CancellationToken ct = default)
    {
        var subtree = await Reports.AsOf.SubtreeOnAsync(db, org, asOf, ct);
        if (subtree is not { } s)
        {
            return new CommitteeList(Reports.AsOf.Label(org), asOf, level is { } l0 ? CommitteeLevel.NameOf(l0) : null, [], false);
        }

        var (lo, hi) = (s.Path, s.UpperBound);
        var periods = db.OrganizationPeriods.AsNoTracking()
            .Where(p => string.Compare(p.Path, lo) >= 0 && string.Compare(p.Path, hi) < 0 && p.ValidFrom <= asOf && p.ValidTo > asOf);
        if (s.ProvinceId is { } province)
        {
            periods = periods.Where(p => p.ProvinceId == province);
        }

        var committees = db.Committees.AsNoTracking().Where(c => c.CongressOn <= asOf && c.ValidTo > asOf);
        if (level is { } l)
        {
            committees = committees.Where(c => (c.Levels & l) == l);
        }

        var found = await (
            from p in periods
            join c in committees on p.OrganizationId equals c.OrganizationId
            join o in db.Organizations on c.OrganizationId equals o.Id
            orderby p.Path
            select new { Committee = c, o.Code, p.Name })
            .Take(take + 1).ToListAsync(ct);
        var truncated = found.Count > take;
        found = found.Take(take).ToList();
        var ids = found.Select(f => f.Committee.Id).ToList();
        var seats = await SeatsOnAsync(db, ids, asOf, ct);
        var rows = found.Select(f => Row(f.Committee, f.Code, f.Name, seats.GetValueOrDefault(f.Committee.Id) ?? [])).ToList();
        return new CommitteeList(Reports.AsOf.Label(org), asOf, level is { } l1 ? CommitteeLevel.NameOf(l1) : null, rows, truncated);
    }

    /// <summary>The organization of a committee (for scope checks), or null.</summary>
    public static Task<int?> OrganizationOfAsync(ChiBoDb db, int committeeId, CancellationToken ct) =>
        db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => (int?)c.OrganizationId).FirstOrDefaultAsync(ct);

    /// <summary>One committee with every seat it ever had and the organization's other terms.</summary>
    public static async Task<CommitteeDetail?> DetailAsync(ChiBoDb db, int committeeId, DateOnly today, CancellationToken ct = default)
    {
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return null;
        }

        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == committee.OrganizationId, ct);
        var terms = await db.Committees.AsNoTracking().Where(c => c.OrganizationId == org.Id).OrderByDescending(c => c.CongressOn).ToListAsync(ct);
        var on = committee.ValidTo == Dates.OpenEnd ? (today < committee.CongressOn ? committee.CongressOn : today) : committee.ValidTo.AddDays(-1);
        var seats = await SeatsOnAsync(db, terms.Select(t => t.Id).ToList(), on, ct);
        var rows = await (
            from m in db.CommitteeMemberships.AsNoTracking()
            where m.CommitteeId == committeeId
            join p in db.Members on m.MemberId equals p.Id
            orderby m.MemberId, m.ValidFrom
            select new { Seat = m, p.FullName }).ToListAsync(ct);
        var history = new List<SeatHistory>();
        foreach (var r in rows)
        {
            var last = history.Count > 0 ? history[^1] : null;
            if (last is not null && last.MemberId == r.Seat.MemberId && r.Seat.StartReason is null && last.To == r.Seat.ValidFrom)
            {
                history[^1] = last with
                {
                    To = r.Seat.ValidTo == Dates.OpenEnd ? null : r.Seat.ValidTo,
                    EndReason = r.Seat.EndReason is { } e ? CadreNames.Of(e) : null,
                    EndDecision = r.Seat.EndDecision,
                };
                continue;
            }

            history.Add(new SeatHistory(
                r.Seat.MemberId, r.FullName, CadreNames.Of(r.Seat.Position), r.Seat.ValidFrom, r.Seat.ValidTo == Dates.OpenEnd ? null : r.Seat.ValidTo,
                r.Seat.StartReason is { } s ? CadreNames.Of(s) : null, r.Seat.StartDecision,
                r.Seat.EndReason is { } e2 ? CadreNames.Of(e2) : null, r.Seat.EndDecision));
        }

        var ordered = history.OrderBy(h => h.From).ThenBy(h => h.FullName, StringComparer.Ordinal).ToList();
        return new CommitteeDetail(
            Row(committee, org.Code, org.Name, seats.GetValueOrDefault(committee.Id) ?? []),
            ordered,
            terms.Where(t => t.Id != committee.Id).Select(t => Row(t, org.Code, org.Name, seats.GetValueOrDefault(t.Id) ?? [])).ToList());
    }

    private static async Task<Dictionary<int, List<CommitteeSeatRow>>> SeatsOnAsync(ChiBoDb db, List<int> committeeIds, DateOnly date, CancellationToken ct)
    {
        var seats = await (
            from m in db.CommitteeMemberships.AsNoTracking()
            where committeeIds.Contains(m.CommitteeId) && m.ValidFrom <= date && m.ValidTo > date
            join p in db.Members on m.MemberId equals p.Id
            select new { m.CommitteeId, m.MemberId, p.FullName, m.Position, m.ValidFrom, m.StartReason }).ToListAsync(ct);
        return seats
            .GroupBy(x => x.CommitteeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Position).ThenBy(x => x.FullName, StringComparer.Ordinal)
                .Select(x => new CommitteeSeatRow(x.MemberId, x.FullName, CadreNames.Of(x.Position), x.ValidFrom, x.StartReason is { } r ? CadreNames.Of(r) : null))
                .ToList());
    }

    private static CommitteeRow Row(Committee c, string code, string name, List<CommitteeSeatRow> members) => new(
        c.Id, code, name,
        CommitteeLevel.All.Where(l => (c.Levels & l.Level) != 0).Select(l => l.Name).ToList(),
        c.Term, c.CongressOn, c.TermEndsOn, c.ValidTo == Dates.OpenEnd ? null : c.ValidTo, CadreNames.Of(c.Formation), c.DecisionNumber,
        c.Seats, Math.Max(0, c.Seats - members.Count), members, c.Version);
}
