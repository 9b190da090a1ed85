using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Organizations;

/// <summary>
/// A subtree of the organization tree as one index range over materialized paths:
/// every path that starts with "/1/12/" lies in ["/1/12/", "/1/120"), because '0' follows '/'.
/// A null province with an empty path is the whole register (all provinces).
/// </summary>
public readonly record struct Subtree(int? ProvinceId, string Path)
{
    public static readonly Subtree Everything = new(null, "/");

    public static Subtree Of(Organization org) => new(org.ProvinceId, org.Path);

    /// <summary>The first path after the subtree.</summary>
    public string UpperBound => Path[..^1] + "0";

    public bool Contains(string path) => path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>"/1/12/345/" → [1, 12, 345]: the ancestors' ids, root first, the node last.</summary>
    public static int[] Ids(string path) => path
        .Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
        .ToArray();

    public static string ChildPath(string parentPath, int id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parentPath}{id}/");
}

public static class SubtreeQueries
{
    /// <summary>Organizations inside the subtree now (the node included).</summary>
    public static IQueryable<Organization> In(this IQueryable<Organization> orgs, Subtree subtree)
    {
        var lo = subtree.Path;
        var hi = subtree.UpperBound;
        var q = orgs.Where(o => string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0);
        return subtree.ProvinceId is { } p ? q.Where(o => o.ProvinceId == p) : q;
    }

    /// <summary>
    /// Resolves "root" or a code to an organization. "root" is the province when the register
    /// holds one; with several provinces (or none yet) it is null: the whole register.
    /// </summary>
    public static async Task<OrgLookup> FindAsync(ChiBoDb db, string codeOrRoot, CancellationToken ct = default)
    {
        if (string.Equals(codeOrRoot, "root", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(codeOrRoot))
        {
            var roots = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).Take(2).ToListAsync(ct);
            return roots.Count switch
            {
                1 => new OrgLookup(true, roots[0]),
                _ => new OrgLookup(true, null),
            };
        }

        var code = codeOrRoot.Trim();
        if (code.Length == 0)
        {
            return OrgLookup.NotFound;
        }

        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        return org is null ? OrgLookup.NotFound : new OrgLookup(true, org);
    }

    /// <summary>
    /// Resolves an organization code for a caller (web request, command line). "root" means the top
    /// of what the caller may see for the operation; an organization outside the caller's subtrees
    /// is not found, exactly like one that does not exist (its existence is not disclosed).
    /// </summary>
    public static async Task<OrgLookup> FindInScopeAsync(ChiBoDb db, Access.OrgScope scope, string? code, string operation, CancellationToken ct)
    {
        var lookup = await FindAsync(db, code ?? "root", ct);
        if (!lookup.Found)
        {
            return OrgLookup.NotFound;
        }

        if (scope.Can(operation, lookup.Subtree))
        {
            return lookup;
        }

        var isRoot = string.IsNullOrWhiteSpace(code) || string.Equals(code, "root", StringComparison.OrdinalIgnoreCase);
        if (isRoot && scope.Home(operation) is { } home && home.ProvinceId is { } province)
        {
            var homeOrg = await FindByPathAsync(db, province, home.Path, ct);
            return homeOrg is null ? OrgLookup.NotFound : new OrgLookup(true, homeOrg);
        }

        return OrgLookup.NotFound;
    }

    public static Task<Organization?> FindByPathAsync(ChiBoDb db, int provinceId, string path, CancellationToken ct) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.ProvinceId == provinceId && o.Path == path, ct);
}

/// <summary>Found with a null organization means the whole register (several provinces).</summary>
public readonly record struct OrgLookup(bool Found, Organization? Organization)
{
    public static readonly OrgLookup NotFound = new(false, null);

    public Subtree Subtree => Organization is { } o ? Subtree.Of(o) : Subtree.Everything;
}
