using ChiBo.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Fees;

/// <summary>One month of party fee paid by a member, to the cell or online.</summary>
public sealed class FeePayment
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }

    /// <summary>The cell the member belonged to that month: collection reports group by it.</summary>
    public int CellId { get; set; }

    public int Year { get; set; }
    public int Month { get; set; }
    public FeeGroup Group { get; set; }

    /// <summary>Wage, allowance or pension in đồng for the percentage groups; 0 otherwise.</summary>
    public long Basis { get; set; }

    /// <summary>Đồng.</summary>
    public long Amount { get; set; }

    public DateOnly PaidOn { get; set; }
    public bool Online { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class FeePaymentConfiguration : IEntityTypeConfiguration<FeePayment>
{
    public void Configure(EntityTypeBuilder<FeePayment> b)
    {
        b.Property(p => p.RecordedBy).HasMaxLength(100);
        b.HasIndex(p => new { p.MemberId, p.Year, p.Month }).IsUnique();
        b.HasIndex(p => new { p.CellId, p.Year, p.Month });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(p => p.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A payment as the API answers it.</summary>
public sealed record FeePaymentView(
    long Id, int MemberId, int CellId, int Year, int Month, FeeGroup Group, long Basis, long Amount, DateOnly PaidOn, bool Online,
    string RecordedBy, DateTimeOffset RecordedAt)
{
    public static FeePaymentView Of(FeePayment p) =>
        new(p.Id, p.MemberId, p.CellId, p.Year, p.Month, p.Group, p.Basis, p.Amount, p.PaidOn, p.Online, p.RecordedBy, p.RecordedAt);
}
