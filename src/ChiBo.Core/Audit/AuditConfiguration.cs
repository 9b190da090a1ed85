using ChiBo.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.ActorAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.Chain, e.Seq }).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => new { e.Actor, e.At });
        b.HasIndex(e => e.MemberId);
        b.HasIndex(e => e.OrganizationId);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.UserName).HasMaxLength(64);
        b.Property(a => a.DisplayName).HasMaxLength(150);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.Property(a => a.TotpSecret).HasMaxLength(64);
        b.Property(a => a.SecurityStamp).HasMaxLength(64);
        b.HasIndex(a => a.UserName).IsUnique();
        b.HasMany(a => a.Roles).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> b)
    {
        b.HasIndex(r => r.AccountId);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.Property(s => s.Id).HasMaxLength(32);
        b.Property(s => s.Address).HasMaxLength(64);
        b.Property(s => s.EndedBecause).HasMaxLength(100);
        b.HasIndex(s => s.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
