using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.CellPath).HasMaxLength(200);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Documents).HasMaxLength(2000);
        b.Property(m => m.Place).HasMaxLength(300);
        b.Property(m => m.OnlineLink).HasMaxLength(500);
        b.Property(m => m.AttendingCommitteeMember).HasMaxLength(200);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.Resolutions).HasMaxLength(8000);
        b.Property(m => m.CancelReason).HasMaxLength(1000);
        b.Property(m => m.RatingDetails).HasMaxLength(1000);
        b.Property(m => m.RatingScore).HasPrecision(5, 2);
        b.Property(m => m.Version).IsConcurrencyToken();

        // The compliance report: a subtree's meetings of one year are one range of this index.
        b.HasIndex(m => new { m.ProvinceId, m.CellPath, m.Date });

        // Commands: "does this cell already meet this month?", a cell's meeting list.
        b.HasIndex(m => new { m.CellId, m.Date });
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.AttendingCommitteeMemberId).OnDelete(DeleteBehavior.Restrict);
    }

    /// <summary>
    /// On PostgreSQL the compliance pass reads only the index (index-only scan); SQLite has no
    /// INCLUDE and reads the table rows, which are narrow enough there.
    /// </summary>
    internal static void ForPostgres(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Meeting>()
            .HasIndex(m => new { m.ProvinceId, m.CellPath, m.Date })
            .IncludeProperties(m => new
            {
                m.CellId, m.Kind, m.Status, m.Rating, m.PresentCount, m.ExcusedCount, m.UnexcusedCount,
            });
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();

        // Members with repeated unexcused absences: only the few Unexcused rows of a province are read.
        b.HasIndex(a => new { a.ProvinceId, a.Presence, a.MemberId, a.MeetingId });

        // A member's own attendance history (sổ tay đảng viên).
        b.HasIndex(a => a.MemberId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberTaskConfiguration : IEntityTypeConfiguration<MemberTask>
{
    public void Configure(EntityTypeBuilder<MemberTask> b)
    {
        b.Property(t => t.CellPath).HasMaxLength(200);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Result).HasMaxLength(2000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.ProvinceId, t.CellPath, t.Year });
        b.HasIndex(t => new { t.MemberId, t.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
