using ChiBo.Data;
using ChiBo.Web.Access;
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
    DateTimeOffset RecordedAt,
    string? DecidedBy = null);

/// <summary>
/// A member's record (hồ sơ đảng viên) with the cell now and the timeline, oldest first.
/// <see cref="ShowSensitive"/>: whether the caller may see ethnicity, religion and CCCD
/// (Members.ReadSensitive on the member's cell).
/// </summary>
public sealed record MemberRecord(
    Member Member, CellRef Cell, Subtree CellSubtree, IReadOnlyList<TimelineEntry> Timeline, bool ShowSensitive = false, bool ShowDiscipline = false);

public static class MemberRecords
{
    /// <summary>
    /// The record as the caller may read it: confined to their Members.Read subtree, sensitive
    /// fields only with Members.ReadSensitive on the member's cell; the read is audited.
    /// </summary>
    public static async Task<MemberRecord?> ReadAsync(HttpContext http, ChiBoDb db, int id)
    {
        var record = await FindAsync(db, await http.SubtreeAsync(ChiBo.Access.Operation.MembersRead), id, http.RequestAborted);
        if (record is null)
        {
            return null;
        }

        var sensitive = await http.CanAsync(ChiBo.Access.Operation.MembersReadSensitive, record.CellSubtree);
        var discipline = await http.CanAsync(ChiBo.Access.Operation.DisciplineRead, record.CellSubtree);
        await http.AuditReadAsync(nameof(Member), record.Member.ProvinceId, record.Member.Id, record.Member.CellId);
        return record with
        {
            ShowSensitive = sensitive,
            ShowDiscipline = discipline,
            Timeline = discipline ? record.Timeline : record.Timeline.Where(e => !DisciplineEvents.Contains(e.Kind)).ToList(),
        };
    }

    /// <summary>Timeline events that only callers with Discipline.Read on the member's cell see.</summary>
    public static readonly IReadOnlySet<MemberEventKind> DisciplineEvents = new HashSet<MemberEventKind>
    {
        MemberEventKind.Disciplined, MemberEventKind.DisciplineReviewed, MemberEventKind.Reinstated,
    };

    /// <summary>The member if their current cell lies in the caller's scope; null otherwise ("not found").</summary>
    public static async Task<MemberRecord?> FindAsync(ChiBoDb db, Subtree scope, int id, CancellationToken ct)
    {
        var found = await db.Members.AsNoTracking()
            .Where(m => m.Id == id)
            .Join(db.Organizations.In(scope), m => m.CellId, c => c.Id, (m, c) => new { Member = m, c.Code, c.Name, c.Path })
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
            e.RecordedAt,
            e.DecidedBy)).ToList();
        return new MemberRecord(found.Member, new CellRef(found.Code, found.Name), new Subtree(found.Member.ProvinceId, found.Path), timeline);
    }
}
