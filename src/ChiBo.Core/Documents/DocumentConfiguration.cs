using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Number).HasMaxLength(100);
        b.Property(d => d.Issuer).HasMaxLength(200);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Summary).HasMaxLength(4000);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();

        // Lists without a query: newest first inside a province's visible organizations.
        b.HasIndex(d => new { d.ProvinceId, d.OrganizationId, d.IssuedOn });
        b.HasIndex(d => d.IssuedOn);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentFileConfiguration : IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<DocumentFile> b)
    {
        b.HasKey(f => f.DocumentId);
        b.Property(f => f.DocumentId).ValueGeneratedNever();
        b.HasOne<Document>().WithOne().HasForeignKey<DocumentFile>(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.Property(m => m.AssignedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.MeetingId, m.DocumentId }).IsUnique();
        b.HasIndex(m => m.DocumentId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentStudyConfiguration : IEntityTypeConfiguration<DocumentStudy>
{
    public void Configure(EntityTypeBuilder<DocumentStudy> b)
    {
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.DocumentId, s.MemberId }).IsUnique();

        // "What is left for me to study" (sổ tay đảng viên).
        b.HasIndex(s => s.MemberId);
        b.HasOne<Document>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
