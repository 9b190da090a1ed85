using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Members;

/// <summary>A Party badge (Huy hiệu Đảng) awarded to a member.</summary>
public sealed class BadgeAward
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }

    /// <summary>The milestone: 30, 40 … 90 years.</summary>
    public int Years { get; set; }

    public DateOnly AwardedOn { get; set; }
    public string? DecisionNumber { get; set; }

    /// <summary>Given before the milestone because the member is seriously ill.</summary>
    public bool Early { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A badge award as the API answers it.</summary>
public sealed record BadgeAwardView(int Id, int MemberId, int Years, DateOnly AwardedOn, string? DecisionNumber, bool Early, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static BadgeAwardView Of(BadgeAward a) => new(a.Id, a.MemberId, a.Years, a.AwardedOn, a.DecisionNumber, a.Early, a.RecordedBy, a.RecordedAt);
}

internal sealed class BadgeAwardConfiguration : IEntityTypeConfiguration<BadgeAward>
{
    public void Configure(EntityTypeBuilder<BadgeAward> b)
    {
        b.Property(a => a.DecisionNumber).HasMaxLength(100);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.MemberId, a.Years }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A member due a badge at a ceremony: <see cref="EarlyIfSeriouslyIll"/> when the milestone comes
/// after the ceremony but within the early-award window (the cell decides whether the member is
/// seriously ill).
/// </summary>
public sealed record BadgeDue(int MemberId, string FullName, string CellCode, DateOnly AdmittedOn, int PartyAge, int Milestone, DateOnly ReachesOn, bool EarlyIfSeriouslyIll);

public sealed record MilestoneIsKnown(int Years) : IRule
{
    public string Field => "Years";

    public string Message => $"Không có Huy hiệu {Years} năm tuổi Đảng (các mốc: {string.Join(", ", PartyAgePolicy.Milestones)}).";

    public bool IsBroken() => !PartyAgePolicy.Milestones.Contains(Years);
}

public sealed record BadgeOnCeremonyDay(DateOnly On, bool Early) : IRule
{
    public string Field => "AwardedOn";

    public string Message => $"Huy hiệu Đảng được trao vào các ngày 3/2, 19/5, 2/9, 7/11; ngày {Rules.Date(On)} không phải ngày trao.";

    public bool IsBroken() => !Early && !PartyAgePolicy.IsCeremonyDay(On);
}

/// <summary>The member has the party age for the badge, or is within the early window when seriously ill.</summary>
public sealed record PartyAgeReachesMilestone(int Years, DateOnly? ReachesOn, DateOnly On, bool Early) : IRule
{
    public string Field => "Years";

    public string Message => ReachesOn is { } r
        ? Early
            ? $"Chỉ được trao sớm Huy hiệu {Years} năm tuổi Đảng tối đa {PartyAgePolicy.EarlyMonths(Years)} tháng: đảng viên đủ {Years} năm tuổi Đảng ngày {Rules.Date(r)}."
            : $"Đảng viên đủ {Years} năm tuổi Đảng ngày {Rules.Date(r)}, sau ngày trao {Rules.Date(On)}."
        : "Đảng viên đang không sinh hoạt đảng.";

    public bool IsBroken() => ReachesOn is not { } r || (Early ? PartyAgePolicy.EarliestEarlyAward(r, Years) > On : r > On);
}

/// <summary>Truy tặng: the member died, at most 12 months before reaching the milestone.</summary>
public sealed record PosthumousWithinWindow(string Name, int Years, DateOnly? DiedOn, DateOnly? ReachesOn) : IRule
{
    public string Field => "Years";

    public string Message => DiedOn is not { } died
        ? $"Chỉ truy tặng Huy hiệu Đảng cho đảng viên đã từ trần; đồng chí {Name} chưa có sự kiện từ trần."
        : $"Chỉ truy tặng Huy hiệu {Years} năm tuổi Đảng khi đồng chí từ trần lúc còn thiếu không quá {PartyAgePolicy.PosthumousEarlyMonths} tháng: đồng chí {Name} từ trần ngày {Rules.Date(died)}, đủ {Years} năm tuổi Đảng ngày {(ReachesOn is { } r ? Rules.Date(r) : "—")}.";

    public bool IsBroken() => DiedOn is not { } died || ReachesOn is not { } r || !PartyAgePolicy.MayAwardPosthumously(r, died);
}

public sealed record BadgeNotYetAwarded(int Years, bool Awarded) : IRule
{
    public string Field => "Years";

    public string Message => $"Đảng viên đã được trao Huy hiệu {Years} năm tuổi Đảng.";

    public bool IsBroken() => Awarded;
}

/// <summary>A member who died recently and may be awarded a badge posthumously (truy tặng).</summary>
public sealed record PosthumousDue(int MemberId, string FullName, string CellCode, DateOnly AdmittedOn, DateOnly DiedOn, int Milestone, DateOnly ReachesOn);

public static class Badges
{
    /// <summary>
    /// Members of the subtree who died in the last <paramref name="withinYears"/> years and reach
    /// (or had reached) a milestone they were not awarded, at most 12 months after their death.
    /// </summary>
    public static async Task<IReadOnlyList<PosthumousDue>> PosthumousDueAsync(ChiBoDb db, Subtree subtree, DateOnly today, int withinYears = 2, CancellationToken ct = default)
    {
        var since = today.AddYears(-withinYears);
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var dead = await db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Died && cells.Contains(m.CellId))
            .Join(db.MemberEvents.Where(e => e.Kind == MemberEventKind.Died && e.Date >= since), m => m.Id, e => e.MemberId, (m, e) => new { m.Id, m.FullName, m.CellId, m.AdmittedOn, Died = e.Date })
            .Join(db.Organizations, x => x.CellId, o => o.Id, (x, o) => new { x.Id, x.FullName, o.Code, x.AdmittedOn, x.Died })
            .ToListAsync(ct);
        var ids = dead.Select(d => d.Id).ToList();
        var kinds = PartyAgePolicy.Leaving.Concat(PartyAgePolicy.Returning).ToList();
        var events = (await db.MemberEvents.AsNoTracking().Where(e => kinds.Contains(e.Kind) && ids.Contains(e.MemberId))
            .Select(e => new { e.MemberId, e.Kind, e.Date }).ToListAsync(ct)).ToLookup(e => e.MemberId, e => (e.Kind, e.Date));
        var awarded = (await db.BadgeAwards.AsNoTracking().Where(a => ids.Contains(a.MemberId))
            .GroupBy(a => a.MemberId).Select(g => new { g.Key, Max = g.Max(a => a.Years) }).ToListAsync(ct)).ToDictionary(a => a.Key, a => a.Max);
        var due = new List<PosthumousDue>();
        foreach (var d in dead)
        {
            var gaps = PartyAgePolicy.Interruptions(events[d.Id]);
            var last = awarded.GetValueOrDefault(d.Id);
            var candidates = PartyAgePolicy.Milestones.Where(y => y > last)
                .Select(y => (Years: y, On: PartyAgePolicy.ReachesOn(d.AdmittedOn, gaps, y)))
                .Where(x => x.On is { } on && PartyAgePolicy.MayAwardPosthumously(on, d.Died))
                .ToList();
            if (candidates.Count > 0)
            {
                var (years, on) = candidates[^1];
                due.Add(new PosthumousDue(d.Id, d.FullName, d.Code, d.AdmittedOn, d.Died, years, on!.Value));
            }
        }

        return due.OrderBy(d => d.CellCode, StringComparer.Ordinal).ThenBy(d => d.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Members of the subtree due a badge at ceremony <paramref name="ceremony"/>. Set-based: one
    /// query narrows to members old enough in the Party (interruptions only push milestones later,
    /// so admission alone is a safe filter), one reads their rare leaving/returning events and one
    /// their awards; the milestones are then computed in memory.
    /// </summary>
    public static async Task<IReadOnlyList<BadgeDue>> DueAsync(ChiBoDb db, Subtree subtree, DateOnly ceremony, CancellationToken ct = default)
    {
        var first = PartyAgePolicy.Milestones[0];
        var admittedBy = ceremony.AddMonths(PartyAgePolicy.EarlyMonths(first)).AddYears(-first);
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var members = db.Members.AsNoTracking()
            .Where(m => (m.Status == MemberStatus.Official || m.Status == MemberStatus.Exempted) && m.AdmittedOn <= admittedBy && cells.Contains(m.CellId));
        var ids = members.Select(m => m.Id);
        var rows = await members
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => new { m.Id, m.FullName, o.Code, m.AdmittedOn })
            .ToListAsync(ct);
        var kinds = PartyAgePolicy.Leaving.Concat(PartyAgePolicy.Returning).ToList();
        var events = (await db.MemberEvents.AsNoTracking()
                .Where(e => kinds.Contains(e.Kind) && ids.Contains(e.MemberId))
                .Select(e => new { e.MemberId, e.Kind, e.Date })
                .ToListAsync(ct))
            .ToLookup(e => e.MemberId, e => (e.Kind, e.Date));
        var awarded = (await db.BadgeAwards.AsNoTracking().Where(a => ids.Contains(a.MemberId))
                .GroupBy(a => a.MemberId).Select(g => new { g.Key, Max = g.Max(a => a.Years) }).ToListAsync(ct))
            .ToDictionary(a => a.Key, a => a.Max);

        var due = new List<BadgeDue>();
        foreach (var m in rows)
        {
            var gaps = PartyAgePolicy.Interruptions(events[m.Id]);
            var last = awarded.GetValueOrDefault(m.Id);
            var age = PartyAgePolicy.PartyAgeOn(m.AdmittedOn, gaps, ceremony);
            var reached = PartyAgePolicy.Milestones.Where(y => y > last && y <= age).DefaultIfEmpty().Max();
            if (reached > 0)
            {
                due.Add(new BadgeDue(m.Id, m.FullName, m.Code, m.AdmittedOn, age, reached, PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, reached)!.Value, false));
                continue;
            }

            var next = PartyAgePolicy.Milestones.FirstOrDefault(y => y > last && y > age);
            if (next > 0 && PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, next) is { } on && PartyAgePolicy.EarliestEarlyAward(on, next) <= ceremony)
            {
                due.Add(new BadgeDue(m.Id, m.FullName, m.Code, m.AdmittedOn, age, next, on, true));
            }
        }

        return due.OrderBy(d => d.CellCode, StringComparer.Ordinal).ThenByDescending(d => d.Milestone).ThenBy(d => d.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Truy tặng: the badge of a member who died at most 12 months before the milestone (or after it,
    /// not yet awarded). Not bound to the ceremony days; recorded as early when the milestone came after the death.
    /// </summary>
    public static Task<BadgeAward> AwardPosthumouslyAsync(ChiBoDb db, TimeProvider clock, string actor, int memberId, int years, DateOnly on, string? decisionNumber, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Huy hiệu Đảng", async () =>
        {
            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == memberId, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {memberId}.");
            var events = await db.MemberEvents.AsNoTracking().Where(e => e.MemberId == memberId).Select(e => new { e.Kind, e.Date }).ToListAsync(ct);
            var gaps = PartyAgePolicy.Interruptions(events.Select(e => (e.Kind, e.Date)).Where(e => e.Kind != MemberEventKind.Died));
            var died = m.Status == MemberStatus.Died ? events.Where(e => e.Kind == MemberEventKind.Died).Select(e => (DateOnly?)e.Date).Max() : null;
            var reaches = PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, years);
            var taken = await db.BadgeAwards.AnyAsync(a => a.MemberId == memberId && a.Years == years, ct);
            Rules.Check(
                new MilestoneIsKnown(years),
                new PosthumousWithinWindow(m.FullName, years, died, reaches),
                new DateIsNotInTheFuture("AwardedOn", "Ngày trao", on, clock.Today()),
                new BadgeNotYetAwarded(years, taken));
            return await SaveAsync(db, clock, actor, m, years, on, reaches > died, decisionNumber, ct);
        }, ct);

    /// <summary>Records a badge awarded (one transaction); early only for a seriously ill member within the window.</summary>
    public static Task<BadgeAward> AwardAsync(ChiBoDb db, TimeProvider clock, string actor, int memberId, int years, DateOnly on, string? decisionNumber, bool early, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Huy hiệu Đảng", async () =>
        {
            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == memberId, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {memberId}.");
            var events = await db.MemberEvents.AsNoTracking().Where(e => e.MemberId == memberId).Select(e => new { e.Kind, e.Date }).ToListAsync(ct);
            var gaps = PartyAgePolicy.Interruptions(events.Select(e => (e.Kind, e.Date)));
            var taken = await db.BadgeAwards.AnyAsync(a => a.MemberId == memberId && a.Years == years, ct);
            Rules.Check(
                new MilestoneIsKnown(years),
                new MemberIsActive(m),
                new BadgeOnCeremonyDay(on, early),
                new DateIsNotInTheFuture("AwardedOn", "Ngày trao", on, clock.Today()),
                new PartyAgeReachesMilestone(years, PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, years), on, early),
                new BadgeNotYetAwarded(years, taken));
            return await SaveAsync(db, clock, actor, m, years, on, early, decisionNumber, ct);
        }, ct);

    private static async Task<BadgeAward> SaveAsync(
        ChiBoDb db, TimeProvider clock, string actor, Member m, int years, DateOnly on, bool early, string? decisionNumber, CancellationToken ct)
    {
        var award = new BadgeAward
        {
            ProvinceId = m.ProvinceId, MemberId = m.Id, Years = years, AwardedOn = on, Early = early,
            DecisionNumber = string.IsNullOrWhiteSpace(decisionNumber) ? null : decisionNumber.Trim(),
            RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
        };
        db.BadgeAwards.Add(award);
        await db.SaveChangesAsync(ct);
        return award;
    }
}
