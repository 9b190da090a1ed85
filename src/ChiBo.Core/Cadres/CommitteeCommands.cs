using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>A seat of a new committee: who and in which position.</summary>
public sealed record CommitteeSeat(int MemberId, CommitteePosition Position);

/// <summary>Kết quả đại hội (or the appointment) of a committee for a term, with its members.</summary>
public sealed record CommitteeForming(
    int OrganizationId, string Term, DateOnly CongressOn, DateOnly TermEndsOn, CommitteeFormation Formation, int Seats,
    string? DecisionNumber, IReadOnlyList<CommitteeSeat> Members);

/// <summary>A member joins a committee during its term (bầu bổ sung, chỉ định bổ sung).</summary>
public sealed record MembershipStart(int MemberId, CommitteePosition Position, DateOnly On, MembershipChange Reason, string? DecisionNumber);

/// <summary>A member leaves a committee.</summary>
public sealed record MembershipEnd(DateOnly On, MembershipChange Reason, string? DecisionNumber);

/// <summary>A member takes another position in the committee (ủy viên → phó bí thư…).</summary>
public sealed record PositionChange(CommitteePosition Position, DateOnly On, string? DecisionNumber);

/// <summary>
/// Party committees and their members over time. Each command is one transaction, checks the
/// caller's authority (the level above records a committee: <see cref="CommitteeAuthority"/>) and
/// the committee's version, and writes seat rows with the organization's path of each stretch
/// (<see cref="CommitteePaths"/>).
/// </summary>
public sealed class CommitteeCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor)
{
    private const string What = "Cấp ủy";

    public DateOnly Today => clock.Today();

    /// <summary>Records a committee for a new term; the organization's current committee ends on the congress date.</summary>
    public Task<Committee> FormAsync(CommitteeForming f, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == f.OrganizationId, ct)
                ?? throw new RuleViolationException("OrganizationId", $"Không tìm thấy tổ chức đảng số {f.OrganizationId}.");
            CommitteeAuthority.Check(caller, org);
            var current = await db.Committees.Where(c => c.OrganizationId == org.Id && c.ValidTo == Dates.OpenEnd).SingleOrDefaultAsync(ct);
            var duplicate = f.Members.GroupBy(m => m.MemberId).Where(g => g.Count() > 1).Select(g => (int?)g.Key).FirstOrDefault();
            Rules.Check(
                new TermIsGiven(f.Term),
                new DateIsNotInTheFuture("CongressOn", "Ngày đại hội", f.CongressOn, Today),
                new TermEndsAfterCongress(f.CongressOn, f.TermEndsOn),
                new NewTermAfterCurrent(current, f.CongressOn),
                new SeatsAreEnough(f.Seats, f.Members.Count),
                new EachPersonOnce(duplicate),
                new OneSecretaryAtATime(f.Members.Count(m => m.Position == CommitteePosition.Secretary)));
            foreach (var seat in f.Members)
            {
                await CheckEligibleAsync(org, seat.MemberId, f.CongressOn, f.Formation == CommitteeFormation.Elected, ct);
            }

            if (current is not null)
            {
                var later = await db.CommitteeMemberships.AnyAsync(m => m.CommitteeId == current.Id && m.ValidFrom >= f.CongressOn && m.StartReason != null, ct);
                if (later)
                {
                    throw new RuleViolationException("CongressOn", $"Cấp ủy nhiệm kỳ {current.Term} có thay đổi sau ngày {Rules.Date(f.CongressOn)}: ngày đại hội phải sau các thay đổi đó.");
                }

                await CloseSeatsAsync(current.Id, f.CongressOn, MembershipChange.TermEnded, f.DecisionNumber, ct);
                current.ValidTo = f.CongressOn;
                current.Version++;
            }

            var committee = new Committee
            {
                ProvinceId = org.ProvinceId, OrganizationId = org.Id, Levels = CommitteeLevel.Of(org.Kind, org.Sector),
                Term = VietnameseText.Clean(f.Term), CongressOn = f.CongressOn, TermEndsOn = f.TermEndsOn, ValidTo = Dates.OpenEnd,
                Formation = f.Formation, Seats = f.Seats, DecisionNumber = Clean(f.DecisionNumber),
                RecordedBy = actor, RecordedAt = clock.GetUtcNow(), Version = 1,
            };
            db.Committees.Add(committee);
            await db.SaveChangesAsync(ct);
            var reason = f.Formation == CommitteeFormation.Elected ? MembershipChange.Elected : MembershipChange.Appointed;
            foreach (var seat in f.Members)
            {
                await OpenSeatAsync(committee, seat.MemberId, seat.Position, f.CongressOn, Dates.OpenEnd, reason, committee.DecisionNumber, null, null, ct);
            }

            await db.SaveChangesAsync(ct);
            return committee;
        }, ct);

    /// <summary>Bầu bổ sung, chỉ định bổ sung: a member joins during the term.</summary>
    public Task<Committee> AddMemberAsync(int committeeId, int version, MembershipStart s, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (committee, org) = await LoadAsync(committeeId, version, ct);
            Rules.Check(
                new ReasonFits(s.Reason, Starting: true),
                new DateIsNotInTheFuture("On", "Ngày bắt đầu", s.On, Today),
                new DateWithinTheTerm(committee, s.On));
            var name = await CheckEligibleAsync(org, s.MemberId, s.On, s.Reason != MembershipChange.Appointed, ct);
            var seated = await SeatedOnAsync(committee.Id, s.On, ct);
            Rules.Check(
                new NotAlreadyOnTheCommittee(name, seated.Any(x => x.MemberId == s.MemberId)),
                new SeatsAreEnough(committee.Seats, seated.Select(x => x.MemberId).Distinct().Count() + 1));
            await CheckSecretaryAsync(committee.Id, s.MemberId, s.Position, s.On, ct);
            await OpenSeatAsync(committee, s.MemberId, s.Position, s.On, committee.ValidTo, s.Reason, Clean(s.DecisionNumber),
                committee.ValidTo == Dates.OpenEnd ? null : MembershipChange.TermEnded, null, ct);
            committee.Version++;
            await db.SaveChangesAsync(ct);
            return committee;
        }, ct);

    /// <summary>A member leaves the committee on a date, for a reason.</summary>
    public Task<Committee> EndMembershipAsync(int committeeId, int version, int memberId, MembershipEnd e, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (committee, _) = await LoadAsync(committeeId, version, ct);
            Rules.Check(
                new ReasonFits(e.Reason, Starting: false),
                new DateIsNotInTheFuture("On", "Ngày thôi", e.On, Today),
                new DateWithinTheTerm(committee, e.On));
            var chain = await ChainAtAsync(committee.Id, memberId, e.On, ct);
            Rules.Check(new SitsOnTheCommittee(chain is not null));
            Rules.Check(new EndAfterStart(chain!.Start, e.On));
            Cut(chain, e.On, e.Reason, Clean(e.DecisionNumber));
            committee.Version++;
            await db.SaveChangesAsync(ct);
            return committee;
        }, ct);

    /// <summary>A member takes another position from a date (the old stretch ends, a new one begins, for the same seat).</summary>
    public Task<Committee> ChangePositionAsync(int committeeId, int version, int memberId, PositionChange c, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (committee, _) = await LoadAsync(committeeId, version, ct);
            Rules.Check(
                new DateIsNotInTheFuture("On", "Ngày thay đổi", c.On, Today),
                new DateWithinTheTerm(committee, c.On));
            var chain = await ChainAtAsync(committee.Id, memberId, c.On, ct);
            Rules.Check(new SitsOnTheCommittee(chain is not null));
            Rules.Check(new PositionIsDifferent(chain!.Rows[0].Position, c.Position), new EndAfterStart(chain.Start, c.On));
            await CheckSecretaryAsync(committee.Id, memberId, c.Position, c.On, ct);
            var last = chain.Rows[^1];
            var (end, endReason, endDecision) = (last.ValidTo, last.EndReason, last.EndDecision);
            var decision = Clean(c.DecisionNumber);
            Cut(chain, c.On, MembershipChange.PositionChanged, decision);
            await OpenSeatAsync(committee, memberId, c.Position, c.On, end, MembershipChange.PositionChanged, decision, endReason, endDecision, ct);
            committee.Version++;
            await db.SaveChangesAsync(ct);
            return committee;
        }, ct);

    /// <summary>The rows of one seat that hold on a date and the continuations after it.</summary>
    private sealed record Chain(DateOnly Start, List<CommitteeMembership> Rows);

    private async Task<Chain?> ChainAtAsync(int committeeId, int memberId, DateOnly on, CancellationToken ct)
    {
        var rows = await db.CommitteeMemberships.Where(m => m.CommitteeId == committeeId && m.MemberId == memberId)
            .OrderBy(m => m.ValidFrom).ToListAsync(ct);
        var k = rows.FindIndex(r => r.ValidFrom <= on && r.ValidTo > on);
        if (k < 0)
        {
            return null;
        }

        var first = k;
        while (first > 0 && rows[first].StartReason is null && rows[first - 1].ValidTo == rows[first].ValidFrom)
        {
            first--;
        }

        var chain = new List<CommitteeMembership> { rows[k] };
        for (var i = k + 1; i < rows.Count && rows[i].StartReason is null && rows[i].ValidFrom == rows[i - 1].ValidTo; i++)
        {
            chain.Add(rows[i]);
        }

        return new Chain(rows[first].ValidFrom, chain);
    }

    /// <summary>Ends the chain on <paramref name="on"/>: the row holding that day is closed, the rows after it go.</summary>
    private void Cut(Chain chain, DateOnly on, MembershipChange reason, string? decision)
    {
        var holding = chain.Rows[0];
        if (holding.ValidFrom == on)
        {
            throw new RuleViolationException("On", $"Ngày {Rules.Date(on)} là ngày bắt đầu của đoạn này; hãy chọn ngày sau đó.");
        }

        holding.ValidTo = on;
        holding.EndReason = reason;
        holding.EndDecision = decision;
        foreach (var later in chain.Rows.Skip(1))
        {
            db.CommitteeMemberships.Remove(later);
        }
    }

    private async Task CloseSeatsAsync(int committeeId, DateOnly on, MembershipChange reason, string? decision, CancellationToken ct)
    {
        var open = await db.CommitteeMemberships.Where(m => m.CommitteeId == committeeId && m.ValidTo > on).ToListAsync(ct);
        foreach (var row in open)
        {
            if (row.ValidFrom >= on)
            {
                db.CommitteeMemberships.Remove(row);
                continue;
            }

            row.ValidTo = on;
            row.EndReason = reason;
            row.EndDecision = decision;
        }
    }

    private async Task OpenSeatAsync(
        Committee committee, int memberId, CommitteePosition position, DateOnly from, DateOnly to,
        MembershipChange startReason, string? startDecision, MembershipChange? endReason, string? endDecision, CancellationToken ct)
    {
        var segments = await CommitteePaths.SegmentsAsync(db, committee.OrganizationId, from, to, "On", ct);
        for (var i = 0; i < segments.Count; i++)
        {
            var (segFrom, segTo, path) = segments[i];
            var last = i == segments.Count - 1;
            db.CommitteeMemberships.Add(new CommitteeMembership
            {
                ProvinceId = committee.ProvinceId, CommitteeId = committee.Id, OrganizationId = committee.OrganizationId, OrgPath = path,
                Levels = committee.Levels, MemberId = memberId, Position = position, ValidFrom = segFrom, ValidTo = last ? to : segTo,
                StartReason = i == 0 ? startReason : null, StartDecision = i == 0 ? startDecision : null,
                EndReason = last && to != Dates.OpenEnd ? endReason : null, EndDecision = last && to != Dates.OpenEnd ? endDecision : null,
            });
        }
    }

    private async Task<(Committee, Organization)> LoadAsync(int committeeId, int version, CancellationToken ct)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == committeeId, ct)
            ?? throw new RuleViolationException("CommitteeId", $"Không tìm thấy cấp ủy số {committeeId}.");
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == committee.OrganizationId, ct);
        CommitteeAuthority.Check(caller, org);
        Concurrency.CheckVersion($"Cấp ủy {org.Name} nhiệm kỳ {committee.Term}", version, committee.Version);
        return (committee, org);
    }

    /// <summary>Who holds a seat on the date.</summary>
    private Task<List<CommitteeMembership>> SeatedOnAsync(int committeeId, DateOnly on, CancellationToken ct) =>
        db.CommitteeMemberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.ValidFrom <= on && m.ValidTo > on).ToListAsync(ct);

    private async Task CheckSecretaryAsync(int committeeId, int memberId, CommitteePosition position, DateOnly on, CancellationToken ct)
    {
        if (position != CommitteePosition.Secretary)
        {
            return;
        }

        var other = await db.CommitteeMemberships.AnyAsync(m => m.CommitteeId == committeeId && m.MemberId != memberId
            && m.Position == CommitteePosition.Secretary && m.ValidTo > on, ct);
        Rules.Check(new OneSecretaryAtATime(other ? 2 : 1));
    }

    /// <summary>An official member in the Party on the date, inside the organization when elected; returns the name.</summary>
    private async Task<string> CheckEligibleAsync(Organization org, int memberId, DateOnly on, bool fromInside, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ProvinceId == org.ProvinceId)
            .Select(m => new { m.FullName }).SingleOrDefaultAsync(ct);
        var period = member is null
            ? null
            : await db.MemberPeriods.AsNoTracking().Where(p => p.MemberId == memberId && p.ValidFrom <= on && p.ValidTo > on)
                .Select(p => new { p.OfficialOn, p.Exempted, p.CellPath }).FirstOrDefaultAsync(ct);
        var official = period is { Exempted: false, OfficialOn: { } o } && o <= on;
        Rules.Check(new MemberIsOfficialOn(memberId, member?.FullName, official, on));
        if (fromInside)
        {
            var path = (await CommitteePaths.SegmentsAsync(db, org.Id, on, on.AddDays(1), "On", ct))[0].Path;
            Rules.Check(new ElectedFromTheOrganization(member!.FullName, org.Name, period!.CellPath.StartsWith(path, StringComparison.Ordinal)));
        }

        return member!.FullName;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Clean(text);
}
