using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Transfers;

/// <summary>A letter between two cells of the province.</summary>
public sealed record TransferIssue(int MemberId, TransferKind Kind, int ToCellId, string LetterNumber, DateOnly LetterDate, DateOnly? Until = null);

/// <summary>A letter to another province: the member leaves with a package.</summary>
public sealed record TransferExport(int MemberId, int MemberVersion, string Destination, string LetterNumber, DateOnly LetterDate);

/// <summary>
/// Chuyển sinh hoạt đảng. Within the province the member moves only when the receiving cell
/// confirms, through <see cref="MemberCommands.MoveCellAsync"/> in the same transaction: until then
/// the member is in the sending cell, from then in the receiving one, never in both or neither.
/// Who acts where is checked here, with the caller's scope: the sending cell issues, cancels and
/// exports (Members.Write on the member's cell), only the receiving cell confirms or imports
/// (Members.Write on it); anything else is "not found".
/// </summary>
public sealed class TransferCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, CccdPolicy? cccd = null)
{
    private const string Letter = "Giấy giới thiệu sinh hoạt đảng";
    private readonly MemberCommands _members = new(db, clock, actor);

    public DateOnly Today => _members.Today;

    public Task<PartyTransfer> IssueAsync(TransferIssue issue, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Letter, async () =>
        {
            var m = await FindMemberAsync(issue.MemberId, ct);
            var to = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == issue.ToCellId, ct)
                ?? throw new RuleViolationException("ToCellId", $"Không tìm thấy chi bộ số {issue.ToCellId}.");
            var pending = await PendingLetterAsync(m.Id, ct);
            Rules.Check(
                new MemberIsActive(m),
                new NoOtherPendingTransfer(m.FullName, pending),
                new CellHoldsMembers(to),
                new CellIsInTheMembersProvince(to, m.ProvinceId),
                new CellIsDifferent(m.CellId, to.Id),
                new Admission.TextIsGiven(nameof(PartyTransfer.LetterNumber), "Số giấy giới thiệu", issue.LetterNumber),
                new DateIsNotInTheFuture("LetterDate", "Ngày cấp giấy giới thiệu", issue.LetterDate, Today),
                new TemporaryTransferHasAnEnd(issue.Kind, issue.LetterDate, issue.Until));
            var t = New(m, issue.Kind, TransferScope.WithinProvince, TransferStatus.Issued, issue.LetterNumber, issue.LetterDate);
            t.ToCellId = to.Id;
            t.Until = issue.Kind == TransferKind.Temporary ? issue.Until : null;
            db.PartyTransfers.Add(t);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Everything else was checked above; what is left is the unique index of pending letters:
                // another letter for the same member was saved at the same moment.
                throw Concurrency.Conflict($"Giấy giới thiệu của đảng viên {m.FullName}");
            }

            return t;
        }, ct);

    /// <summary>
    /// The receiving cell confirms the member reported (on <paramref name="date"/>). An official
    /// transfer moves the member that day; a temporary one leaves the record where it is. Late
    /// confirmations are accepted: the delay shows in the overdue list until then.
    /// </summary>
    public Task<PartyTransfer> ConfirmAsync(int id, int version, DateOnly date, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Letter, async () =>
        {
            var t = await LoadAsync(id, version, x => x.ToCellId, ct);
            var m = await db.Members.AsNoTracking().SingleAsync(x => x.Id == t.MemberId, ct);
            Rules.Check(
                new TransferHasStatus(t, TransferStatus.Issued, "xác nhận"),
                new MemberStillInSendingCell(m.FullName, m.CellId, t.FromCellId),
                new ConfirmationNotBeforeLetter(date, t.LetterDate),
                new DateIsNotInTheFuture("Date", "Ngày xác nhận", date, Today));
            if (t.Kind == TransferKind.Official)
            {
                await _members.MoveCellAsync(m.Id, m.Version, t.ToCellId!.Value, date,
                    new Decision(t.LetterNumber, "Chuyển sinh hoạt đảng chính thức"), ct);
            }

            t.Status = TransferStatus.Confirmed;
            t.ConfirmedOn = date;
            await SaveAsync(t, ct);
            return t;
        }, ct);

    public Task<PartyTransfer> CancelAsync(int id, int version, DateOnly date, string reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Letter, async () =>
        {
            var t = await LoadAsync(id, version, x => x.FromCellId, ct);
            Rules.Check(
                new TransferHasStatus(t, TransferStatus.Issued, "hủy"),
                new Admission.TextIsGiven(nameof(PartyTransfer.Reason), "Lý do hủy", reason),
                new ConfirmationNotBeforeLetter(date, t.LetterDate));
            t.Status = TransferStatus.Cancelled;
            t.CancelledOn = date;
            t.Reason = reason.Trim();
            await SaveAsync(t, ct);
            return t;
        }, ct);

    /// <summary>
    /// Chuyển sinh hoạt đi tỉnh khác: the member leaves this register on the letter's date
    /// (TransferOut) and the package for the receiving province, signed with this register's key,
    /// is returned and kept. The package carries the whole record and timeline, so the caller needs
    /// Members.ReadSensitive and Discipline.Read on the member's cell.
    /// </summary>
    public Task<TransferPackage> ExportAsync(TransferExport export, PackageKeys keys, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Letter, async () =>
        {
            var m = await FindMemberAsync(export.MemberId, ct);
            var cell = await FindCellAsync(m.CellId, ct);
            var pending = await PendingLetterAsync(m.Id, ct);
            Rules.Check(
                new PackageNeedsSensitiveAndDisciplineRead(MemberSight.On(caller, Subtree.Of(cell))),
                new NoOtherPendingTransfer(m.FullName, pending),
                new Admission.TextIsGiven(nameof(PartyTransfer.LetterNumber), "Số giấy giới thiệu", export.LetterNumber),
                new Admission.TextIsGiven(nameof(PartyTransfer.OtherOrganization), "Tổ chức đảng nơi đến", export.Destination));
            var province = await db.Provinces.Where(p => p.Id == m.ProvinceId).Select(p => p.Name).SingleAsync(ct);
            await _members.TransferOutAsync(m.Id, export.MemberVersion, export.LetterDate,
                new Decision(export.LetterNumber, $"Chuyển sinh hoạt đảng đến {export.Destination.Trim()}"), ct);

            var timeline = await db.MemberEvents.AsNoTracking().Where(e => e.MemberId == m.Id)
                .OrderBy(e => e.Date).ThenBy(e => e.Id)
                .Select(e => new TimelineEntry(e.Kind, e.Date,
                    db.Organizations.Where(o => o.Id == e.CellId).Select(o => o.Code).FirstOrDefault(), e.DecisionNumber, e.Reason, e.Details))
                .ToListAsync(ct);
            var package = keys.Sign(new TransferPackage
            {
                Schema = TransferPolicy.PackageSchema,
                FromProvince = province,
                FromCellCode = cell.Code,
                FromCellName = cell.Name,
                Destination = export.Destination.Trim(),
                LetterNumber = export.LetterNumber.Trim(),
                LetterDate = export.LetterDate,
                Kind = TransferKind.Official,
                Member = MemberProfile.Of(m),
                AdmittedOn = m.AdmittedOn,
                OfficialOn = m.OfficialOn,
                Timeline = timeline,
                ExportedAt = clock.GetUtcNow(),
            });
            var t = New(m, TransferKind.Official, TransferScope.Outgoing, TransferStatus.Sent, export.LetterNumber, export.LetterDate);
            t.OtherOrganization = package.Destination;
            t.PackageJson = package.ToJson();
            db.PartyTransfers.Add(t);
            await db.SaveChangesAsync(ct);
            return package;
        }, ct);

    /// <summary>
    /// Tiếp nhận đảng viên từ tỉnh khác: the package is checked (schema, its signature, the profile
    /// rules including CCCD validity and uniqueness, the destination cell) and the member is
    /// registered here from <paramref name="date"/> (TransferIn); the package is kept with the
    /// transfer. A broken signature is refused; a package not signed by a trusted register is taken
    /// only by <see cref="TransferPolicy.UnsealedPackageImporters"/>, and its timeline says so.
    /// </summary>
    public Task<Member> ImportAsync(string packageJson, int toCellId, DateOnly date, PackageKeys keys, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Letter, async () =>
        {
            var package = TransferPackage.Parse(packageJson);
            Rules.Check(new PackageSchemaIsKnown(package.Schema));
            var cell = await FindCellAsync(toCellId, ct);
            var seal = keys.Check(packageJson);
            var board = caller.Roles.Any(r => TransferPolicy.UnsealedPackageImporters.Contains(r.Role) && OrgScope.Covers(r.Subtree, Subtree.Of(cell)));
            Rules.Check(
                new PackageSignatureMatches(seal),
                new UnsealedPackageIsForTheProvinceBoard(seal, board),
                new ConfirmationNotBeforeLetter(date, package.LetterDate));
            await new CccdRegister(db, clock, caller, cccd).RequireFreeAsync(
                package.Member.Cleaned().Cccd, cell.ProvinceId, "Tiếp nhận đảng viên từ tỉnh khác", candidates: false, ct: ct);
            var from = $"Chuyển sinh hoạt đảng từ {package.FromCellName} ({package.FromProvince})";
            var m = await _members.TransferInAsync(
                new MemberRegistration(package.Member, cell.Id, package.AdmittedOn, package.OfficialOn), date,
                new Decision(package.LetterNumber, seal.State == SealState.Trusted ? from : $"{from}; gói không có chữ ký số tin cậy, Ban Tổ chức Tỉnh ủy tiếp nhận sau khi đối chiếu hồ sơ giấy"), ct);
            var t = New(m, package.Kind, TransferScope.Incoming, TransferStatus.Confirmed, package.LetterNumber, package.LetterDate);
            t.FromCellId = cell.Id;
            t.ToCellId = cell.Id;
            t.OtherOrganization = $"{package.FromCellName} ({package.FromProvince})";
            t.ConfirmedOn = date;
            t.PackageJson = packageJson;
            db.PartyTransfers.Add(t);
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    private PartyTransfer New(Member m, TransferKind kind, TransferScope scope, TransferStatus status, string letter, DateOnly letterDate) => new()
    {
        ProvinceId = m.ProvinceId,
        MemberId = m.Id,
        Kind = kind,
        Scope = scope,
        Status = status,
        FromCellId = m.CellId,
        LetterNumber = letter.Trim(),
        LetterDate = letterDate,
        RecordedBy = actor,
        UpdatedAt = clock.GetUtcNow(),
        Version = 1,
    };

    private Task<string?> PendingLetterAsync(int memberId, CancellationToken ct) =>
        db.PartyTransfers.Where(t => t.MemberId == memberId && t.Status == TransferStatus.Issued).Select(t => t.LetterNumber).FirstOrDefaultAsync(ct);

    private async Task SaveAsync(PartyTransfer t, CancellationToken ct)
    {
        t.Version++;
        t.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A letter as the cell that acts on it reaches it (the receiving cell to confirm, the sending one to cancel); else not found.</summary>
    private async Task<PartyTransfer> LoadAsync(int id, int version, Func<PartyTransfer, int?> actingCell, CancellationToken ct)
    {
        var t = await db.PartyTransfers.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || actingCell(t) is not { } cellId || !await WritesAsync(cellId, ct))
        {
            throw new NotFoundException($"Không có giấy giới thiệu số {id} trong phạm vi của bạn.");
        }

        Concurrency.CheckVersion($"Giấy giới thiệu số {t.LetterNumber}", version, t.Version);
        return t;
    }

    /// <summary>A member of a cell the caller writes members of; any other is not found.</summary>
    private async Task<Member> FindMemberAsync(int id, CancellationToken ct) =>
        await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } m && await WritesAsync(m.CellId, ct)
            ? m
            : throw new NotFoundException($"Không có đảng viên mã số {id} trong phạm vi của bạn.");

    /// <summary>A receiving cell the caller writes members of; any other is not found.</summary>
    private async Task<Organization> FindCellAsync(int cellId, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, ct) is { } cell && caller.Can(Operation.MembersWrite, Subtree.Of(cell))
            ? cell
            : throw new NotFoundException($"Không có chi bộ số {cellId} trong phạm vi của bạn.");

    private async Task<bool> WritesAsync(int cellId, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == cellId).Select(o => new { o.ProvinceId, o.Path }).FirstOrDefaultAsync(ct) is { } cell
        && caller.Can(Operation.MembersWrite, cell.ProvinceId, cell.Path);
}
