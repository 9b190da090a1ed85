using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using ChiBo.Meetings;
using Microsoft.AspNetCore.Html;

namespace ChiBo.Web.Meetings;

/// <summary>
/// The monthly chart of the compliance page as inline SVG drawn on the server: bars for the
/// meetings held (regular, thematic on top), a line for the attendance rate against the 90 %
/// target. No script; colours come from site.css classes; a title and description name it for
/// screen readers and every bar and point has its own title with the exact figures.
/// </summary>
public static class MonthChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 48;
    private const int Right = 48;
    private const int Top = 16;
    private const int Bottom = 32;

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Vietnamese letters as they are (as the app's own encoder writes them), markup characters escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    public static IHtmlContent Render(IReadOnlyList<MonthCompliance> months, int year, decimal target, string id = "bieu-do-thang")
    {
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = plotW / 12.0;
        var maxMeetings = Math.Max(1, months.Max(m => m.Meetings));
        var scaleTop = NiceCeiling(maxMeetings);
        var rated = months.Where(m => m.MembersOnRoll > 0).Select(m => m.AttendanceRate).ToList();

        // The rate axis starts low enough to show every month and the target, in steps of 10 points.
        var floor = Math.Min(rated.Count == 0 ? 0.8m : rated.Min(), target);
        var rateFrom = Math.Max(0m, Math.Floor(floor * 10m) / 10m);
        if (rateFrom > 0.8m)
        {
            rateFrom = 0.8m;
        }

        double Y(double fraction) => Top + (plotH * (1 - fraction));
        double RateY(decimal rate) => Y((double)((rate - rateFrom) / (1m - rateFrom)));

        var total = months.Sum(m => m.Meetings);
        var present = months.Sum(m => (long)m.MembersPresent);
        var roll = months.Sum(m => (long)m.MembersOnRoll);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMidYMid meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E($"Số buổi sinh hoạt và tỷ lệ đảng viên dự họp theo tháng, năm {year}")}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-d\">{E($"Cột: số buổi sinh hoạt đã họp mỗi tháng (thường kỳ và chuyên đề), cả năm {VietnameseFormats.Number(total)} buổi. Đường: tỷ lệ đảng viên dự họp mỗi tháng, cả năm {VietnameseFormats.Percent(present, roll)}; đường gạch: chỉ tiêu {CellLifeWeb.Share(target)}.")}</desc>");

        // Grid and left axis (meetings).
        for (var i = 0; i <= 4; i++)
        {
            var y = Y(i / 4.0);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{E(VietnameseFormats.Number(scaleTop * i / 4))}</text>");
            var rate = rateFrom + ((1m - rateFrom) * i / 4m);
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis rate\" x=\"{Width - Right + 6}\" y=\"{N(y + 4)}\">{E((rate * 100m).ToString("0", VietnameseFormats.Culture) + " %")}</text>");
        }

        // Bars.
        var barW = step * 0.55;
        foreach (var m in months)
        {
            var x = Left + (step * (m.Month - 1)) + ((step - barW) / 2);
            var hRegular = plotH * (double)m.RegularMeetings / scaleTop;
            var hThematic = plotH * (double)m.ThematicMeetings / scaleTop;
            var label = $"Tháng {m.Month}/{year}: {VietnameseFormats.Number(m.Meetings)} buổi (thường kỳ {VietnameseFormats.Number(m.RegularMeetings)}, chuyên đề {VietnameseFormats.Number(m.ThematicMeetings)})";
            sb.Append("<g>").Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-regular\" x=\"{N(x)}\" y=\"{N(Top + plotH - hRegular)}\" width=\"{N(barW)}\" height=\"{N(hRegular)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-thematic\" x=\"{N(x)}\" y=\"{N(Top + plotH - hRegular - hThematic)}\" width=\"{N(barW)}\" height=\"{N(hThematic)}\"/>");
            sb.Append("</g>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(Left + (step * (m.Month - 0.5)))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">T{m.Month}</text>");
        }

        // Target and attendance line.
        var ty = RateY(target);
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(ty)}\" y2=\"{N(ty)}\"><title>{E("Chỉ tiêu tỷ lệ dự họp " + CellLifeWeb.Share(target))}</title></line>");
        var points = months.Where(m => m.MembersOnRoll > 0)
            .Select(m => (X: Left + (step * (m.Month - 0.5)), Y: RateY(m.AttendanceRate), Month: m))
            .ToList();
        if (points.Count > 1)
        {
            sb.Append("<polyline class=\"rate-line\" points=\"")
                .AppendJoin(' ', points.Select(p => N(p.X) + "," + N(p.Y)))
                .Append("\"/>");
        }

        foreach (var p in points)
        {
            var label = $"Tháng {p.Month.Month}/{year}: {VietnameseFormats.Number(p.Month.MembersPresent)}/{VietnameseFormats.Number(p.Month.MembersOnRoll)} lượt đảng viên dự họp ({CellLifeWeb.Share(p.Month.AttendanceRate)})";
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"rate-point\" cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"3.5\"><title>{E(label)}</title></circle>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Four times 1, 2 or 5 × 10ⁿ, at or above the value, so that each of the four grid steps is a round number.</summary>
    private static int NiceCeiling(int value)
    {
        var quarter = (value + 3) / 4;
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var f in new[] { 1, 2, 5 })
            {
                if (f * magnitude >= quarter)
                {
                    return 4 * f * magnitude;
                }
            }
        }
    }
}
