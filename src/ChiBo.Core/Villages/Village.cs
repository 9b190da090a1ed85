using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Villages;

/// <summary>Loại thôn, tổ dân phố (Thông tư 04/2012/TT-BNV and the names used locally).</summary>
public enum VillageKind
{
    /// <summary>Thôn.</summary>
    Thon = 1,

    /// <summary>Xóm.</summary>
    Xom = 2,

    /// <summary>Bản.</summary>
    Ban = 3,

    /// <summary>Ấp.</summary>
    Ap = 4,

    /// <summary>Khóm.</summary>
    Khom = 5,

    /// <summary>Tổ dân phố.</summary>
    ToDanPho = 6,

    /// <summary>Khu phố.</summary>
    KhuPho = 7,
}

/// <summary>Who leads a village besides the cell: the village head and the head of the front-work committee.</summary>
public enum VillageRole
{
    /// <summary>Trưởng thôn, trưởng ấp, tổ trưởng tổ dân phố.</summary>
    Head = 1,

    /// <summary>Trưởng ban công tác Mặt trận.</summary>
    FrontWorkHead = 2,
}

/// <summary>
/// A village (thôn, xóm, bản, ấp, khóm, tổ dân phố, khu phố) of a commune, from its establishment
/// to its closing (merged into another, or dissolved). Villages are not party organizations: the
/// cells that cover them are linked by <see cref="VillageCell"/> over time.
/// </summary>
public sealed class Village
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The commune's party organization (đảng bộ xã, phường, đặc khu; a xã đảng bộ cơ sở before 1/7/2025).</summary>
    public int CommuneId { get; set; }

    public VillageKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly EstablishedOn { get; set; }

    /// <summary>Exclusive end, <see cref="Dates.OpenEnd"/> while the village exists.</summary>
    public DateOnly ValidTo { get; set; }

    /// <summary>When it was merged, the village it went into.</summary>
    public int? MergedIntoId { get; set; }

    public int Version { get; set; }
}

/// <summary>A cell covering a village over [ValidFrom, ValidTo). A cell covering several villages at once is a "chi bộ ghép".</summary>
public sealed class VillageCell
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int VillageId { get; set; }
    public int CellId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
}

/// <summary>A village head or front-work head over [ValidFrom, ValidTo): by name, linked to the register when a party member.</summary>
public sealed class VillageHead
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int VillageId { get; set; }
    public VillageRole Role { get; set; }
    public required string FullName { get; set; }
    public int? MemberId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
}

internal sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> b)
    {
        b.Property(v => v.Name).HasMaxLength(200);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => new { v.ProvinceId, v.CommuneId });
        b.HasOne<Organization>().WithMany().HasForeignKey(v => v.CommuneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Village>().WithMany().HasForeignKey(v => v.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VillageCellConfiguration : IEntityTypeConfiguration<VillageCell>
{
    public void Configure(EntityTypeBuilder<VillageCell> b)
    {
        b.HasIndex(c => new { c.VillageId, c.ValidFrom });
        b.HasIndex(c => new { c.CellId, c.ValidFrom });
        b.HasOne<Village>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VillageHeadConfiguration : IEntityTypeConfiguration<VillageHead>
{
    public void Configure(EntityTypeBuilder<VillageHead> b)
    {
        b.Property(h => h.FullName).HasMaxLength(150);
        b.HasIndex(h => new { h.VillageId, h.Role, h.ValidFrom });
        b.HasIndex(h => h.MemberId);
        b.HasOne<Village>().WithMany().HasForeignKey(h => h.VillageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
