using ChiBo.Organizations;

namespace ChiBo.Ratings;

/// <summary>Mức xếp loại chất lượng; best first, so "at least Good" is <c>level &lt;= Good</c>.</summary>
public enum RatingLevel
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ (HTXSNV).</summary>
    Excellent = 1,

    /// <summary>Hoàn thành tốt nhiệm vụ (HTTNV).</summary>
    Good = 2,

    /// <summary>Hoàn thành nhiệm vụ (HTNV).</summary>
    Fulfilled = 3,

    /// <summary>Không hoàn thành nhiệm vụ (KHTNV).</summary>
    NotFulfilled = 4,
}

/// <summary>Why a member or an organization in a round is "không xếp loại" (<see cref="RatingPolicy.MemberReasons"/>, <see cref="RatingPolicy.OrganizationReasons"/>).</summary>
public enum NotRatedReason
{
    /// <summary>Được miễn công tác và sinh hoạt đảng.</summary>
    Exempted = 1,

    /// <summary>Đảng viên mới kết nạp, thời gian dự bị chưa đủ số tháng của quy định.</summary>
    NewMember = 2,

    /// <summary>Nghỉ ốm, thai sản, đi học, điều trị dài ngày: thời gian công tác trong năm chưa đủ số tháng của quy định.</summary>
    LongLeave = 3,

    /// <summary>Đang bị tạm đình chỉ sinh hoạt đảng.</summary>
    Suspended = 4,

    /// <summary>Tổ chức đảng mới thành lập chưa đủ số tháng của quy định.</summary>
    NewlyFounded = 5,

    /// <summary>Tổ chức đảng giải thể, hợp nhất, sáp nhập, chia tách hoặc đang kiện toàn trong năm.</summary>
    Reorganized = 6,

    /// <summary>Lý do khác, ghi rõ.</summary>
    Other = 9,
}

/// <summary>Where a rating is in its workflow; a decided rating is locked (changes only by a <see cref="RatingEventKind.Corrected"/> event).</summary>
public enum RatingState
{
    /// <summary>Chưa đánh giá: the row exists (a cell's tally of its members, or a step returned).</summary>
    Pending = 1,

    /// <summary>Đã tự đánh giá.</summary>
    SelfAssessed = 2,

    /// <summary>Đã đề xuất mức xếp loại (chi bộ for its members and itself; a TCCSĐ for itself).</summary>
    Proposed = 3,

    /// <summary>Đã quyết định xếp loại: locked.</summary>
    Decided = 4,

    /// <summary>Đã công khai kết quả (Quy định 366-QĐ/TW: kết quả được thông báo công khai).</summary>
    Published = 5,
}

/// <summary>How the row came in: through the workflow, from an Excel file of past years, or from the generator.</summary>
public enum RatingSource
{
    Workflow = 1,
    Import = 2,
    Generated = 3,
}

public enum RoundStatus
{
    /// <summary>Đang đánh giá, xếp loại.</summary>
    Open = 1,

    /// <summary>Đã kết thúc: only corrections.</summary>
    Closed = 2,
}

/// <summary>
/// Đợt kiểm điểm, đánh giá, xếp loại of a year for a subtree (the province, or a đảng bộ trực thuộc
/// running its own): whose members and organizations are in it is decided by their membership on
/// <see cref="ReviewDate"/> (ngày chốt danh sách), under the policy version in force for the year.
/// </summary>
public sealed class RatingRound
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>The subtree's path on the review date.</summary>
    public required string SubtreePath { get; set; }

    public int Year { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly ReviewDate { get; set; }

    /// <summary>Hạn hoàn thành.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary><see cref="RatingPolicy.Version"/> of the rules the round runs under.</summary>
    public required string PolicyVersion { get; set; }

    public RoundStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Note { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The workflow fields a member's and an organization's rating share: self-assessment, proposal,
/// decision, publication. A "không xếp loại" decision has <see cref="NotRatedReason"/> and no level.
/// </summary>
public abstract class RatingBase
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int? RoundId { get; set; }
    public int Year { get; set; }
    public RatingState State { get; set; }
    public RatingSource Source { get; set; }

    public decimal? SelfScore { get; set; }
    public RatingLevel? SelfLevel { get; set; }

    /// <summary>Bản tự kiểm điểm: what the member or committee wrote, against the year's commitment and tasks.</summary>
    public string? SelfAssessment { get; set; }

    public DateOnly? SelfAssessedOn { get; set; }

    public decimal? ProposedScore { get; set; }
    public RatingLevel? ProposedLevel { get; set; }
    public NotRatedReason? ProposedNotRated { get; set; }
    public string? ProposalNote { get; set; }
    public DateOnly? ProposedOn { get; set; }

    /// <summary>The organization whose body proposed (the cell; a TCCSĐ for itself).</summary>
    public int? ProposedByOrgId { get; set; }

    /// <summary>Why a step was returned (trả lại), until it is taken again.</summary>
    public string? ReturnedReason { get; set; }

    /// <summary>The decided level; null while undecided or when not rated.</summary>
    public RatingLevel? Level { get; set; }

    public NotRatedReason? NotRatedReason { get; set; }
    public string? NotRatedNote { get; set; }
    public decimal? Score { get; set; }
    public int? DecidedByOrgId { get; set; }

    /// <summary>The deciding level as written on the decision ("Đảng ủy xã An Hòa").</summary>
    public string? DecidedBy { get; set; }

    public string? DecisionNumber { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    public bool IsDecided => State >= RatingState.Decided;
}

/// <summary>
/// A member's rating of a year. <see cref="CellId"/> and <see cref="CellPath"/> are the member's cell
/// on the round's review date (for past years, as imported): the member counts there, like a
/// <see cref="Members.MemberPeriod"/>, whatever happened to the cell or the member later.
/// </summary>
public sealed class MemberRating : RatingBase
{
    public int MemberId { get; set; }
    public int CellId { get; set; }
    public required string CellPath { get; set; }
}

/// <summary>
/// An organization's rating of a year, with its kind and path then. The row of a chi bộ also holds
/// the tally of its members' decided ratings of the year (<see cref="MembersExcellent"/> …): the
/// members series of a whole province over five years is then ~30 000 rows read instead of
/// ~650 000 (bench/RESULTS.md), kept in step by every command that decides or corrects a member in
/// the same transaction. A chi bộ's row exists (Pending) as soon as one of its members is rated.
/// </summary>
public sealed class OrgRating : RatingBase
{
    public int OrganizationId { get; set; }
    public OrgKind SubjectKind { get; set; }
    public required string SubjectPath { get; set; }

    public int MembersExcellent { get; set; }
    public int MembersGood { get; set; }
    public int MembersFulfilled { get; set; }
    public int MembersNotFulfilled { get; set; }
    public int MembersNotRated { get; set; }
}

public enum RatingSubject
{
    Member = 1,
    Organization = 2,
}

public enum RatingEventKind
{
    SelfAssessed = 1,
    Proposed = 2,
    Returned = 3,
    Decided = 4,
    Published = 5,

    /// <summary>A decided rating changed by a new decision (đính chính, xem xét lại), with its reason.</summary>
    Corrected = 6,

    Imported = 7,
}

/// <summary>One step of a rating's life: who, when, from what to what, why. A correction's reason is mandatory.</summary>
public sealed class RatingEvent
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public RatingSubject Subject { get; set; }
    public long RatingId { get; set; }
    public RatingEventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public RatingLevel? FromLevel { get; set; }
    public NotRatedReason? FromNotRated { get; set; }
    public RatingLevel? ToLevel { get; set; }
    public NotRatedReason? ToNotRated { get; set; }
    public decimal? Score { get; set; }
    public string? DecisionNumber { get; set; }
    public string? ActingBody { get; set; }
    public string? Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// Danh hiệu "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt" of a year (an emulation title, not a level):
/// the four criteria of 003:71 with their evidence; meeting quality and "no discipline" are filled
/// in from the register (<see cref="RatingQueries.FourGoodPrefillAsync"/>), the others by the committee.
/// </summary>
public sealed class FourGoodTitle
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int OrganizationId { get; set; }
    public OrgKind SubjectKind { get; set; }
    public required string SubjectPath { get; set; }
    public int Year { get; set; }

    /// <summary>Hoàn thành tốt nhiệm vụ chính trị.</summary>
    public bool PoliticalTask { get; set; }

    public string? PoliticalTaskEvidence { get; set; }

    /// <summary>Chất lượng sinh hoạt tốt.</summary>
    public bool MeetingQuality { get; set; }

    public string? MeetingQualityEvidence { get; set; }

    /// <summary>Đoàn kết, kỷ luật tốt.</summary>
    public bool UnityDiscipline { get; set; }

    public string? UnityDisciplineEvidence { get; set; }

    /// <summary>Cán bộ, đảng viên tốt.</summary>
    public bool CadresMembers { get; set; }

    public string? CadresMembersEvidence { get; set; }

    public bool Recognized { get; set; }
    public int? RecognizedByOrgId { get; set; }
    public string? RecognizedBy { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? RecognizedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    public bool AllFour => PoliticalTask && MeetingQuality && UnityDiscipline && CadresMembers;
}

/// <summary>Hình thức khen thưởng của Đảng.</summary>
public enum RewardForm
{
    /// <summary>Biểu dương.</summary>
    Praise = 1,

    /// <summary>Giấy khen.</summary>
    Certificate = 2,

    /// <summary>Bằng khen.</summary>
    MeritCertificate = 3,

    /// <summary>Cờ thi đua.</summary>
    Banner = 4,

    /// <summary>Hình thức khác (ghi rõ trong nội dung).</summary>
    Other = 9,
}

/// <summary>A reward (khen thưởng) to a member or an organization, with the deciding level and decision; the subject's path then.</summary>
public sealed class Reward
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public RatingSubject Subject { get; set; }
    public int? MemberId { get; set; }
    public int? OrganizationId { get; set; }

    /// <summary>The member's cell's or the organization's path on the decision date.</summary>
    public required string SubjectPath { get; set; }

    public int Year { get; set; }
    public RewardForm Form { get; set; }

    /// <summary>Nội dung khen thưởng ("Hoàn thành xuất sắc nhiệm vụ 5 năm liền").</summary>
    public required string Title { get; set; }

    public int? DecidedByOrgId { get; set; }
    public required string DecidedBy { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecidedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
