using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Discipline;

internal sealed class InspectionCaseConfiguration : IEntityTypeConfiguration<InspectionCase>
{
    public void Configure(EntityTypeBuilder<InspectionCase> b)
    {
        b.Property(c => c.SubjectPath).HasMaxLength(200);
        b.Property(c => c.DecisionNumber).HasMaxLength(100);
        b.Property(c => c.Content).HasMaxLength(2000);
        b.Property(c => c.Findings).HasMaxLength(4000);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.ProvinceId, c.SubjectPath, c.OpenedOn });
        b.HasIndex(c => c.MemberId);
        b.HasIndex(c => c.OrganizationId);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.InspectingOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisciplineDecisionConfiguration : IEntityTypeConfiguration<DisciplineDecision>
{
    public void Configure(EntityTypeBuilder<DisciplineDecision> b)
    {
        b.Property(d => d.SubjectPath).HasMaxLength(200);
        b.Property(d => d.Position).HasMaxLength(200);
        b.Property(d => d.DecisionNumber).HasMaxLength(100);
        b.Property(d => d.Reason).HasMaxLength(2000);
        b.Property(d => d.RecordedBy).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();

        // The movements report: decisions of a subtree by path and date, one index range.
        b.HasIndex(d => new { d.ProvinceId, d.SubjectPath, d.DecidedOn });
        b.HasIndex(d => d.MemberId);
        b.HasIndex(d => d.OrganizationId);
        b.HasIndex(d => d.CaseId);
        b.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.DecidingOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisciplineAppealConfiguration : IEntityTypeConfiguration<DisciplineAppeal>
{
    public void Configure(EntityTypeBuilder<DisciplineAppeal> b)
    {
        b.Property(a => a.Content).HasMaxLength(2000);
        b.Property(a => a.ResolutionNumber).HasMaxLength(100);
        b.Property(a => a.ResolutionReason).HasMaxLength(2000);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.DecisionId);
        b.HasIndex(a => new { a.ProvinceId, a.DueOn });
        b.HasOne<DisciplineDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.ResolvingOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}
