using ChiBo.Meetings;

namespace ChiBo.Plans;

/// <summary>
/// Cell life (Chỉ thị 50-CT/TW) from the compliance report (<see cref="ComplianceReport"/>): its
/// per-cell rows of each calendar year the window touches, months and quarters due up to the
/// window's last day, summed. Per unit one level down by the cell's place in the tree now.
/// </summary>
public sealed class MeetingMeasures : IMeasureFamily
{
    private static readonly IReadOnlyList<(string Name, string Meaning, Func<CellCompliance, long> Count)> Measures =
    [
        ("meetings.cells", "Chi bộ (chi bộ cơ sở và chi bộ trực thuộc) tồn tại trong năm", _ => 1),
        ("meetings.cellsMeetingEveryMonth", "Chi bộ sinh hoạt thường kỳ đủ mọi tháng đến hạn", c => c.MeetsEveryMonth ? 1 : 0),
        ("meetings.cellsWithThematicEveryQuarter", "Chi bộ sinh hoạt chuyên đề đủ mọi quý đến hạn", c => c.ThematicEveryQuarter ? 1 : 0),
        ("meetings.attendancePresent", "Lượt đảng viên có mặt ở các buổi sinh hoạt đã tổ chức", c => c.MembersPresent),
        ("meetings.attendanceExpected", "Lượt đảng viên phải dự (có mặt, vắng có lý do, vắng không lý do)", c => c.MembersOnRoll),
        ("meetings.membersAssigned", "Đảng viên được chi bộ phân công nhiệm vụ trong năm", c => c.MembersAssigned),
        ("meetings.membersInCells", "Đảng viên không miễn sinh hoạt của chi bộ trong năm", c => c.ActiveMembers),
        ("meetings.held", "Buổi sinh hoạt đã tổ chức (thường kỳ và chuyên đề)", c => c.MeetingsHeld),
        ("meetings.ratedGood", "Buổi sinh hoạt được đánh giá tốt", c => c.MeetingsRatedGood),
        ("meetings.cellsAssigningEveryMember", "Chi bộ phân công nhiệm vụ cho mọi đảng viên", c => c.MembersAssigned >= c.ActiveMembers ? 1 : 0),
    ];

    public bool Owns(string name) => name.StartsWith("meetings.", StringComparison.Ordinal);

    public string? Check(string name) => Measures.Any(m => m.Name == name)
        ? null
        : $"không có số đo sinh hoạt chi bộ \"{name}\"; các số đo: {string.Join(", ", Measures.Select(m => m.Name))}.";

    public MeasureTiming TimingOf(string name) => MeasureTiming.Year;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation => Measures.Select(m => new MeasureDoc(m.Name, m.Meaning, MeasureTiming.Year));

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var wanted = Measures.Where(m => names.Contains(m.Name)).ToList();
        var counts = new MeasureCounts();
        foreach (var m in wanted)
        {
            counts.Add(m.Name, null, 0);
        }

        for (var year = query.From.Year; year <= query.To.Year; year++)
        {
            var through = year == query.To.Year ? query.To : new DateOnly(year, 12, 31);
            var report = await ComplianceReport.RunAsync(query.Db, query.Org, year, through, absentees: false, ct: ct);
            foreach (var cell in report.CellRows ?? [])
            {
                var unit = query.ByUnit ? query.UnitOfCurrent(cell.Path) : null;
                foreach (var m in wanted)
                {
                    counts.Add(m.Name, unit, m.Count(cell));
                }
            }
        }

        return counts;
    }
}
