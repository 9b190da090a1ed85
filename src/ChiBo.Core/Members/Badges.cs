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

public sealed record BadgeNotYetAwarded(int Years, bool Awarded) : IRule
{
    public string Field => "Years";

    public string Message => $"Đảng viên đã được trao Huy hiệu {Years} năm tuổi Đảng.";

    public bool IsBroken() => Awarded;
}

public static class Badges
{
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
                new DateIsNotInTheFuture("AwardedOn", "Ngày trao", on, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)),
                new PartyAgeReachesMilestone(years, PartyAgePolicy.ReachesOn(m.AdmittedOn, gaps, years), on, early),
                new BadgeNotYetAwarded(years, taken));
            var award = new BadgeAward
            {
                ProvinceId = m.ProvinceId, MemberId = m.Id, Years = years, AwardedOn = on, Early = early,
                DecisionNumber = string.IsNullOrWhiteSpace(decisionNumber) ? null : decisionNumber.Trim(),
                RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
            };
            db.BadgeAwards.Add(award);
            await db.SaveChangesAsync(ct);
            return award;
        }, ct);
}
