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

    public static readonly PendingMeasures Reports = new(
        "reports.",
        "chưa có dữ liệu báo cáo thống kê định kỳ (tính năng báo cáo chưa có trong sổ đăng ký)",
        rest => rest is "due" or "submittedOnTime" ? null : "số đo báo cáo có dạng \"reports.<due|submittedOnTime>\".",
        [
            new("reports.due", "Báo cáo thống kê định kỳ các tổ chức cơ sở đảng phải nộp trong kỳ", MeasureTiming.Events),
            new("reports.submittedOnTime", "… đã nộp qua hệ thống đúng hạn", MeasureTiming.Events),
        ]);
}
