using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Reports;
using ChiBo.Web.Access;
using ChiBo.Ratings;
using ChiBo.Web.Cadres;
using ChiBo.Web.Documents;
using ChiBo.Web.Plans;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Cơ cấu cấp ủy: the composition of a level's committees in a subtree on a date
/// (<see cref="CommitteeComposition"/>, the same counts as <c>/api/reports/committees</c>) with every
/// dimension as counts and shares, and the plan indicators on those committees with their targets
/// (<see cref="CommitteeTargets"/>, evaluated as the plan dashboard does); as .xlsx.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class CompositionModel(ChiBoDb db, TimeProvider clock, PrintedDocuments printed) : SubtreePageModel
{
    public DateOnly AsOf { get; private set; }
    public string Level { get; private set; } = CommitteeLevel.CommuneName;
    public CommitteeStructure? Structure { get; private set; }
    public IReadOnlyList<CommitteeTargetLine> Targets { get; private set; } = [];

    public static readonly IReadOnlyDictionary<string, string> DimensionNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gender"] = "Giới tính", ["ethnicity"] = "Dân tộc", [MemberDimensions.AgeBand] = "Độ tuổi", ["generalEducation"] = "Giáo dục phổ thông",
        ["professional"] = "Chuyên môn, nghiệp vụ", ["politicalTheory"] = "Lý luận chính trị", ["postgraduate"] = "Sau đại học",
        ["scienceTech"] = "Khối khoa học, công nghệ", ["grade"] = "Ngạch công chức", ["position"] = "Chức vụ trong cấp ủy",
    };

    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        ["gender.female"] = "Nữ", ["gender.male"] = "Nam", ["ethnicity.minority"] = "Dân tộc thiểu số", ["ethnicity.kinh"] = "Dân tộc Kinh",
        ["generalEducation.literate"] = "Biết đọc, biết viết", ["generalEducation.primary"] = "Tiểu học", ["generalEducation.lowerSecondary"] = "Trung học cơ sở",
        ["generalEducation.upperSecondary"] = "Trung học phổ thông",
        ["professional.elementary"] = "Sơ cấp", ["professional.intermediateCollege"] = "Trung cấp, cao đẳng", ["professional.universityPlus"] = "Đại học trở lên",
        ["professional.none"] = "Chưa qua đào tạo",
        ["politicalTheory.elementary"] = "Sơ cấp", ["politicalTheory.intermediate"] = "Trung cấp", ["politicalTheory.advanced"] = "Cao cấp, cử nhân",
        ["politicalTheory.none"] = "Chưa qua đào tạo",
        ["postgraduate.yes"] = "Thạc sĩ trở lên", ["postgraduate.no"] = "Chưa có", ["scienceTech.yes"] = "Có", ["scienceTech.no"] = "Không",
        ["grade.senior"] = "Chuyên viên cao cấp", ["grade.principal"] = "Chuyên viên chính", ["grade.specialist"] = "Chuyên viên", ["grade.none"] = "Chưa xếp ngạch",
        ["position.secretary"] = "Bí thư", ["position.deputySecretary"] = "Phó Bí thư", ["position.standing"] = "Ủy viên Ban Thường vụ", ["position.member"] = "Ủy viên",
    };

    public static string DimensionName(string d) => DimensionNames.GetValueOrDefault(d) ?? d;

    public static string CategoryName(string d, string c) => CategoryNames.GetValueOrDefault(d + "." + c) ?? (d == MemberDimensions.AgeBand ? c + " tuổi" : c);

    public async Task<IActionResult> OnGetAsync(string? org, string? level, string? asOf, CancellationToken ct)
    {
        await LoadAsync(org, level, asOf, ct);
        return Page();
    }

    public const string SheetView = "/Pages/Cadres/_CompositionSheet.cshtml";

    /// <summary>The composition sheet in the Party's format: the HTML it prints from, the PDF, the .docx.</summary>
    public async Task<IActionResult> OnGetPrintAsync(string? org, string? level, string? asOf, CancellationToken ct) =>
        await SheetAsync(org, level, asOf, ct) is { } d ? await printed.PageAsync(PageContext, SheetView, d, d.Subtitle) : Page();

    public async Task<IActionResult> OnGetPdfAsync(string? org, string? level, string? asOf, CancellationToken ct) =>
        await SheetAsync(org, level, asOf, ct) is { } d ? await printed.PdfAsync(PageContext, SheetView, d, d.Subtitle, d.FileName("pdf"), ct) : Page();

    public async Task<IActionResult> OnGetDocxAsync(string? org, string? level, string? asOf, CancellationToken ct) =>
        await SheetAsync(org, level, asOf, ct) is { } d ? File(d.Docx(), PartyDocx.DocxType, d.FileName("docx")) : Page();

    private async Task<CompositionSheet?> SheetAsync(string? org, string? level, string? asOf, CancellationToken ct)
    {
        if (!await LoadAsync(org, level, asOf, ct) || Structure is not { } s)
        {
            return null;
        }

        if (Org is not { } o)
        {
            Error = "Chọn một tổ chức đảng để in báo cáo cơ cấu cấp ủy.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return new CompositionSheet(await FormIssuer.OfAsync(db, o, ct), LevelName, s, Targets, clock.Today());
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? level, string? asOf, CancellationToken ct)
    {
        if (!await LoadAsync(org, level, asOf, ct) || Structure is not { } s)
        {
            return Page();
        }

        var rows = s.Dimensions.SelectMany(d => d.Value.Select(c => new object?[]
        {
            DimensionName(d.Key), CategoryName(d.Key, c.Key), c.Value, s.Members == 0 ? null : decimal.Round(100m * c.Value / s.Members, 2), d.Key, c.Key,
        }));
        var targets = Targets.Select(t => new object?[]
        {
            t.Plan, t.Code, t.Text, PlanWeb.Target(t.Operator, t.Target, t.Factor), t.Value, t.Numerator, t.Denominator, PlanWeb.StatusText(t.Status),
            t.Missing is { } m ? PlanWeb.Missing(m) : null,
        });
        var about = new List<object?[]>
        {
            new object?[] { "Đơn vị", Name + " (" + Code + ")" }, new object?[] { "Cấp", LevelName },
            new object?[] { "Ngày", VietnameseFormats.Date(AsOf) }, new object?[] { "Số cấp ủy viên", s.Members },
        };
        var bytes = CadreWeb.Workbook(
            ("Cơ cấu", ["Chiều", "Nhóm", "Số lượng", "Tỷ lệ (%)", "Mã chiều", "Mã nhóm"], rows),
            ("Chỉ tiêu", ["Kế hoạch", "Mã", "Chỉ tiêu", "Chỉ tiêu đặt ra", "Giá trị", "Tử số", "Mẫu số", "Đánh giá", "Ghi chú"], targets),
            ("Thông tin", ["Mục", "Nội dung"], about));
        return File(bytes, CadreWeb.XlsxType, $"co-cau-cap-uy-{Code}-{Level}-{AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    public string LevelName => CommitteeLevel.All.First(l => l.Name == Level).Vietnamese;

    private async Task<bool> LoadAsync(string? org, string? level, string? asOf, CancellationToken ct)
    {
        if (CadreDates.Parse(asOf, clock.Today()) is not { } date)
        {
            Error = $"Ngày \"{asOf}\" không hợp lệ: cần dạng ngày/tháng/năm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        AsOf = date;
        var parsed = CommitteeLevel.Parse(string.IsNullOrWhiteSpace(level) ? CommitteeLevel.CommuneName : level);
        if (parsed is not { } l)
        {
            Error = $"Cấp \"{level}\" không hợp lệ: cần province, commune, base hoặc villageCell.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        Level = CommitteeLevel.NameOf(l);
        if (await FindSubtreeAsync(db, org, Operation.ReportsRead) is not { } lookup)
        {
            return false;
        }

        Structure = await CommitteeComposition.RunAsync(db, lookup, l, AsOf, AgeBand.Default, ct);
        if (Org is not null)
        {
            Targets = await CommitteeTargets.ForAsync(db, await HttpContext.ScopeAsync(), lookup, l, AsOf, ct);
        }

        ViewData["Title"] = "Cơ cấu cấp ủy – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
