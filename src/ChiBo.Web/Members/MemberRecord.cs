using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Members;

public sealed record CellRef(string Code, string Name);

public sealed record TimelineEntry(
    DateOnly Date,
    MemberEventKind Kind,
    CellRef? Cell,
    CellRef? OtherCell,
    string? DecisionNumber,
    string? Reason,
    string? Details,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A member's record (hồ sơ đảng viên) with the cell now and the timeline, oldest first.</summary>
public sealed record MemberRecord(Member Member, CellRef Cell, IReadOnlyList<TimelineEntry> Timeline);

public static class MemberRecords
{
    /// <summary>The member if their current cell lies in the caller's scope; null otherwise ("not found").</summary>
    public static async Task<MemberRecord?> FindAsync(ChiBoDb db, Subtree scope, int id, CancellationToken ct)
    {
        var found = await db.Members.AsNoTracking()
            .Where(m => m.Id == id)
            .Join(db.Organizations.In(scope), m => m.CellId, c => c.Id, (m, c) => new { Member = m, c.Code, c.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var events = await db.MemberEvents.AsNoTracking()
            .Where(e => e.MemberId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToListAsync(ct);
        var cellIds = events.Select(e => e.CellId).Concat(events.Where(e => e.OtherCellId != null).Select(e => e.OtherCellId!.Value)).Distinct().ToList();
        var cells = await db.Organizations.AsNoTracking()
            .Where(o => cellIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name })
            .ToDictionaryAsync(o => o.Id, o => new CellRef(o.Code, o.Name), ct);

        var timeline = events.Select(e => new TimelineEntry(
            e.Date,
            e.Kind,
            cells.GetValueOrDefault(e.CellId),
            e.OtherCellId is { } other ? cells.GetValueOrDefault(other) : null,
            e.DecisionNumber,
            e.Reason,
            e.Details,
            e.RecordedBy,
            e.RecordedAt)).ToList();
        return new MemberRecord(found.Member, new CellRef(found.Code, found.Name), timeline);
    }
}
