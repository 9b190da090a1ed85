using ChiBo.Data;
using ChiBo.Organizations;

namespace ChiBo.Web.Access;

public static class ScopedOrg
{
    /// <summary>
    /// Resolves an organization code for the caller. "root" means the top of what the caller may
    /// see for the operation; an organization outside the caller's subtrees is not found (its
    /// existence is not disclosed).
    /// </summary>
    public static async Task<OrgLookup> FindAsync(this HttpContext http, ChiBoDb db, string? code, string operation)
    {
        var scope = await http.ScopeAsync();
        var ct = http.RequestAborted;
        var lookup = await SubtreeQueries.FindAsync(db, code ?? "root", ct);
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
            var homeOrg = await SubtreeQueries.FindByPathAsync(db, province, home.Path, ct);
            return homeOrg is null ? OrgLookup.NotFound : new OrgLookup(true, homeOrg);
        }

        return OrgLookup.NotFound;
    }
}
