using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Ratings;

/// <summary>
/// Kết quả đánh giá, xếp loại of a subtree and years to Excel: the three series per year as the
/// report counts them, the organizations' decided results, and the members' (name, chi bộ, level,
/// decision — no CCCD or other personal field), up to <see cref="MaxMembers"/> rows.
/// </summary>
public static class RatingExport
{
    public const int MaxMembers = 20_000;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Writes the workbook; returns how many member rows were left out beyond <see cref="MaxMembers"/>.</summary>
    public static async Task<int> WriteAsync(ChiBoDb db, OrgLookup org, int fromYear, int toYear, Stream output, CancellationToken ct = default)
    {
        var report = await RatingReport.RunAsync(db, org, fromYear, toYear, ct);
        var subtree = await AsOf.SubtreeOnAsync(db, org, new DateOnly(toYear, 12, 31), ct) ?? org.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);

        var summary = new List<Dictionary<string, object?>>();
        foreach (var (year, y) in report.Years)
        {
            foreach (var (name, s) in new[] { ("Tổ chức cơ sở đảng", y.Organizations), ("Chi bộ trực thuộc đảng ủy cơ sở", y.Cells), ("Đảng viên", y.Members) })
            {
                summary.Add(new Dictionary<string, object?>
                {
                    ["Năm"] = int.Parse(year, CultureInfo.InvariantCulture), ["Đối tượng"] = name, ["Được đánh giá, xếp loại"] = s.Rated,
                    ["HTXSNV"] = s.Levels["HTXSNV"], ["HTTNV"] = s.Levels["HTTNV"], ["HTNV"] = s.Levels["HTNV"], ["KHTNV"] = s.Levels["KHTNV"],
                    ["Không xếp loại"] = s.NotRated, ["Hoàn thành tốt nhiệm vụ trở lên"] = s.GoodOrAbove,
                    ["Tỉ lệ hoàn thành tốt nhiệm vụ trở lên (%)"] = s.Share is { } f ? decimal.Round(f * 100m, 2) : null,
                });
            }
        }

        var orgs = (await db.OrgRatings.AsNoTracking()
                .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.SubjectPath, lo) >= 0 && string.Compare(r.SubjectPath, hi) < 0
                            && r.Year >= fromYear && r.Year <= toYear && r.State >= RatingState.Decided)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Code, o.Name })
                .ToListAsync(ct))
            .OrderBy(x => x.r.Year).ThenBy(x => x.r.SubjectPath, StringComparer.Ordinal)
            .Select(x => new Dictionary<string, object?>
            {
                ["Năm"] = x.r.Year, ["Mã tổ chức đảng"] = x.Code, ["Tên tổ chức đảng"] = x.Name, ["Loại"] = OrganizationNames.Of(x.r.SubjectKind),
                ["Mức xếp loại"] = x.r.Level is { } l ? RatingNames.Code(l) : null,
                ["Lý do không xếp loại"] = x.r.NotRatedReason is { } n ? RatingNames.Of(n) : null,
                ["Điểm"] = x.r.Score, ["Số quyết định"] = x.r.DecisionNumber, ["Ngày quyết định"] = Date(x.r.DecidedOn), ["Cấp quyết định"] = x.r.DecidedBy,
                ["Ngày công khai"] = Date(x.r.PublishedOn),
            })
            .ToList();

        var memberQuery = db.MemberRatings.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.CellPath, lo) >= 0 && string.Compare(r.CellPath, hi) < 0
                        && r.Year >= fromYear && r.Year <= toYear && r.State >= RatingState.Decided);
        var memberCount = await memberQuery.CountAsync(ct);
        var members = (await memberQuery
                .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r, m.FullName })
                .Join(db.Organizations, x => x.r.CellId, o => o.Id, (x, o) => new { x.r, x.FullName, o.Code })
                .OrderBy(x => x.r.Year).ThenBy(x => x.r.CellPath).ThenBy(x => x.r.MemberId)
                .Take(MaxMembers).ToListAsync(ct))
            .Select(x => new Dictionary<string, object?>
            {
                ["Năm"] = x.r.Year, ["Họ và tên"] = x.FullName, ["Mã chi bộ"] = x.Code,
                ["Mức xếp loại"] = x.r.Level is { } l ? RatingNames.Code(l) : null,
                ["Lý do không xếp loại"] = x.r.NotRatedReason is { } n ? RatingNames.Of(n) : null,
                ["Điểm"] = x.r.Score, ["Số quyết định"] = x.r.DecisionNumber, ["Ngày quyết định"] = Date(x.r.DecidedOn), ["Cấp quyết định"] = x.r.DecidedBy,
            })
            .ToList();

        var left = memberCount - members.Count;
        var note = new List<Dictionary<string, object?>>
        {
            new() { ["Nội dung"] = "Phạm vi", ["Giá trị"] = report.Org },
            new() { ["Nội dung"] = "Các năm", ["Giá trị"] = string.Create(CultureInfo.InvariantCulture, $"{fromYear}–{toYear}") },
            new() { ["Nội dung"] = "Tỉ lệ", ["Giá trị"] = "So với tổng số được đánh giá, xếp loại; không xếp loại ở ngoài mẫu số." },
        };
        if (left > 0)
        {
            note.Add(new() { ["Nội dung"] = "Đảng viên", ["Giá trị"] = string.Create(Vi, $"Chỉ ghi {MaxMembers:#,0} dòng đầu, còn {left:#,0} dòng: hãy xuất theo từng tổ chức cấp dưới.") });
        }

        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary, ["Tổ chức đảng"] = orgs, ["Đảng viên"] = members, ["Ghi chú"] = note,
        };
        output.SaveAs(sheets);
        return left;
    }

    private static string? Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
