using ChiBo.Provinces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Organizations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.Property(p => p.Code).HasMaxLength(16);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Code).HasMaxLength(64);
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.Path).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => new { o.ProvinceId, o.Path });
        b.HasIndex(o => o.ParentId);
        b.HasOne<Province>().WithMany().HasForeignKey(o => o.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationPeriodConfiguration : IEntityTypeConfiguration<OrganizationPeriod>
{
    public void Configure(EntityTypeBuilder<OrganizationPeriod> b)
    {
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.Path).HasMaxLength(200);
        b.HasIndex(o => new { o.ProvinceId, o.Path, o.ValidFrom });
        b.HasIndex(o => new { o.OrganizationId, o.ValidFrom });
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> b)
    {
        b.Property(e => e.Before).HasMaxLength(400);
        b.Property(e => e.After).HasMaxLength(400);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.OrganizationId, e.Date });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
