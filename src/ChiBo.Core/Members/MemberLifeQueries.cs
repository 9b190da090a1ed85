using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Meetings;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members;

/// <summary>An exempted member whose review date (ngày xem xét lại) has come or comes soon.</summary>
public sealed record ExemptionDue(
    int MemberId, string FullName, string CellCode, string CellName, DateOnly? ExemptedOn, ExemptionGround? Ground, DateOnly ReviewOn, bool Overdue, int Version);

/// <summary>
/// A member the data suggests the cell consider for xóa tên, with the months behind it: months of
/// the year with an unexcused absence from a held cell meeting, and months of party fee unpaid.
/// </summary>
public sealed record StrikeOffSuggestion(
    int MemberId, string FullName, string CellCode, string CellName, IReadOnlyList<int> AbsentMonths, IReadOnlyList<int> UnpaidMonths, int Version)
{
    public bool ForAbsence => AbsentMonths.Count >= StrikeOffSuggestions.MonthsForStrikeOff;

    public bool ForFees => UnpaidMonths.Count >= StrikeOffSuggestions.MonthsForStrikeOff;
}

public static class ExemptionReviews
{
    /// <summary>Exempted members of the subtree (by their cell now) whose review date falls on or before <paramref name="by"/>.</summary>
    public static async Task<IReadOnlyList<ExemptionDue>> DueAsync(ChiBoDb db, Subtree subtree, DateOnly by, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Exempted && m.ExemptionReviewOn != null && m.ExemptionReviewOn <= by)
            .Join(db.Organizations.In(subtree), m => m.CellId, c => c.Id, (m, c) => new
            {
                m.Id, m.FullName, c.Code, c.Name, m.ExemptionGround, ReviewOn = m.ExemptionReviewOn!.Value, m.Version,
                ExemptedOn = db.MemberEvents.Where(e => e.MemberId == m.Id && e.Kind == MemberEventKind.Exempted).Max(e => (DateOnly?)e.Date),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ReviewOn).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .Select(r => new ExemptionDue(r.Id, r.FullName, r.Code, r.Name, r.ExemptedOn, r.ExemptionGround, r.ReviewOn, r.ReviewOn < today, r.Version))
            .ToList();
    }
}

/// <summary>
/// Đề nghị xóa tên from the data. Điều lệ Đảng, Điều 8 (and Quy định 24-QĐ/TW thi hành Điều lệ):
/// a member who, without good reason, misses party meetings or does not pay party fees for three
/// months in a year is considered by the cell for xóa tên. The list suggests; the cell decides.
/// Absence months are months with an unexcused absence (vắng không lý do) from a held meeting;
/// fee months come from <see cref="FeeLedger.ArrearsAsync"/>.
/// </summary>
public static class StrikeOffSuggestions
{
    /// <summary>Three months in the year, for absence and for fees alike (<see cref="FeePolicy.UnpaidMonthsForStrikeOff"/>).</summary>
    public const int MonthsForStrikeOff = FeePolicy.UnpaidMonthsForStrikeOff;

    /// <summary>Current members of the subtree (by their cell now) with three or more such months in <paramref name="year"/> up to <paramref name="throughMonth"/>.</summary>
    public static async Task<IReadOnlyList<StrikeOffSuggestion>> ForAsync(ChiBoDb db, Subtree subtree, int year, int throughMonth, CancellationToken ct = default)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, throughMonth, 1).AddMonths(1));
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.UnexcusedCount > 0 && m.Status == MeetingStatus.Held && m.Date >= start && m.Date < end
            && string.Compare(m.CellPath, lo) >= 0 && string.Compare(m.CellPath, hi) < 0);
        if (subtree.ProvinceId is { } province)
        {
            meetings = meetings.Where(m => m.ProvinceId == province);
        }

        var absences = await meetings
            .Join(db.MeetingAttendances.Where(a => a.Presence == Presence.Unexcused), m => m.Id, a => a.MeetingId, (m, a) => new { a.MemberId, m.Date })
            .ToListAsync(ct);
        var absentMonths = absences.GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Date.Month).Distinct().Order().ToList())
            .Where(kv => kv.Value.Count >= MonthsForStrikeOff)
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        var arrears = (await FeeLedger.ArrearsAsync(db, subtree, year, throughMonth, ct)).Where(a => a.StrikeOffCandidate).ToList();
        var arrearIds = arrears.Select(a => a.MemberId).ToList();
        var paid = await db.FeePayments.AsNoTracking().Where(p => arrearIds.Contains(p.MemberId) && p.Year == year && p.Month <= throughMonth)
            .Select(p => new { p.MemberId, p.Month }).ToListAsync(ct);
        var paidBy = paid.GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.Select(p => p.Month).ToHashSet());
        var unpaidMonths = arrears.ToDictionary(
            a => a.MemberId,
            a => Enumerable.Range(throughMonth - a.MonthsOwed + 1, a.MonthsOwed)
                .Where(month => !paidBy.TryGetValue(a.MemberId, out var months) || !months.Contains(month)).ToList());

        var ids = absentMonths.Keys.Concat(unpaidMonths.Keys).Distinct().ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official || m.Status == MemberStatus.Exempted))
            .Join(db.Organizations.In(subtree), m => m.CellId, c => c.Id, (m, c) => new { m.Id, m.FullName, c.Code, c.Name, m.Version })
            .ToListAsync(ct);
        return members
            .Select(m => new StrikeOffSuggestion(m.Id, m.FullName, m.Code, m.Name,
                absentMonths.GetValueOrDefault(m.Id) ?? [], unpaidMonths.GetValueOrDefault(m.Id) ?? [], m.Version))
            .Where(s => s.ForAbsence || s.ForFees)
            .OrderBy(s => s.CellCode, StringComparer.Ordinal).ThenBy(s => s.FullName, StringComparer.Ordinal).ThenBy(s => s.MemberId)
            .ToList();
    }
}
