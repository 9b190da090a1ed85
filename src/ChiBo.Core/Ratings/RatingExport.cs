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

    /// <summary>Danh hiệu "bốn tốt" of a subtree's year: one row per chi bộ and đảng bộ cơ sở, the four criteria with their evidence and the recognition.</summary>
    public static void WriteFourGood(FourGoodBoard board, Stream output)
    {
        var rows = board.Subjects.Select(s => new Dictionary<string, object?>
        {
            ["Năm"] = board.Year, ["Mã tổ chức đảng"] = s.Code, ["Tên tổ chức đảng"] = s.Name,
            ["Loại"] = Enum.TryParse<OrgKind>(s.Kind, out var k) ? OrganizationNames.Of(k) : s.Kind,
            ["Mức xếp loại"] = s.Level ?? (s.NotRated is { } n && RatingNames.ParseReason(n) is { } r ? "Không xếp loại: " + RatingNames.Of(r) : null),
            ["Hoàn thành tốt nhiệm vụ chính trị"] = Met(s.Title?.PoliticalTask, s.Title), ["Căn cứ (nhiệm vụ chính trị)"] = s.Title?.PoliticalTaskEvidence,
            ["Chất lượng sinh hoạt tốt"] = Met(s.Title?.MeetingQuality, s.Title), ["Căn cứ (sinh hoạt)"] = s.Title?.MeetingQualityEvidence,
            ["Đoàn kết, kỷ luật tốt"] = Met(s.Title?.UnityDiscipline, s.Title), ["Căn cứ (đoàn kết, kỷ luật)"] = s.Title?.UnityDisciplineEvidence,
            ["Cán bộ, đảng viên tốt"] = Met(s.Title?.CadresMembers, s.Title), ["Căn cứ (cán bộ, đảng viên)"] = s.Title?.CadresMembersEvidence,
            ["Công nhận \"bốn tốt\""] = s.Title is { Recognized: true } ? "Có" : "Không",
            ["Cấp công nhận"] = s.Title?.RecognizedBy, ["Số quyết định"] = s.Title?.DecisionNumber, ["Ngày công nhận"] = Date(s.Title?.RecognizedOn),
        }).ToList();
        Save(output, "Bốn tốt", rows, Headers(
            "Năm", "Mã tổ chức đảng", "Tên tổ chức đảng", "Loại", "Mức xếp loại", "Hoàn thành tốt nhiệm vụ chính trị", "Căn cứ (nhiệm vụ chính trị)",
            "Chất lượng sinh hoạt tốt", "Căn cứ (sinh hoạt)", "Đoàn kết, kỷ luật tốt", "Căn cứ (đoàn kết, kỷ luật)", "Cán bộ, đảng viên tốt",
            "Căn cứ (cán bộ, đảng viên)", "Công nhận \"bốn tốt\"", "Cấp công nhận", "Số quyết định", "Ngày công nhận"));
    }

    /// <summary>Khen thưởng of a subtree's year, organizations and members.</summary>
    public static void WriteRewards(int year, IReadOnlyList<RewardRow> rewards, Stream output)
    {
        var rows = rewards.Select(r => new Dictionary<string, object?>
        {
            ["Năm"] = year, ["Đối tượng"] = r.Subject == nameof(RatingSubject.Member) ? "Đảng viên" : "Tổ chức đảng", ["Tên"] = r.Name,
            ["Hình thức"] = r.Form, ["Nội dung"] = r.Title, ["Cấp quyết định"] = r.DecidedBy, ["Số quyết định"] = r.DecisionNumber, ["Ngày quyết định"] = Date(r.DecidedOn),
        }).ToList();
        Save(output, "Khen thưởng", rows, Headers("Năm", "Đối tượng", "Tên", "Hình thức", "Nội dung", "Cấp quyết định", "Số quyết định", "Ngày quyết định"));
    }

    /// <summary>Đảng viên hoàn thành xuất sắc nhiệm vụ of a subtree's year (000:188).</summary>
    public static void WriteOutstanding(OutstandingList list, Stream output)
    {
        var rows = list.Members.Select(m => new Dictionary<string, object?>
        {
            ["Năm"] = list.Year, ["Họ và tên"] = m.FullName, ["Mã chi bộ"] = m.CellCode, ["Chi bộ"] = m.CellName, ["Số quyết định"] = m.DecisionNumber,
            ["Số năm HTXSNV (5 năm gần nhất)"] = m.ExcellentYears, ["Khen thưởng trong năm"] = m.Rewards.Count == 0 ? null : string.Join("; ", m.Rewards),
        }).ToList();
        Save(output, "Đảng viên tiêu biểu", rows, Headers("Năm", "Họ và tên", "Mã chi bộ", "Chi bộ", "Số quyết định", "Số năm HTXSNV (5 năm gần nhất)", "Khen thưởng trong năm"));
    }

    /// <summary>Đảng viên, tổ chức đảng không hoàn thành nhiệm vụ of a subtree's year: to help and follow (000:188).</summary>
    public static void WriteFollowUp(FollowUpList list, Stream output)
    {
        var members = list.Members.Select(m => new Dictionary<string, object?>
        {
            ["Năm"] = list.Year, ["Họ và tên"] = m.FullName, ["Mã chi bộ"] = m.CellCode, ["Chi bộ"] = m.CellName, ["Số quyết định"] = m.DecisionNumber,
            ["Cấp quyết định"] = m.DecidedBy, ["Số năm KHTNV (5 năm gần nhất)"] = m.NotFulfilledYears,
        }).ToList();
        var orgs = list.Organizations.Select(o => new Dictionary<string, object?>
        {
            ["Năm"] = list.Year, ["Mã tổ chức đảng"] = o.Code, ["Tên tổ chức đảng"] = o.Name,
            ["Loại"] = Enum.TryParse<OrgKind>(o.Kind, out var k) ? OrganizationNames.Of(k) : o.Kind, ["Số quyết định"] = o.DecisionNumber, ["Cấp quyết định"] = o.DecidedBy,
        }).ToList();
        output.SaveAs(new Dictionary<string, object>
        {
            ["Đảng viên"] = Rows(members, Headers("Năm", "Họ và tên", "Mã chi bộ", "Chi bộ", "Số quyết định", "Cấp quyết định", "Số năm KHTNV (5 năm gần nhất)")),
            ["Tổ chức đảng"] = Rows(orgs, Headers("Năm", "Mã tổ chức đảng", "Tên tổ chức đảng", "Loại", "Số quyết định", "Cấp quyết định")),
        });
    }

    private static string? Met(bool? value, FourGoodRow? title) => title is null ? null : value == true ? "Đạt" : "Chưa đạt";

    private static string[] Headers(params string[] names) => names;

    /// <summary>A sheet as a table, so that an empty list still carries its header row and says what it would hold.</summary>
    private static System.Data.DataTable Rows(List<Dictionary<string, object?>> rows, string[] headers)
    {
        var table = new System.Data.DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in headers)
        {
            table.Columns.Add(h, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(headers.Select(h => row.GetValueOrDefault(h) ?? DBNull.Value).ToArray());
        }

        return table;
    }

    private static void Save(Stream output, string sheet, List<Dictionary<string, object?>> rows, string[] headers) =>
        output.SaveAs(new Dictionary<string, object> { [sheet] = Rows(rows, headers) });

    private static string? Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
