using ChiBo.Data;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Notices;

/// <summary>What a committee posts: to its organization's subtree, from a day, until a day.</summary>
public sealed record NoticePost
{
    public int OrganizationId { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }

    /// <summary>Today when not given; a later day schedules it.</summary>
    public DateOnly? PublishedOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>
/// Posting and withdrawing notices, one transaction each (audited). Who may post for which
/// organization is checked by the caller (<see cref="Access.Operation.NoticesWrite"/> on its subtree).
/// </summary>
public sealed class NoticeCommands(ChiBoDb db, TimeProvider clock, string actor)
{
    private DateOnly Today => clock.Today();

    public async Task<Notice> PostAsync(NoticePost p, CancellationToken ct = default)
    {
        var title = string.IsNullOrWhiteSpace(p.Title) ? null : VietnameseText.Clean(p.Title);
        var body = string.IsNullOrWhiteSpace(p.Body) ? null : p.Body.Trim().Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal);
        var published = p.PublishedOn ?? Today;
        Require(title is { Length: <= 300 }, "Title", "Cần tiêu đề thông báo, tối đa 300 ký tự.");
        Require(body is { Length: <= 20000 }, "Body", "Cần nội dung thông báo, tối đa 20.000 ký tự.");
        Require(published >= Today, "PublishedOn", $"Ngày đăng ({Rules.Date(published)}) không được trước hôm nay ({Rules.Date(Today)}).");
        Require(published <= Today.AddYears(1), "PublishedOn", $"Ngày đăng ({Rules.Date(published)}) không được quá một năm kể từ hôm nay.");
        Require(p.ExpiresOn is null || p.ExpiresOn >= published, "ExpiresOn",
            $"Ngày hết hạn ({Rules.Date(p.ExpiresOn ?? published)}) không được trước ngày đăng ({Rules.Date(published)}).");
        return await Transactions.RunAsync(db, "Thông báo", async () =>
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == p.OrganizationId)
                .Select(o => new { o.Id, o.ProvinceId, o.DissolvedOn }).FirstOrDefaultAsync(ct);
            Require(org is not null && org.DissolvedOn is null, "OrganizationId", $"Không có tổ chức đảng mã số {p.OrganizationId} (đang hoạt động).");
            var notice = new Notice
            {
                ProvinceId = org!.ProvinceId, OrganizationId = org.Id, Title = title!, Body = body!, PublishedOn = published,
                ExpiresOn = p.ExpiresOn, PostedBy = actor, PostedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.Notices.Add(notice);
            await db.SaveChangesAsync(ct);
            return notice;
        }, ct);
    }

    /// <summary>Withdraws (thu hồi) a notice: members no longer see it; the row and its audit lines stay.</summary>
    public async Task<Notice> WithdrawAsync(long id, int version, CancellationToken ct = default) =>
        await Transactions.RunAsync(db, "Thông báo", async () =>
        {
            var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct)
                ?? throw new RuleViolationException("Id", $"Không có thông báo mã {id}.");
            Concurrency.CheckVersion("Thông báo", version, notice.Version);
            Require(notice.WithdrawnAt is null, "Id", "Thông báo đã được thu hồi.");
            notice.WithdrawnAt = clock.GetUtcNow().ToUniversalTime();
            notice.WithdrawnBy = actor;
            notice.Version++;
            await db.SaveChangesAsync(ct);
            return notice;
        }, ct);

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new RuleViolationException(field, message);
        }
    }
}
