namespace ChiBo.Cadres;

/// <summary>Trình độ tin học.</summary>
public enum ItQualification
{
    None = 0,

    /// <summary>Chuẩn kỹ năng sử dụng công nghệ thông tin cơ bản.</summary>
    Basic = 1,

    /// <summary>Chuẩn kỹ năng sử dụng công nghệ thông tin nâng cao.</summary>
    Advanced = 2,

    /// <summary>Trung cấp trở lên chuyên ngành công nghệ thông tin.</summary>
    Degree = 3,
}

/// <summary>
/// What cadre work needs beyond the member record (hồ sơ cán bộ): IT qualification, the posts a
/// person holds outside the party (the concurrency the plans ask for: a secretary who chairs the
/// People's Council, a cell secretary who is the village head), and where village-cell secretaries
/// come from (002:467: cán bộ hưu trí, cựu chiến binh, cựu quân nhân). Civil-service grade,
/// science-technology background and degrees stay on the member record, where they are kept.
/// </summary>
public sealed class CadreProfile
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }
    public ItQualification It { get; set; }

    /// <summary>Chức vụ chính quyền: "Chủ tịch UBND xã", "Phó Chủ tịch HĐND xã"…</summary>
    public string? GovernmentPost { get; set; }

    /// <summary>Chức vụ Mặt trận, đoàn thể: "Chủ tịch Ủy ban MTTQ xã", "Trưởng ban công tác Mặt trận ấp"…</summary>
    public string? FrontPost { get; set; }

    /// <summary>Chức danh ở thôn, tổ dân phố: "Trưởng ấp", "Tổ trưởng tổ dân phố".</summary>
    public string? VillagePost { get; set; }

    /// <summary>Cán bộ hưu trí.</summary>
    public bool RetiredCadre { get; set; }

    /// <summary>Cựu chiến binh, cựu quân nhân.</summary>
    public bool Veteran { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Diện cán bộ do cấp ủy quản lý (Quy định 80-QĐ/TW, phân cấp quản lý cán bộ): the cadres a
/// committee manages. Only the province and the committees directly under it hold one; its
/// cadres' files and evaluations are seen by that committee and the province board alone.
/// </summary>
public sealed class ManagementPool
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The managing committee's organization (Đảng bộ tỉnh or a đảng bộ trực thuộc).</summary>
    public int OrganizationId { get; set; }

    public required string Name { get; set; }
    public int Version { get; set; }
}

/// <summary>A cadre in a management pool over [ValidFrom, ValidTo), with the post that puts them there.</summary>
public sealed class ManagementPoolEntry
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PoolId { get; set; }
    public int MemberId { get; set; }
    public required string Post { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
}

/// <summary>Quy hoạch: candidates for one title of one committee for a coming term.</summary>
public sealed class PlanningPool
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The organization whose committee the pool plans for.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The committee that approves and keeps the pool: the province or the đảng bộ trực thuộc above.</summary>
    public int ManagingOrgId { get; set; }

    public CommitteePosition Title { get; set; }

    /// <summary>First and last year of the term planned for (quy hoạch nhiệm kỳ 2030–2035).</summary>
    public int TermFrom { get; set; }

    public int TermTo { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public string? DecisionNumber { get; set; }
    public int Version { get; set; }
}

/// <summary>A candidate in a planning pool; <see cref="RemovedOn"/> when taken out of it (đưa ra khỏi quy hoạch).</summary>
public sealed class PlanningEntry
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PoolId { get; set; }
    public int MemberId { get; set; }
    public DateOnly AddedOn { get; set; }
    public DateOnly? RemovedOn { get; set; }
    public string? RemovalReason { get; set; }
}

public enum RotationKind
{
    /// <summary>Luân chuyển: to train a cadre in another place or post.</summary>
    Rotation = 1,

    /// <summary>Điều động: by the needs of the work.</summary>
    Transfer = 2,

    /// <summary>Biệt phái: for a fixed time, keeping the post at home.</summary>
    Secondment = 3,
}

/// <summary>Luân chuyển, điều động, biệt phái a cadre: from where and what, to where and what, for how long, on which decision.</summary>
public sealed class Rotation
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The committee that decided (the province or a đảng bộ trực thuộc); it and the province board see the rotation.</summary>
    public int ManagingOrgId { get; set; }

    public int MemberId { get; set; }
    public RotationKind Kind { get; set; }
    public int FromOrgId { get; set; }
    public required string FromPost { get; set; }
    public int ToOrgId { get; set; }
    public required string ToPost { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? PlannedEndOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public required string DecisionNumber { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }
}

public enum TrainingKind
{
    /// <summary>Sơ cấp lý luận chính trị.</summary>
    TheoryElementary = 1,

    /// <summary>Trung cấp lý luận chính trị.</summary>
    TheoryIntermediate = 2,

    /// <summary>Cao cấp lý luận chính trị.</summary>
    TheoryAdvanced = 3,

    /// <summary>Bồi dưỡng nghiệp vụ công tác Đảng.</summary>
    PartyWork = 4,

    /// <summary>Cập nhật kiến thức.</summary>
    KnowledgeUpdate = 5,

    /// <summary>Quản lý nhà nước.</summary>
    StateManagement = 6,

    /// <summary>Tin học, chuyển đổi số.</summary>
    InformationTechnology = 7,

    /// <summary>Bồi dưỡng nhận thức về Đảng.</summary>
    PartyAwareness = 8,

    /// <summary>Chương trình bồi dưỡng đảng viên mới.</summary>
    NewMember = 9,

    Other = 99,
}

/// <summary>A training course (lớp đào tạo, bồi dưỡng) organized or recorded by a managing committee.</summary>
public sealed class TrainingCourse
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>The committee that organizes or records it (the province or a đảng bộ trực thuộc).</summary>
    public int OrganizerId { get; set; }

    public TrainingKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Cơ sở đào tạo: "Trường Chính trị tỉnh", "Trung tâm chính trị xã"…</summary>
    public string? Provider { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Version { get; set; }
}

/// <summary>Who attended a course: a member of the register, or someone outside it by name; completion and certificate.</summary>
public sealed class TrainingRecord
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int CourseId { get; set; }
    public int? MemberId { get; set; }
    public required string FullName { get; set; }
    public bool Completed { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CertificateNumber { get; set; }
}
