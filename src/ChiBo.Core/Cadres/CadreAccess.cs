using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>
/// Who may see and keep cadre files. A file belongs to a managing committee: the province or a
/// đảng bộ trực thuộc Tỉnh ủy (Quy định 80-QĐ/TW divides cadre management between them). Only the
/// province board and the committees directly under the province hold <see cref="Operation.CadresRead"/>
/// (<see cref="AccessTable"/>), and those committees do not nest, so "the caller holds the operation
/// on the managing organization" is exactly "the managing committee or the province board".
/// </summary>
public static class CadreAccess
{
    /// <summary>Kinds of organization whose committee manages cadres.</summary>
    public static bool Manages(OrgKind kind) => kind is OrgKind.Province or OrgKind.SuperiorToBase;

    public static bool MaySee(OrgScope caller, string operation, Organization managing) =>
        Manages(managing.Kind) && caller.Can(operation, Subtree.Of(managing));

    /// <summary>The managing organization by id, checked for the caller; out of scope reads as not found.</summary>
    public static async Task<Organization> ManagingAsync(ChiBoDb db, OrgScope caller, string operation, int orgId, string field, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !caller.Can(operation, Subtree.Of(org)))
        {
            throw new RuleViolationException(field, $"Không tìm thấy tổ chức đảng số {orgId} trong phạm vi của bạn.");
        }

        Rules.Check(new CommitteeManagesCadres(org, field));
        return org;
    }

    /// <summary>The nearest organization at or above <paramref name="org"/> whose committee manages cadres.</summary>
    public static async Task<Organization> ManagerOfAsync(ChiBoDb db, Organization org, CancellationToken ct)
    {
        if (Manages(org.Kind))
        {
            return org;
        }

        var ids = Subtree.Ids(org.Path);
        var above = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return above.Where(o => Manages(o.Kind)).OrderByDescending(o => o.Depth).First();
    }

    /// <summary>The managing organizations the caller may see cadre files of, inside a subtree.</summary>
    public static async Task<List<Organization>> VisibleManagersAsync(ChiBoDb db, OrgScope caller, string operation, Subtree subtree, CancellationToken ct)
    {
        var orgs = await db.Organizations.AsNoTracking().In(subtree)
            .Where(o => o.Kind == OrgKind.Province || o.Kind == OrgKind.SuperiorToBase)
            .OrderBy(o => o.Path).ToListAsync(ct);
        return orgs.Where(o => caller.Can(operation, Subtree.Of(o))).ToList();
    }
}

/// <summary>Cadres are managed by the province or a đảng bộ trực thuộc Tỉnh ủy, not by a base organization or a cell.</summary>
public sealed record CommitteeManagesCadres(Organization Org, string Field) : IRule
{
    public string Message => $"{Org.Name} không quản lý cán bộ theo phân cấp (chỉ Tỉnh ủy và đảng ủy trực thuộc Tỉnh ủy, Quy định 80-QĐ/TW).";

    public bool IsBroken() => !CadreAccess.Manages(Org.Kind);
}
