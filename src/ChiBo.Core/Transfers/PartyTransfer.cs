using ChiBo.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Transfers;

/// <summary>Chuyển sinh hoạt đảng chính thức or tạm thời.</summary>
public enum TransferKind
{
    /// <summary>Chính thức: the member's membership moves.</summary>
    Official = 1,

    /// <summary>
    /// Tạm thời: the member takes part in another cell for a while (study, a posting) and stays a
    /// member of the home cell, so the member record does not move.
    /// </summary>
    Temporary = 2,
}

public enum TransferScope
{
    /// <summary>Between two cells of the province: both sides are in this register.</summary>
    WithinProvince = 1,

    /// <summary>To another province (or the central level): the member leaves with a transfer package.</summary>
    Outgoing = 2,

    /// <summary>From another province: the package was imported here.</summary>
    Incoming = 3,
}

public enum TransferStatus
{
    /// <summary>Giấy giới thiệu đã cấp; the receiving cell has not confirmed yet.</summary>
    Issued = 1,

    /// <summary>The receiving cell confirmed; for an official transfer the member moved that day.</summary>
    Confirmed = 2,

    Cancelled = 3,

    /// <summary>Sent to another province with its package: the member left this register on the letter's date.</summary>
    Sent = 4,
}

/// <summary>
/// A transfer of party activity (chuyển sinh hoạt đảng): the introduction letter (giấy giới thiệu
/// sinh hoạt đảng) issued by the sending side and what became of it.
/// </summary>
public sealed class PartyTransfer
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }
    public TransferKind Kind { get; set; }
    public TransferScope Scope { get; set; }
    public TransferStatus Status { get; set; }
    public int FromCellId { get; set; }

    /// <summary>The receiving cell when it is in this register.</summary>
    public int? ToCellId { get; set; }

    /// <summary>The receiving organization by name when it is elsewhere (another province), or the sender for an incoming transfer.</summary>
    public string? OtherOrganization { get; set; }

    /// <summary>Số giấy giới thiệu sinh hoạt đảng.</summary>
    public required string LetterNumber { get; set; }

    public DateOnly LetterDate { get; set; }

    /// <summary>End of a temporary transfer.</summary>
    public DateOnly? Until { get; set; }

    public DateOnly? ConfirmedOn { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? Reason { get; set; }

    /// <summary>For transfers to or from another province: the package that travelled with the member.</summary>
    public string? PackageJson { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class PartyTransferConfiguration : IEntityTypeConfiguration<PartyTransfer>
{
    public void Configure(EntityTypeBuilder<PartyTransfer> b)
    {
        b.Property(t => t.OtherOrganization).HasMaxLength(300);
        b.Property(t => t.LetterNumber).HasMaxLength(100);
        b.Property(t => t.Reason).HasMaxLength(1000);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.Status, t.LetterDate });
        b.HasIndex(t => new { t.MemberId, t.LetterDate });

        // At most one letter waiting per member: a member is never on the way to two cells at once.
        b.HasIndex(t => t.MemberId, "ix_party_transfers_one_pending").HasFilter("status = 1").IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(t => t.FromCellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(t => t.ToCellId).OnDelete(DeleteBehavior.Restrict);
    }
}
