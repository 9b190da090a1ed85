using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Ratings;
using ChiBo.Web.Documents;

namespace ChiBo.Web.Cadres;

/// <summary>
/// A cadre's quarterly evaluation form (phiếu đánh giá cán bộ hằng quý) in the Party's document
/// format, shared by the printed page, the PDF and the .docx: the self-assessment, the criteria with
/// their weights and scores, the products, the trust vote, the feedback only as group figures (never
/// a ballot, never who answered), and the managing committee's conclusion.
/// </summary>
public sealed record EvaluationSheet(FormIssuer Issuer, EvaluationView View, DateOnly Today)
{
    private const string Blank = "……";

    public string Title => $"PHIẾU ĐÁNH GIÁ CÁN BỘ QUÝ {Roman(View.Quarter)} NĂM {View.Year.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyList<string> Identity =>
    [
        "Họ và tên: " + View.FullName,
        "Diện quản lý: " + View.Pool,
        "Bước đánh giá: " + View.State,
    ];

    public IReadOnlyList<string> Self =>
    [
        .. (View.SelfSummary is { Length: > 0 } text ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [Blank]),
        "Ngày tự đánh giá: " + (View.SelfAssessedOn is { } on ? VietnameseFormats.Date(on) : Blank),
    ];

    public static readonly IReadOnlyList<string> CriteriaHeaders = ["Tiêu chí", "Nhóm", "Trọng số", "Tự chấm", "Điểm"];

    public IEnumerable<string[]> CriteriaRows => View.Criteria.Select(c => new[]
    {
        c.Name, EvaluationQueries.GroupName(c.Component), CadreWeb.Score(c.Weight), CadreWeb.Score(c.Self), CadreWeb.Score(c.Score),
    });

    public IReadOnlyList<string> Products => View.Products.Count == 0
        ? ["Không có sản phẩm được giao trong quý."]
        : View.Products.Select((p, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {p.Name}: "
            + (p.Delivered ? p.OnTime ? "đã hoàn thành đúng hạn" : "đã hoàn thành, trễ hạn" : "chưa hoàn thành")
            + (p.Evidence is { Length: > 0 } e ? " (" + e + ")" : "")).ToList();

    public string Trust => $"Phiếu tín nhiệm: cao {VietnameseFormats.Number(View.TrustHigh)}, trung bình {VietnameseFormats.Number(View.TrustMedium)}, thấp {VietnameseFormats.Number(View.TrustLow)}.";

    public IReadOnlyList<string> Feedback => View.Feedback.Select(g =>
        $"{g.Group}: {VietnameseFormats.Number(g.Answered)}/{VietnameseFormats.Number(g.Invited)} phiếu"
        + (g.Shown && g.Means is { Count: > 0 } means
            ? " — điểm bình quân " + string.Join(", ", means.Select(m => m.Key + " " + CadreWeb.Score(m.Value)))
            : " — chưa đủ số phiếu tối thiểu để công bố điểm")).ToList();

    public IReadOnlyList<string> Conclusion =>
    [
        "Tổng điểm: " + CadreWeb.Score(View.Score),
        "Mức xếp loại: " + (View.Band ?? Blank) + (View.Outcome is { } o ? " (" + o + ")" : ""),
        "Kết luận của cấp ủy: " + (View.Conclusion ?? Blank),
        "Ngày kết luận: " + (View.ConcludedOn is { } on ? VietnameseFormats.Date(on) : Blank),
    ];

    public string FileName(string extension) =>
        $"phieu-danh-gia-can-bo-{View.MemberId.ToString(CultureInfo.InvariantCulture)}-{View.Year.ToString(CultureInfo.InvariantCulture)}-q{View.Quarter.ToString(CultureInfo.InvariantCulture)}.{extension}";

    public byte[] Docx() => PartyDocx.Write(body =>
    {
        body.Append(PartyDocx.Heading(Issuer.Superior, Issuer.Org, null, Issuer.Place, Today));
        body.Append(PartyDocx.Para(Title, bold: true, center: true));
        foreach (var line in Identity)
        {
            body.Append(PartyDocx.Para(line));
        }

        body.Append(PartyDocx.Para("I. TỰ ĐÁNH GIÁ CỦA CÁN BỘ", bold: true));
        Lines(body, Self);
        body.Append(PartyDocx.Para("II. KẾT QUẢ CHẤM ĐIỂM THEO TIÊU CHÍ", bold: true));
        body.Append(PartyDocx.Table([CriteriaHeaders, .. CriteriaRows], borders: true, header: true));
        body.Append(PartyDocx.Para("Sản phẩm cụ thể", bold: true));
        Lines(body, Products);
        body.Append(PartyDocx.Para(Trust));
        body.Append(PartyDocx.Para("Ý kiến nhận xét (theo nhóm)", bold: true));
        Lines(body, Feedback);
        body.Append(PartyDocx.Para("III. KẾT LUẬN CỦA CẤP ỦY", bold: true));
        Lines(body, Conclusion);
        body.Append(PartyDocx.Closing(Issuer.Org));
    });

    private static void Lines(DocumentFormat.OpenXml.Wordprocessing.Body body, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            body.Append(PartyDocx.Para(line));
        }
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
