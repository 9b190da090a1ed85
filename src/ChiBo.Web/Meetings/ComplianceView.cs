using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Meetings;

/// <summary>
/// The cells of one organization directly below the report's organization, added up: a row of
/// the drill-down table. <see cref="Code"/> is null for cells no longer under any of today's
/// children (dissolved or moved away since).
/// </summary>
public sealed record ComplianceGroup(
    string? Code,
    string Name,
    OrgKind? Kind,
    int Cells,
    int CellsMeetingEveryMonth,
    int CellsWithThematicEveryQuarter,
    int CellsCompliant,
    int Meetings,
    long MembersPresent,
    long MembersOnRoll,
    int MeetingsRatedGood,
    long ActiveMembers,
    long MembersAssigned)
{
    public decimal CompliantShare => ComplianceReport.Share(CellsCompliant, Cells);

    public decimal AttendanceRate => ComplianceReport.Share(MembersPresent, MembersOnRoll);

    public decimal GoodShare => ComplianceReport.Share(MeetingsRatedGood, Meetings);

    public decimal AssignedShare => ComplianceReport.Share(MembersAssigned, ActiveMembers);
}

public static class ComplianceView
{
    /// <summary>A cell meets both rules of Chỉ thị 50-CT/TW: a regular meeting every month, a thematic one every quarter.</summary>
    public static bool Compliant(CellCompliance c) => c.MeetsEveryMonth && c.ThematicEveryQuarter;

    /// <summary>
    /// The report's cells grouped by the organization directly below <paramref name="org"/> that
    /// holds them today (a null org: the provinces), worst first: the lowest share of cells that
    /// meet both rules, then the lowest attendance.
    /// </summary>
    public static async Task<IReadOnlyList<ComplianceGroup>> ChildrenAsync(
        ChiBoDb db, Organization? org, IReadOnlyList<CellCompliance> rows, CancellationToken ct)
    {
        var depth = org is null ? 0 : Subtree.Ids(org.Path).Length;
        int? ChildOf(CellCompliance row)
        {
            var ids = Subtree.Ids(row.Path);
            return ids.Length > depth && (org is null || ids[depth - 1] == org.Id) ? ids[depth] : null;
        }

        var byChild = rows.GroupBy(ChildOf).ToList();
        var childIds = byChild.Where(g => g.Key is not null).Select(g => g.Key!.Value).ToList();
        var children = await db.Organizations.AsNoTracking().Where(o => childIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind }).ToDictionaryAsync(o => o.Id, ct);
        return byChild
            .Select(g =>
            {
                var child = g.Key is { } id ? children.GetValueOrDefault(id) : null;
                return new ComplianceGroup(
                    child?.Code, child?.Name ?? "Chi bộ đã giải thể hoặc chuyển đi", child?.Kind,
                    g.Count(), g.Count(r => r.MeetsEveryMonth), g.Count(r => r.ThematicEveryQuarter), g.Count(Compliant),
                    g.Sum(r => r.MeetingsHeld), g.Sum(r => (long)r.MembersPresent), g.Sum(r => (long)r.MembersOnRoll),
                    g.Sum(r => r.MeetingsRatedGood), g.Sum(r => (long)r.ActiveMembers), g.Sum(r => (long)r.MembersAssigned));
            })
            .OrderBy(g => g.CompliantShare).ThenBy(g => g.AttendanceRate).ThenBy(g => g.Name, CellLifeQueries.ByName)
            .ToList();
    }

    /// <summary>The cells that miss a month or a quarter, those missing most first.</summary>
    public static IReadOnlyList<CellCompliance> ShortOfTheRules(IReadOnlyList<CellCompliance> rows) =>
        rows.Where(r => !Compliant(r))
            .OrderByDescending(r => r.MissedMonths.Count + r.MissedQuarters.Count)
            .ThenBy(r => r.AttendanceRate)
            .ThenBy(r => r.Name, CellLifeQueries.ByName)
            .ToList();

    /// <summary>"tháng 3, 5, 11" or "quý 2".</summary>
    public static string List(string word, IReadOnlyList<int> numbers) =>
        numbers.Count == 0 ? "" : word + " " + string.Join(", ", numbers.Select(n => n.ToString(VietnameseFormats.Culture)));
}
