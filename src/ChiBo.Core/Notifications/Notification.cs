using ChiBo.Access;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Notifications;

/// <summary>
/// One line of an inbox (thông báo). Addressed either to a member (<see cref="MemberId"/>: every
/// account bound to that member sees it) or to a committee, as an organization and a role: every
/// account holding that role on the organization, or on a subtree containing it, sees it. A
/// committee's inbox is shared like an office's: the first of its accounts to read a line marks it
/// read for all of them, and the line says who.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int? MemberId { get; set; }
    public int? OrganizationId { get; set; }

    /// <summary>The organization's path when addressed to a committee: inboxes of a subtree are one index range.</summary>
    public string? OrgPath { get; set; }

    public Role? Role { get; set; }
    public required string Title { get; set; }

    /// <summary>A page of the app ("/thu-tuc/12").</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.OrgPath).HasMaxLength(200);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Link).HasMaxLength(200);
        b.Property(n => n.ReadBy).HasMaxLength(100);
        b.HasIndex(n => new { n.MemberId, n.CreatedAt });
        b.HasIndex(n => new { n.ProvinceId, n.Role, n.OrgPath });
        b.HasOne<Members.Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Writes inbox lines into the caller's unit of work: they are saved, or not, with the change they announce.</summary>
public static class Inbox
{
    public static void ToMember(ChiBoDb db, int provinceId, int memberId, string title, string link, DateTimeOffset at) =>
        db.Notifications.Add(new Notification
        {
            ProvinceId = provinceId, MemberId = memberId, Title = Cut(title), Link = link, CreatedAt = at,
        });

    public static void ToCommittee(ChiBoDb db, int provinceId, int organizationId, string orgPath, Role role, string title, string link, DateTimeOffset at) =>
        db.Notifications.Add(new Notification
        {
            ProvinceId = provinceId, OrganizationId = organizationId, OrgPath = orgPath, Role = role, Title = Cut(title), Link = link, CreatedAt = at,
        });

    private static string Cut(string s) => s.Length <= 500 ? s : s[..499] + "…";
}
