using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Transfers;

/// <summary>A letter not confirmed within the time limit: the member has not reported (DOMAIN.md §4).</summary>
public sealed record OverdueTransfer(int Id, int MemberId, string FullName, string FromCellCode, string? ToCellCode, string LetterNumber, DateOnly LetterDate, DateOnly ConfirmBy);

/// <summary>Everything the printed introduction letter (giấy giới thiệu sinh hoạt đảng) needs.</summary>
public sealed record TransferLetter(
    int Id, string LetterNumber, DateOnly LetterDate, TransferKind Kind, string KindName, TransferStatus Status,
    string FullName, Members.Gender Gender, DateOnly BirthDate, string? Cccd, string? PartyCardNumber,
    DateOnly AdmittedOn, DateOnly? OfficialOn, string FromCellName, string? FromParentName,
    string? ToName, DateOnly? Until, DateOnly ConfirmBy, string Province);

public static class TransferQueries
{
    /// <summary>Letters waiting past the limit whose sending or receiving cell is in the subtree.</summary>
    public static async Task<IReadOnlyList<OverdueTransfer>> OverdueAsync(ChiBoDb db, Subtree subtree, DateOnly today, CancellationToken ct = default)
    {
        var cutoff = WorkingDays.OverdueBefore(today, TransferPolicy.ConfirmWithinWorkingDays);
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var rows = await db.PartyTransfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Issued && t.LetterDate < cutoff
                && (cells.Contains(t.FromCellId) || (t.ToCellId != null && cells.Contains(t.ToCellId.Value))))
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new
            {
                t.Id, t.MemberId, m.FullName, t.LetterNumber, t.LetterDate,
                From = db.Organizations.Where(o => o.Id == t.FromCellId).Select(o => o.Code).First(),
                To = db.Organizations.Where(o => o.Id == t.ToCellId).Select(o => o.Code).FirstOrDefault(),
            })
            .OrderBy(r => r.LetterDate).ThenBy(r => r.Id)
            .ToListAsync(ct);
        return rows.Select(r => new OverdueTransfer(r.Id, r.MemberId, r.FullName, r.From, r.To, r.LetterNumber, r.LetterDate,
            TransferPolicy.ConfirmBy(r.LetterDate))).ToList();
    }

    public static async Task<TransferLetter?> LetterAsync(ChiBoDb db, int id, CancellationToken ct = default)
    {
        var t = await db.PartyTransfers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        var m = await db.Members.AsNoTracking().SingleAsync(x => x.Id == t.MemberId, ct);
        var from = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == t.FromCellId, ct);
        var parent = from.ParentId is { } p ? await db.Organizations.Where(o => o.Id == p).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var to = t.ToCellId is { } c && t.Scope == TransferScope.WithinProvince
            ? await db.Organizations.Where(o => o.Id == c).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : t.OtherOrganization;
        var province = await db.Provinces.Where(x => x.Id == t.ProvinceId).Select(x => x.Name).SingleAsync(ct);
        return new TransferLetter(t.Id, t.LetterNumber, t.LetterDate, t.Kind, TransferNames.Of(t.Kind), t.Status,
            m.FullName, m.Gender, m.BirthDate, m.Cccd, m.PartyCardNumber, m.AdmittedOn, m.OfficialOn, from.Name, parent,
            to, t.Until, TransferPolicy.ConfirmBy(t.LetterDate), province);
    }
}
