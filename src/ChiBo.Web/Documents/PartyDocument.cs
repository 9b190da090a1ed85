using System.Globalization;
using ChiBo.Organizations;

namespace ChiBo.Web.Documents;

/// <summary>
/// The parts of a Party document (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW, 03/4/2018) that
/// the printed pages share: the issuing body under its superior with the star, the place and date
/// line, the signature block. Kept apart from the pages so that every printed document reads the same.
/// </summary>
public static class PartyDocument
{
    public const string Header = "ĐẢNG CỘNG SẢN VIỆT NAM";

    private static readonly CultureInfo Vi = VietnameseFormats.Culture;

    /// <summary>
    /// Tên cơ quan ban hành: the committee of a đảng bộ ("Đảng bộ cơ sở A1" → "ĐẢNG ỦY CƠ SỞ A1"),
    /// a chi bộ under its own name; in capitals.
    /// </summary>
    public static string Issuer(Organization org) => Committee(org).ToUpper(Vi);

    /// <summary>Tên cơ quan cấp trên trực tiếp (the đảng bộ), in capitals.</summary>
    public static string Superior(Organization org) => org.Name.ToUpper(Vi);

    /// <summary>"Đảng ủy cơ sở A1", "Chi bộ cơ sở B1": who signs for the organization.</summary>
    public static string Committee(Organization org) =>
        org.Kind is OrgKind.BaseCell or OrgKind.Cell ? org.Name
        : org.Name.StartsWith("Đảng bộ", StringComparison.Ordinal) ? "Đảng ủy" + org.Name["Đảng bộ".Length..]
        : org.Name;

    /// <summary>"T/M ĐẢNG ỦY" for a đảng bộ's committee, "T/M CHI BỘ" for a cell.</summary>
    public static string OnBehalfOf(Organization org) =>
        org.Kind is OrgKind.BaseCell or OrgKind.Cell ? "T/M CHI BỘ" : "T/M ĐẢNG ỦY";

    /// <summary>
    /// Địa điểm, ngày tháng năm: "An Giang, ngày 03 tháng 3 năm 2025". Days below 10 and the months
    /// 1 and 2 take a leading zero (Hướng dẫn 36-HD/VPTW, point 1.4).
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    /// <summary>"Số 15-GGT/ĐU": the word "Số", a space, the number and symbol (no colon).</summary>
    public static string Number(string numberAndSymbol) => "Số " + numberAndSymbol.Trim();
}
