using ChiBo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Portal;

/// <summary>
/// The last day a member used the handbook (Sổ tay đảng viên điện tử): any of its pages opened by
/// the member's own account. One row per member, rewritten at most once a day; it is what the
/// plans' "members active in the handbook" measure counts (000:154). Only the latest day is kept,
/// so the measure is exact for the current period and undercounts past ones.
/// </summary>
public sealed class HandbookActivity
{
    public int MemberId { get; set; }
    public int ProvinceId { get; set; }
    public DateOnly LastActiveOn { get; set; }
}

internal sealed class HandbookActivityConfiguration : IEntityTypeConfiguration<HandbookActivity>
{
    public void Configure(EntityTypeBuilder<HandbookActivity> b)
    {
        b.HasKey(a => a.MemberId);
        b.Property(a => a.MemberId).ValueGeneratedNever();
        b.HasIndex(a => new { a.ProvinceId, a.LastActiveOn, a.MemberId });
        b.HasOne<Members.Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class HandbookActivityLog
{
    /// <summary>
    /// Records that the member used the handbook today: one write a day at most (the first page of
    /// the day), audited like any write. A second request racing the first finds the row written.
    /// </summary>
    public static async Task TouchAsync(ChiBoDb db, int memberId, int provinceId, DateOnly today, CancellationToken ct = default)
    {
        var row = await db.Set<HandbookActivity>().FirstOrDefaultAsync(a => a.MemberId == memberId, ct);
        if (row is not null && row.LastActiveOn >= today)
        {
            return;
        }

        if (row is null)
        {
            db.Set<HandbookActivity>().Add(new HandbookActivity { MemberId = memberId, ProvinceId = provinceId, LastActiveOn = today });
        }
        else
        {
            row.LastActiveOn = today;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another page of the same member wrote today's row first: that is the same fact.
            db.ChangeTracker.Clear();
        }
    }
}
