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
    public static async Task<OrgLookup> FindAsync(this HttpContext http, ChiBoDb db, string? code, string operation) =>
        await SubtreeQueries.FindInScopeAsync(db, await http.ScopeAsync(), code, operation, http.RequestAborted);
}
