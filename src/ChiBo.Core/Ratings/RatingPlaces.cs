using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Ratings;

/// <summary>An organization as it stood on a date: its row, and its name, kind and path then.</summary>
public sealed record Place(Organization Org, string Name, OrgKind Kind, string Path)
{
    public Subtree Subtree => new(Org.ProvinceId, Path);
}

/// <summary>
/// Who does what in a round, from the tree as it stood on the review date (Quy định 366-QĐ/TW,
/// Hướng dẫn 43-HD/BTCTW: "cấp ủy cấp trên trực tiếp" decides): a member is proposed by their
/// chi bộ and decided by their TCCSĐ (the chi bộ cơ sở itself, or the đảng bộ cơ sở above a chi bộ
/// trực thuộc); a chi bộ trực thuộc or đảng bộ bộ phận proposes for itself and is decided by its đảng
/// bộ cơ sở; a TCCSĐ by the level directly above it; a đảng bộ trực thuộc by the province.
/// </summary>
public static class RatingLevels
{
    /// <summary>The body that decides a member of this chi bộ (on the review date).</summary>
    public static Place? DeciderOfMember(Place cell, IReadOnlyList<Place> ancestors) =>
        cell.Kind == OrgKind.BaseCell ? cell : ancestors.LastOrDefault(a => a.Kind == OrgKind.BaseCommittee);

    /// <summary>The body that decides an organization: null for the province (rated by the centre).</summary>
    public static Place? DeciderOfOrganization(Place org, IReadOnlyList<Place> ancestors) => org.Kind switch
    {
        OrgKind.Cell or OrgKind.SectionCommittee => ancestors.LastOrDefault(a => a.Kind == OrgKind.BaseCommittee),
        OrgKind.BaseCommittee or OrgKind.BaseCell => ancestors.LastOrDefault(a => a.Kind is OrgKind.SuperiorToBase or OrgKind.Province),
        OrgKind.SuperiorToBase => ancestors.LastOrDefault(a => a.Kind == OrgKind.Province),
        _ => null,
    };

    /// <summary>The TCCSĐ a chi bộ belongs to: where the cap on HTXSNV members is counted.</summary>
    public static Place? BaseOrganizationOf(Place cell, IReadOnlyList<Place> ancestors) =>
        cell.Kind == OrgKind.BaseCell ? cell : ancestors.LastOrDefault(a => a.Kind == OrgKind.BaseCommittee);

    /// <summary>The kinds of organization an organization of this kind decides, inside its subtree.</summary>
    public static IReadOnlyList<OrgKind> KindsDecidedBy(OrgKind kind) => kind switch
    {
        OrgKind.BaseCommittee => [OrgKind.Cell, OrgKind.SectionCommittee],
        OrgKind.SuperiorToBase => [OrgKind.BaseCommittee, OrgKind.BaseCell],
        OrgKind.Province => [OrgKind.SuperiorToBase, OrgKind.BaseCommittee, OrgKind.BaseCell],
        _ => [],
    };

    /// <summary>Whether the caller holds <see cref="Operation.RatingsWrite"/> as this organization's own body (a role granted on it).</summary>
    public static bool ActsAs(OrgScope caller, Organization org) =>
        caller.Roles.Any(r => AccessTable.Allows(r.Role, Operation.RatingsWrite)
                              && r.Subtree.ProvinceId == org.ProvinceId && r.Subtree.Path == org.Path);

    /// <summary>An organization on a date, or null when it did not exist then.</summary>
    public static async Task<Place?> OnAsync(ChiBoDb db, int orgId, DateOnly date, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null)
        {
            return null;
        }

        var period = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == orgId && p.ValidFrom <= date && p.ValidTo > date)
            .Select(p => new { p.Name, p.Kind, p.Path }).FirstOrDefaultAsync(ct);
        return period is null ? null : new Place(org, period.Name, period.Kind, period.Path);
    }

    /// <summary>The ancestors of a path on a date, root first (the node itself left out).</summary>
    public static async Task<IReadOnlyList<Place>> AncestorsAsync(ChiBoDb db, int provinceId, string path, DateOnly date, CancellationToken ct)
    {
        var ids = Subtree.Ids(path)[..^1];
        if (ids.Length == 0)
        {
            return [];
        }

        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.ProvinceId == provinceId).ToDictionaryAsync(o => o.Id, ct);
        var periods = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => ids.Contains(p.OrganizationId) && p.ValidFrom <= date && p.ValidTo > date)
            .Select(p => new { p.OrganizationId, p.Name, p.Kind, p.Path }).ToListAsync(ct);
        return ids.Where(orgs.ContainsKey)
            .Select(id => periods.FirstOrDefault(p => p.OrganizationId == id) is { } p
                ? new Place(orgs[id], p.Name, p.Kind, p.Path)
                : new Place(orgs[id], orgs[id].Name, orgs[id].Kind, orgs[id].Path))
            .ToList();
    }
}
