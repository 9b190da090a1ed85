using System.Globalization;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Web.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

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
/// The report as a Word document for the committee to edit and sign: Times New Roman 14, A4 with the
/// margins of Hướng dẫn 36-HD/VPTW, the heading in two columns, the two tables, the closing.
/// </summary>
public static class ReportDocx
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ReportDraft r)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var issuer = new List<string>();
            if (r.Superior is { } superior)
            {
                issuer.Add(PartyDocument.Superior(superior));
            }

            issuer.AddRange([PartyDocument.Issuer(r.Org), "*", r.Number]);
            body.Append(Table([[string.Join("\n", issuer), PartyDocument.Header + "\n" + PartyDocument.PlaceAndDate(r.Place, r.Today)]], borders: false, header: false));
            body.Append(Para("BÁO CÁO", bold: true, center: true));
            body.Append(Para(r.Title, bold: true, center: true));
            body.Append(Para("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold: true));
            body.Append(Para($"Số liệu tính từ sổ đăng ký đảng viên đến ngày {VietnameseFormats.Date(r.AsOf)}."));
            body.Append(Table([ReportDraft.IndicatorHeaders, .. r.IndicatorRows], borders: true, header: true));
            body.Append(Para("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", bold: true));
            body.Append(Table([ReportDraft.TaskHeaders, .. r.TaskRows], borders: true, header: true));
            body.Append(Para("III. ĐÁNH GIÁ CHUNG", bold: true));
            body.Append(Para("1. Ưu điểm: ……"));
            body.Append(Para("2. Hạn chế, nguyên nhân: ……"));
            body.Append(Para("IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", bold: true));
            body.Append(Para("……"));
            body.Append(Table([["Nơi nhận:\n- Như trên,\n- Lưu Văn phòng.", PartyDocument.OnBehalfOf(r.Org) + "\n\n\n\n"]], borders: false, header: false));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = "28" }))));
        }

        return buffer.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, bool center = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (center)
        {
            props.Append(new Justification { Val = JustificationValues.Center });
        }

        var p = new Paragraph(props);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            p.Append(run);
        }

        return p;
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<string>> rows, bool borders, bool header)
    {
        var props = new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct });
        if (borders)
        {
            props.Append(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        }

        var table = new Table(props);
        for (var n = 0; n < rows.Count; n++)
        {
            var row = new TableRow();
            foreach (var cell in rows[n])
            {
                row.Append(new TableCell(Para(cell, bold: header && n == 0, center: !borders)));
            }

            table.Append(row);
        }

        return table;
    }
}
