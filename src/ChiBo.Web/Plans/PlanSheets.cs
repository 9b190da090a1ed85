using System.Globalization;
using ChiBo.Members.Excel;
using ChiBo.Plans;
using MiniExcelLibs;

namespace ChiBo.Web.Plans;

/// <summary>
/// The dashboard and the task list as workbooks, written with MiniExcel like the member export:
/// Vietnamese headers on the first row, numbers as numbers (so a committee can sum and chart them),
/// a value the register cannot compute left empty with the reason beside it (never 0), and text a
/// spreadsheet would run as a formula neutralised.
/// </summary>
public static class PlanSheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] IndicatorHeaders =
    [
        "Kế hoạch", "Mã", "Chỉ tiêu", "Đơn vị", "Năm", "Giá trị", "Tử số", "Mẫu số", "Chỉ tiêu đặt ra", "Đánh giá", "Còn thiếu", "Ghi chú",
    ];

    /// <summary>Sheet "Chỉ tiêu": every indicator for the subtree and its earlier years; sheet "Theo đơn vị": each indicator for each unit one level down.</summary>
    public static byte[] Dashboard(PlanDashboard board)
    {
        var own = new List<object?[]>();
        var units = new List<object?[]>();
        foreach (var plan in board.Plans)
        {
            foreach (var i in plan.Indicators)
            {
                foreach (var t in i.Trend.Where(t => t.Year != board.Year))
                {
                    own.Add([plan.Number, i.Code, i.Text, board.OrgName, t.Year, t.Value, t.Numerator, t.Denominator,
                        PlanWeb.Target(i.Operator, i.Target, i.Factor), PlanWeb.StatusText(t.Status), null, null]);
                }

                var v = i.Value;
                own.Add([plan.Number, i.Code, i.Text, board.OrgName, board.Year, v.Value, v.Numerator, v.Denominator,
                    PlanWeb.Target(i.Operator, v.Target ?? i.Target, i.Factor), PlanWeb.StatusText(v.Status), Gap(v.Gap), Note(i.Manual, v.Missing, v.Source)]);
                foreach (var u in i.Units)
                {
                    units.Add([plan.Number, i.Code, i.Text, u.Name, board.Year, u.Value, u.Numerator, u.Denominator,
                        PlanWeb.Target(i.Operator, u.Target, i.Factor), PlanWeb.StatusText(u.Status), Gap(u.Gap), Note(false, u.Missing, null)]);
                }
            }
        }

        return Write(new() { ["Chỉ tiêu"] = Sheet(IndicatorHeaders, own), ["Theo đơn vị"] = Sheet(IndicatorHeaders, units) });
    }

    /// <summary>Sheet "Nhiệm vụ": every task with the six "rõ", its state and evidence, then each unit's part of a task handed to all of them.</summary>
    public static byte[] Tasks(string org, string orgName, int year, IReadOnlyList<PlanTasksOfPlan> plans)
    {
        string[] headers =
        [
            "Kế hoạch", "STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Đến hạn", "Tình trạng", "Tiến độ (%)", "Trễ hạn",
            "Trách nhiệm", "Thẩm quyền", "Sản phẩm đầu ra", "Minh chứng", "Ngày văn bản", "Chỉ tiêu liên quan", "Chưa rõ",
        ];
        var rows = new List<object?[]>();
        void Add(PlanTasksOfPlan p, TaskLine t, string? content) => rows.Add(
        [
            p.Number, t.No, content ?? t.Content, t.Lead, string.Join("; ", t.Partners), t.Deadline, t.Due is { } d ? VietnameseFormats.Date(d) : null,
            PlanWeb.TaskStatusText(t.Status), t.Progress, t.Late ? "Trễ hạn" : null,
            string.Join("; ", new[] { t.ResponsibleCollective, t.ResponsibleHead }.Where(s => s is not null)), t.Authority, t.Output,
            t.Evidence?.Number, t.Evidence?.Date is { } e ? VietnameseFormats.Date(e) : null, string.Join(", ", t.Indicators),
            string.Join(", ", t.MissingFields.Select(PlanWeb.FieldName)),
        ]);
        foreach (var p in plans)
        {
            foreach (var t in p.Tasks)
            {
                Add(p, t, null);
                foreach (var u in t.Units)
                {
                    Add(p, u, $"{t.No}. Phần việc của {u.Lead}");
                }
            }
        }

        var about = new List<object?[]> { new object?[] { "Đơn vị", orgName + " (" + org + ")" }, new object?[] { "Năm", year } };
        return Write(new() { ["Nhiệm vụ"] = Sheet(headers, rows), ["Thông tin"] = Sheet(["Mục", "Nội dung"], about) });
    }

    private static decimal? Gap(decimal? gap) => gap is > 0 ? gap : null;

    private static string? Note(bool manual, string? missing, string? source)
    {
        var parts = new List<string>();
        if (missing is not null)
        {
            parts.Add("Chưa tính được: " + PlanWeb.Missing(missing));
        }

        if (manual)
        {
            parts.Add(source is null ? "Nhập tay" : "Nhập tay, nguồn: " + source);
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static IEnumerable<Dictionary<string, object?>> Sheet(IReadOnlyList<string> headers, IEnumerable<object?[]> rows) =>
        new[] { headers.Cast<object?>().ToArray() }.Concat(rows).Select(Row);

    private static Dictionary<string, object?> Row(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row["c" + i.ToString("000", CultureInfo.InvariantCulture)] = cells[i] is string s ? MemberSheet.Neutralise(s) : cells[i];
        }

        return row;
    }

    private static byte[] Write(Dictionary<string, object> sheets)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, printHeader: false);
        return buffer.ToArray();
    }
}
