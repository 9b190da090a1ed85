using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChiBo.Plans;
using Microsoft.AspNetCore.Html;

namespace ChiBo.Web.Plans;

/// <summary>
/// An indicator's years as a small inline SVG drawn on the server (like the compliance page's
/// <c>MonthChart</c>): a bar per year coloured by its status, the target as a dashed line, a year
/// the register cannot compute as an empty outline marked "?", never as a bar of 0. No script;
/// colours from site.css; a title and description for screen readers, a title on every bar.
/// </summary>
public static class TrendChart
{
    private const int Width = 320;
    private const int Height = 120;
    private const int Left = 8;
    private const int Right = 8;
    private const int Top = 14;
    private const int Bottom = 20;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static IHtmlContent Render(DashboardIndicator indicator, string id)
    {
        var points = indicator.Trend;
        var (low, high) = PlanWeb.Bounds(indicator.Value.Target ?? indicator.Target);
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var top = Math.Max(values.Count == 0 ? 0m : values.Max(), high ?? low ?? 0m);
        if (indicator.Factor == 100)
        {
            top = Math.Max(top, 100m);
        }

        top = top <= 0 ? 1m : top;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = plotW / (double)Math.Max(points.Count, 1);
        var barW = Math.Min(step * 0.6, 48);
        double Y(decimal v) => Top + (plotH * (1 - (double)(v / top)));

        var target = PlanWeb.Target(indicator.Operator, indicator.Value.Target ?? indicator.Target, indicator.Factor);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart trend\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMidYMid meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E($"Chỉ tiêu {indicator.Code} qua các năm")}</title>");
        var described = string.Join("; ", points.Select(p => $"năm {p.Year}: {Said(p, indicator.Factor)}"));
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-d\">{E(described + (target.Length > 0 ? $". Chỉ tiêu: {target}." : "."))}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(0))}\" y2=\"{N(Y(0))}\"/>");

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = Left + (step * i) + ((step - barW) / 2);
            var label = $"Năm {p.Year}: {Said(p, indicator.Factor)}";
            sb.Append("<g>").Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
            if (p.Value is { } v)
            {
                var y = Y(Math.Max(v, 0));
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar st-{p.Status}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(barW)}\" height=\"{N(Math.Max(Y(0) - y, 1))}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(x + (barW / 2))}\" y=\"{N(y - 3)}\" text-anchor=\"middle\">{E(PlanWeb.Value(v, indicator.Factor))}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar none\" x=\"{N(x)}\" y=\"{N(Top + (plotH / 2.0))}\" width=\"{N(barW)}\" height=\"{N(plotH / 2.0)}\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(x + (barW / 2))}\" y=\"{N(Top + (plotH * 0.75))}\" text-anchor=\"middle\">?</text>");
            }

            sb.Append("</g>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(x + (barW / 2))}\" y=\"{Height - 5}\" text-anchor=\"middle\">{p.Year}</text>");
        }

        foreach (var t in new[] { low, high }.Where(t => t is not null))
        {
            var y = Y(t!.Value);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(y)}\" y2=\"{N(y)}\"><title>{E("Chỉ tiêu: " + target)}</title></line>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Said(TrendPoint p, int factor) => p.Value is { } v
        ? $"{PlanWeb.Value(v, factor)} ({PlanWeb.StatusText(p.Status)})"
        : PlanWeb.StatusText(p.Status);
}
