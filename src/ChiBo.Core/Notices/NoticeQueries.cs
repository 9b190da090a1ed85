using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Notices;

/// <summary>A notice as lists show it, with the organization that posted it.</summary>
public sealed record NoticeItem(
    long Id, string Title, string Body, DateOnly PublishedOn, DateOnly? ExpiresOn, string OrgCode, string OrgName,
    string PostedBy, DateTimeOffset PostedAt, bool Withdrawn, int Version, int OrganizationId)
{
    /// <summary>Shown to members today: published, not expired, not withdrawn.</summary>
    public bool ActiveOn(DateOnly today) => !Withdrawn && PublishedOn <= today && (ExpiresOn is null || ExpiresOn >= today);
}

public sealed record NoticePage(int Total, int Page, int PageSize, IReadOnlyList<NoticeItem> Items)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class NoticeQueries
{
    /// <summary>
    /// The notices a view sees (from the chain above its subtrees and from inside them), newest
    /// first. Only those active today unless <paramref name="includeInactive"/> (for committees:
    /// scheduled, expired and withdrawn ones too).
    /// </summary>
    public static async Task<NoticePage> ListAsync(
        ChiBoDb db, ChainView view, DateOnly today, bool includeInactive = false, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var sql = new RawSql(db);
        var active = includeInactive ? "1=1"
            : $"n.withdrawn_at IS NULL AND n.published_on <= {sql.Param(today)} AND (n.expires_on IS NULL OR n.expires_on >= {sql.Param(today)})";
        var text = $"""
            SELECT n.id, count(*) OVER () AS total
            FROM notices n JOIN organizations o ON o.id = n.organization_id
            WHERE {view.Predicate(sql, "n.province_id", "o.path")} AND {active}
            ORDER BY n.published_on DESC, n.id DESC
            LIMIT {sql.Param(pageSize)} OFFSET {sql.Param((page - 1) * pageSize)}
            """;
        var total = 0;
        var ids = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<long>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
                total = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return list;
        }, ct);
        var items = await Items(db, n => ids.Contains(n.Id)).ToListAsync(ct);
        return new NoticePage(total, page, pageSize, items.OrderBy(n => ids.IndexOf(n.Id)).ToList());
    }

    /// <summary>One notice if the view sees it (and, unless <paramref name="includeInactive"/>, it is active today).</summary>
    public static async Task<NoticeItem?> GetAsync(ChiBoDb db, ChainView view, long id, DateOnly today, bool includeInactive = false, CancellationToken ct = default)
    {
        var row = await (
                from n in db.Notices.AsNoTracking()
                where n.Id == id
                join o in db.Organizations on n.OrganizationId equals o.Id
                select new { n.ProvinceId, o.Path })
            .FirstOrDefaultAsync(ct);
        if (row is null || !view.Sees(row.ProvinceId, row.Path))
        {
            return null;
        }

        var item = await Items(db, n => n.Id == id).FirstAsync(ct);
        return includeInactive || item.ActiveOn(today) ? item : null;
    }

    /// <summary>
    /// The member portal's notices: those of the member's cell and of every organization above it
    /// (the ids on the cell's path), active today, newest first.
    /// </summary>
    public static async Task<IReadOnlyList<NoticeItem>> ForMemberAsync(ChiBoDb db, int memberId, DateOnly today, int limit = 20, CancellationToken ct = default)
    {
        var cell = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.ProvinceId, m.Cell!.Path }).FirstOrDefaultAsync(ct);
        if (cell is null)
        {
            return [];
        }

        var chain = Subtree.Ids(cell.Path);
        var items = await Items(db, n => chain.Contains(n.OrganizationId) && n.WithdrawnAt == null && n.PublishedOn <= today
                                          && (n.ExpiresOn == null || n.ExpiresOn >= today))
            .ToListAsync(ct);
        return items.OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.Id).Take(limit).ToList();
    }

    private static IQueryable<NoticeItem> Items(ChiBoDb db, System.Linq.Expressions.Expression<Func<Notice, bool>> which) =>
        from n in db.Notices.AsNoTracking().Where(which)
        join o in db.Organizations on n.OrganizationId equals o.Id
        select new NoticeItem(n.Id, n.Title, n.Body, n.PublishedOn, n.ExpiresOn, o.Code, o.Name, n.PostedBy, n.PostedAt,
            n.WithdrawnAt != null, n.Version, n.OrganizationId);
}
