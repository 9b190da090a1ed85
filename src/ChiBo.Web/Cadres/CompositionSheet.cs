using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Ratings;
using ChiBo.Web.Documents;
using ChiBo.Web.Pages.Cadres;
using ChiBo.Web.Plans;

namespace ChiBo.Web.Cadres;

/// <summary>
/// The committee composition sheet (báo cáo cơ cấu, chất lượng cấp ủy) in the Party's document
/// format, shared by the printed page, the PDF and the .docx: the seats of a level's committees in
/// the subtree on a date by every dimension, then the plans' committee targets as the plan engine
/// evaluates them.
/// </summary>
public sealed record CompositionSheet(FormIssuer Issuer, string LevelName, CommitteeStructure Structure, IReadOnlyList<CommitteeTargetLine> Targets, DateOnly Today)
{
    public const string Title = "BÁO CÁO";

    public string Subtitle => $"Cơ cấu, chất lượng cấp ủy viên ({LevelName.ToLower(VietnameseFormats.Culture)}) đến ngày {VietnameseFormats.Date(Structure.AsOf)}";

    /// <summary>"Số     -BC/ĐU": the number is given when the report is signed.</summary>
    public string Number => "Số     -BC/" + (Issuer.Org.Kind is ChiBo.Organizations.OrgKind.Province ? "TU" : "ĐU");

    public string Seats => $"Tổng số cấp ủy viên: {VietnameseFormats.Number(Structure.Members)} (mỗi ghế tính một lần; một người ở hai cấp ủy cùng cấp tính hai lần).";

    public static readonly IReadOnlyList<string> Headers = ["Chiều", "Nhóm", "Số lượng", "Tỷ lệ"];

    public IEnumerable<string[]> Rows => Structure.Dimensions.SelectMany(d => d.Value.Select(c => new[]
    {
        CompositionModel.DimensionName(d.Key), CompositionModel.CategoryName(d.Key, c.Key), VietnameseFormats.Number(c.Value),
        VietnameseFormats.Percent(c.Value, Structure.Members),
    }));

    public static readonly IReadOnlyList<string> TargetHeaders = ["Kế hoạch", "Chỉ tiêu", "Chỉ tiêu đặt ra", "Hiện nay", "Đánh giá"];

    public IEnumerable<string[]> TargetRows => Targets.Select(t => new[]
    {
        t.Plan, t.Code + ". " + t.Text, PlanWeb.Target(t.Operator, t.Target, t.Factor), PlanWeb.Value(t.Value, t.Factor),
        PlanWeb.StatusText(t.Status) + (t.Missing is { } m ? " (" + PlanWeb.Missing(m) + ")" : ""),
    });

    public string FileName(string extension) =>
        $"co-cau-cap-uy-{Issuer.Org.Code}-{Structure.Level}-{Structure.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    public byte[] Docx() => PartyDocx.Write(body =>
    {
        body.Append(PartyDocx.Heading(Issuer.Superior, Issuer.Org, Number, Issuer.Place, Today));
        body.Append(PartyDocx.Para(Title, bold: true, center: true));
        body.Append(PartyDocx.Para(Subtitle, bold: true, center: true));
        body.Append(PartyDocx.Para(Seats));
        body.Append(PartyDocx.Table([Headers, .. Rows], borders: true, header: true));
        if (Targets.Count > 0)
        {
            body.Append(PartyDocx.Para("Chỉ tiêu của các kế hoạch về cấp ủy cấp này", bold: true));
            body.Append(PartyDocx.Table([TargetHeaders, .. TargetRows], borders: true, header: true));
        }

        body.Append(PartyDocx.Closing(Issuer.Org));
    });
}
