using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Cadres;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.Property(c => c.Term).HasMaxLength(20);
        b.Property(c => c.DecisionNumber).HasMaxLength(100);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrganizationId, c.CongressOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeMembershipConfiguration : IEntityTypeConfiguration<CommitteeMembership>
{
    public void Configure(EntityTypeBuilder<CommitteeMembership> b)
    {
        b.Property(m => m.OrgPath).HasMaxLength(200);
        b.Property(m => m.StartDecision).HasMaxLength(100);
        b.Property(m => m.EndDecision).HasMaxLength(100);

        // A level's composition as of a date in a subtree is one range of this index.
        b.HasIndex(m => new { m.ProvinceId, m.OrgPath, m.ValidFrom, m.ValidTo });
        // A level's seats in a subtree (composition, plan measures): the level first, so a province's
        // 50 000 seats of every level and term are not read to find the 3 000 of the communes.
        b.HasIndex(m => new { m.ProvinceId, m.Levels, m.OrgPath, m.ValidFrom, m.ValidTo }).HasDatabaseName(CommitteeLevel.SeatsIndex);
        b.HasIndex(m => new { m.CommitteeId, m.ValidFrom });
        b.HasIndex(m => new { m.MemberId, m.ValidFrom });
        b.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CadreProfileConfiguration : IEntityTypeConfiguration<CadreProfile>
{
    public void Configure(EntityTypeBuilder<CadreProfile> b)
    {
        b.Property(p => p.GovernmentPost).HasMaxLength(200);
        b.Property(p => p.FrontPost).HasMaxLength(200);
        b.Property(p => p.VillagePost).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.MemberId).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManagementPoolConfiguration : IEntityTypeConfiguration<ManagementPool>
{
    public void Configure(EntityTypeBuilder<ManagementPool> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ManagementPoolEntryConfiguration : IEntityTypeConfiguration<ManagementPoolEntry>
{
    public void Configure(EntityTypeBuilder<ManagementPoolEntry> b)
    {
        b.Property(e => e.Post).HasMaxLength(200);
        b.HasIndex(e => new { e.PoolId, e.ValidFrom });
        b.HasIndex(e => e.MemberId);
        b.HasOne<ManagementPool>().WithMany().HasForeignKey(e => e.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanningPoolConfiguration : IEntityTypeConfiguration<PlanningPool>
{
    public void Configure(EntityTypeBuilder<PlanningPool> b)
    {
        b.Property(p => p.DecisionNumber).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.ManagingOrgId, p.TermFrom });
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.ManagingOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanningEntryConfiguration : IEntityTypeConfiguration<PlanningEntry>
{
    public void Configure(EntityTypeBuilder<PlanningEntry> b)
    {
        b.Property(e => e.RemovalReason).HasMaxLength(500);
        b.HasIndex(e => e.PoolId);
        b.HasIndex(e => e.MemberId);
        b.HasOne<PlanningPool>().WithMany().HasForeignKey(e => e.PoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RotationConfiguration : IEntityTypeConfiguration<Rotation>
{
    public void Configure(EntityTypeBuilder<Rotation> b)
    {
        b.Property(r => r.FromPost).HasMaxLength(200);
        b.Property(r => r.ToPost).HasMaxLength(200);
        b.Property(r => r.DecisionNumber).HasMaxLength(100);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.ManagingOrgId, r.StartsOn });
        b.HasIndex(r => r.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.ManagingOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.FromOrgId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.ToOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Provider).HasMaxLength(300);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrganizerId, c.StartsOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.Property(r => r.FullName).HasMaxLength(150);
        b.Property(r => r.CertificateNumber).HasMaxLength(100);
        b.HasIndex(r => r.CourseId);
        b.HasIndex(r => new { r.MemberId, r.CompletedOn });
        b.HasOne<TrainingCourse>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationTemplateConfiguration : IEntityTypeConfiguration<EvaluationTemplate>
{
    public void Configure(EntityTypeBuilder<EvaluationTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(300);
        b.Property(t => t.Criteria).HasMaxLength(20_000);
        b.Property(t => t.Bands).HasMaxLength(4000);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.HasIndex(t => new { t.PoolId, t.ValidFrom });
        b.HasOne<ManagementPool>().WithMany().HasForeignKey(t => t.PoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationPeriodConfiguration : IEntityTypeConfiguration<EvaluationPeriod>
{
    public void Configure(EntityTypeBuilder<EvaluationPeriod> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.PoolId, p.Year, p.Quarter }).IsUnique();
        b.HasOne<ManagementPool>().WithMany().HasForeignKey(p => p.PoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EvaluationTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CadreEvaluationConfiguration : IEntityTypeConfiguration<CadreEvaluation>
{
    public void Configure(EntityTypeBuilder<CadreEvaluation> b)
    {
        b.Property(e => e.SelfScores).HasMaxLength(4000);
        b.Property(e => e.SelfSummary).HasMaxLength(4000);
        b.Property(e => e.ResultScores).HasMaxLength(4000);
        b.Property(e => e.Products).HasMaxLength(20_000);
        b.Property(e => e.Score).HasPrecision(5, 2);
        b.Property(e => e.Band).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(100);
        b.Property(e => e.Conclusion).HasMaxLength(4000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.PeriodId, e.MemberId }).IsUnique();
        b.HasIndex(e => e.MemberId);
        b.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(e => e.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackInvitationConfiguration : IEntityTypeConfiguration<FeedbackInvitation>
{
    public void Configure(EntityTypeBuilder<FeedbackInvitation> b)
    {
        b.Property(i => i.CodeHash).HasMaxLength(64);

        // Two votes with one code at the same moment: the second finds the row changed and fails.
        b.Property(i => i.Used).IsConcurrencyToken();
        b.HasIndex(i => i.CodeHash).IsUnique();
        b.HasIndex(i => i.EvaluationId);
        b.HasOne<CadreEvaluation>().WithMany().HasForeignKey(i => i.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackBallotConfiguration : IEntityTypeConfiguration<FeedbackBallot>
{
    public void Configure(EntityTypeBuilder<FeedbackBallot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Answers).HasMaxLength(4000).IsConcurrencyToken();
        b.HasIndex(x => new { x.EvaluationId, x.RespondentGroup });
        b.HasOne<CadreEvaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
