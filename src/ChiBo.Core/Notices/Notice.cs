using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Notices;

/// <summary>
/// A notice (thông báo) from a cell or an organization above it to the members of its subtree:
/// a member sees the notices of their cell and of the organizations on the chain above it, from
/// the day it is published until it expires or is withdrawn.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The organization that posts it; its subtree receives it.</summary>
    public int OrganizationId { get; set; }

    public required string Title { get; set; }

    /// <summary>Plain text or simple Markdown, rendered through <see cref="NoticeText.ToHtml"/> (sanitized).</summary>
    public required string Body { get; set; }

    public DateOnly PublishedOn { get; set; }

    /// <summary>Last day it is shown; null: until withdrawn.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public required string PostedBy { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(20000);
        b.Property(n => n.PostedBy).HasMaxLength(100);
        b.Property(n => n.WithdrawnBy).HasMaxLength(100);
        b.Property(n => n.Version).IsConcurrencyToken();

        // A member's notices: the few organizations of their chain, newest first.
        b.HasIndex(n => new { n.OrganizationId, n.PublishedOn });
        b.HasIndex(n => new { n.ProvinceId, n.PublishedOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
