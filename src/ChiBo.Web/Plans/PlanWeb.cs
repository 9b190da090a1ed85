using System.Globalization;
using System.Text.Json;
using ChiBo.Plans;

namespace ChiBo.Web.Plans;

/// <summary>
/// How the plans' pages and exports word an indicator: its status in Vietnamese with the colour
/// class that goes with it, its value in the unit it counts, its target as plans word targets
/// ("trên 90 %", "từ 3.600 trở lên", "từ 3 đến 4 %"), and why a value cannot be computed.
/// </summary>
public static class PlanWeb
{
    private static readonly Dictionary<string, IndicatorStatus> Statuses =
        Enum.GetValues<IndicatorStatus>().ToDictionary(IndicatorStatusNames.Of, s => s, StringComparer.Ordinal);

    /// <summary>The status named by the dashboard's contract ("onTrack").</summary>
    public static IndicatorStatus StatusOf(string name) => Statuses.GetValueOrDefault(name, IndicatorStatus.NoData);

    /// <summary>"Đạt", "Đúng tiến độ", "Có nguy cơ không đạt", "Không đạt", "Chưa tính được"…</summary>
    public static string StatusText(string name) => IndicatorStatusNames.Vietnamese(StatusOf(name));

    /// <summary>The CSS class of a status: the colour never stands alone, the text is always next to it.</summary>
    public static string StatusClass(string name) => "st st-" + name;

    /// <summary>The order a committee reads a dashboard in: what fails first.</summary>
    public static int Severity(string name) => StatusOf(name) switch
    {
        IndicatorStatus.NotMet => 0,
        IndicatorStatus.AtRisk => 1,
        IndicatorStatus.Missing => 2,
        IndicatorStatus.NoData => 3,
        IndicatorStatus.OnTrack => 4,
        IndicatorStatus.Met => 5,
        IndicatorStatus.NoTarget => 6,
        _ => 7,
    };

    /// <summary>The value in its unit: "94,44 %" for a percentage, "3.612" for a count; null stays empty, never 0.</summary>
    public static string Value(decimal? value, int factor) => value is not { } v
        ? ""
        : factor == 100 ? v.ToString("#,0.##", VietnameseFormats.Culture) + " %" : v.ToString("#,0.##", VietnameseFormats.Culture);

    /// <summary>"17/18" for a share, the count alone for a count.</summary>
    public static string Fraction(long? numerator, long? denominator) => numerator is not { } n
        ? ""
        : denominator is { } d ? VietnameseFormats.Number(n) + "/" + VietnameseFormats.Number(d) : VietnameseFormats.Number(n);

    /// <summary>
    /// The target as a plan words it: "trên 90 %" (&gt;), "từ 90 % trở lên" (≥), "dưới 5" (&lt;),
    /// "không quá 0" (≤), "đạt 100 %" (=), "từ 3 % đến 4 %" (between). Empty when the plan sets none.
    /// </summary>
    public static string Target(string op, object? target, int factor)
    {
        var (low, high) = Bounds(target);
        if (low is not { } l)
        {
            return "";
        }

        var a = Value(l, factor);
        return op switch
        {
            ">" => "trên " + a,
            ">=" => "từ " + a + " trở lên",
            "<" => "dưới " + a,
            "<=" => "không quá " + a,
            "=" => "đạt " + a,
            _ => "từ " + a + " đến " + Value(high ?? l, factor),
        };
    }

    /// <summary>The numbers of a target as the dashboard gives it (a number, or [low, high] for a range).</summary>
    public static (decimal? Low, decimal? High) Bounds(object? target) => target switch
    {
        null => (null, null),
        decimal d => (d, null),
        decimal[] { Length: 2 } r => (r[0], r[1]),
        JsonElement { ValueKind: JsonValueKind.Number } e => (e.GetDecimal(), null),
        JsonElement { ValueKind: JsonValueKind.Array } e when e.GetArrayLength() == 2 => (e[0].GetDecimal(), e[1].GetDecimal()),
        IConvertible c => (c.ToDecimal(CultureInfo.InvariantCulture), null),
        _ => (null, null),
    };

    /// <summary>
    /// Why the register cannot give the value, in Vietnamese: "ratings.members.rated: …" names the
    /// measure and the reason; a manual indicator without an entry says so.
    /// </summary>
    public static string Missing(string? missing)
    {
        if (string.IsNullOrWhiteSpace(missing))
        {
            return "";
        }

        return missing.StartsWith("manual:", StringComparison.Ordinal) ? missing["manual:".Length..].Trim() : missing;
    }

    /// <summary>"Hằng năm" or "Cả nhiệm kỳ".</summary>
    public static string Period(string period) => period == "term" ? "Cả nhiệm kỳ" : "Hằng năm";

    public static string TaskStatusText(string status) => status switch
    {
        "done" => TaskState.VietnameseOf(PlanTaskStatus.Done),
        "inProgress" => TaskState.VietnameseOf(PlanTaskStatus.InProgress),
        _ => TaskState.VietnameseOf(PlanTaskStatus.NotStarted),
    };

    /// <summary>The six "rõ" a task lacks, named as Công văn 443-CV/TU names them.</summary>
    public static string FieldName(string field) => field switch
    {
        "content" => "nội dung",
        "lead" => "cơ quan chủ trì",
        "deadline" => "thời hạn",
        "responsible" => "trách nhiệm tập thể, cá nhân",
        "authority" => "thẩm quyền",
        "output" => "sản phẩm đầu ra",
        _ => field,
    };

    /// <summary>Query-string value of a year.</summary>
    public static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Dashboard(string org, int year) => "/ke-hoach?org=" + Uri.EscapeDataString(org) + "&year=" + Y(year);

    public static string Indicator(string code, string org, int year, int? plan = null) =>
        "/ke-hoach/chi-tieu/" + Uri.EscapeDataString(code) + "?org=" + Uri.EscapeDataString(org) + "&year=" + Y(year)
        + (plan is { } p ? "&plan=" + p.ToString(CultureInfo.InvariantCulture) : "");

    public static string Tasks(string org, int year, int? plan = null) =>
        "/ke-hoach/nhiem-vu?org=" + Uri.EscapeDataString(org) + "&year=" + Y(year) + (plan is { } p ? "&plan=" + p.ToString(CultureInfo.InvariantCulture) : "");

    public static string Task(int id, string org, int year) =>
        "/ke-hoach/nhiem-vu/" + id.ToString(CultureInfo.InvariantCulture) + "?org=" + Uri.EscapeDataString(org) + "&year=" + Y(year);
}

/// <summary>An indicator's figures for one organization, as the dashboard and the drill-down show them.</summary>
public sealed record IndicatorCard(DashboardIndicator Indicator, IndicatorLine Line, bool Plain = false)
{
    public static IndicatorLine LineOf(UnitLine u) => new(u.Status, u.Value, u.Numerator, u.Denominator, u.Target, u.Gap, u.Missing, null);
}
