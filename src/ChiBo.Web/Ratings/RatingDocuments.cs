using System.Globalization;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Documents;

namespace ChiBo.Web.Ratings;

/// <summary>A line of a printed form: a section's heading, or a paragraph.</summary>
public sealed record FormLine(bool Section, string Text);

/// <summary>
/// What the member's Bản tự kiểm điểm, đánh giá, xếp loại says, shared by the printed page, the PDF
/// and the .docx: the member, the review they wrote and the level and score they gave themselves,
/// then the cell's proposal and the competent committee's decision (dots while not known or not
/// yet published to the member).
/// </summary>
public sealed record MemberReviewDraft(MemberReviewForm Form, DateOnly Today)
{
    public const string Title = "BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN";

    private const string Blank = "……";

    public string Subtitle => "Năm " + Y(Form.Year);

    /// <summary>The review is dated the day the member sent it, or today for a blank form.</summary>
    public DateOnly Dated => Form.SelfAssessedOn ?? Today;

    public IReadOnlyList<FormLine> Identity =>
    [
        new(false, "Họ và tên: " + Form.FullName),
        new(false, "Ngày sinh: " + VietnameseFormats.Date(Form.BirthDate)),
        new(false, "Chức vụ: " + (Form.Position ?? Blank)),
        new(false, "Đơn vị công tác: " + (Form.Workplace ?? Blank)),
        new(false, "Sinh hoạt tại: " + Form.Cell.Org.Name),
    ];

    public IReadOnlyList<FormLine> Review =>
    [
        new(true, "I. TỰ KIỂM ĐIỂM"),
        .. (Form.SelfAssessment is { Length: > 0 } text
            ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new FormLine(false, t))
            : [new FormLine(false, Blank)]),
        new(true, "II. TỰ ĐÁNH GIÁ, XẾP LOẠI"),
        new(false, "Tự chấm điểm: " + Points(Form.SelfScore)),
        new(false, "Tự xếp loại: " + (Form.SelfLevel is { } l ? RatingNames.Of(l) : Blank)),
    ];

    public IReadOnlyList<FormLine> Outcome =>
    [
        new(true, "III. NHẬN XÉT, ĐỀ XUẤT CỦA CHI BỘ"),
        new(false, "Chi bộ đề xuất xếp loại: " + LevelOrReason(Form.ProposedLevel, Form.ProposedNotRated)),
        new(false, "Điểm chi bộ chấm: " + Points(Form.ProposedScore)),
        new(false, "Nhận xét: " + (Form.ProposalNote ?? Blank)),
        new(true, "IV. KẾT QUẢ XẾP LOẠI CỦA CẤP ỦY CÓ THẨM QUYỀN"),
        new(false, "Xếp loại: " + LevelOrReason(Form.Level, Form.NotRated)),
        new(false, "Điểm: " + Points(Form.Score)),
        new(false, Form.DecisionNumber is { } n
            ? $"Quyết định số {n} ngày {VietnameseFormats.Date(Form.DecidedOn)} của {Form.DecidedBy}."
            : "Quyết định số " + Blank),
    ];

    public string FileName(string extension) => $"ban-tu-kiem-diem-{Form.MemberId.ToString(CultureInfo.InvariantCulture)}-{Y(Form.Year)}.{extension}";

    private static string LevelOrReason(RatingLevel? level, NotRatedReason? reason) =>
        level is { } l ? RatingNames.Of(l) : reason is { } r ? "Không xếp loại (" + RatingNames.Of(r) + ")" : Blank;

    internal static string Points(decimal? score) => score is { } s ? s.ToString("0.##", VietnameseFormats.Culture) + " điểm" : Blank;

    internal static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What the Danh sách kết quả đánh giá, xếp loại chất lượng đảng viên says, shared by the printed
/// page, the PDF and the .docx: one row per member (with the chi bộ when the list is a đảng bộ's),
/// the counts per level and the share HTTNV+ over those rated.
/// </summary>
public sealed record ResultListDraft(ResultList List, DateOnly Today)
{
    public const string Title = "DANH SÁCH";

    public string Subtitle => "Kết quả đánh giá, xếp loại chất lượng đảng viên năm " + MemberReviewDraft.Y(List.Year);

    public string ReviewLine => $"(Đảng viên sinh hoạt tại {List.Issuer.Org.Name} ngày {VietnameseFormats.Date(List.ReviewDate)}, ngày chốt danh sách của đợt)";

    /// <summary>"Số     -DS/ĐU": the number is given when the list is signed.</summary>
    public string Number => "Số     -DS/" + (List.Issuer.Org.Kind is OrgKind.Cell or OrgKind.BaseCell ? "CB" : "ĐU");

    public IReadOnlyList<string> Headers => List.ByCell
        ? ["STT", "Họ và tên", "Chi bộ", "Tự xếp loại", "Chi bộ đề xuất", "Kết quả xếp loại", "Ghi chú"]
        : ["STT", "Họ và tên", "Tự xếp loại", "Chi bộ đề xuất", "Kết quả xếp loại", "Ghi chú"];

    public IEnumerable<string[]> Rows => List.Rows.Select((r, n) =>
    {
        string[] cells =
        [
            (n + 1).ToString(CultureInfo.InvariantCulture),
            r.FullName,
            r.SelfLevel is { } s ? RatingNames.Code(s) : "",
            r.ProposedLevel is { } p ? RatingNames.Code(p) : r.ProposedNotRated is not null ? "Không xếp loại" : "",
            !r.Decided ? "Chưa quyết định" : r.Level is { } l ? RatingNames.Code(l) : "Không xếp loại",
            r.Decided && r.NotRated is { } reason ? RatingNames.Of(reason) : r.Score is { } score ? MemberReviewDraft.Points(score) : "",
        ];
        return List.ByCell ? [cells[0], cells[1], r.CellName, .. cells[2..]] : cells;
    });

    public IReadOnlyList<string> Summary
    {
        get
        {
            var c = List.Counts;
            string N(int n) => VietnameseFormats.Number(n);
            return
            [
                $"Tổng số đảng viên trong danh sách: {N(List.Rows.Count)}; đã có quyết định xếp loại: {N(c.Decided)}; chưa có quyết định: {N(List.Undecided)}.",
                $"Được đánh giá, xếp loại: {N(c.Rated)}, trong đó hoàn thành xuất sắc nhiệm vụ: {N(c.Excellent)}; hoàn thành tốt nhiệm vụ: {N(c.Good)}; "
                + $"hoàn thành nhiệm vụ: {N(c.Fulfilled)}; không hoàn thành nhiệm vụ: {N(c.NotFulfilled)}. Không xếp loại: {N(c.NotRated)}.",
                $"Tỉ lệ hoàn thành tốt nhiệm vụ trở lên: {VietnameseFormats.Percent(c.GoodOrAbove, c.Rated)} ({N(c.GoodOrAbove)}/{N(c.Rated)} đảng viên được đánh giá, xếp loại).",
            ];
        }
    }

    public const string Legend = "HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ.";

    public string FileName(string extension) => $"danh-sach-xep-loai-{List.Issuer.Org.Code}-{MemberReviewDraft.Y(List.Year)}.{extension}";
}

/// <summary>The two rating forms as .docx, with the same lines as the printed page.</summary>
public static class RatingDocx
{
    public static byte[] Review(MemberReviewDraft d) => PartyDocx.Write(body =>
    {
        var cell = d.Form.Cell;
        body.Append(PartyDocx.Heading(cell.Superior, cell.Org, null, cell.Place, d.Dated));
        body.Append(PartyDocx.Para(MemberReviewDraft.Title, bold: true, center: true));
        body.Append(PartyDocx.Para(d.Subtitle, bold: true, center: true));
        Lines(body, [.. d.Identity, .. d.Review]);
        body.Append(PartyDocx.Table([["", "NGƯỜI TỰ KIỂM ĐIỂM\n(Ký, ghi rõ họ tên)\n\n\n" + d.Form.FullName]], borders: false, header: false));
        Lines(body, d.Outcome);
    });

    public static byte[] List(ResultListDraft d) => PartyDocx.Write(body =>
    {
        var issuer = d.List.Issuer;
        body.Append(PartyDocx.Heading(issuer.Superior, issuer.Org, d.Number, issuer.Place, d.Today));
        body.Append(PartyDocx.Para(ResultListDraft.Title, bold: true, center: true));
        body.Append(PartyDocx.Para(d.Subtitle, bold: true, center: true));
        body.Append(PartyDocx.Para(d.ReviewLine, italic: true, center: true));
        body.Append(PartyDocx.Table([d.Headers, .. d.Rows], borders: true, header: true));
        body.Append(PartyDocx.Para(ResultListDraft.Legend, italic: true));
        foreach (var line in d.Summary)
        {
            body.Append(PartyDocx.Para(line));
        }

        body.Append(PartyDocx.Closing(issuer.Org));
    });

    private static void Lines(DocumentFormat.OpenXml.Wordprocessing.Body body, IEnumerable<FormLine> lines)
    {
        foreach (var line in lines)
        {
            body.Append(PartyDocx.Para(line.Text, bold: line.Section));
        }
    }
}
