using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Organizations;

/// <summary>A new organization (thành lập) under <see cref="ParentId"/>; a root (Đảng bộ tỉnh) has no parent and names its province.</summary>
public sealed record OrganizationFounding(string Code, string Name, OrgKind Kind, Sector Sector, DateOnly FoundedOn, int? ParentId, int? ProvinceId = null);

/// <summary>
/// Changes to the organization tree. Each runs in one transaction, writes an
/// <see cref="OrganizationEvent"/>, keeps <see cref="OrganizationPeriod"/> history so that reports
/// "as of" an earlier date still see the old tree, and checks the Version the caller read.
/// </summary>
public sealed class OrganizationCommands(ChiBoDb db, TimeProvider clock, string actor)
{
    private const string Record = "Tổ chức đảng";

    public DateOnly Today => clock.Today();

    /// <summary>Thành lập. The path needs the id: the row is inserted, then its path set, in the same transaction.</summary>
    public Task<Organization> FoundAsync(OrganizationFounding f, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var name = VietnameseText.Clean(f.Name ?? "");
            var code = (f.Code ?? "").Trim();
            Organization? parent = null;
            if (f.ParentId is { } parentId)
            {
                parent = await FindAsync(parentId, ct);
                Rules.Check(new ParentCanContain(parent, f.Kind), new OrganizationIsLive(parent));
            }
            else if (f.Kind != OrgKind.Province || f.ProvinceId is null)
            {
                throw new RuleViolationException(nameof(Organization.ParentId), "Chỉ Đảng bộ tỉnh không có tổ chức cấp trên; hãy chọn tổ chức cấp trên.");
            }

            var taken = await db.Organizations.AnyAsync(o => o.Code == code, ct);
            Rules.Check(
                new OrganizationNameIsGiven(name),
                new OrganizationCodeIsGiven(code),
                new OrganizationCodeIsUnique(code, taken),
                new DateIsNotInTheFuture("Date", "Ngày thành lập", f.FoundedOn, Today));
            if (parent is not null)
            {
                var parentSince = await OpenPeriodStartAsync(parent.Id, ct);
                Rules.Check(new NoLaterChangeInTheSubtree(parent, f.FoundedOn, parentSince));
            }

            // Cells and section committees carry the sector of their TCCSĐ.
            var sector = parent is not null && f.Kind is OrgKind.Cell or OrgKind.SectionCommittee ? parent.Sector : f.Sector;
            var org = new Organization
            {
                ProvinceId = parent?.ProvinceId ?? f.ProvinceId!.Value,
                Code = code,
                Name = name,
                Kind = f.Kind,
                Sector = sector,
                ParentId = parent?.Id,
                Path = parent?.Path ?? "/",
                Depth = parent is null ? 0 : parent.Depth + 1,
                FoundedOn = f.FoundedOn,
                Version = 1,
            };
            db.Organizations.Add(org);
            await db.SaveChangesAsync(ct);
            org.Path = Subtree.ChildPath(parent?.Path ?? "/", org.Id);
            db.OrganizationPeriods.Add(new OrganizationPeriod
            {
                ProvinceId = org.ProvinceId, OrganizationId = org.Id, ValidFrom = f.FoundedOn, ValidTo = Dates.OpenEnd,
                Name = org.Name, Kind = org.Kind, Sector = org.Sector, ParentId = org.ParentId, Path = org.Path,
            });
            AddEvent(org, OrganizationEventKind.Founded, f.FoundedOn, null, $"{org.Name} ({org.Code}) trực thuộc {parent?.Name ?? "—"}", why);
            await db.SaveChangesAsync(ct);
            return org;
        }, ct);

    /// <summary>Đổi tên from <paramref name="date"/>: reports before it keep the old name.</summary>
    public Task<Organization> RenameAsync(int orgId, int version, string newName, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var org = await LoadAsync(orgId, version, ct);
            var name = VietnameseText.Clean(newName ?? "");
            var open = await OpenPeriodAsync(org, ct);
            Rules.Check(
                new OrganizationIsLive(org),
                new OrganizationNameIsGiven(name),
                new DateIsNotInTheFuture("Date", "Ngày đổi tên", date, Today),
                new NoLaterChangeInTheSubtree(org, date, open.ValidFrom));
            if (name == org.Name)
            {
                throw new RuleViolationException(nameof(Organization.Name), "Tên mới trùng tên hiện tại.");
            }

            var next = Split(open, date);
            next.Name = name;
            AddEvent(org, OrganizationEventKind.Renamed, date, org.Name, name, why);
            org.Name = name;
            org.Version++;
            await db.SaveChangesAsync(ct);
            return org;
        }, ct);

    /// <summary>
    /// Chuyển tổ chức sang trực thuộc <paramref name="newParentId"/> from <paramref name="date"/>.
    /// Set-based for the whole subtree: the paths of the organization and all its units, their
    /// period rows (closed at the date, reopened with the new paths) and the open membership
    /// periods of every member in the subtree (split at the date with the new cell path).
    /// </summary>
    public Task<Organization> MoveAsync(int orgId, int version, int newParentId, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct) ?? throw NotFound(orgId);
            Concurrency.CheckVersion($"{org.Name}", version, org.Version);
            var parent = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == newParentId, ct) ?? throw NotFound(newParentId);
            var subtree = Subtree.Of(org);
            var (lo, hi, p) = (subtree.Path, subtree.UpperBound, org.ProvinceId);
            var latestOrg = await db.OrganizationPeriods
                .Where(x => x.ProvinceId == p && string.Compare(x.Path, lo) >= 0 && string.Compare(x.Path, hi) < 0 && x.ValidTo == Dates.OpenEnd)
                .OrderByDescending(x => x.ValidFrom).Select(x => (DateOnly?)x.ValidFrom).FirstOrDefaultAsync(ct);
            var latestMember = await db.MemberPeriods
                .Where(x => x.ProvinceId == p && string.Compare(x.CellPath, lo) >= 0 && string.Compare(x.CellPath, hi) < 0 && x.ValidTo == Dates.OpenEnd)
                .OrderByDescending(x => x.ValidFrom).Select(x => (DateOnly?)x.ValidFrom).FirstOrDefaultAsync(ct);
            var latestSeat = await Cadres.CommitteePaths.LatestChangeAsync(db, p, lo, hi, ct);
            var parentSince = await OpenPeriodStartAsync(parent.Id, ct);
            Rules.Check(
                new OrganizationIsLive(org),
                new OrganizationIsLive(parent),
                new SameProvince(org, parent),
                new NewParentIsDifferent(org, parent),
                new NewParentIsOutsideTheSubtree(org, parent),
                new ParentCanContain(parent, org.Kind),
                new DateIsNotInTheFuture("Date", "Ngày chuyển", date, Today),
                new NoLaterChangeInTheSubtree(org, date, Max(Max(Max(latestOrg, latestMember), latestSeat), parentSince)));

            var oldParentName = org.ParentId is { } op ? await db.Organizations.Where(o => o.Id == op).Select(o => o.Name).SingleAsync(ct) : "—";
            var newPrefix = Subtree.ChildPath(parent.Path, org.Id);
            var from = lo.Length + 1; // substr is 1-based: the rest of the path after the old prefix
            var depthDelta = parent.Depth + 1 - org.Depth;
            var open = Dates.OpenEnd;
            var id = org.Id;

            var claimed = await db.Database.ExecuteSqlAsync(
                $"UPDATE organizations SET parent_id = {newParentId}, version = version + 1 WHERE id = {id} AND version = {version}", ct);
            if (claimed != 1)
            {
                throw Concurrency.Conflict(org.Name);
            }

            // Organization periods: a row that began on the date is re-pathed in place; the others
            // are copied from the date with the new path, then closed at the date.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE organization_periods
                SET path = {newPrefix} || substr(path, {from}),
                    parent_id = CASE WHEN organization_id = {id} THEN {newParentId} ELSE parent_id END
                WHERE province_id = {p} AND path >= {lo} AND path < {hi} AND valid_to = {open} AND valid_from = {date}
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO organization_periods (province_id, organization_id, valid_from, valid_to, name, kind, sector, parent_id, path)
                SELECT province_id, organization_id, {date}, valid_to, name, kind, sector,
                       CASE WHEN organization_id = {id} THEN {newParentId} ELSE parent_id END,
                       {newPrefix} || substr(path, {from})
                FROM organization_periods
                WHERE province_id = {p} AND path >= {lo} AND path < {hi} AND valid_to = {open} AND valid_from < {date}
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE organization_periods SET valid_to = {date}
                WHERE province_id = {p} AND path >= {lo} AND path < {hi} AND valid_to = {open} AND valid_from < {date}
                """, ct);

            // Membership periods of everyone in the subtree, the same way.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE member_periods SET cell_path = {newPrefix} || substr(cell_path, {from})
                WHERE province_id = {p} AND cell_path >= {lo} AND cell_path < {hi} AND valid_to = {open} AND valid_from = {date}
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO member_periods (province_id, member_id, valid_from, valid_to, cell_id, cell_path, official_on, exempted,
                    gender, birth_date, minority, religious, general_education, professional, political_theory, enterprise, youth_union, retired)
                SELECT province_id, member_id, {date}, valid_to, cell_id, {newPrefix} || substr(cell_path, {from}), official_on, exempted,
                    gender, birth_date, minority, religious, general_education, professional, political_theory, enterprise, youth_union, retired
                FROM member_periods
                WHERE province_id = {p} AND cell_path >= {lo} AND cell_path < {hi} AND valid_to = {open} AND valid_from < {date}
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE member_periods SET valid_to = {date}
                WHERE province_id = {p} AND cell_path >= {lo} AND cell_path < {hi} AND valid_to = {open} AND valid_from < {date}
                """, ct);

            // Committee seats in the subtree, the same way.
            await Cadres.CommitteePaths.MoveAsync(db, p, lo, hi, newPrefix, from, date, ct);

            // The current rows last: the organization and all its units, dissolved ones included.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE organizations
                SET path = {newPrefix} || substr(path, {from}), depth = depth + {depthDelta},
                    version = version + CASE WHEN id = {id} THEN 0 ELSE 1 END
                WHERE province_id = {p} AND path >= {lo} AND path < {hi}
                """, ct);

            AddEvent(org, OrganizationEventKind.Moved, date, $"Trực thuộc {oldParentName} ({lo})", $"Trực thuộc {parent.Name} ({newPrefix})", why);
            await db.SaveChangesAsync(ct);
            return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        }, ct);

    /// <summary>Hợp nhất chi bộ: its members move to <paramref name="targetId"/> on the date, then it is dissolved.</summary>
    public Task<Organization> MergeIntoAsync(int cellId, int version, int targetId, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var cell = await LoadAsync(cellId, version, ct);
            var target = await FindAsync(targetId, ct);
            Rules.Check(
                new MergeIsBetweenCells(cell, target),
                new OrganizationIsLive(cell),
                new OrganizationIsLive(target),
                new SameProvince(cell, target),
                new DateIsNotInTheFuture("Date", "Ngày hợp nhất", date, Today));

            var members = await db.MemberPeriods.AsNoTracking()
                .Where(x => x.CellId == cell.Id && x.ValidTo == Dates.OpenEnd)
                .Join(db.Members, x => x.MemberId, m => m.Id, (x, m) => new { m.Id, m.Version })
                .ToListAsync(ct);
            var memberCommands = new MemberCommands(db, clock, actor);
            var moveWhy = why with { Reason = $"Hợp nhất {cell.Name} vào {target.Name}" + (why.Reason is { } r ? $": {r}" : "") };
            foreach (var m in members)
            {
                await memberCommands.MoveCellAsync(m.Id, m.Version, target.Id, date, moveWhy, ct);
            }

            await CloseAsync(cell, date, ct);
            AddEvent(cell, OrganizationEventKind.MergedInto, date, $"{cell.Name} ({cell.Code})", $"{target.Name} ({target.Code})", why);
            await db.SaveChangesAsync(ct);
            return cell;
        }, ct);

    /// <summary>Giải thể: refused while members or units are still in it.</summary>
    public Task<Organization> DissolveAsync(int orgId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var org = await LoadAsync(orgId, version, ct);
            var subtree = Subtree.Of(org);
            var (lo, hi) = (subtree.Path, subtree.UpperBound);
            var active = await db.MemberPeriods.CountAsync(x =>
                x.ProvinceId == org.ProvinceId && string.Compare(x.CellPath, lo) >= 0 && string.Compare(x.CellPath, hi) < 0 && x.ValidTo == Dates.OpenEnd, ct);
            var liveChildren = await db.Organizations.CountAsync(o => o.ParentId == org.Id && o.DissolvedOn == null, ct);
            Rules.Check(
                new OrganizationIsLive(org),
                new DissolveNeedsNoActiveMembers(org, active),
                new DissolveNeedsNoLiveChildren(org, liveChildren),
                new DateIsNotInTheFuture("Date", "Ngày giải thể", date, Today));
            await CloseAsync(org, date, ct);
            AddEvent(org, OrganizationEventKind.Dissolved, date, $"{org.Name} ({org.Code})", null, why);
            await db.SaveChangesAsync(ct);
            return org;
        }, ct);

    private async Task CloseAsync(Organization org, DateOnly date, CancellationToken ct)
    {
        var open = await OpenPeriodAsync(org, ct);
        Rules.Check(new NoLaterChangeInTheSubtree(org, date, open.ValidFrom));
        if (open.ValidFrom == date)
        {
            db.OrganizationPeriods.Remove(open);
        }
        else
        {
            open.ValidTo = date;
        }

        org.DissolvedOn = date;
        org.Version++;
    }

    private OrganizationPeriod Split(OrganizationPeriod open, DateOnly date)
    {
        if (open.ValidFrom == date)
        {
            return open;
        }

        var next = new OrganizationPeriod
        {
            ProvinceId = open.ProvinceId, OrganizationId = open.OrganizationId, ValidFrom = date, ValidTo = Dates.OpenEnd,
            Name = open.Name, Kind = open.Kind, Sector = open.Sector, ParentId = open.ParentId, Path = open.Path,
        };
        open.ValidTo = date;
        db.OrganizationPeriods.Add(next);
        return next;
    }

    private async Task<OrganizationPeriod> OpenPeriodAsync(Organization org, CancellationToken ct) =>
        await db.OrganizationPeriods.SingleOrDefaultAsync(x => x.OrganizationId == org.Id && x.ValidTo == Dates.OpenEnd, ct)
        ?? throw new RuleViolationException(nameof(Organization.DissolvedOn), $"{org.Name} không còn hoạt động.");

    private Task<DateOnly?> OpenPeriodStartAsync(int orgId, CancellationToken ct) =>
        db.OrganizationPeriods.Where(x => x.OrganizationId == orgId && x.ValidTo == Dates.OpenEnd)
            .Select(x => (DateOnly?)x.ValidFrom).FirstOrDefaultAsync(ct);

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private async Task<Organization> LoadAsync(int orgId, int version, CancellationToken ct)
    {
        var org = await FindAsync(orgId, ct);
        Concurrency.CheckVersion(org.Name, version, org.Version);
        return org;
    }

    private async Task<Organization> FindAsync(int orgId, CancellationToken ct) =>
        await db.Organizations.SingleOrDefaultAsync(o => o.Id == orgId, ct) ?? throw NotFound(orgId);

    private static RuleViolationException NotFound(int id) =>
        new("OrganizationId", $"Không tìm thấy tổ chức đảng số {id}.");

    private void AddEvent(Organization org, OrganizationEventKind kind, DateOnly date, string? before, string? after, Decision why) =>
        db.OrganizationEvents.Add(new OrganizationEvent
        {
            ProvinceId = org.ProvinceId,
            OrganizationId = org.Id,
            Kind = kind,
            Date = date,
            Before = before,
            After = after,
            DecisionNumber = string.IsNullOrWhiteSpace(why.Number) ? null : VietnameseText.Clean(why.Number),
            Reason = string.IsNullOrWhiteSpace(why.Reason) ? null : why.Reason.Trim(),
            RecordedBy = actor,
            RecordedAt = clock.GetUtcNow(),
        });
}
