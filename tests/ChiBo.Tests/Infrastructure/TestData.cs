using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Provinces;
using ChiBo.Text;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// A tiny register written through <see cref="ChiBoDb"/> the way the model expects it: each
/// organization's path is its parent's path plus its id, one period from its founding to
/// <see cref="Dates.OpenEnd"/>, a "founded" event; each member with its open (or closed) period and
/// its timeline.
/// <code>
/// T      Đảng bộ tỉnh Thử nghiệm
/// ├ T.01   Đảng bộ xã An Hòa (commune)
/// │ ├ T.01.01   Đảng bộ cơ sở xã An Hòa
/// │ │ ├ T.01.01.01  Chi bộ ấp Một: Nguyễn Văn An (official), Đặng Thị Bình (probationary)
/// │ │ └ T.01.01.02  Chi bộ ấp Hai: Nguyễn Văn Anh (exempted), Trần Văn Dũng (died)
/// │ └ T.01.02   Chi bộ cơ sở Công ty Lúa Vàng (enterprise): Lê Thị Hoa (official)
/// └ T.02   Đảng bộ phường Bình Minh
///   └ T.02.01   Chi bộ cơ sở Trường Tiểu học: Phạm Văn Đạt (official)
/// </code>
/// </summary>
public sealed class TestData : IAsyncDisposable
{
    /// <summary>The tests' today: every age and "valid now" is computed on this date.</summary>
    public static readonly DateOnly Today = new(2026, 6, 30);

    public static readonly DateOnly Founded = new(1975, 4, 30);

    private readonly ChiBoDb _db;
    private readonly Province _province;
    private int _serial;

    private TestData(ChiBoDb db, Province province)
    {
        _db = db;
        _province = province;
    }

    public Organization Province { get; private set; } = null!;
    public Organization Commune { get; private set; } = null!;
    public Organization BaseCommittee { get; private set; } = null!;
    public Organization CellOne { get; private set; } = null!;
    public Organization CellTwo { get; private set; } = null!;
    public Organization EnterpriseCell { get; private set; } = null!;
    public Organization Ward { get; private set; } = null!;
    public Organization SchoolCell { get; private set; } = null!;

    public Member An { get; private set; } = null!;
    public Member Binh { get; private set; } = null!;
    public Member Anh { get; private set; } = null!;
    public Member Dung { get; private set; } = null!;
    public Member Hoa { get; private set; } = null!;
    public Member Dat { get; private set; } = null!;

    /// <summary>Writes the tree above into a fresh database (code prefix "T" unless told otherwise).</summary>
    public static async Task<TestData> SeedAsync(TestDatabase database, string prefix = "T", string provinceName = "Thử nghiệm")
    {
        var db = database.Context();
        var province = new Province { Code = prefix, Name = provinceName };
        db.Provinces.Add(province);
        await db.SaveChangesAsync();

        var t = new TestData(db, province);
        t.Province = await t.OrgAsync(null, prefix, $"Đảng bộ tỉnh {provinceName}", OrgKind.Province, Sector.PartyFrontUnions);
        t.Commune = await t.OrgAsync(t.Province, $"{prefix}.01", "Đảng bộ xã An Hòa", OrgKind.SuperiorToBase, Sector.Commune);
        t.BaseCommittee = await t.OrgAsync(t.Commune, $"{prefix}.01.01", "Đảng bộ cơ sở xã An Hòa", OrgKind.BaseCommittee, Sector.Commune);
        t.CellOne = await t.OrgAsync(t.BaseCommittee, $"{prefix}.01.01.01", "Chi bộ ấp Một", OrgKind.Cell, Sector.Commune);
        t.CellTwo = await t.OrgAsync(t.BaseCommittee, $"{prefix}.01.01.02", "Chi bộ ấp Hai", OrgKind.Cell, Sector.Commune);
        t.EnterpriseCell = await t.OrgAsync(t.Commune, $"{prefix}.01.02", "Chi bộ cơ sở Công ty Lúa Vàng", OrgKind.BaseCell, Sector.EnterpriseCoop);
        t.Ward = await t.OrgAsync(t.Province, $"{prefix}.02", "Đảng bộ phường Bình Minh", OrgKind.SuperiorToBase, Sector.Commune);
        t.SchoolCell = await t.OrgAsync(t.Ward, $"{prefix}.02.01", "Chi bộ cơ sở Trường Tiểu học", OrgKind.BaseCell, Sector.PublicService);

        t.An = await t.MemberAsync(t.CellOne, "Nguyễn Văn An", Gender.Male, new(1980, 5, 1), new(2005, 3, 1), MemberStatus.Official);
        t.Binh = await t.MemberAsync(t.CellOne, "Đặng Thị Bình", Gender.Female, new(2000, 2, 10), new(2025, 12, 1), MemberStatus.Probationary);
        t.Anh = await t.MemberAsync(t.CellTwo, "Nguyễn Văn Anh", Gender.Male, new(1950, 8, 20), new(1975, 9, 2), MemberStatus.Exempted);
        t.Dung = await t.MemberAsync(t.CellTwo, "Trần Văn Dũng", Gender.Male, new(1945, 1, 15), new(1968, 2, 3), MemberStatus.Died, left: new(2024, 3, 8));
        t.Hoa = await t.MemberAsync(t.EnterpriseCell, "Lê Thị Hoa", Gender.Female, new(1988, 11, 30), new(2012, 5, 19), MemberStatus.Official, GeneralEducation.LowerSecondary);
        t.Dat = await t.MemberAsync(t.SchoolCell, "Phạm Văn Đạt", Gender.Male, new(1972, 7, 7), new(1998, 1, 1), MemberStatus.Official);
        return t;
    }

    /// <summary>Adds <paramref name="count"/> official members to a cell ("Võ Văn Khang 001", …), in two round trips.</summary>
    public async Task AddMembersAsync(Organization cell, int count)
    {
        var members = Enumerable.Range(1, count)
            .Select(i => NewMember(cell, $"Võ Văn Khang {i:000}", Gender.Male, new DateOnly(1990, 1, 1).AddDays(i), new(2015, 1, 1), MemberStatus.Official, GeneralEducation.UpperSecondary))
            .ToList();
        _db.Members.AddRange(members);
        await _db.SaveChangesAsync();
        foreach (var member in members)
        {
            _db.MemberPeriods.Add(MemberPeriod.Open(member, cell, member.AdmittedOn));
            AddEvent(member, cell, MemberEventKind.Admitted, member.AdmittedOn, null, null);
        }

        await _db.SaveChangesAsync();
    }

    private async Task<Organization> OrgAsync(Organization? parent, string code, string name, OrgKind kind, Sector sector)
    {
        var org = new Organization
        {
            ProvinceId = _province.Id,
            Code = code,
            Name = name,
            Kind = kind,
            Sector = sector,
            ParentId = parent?.Id,
            Path = "/",
            Depth = parent is null ? 0 : parent.Depth + 1,
            FoundedOn = Founded,
        };
        _db.Organizations.Add(org);
        await _db.SaveChangesAsync();

        // The id is known only now: the path ends with it.
        org.Path = Subtree.ChildPath(parent?.Path ?? "/", org.Id);
        _db.OrganizationPeriods.Add(new OrganizationPeriod
        {
            ProvinceId = org.ProvinceId,
            OrganizationId = org.Id,
            ValidFrom = Founded,
            ValidTo = Dates.OpenEnd,
            Name = name,
            Kind = kind,
            Sector = sector,
            ParentId = org.ParentId,
            Path = org.Path,
        });
        _db.OrganizationEvents.Add(new OrganizationEvent
        {
            ProvinceId = org.ProvinceId,
            OrganizationId = org.Id,
            Kind = OrganizationEventKind.Founded,
            Date = Founded,
            After = name,
            DecisionNumber = $"{org.Id}-QĐ/TU",
            Reason = "Thành lập theo quyết định của Tỉnh ủy",
            RecordedBy = "test",
            RecordedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
        });
        await _db.SaveChangesAsync();
        return org;
    }

    private async Task<Member> MemberAsync(
        Organization cell, string name, Gender gender, DateOnly born, DateOnly admitted, MemberStatus status,
        GeneralEducation education = GeneralEducation.UpperSecondary, DateOnly? left = null)
    {
        var member = NewMember(cell, name, gender, born, admitted, status, education);
        var official = member.OfficialOn;
        _db.Members.Add(member);
        await _db.SaveChangesAsync();

        var exemptedOn = new DateOnly(2020, 1, 1);
        if (status == MemberStatus.Exempted)
        {
            // Active, then exempted from a date: two periods, the first one closed.
            var before = MemberPeriod.Open(member, cell, admitted);
            before.Exempted = false;
            before.ValidTo = exemptedOn;
            _db.MemberPeriods.Add(before);
            _db.MemberPeriods.Add(MemberPeriod.Open(member, cell, exemptedOn));
        }
        else
        {
            var period = MemberPeriod.Open(member, cell, admitted);
            if (left is { } end)
            {
                period.ValidTo = end;
            }

            _db.MemberPeriods.Add(period);
        }

        AddEvent(member, cell, MemberEventKind.Admitted, admitted, $"{member.Id}-QĐ/ĐU", "Kết nạp đảng viên mới");
        if (official is { } on)
        {
            AddEvent(member, cell, MemberEventKind.RecognizedOfficial, on, $"{member.Id}-QĐ/ĐU-CT", null);
        }

        if (status == MemberStatus.Exempted)
        {
            AddEvent(member, cell, MemberEventKind.Exempted, exemptedOn, null, "Tuổi cao, sức yếu");
        }

        if (left is { } died)
        {
            AddEvent(member, cell, MemberEventKind.Died, died, null, null);
        }

        await _db.SaveChangesAsync();
        return member;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Member NewMember(Organization cell, string name, Gender gender, DateOnly born, DateOnly admitted, MemberStatus status, GeneralEducation education)
    {
        _serial++;
        return new Member
        {
            ProvinceId = _province.Id,
            FullName = VietnameseText.Clean(name),
            SearchName = VietnameseText.Fold(name),
            Gender = gender,
            BirthDate = born,
            BirthPlace = "An Giang",
            HomeTown = "Long Xuyên, An Giang",
            Residence = "Ấp Một, xã An Hòa",
            Cccd = Cccd.Compose(89, born, gender, _province.Id * 10_000 + _serial),
            GeneralEducation = education,
            Professional = ProfessionalLevel.University,
            PoliticalTheory = PoliticalTheory.Intermediate,
            Occupation = "Cán bộ",
            PartyCardNumber = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_province.Id:00}{_serial:000000}"),
            AdmittedOn = admitted,
            OfficialOn = status == MemberStatus.Probationary ? null : admitted.AddYears(1),
            Status = status,
            CellId = cell.Id,
            UpdatedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
        };
    }

    private void AddEvent(Member member, Organization cell, MemberEventKind kind, DateOnly date, string? decision, string? reason) =>
        _db.MemberEvents.Add(new MemberEvent
        {
            ProvinceId = member.ProvinceId,
            MemberId = member.Id,
            Kind = kind,
            Date = date,
            CellId = cell.Id,
            CellPath = cell.Path,
            DecisionNumber = decision,
            Reason = reason,
            RecordedBy = "test",
            RecordedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
        });
}
