using System.Globalization;
using ChiBo.Organizations;

namespace ChiBo.Meetings;

/// <summary>One criterion of meeting quality with its weight (points out of 100).</summary>
public sealed record QualityCriterion(string Code, string Name, int Weight);

/// <summary>
/// How a meeting's quality is rated (đánh giá chất lượng sinh hoạt chi bộ): each criterion is
/// scored 0–<see cref="MaxScore"/>, the weighted total is out of 100 and the thresholds turn it
/// into tốt / khá / trung bình / kém. Data, not code: a province replaces it with its own guidance.
/// </summary>
public sealed record MeetingQualityPolicy(
    string Source,
    IReadOnlyList<QualityCriterion> Criteria,
    int MaxScore,
    decimal GoodFrom,
    decimal FairFrom,
    decimal AverageFrom,
    decimal GoodNeedsAttendance)
{
    /// <summary>Weighted total out of 100, rounded to 2 decimals.</summary>
    public decimal Score(IReadOnlyDictionary<string, int> scores)
    {
        var total = Criteria.Sum(c => (decimal)c.Weight * scores[c.Code] / MaxScore);
        return decimal.Round(total, 2);
    }

    /// <summary>
    /// The rating for a total and the meeting's attendance rate: a meeting below the attendance
    /// target cannot be tốt whatever its score, as the guidance makes attendance a condition.
    /// </summary>
    public MeetingRating Rate(decimal score, decimal attendanceRate)
    {
        if (score >= GoodFrom && attendanceRate >= GoodNeedsAttendance)
        {
            return MeetingRating.Good;
        }

        if (score >= FairFrom)
        {
            return MeetingRating.Fair;
        }

        return score >= AverageFrom ? MeetingRating.Average : MeetingRating.Poor;
    }

    public static string Label(MeetingRating rating) => rating switch
    {
        MeetingRating.Good => "Tốt",
        MeetingRating.Fair => "Khá",
        MeetingRating.Average => "Trung bình",
        _ => "Kém",
    };
}

/// <summary>
/// Every number of cell life in one place (DOMAIN.md §5). Source: provincial guidance based on
/// Chỉ thị 50-CT/TW (2025) on cell meetings and the Ban Tổ chức Trung ương guidance on improving
/// the quality of cell meetings (Hướng dẫn 12-HD/BTCTW); the criteria weights and thresholds
/// below are this register's defaults, not quoted figures — a province sets its own.
/// </summary>
public sealed record MeetingRules(
    MeetingQualityPolicy Quality,
    decimal AttendanceTarget,
    int UnexcusedAbsencesForRemoval,
    IReadOnlySet<Sector> OnlineAllowedSectors)
{
    public static readonly MeetingRules Default = new(
        new MeetingQualityPolicy(
            "Hướng dẫn của Tỉnh ủy dựa trên Chỉ thị 50-CT/TW (2025) và Hướng dẫn 12-HD/BTCTW về nâng cao chất lượng sinh hoạt chi bộ",
            [
                new("chuan-bi", "Chuẩn bị nội dung, tài liệu, thông báo trước", 15),
                new("thoi-gian-ty-le", "Đúng thời gian, tỷ lệ đảng viên dự", 15),
                new("nguyen-tac", "Thực hiện nguyên tắc, quy trình sinh hoạt; tự phê bình và phê bình", 15),
                new("noi-dung", "Nội dung thiết thực: đánh giá, phân công nhiệm vụ, quán triệt nghị quyết", 20),
                new("dan-chu", "Không khí dân chủ, đảng viên phát biểu ý kiến", 15),
                new("ket-luan", "Kết luận, nghị quyết rõ ràng, khả thi, có kiểm tra thực hiện", 20),
            ],
            MaxScore: 10,
            GoodFrom: 85m,
            FairFrom: 70m,
            AverageFrom: 50m,
            GoodNeedsAttendance: 0.90m),
        AttendanceTarget: 0.90m,
        UnexcusedAbsencesForRemoval: 3,

        // "Chi bộ đặc thù": members scattered (enterprises, armed forces on duty, others) may meet online.
        OnlineAllowedSectors: new HashSet<Sector> { Sector.EnterpriseCoop, Sector.ArmedForces, Sector.Other });

    public bool OnlineAllowed(Sector sector) => OnlineAllowedSectors.Contains(sector);

    /// <summary>
    /// Working members (đảng viên đang công tác) keep in contact with the party organization and
    /// the people where they live, and the residence cell comments on them each year (Quy định
    /// 213-QĐ/TW, 02/01/2020): a member not retired whose cell is at the workplace — any sector
    /// but xã, phường, thôn, tổ dân phố, whose cells are themselves the place of residence.
    /// </summary>
    public static bool NeedsResidenceComment(Sector cellSector, bool retired) => !retired && cellSector != Sector.Commune;

    /// <summary>The meeting date of a month for a preferred day: the 31st becomes the 30th in April and the 28th/29th in February.</summary>
    public static DateOnly DayInMonth(int year, int month, int dayOfMonth) =>
        new(year, month, Math.Min(dayOfMonth, DateTime.DaysInMonth(year, month)));

    public static int QuarterOf(DateOnly date) => ((date.Month - 1) / 3) + 1;

    internal static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A meeting or task command refused by a rule; nothing was written. The message is for users, the field for forms.</summary>
public class MeetingRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Someone else changed the record since the caller read it; <see cref="CurrentVersion"/> is the version stored now, when known.</summary>
public sealed class MeetingEditConflictException(string message, int? currentVersion = null) : MeetingRuleException("Version", message)
{
    public int? CurrentVersion { get; } = currentVersion;
}
