using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Reports;

public static class AsOf
{
    /// <summary>
    /// The subtree of an organization as the tree was on a date (its path then), or null when the
    /// organization did not exist on that date.
    /// </summary>
    public static async Task<Subtree?> SubtreeOnAsync(ChiBoDb db, OrgLookup lookup, DateOnly date, CancellationToken ct)
    {
        if (lookup.Organization is not { } org)
        {
            return Subtree.Everything;
        }

        var path = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == org.Id && p.ValidFrom <= date && p.ValidTo > date)
            .Select(p => p.Path)
            .FirstOrDefaultAsync(ct);
        return path is null ? null : new Subtree(org.ProvinceId, path);
    }

    public static string Label(OrgLookup lookup) => lookup.Organization?.Code ?? "root";
}
