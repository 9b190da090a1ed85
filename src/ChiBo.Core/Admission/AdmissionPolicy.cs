using ChiBo.Members;

namespace ChiBo.Admission;

/// <summary>
/// The admission numbers of the Party's rules *(configurable)*, kept in one place so that a change
/// of regulation is one edit. Sources: Điều lệ Đảng (Điều 4, 5); Quy định 24-QĐ/TW (30/7/2021) thi
/// hành Điều lệ Đảng, points 3–5; Hướng dẫn 12-HD/BTCTW (18/3/2022) on party work, point 3–4;
/// DOMAIN.md §4. Deadlines are marked with the point they come from; where the texts give no
/// deadline (before the cell's resolution) none is tracked.
/// </summary>
public static class AdmissionPolicy
{
    /// <summary>Tuổi đời tối thiểu khi chi bộ xét kết nạp (Điều lệ Đảng, Điều 1; Quy định 24-QĐ/TW point 3.1).</summary>
    public const int MinimumAge = 18;

    /// <summary>
    /// Above this age admission needs the consent of the provincial standing committee (Ban Thường vụ
    /// Tỉnh ủy) (Quy định 24-QĐ/TW point 3.1; Hướng dẫn 12-HD/BTCTW point 3.1).
    /// </summary>
    public const int MaximumAgeWithoutProvincialConsent = 60;

    /// <summary>At least trung học cơ sở (Quy định 24-QĐ/TW point 3.2); exceptions for remote areas are decided case by case and not modelled.</summary>
    public const GeneralEducation MinimumEducation = GeneralEducation.LowerSecondary;

    /// <summary>Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng có giá trị 5 năm (Hướng dẫn 12-HD/BTCTW point 3.3).</summary>
    public const int CourseCertificateValidYears = 5;

    /// <summary>Người giới thiệu phải cùng công tác với người vào Đảng ít nhất 12 tháng (Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW point 3.3).</summary>
    public const int IntroducerKnownMonths = 12;

    /// <summary>Số người giới thiệu là đảng viên chính thức (Điều lệ Đảng, Điều 4).</summary>
    public const int Introducers = 2;

    /// <summary>Thời gian dự bị (Điều lệ Đảng, Điều 5).</summary>
    public const int ProbationMonths = 12;

    /// <summary>
    /// Votes needed, as a fraction of the cell's official members (Điều lệ Đảng, Điều 4.3 and 5.3):
    /// both the admission and the recognition need at least two thirds in favour.
    /// </summary>
    public const int VoteNumerator = 2;

    public const int VoteDenominator = 3;

    /// <summary>
    /// How long each step may wait for the next one, in working days (ngày làm việc). Chosen from
    /// Quy định 24-QĐ/TW point 3.4 (the base committee and the competent committee each consider
    /// the file within 30 working days of receiving it; the ceremony is held within 30 working days
    /// of the decision) and point 5 (within 30 working days after the 12 months of probation the
    /// cell must consider the recognition). Steps not listed have no deadline in the texts.
    /// </summary>
    public static readonly IReadOnlyDictionary<CandidateStep, StepDeadline> Deadlines = new Dictionary<CandidateStep, StepDeadline>
    {
        [CandidateStep.CellResolved] = new(0, 30, "Đảng ủy cơ sở xem xét nghị quyết của chi bộ"),
        [CandidateStep.BaseCommitteeAgreed] = new(0, 30, "Cấp ủy có thẩm quyền ra quyết định kết nạp"),
        [CandidateStep.Decided] = new(0, 30, "Tổ chức lễ kết nạp"),
        [CandidateStep.OnProbation] = new(ProbationMonths, 30, "Chi bộ xét công nhận đảng viên chính thức"),
    };

    public static bool IsOldEnough(DateOnly birth, DateOnly on) => Dates.AgeOn(birth, on) >= MinimumAge;

    public static bool NeedsProvincialConsent(DateOnly birth, DateOnly on) => Dates.AgeOn(birth, on) > MaximumAgeWithoutProvincialConsent;

    /// <summary>At least two thirds of the official members vote in favour; a cell without official members cannot decide.</summary>
    public static bool EnoughVotes(int votesFor, int officialMembers) =>
        officialMembers > 0 && votesFor * VoteDenominator >= officialMembers * VoteNumerator;

    /// <summary>The fewest votes in favour that pass.</summary>
    public static int VotesNeeded(int officialMembers) =>
        (officialMembers * VoteNumerator + VoteDenominator - 1) / VoteDenominator;

    public static bool CertificateIsValid(DateOnly issued, DateOnly on) => on < issued.AddYears(CourseCertificateValidYears);

    /// <summary>Probation ends on this day; official membership counts from it (Điều lệ Đảng, Điều 5.4).</summary>
    public static DateOnly ProbationEnds(DateOnly admittedOn) => admittedOn.AddMonths(ProbationMonths);

    /// <summary>When a step begun on <paramref name="since"/> must be done, or null when the texts set no deadline.</summary>
    public static DateOnly? DueOn(CandidateStep step, DateOnly since) =>
        Deadlines.TryGetValue(step, out var d) ? WorkingDays.Add(since.AddMonths(d.Months), d.WorkingDays) : null;
}

/// <summary>A step must be followed by the next one <see cref="Months"/> months plus <see cref="WorkingDays"/> working days after it began.</summary>
public sealed record StepDeadline(int Months, int WorkingDays, string NextAction);
