using System.Text;
using ChiBo.Members;

namespace ChiBo.Generation;

/// <summary>What differs between regions of the country in generated data: names, places, minorities, religions.</summary>
internal sealed record Region(
    int CccdCode,
    bool South,
    string ProvinceWord,
    (int Ethnicity, double Weight)[] Minorities,
    (Religion Religion, double Weight)[] Religions,
    string[] PlaceFirst,
    string[] PlaceSecond,
    string[] VillageWords)
{
    private static readonly string[] SouthFirst =
        ["Phú", "Bình", "Long", "Mỹ", "Tân", "Vĩnh", "An", "Hòa", "Thạnh", "Châu", "Nhơn", "Khánh", "Định", "Thới", "Phước", "Hưng", "Lợi", "Thuận", "Kiến", "Hội", "Tây", "Đông", "Cần", "Óc", "Núi", "Tri", "Ô", "Lương", "Văn", "Vọng"];

    private static readonly string[] SouthSecond =
        ["Phú", "Hòa", "Thạnh", "An", "Bình", "Lợi", "Hưng", "Đức", "Mỹ", "Long", "Điền", "Xuân", "Thê", "Tôn", "Sơn", "Giang", "Hậu", "Đông", "Tây", "Châu", "Thới", "Hiệp", "Thành", "Lạc", "Phong", "Khánh", "Nhơn", "Quới", "Tân", "Trung"];

    private static readonly string[] NorthFirst =
        ["Yên", "Bắc", "Quản", "Lũng", "Mậu", "Xín", "Vị", "Tùng", "Phương", "Đồng", "Minh", "Thông", "Nậm", "Hồ", "Ngọc", "Tân", "Việt", "Kim", "Tiên", "Lao", "Sủng", "Phố", "Thanh", "Quang", "Bạch", "Thượng", "Hùng", "Cao", "Nà", "Pà"];

    private static readonly string[] NorthSecond =
        ["Minh", "Quang", "Bình", "Mê", "Cú", "Duệ", "Văn", "Sơn", "Tiến", "Lâm", "Thành", "Hà", "Vạc", "Ngán", "Chải", "Sán", "Đích", "Trà", "Xuyên", "Linh", "Yên", "Lập", "Hòa", "Nguyên", "Khánh", "Bá", "Phìn", "Thầu", "Tủng", "Chư"];

    /// <summary>
    /// CCCD birth-registration codes and regional traits by profile code; other codes get a generic
    /// region with a CCCD code drawn from the seed (any valid code).
    /// </summary>
    public static Region For(string profileCode, Random random)
    {
        var code = new string(profileCode.TakeWhile(char.IsAsciiLetter).ToArray()).ToUpperInvariant();
        return code switch
        {
            "AG" => new Region(89, true, "An Giang",
                [(5, 0.86), (4, 0.08), (17, 0.06)],
                [(Religion.HoaHao, 0.45), (Religion.Buddhism, 0.35), (Religion.CaoDai, 0.1), (Religion.Catholicism, 0.08), (Religion.Islam, 0.02)],
                SouthFirst, SouthSecond, ["ấp", "ấp", "ấp", "khóm"]),
            "HG" => new Region(2, false, "Hà Giang",
                [(8, 0.33), (2, 0.25), (9, 0.16), (7, 0.10), (25, 0.05), (38, 0.03), (46, 0.02), (40, 0.02), (43, 0.02), (51, 0.02)],
                [(Religion.Protestantism, 0.55), (Religion.Buddhism, 0.30), (Religion.Catholicism, 0.15)],
                NorthFirst, NorthSecond, ["thôn", "thôn", "thôn", "tổ dân phố"]),
            "HN" or "HCM" or "SG" or "DN" => new Region(code switch { "HN" => 1, "DN" => 48, _ => 79 }, code is "HCM" or "SG", code,
                [(4, 0.5), (5, 0.2), (2, 0.15), (6, 0.15)],
                [(Religion.Buddhism, 0.55), (Religion.Catholicism, 0.35), (Religion.Protestantism, 0.10)],
                code is "HN" ? NorthFirst : SouthFirst, code is "HN" ? NorthSecond : SouthSecond, ["tổ dân phố", "khu phố"]),
            _ => new Region(Cccd.ProvinceCodes.ElementAt(random.Next(Cccd.ProvinceCodes.Count)), random.Next(2) == 0, code,
                [(2, 0.3), (3, 0.25), (6, 0.2), (5, 0.15), (8, 0.1)],
                [(Religion.Buddhism, 0.6), (Religion.Catholicism, 0.3), (Religion.Protestantism, 0.1)],
                SouthFirst, SouthSecond, ["thôn", "ấp", "tổ dân phố"]),
        };
    }
}

/// <summary>Vietnamese personal names with realistic frequencies (NFC), including a few minority naming patterns.</summary>
internal static class VietnameseNames
{
    /// <summary>Family names (họ) with their approximate share of the population, Nguyễn ≈ 38 %.</summary>
    private static readonly (string Name, double Weight)[] FamilyNames =
    [
        ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Huỳnh", 2.6), ("Hoàng", 2.5), ("Phan", 4.5),
        ("Võ", 2.0), ("Vũ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0),
        ("Lý", 0.5), ("Đào", 0.6), ("Đoàn", 0.6), ("Trương", 0.8), ("Lâm", 0.5), ("Mai", 0.5), ("Tô", 0.3), ("Cao", 0.4),
        ("Lương", 0.4), ("Hà", 0.5), ("Châu", 0.3), ("Tạ", 0.3), ("Thái", 0.3), ("Lưu", 0.3), ("Đinh", 0.6), ("Kiều", 0.2),
        ("Trịnh", 0.4), ("La", 0.1), ("Quách", 0.2), ("Nông", 0.1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Công", "Ngọc", "Hoàng", "Trung", "Xuân", "Đình", "Tấn", "Chí", "Thành", "Anh"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Hồng", "Minh", "Mỹ", "Phương", "Bích", "Diệu", "Hoài", "Cẩm"];

    private static readonly string[] MaleGiven =
    [
        "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khánh", "Lâm", "Long", "Minh", "Nam",
        "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn",
        "Tùng", "Việt", "Vinh", "Vũ", "Hoàng", "Lộc", "Nhân", "Phát", "Tín", "Hậu", "Lợi", "Tuấn Anh", "Minh Tuấn", "Quốc Bảo", "Hữu Nghĩa",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Anh", "Ánh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan",
        "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phượng", "Quyên", "Sương", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh",
        "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Diễm", "Nhi", "Thúy", "Kiều", "Bích Ngọc", "Thanh Tâm", "Minh Thư",
    ];

    // Khmer names as written in Vietnamese papers (An Giang, Sóc Trăng, Trà Vinh): men often "Chau",
    // women "Néang", families Thạch, Danh, Kim, Sơn, Lâm.
    private static readonly string[] KhmerFamily = ["Chau", "Chau", "Thạch", "Danh", "Kim", "Sơn", "Lâm", "Trà", "Lý"];
    private static readonly string[] KhmerSyllables = ["Sóc", "Khon", "Sa", "Rết", "Sô", "Phal", "Thi", "Ra", "Sóc Khơ", "Pho", "Ly", "Sây", "Chanh", "Đa", "Ni", "Ren", "Sốc", "Ky", "Mách", "Kha", "Vy", "Na", "Sa Rinh", "Sam"];

    // Hmong (Mông): clan names Giàng, Vàng, Sùng, Thào, Lý, Ly, Hầu, Mua, Lầu; men "A"/"Seo"/"Mí", women "Thị"/"Mỷ".
    private static readonly string[] HmongFamily = ["Giàng", "Vàng", "Sùng", "Thào", "Lý", "Ly", "Hầu", "Mua", "Lầu", "Hoàng"];
    private static readonly string[] HmongMaleMiddle = ["A", "Seo", "Mí", "Chìa", "Văn"];
    private static readonly string[] HmongFemaleMiddle = ["Thị", "Mỷ", "Thị"];
    private static readonly string[] HmongGiven = ["Páo", "Sử", "Chứ", "Dua", "Mai", "Chá", "Pó", "Sính", "Lử", "Dế", "Chúng", "Pà", "Súa", "Của", "Vư", "Mang", "Say"];

    // Tày, Nùng, Dao: family names shared with the Kinh plus Nông, Ma, Triệu, Bàn, Lục.
    private static readonly string[] TayFamily = ["Hoàng", "Nông", "Ma", "Triệu", "Bàn", "Lục", "Hà", "Lò", "Đặng", "Lương", "Lý", "Vi"];
    private static readonly string[] TayGiven = ["Sình", "Hướng", "Chiến", "Thìn", "Quyết", "Sáng", "Pảo", "Chản", "Chiêm", "Nhất", "Dương", "Lợi", "Tâm", "Hoa", "Mến", "Thơm", "Xuân", "Liên"];

    private static readonly double[] FamilyCumulative = Cumulative(FamilyNames.Select(f => f.Weight));

    public static string Full(Random random, Gender gender, int ethnicity)
    {
        var female = gender == Gender.Female;
        string name = ethnicity switch
        {
            5 => female
                ? "Néang " + Pick(random, KhmerSyllables) + " " + Pick(random, KhmerSyllables)
                : Pick(random, KhmerFamily) + " " + Pick(random, KhmerSyllables) + " " + Pick(random, KhmerSyllables),
            8 => Pick(random, HmongFamily) + " " + (female ? Pick(random, HmongFemaleMiddle) : Pick(random, HmongMaleMiddle)) + " " + Pick(random, HmongGiven),
            2 or 7 or 9 or 25 => Pick(random, TayFamily) + " " + (female ? "Thị" : "Văn") + " " + Pick(random, TayGiven),
            _ => Family(random) + " " + (female ? Pick(random, FemaleMiddle) : Pick(random, MaleMiddle)) + " "
                + (female ? Pick(random, FemaleGiven) : Pick(random, MaleGiven)),
        };
        return name.Normalize(NormalizationForm.FormC);
    }

    private static string Family(Random random)
    {
        var x = random.NextDouble();
        var i = Array.BinarySearch(FamilyCumulative, x);
        i = i < 0 ? ~i : i;
        return FamilyNames[Math.Min(i, FamilyNames.Length - 1)].Name;
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(Random random, (T Item, double Weight)[] items)
    {
        var x = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
        {
            x -= weight;
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        var sum = list.Sum();
        var acc = 0.0;
        return list.Select(w => acc += w / sum).ToArray();
    }
}
