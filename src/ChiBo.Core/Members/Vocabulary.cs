namespace ChiBo.Members;

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>Trình độ giáo dục phổ thông.</summary>
public enum GeneralEducation
{
    /// <summary>Biết đọc biết viết.</summary>
    Literate = 1,

    /// <summary>Tiểu học.</summary>
    Primary = 2,

    /// <summary>Trung học cơ sở (THCS).</summary>
    LowerSecondary = 3,

    /// <summary>Trung học phổ thông (THPT).</summary>
    UpperSecondary = 4,
}

/// <summary>Trình độ chuyên môn nghiệp vụ.</summary>
public enum ProfessionalLevel
{
    None = 0,

    /// <summary>Sơ cấp.</summary>
    Elementary = 1,

    /// <summary>Trung cấp.</summary>
    Intermediate = 2,

    /// <summary>Cao đẳng.</summary>
    College = 3,

    /// <summary>Đại học.</summary>
    University = 4,

    /// <summary>Thạc sĩ.</summary>
    Master = 5,

    /// <summary>Tiến sĩ.</summary>
    Doctor = 6,
}

/// <summary>Trình độ lý luận chính trị.</summary>
public enum PoliticalTheory
{
    None = 0,

    /// <summary>Sơ cấp.</summary>
    Elementary = 1,

    /// <summary>Trung cấp.</summary>
    Intermediate = 2,

    /// <summary>Cao cấp.</summary>
    Advanced = 3,

    /// <summary>Cử nhân.</summary>
    Bachelor = 4,
}

/// <summary>Tôn giáo.</summary>
public enum Religion
{
    None = 0,
    Buddhism = 1,
    Catholicism = 2,
    Protestantism = 3,
    CaoDai = 4,
    HoaHao = 5,
    Islam = 6,
    Other = 9,
}

/// <summary>Ngạch công chức.</summary>
public enum CivilServiceGrade
{
    None = 0,

    /// <summary>Chuyên viên.</summary>
    Officer = 1,

    /// <summary>Chuyên viên chính.</summary>
    Principal = 2,

    /// <summary>Chuyên viên cao cấp.</summary>
    Senior = 3,
}

/// <summary>Standing of a member record. The first three are members of the party now.</summary>
public enum MemberStatus
{
    /// <summary>Đảng viên dự bị.</summary>
    Probationary = 1,

    /// <summary>Đảng viên chính thức.</summary>
    Official = 2,

    /// <summary>Miễn công tác và sinh hoạt đảng (still an official member).</summary>
    Exempted = 3,

    /// <summary>Chuyển sinh hoạt đi ngoài tỉnh.</summary>
    TransferredOut = 4,

    /// <summary>Xóa tên.</summary>
    StruckOff = 5,

    /// <summary>Cho ra khỏi Đảng.</summary>
    Removed = 6,

    /// <summary>Khai trừ.</summary>
    Expelled = 7,

    /// <summary>Từ trần.</summary>
    Died = 8,
}

public static class MemberStatusExtensions
{
    public static bool IsActive(this MemberStatus status) =>
        status is MemberStatus.Probationary or MemberStatus.Official or MemberStatus.Exempted;
}

/// <summary>The 54 ethnic groups of Việt Nam by their official code (Kinh = 1); any other code is a minority.</summary>
public static class Ethnicities
{
    public const int Kinh = 1;

    public static readonly IReadOnlyList<string> Names =
    [
        "Kinh", "Tày", "Thái", "Hoa", "Khmer", "Mường", "Nùng", "Mông", "Dao", "Gia Rai", "Ngái", "Ê Đê",
        "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Mnông", "Raglai", "Xtiêng",
        "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Gié Triêng", "Mạ", "Khơ Mú", "Co", "Tà Ôi", "Chơ Ro",
        "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự",
        "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ Đu",
        "Rơ Măm",
    ];

    public static string NameOf(int code) => code >= 1 && code <= Names.Count ? Names[code - 1] : "?";

    public static int? CodeOf(string name)
    {
        var folded = Text.VietnameseText.Fold(name);
        for (var i = 0; i < Names.Count; i++)
        {
            if (Text.VietnameseText.Fold(Names[i]) == folded)
            {
                return i + 1;
            }
        }

        return null;
    }
}
