namespace ChiBo.Members;

/// <summary>
/// Căn cước công dân (12 digits, Thông tư 07/2016/TT-BCA, replaced by Thông tư 59/2021/TT-BCA):
/// digits 1–3 the province of birth registration, digit 4 the century and gender
/// (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s…), digits 5–6 the last two digits of the
/// birth year, digits 7–12 a serial number.
/// </summary>
public static class Cccd
{
    /// <summary>Province codes used in CCCD numbers (the 63 provinces before the 2025 merger; numbers issued earlier keep them).</summary>
    public static readonly IReadOnlySet<int> ProvinceCodes = new HashSet<int>
    {
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
        38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
        79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
    };

    /// <summary>Checks a number against the member's birth date and gender; null when valid, else a Vietnamese reason.</summary>
    public static string? Validate(string? number, DateOnly birthDate, Gender gender)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "Số CCCD trống.";
        }

        if (number.Length != 12 || !number.All(char.IsAsciiDigit))
        {
            return "Số CCCD phải gồm đúng 12 chữ số.";
        }

        var province = (number[0] - '0') * 100 + (number[1] - '0') * 10 + (number[2] - '0');
        if (!ProvinceCodes.Contains(province))
        {
            return $"Mã tỉnh {number[..3]} trong số CCCD không tồn tại.";
        }

        var centuryGender = number[3] - '0';
        if (centuryGender != CenturyGenderDigit(birthDate.Year, gender))
        {
            return "Chữ số thứ 4 của CCCD (thế kỷ và giới tính) không khớp với năm sinh và giới tính.";
        }

        var yy = (number[4] - '0') * 10 + (number[5] - '0');
        if (yy != birthDate.Year % 100)
        {
            return "Chữ số thứ 5–6 của CCCD không khớp với năm sinh.";
        }

        return null;
    }

    public static int CenturyGenderDigit(int birthYear, Gender gender) =>
        ((birthYear / 100) - 19) * 2 + (gender == Gender.Female ? 1 : 0);

    /// <summary>Builds a well-formed number (the generator, tests).</summary>
    public static string Compose(int provinceCode, DateOnly birthDate, Gender gender, int serial) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{provinceCode:000}{CenturyGenderDigit(birthDate.Year, gender)}{birthDate.Year % 100:00}{serial % 1_000_000:000000}");
}
