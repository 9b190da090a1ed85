using System.Globalization;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Web.Documents;

namespace ChiBo.Web.Plans;

/// <summary>A reporting period: a quarter, the first half-year or the year ("q1"…"q4", "6t", "nam").</summary>
public sealed record ReportPeriod(string Code, int FirstMonth, int LastMonth)
{
    public static readonly IReadOnlyList<ReportPeriod> All =
        [new("q1", 1, 3), new("q2", 4, 6), new("q3", 7, 9), new("q4", 10, 12), new("6t", 1, 6), new("nam", 1, 12)];

    public static ReportPeriod? Of(string? code) => string.IsNullOrWhiteSpace(code) ? All[^1] : All.FirstOrDefault(p => p.Code == code.Trim());

    public DateOnly End(int year) => new DateOnly(year, LastMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>"quý II năm 2026", "6 tháng đầu năm 2026", "năm 2026".</summary>
    public string Label(int year) => Code switch
    {
        "6t" => $"6 tháng đầu năm {year}",
        "nam" => $"năm {year}",
        _ => $"quý {new[] { "I", "II", "III", "IV" }[(LastMonth / 3) - 1]} năm {year}",
    };
}

/// <summary>What a progress report says, shared by the printed page and the .docx.</summary>
public sealed record ReportDraft(
    Organization Org, Organization? Superior, string Place, DateOnly Today, int Year, ReportPeriod Period, DateOnly AsOf, DashboardPlan Plan, PlanTasksOfPlan? Tasks)
{
    public string Title => $"Kết quả thực hiện {Plan.Kind} số {Plan.Number} {Period.Label(Year)}";

    /// <summary>"Số …-BC/…": the number is given when the report is signed.</summary>
    public string Number => "Số     -BC/" + (Plan.Number.Split('/') is { Length: > 1 } parts ? parts[^1] : "");

    public IEnumerable<string[]> IndicatorRows => Plan.Indicators.Select((i, n) => new[]
    {
        (n + 1).ToString(CultureInfo.InvariantCulture),
        i.Text,
        PlanWeb.Target(i.Operator, i.Value.Target ?? i.Target, i.Factor) is { Length: > 0 } t ? t : "Chưa giao",
        i.Value.Value is { } v
            ? PlanWeb.Value(v, i.Factor) + (i.Value.Denominator is not null ? $" ({PlanWeb.Fraction(i.Value.Numerator, i.Value.Denominator)})" : "")
            : i.Value.Status == "missing" ? "Chưa tính được: " + PlanWeb.Missing(i.Value.Missing) : "Chưa có số liệu",
        PlanWeb.StatusText(i.Value.Status) + (i.Manual && i.Value.Source is { } s ? $" (số liệu nhập tay, nguồn: {s})" : ""),
    });

    public IEnumerable<string[]> TaskRows => (Tasks?.Tasks ?? []).Select(t => new[]
    {
        t.No.ToString(CultureInfo.InvariantCulture),
        t.Content,
        t.Lead ?? "",
        PlanWeb.TaskStatusText(t.Status) + (t.Late ? ", trễ hạn" : "")
            + (t.Units.Count > 0 ? $" ({t.Units.Count(u => u.Status == "done")}/{t.Units.Count} đơn vị hoàn thành)" : ""),
        t.Evidence?.Number is { } e ? e + (t.Evidence.Date is { } d ? " ngày " + VietnameseFormats.Date(d) : "") : "",
    });

    public static readonly string[] IndicatorHeaders = ["STT", "Chỉ tiêu", "Chỉ tiêu đặt ra", "Kết quả", "Đánh giá"];
    public static readonly string[] TaskHeaders = ["STT", "Nhiệm vụ", "Chủ trì", "Tình hình thực hiện", "Sản phẩm, minh chứng"];
}

/// <summary>
/// The report as a Word document for the committee to edit and sign: the heading in two columns, the
/// two tables, the closing, on <see cref="PartyDocx"/>'s page (A4, Times New Roman 14, the margins of
/// Hướng dẫn 36-HD/VPTW).
/// </summary>
public static class ReportDocx
{
    public const string DocxType = PartyDocx.DocxType;

    public static byte[] Write(ReportDraft r) => PartyDocx.Write(body =>
    {
        body.Append(PartyDocx.Heading(r.Superior, r.Org, r.Number, r.Place, r.Today));
        body.Append(PartyDocx.Para("BÁO CÁO", bold: true, center: true));
        body.Append(PartyDocx.Para(r.Title, bold: true, center: true));
        body.Append(PartyDocx.Para("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold: true));
        body.Append(PartyDocx.Para($"Số liệu tính từ sổ đăng ký đảng viên đến ngày {VietnameseFormats.Date(r.AsOf)}."));
        body.Append(PartyDocx.Table([ReportDraft.IndicatorHeaders, .. r.IndicatorRows], borders: true, header: true));
        body.Append(PartyDocx.Para("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", bold: true));
        body.Append(PartyDocx.Table([ReportDraft.TaskHeaders, .. r.TaskRows], borders: true, header: true));
        body.Append(PartyDocx.Para("III. ĐÁNH GIÁ CHUNG", bold: true));
        body.Append(PartyDocx.Para("1. Ưu điểm: ……"));
        body.Append(PartyDocx.Para("2. Hạn chế, nguyên nhân: ……"));
        body.Append(PartyDocx.Para("IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", bold: true));
        body.Append(PartyDocx.Para("……"));
        body.Append(PartyDocx.Closing(r.Org));
    });
}
