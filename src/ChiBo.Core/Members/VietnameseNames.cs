using ChiBo.Text;

namespace ChiBo.Members;

/// <summary>
/// The Vietnamese words of the vocabulary, both ways: what forms and Excel files show, and what
/// they accept back (compared folded, so "dai hoc" reads as "Đại học").
/// </summary>
public static class VietnameseNames
{
    public static readonly IReadOnlyList<(Gender Value, string Name)> Genders = [(Gender.Male, "Nam"), (Gender.Female, "Nữ")];

    public static readonly IReadOnlyList<(GeneralEducation Value, string Name)> GeneralEducations =
    [
        (GeneralEducation.Literate, "Biết đọc biết viết"), (GeneralEducation.Primary, "Tiểu học"),
        (GeneralEducation.LowerSecondary, "Trung học cơ sở"), (GeneralEducation.UpperSecondary, "Trung học phổ thông"),
    ];

    /// <summary>Abbreviations users type for general education.</summary>
    private static readonly IReadOnlyList<(GeneralEducation Value, string Name)> GeneralEducationAliases =
    [
        (GeneralEducation.LowerSecondary, "THCS"), (GeneralEducation.UpperSecondary, "THPT"),
        (GeneralEducation.LowerSecondary, "9/12"), (GeneralEducation.UpperSecondary, "12/12"),
    ];

    public static readonly IReadOnlyList<(ProfessionalLevel Value, string Name)> ProfessionalLevels =
    [
        (ProfessionalLevel.None, "Không"), (ProfessionalLevel.Elementary, "Sơ cấp"), (ProfessionalLevel.Intermediate, "Trung cấp"),
        (ProfessionalLevel.College, "Cao đẳng"), (ProfessionalLevel.University, "Đại học"), (ProfessionalLevel.Master, "Thạc sĩ"),
        (ProfessionalLevel.Doctor, "Tiến sĩ"),
    ];

    public static readonly IReadOnlyList<(PoliticalTheory Value, string Name)> PoliticalTheories =
    [
        (PoliticalTheory.None, "Không"), (PoliticalTheory.Elementary, "Sơ cấp"), (PoliticalTheory.Intermediate, "Trung cấp"),
        (PoliticalTheory.Advanced, "Cao cấp"), (PoliticalTheory.Bachelor, "Cử nhân"),
    ];

    public static readonly IReadOnlyList<(Religion Value, string Name)> Religions =
    [
        (Religion.None, "Không"), (Religion.Buddhism, "Phật giáo"), (Religion.Catholicism, "Công giáo"),
        (Religion.Protestantism, "Tin Lành"), (Religion.CaoDai, "Cao Đài"), (Religion.HoaHao, "Phật giáo Hòa Hảo"),
        (Religion.Islam, "Hồi giáo"), (Religion.Other, "Khác"),
    ];

    public static readonly IReadOnlyList<(CivilServiceGrade Value, string Name)> CivilServiceGrades =
    [
        (CivilServiceGrade.None, "Không"), (CivilServiceGrade.Officer, "Chuyên viên"),
        (CivilServiceGrade.Principal, "Chuyên viên chính"), (CivilServiceGrade.Senior, "Chuyên viên cao cấp"),
    ];

    public static readonly IReadOnlyList<(MemberStatus Value, string Name)> Statuses =
    [
        (MemberStatus.Probationary, "Dự bị"), (MemberStatus.Official, "Chính thức"), (MemberStatus.Exempted, "Miễn sinh hoạt"),
        (MemberStatus.TransferredOut, "Chuyển đi"), (MemberStatus.StruckOff, "Xóa tên"), (MemberStatus.Removed, "Ra khỏi Đảng"),
        (MemberStatus.Expelled, "Khai trừ"), (MemberStatus.Died, "Từ trần"),
    ];

    public const string Yes = "Có";
    public const string No = "Không";

    public static string Of(Gender v) => Name(Genders, v);

    public static string Of(GeneralEducation v) => Name(GeneralEducations, v);

    public static string Of(ProfessionalLevel v) => Name(ProfessionalLevels, v);

    public static string Of(PoliticalTheory v) => Name(PoliticalTheories, v);

    public static string Of(Religion v) => Name(Religions, v);

    public static string Of(CivilServiceGrade v) => Name(CivilServiceGrades, v);

    public static string Of(MemberStatus v) => Name(Statuses, v);

    public static string Of(bool v) => v ? Yes : No;

    public static T? Parse<T>(IReadOnlyList<(T Value, string Name)> names, string? text)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = VietnameseText.Fold(text);
        foreach (var (value, name) in names)
        {
            if (VietnameseText.Fold(name) == folded)
            {
                return value;
            }
        }

        return null;
    }

    public static GeneralEducation? ParseGeneralEducation(string? text) =>
        Parse(GeneralEducations, text) ?? Parse(GeneralEducationAliases, text);

    public static bool? ParseBool(string? text) => VietnameseText.Fold(text ?? "") switch
    {
        "co" or "x" or "1" => true,
        "khong" or "" or "0" => false,
        _ => null,
    };

    /// <summary>"Nam, Nữ" — the accepted words, for error messages.</summary>
    public static string List<T>(IReadOnlyList<(T Value, string Name)> names) => string.Join(", ", names.Select(n => n.Name));

    private static string Name<T>(IReadOnlyList<(T Value, string Name)> names, T value)
        where T : struct, Enum
    {
        foreach (var (v, n) in names)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return n;
            }
        }

        return value.ToString();
    }
}
