using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    /// <summary>Column lengths, which <see cref="TextFitsItsField"/> checks before a write.</summary>
    internal const int NameLength = 150, PlaceLength = 300, RoleLength = 200, LanguageLength = 100, CardLength = 20;

    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.FullName).HasMaxLength(NameLength);
        b.Property(m => m.SearchName).HasMaxLength(NameLength);
        b.Property(m => m.OtherNames).HasMaxLength(NameLength);
        b.Property(m => m.Cccd).HasMaxLength(12);
        b.Property(m => m.BirthPlace).HasMaxLength(PlaceLength);
        b.Property(m => m.HomeTown).HasMaxLength(PlaceLength);
        b.Property(m => m.Residence).HasMaxLength(PlaceLength);
        b.Property(m => m.Occupation).HasMaxLength(RoleLength);
        b.Property(m => m.Workplace).HasMaxLength(PlaceLength);
        b.Property(m => m.Position).HasMaxLength(RoleLength);
        b.Property(m => m.ProfessionalField).HasMaxLength(RoleLength);
        b.Property(m => m.ForeignLanguage).HasMaxLength(LanguageLength);
        b.Property(m => m.PartyCardNumber).HasMaxLength(CardLength);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.Cccd).IsUnique();
        b.HasIndex(m => new { m.ProvinceId, m.CellId });
        b.HasIndex(m => new { m.ProvinceId, m.SearchName });
        b.HasIndex(m => m.PartyCardNumber);
        b.HasOne(m => m.Cell).WithMany().HasForeignKey(m => m.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberPeriodConfiguration : IEntityTypeConfiguration<MemberPeriod>
{
    public void Configure(EntityTypeBuilder<MemberPeriod> b)
    {
        b.Property(p => p.CellPath).HasMaxLength(200);
        // The subtree index is per provider (ChiBoDb): covering on both, in the form each supports.
        b.HasIndex(p => new { p.MemberId, p.ValidFrom });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberEventConfiguration : IEntityTypeConfiguration<MemberEvent>
{
    public void Configure(EntityTypeBuilder<MemberEvent> b)
    {
        b.Property(e => e.CellPath).HasMaxLength(200);
        b.Property(e => e.Details).HasMaxLength(4000);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.DecidedBy).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.ProvinceId, e.CellPath, e.Date });
        b.HasIndex(e => new { e.MemberId, e.Date });
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
