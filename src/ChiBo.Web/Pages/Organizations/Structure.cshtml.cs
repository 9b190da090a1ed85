using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Reports;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Organizations;

/// <summary>The member-structure report (cơ cấu đảng viên) of a subtree today, as tables with shares and bars.</summary>
[Requires(Operation.ReportsRead)]
public sealed class StructureModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    /// <summary>Dimensions in the order of the usual tables, with their Vietnamese titles and category names.</summary>
    public static readonly IReadOnlyList<(string Dimension, string Title, IReadOnlyList<(string Category, string Label)> Categories)> Layout =
    [
        ("gender", "Giới tính", [("male", "Nam"), ("female", "Nữ")]),
        (MemberDimensions.AgeBand, "Độ tuổi", []),
        ("ethnicity", "Dân tộc", [("kinh", "Kinh"), ("minority", "Dân tộc thiểu số")]),
        ("religion", "Tôn giáo", [("religious", "Có tôn giáo"), ("none", "Không tôn giáo")]),
        ("status", "Loại đảng viên", [("official", "Chính thức"), ("probationary", "Dự bị")]),
        ("generalEducation", "Giáo dục phổ thông", [("literate", "Biết đọc, biết viết"), ("primary", "Tiểu học"), ("lowerSecondary", "Trung học cơ sở"), ("upperSecondary", "Trung học phổ thông")]),
        ("professional", "Chuyên môn nghiệp vụ", [("none", "Chưa qua đào tạo"), ("elementary", "Sơ cấp"), ("intermediateCollege", "Trung cấp, cao đẳng"), ("universityPlus", "Đại học trở lên")]),
        ("politicalTheory", "Lý luận chính trị", [("none", "Chưa qua đào tạo"), ("elementary", "Sơ cấp"), ("intermediate", "Trung cấp"), ("advanced", "Cao cấp, cử nhân")]),
        ("youthUnion", "Đoàn viên Đoàn TNCS Hồ Chí Minh", [("yes", "Có"), ("no", "Không")]),
        ("enterprise", "Làm việc trong doanh nghiệp", [("yes", "Có"), ("no", "Không")]),
        ("retired", "Nghỉ hưu", [("yes", "Có"), ("no", "Không")]),
    ];

    public string RequestedCode { get; private set; } = "root";
    public string Name { get; private set; } = "";
    public MemberStructure? Report { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        RequestedCode = code;
        var lookup = await OrgTree.FindAsync(db, await HttpContext.SubtreeAsync(Operation.ReportsRead), code, ct);
        if (!lookup.Found)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Name = lookup.Organization?.Name ?? "Toàn quốc";
        Report = await MemberStructureReport.RunAsync(db, lookup, clock.Today(), AgeBand.Default, await HttpContext.ScopeAsync(), ct);
        ViewData["Title"] = "Cơ cấu đảng viên – " + Name;
        ViewData["ScopeOrg"] = lookup.Organization?.Code ?? "root";
    }

    /// <summary>The rows of one dimension: the age bands come from the report, the others from <see cref="Layout"/>.</summary>
    public IEnumerable<(string Label, int Count)> Rows(string dimension, IReadOnlyList<(string Category, string Label)> categories)
    {
        if (Report is null || !Report.Dimensions.TryGetValue(dimension, out var counts))
        {
            return [];
        }

        return dimension == MemberDimensions.AgeBand
            ? counts.Select(c => (AgeLabel(c.Key), c.Value))
            : categories.Select(c => (c.Label, counts.GetValueOrDefault(c.Category)));
    }

    private static string AgeLabel(string band) => band.EndsWith('+') ? band[..^1] + " tuổi trở lên" : band.Replace("-", "–", StringComparison.Ordinal) + " tuổi";
}
