using ChiBo.Reports;

namespace ChiBo.Plans;

/// <summary>
/// Every count of the movements report (<see cref="MovementsReport"/>): member events dated in the
/// window (admitted, recognizedOfficial, transferredIn, transferredOut, struckOff, removed,
/// expelled, died) by the path their cell had then, and members and organizations disciplined by
/// decisions dated in the window that no appeal annulled.
/// </summary>
public sealed class MovementMeasures : IMeasureFamily
{
    private static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["admitted"] = "Kết nạp đảng viên",
        ["recognizedOfficial"] = "Công nhận đảng viên chính thức",
        ["transferredIn"] = "Chuyển sinh hoạt đến từ tỉnh khác",
        ["transferredOut"] = "Chuyển sinh hoạt đi tỉnh khác",
        ["struckOff"] = "Xóa tên",
        ["removed"] = "Cho ra khỏi Đảng",
        ["expelled"] = "Khai trừ",
        ["died"] = "Từ trần",
        ["disciplinedMembers"] = "Đảng viên bị kỷ luật (quyết định không bị hủy)",
        ["disciplinedOrganizations"] = "Tổ chức đảng bị kỷ luật (quyết định không bị hủy)",
    };

    public bool Owns(string name) => Meanings.ContainsKey(name);

    public string? Check(string name) => Owns(name) ? null : $"không có số đo biến động \"{name}\".";

    public MeasureTiming TimingOf(string name) => MeasureTiming.Events;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation => MovementsReport.Names.Select(n => new MeasureDoc(n, Meanings[n], MeasureTiming.Events));

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
        }

        var wanted = names.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, name, count) in await MovementsReport.CountByPathAsync(query.Db, query.Subtree, query.From, query.To, ct))
        {
            if (wanted.Contains(name))
            {
                counts.Add(name, query.ByUnit ? query.UnitOf(path) : null, count);
            }
        }

        return counts;
    }
}
