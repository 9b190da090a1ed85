using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Organizations;

/// <summary>Active members now, cells (chi bộ) and TCCSĐ (tổ chức cơ sở đảng) in a subtree.</summary>
public sealed record OrgCounts(int Members, int Cells, int BaseOrgs)
{
    public static readonly OrgCounts Zero = new(0, 0, 0);
}

public sealed record OrgNode(int Id, string Code, string Name, OrgKind Kind, Sector Sector, string Path, OrgCounts Counts);

public sealed record OrgCrumb(string Code, string Name);

/// <summary>
/// A node of the tree with its children and their counts. A null <see cref="Organization"/> is the
/// virtual national root (several provinces in the register): its children are the provinces.
/// </summary>
public sealed record OrgTreeView(Organization? Organization, OrgCounts Counts, IReadOnlyList<OrgNode> Children, IReadOnlyList<OrgCrumb> Ancestors)
{
    public string Code => Organization?.Code ?? "root";

    public string Name => Organization?.Name ?? "Toàn quốc";
}

public static class OrgTree
{
    /// <summary>
    /// Resolves "root" or a code inside the caller's scope; an organization outside it is not found.
    /// "root" is the scope's own top: the province, the national root when the register holds
    /// several provinces and the scope is everything, or the organization the scope starts at.
    /// </summary>
    public static async Task<OrgLookup> FindAsync(ChiBoDb db, Subtree scope, string? codeOrRoot, CancellationToken ct)
    {
        var isRoot = string.IsNullOrWhiteSpace(codeOrRoot) || string.Equals(codeOrRoot, "root", StringComparison.OrdinalIgnoreCase);
        if (isRoot && scope.ProvinceId is { } province)
        {
            var top = await db.Organizations.AsNoTracking()
                .FirstOrDefaultAsync(o => o.ProvinceId == province && o.Path == scope.Path, ct);
            return top is null ? OrgLookup.NotFound : new OrgLookup(true, top);
        }

        var lookup = await SubtreeQueries.FindAsync(db, codeOrRoot ?? "root", ct);
        return lookup.Organization is { } org && !InScope(scope, org) ? OrgLookup.NotFound : lookup;
    }

    public static bool InScope(Subtree scope, Organization org) =>
        scope.ProvinceId is not { } p || (org.ProvinceId == p && scope.Contains(org.Path));

    public static async Task<OrgTreeView> LoadAsync(ChiBoDb db, Subtree scope, OrgLookup lookup, DateOnly today, CancellationToken ct)
    {
        var org = lookup.Organization;
        var children = await ChildrenAsync(db, scope, org, today, ct);
        var counts = new OrgCounts(
            children.Sum(c => c.Counts.Members),
            children.Sum(c => c.Counts.Cells),
            children.Sum(c => c.Counts.BaseOrgs) + (org?.Kind == OrgKind.BaseCommittee ? 1 : 0));

        // A cell has no children: its own counts came back as the only row; it is not its own child.
        if (org is { } self && self.Kind.HoldsMembers())
        {
            children = [];
        }

        return new OrgTreeView(org, counts, children, org is null ? [] : await AncestorsAsync(db, scope, org, ct));
    }

    /// <summary>
    /// The children (or, for a cell, the cell itself) with their counts, in one statement: each
    /// node's path range joined with the member periods valid today and with the organizations
    /// below it. Nodes drive the joins (CROSS JOIN keeps SQLite from scanning the big table first).
    /// </summary>
    private static async Task<IReadOnlyList<OrgNode>> ChildrenAsync(ChiBoDb db, Subtree scope, Organization? org, DateOnly today, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var d = sql.Param(today);
        string which;
        if (org is null)
        {
            which = "parent_id IS NULL AND " + sql.SubtreePredicate(scope, "path", "province_id");
        }
        else
        {
            var id = sql.Param(org.Id);
            which = $"(parent_id = {id} OR (id = {id} AND kind IN ({(int)OrgKind.BaseCell}, {(int)OrgKind.Cell})))";
        }

        var cells = $"{(int)OrgKind.BaseCell}, {(int)OrgKind.Cell}";
        var bases = $"{(int)OrgKind.BaseCommittee}, {(int)OrgKind.BaseCell}";
        var text = $"""
            WITH nodes AS (
              SELECT id, province_id, code, name, kind, sector, path, substr(path, 1, length(path) - 1) || '0' AS upper
              FROM organizations
              WHERE {which} AND (dissolved_on IS NULL OR dissolved_on > {d})
            ),
            mc AS (
              SELECT n.id, count(*) AS members
              FROM nodes n CROSS JOIN member_periods p
              WHERE p.province_id = n.province_id AND p.cell_path >= n.path AND p.cell_path < n.upper
                AND p.valid_from <= {d} AND p.valid_to > {d}
              GROUP BY n.id
            ),
            oc AS (
              SELECT n.id,
                     sum(CASE WHEN o.kind IN ({cells}) THEN 1 ELSE 0 END) AS cells,
                     sum(CASE WHEN o.kind IN ({bases}) THEN 1 ELSE 0 END) AS bases
              FROM nodes n CROSS JOIN organizations o
              WHERE o.province_id = n.province_id AND o.path >= n.path AND o.path < n.upper
                AND (o.dissolved_on IS NULL OR o.dissolved_on > {d})
              GROUP BY n.id
            )
            SELECT n.id, n.code, n.name, n.kind, n.sector, n.path,
                   COALESCE(mc.members, 0), COALESCE(oc.cells, 0), COALESCE(oc.bases, 0)
            FROM nodes n LEFT JOIN mc ON mc.id = n.id LEFT JOIN oc ON oc.id = n.id
            ORDER BY n.code
            """;
        return await sql.QueryAsync(text, async reader =>
        {
            var list = new List<OrgNode>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(new OrgNode(
                    Int(reader.GetValue(0)),
                    reader.GetString(1),
                    reader.GetString(2),
                    (OrgKind)Int(reader.GetValue(3)),
                    (Sector)Int(reader.GetValue(4)),
                    reader.GetString(5),
                    new OrgCounts(Int(reader.GetValue(6)), Int(reader.GetValue(7)), Int(reader.GetValue(8)))));
            }

            return list;
        }, ct);
    }

    /// <summary>The ancestors from the path's ids, root first, within the caller's scope.</summary>
    public static async Task<IReadOnlyList<OrgCrumb>> AncestorsAsync(ChiBoDb db, Subtree scope, Organization org, CancellationToken ct)
    {
        var ids = Subtree.Ids(org.Path)[..^1];
        if (ids.Length == 0)
        {
            return [];
        }

        var rows = await db.Organizations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Code, o.Name, o.Path, o.ProvinceId })
            .ToListAsync(ct);
        return rows
            .Where(o => scope.ProvinceId is not { } p || (o.ProvinceId == p && scope.Contains(o.Path)))
            .OrderBy(o => o.Path.Length)
            .Select(o => new OrgCrumb(o.Code, o.Name))
            .ToList();
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
