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

        // The compliance report: a subtree's meetings of one year are one range of this index, and
        // every column the report reads is in its key, so both SQLite and PostgreSQL answer from the
        // index alone (SQLite has no INCLUDE; one definition keeps the two migrations alike).
        b.HasIndex(m => new
        {
            m.ProvinceId, m.CellPath, m.Date, m.CellId, m.Kind, m.Status, m.Rating, m.PresentCount, m.ExcusedCount, m.UnexcusedCount,
        }).HasDatabaseName("ix_meetings_compliance");

        // Members with repeated unexcused absences start from the few held meetings that had one
        // (a fifth of them): without this PostgreSQL read the whole table for a province. Status and
        // count are in the key as well so that SQLite, which does not infer them from the filter,
        // also reads the index alone.
        b.HasIndex(m => new { m.ProvinceId, m.CellPath, m.Date, m.Status, m.UnexcusedCount, m.Id })
            .HasFilter($"status = {(int)MeetingStatus.Held} AND unexcused_count > 0")
            .HasDatabaseName("ix_meetings_unexcused");

        // Commands: "does this cell already meet this month?", a cell's meeting list.
        b.HasIndex(m => new { m.CellId, m.Date });
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(m => m.AttendingCommitteeMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();

        // Members with repeated unexcused absences: only the ~1–2 % Unexcused rows are indexed, so a
        // subtree probes it per meeting and a whole province reads all of it (31k of 2M rows) cheaply.
        // Named in HasIndex: an unnamed second index on the same columns is the same index to EF,
        // which had turned the unique roll-call index above into this partial one.
        b.HasIndex(a => new { a.MeetingId, a.MemberId }, "ix_meeting_attendances_unexcused")
            .HasFilter("presence = " + ((int)Presence.Unexcused).ToString(System.Globalization.CultureInfo.InvariantCulture));

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
        // Members assigned per cell for a year, read from the index alone.
        b.HasIndex(t => new { t.ProvinceId, t.Year, t.CellPath, t.CellId, t.MemberId });
        b.HasIndex(t => new { t.MemberId, t.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// An index the compliance report adds to member periods: the members of each cell of a subtree
/// during a year (the denominator of "members assigned") read from the index alone, without
/// visiting 130k table rows of a province.
/// </summary>
internal sealed class MemberPeriodComplianceIndex : IEntityTypeConfiguration<MemberPeriod>
{
    public void Configure(EntityTypeBuilder<MemberPeriod> b) =>
        b.HasIndex(p => new { p.ProvinceId, p.CellPath, p.CellId, p.MemberId, p.ValidFrom, p.ValidTo, p.Exempted })
            .HasDatabaseName("ix_member_periods_cell_roll");
}

internal sealed class MemberCommitmentConfiguration : IEntityTypeConfiguration<MemberCommitment>
{
    public void Configure(EntityTypeBuilder<MemberCommitment> b)
    {
        b.Property(c => c.CellPath).HasMaxLength(200);
        b.Property(c => c.ActionProgramme).HasMaxLength(8000);
        b.Property(c => c.Commitment).HasMaxLength(8000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.MemberId, c.Year }).IsUnique();

        // A cell's year (the count shown next to "members assigned").
        b.HasIndex(c => new { c.ProvinceId, c.Year, c.CellPath, c.CellId, c.MemberId });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResidenceConfirmationConfiguration : IEntityTypeConfiguration<ResidenceConfirmation>
{
    public void Configure(EntityTypeBuilder<ResidenceConfirmation> b)
    {
        b.Property(c => c.CellPath).HasMaxLength(200);
        b.Property(c => c.ConfirmedBy).HasMaxLength(300);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.MemberId, c.Year }).IsUnique();
        b.HasIndex(c => new { c.ProvinceId, c.Year, c.CellPath, c.CellId, c.MemberId });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
