namespace ChiBo.Discipline;

/// <summary>Who a case or a decision is about.</summary>
public enum DisciplineSubject
{
    /// <summary>Đảng viên.</summary>
    Member = 1,

    /// <summary>Tổ chức đảng.</summary>
    Organization = 2,
}

/// <summary>Hình thức kỷ luật (Điều lệ Đảng, Điều 35): the first four for members, khiển trách, cảnh cáo and giải tán for organizations.</summary>
public enum DisciplineForm
{
    /// <summary>Khiển trách.</summary>
    Reprimand = 1,

    /// <summary>Cảnh cáo.</summary>
    Warning = 2,

    /// <summary>Cách chức (a member who holds a post in the Party).</summary>
    Dismissal = 3,

    /// <summary>Khai trừ: the member leaves the Party.</summary>
    Expulsion = 4,

    /// <summary>Giải tán: the organization is dissolved.</summary>
    Dissolution = 5,
}

/// <summary>The body of a level that decides or inspects (cấp quyết định).</summary>
public enum DecidingBody
{
    /// <summary>Chi bộ (the cell's meeting).</summary>
    Cell = 1,

    /// <summary>Cấp ủy (Ban Chấp hành đảng bộ: đảng ủy, tỉnh ủy).</summary>
    Committee = 2,

    /// <summary>Ban Thường vụ cấp ủy.</summary>
    StandingCommittee = 3,

    /// <summary>Ủy ban Kiểm tra.</summary>
    InspectionCommission = 4,

    /// <summary>Trung ương (Ban Chấp hành, Bộ Chính trị, Ban Bí thư, Ủy ban Kiểm tra Trung ương): no organization of the register.</summary>
    Central = 5,
}

/// <summary>Kinds of inspection and supervision (Điều lệ Đảng, Điều 30–32; Quy định 22-QĐ/TW).</summary>
public enum InspectionKind
{
    /// <summary>Kiểm tra khi có dấu hiệu vi phạm.</summary>
    ViolationSigns = 1,

    /// <summary>Giám sát chuyên đề.</summary>
    ThematicSupervision = 2,

    /// <summary>Giải quyết tố cáo.</summary>
    Accusation = 3,

    /// <summary>Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật đảng (of an organization).</summary>
    DisciplineWork = 4,

    /// <summary>Kiểm tra tài chính đảng (of an organization).</summary>
    Finance = 5,
}

/// <summary>Kết luận of an inspection or supervision.</summary>
public enum CaseConclusion
{
    /// <summary>Không có vi phạm (không phát hiện dấu hiệu vi phạm).</summary>
    NoViolation = 1,

    /// <summary>Có vi phạm, khuyết điểm nhưng chưa đến mức phải xem xét kỷ luật.</summary>
    ViolationNoDiscipline = 2,

    /// <summary>Vi phạm đến mức phải xem xét, thi hành kỷ luật.</summary>
    DisciplineWarranted = 3,
}

/// <summary>Kết quả giải quyết khiếu nại kỷ luật.</summary>
public enum AppealOutcome
{
    /// <summary>Giữ nguyên hình thức kỷ luật.</summary>
    Upheld = 1,

    /// <summary>Thay đổi hình thức kỷ luật.</summary>
    Changed = 2,

    /// <summary>Xóa bỏ hình thức kỷ luật.</summary>
    Annulled = 3,
}

/// <summary>
/// A case of inspection or supervision (vụ kiểm tra, giám sát) on one member or one organization:
/// who inspects (the level's body), from which decision and date, and the findings (kết luận).
/// <see cref="SubjectPath"/> is the member's cell's or the organization's path when the case opened.
/// </summary>
public sealed class InspectionCase
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public InspectionKind Kind { get; set; }
    public DisciplineSubject Subject { get; set; }
    public int? MemberId { get; set; }
    public int? OrganizationId { get; set; }
    public required string SubjectPath { get; set; }

    /// <summary>The organization whose body inspects; null for the central level.</summary>
    public int? InspectingOrgId { get; set; }

    public DecidingBody InspectingBody { get; set; }

    /// <summary>Số quyết định (or kế hoạch) kiểm tra, giám sát.</summary>
    public required string DecisionNumber { get; set; }

    public DateOnly OpenedOn { get; set; }

    /// <summary>Thời hạn kết thúc as the decision sets it.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Nội dung kiểm tra, giám sát.</summary>
    public required string Content { get; set; }

    public DateOnly? ConcludedOn { get; set; }
    public CaseConclusion? Conclusion { get; set; }

    /// <summary>Kết luận in words: what was found.</summary>
    public string? Findings { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>
/// A discipline decision (quyết định thi hành kỷ luật). <see cref="SubjectPath"/> is the path the
/// member's cell, or the organization, had on <see cref="DecidedOn"/>: the movements report counts
/// decisions by that path and date, like member events. <see cref="Form"/> is the form in force
/// (after any appeal); <see cref="Annulled"/> when an appeal took it away, and it is then not counted.
/// </summary>
public sealed class DisciplineDecision
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public DisciplineSubject Subject { get; set; }
    public int? MemberId { get; set; }
    public int? OrganizationId { get; set; }
    public required string SubjectPath { get; set; }

    /// <summary>The member's cell on the decision date (members only).</summary>
    public int? CellId { get; set; }

    /// <summary>The case (kiểm tra) the decision came from, if any.</summary>
    public int? CaseId { get; set; }

    public DisciplineForm Form { get; set; }

    /// <summary>The form first decided, before any appeal changed it.</summary>
    public DisciplineForm OriginalForm { get; set; }

    /// <summary>Chức vụ bị cách (cách chức only).</summary>
    public string? Position { get; set; }

    public required string DecisionNumber { get; set; }
    public DateOnly DecidedOn { get; set; }

    /// <summary>Ngày nhận quyết định: the appeal window runs from it.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The organization whose body decided; null for the central level.</summary>
    public int? DecidingOrgId { get; set; }

    public DecidingBody DecidingBody { get; set; }

    /// <summary>Nội dung vi phạm, lý do kỷ luật.</summary>
    public required string Reason { get; set; }

    /// <summary>When the violation happened, for the limitation period (thời hiệu).</summary>
    public DateOnly? ViolationOn { get; set; }

    public bool Annulled { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>An appeal (khiếu nại kỷ luật) against a decision, to a higher level, and its outcome once resolved.</summary>
public sealed class DisciplineAppeal
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int DecisionId { get; set; }
    public DateOnly FiledOn { get; set; }

    /// <summary>Nội dung khiếu nại.</summary>
    public string? Content { get; set; }

    /// <summary>The level that resolves it; null for the central level.</summary>
    public int? ResolvingOrgId { get; set; }

    public DecidingBody ResolvingBody { get; set; }

    /// <summary>Hạn giải quyết (<see cref="DisciplinePolicy.ResolutionDays"/> working days from filing).</summary>
    public DateOnly DueOn { get; set; }

    public AppealOutcome? Outcome { get; set; }

    /// <summary>The form before this appeal (the one complained about).</summary>
    public DisciplineForm FormBefore { get; set; }

    /// <summary>The form decided on appeal (thay đổi only).</summary>
    public DisciplineForm? NewForm { get; set; }

    public DateOnly? ResolvedOn { get; set; }
    public string? ResolutionNumber { get; set; }
    public string? ResolutionReason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}
