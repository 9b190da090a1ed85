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
/// A member's record (hồ sơ đảng viên) with the cell now and the timeline, oldest first, projected
/// for what the caller may see on the member's cell (<see cref="MemberSight"/>).
/// </summary>
public sealed record MemberRecord(MemberView Member, CellRef Cell, Subtree CellSubtree, IReadOnlyList<TimelineEntry> Timeline, MemberSight Sight)
{
    /// <summary>Ethnicity, religion and CCCD: Members.ReadSensitive on the member's cell.</summary>
    public bool ShowSensitive => Sight.Sensitive;

    /// <summary>Discipline: Discipline.Read on the member's cell.</summary>
    public bool ShowDiscipline => Sight.Discipline;
}

public static class MemberRecords
{
    /// <summary>
    /// The record as the caller may read it: confined to their Members.Read subtree, projected for
    /// what they may see on the member's cell; the read is audited.
    /// </summary>
    public static async Task<MemberRecord?> ReadAsync(HttpContext http, ChiBoDb db, int id)
    {
        var record = await FindAsync(db, await http.SubtreeAsync(ChiBo.Access.Operation.MembersRead), id, await http.ScopeAsync(), http.RequestAborted);
        if (record is not null)
        {
            await http.AuditReadAsync(nameof(Member), record.Member.ProvinceId, record.Member.Id, record.Member.CellId);
        }

        return record;
    }

    /// <summary>The member if their current cell lies in <paramref name="scope"/> (else null: "not found"), as <paramref name="caller"/> may see them.</summary>
    public static async Task<MemberRecord?> FindAsync(ChiBoDb db, Subtree scope, int id, ChiBo.Access.OrgScope caller, CancellationToken ct)
    {
        var found = await db.Members.AsNoTracking()
            .Where(m => m.Id == id)
            .Join(db.Organizations.In(scope), m => m.CellId, c => c.Id, (m, c) => new { Member = m, c.Code, c.Name, c.Path })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var cell = new Subtree(found.Member.ProvinceId, found.Path);
        var sight = MemberSight.On(caller, cell);
        var events = MemberTimeline.Of(await db.MemberEvents.AsNoTracking()
            .Where(e => e.MemberId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToListAsync(ct), sight);
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
        return new MemberRecord(MemberView.Of(found.Member, sight), new CellRef(found.Code, found.Name), cell, timeline, sight);
    }
}
