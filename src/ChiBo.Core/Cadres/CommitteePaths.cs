using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>
/// Keeps the organization path on committee seats right over time, the way member periods keep
/// their cell's path: a seat written for a stretch gets one row per shape of the organization in
/// it, and a move of the organization splits the open rows at the move's date.
/// </summary>
public static class CommitteePaths
{
    /// <summary>The organization's paths over [from, to): consecutive pieces, the first starting at <paramref name="from"/>.</summary>
    public static async Task<List<(DateOnly From, DateOnly To, string Path)>> SegmentsAsync(
        ChiBoDb db, int orgId, DateOnly from, DateOnly to, string field, CancellationToken ct)
    {
        var periods = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == orgId && p.ValidFrom < to && p.ValidTo > from)
            .OrderBy(p => p.ValidFrom)
            .Select(p => new { p.ValidFrom, p.ValidTo, p.Path })
            .ToListAsync(ct);
        if (periods.Count == 0 || periods[0].ValidFrom > from)
        {
            throw new RuleViolationException(field, $"Tổ chức đảng chưa được thành lập vào ngày {Rules.Date(from)}.");
        }

        return periods.Select(p => (p.ValidFrom < from ? from : p.ValidFrom, p.ValidTo > to ? to : p.ValidTo, p.Path)).ToList();
    }

    /// <summary>The latest start or end of a seat in a subtree, for the "no later change" check of a move.</summary>
    public static Task<DateOnly?> LatestChangeAsync(ChiBoDb db, int provinceId, string lo, string hi, CancellationToken ct) =>
        db.CommitteeMemberships
            .Where(m => m.ProvinceId == provinceId && string.Compare(m.OrgPath, lo) >= 0 && string.Compare(m.OrgPath, hi) < 0)
            .Select(m => (DateOnly?)(m.ValidTo == Dates.OpenEnd ? m.ValidFrom : m.ValidTo))
            .MaxAsync(ct);

    /// <summary>
    /// The organization at [lo, hi) moves to <paramref name="newPrefix"/> on <paramref name="date"/>:
    /// open seats in the subtree are re-pathed when they began that day, else continued from it
    /// under the new path (the closing part keeps no end reason: the seat goes on).
    /// </summary>
    public static async Task MoveAsync(ChiBoDb db, int p, string lo, string hi, string newPrefix, int from, DateOnly date, CancellationToken ct)
    {
        var open = Dates.OpenEnd;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE committee_memberships SET org_path = {newPrefix} || substr(org_path, {from})
            WHERE province_id = {p} AND org_path >= {lo} AND org_path < {hi} AND valid_to = {open} AND valid_from = {date}
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO committee_memberships (province_id, committee_id, organization_id, org_path, levels, member_id, position,
                valid_from, valid_to, start_reason, end_reason, start_decision, end_decision)
            SELECT province_id, committee_id, organization_id, {newPrefix} || substr(org_path, {from}), levels, member_id, position,
                {date}, valid_to, NULL, NULL, NULL, end_decision
            FROM committee_memberships
            WHERE province_id = {p} AND org_path >= {lo} AND org_path < {hi} AND valid_to = {open} AND valid_from < {date}
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE committee_memberships SET valid_to = {date}, end_decision = NULL
            WHERE province_id = {p} AND org_path >= {lo} AND org_path < {hi} AND valid_to = {open} AND valid_from < {date}
            """, ct);
    }
}
