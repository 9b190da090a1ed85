using System.Globalization;

namespace ChiBo.Web;

/// <summary>vi-VN formats the users expect: 31/12/2025, 131.194, 35,76 %.</summary>
public static class VietnameseFormats
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "";

    public static string Number(long n) => n.ToString("#,0", Culture);

    /// <summary>A share as "35,76 %" (two decimals, a space before the sign).</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "–" : (100m * part / whole).ToString("0.00", Culture) + " %";
}
