using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Villages;

public sealed record CoveringCell(int Id, string Code, string Name, int Members, int VillagesCovered);

public sealed record HeadRow(string Role, string FullName, int? MemberId, bool IsMember, DateOnly Since);

public sealed record VillageRow(
    int Id, string Kind, string Name, string CommuneCode, string CommuneName, DateOnly EstablishedOn,
    IReadOnlyList<CoveringCell> Cells, bool OwnCell, bool Combined, HeadRow? Head, HeadRow? FrontWorkHead, int Version);

/// <summary>
/// The figures the plans ask about villages (PLAN-SPEC §6): how many have a cell of their own
/// (covered by exactly one cell that covers no other village), are in a chi bộ ghép, have no cell,
/// have no party member in their cells, and whose heads and front-work heads are party members.
/// </summary>
public sealed record VillageSummary(
    int Villages, int OwnCell, int Combined, int WithoutCell, int WithoutMember, int CombinedCells,
    int Heads, int HeadsMembers, int FrontWorkHeads, int FrontWorkHeadsMembers);

public sealed record VillageRegister(string Org, DateOnly AsOf, VillageSummary Summary, IReadOnlyList<VillageRow> Villages, bool Truncated);

/// <summary>Villages of the communes in a subtree as it stood on a date, with their cells and heads then.</summary>
public static class VillageQueries
{
    public const int DefaultTake = 2000;

    public static async Task<VillageRegister> RegisterAsync(ChiBoDb db, OrgLookup org, DateOnly asOf, int take = DefaultTake, CancellationToken ct = default)
    {
        var empty = new VillageRegister(Reports.AsOf.Label(org), asOf, new VillageSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), [], false);
        if (await Reports.AsOf.SubtreeOnAsync(db, org, asOf, ct) is not { } s)
        {
            return empty;
        }

        var (lo, hi) = (s.Path, s.UpperBound);
        var orgs = db.OrganizationPeriods.AsNoTracking()
            .Where(p => string.Compare(p.Path, lo) >= 0 && string.Compare(p.Path, hi) < 0 && p.ValidFrom <= asOf && p.ValidTo > asOf);
        if (s.ProvinceId is { } province)
        {
            orgs = orgs.Where(p => p.ProvinceId == province);
        }

        var villages = await (
            from v in db.Villages.AsNoTracking()
            join p in orgs on v.CommuneId equals p.OrganizationId
            join o in db.Organizations on v.CommuneId equals o.Id
            where v.EstablishedOn <= asOf && v.ValidTo > asOf
            orderby p.Path, v.Name
            select new { Village = v, o.Code, p.Name }).ToListAsync(ct);
        if (villages.Count == 0)
        {
            return empty;
        }

        var ids = villages.Select(v => v.Village.Id).ToList();
        var coverage = await (
            from c in db.VillageCells.AsNoTracking()
            where ids.Contains(c.VillageId) && c.ValidFrom <= asOf && c.ValidTo > asOf
            join o in db.Organizations on c.CellId equals o.Id
            select new { c.VillageId, c.CellId, o.Code, o.Name }).ToListAsync(ct);
        var cellIds = coverage.Select(c => c.CellId).Distinct().ToList();

        // A cell's villages are counted over all villages it covers that day, not only those listed here.
        var villagesPerCell = await db.VillageCells.AsNoTracking()
            .Where(c => cellIds.Contains(c.CellId) && c.ValidFrom <= asOf && c.ValidTo > asOf)
            .GroupBy(c => c.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var membersPerCell = await db.MemberPeriods.AsNoTracking()
            .Where(p => cellIds.Contains(p.CellId) && p.ValidFrom <= asOf && p.ValidTo > asOf)
            .GroupBy(p => p.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var heads = await db.VillageHeads.AsNoTracking()
            .Where(h => ids.Contains(h.VillageId) && h.ValidFrom <= asOf && h.ValidTo > asOf).ToListAsync(ct);
        var headMembers = heads.Where(h => h.MemberId is not null).Select(h => h.MemberId!.Value).Distinct().ToList();
        var activeMembers = (await db.MemberPeriods.AsNoTracking()
            .Where(p => headMembers.Contains(p.MemberId) && p.ValidFrom <= asOf && p.ValidTo > asOf)
            .Select(p => p.MemberId).ToListAsync(ct)).ToHashSet();

        HeadRow? Head(int villageId, VillageRole role) => heads
            .Where(h => h.VillageId == villageId && h.Role == role)
            .Select(h => new HeadRow(VillageNames.Of(role), h.FullName, h.MemberId, h.MemberId is { } m && activeMembers.Contains(m), h.ValidFrom))
            .FirstOrDefault();

        var rows = villages.Select(v =>
        {
            var cells = coverage.Where(c => c.VillageId == v.Village.Id)
                .Select(c => new CoveringCell(c.CellId, c.Code, c.Name, membersPerCell.GetValueOrDefault(c.CellId), villagesPerCell.GetValueOrDefault(c.CellId)))
                .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            return new VillageRow(
                v.Village.Id, VillageNames.Of(v.Village.Kind), v.Village.Name, v.Code, v.Name, v.Village.EstablishedOn, cells,
                OwnCell: cells.Count == 1 && cells[0].VillagesCovered == 1,
                Combined: cells.Any(c => c.VillagesCovered > 1),
                Head(v.Village.Id, VillageRole.Head), Head(v.Village.Id, VillageRole.FrontWorkHead), v.Village.Version);
        }).ToList();

        var summary = new VillageSummary(
            rows.Count,
            rows.Count(r => r.OwnCell),
            rows.Count(r => r.Combined),
            rows.Count(r => r.Cells.Count == 0),
            rows.Count(r => r.Cells.Sum(c => c.Members) == 0),
            villagesPerCell.Count(c => c.Value > 1),
            rows.Count(r => r.Head is not null),
            rows.Count(r => r.Head is { IsMember: true }),
            rows.Count(r => r.FrontWorkHead is not null),
            rows.Count(r => r.FrontWorkHead is { IsMember: true }));
        return new VillageRegister(Reports.AsOf.Label(org), asOf, summary, rows.Take(take).ToList(), rows.Count > take);
    }

    /// <summary>A village's commune (for scope checks), or null.</summary>
    public static Task<int?> CommuneOfAsync(ChiBoDb db, int villageId, CancellationToken ct) =>
        db.Villages.AsNoTracking().Where(v => v.Id == villageId).Select(v => (int?)v.CommuneId).FirstOrDefaultAsync(ct);
}
