using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Villages;

public sealed record VillageNew(int CommuneId, VillageKind Kind, string Name, DateOnly EstablishedOn);

public sealed record VillageHeadInput(VillageRole Role, string? FullName, int? MemberId, DateOnly From);

/// <summary>
/// The village register of a commune: villages, the cells covering them over time, their heads.
/// Each command is one transaction; the caller needs <see cref="Operation.OrgsWrite"/> on the commune
/// (the commune committee, the province board).
/// </summary>
public sealed class VillageCommands(ChiBoDb db, TimeProvider clock, OrgScope caller)
{
    private const string What = "Thôn, tổ dân phố";

    public DateOnly Today => clock.Today();

    public Task<Village> AddAsync(VillageNew v, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var commune = await CommuneAsync(v.CommuneId, ct);
            var name = VietnameseText.Clean(v.Name ?? "");
            var taken = await db.Villages.AnyAsync(x => x.CommuneId == commune.Id && x.Name == name && x.ValidTo == Dates.OpenEnd, ct);
            Rules.Check(
                new VillageIsCommune(commune),
                new VillageNameIsGiven(name),
                new VillageNameIsFree(name, commune.Name, taken),
                new DateIsNotInTheFuture("EstablishedOn", "Ngày thành lập", v.EstablishedOn, Today),
                new KindIsKnown(v.Kind));
            var village = new Village
            {
                ProvinceId = commune.ProvinceId, CommuneId = commune.Id, Kind = v.Kind, Name = name,
                EstablishedOn = v.EstablishedOn, ValidTo = Dates.OpenEnd, Version = 1,
            };
            db.Villages.Add(village);
            await db.SaveChangesAsync(ct);
            return village;
        }, ct);

    /// <summary>A cell of the commune begins to cover the village (a cell covering several villages is a chi bộ ghép).</summary>
    public Task<Village> CoverAsync(int villageId, int version, int cellId, DateOnly from, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (village, commune) = await LoadAsync(villageId, version, ct);
            var cell = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, ct);
            var overlaps = await db.VillageCells.AnyAsync(c => c.VillageId == village.Id && c.CellId == cellId && c.ValidTo > from, ct);
            Rules.Check(
                new VillageIsOpen(village, from),
                new CellCoversInTheCommune(cell, commune),
                new DateIsNotInTheFuture("From", "Ngày bắt đầu", from, Today),
                new CoverageIsNew(overlaps));
            db.VillageCells.Add(new VillageCell { ProvinceId = village.ProvinceId, VillageId = village.Id, CellId = cellId, ValidFrom = from, ValidTo = Dates.OpenEnd });
            village.Version++;
            await db.SaveChangesAsync(ct);
            return village;
        }, ct);

    /// <summary>A cell stops covering the village (the village got its own cell, the cells were reorganized).</summary>
    public Task<Village> UncoverAsync(int villageId, int version, int cellId, DateOnly on, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (village, _) = await LoadAsync(villageId, version, ct);
            var coverage = await db.VillageCells.SingleOrDefaultAsync(c => c.VillageId == village.Id && c.CellId == cellId && c.ValidTo == Dates.OpenEnd, ct)
                ?? throw new RuleViolationException("CellId", "Chi bộ này hiện không phụ trách thôn, tổ dân phố.");
            Rules.Check(
                new DateIsNotInTheFuture("On", "Ngày kết thúc", on, Today),
                new EndsAfterItBegan(coverage.ValidFrom, on));
            coverage.ValidTo = on;
            village.Version++;
            await db.SaveChangesAsync(ct);
            return village;
        }, ct);

    /// <summary>A new village head or front-work head from a date; the previous one's term ends that day.</summary>
    public Task<Village> SetHeadAsync(int villageId, int version, VillageHeadInput h, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (village, _) = await LoadAsync(villageId, version, ct);
            string name;
            if (h.MemberId is { } memberId)
            {
                name = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ProvinceId == village.ProvinceId)
                    .Select(m => m.FullName).SingleOrDefaultAsync(ct)
                    ?? throw new RuleViolationException("MemberId", $"Không tìm thấy đảng viên số {memberId}.");
            }
            else
            {
                name = VietnameseText.Clean(h.FullName ?? "");
            }

            Rules.Check(
                new KnownRole(h.Role),
                new HeadNameIsGiven(name),
                new VillageIsOpen(village, h.From),
                new DateIsNotInTheFuture("From", "Ngày bắt đầu", h.From, Today));
            var current = await db.VillageHeads.Where(x => x.VillageId == village.Id && x.Role == h.Role && x.ValidTo > h.From).ToListAsync(ct);
            foreach (var c in current)
            {
                if (c.ValidFrom >= h.From)
                {
                    throw new RuleViolationException("From", $"Đã có {VillageNames.Of(h.Role).ToLowerInvariant()} từ ngày {Rules.Date(c.ValidFrom)}: ngày bắt đầu phải sau ngày đó.");
                }

                c.ValidTo = h.From;
            }

            db.VillageHeads.Add(new VillageHead
            {
                ProvinceId = village.ProvinceId, VillageId = village.Id, Role = h.Role, FullName = name, MemberId = h.MemberId,
                ValidFrom = h.From, ValidTo = Dates.OpenEnd,
            });
            village.Version++;
            await db.SaveChangesAsync(ct);
            return village;
        }, ct);

    /// <summary>The village ends (sáp nhập into another of the commune, or giải thể): its cells and heads end with it.</summary>
    public Task<Village> CloseAsync(int villageId, int version, DateOnly on, int? mergedIntoId, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (village, commune) = await LoadAsync(villageId, version, ct);
            Rules.Check(new VillageIsOpen(village, on), new EndsAfterItBegan(village.EstablishedOn, on), new DateIsNotInTheFuture("On", "Ngày sáp nhập, giải thể", on, Today));
            if (mergedIntoId is { } into)
            {
                var target = await db.Villages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == into, ct);
                Rules.Check(new MergesIntoAnOpenVillage(target, village, commune.Id, on));
            }

            foreach (var c in await db.VillageCells.Where(c => c.VillageId == village.Id && c.ValidTo > on).ToListAsync(ct))
            {
                c.ValidTo = on;
            }

            foreach (var h in await db.VillageHeads.Where(h => h.VillageId == village.Id && h.ValidTo > on).ToListAsync(ct))
            {
                h.ValidTo = on;
            }

            village.ValidTo = on;
            village.MergedIntoId = mergedIntoId;
            village.Version++;
            await db.SaveChangesAsync(ct);
            return village;
        }, ct);

    private async Task<(Village, Organization)> LoadAsync(int villageId, int version, CancellationToken ct)
    {
        var village = await db.Villages.SingleOrDefaultAsync(v => v.Id == villageId, ct)
            ?? throw new RuleViolationException("VillageId", $"Không tìm thấy thôn, tổ dân phố số {villageId}.");
        var commune = await CommuneAsync(village.CommuneId, ct);
        Concurrency.CheckVersion(village.Name, version, village.Version);
        return (village, commune);
    }

    private async Task<Organization> CommuneAsync(int communeId, CancellationToken ct)
    {
        var commune = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == communeId, ct);
        if (commune is null || !caller.Can(Operation.OrgsWrite, Subtree.Of(commune)))
        {
            throw new RuleViolationException("CommuneId", $"Không tìm thấy tổ chức đảng số {communeId} trong phạm vi của bạn.");
        }

        return commune;
    }
}

public static class VillageNames
{
    public static string Of(VillageKind k) => k switch
    {
        VillageKind.Thon => "Thôn",
        VillageKind.Xom => "Xóm",
        VillageKind.Ban => "Bản",
        VillageKind.Ap => "Ấp",
        VillageKind.Khom => "Khóm",
        VillageKind.ToDanPho => "Tổ dân phố",
        _ => "Khu phố",
    };

    public static string Of(VillageRole r) => r == VillageRole.Head ? "Trưởng thôn, tổ trưởng tổ dân phố" : "Trưởng ban công tác Mặt trận";
}

/// <summary>Villages belong to a commune: an organization of the commune sector (đảng bộ xã, phường, đặc khu; before 1/7/2025 a xã đảng bộ cơ sở).</summary>
public sealed record VillageIsCommune(Organization Org) : IRule
{
    public string Field => "CommuneId";

    public string Message => $"{Org.Name} không phải đảng bộ xã, phường, đặc khu: thôn, tổ dân phố thuộc đảng bộ xã.";

    public bool IsBroken() => Org.Sector != Sector.Commune || Org.Kind is not (OrgKind.SuperiorToBase or OrgKind.BaseCommittee);
}

public sealed record VillageNameIsGiven(string Name) : IRule
{
    public string Field => "Name";

    public string Message => "Tên thôn, tổ dân phố không được để trống.";

    public bool IsBroken() => Name.Length == 0 || Name.Length > 200;
}

public sealed record VillageNameIsFree(string Name, string Commune, bool Taken) : IRule
{
    public string Field => "Name";

    public string Message => $"{Commune} đã có \"{Name}\".";

    public bool IsBroken() => Taken;
}

public sealed record KindIsKnown(VillageKind Kind) : IRule
{
    public string Field => "Kind";

    public string Message => "Loại thôn, tổ dân phố không hợp lệ.";

    public bool IsBroken() => !Enum.IsDefined(Kind);
}

public sealed record KnownRole(VillageRole Role) : IRule
{
    public string Field => "Role";

    public string Message => "Chức danh phải là trưởng thôn (tổ trưởng tổ dân phố) hoặc trưởng ban công tác Mặt trận.";

    public bool IsBroken() => !Enum.IsDefined(Role);
}

public sealed record HeadNameIsGiven(string Name) : IRule
{
    public string Field => "FullName";

    public string Message => "Cần ghi họ và tên (hoặc chọn đảng viên).";

    public bool IsBroken() => Name.Length == 0 || Name.Length > 150;
}

public sealed record VillageIsOpen(Village Village, DateOnly On) : IRule
{
    public string Field => "On";

    public string Message => $"{Village.Name} không tồn tại vào ngày {Rules.Date(On)}.";

    public bool IsBroken() => On < Village.EstablishedOn || On >= Village.ValidTo;
}

/// <summary>The covering organization is a cell (holds members) of the commune, alive.</summary>
public sealed record CellCoversInTheCommune(Organization? Cell, Organization Commune) : IRule
{
    public string Field => "CellId";

    public string Message => Cell is null
        ? "Không tìm thấy chi bộ."
        : $"{Cell.Name} không phải chi bộ đang hoạt động thuộc {Commune.Name}.";

    public bool IsBroken() => Cell is null || !Cell.Kind.HoldsMembers() || Cell.DissolvedOn is not null
        || Cell.ProvinceId != Commune.ProvinceId || !Cell.Path.StartsWith(Commune.Path, StringComparison.Ordinal);
}

public sealed record CoverageIsNew(bool Overlaps) : IRule
{
    public string Field => "CellId";

    public string Message => "Chi bộ này đã phụ trách thôn, tổ dân phố trong thời gian đó.";

    public bool IsBroken() => Overlaps;
}

public sealed record EndsAfterItBegan(DateOnly From, DateOnly On) : IRule
{
    public string Field => "On";

    public string Message => $"Ngày kết thúc ({Rules.Date(On)}) phải sau ngày bắt đầu ({Rules.Date(From)}).";

    public bool IsBroken() => On <= From;
}

public sealed record MergesIntoAnOpenVillage(Village? Target, Village Village, int CommuneId, DateOnly On) : IRule
{
    public string Field => "MergedIntoId";

    public string Message => "Thôn, tổ dân phố sáp nhập vào phải là một thôn, tổ dân phố khác của cùng xã, còn tồn tại vào ngày sáp nhập.";

    public bool IsBroken() => Target is null || Target.Id == Village.Id || Target.CommuneId != CommuneId
        || Target.EstablishedOn > On || Target.ValidTo <= On;
}
