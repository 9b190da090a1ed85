using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
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

/// <summary>One transfer as the lists show it, seen from a subtree: leaving it, arriving in it, or both (between two of its cells).</summary>
public sealed record TransferRow(
    int Id, int MemberId, string FullName, TransferKind Kind, TransferScope Scope, TransferStatus Status,
    int FromCellId, string FromCellCode, string FromName, int? ToCellId, string? ToCellCode, string? ToName, string LetterNumber, DateOnly LetterDate,
    DateOnly? Until, DateOnly? ConfirmedOn, DateOnly ConfirmBy, bool Overdue, bool Outgoing, bool Incoming, int Version);

public static class TransferQueries
{
    /// <summary>
    /// Transfers whose sending or receiving cell is in the subtree: every letter still waiting, and
    /// the <paramref name="recent"/> latest of the others, newest first. A letter waiting past the
    /// time limit is <see cref="TransferRow.Overdue"/> (the member has not reported).
    /// </summary>
    public static async Task<IReadOnlyList<TransferRow>> ListAsync(ChiBoDb db, Subtree subtree, DateOnly today, int recent = 100, CancellationToken ct = default)
    {
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var touching = db.PartyTransfers.AsNoTracking()
            .Where(t => cells.Contains(t.FromCellId) || (t.ToCellId != null && cells.Contains(t.ToCellId.Value)));
        var rows = await Project(db, touching.Where(t => t.Status == TransferStatus.Issued)).ToListAsync(ct);
        rows.AddRange(await Project(db, touching.Where(t => t.Status != TransferStatus.Issued)
            .OrderByDescending(t => t.LetterDate).ThenByDescending(t => t.Id).Take(recent)).ToListAsync(ct));
        var ids = rows.Select(r => r.FromCellId).Concat(rows.Where(r => r.ToCellId != null).Select(r => r.ToCellId!.Value)).Distinct().ToList();
        var inside = (await db.Organizations.In(subtree).Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var cutoff = WorkingDays.OverdueBefore(today, TransferPolicy.ConfirmWithinWorkingDays);
        return rows
            .Select(r => new TransferRow(r.Id, r.MemberId, r.FullName, r.Kind, r.Scope, r.Status, r.FromCellId, r.FromCode, r.FromName,
                r.ToCellId, r.Scope == TransferScope.WithinProvince ? r.ToCode : null,
                r.Scope == TransferScope.WithinProvince ? r.ToName : r.Other,
                r.LetterNumber, r.LetterDate, r.Until, r.ConfirmedOn, TransferPolicy.ConfirmBy(r.LetterDate),
                r.Status == TransferStatus.Issued && r.LetterDate < cutoff,
                r.Scope != TransferScope.Incoming && inside.Contains(r.FromCellId),
                r.ToCellId is { } to && inside.Contains(to) && (r.Scope == TransferScope.Incoming || r.Scope == TransferScope.WithinProvince),
                r.Version))
            .OrderByDescending(r => r.Status == TransferStatus.Issued).ThenByDescending(r => r.LetterDate).ThenByDescending(r => r.Id)
            .ToList();
    }

    private sealed record Raw(
        int Id, int MemberId, string FullName, TransferKind Kind, TransferScope Scope, TransferStatus Status, int FromCellId, string FromCode,
        string FromName, int? ToCellId, string? ToCode, string? ToName, string? Other, string LetterNumber, DateOnly LetterDate,
        DateOnly? Until, DateOnly? ConfirmedOn, int Version);

    private static IQueryable<Raw> Project(ChiBoDb db, IQueryable<PartyTransfer> transfers) =>
        from t in transfers
        join m in db.Members on t.MemberId equals m.Id
        join f in db.Organizations on t.FromCellId equals f.Id
        from to in db.Organizations.Where(o => o.Id == t.ToCellId).DefaultIfEmpty()
        select new Raw(t.Id, t.MemberId, m.FullName, t.Kind, t.Scope, t.Status, t.FromCellId, f.Code, f.Name, t.ToCellId,
            to == null ? null : to.Code, to == null ? null : to.Name, t.OtherOrganization, t.LetterNumber, t.LetterDate, t.Until,
            t.ConfirmedOn, t.Version);

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

    /// <summary>The letter as <paramref name="caller"/> may read it: the CCCD only with Members.ReadSensitive on the member's cell.</summary>
    public static async Task<TransferLetter?> LetterAsync(ChiBoDb db, int id, OrgScope caller, CancellationToken ct = default)
    {
        var t = await db.PartyTransfers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        var m = await db.Members.AsNoTracking().SingleAsync(x => x.Id == t.MemberId, ct);
        var cellPath = await db.Organizations.Where(o => o.Id == m.CellId).Select(o => o.Path).SingleAsync(ct);
        var sight = MemberSight.On(caller, new Subtree(m.ProvinceId, cellPath));
        var from = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == t.FromCellId, ct);
        var parent = from.ParentId is { } p ? await db.Organizations.Where(o => o.Id == p).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var to = t.ToCellId is { } c && t.Scope == TransferScope.WithinProvince
            ? await db.Organizations.Where(o => o.Id == c).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : t.OtherOrganization;
        var province = await db.Provinces.Where(x => x.Id == t.ProvinceId).Select(x => x.Name).SingleAsync(ct);
        return new TransferLetter(t.Id, t.LetterNumber, t.LetterDate, t.Kind, TransferNames.Of(t.Kind), t.Status,
            m.FullName, m.Gender, m.BirthDate, sight.Sensitive ? m.Cccd : null, m.PartyCardNumber, m.AdmittedOn, m.OfficialOn, from.Name, parent,
            to, t.Until, TransferPolicy.ConfirmBy(t.LetterDate), province);
    }

    /// <summary>
    /// The package of a transfer to another province, signed (a package kept from before packages
    /// were signed is signed now: it is this register's own). Null when there is none; refused
    /// (<see cref="PackageNeedsSensitiveAndDisciplineRead"/>) when the caller may not see all it carries.
    /// </summary>
    public static async Task<string?> PackageAsync(ChiBoDb db, int id, OrgScope caller, PackageKeys keys, CancellationToken ct = default)
    {
        var t = await db.PartyTransfers.AsNoTracking()
            .Where(x => x.Id == id && x.Scope == TransferScope.Outgoing && x.PackageJson != null)
            .Select(x => new { x.PackageJson, x.ProvinceId, x.MemberId })
            .SingleOrDefaultAsync(ct);
        if (t is null)
        {
            return null;
        }

        var cellPath = await db.Members.Where(m => m.Id == t.MemberId)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o.Path).SingleAsync(ct);
        Rules.Check(new PackageNeedsSensitiveAndDisciplineRead(MemberSight.On(caller, new Subtree(t.ProvinceId, cellPath))));
        var package = TransferPackage.Parse(t.PackageJson!);
        return package.Signature is null ? keys.Sign(package).ToJson() : t.PackageJson;
    }
}
