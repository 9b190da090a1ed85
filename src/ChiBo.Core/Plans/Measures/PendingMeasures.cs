using ChiBo.Reports;

namespace ChiBo.Plans;

/// <summary>
/// A family the catalogue names before the register holds its data: its names are checked (a plan
/// may use them today), and every value is reported "missing" with the reason, never 0. When the
/// feature lands, its family replaces the entry in <see cref="MeasureCatalogue.Families"/>: one file
/// with its query.
/// </summary>
public sealed class PendingMeasures(string prefix, string why, Func<string, string?> check, IReadOnlyList<MeasureDoc> documentation) : IMeasureFamily
{
    public bool Owns(string name) => name.StartsWith(prefix, StringComparison.Ordinal);

    public string? Check(string name) => check(name[prefix.Length..]);

    public MeasureTiming TimingOf(string name) => documentation.FirstOrDefault()?.Timing ?? MeasureTiming.AsOf;

    public string? Missing(string name) => why;

    public IEnumerable<MeasureDoc> Documentation => documentation;

    public Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct) =>
        throw new InvalidOperationException($"{prefix}* is not computed yet: {why}");

    /// <summary>Committee levels of the province profiles (shared/profiles/README.md).</summary>
    public static readonly IReadOnlyList<string> CommitteeLevels = ["province", "commune", "base", "villageCell"];

    /// <summary>Dimensions a committee's composition is counted by: the member vocabulary, the cadre vocabulary, and "young".</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> CommitteeDimensions = MemberDimensions.Fixed
        .ToDictionary(d => d.Name, d => (IReadOnlyList<string>)d.CategoryNames.ToList())
        .Concat(new Dictionary<string, IReadOnlyList<string>>
        {
            ["postgraduate"] = ["yes", "no"],
            ["scienceTech"] = ["yes", "no"],
            ["grade"] = ["senior", "principal", "specialist", "none"],
            ["position"] = ["secretary", "deputySecretary", "standing", "member"],
            ["young"] = ["yes", "no"],
        })
        .ToDictionary(p => p.Key, p => p.Value);

    public static readonly PendingMeasures Ratings = new(
        "ratings.",
        "chưa có dữ liệu đánh giá, xếp loại chất lượng (tính năng xếp loại chưa có trong sổ đăng ký)",
        rest => rest.Split('.') is [var series, var count] && series is "organizations" or "cells" or "members" && count is "rated" or "goodOrAbove"
            ? null
            : "số đo xếp loại có dạng \"ratings.<organizations|cells|members>.<rated|goodOrAbove>\".",
        [
            new("ratings.organizations.rated", "Tổ chức cơ sở đảng được đánh giá, xếp loại trong năm (S1)", MeasureTiming.Year),
            new("ratings.organizations.goodOrAbove", "… xếp loại hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
            new("ratings.cells.rated", "Chi bộ trực thuộc đảng ủy cơ sở được xếp loại (S2)", MeasureTiming.Year),
            new("ratings.cells.goodOrAbove", "… hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
            new("ratings.members.rated", "Đảng viên được xếp loại (S3)", MeasureTiming.Year),
            new("ratings.members.goodOrAbove", "… hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
        ]);

    public static readonly PendingMeasures Committees = new(
        "committees.",
        "chưa có dữ liệu cấp ủy và cấp ủy viên (tính năng công tác cán bộ chưa có trong sổ đăng ký)",
        rest =>
        {
            var parts = rest.Split('.');
            if (parts.Length == 0 || !CommitteeLevels.Contains(parts[0]))
            {
                return $"cấp ủy có các cấp: {string.Join(", ", CommitteeLevels)}.";
            }

            return parts switch
            {
                [_, "members"] => null,
                [_, var dimension, var category] when CommitteeDimensions.TryGetValue(dimension, out var categories) && categories.Contains(category) => null,
                _ => "số đo cấp ủy có dạng \"committees.<cấp>.members\" hoặc \"committees.<cấp>.<chiều>.<nhóm>\" theo bộ từ vựng của hồ sơ tỉnh.",
            };
        },
        [
            new("committees.<level>.members", "Cấp ủy viên của cấp province, commune, base hoặc villageCell (một người ở hai cấp ủy cùng cấp tính hai lần)", MeasureTiming.AsOf),
            new("committees.<level>.<dimension>.<category>", "Cấp ủy viên của cấp thuộc một nhóm (từ vựng đảng viên và cán bộ, thêm young.yes|no)", MeasureTiming.AsOf),
        ]);

    public static readonly PendingMeasures Training = new(
        "training.",
        "chưa có dữ liệu bồi dưỡng, tập huấn (tính năng công tác cán bộ chưa có trong sổ đăng ký)",
        rest => rest.Split('.') is [var level, "trained"] && CommitteeLevels.Contains(level)
            ? null
            : "số đo bồi dưỡng có dạng \"training.<province|commune|base|villageCell>.trained\".",
        [
            new("training.<level>.trained", "Cấp ủy viên của cấp đã hoàn thành ít nhất 01 lớp bồi dưỡng nghiệp vụ công tác xây dựng Đảng trong kỳ", MeasureTiming.Events),
        ]);

    public static readonly PendingMeasures Reports = new(
        "reports.",
        "chưa có dữ liệu báo cáo thống kê định kỳ (tính năng báo cáo chưa có trong sổ đăng ký)",
        rest => rest is "due" or "submittedOnTime" ? null : "số đo báo cáo có dạng \"reports.<due|submittedOnTime>\".",
        [
            new("reports.due", "Báo cáo thống kê định kỳ các tổ chức cơ sở đảng phải nộp trong kỳ", MeasureTiming.Events),
            new("reports.submittedOnTime", "… đã nộp qua hệ thống đúng hạn", MeasureTiming.Events),
        ]);
}
