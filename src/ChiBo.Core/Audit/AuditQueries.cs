using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Audit;

public sealed record AuditFilter(int? MemberId, int? OrganizationId, string? Actor, int Page);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditEntry> Items);

public static class AuditQueries
{
    public const int PageSize = 100;

    /// <summary>A province's root organization: its path holds its own id alone ("/12/").</summary>
    private static bool IsProvinceRoot(Subtree subtree) => Subtree.Ids(subtree.Path).Length == 1;

    /// <summary>
    /// Lines the caller may read: every chain for a grant on the whole register, a province's
    /// chain for a grant on the province's root; for a grant below the root, only the lines about
    /// the organizations of that subtree and the members whose cell is in it (sign-ins, accounts
    /// and the province's own lines are the root's business).
    /// </summary>
    public static async Task<AuditPage> ReadAsync(ChiBoDb db, OrgScope scope, AuditFilter filter, CancellationToken ct)
    {
        var grants = scope.Roles.Where(r => AccessTable.Allows(r.Role, Operation.AuditRead)).Select(r => r.Subtree).Distinct().ToList();
        var q = db.AuditEntries.AsNoTracking();
        if (!grants.Any(g => g.ProvinceId is null))
        {
            var wholeChains = grants.Where(IsProvinceRoot).Select(g => g.ProvinceId!.Value).Distinct().ToList();
            var below = grants.Where(g => !IsProvinceRoot(g) && !wholeChains.Contains(g.ProvinceId!.Value)).ToList();
            var visible = q.Where(e => wholeChains.Contains(e.Chain));
            foreach (var subtree in below)
            {
                var orgs = db.Organizations.In(subtree).Select(o => o.Id);
                var members = db.Members.Where(m => orgs.Contains(m.CellId)).Select(m => m.Id);
                var province = subtree.ProvinceId!.Value;
                visible = visible.Union(q.Where(e => e.Chain == province
                    && ((e.OrganizationId != null && orgs.Contains(e.OrganizationId.Value)) || (e.MemberId != null && members.Contains(e.MemberId.Value)))));
            }

            q = visible;
        }

        if (filter.MemberId is { } member)
        {
            q = q.Where(e => e.MemberId == member);
        }

        if (filter.OrganizationId is { } org)
        {
            q = q.Where(e => e.OrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            q = q.Where(e => e.Actor == actor);
        }

        var page = Math.Max(1, filter.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(total, page, PageSize, items);
    }
}
