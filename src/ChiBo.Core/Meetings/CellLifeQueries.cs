using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Meetings;

/// <summary>One member on a meeting's roll call, with what was recorded for them (nothing yet: null).</summary>
public sealed record RollLine(int MemberId, string FullName, Presence? Presence, string? Reason, bool OnRoll);

/// <summary>A member of a cell during a year with their tasks, commitment and residence confirmation.</summary>
public sealed record MemberYear(
    int MemberId,
    string FullName,
    MemberStatus Status,
    bool NeedsResidenceComment,
    IReadOnlyList<MemberTask> Tasks,
    MemberCommitment? Commitment,
    ResidenceConfirmation? Residence)
{
    public bool Assigned => Tasks.Count > 0;
}

/// <summary>The reads behind the cell secretary's pages: a cell's meetings, a roll call, its members' year.</summary>
public static class CellLifeQueries
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Orders Vietnamese names as the users read them (diacritics after the bare letter).</summary>
    public static readonly IComparer<string> ByName = Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b, CompareOptions.None));

    /// <summary>The cell's meetings dated in the year, by date (regular before thematic on the same day).</summary>
    public static Task<List<Meeting>> MeetingsOfYearAsync(ChiBoDb db, int cellId, int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);
        return db.Meetings.AsNoTracking()
            .Where(m => m.CellId == cellId && m.Date >= start && m.Date < end)
            .OrderBy(m => m.Date).ThenBy(m => m.Kind).ThenBy(m => m.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The roll call of a meeting: every member due to attend (in the cell on the date and not
    /// exempted), then anyone recorded earlier who no longer is (shown, so the secretary sees it).
    /// </summary>
    public static async Task<IReadOnlyList<RollLine>> RollCallAsync(ChiBoDb db, Meeting meeting, CancellationToken ct)
    {
        var due = await db.MemberPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == meeting.ProvinceId && p.CellPath == meeting.CellPath && p.CellId == meeting.CellId
                && p.ValidFrom <= meeting.Date && p.ValidTo > meeting.Date && !p.Exempted)
            .Select(p => p.MemberId)
            .ToListAsync(ct);
        var recorded = await db.MeetingAttendances.AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        var ids = due.Concat(recorded.Select(a => a.MemberId)).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var dueSet = due.ToHashSet();
        return ids
            .Select(id =>
            {
                var a = recorded.FirstOrDefault(r => r.MemberId == id);
                return new RollLine(id, names.GetValueOrDefault(id, ""), a?.Presence, a?.Reason, dueSet.Contains(id));
            })
            .OrderBy(l => !l.OnRoll).ThenBy(l => l.FullName, ByName).ThenBy(l => l.MemberId)
            .ToList();
    }

    /// <summary>
    /// The members of the cell at some time in the year who were not exempted then (the roll of
    /// "members assigned" in <see cref="ComplianceReport"/>), with what the cell recorded for them that year.
    /// </summary>
    /// <param name="memberId">Only this member, when they belonged to the cell in the year (one member's page).</param>
    public static async Task<IReadOnlyList<MemberYear>> MembersOfYearAsync(
        ChiBoDb db, Organization cell, int year, CancellationToken ct, int? memberId = null)
    {
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);

        // The cell's paths during the year keep the reads on the (province, path) indexes.
        var paths = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == cell.Id && p.ValidFrom < end && p.ValidTo > start)
            .Select(p => p.Path).Distinct().ToListAsync(ct);
        var periods = db.MemberPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == cell.ProvinceId && paths.Contains(p.CellPath) && p.CellId == cell.Id
                && p.ValidFrom < end && p.ValidTo > start && !p.Exempted);
        if (memberId is { } only)
        {
            periods = periods.Where(p => p.MemberId == only);
        }

        var memberIds = await periods.Select(p => p.MemberId).Distinct().ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.Status, m.Retired }).ToListAsync(ct);
        var tasks = await db.MemberTasks.AsNoTracking()
            .Where(t => t.ProvinceId == cell.ProvinceId && t.Year == year && t.CellId == cell.Id && (memberId == null || t.MemberId == memberId))
            .OrderBy(t => t.AssignedOn).ThenBy(t => t.Id).ToListAsync(ct);
        var tasksOf = tasks.ToLookup(t => t.MemberId);
        var commitments = await db.MemberCommitments.AsNoTracking()
            .Where(c => c.Year == year && memberIds.Contains(c.MemberId)).ToDictionaryAsync(c => c.MemberId, ct);
        var residence = await db.ResidenceConfirmations.AsNoTracking()
            .Where(c => c.Year == year && memberIds.Contains(c.MemberId)).ToDictionaryAsync(c => c.MemberId, ct);
        return members
            .Select(m => new MemberYear(
                m.Id, m.FullName, m.Status, MeetingRules.NeedsResidenceComment(cell.Sector, m.Retired),
                tasksOf[m.Id].ToList(), commitments.GetValueOrDefault(m.Id), residence.GetValueOrDefault(m.Id)))
            .OrderBy(m => m.FullName, ByName).ThenBy(m => m.MemberId)
            .ToList();
    }
}
