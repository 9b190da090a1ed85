using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Ratings;

internal sealed class RatingRoundConfiguration : IEntityTypeConfiguration<RatingRound>
{
    public void Configure(EntityTypeBuilder<RatingRound> b)
    {
        b.Property(r => r.SubtreePath).HasMaxLength(200);
        b.Property(r => r.PolicyVersion).HasMaxLength(40);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.OpenedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.ProvinceId, r.Year, r.SubtreePath });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class RatingColumns
{
    public static void Workflow<T>(EntityTypeBuilder<T> b)
        where T : RatingBase
    {
        b.Property(r => r.SelfScore).HasPrecision(5, 2);
        b.Property(r => r.ProposedScore).HasPrecision(5, 2);
        b.Property(r => r.Score).HasPrecision(5, 2);
        b.Property(r => r.SelfAssessment).HasMaxLength(8000);
        b.Property(r => r.ProposalNote).HasMaxLength(2000);
        b.Property(r => r.ReturnedReason).HasMaxLength(2000);
        b.Property(r => r.NotRatedNote).HasMaxLength(1000);
        b.Property(r => r.DecidedBy).HasMaxLength(300);
        b.Property(r => r.DecisionNumber).HasMaxLength(100);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsDecided);

        // Publication: what a level decided for a year. The round and the proposing body are kept as
        // plain columns: a foreign key would add an index to every one of a province's ~130 000 rows a year.
        b.HasIndex(r => new { r.DecidedByOrgId, r.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.DecidedByOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberRatingConfiguration : IEntityTypeConfiguration<MemberRating>
{
    public void Configure(EntityTypeBuilder<MemberRating> b)
    {
        RatingColumns.Workflow(b);
        b.Property(r => r.CellPath).HasMaxLength(200);
        b.HasIndex(r => new { r.MemberId, r.Year }).IsUnique();

        // A subtree's member ratings of some years (follow-up lists, not-rated reasons, the raw
        // check of the tallies): one range by the cell's path then, every column read in the key.
        b.HasIndex(r => new { r.ProvinceId, r.CellPath, r.Year, r.State, r.Level, r.NotRatedReason })
            .HasDatabaseName("ix_member_ratings_subtree");
        b.HasIndex(r => new { r.CellId, r.Year });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgRatingConfiguration : IEntityTypeConfiguration<OrgRating>
{
    public void Configure(EntityTypeBuilder<OrgRating> b)
    {
        RatingColumns.Workflow(b);
        b.Property(r => r.SubjectPath).HasMaxLength(200);
        b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();

        // The ratings report: a subtree's years are one range of this index, and every column it
        // reads is in the key (SQLite has no INCLUDE), so both databases answer from the index alone.
        b.HasIndex(r => new
        {
            r.ProvinceId, r.SubjectPath, r.Year, r.SubjectKind, r.State, r.Level, r.NotRatedReason,
            r.MembersExcellent, r.MembersGood, r.MembersFulfilled, r.MembersNotFulfilled, r.MembersNotRated,
        }).HasDatabaseName("ix_org_ratings_report");
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RatingEventConfiguration : IEntityTypeConfiguration<RatingEvent>
{
    public void Configure(EntityTypeBuilder<RatingEvent> b)
    {
        b.Property(e => e.Score).HasPrecision(5, 2);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.ActingBody).HasMaxLength(300);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.Subject, e.RatingId });
    }
}

internal sealed class FourGoodTitleConfiguration : IEntityTypeConfiguration<FourGoodTitle>
{
    public void Configure(EntityTypeBuilder<FourGoodTitle> b)
    {
        b.Property(t => t.SubjectPath).HasMaxLength(200);
        b.Property(t => t.PoliticalTaskEvidence).HasMaxLength(2000);
        b.Property(t => t.MeetingQualityEvidence).HasMaxLength(2000);
        b.Property(t => t.UnityDisciplineEvidence).HasMaxLength(2000);
        b.Property(t => t.CadresMembersEvidence).HasMaxLength(2000);
        b.Property(t => t.RecognizedBy).HasMaxLength(300);
        b.Property(t => t.DecisionNumber).HasMaxLength(100);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.AllFour);
        b.HasIndex(t => new { t.OrganizationId, t.Year }).IsUnique();
        b.HasIndex(t => new { t.ProvinceId, t.SubjectPath, t.Year, t.Recognized });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.RecognizedByOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> b)
    {
        b.Property(r => r.SubjectPath).HasMaxLength(200);
        b.Property(r => r.Title).HasMaxLength(500);
        b.Property(r => r.DecidedBy).HasMaxLength(300);
        b.Property(r => r.DecisionNumber).HasMaxLength(100);
        b.Property(r => r.RecordedBy).HasMaxLength(100);
        b.HasIndex(r => new { r.ProvinceId, r.SubjectPath, r.Year });
        b.HasIndex(r => r.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.DecidedByOrgId).OnDelete(DeleteBehavior.Restrict);
    }
}
