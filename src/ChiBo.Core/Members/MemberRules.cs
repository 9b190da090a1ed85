using ChiBo.Admission;
using ChiBo.Organizations;

namespace ChiBo.Members;

/// <summary>A member must be at least 18 (tuổi tròn) on the day of admission.</summary>
public sealed record MemberIsOldEnoughAtAdmission(DateOnly BirthDate, DateOnly AdmittedOn) : IRule
{
    public string Field => nameof(Member.BirthDate);

    public string Message =>
        $"Đảng viên phải đủ {AdmissionPolicy.MinimumAge} tuổi khi vào Đảng: sinh ngày {Rules.Date(BirthDate)}, vào Đảng ngày {Rules.Date(AdmittedOn)} mới {Dates.AgeOn(BirthDate, AdmittedOn)} tuổi.";

    public bool IsBroken() => Dates.AgeOn(BirthDate, AdmittedOn) < AdmissionPolicy.MinimumAge;
}

/// <summary>Official membership (chính thức) comes after the full probation (dự bị).</summary>
public sealed record OfficialAfterProbation(DateOnly AdmittedOn, DateOnly OfficialOn) : IRule
{
    public string Field => nameof(Member.OfficialOn);

    public string Message =>
        $"Ngày chính thức ({Rules.Date(OfficialOn)}) phải sau ngày vào Đảng ({Rules.Date(AdmittedOn)}) ít nhất {AdmissionPolicy.ProbationMonths} tháng dự bị.";

    public bool IsBroken() => OfficialOn < AdmittedOn.AddMonths(AdmissionPolicy.ProbationMonths);
}

public sealed record CccdIsValid(string? Number, DateOnly BirthDate, Gender Gender) : IRule
{
    public string Field => nameof(Member.Cccd);

    public string Message => Members.Cccd.Validate(Number, BirthDate, Gender) ?? "";

    public bool IsBroken() => Members.Cccd.Validate(Number, BirthDate, Gender) is not null;
}

/// <summary>
/// One CCCD, one member record: the last check, inside the write, for a number taken meanwhile. It
/// names no record; <see cref="CccdRegister"/> answers the caller first, as the caller may know it.
/// </summary>
public sealed record CccdIsUnique(string? Number, bool TakenElsewhere) : IRule
{
    public string Field => nameof(Member.Cccd);

    public string Message => CccdRegister.Unusable(Number ?? "");

    public bool IsBroken() => TakenElsewhere;
}

/// <summary>
/// A text of the record fits its column (<see cref="MemberConfiguration"/>) and holds no control
/// character, so such a value is refused by name on both databases instead of failing PostgreSQL
/// (varchar length, NUL) and passing SQLite.
/// </summary>
public sealed record TextFitsItsField(string Field, string Label, string? Value, int Max) : IRule
{
    public string Message => Value?.IndexOfAny(ControlCharacters) is >= 0 and var at
        ? $"{Label} có ký tự điều khiển (mã U+{(int)Value![at]:X4}): hãy gõ lại."
        : $"{Label} dài {Value?.Length} ký tự, tối đa {Max} ký tự.";

    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(i => (char)i)];

    public bool IsBroken() => Value is not null && (Value.Length > Max || Value.IndexOfAny(ControlCharacters) >= 0);
}

public sealed record FullNameIsGiven(string? FullName) : IRule
{
    public string Field => nameof(Member.FullName);

    public string Message => "Họ và tên không được để trống.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(FullName);
}

public sealed record EthnicityIsKnown(int Code) : IRule
{
    public string Field => nameof(Member.Ethnicity);

    public string Message => "Dân tộc không nằm trong danh mục 54 dân tộc.";

    public bool IsBroken() => Code < 1 || Code > Ethnicities.Names.Count;
}

/// <summary>Members belong to a chi bộ cơ sở or a chi bộ trực thuộc that still exists.</summary>
public sealed record CellHoldsMembers(Organization Cell) : IRule
{
    public string Field => nameof(Member.CellId);

    public string Message => Cell.DissolvedOn is { } d
        ? $"{Cell.Name} ({Cell.Code}) đã giải thể ngày {Rules.Date(d)}."
        : $"{Cell.Name} ({Cell.Code}) không phải chi bộ: đảng viên chỉ sinh hoạt ở chi bộ cơ sở hoặc chi bộ trực thuộc.";

    public bool IsBroken() => !Cell.Kind.HoldsMembers() || Cell.DissolvedOn is not null;
}

/// <summary>A move inside the province (chuyển sinh hoạt trong tỉnh); other provinces go through TransferOut / TransferIn.</summary>
public sealed record CellIsInTheMembersProvince(Organization Cell, int ProvinceId) : IRule
{
    public string Field => nameof(Member.CellId);

    public string Message => $"{Cell.Name} ({Cell.Code}) thuộc tỉnh khác: hãy dùng chuyển sinh hoạt đi ngoài tỉnh.";

    public bool IsBroken() => Cell.ProvinceId != ProvinceId;
}

public sealed record CellIsDifferent(int CurrentCellId, int NewCellId) : IRule
{
    public string Field => nameof(Member.CellId);

    public string Message => "Đảng viên đang sinh hoạt ở chi bộ này.";

    public bool IsBroken() => CurrentCellId == NewCellId;
}

/// <summary>Only a current member (dự bị, chính thức, miễn sinh hoạt) can move, change or leave.</summary>
public sealed record MemberIsActive(Member Member) : IRule
{
    public string Field => nameof(Member.Status);

    public string Message => $"Đảng viên {Member.FullName} không còn sinh hoạt đảng (trạng thái: {VietnameseNames.Of(Member.Status)}).";

    public bool IsBroken() => !Member.Status.IsActive();
}

public sealed record MemberHasStatus(Member Member, MemberStatus Required, string Action) : IRule
{
    public string Field => nameof(Member.Status);

    public string Message =>
        $"Chỉ {Action} khi đảng viên đang ở trạng thái {VietnameseNames.Of(Required)}; {Member.FullName} đang ở trạng thái {VietnameseNames.Of(Member.Status)}.";

    public bool IsBroken() => Member.Status != Required;
}

/// <summary>Only a member who left the Party (xóa tên, ra khỏi Đảng, khai trừ) can be readmitted.</summary>
public sealed record MemberLeftThePartyToBeReadmitted(Member Member) : IRule
{
    public string Field => nameof(Member.Status);

    public string Message => $"Chỉ kết nạp lại người đã bị xóa tên, cho ra khỏi Đảng hoặc khai trừ; {Member.FullName} đang ở trạng thái {VietnameseNames.Of(Member.Status)}.";

    public bool IsBroken() => Member.Status is not (MemberStatus.StruckOff or MemberStatus.Removed or MemberStatus.Expelled);
}

/// <summary>History is written in order: nothing may happen before the current stretch began.</summary>
public sealed record DateIsNotBeforeOpenPeriod(DateOnly Date, DateOnly PeriodStart) : IRule
{
    public string Field => "Date";

    public string Message =>
        $"Ngày {Rules.Date(Date)} trước ngày bắt đầu giai đoạn sinh hoạt hiện tại ({Rules.Date(PeriodStart)}): không thể ghi sự kiện lùi về trước.";

    public bool IsBroken() => Date < PeriodStart;
}

/// <summary>A member who comes back (from another province) comes back after leaving.</summary>
public sealed record DateIsNotBeforeLeaving(DateOnly Date, DateOnly LeftOn) : IRule
{
    public string Field => "Date";

    public string Message => $"Ngày {Rules.Date(Date)} trước ngày đảng viên chuyển đi ({Rules.Date(LeftOn)}).";

    public bool IsBroken() => Date < LeftOn;
}

/// <summary>Membership here cannot begin before the member joined the Party.</summary>
public sealed record DateIsNotBeforeAdmission(DateOnly Date, DateOnly AdmittedOn) : IRule
{
    public string Field => "Date";

    public string Message => $"Ngày {Rules.Date(Date)} trước ngày vào Đảng ({Rules.Date(AdmittedOn)}).";

    public bool IsBroken() => Date < AdmittedOn;
}

/// <summary>A command that changes nothing is a mistake of the caller, not an event.</summary>
public sealed record SomethingChanges(IReadOnlyCollection<string> Changes) : IRule
{
    public string Field => "";

    public string Message => "Không có thông tin nào thay đổi.";

    public bool IsBroken() => Changes.Count == 0;
}

/// <summary>One party card number, one member.</summary>
public sealed record CardNumberIsNew(string Number, string? Current, bool TakenElsewhere) : IRule
{
    public string Field => nameof(Member.PartyCardNumber);

    public string Message => Number == Current
        ? $"Số thẻ {Number} là số thẻ đảng viên đang ghi trong hồ sơ: số thẻ cấp lại phải là số mới."
        : Number.Length > 20
            ? "Số thẻ đảng viên tối đa 20 ký tự."
            : $"Số thẻ {Number} đã ghi trong hồ sơ của đảng viên khác.";

    public bool IsBroken() => Number == Current || Number.Length > 20 || TakenElsewhere;
}

/// <summary>Named checks of the member commands, grouped for a registration (one row of an import = one registration).</summary>
public static class MemberRules
{
    public static IEnumerable<IRule> ForProfile(MemberProfile p)
    {
        yield return new FullNameIsGiven(p.FullName);
        foreach (var (field, label, value, max) in Texts(p))
        {
            yield return new TextFitsItsField(field, label, value, max);
        }

        yield return new EthnicityIsKnown(p.Ethnicity);
        yield return new CccdIsValid(p.Cccd, p.BirthDate, p.Gender);
    }

    /// <summary>The free texts of a profile with their labels and the lengths their columns hold.</summary>
    private static IEnumerable<(string Field, string Label, string? Value, int Max)> Texts(MemberProfile p) =>
    [
        (nameof(Member.FullName), "Họ và tên", p.FullName, MemberConfiguration.NameLength),
        (nameof(Member.OtherNames), "Tên gọi khác", p.OtherNames, MemberConfiguration.NameLength),
        (nameof(Member.BirthPlace), "Nơi sinh", p.BirthPlace, MemberConfiguration.PlaceLength),
        (nameof(Member.HomeTown), "Quê quán", p.HomeTown, MemberConfiguration.PlaceLength),
        (nameof(Member.Residence), "Nơi ở hiện nay", p.Residence, MemberConfiguration.PlaceLength),
        (nameof(Member.Occupation), "Nghề nghiệp", p.Occupation, MemberConfiguration.RoleLength),
        (nameof(Member.Workplace), "Nơi làm việc", p.Workplace, MemberConfiguration.PlaceLength),
        (nameof(Member.Position), "Chức vụ", p.Position, MemberConfiguration.RoleLength),
        (nameof(Member.ProfessionalField), "Ngành chuyên môn", p.ProfessionalField, MemberConfiguration.RoleLength),
        (nameof(Member.ForeignLanguage), "Ngoại ngữ", p.ForeignLanguage, MemberConfiguration.LanguageLength),
        (nameof(Member.PartyCardNumber), "Số thẻ đảng viên", p.PartyCardNumber, MemberConfiguration.CardLength),
    ];

    /// <summary>Checks that need no database: the profile, the dates, the cell's kind.</summary>
    public static IEnumerable<IRule> ForRegistration(MemberRegistration r, Organization cell, DateOnly today)
    {
        foreach (var rule in ForProfile(r.Profile))
        {
            yield return rule;
        }

        yield return new DateIsNotInTheFuture(nameof(Member.AdmittedOn), "Ngày vào Đảng", r.AdmittedOn, today);
        yield return new MemberIsOldEnoughAtAdmission(r.Profile.BirthDate, r.AdmittedOn);
        if (r.OfficialOn is { } official)
        {
            yield return new DateIsNotInTheFuture(nameof(Member.OfficialOn), "Ngày chính thức", official, today);
            yield return new OfficialAfterProbation(r.AdmittedOn, official);
        }

        yield return new CellHoldsMembers(cell);
    }
}
