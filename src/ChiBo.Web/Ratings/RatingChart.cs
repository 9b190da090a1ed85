using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChiBo.Ratings;
using Microsoft.AspNetCore.Html;

namespace ChiBo.Web.Ratings;

/// <summary>
/// The years of the ratings report as inline SVG drawn on the server: one line per series (TCCSĐ,
/// chi bộ trực thuộc, đảng viên) for the share rated "hoàn thành tốt nhiệm vụ trở lên". No script;
/// colours from site.css; a title and description for screen readers, and each point's own title
/// with the exact counts. A year without anyone rated in a series has no point there.
/// </summary>
public static class RatingChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<(string Key, string Css, Func<RatingYear, RatingSeries> Pick)> Series =
    [
        ("organizations", "series-org", y => y.Organizations),
        ("cells", "series-cell", y => y.Cells),
        ("members", "series-member", y => y.Members),
    ];

    public static IHtmlContent Render(RatingsReport report, string id = "bieu-do-xep-loai")
    {
        var years = report.Years.Select(kv => (Year: int.Parse(kv.Key, CultureInfo.InvariantCulture), Data: kv.Value)).OrderBy(x => x.Year).ToList();
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = plotW / (double)Math.Max(1, years.Count);
        var shares = years.SelectMany(y => Series.Select(s => s.Pick(y.Data).Share)).OfType<decimal>().ToList();

        // The axis starts low enough to show every share, in steps of 10 points, and never above 80 %.
        var from = Math.Min(0.8m, shares.Count == 0 ? 0.8m : Math.Floor(shares.Min() * 10m) / 10m);
        double Y(decimal share) => Top + (plotH * (double)(1m - ((share - from) / (1m - from))));
        double X(int i) => Left + (step * (i + 0.5));

        var sb = new StringBuilder();
        var first = years.Count > 0 ? years[0].Year : 0;
        var last = years.Count > 0 ? years[^1].Year : 0;
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMidYMid meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E($"Tỉ lệ hoàn thành tốt nhiệm vụ trở lên, {first}–{last}")}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-d\">{E("Ba đường: tổ chức cơ sở đảng, chi bộ trực thuộc đảng ủy cơ sở, đảng viên; tỉ lệ so với tổng số được đánh giá, xếp loại mỗi năm.")}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var share = from + ((1m - from) * i / 4m);
            var y = Y(share);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{E((share * 100m).ToString("0", VietnameseFormats.Culture) + " %")}</text>");
        }

        for (var i = 0; i < years.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{years[i].Year}</text>");
        }

        foreach (var (key, css, pick) in Series)
        {
            var points = years.Select((y, i) => (y.Year, S: pick(y.Data), X: X(i))).Where(p => p.S.Share is not null).ToList();
            if (points.Count > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{css}\" points=\"")
                    .AppendJoin(' ', points.Select(p => N(p.X) + "," + N(Y(p.S.Share!.Value))))
                    .Append("\"/>");
            }

            foreach (var p in points)
            {
                var label = $"{RatingLabels.SeriesName(key)} năm {p.Year}: {VietnameseFormats.Number(p.S.GoodOrAbove)}/{VietnameseFormats.Number(p.S.Rated)} hoàn thành tốt nhiệm vụ trở lên ({RatingLabels.Share(p.S.Share)})";
                sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"{css}\" cx=\"{N(p.X)}\" cy=\"{N(Y(p.S.Share!.Value))}\" r=\"4\"><title>{E(label)}</title></circle>");
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
