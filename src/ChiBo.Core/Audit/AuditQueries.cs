using ChiBo.Access;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Audit;

public sealed record AuditFilter(int? MemberId, int? OrganizationId, string? Actor, int Page);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditEntry> Items);

public static class AuditQueries
{
    public const int PageSize = 100;

    /// <summary>
    /// Lines the caller may read: every chain for a grant on the whole register, else the chains
    /// of the provinces where the caller holds <see cref="Operation.AuditRead"/>.
    /// </summary>
    public static async Task<AuditPage> ReadAsync(ChiBoDb db, OrgScope scope, AuditFilter filter, CancellationToken ct)
    {
        var grants = scope.Roles.Where(r => AccessTable.Allows(r.Role, Operation.AuditRead)).Select(r => r.Subtree).ToList();
        var q = db.AuditEntries.AsNoTracking();
        if (!grants.Any(g => g.ProvinceId is null))
        {
            var provinces = grants.Select(g => g.ProvinceId!.Value).Distinct().ToList();
            q = q.Where(e => provinces.Contains(e.Chain));
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
