using ChiBo.Organizations;

namespace ChiBo.Members;

/// <summary>
/// A party member's record (hồ sơ đảng viên, Mẫu 2-HSĐV) as it is now. What reports count
/// "as of" a date comes from <see cref="MemberPeriod"/>; how it got here, from <see cref="MemberEvent"/>.
/// </summary>
public sealed class Member
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>Full name in NFC.</summary>
    public required string FullName { get; set; }

    /// <summary>The name folded for search: lower case, no diacritics, đ → d.</summary>
    public required string SearchName { get; set; }

    public string? OtherNames { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? BirthPlace { get; set; }

    /// <summary>Quê quán.</summary>
    public string? HomeTown { get; set; }

    public string? Residence { get; set; }

    /// <summary>Căn cước công dân, 12 digits.</summary>
    public string? Cccd { get; set; }

    /// <summary>Code in <see cref="Ethnicities"/>.</summary>
    public int Ethnicity { get; set; } = Ethnicities.Kinh;

    public Religion Religion { get; set; }
    public string? Occupation { get; set; }
    public string? Workplace { get; set; }
    public string? Position { get; set; }
    public GeneralEducation GeneralEducation { get; set; } = GeneralEducation.UpperSecondary;
    public ProfessionalLevel Professional { get; set; }
    public string? ProfessionalField { get; set; }

    /// <summary>Has an IT or science-technology qualification.</summary>
    public bool ScienceTechnology { get; set; }

    public PoliticalTheory PoliticalTheory { get; set; }
    public string? ForeignLanguage { get; set; }
    public CivilServiceGrade CivilServiceGrade { get; set; }

    /// <summary>Đoàn viên Đoàn TNCS Hồ Chí Minh.</summary>
    public bool YouthUnion { get; set; }

    /// <summary>Works in an enterprise.</summary>
    public bool Enterprise { get; set; }

    public bool Retired { get; set; }
    public string? PartyCardNumber { get; set; }

    /// <summary>Ngày cấp (hoặc cấp lại) thẻ đảng viên mang số <see cref="PartyCardNumber"/>; null when not recorded.</summary>
    public DateOnly? PartyCardIssuedOn { get; set; }

    /// <summary>Ngày vào Đảng (kết nạp).</summary>
    public DateOnly AdmittedOn { get; set; }

    /// <summary>Ngày chính thức; null while probationary.</summary>
    public DateOnly? OfficialOn { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>Why the member is exempted now (tuổi cao / sức khỏe); null unless <see cref="MemberStatus.Exempted"/>.</summary>
    public ExemptionGround? ExemptionGround { get; set; }

    /// <summary>Ngày xem xét lại the current exemption; null unless exempted (or none was set).</summary>
    public DateOnly? ExemptionReviewOn { get; set; }

    /// <summary>The cell (chi bộ) now, or the last one for a member who has left.</summary>
    public int CellId { get; set; }

    public Organization? Cell { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>
/// One stretch [ValidFrom, ValidTo) of a member's membership in one cell with the same reportable
/// attributes. Derived from events in the same transaction; a report "as of D" reads the rows
/// valid at D in one indexed range of <see cref="CellPath"/>.
/// </summary>
public sealed class MemberPeriod
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Exclusive end; <see cref="Dates.OpenEnd"/> while current.</summary>
    public DateOnly ValidTo { get; set; }

    public int CellId { get; set; }

    /// <summary>The cell's path during the period.</summary>
    public required string CellPath { get; set; }

    /// <summary>Probationary before this date, official from it; null while still probationary.</summary>
    public DateOnly? OfficialOn { get; set; }

    public bool Exempted { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public bool Minority { get; set; }
    public bool Religious { get; set; }
    public GeneralEducation GeneralEducation { get; set; }
    public ProfessionalLevel Professional { get; set; }
    public PoliticalTheory PoliticalTheory { get; set; }
    public bool Enterprise { get; set; }
    public bool YouthUnion { get; set; }
    public bool Retired { get; set; }

    public static MemberPeriod Open(Member member, Organization cell, DateOnly from) => new()
    {
        ProvinceId = member.ProvinceId,
        MemberId = member.Id,
        ValidFrom = from,
        ValidTo = Dates.OpenEnd,
        CellId = cell.Id,
        CellPath = cell.Path,
        OfficialOn = member.OfficialOn,
        Exempted = member.Status == MemberStatus.Exempted,
        Gender = member.Gender,
        BirthDate = member.BirthDate,
        Minority = member.Ethnicity != Ethnicities.Kinh,
        Religious = member.Religion != Religion.None,
        GeneralEducation = member.GeneralEducation,
        Professional = member.Professional,
        PoliticalTheory = member.PoliticalTheory,
        Enterprise = member.Enterprise,
        YouthUnion = member.YouthUnion,
        Retired = member.Retired,
    };
}

/// <summary>What happened to a member (DOMAIN.md §3–4).</summary>
public enum MemberEventKind
{
    /// <summary>Kết nạp.</summary>
    Admitted = 1,

    /// <summary>Công nhận đảng viên chính thức.</summary>
    RecognizedOfficial = 2,

    /// <summary>Chuyển sinh hoạt đến từ tỉnh khác.</summary>
    TransferredIn = 3,

    /// <summary>Chuyển sinh hoạt đi tỉnh khác.</summary>
    TransferredOut = 4,

    /// <summary>Chuyển sinh hoạt giữa hai chi bộ trong tỉnh.</summary>
    MovedCell = 5,

    /// <summary>Miễn công tác và sinh hoạt đảng.</summary>
    Exempted = 6,

    /// <summary>Hết miễn sinh hoạt.</summary>
    ExemptionEnded = 7,

    /// <summary>Xóa tên.</summary>
    StruckOff = 8,

    /// <summary>Cho ra khỏi Đảng.</summary>
    Removed = 9,

    /// <summary>Khai trừ.</summary>
    Expelled = 10,

    /// <summary>Từ trần.</summary>
    Died = 11,

    /// <summary>Đính chính thông tin (retroactive).</summary>
    FieldCorrected = 12,

    /// <summary>Thay đổi thông tin từ một ngày (e.g. a new degree).</summary>
    AttributesChanged = 13,

    /// <summary>Tạo hồ sơ từ dữ liệu cũ (import).</summary>
    Registered = 14,

    /// <summary>Cấp lại thẻ đảng viên (bị mất, bị hỏng): Details says old → new number.</summary>
    CardReissued = 15,

    /// <summary>Thi hành kỷ luật (khiển trách, cảnh cáo, cách chức); khai trừ is <see cref="Expelled"/>. Seen only with Discipline.Read.</summary>
    Disciplined = 20,

    /// <summary>Giải quyết khiếu nại kỷ luật: giữ nguyên, thay đổi hoặc xóa bỏ hình thức. Seen only with Discipline.Read.</summary>
    DisciplineReviewed = 21,

    /// <summary>Khôi phục đảng tịch: a khai trừ lifted on appeal; membership runs on as if unbroken.</summary>
    Reinstated = 22,
}

/// <summary>Lý do miễn công tác và sinh hoạt đảng (<see cref="ExemptionPolicy"/>).</summary>
public enum ExemptionGround
{
    /// <summary>Tuổi cao.</summary>
    Age = 1,

    /// <summary>Sức khỏe yếu, ốm đau, điều trị dài ngày.</summary>
    Health = 2,
}

/// <summary>One event on a member's timeline with who, when, why and the decision number.</summary>
public sealed class MemberEvent
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }
    public MemberEventKind Kind { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The member's cell at the event (for leaving events, the cell left).</summary>
    public int CellId { get; set; }

    /// <summary>That cell's path then, so period counts for a subtree are one indexed range.</summary>
    public required string CellPath { get; set; }

    public int? OtherCellId { get; set; }

    /// <summary>For corrections and changes: "Field: before → after" lines.</summary>
    public string? Details { get; set; }

    public string? DecisionNumber { get; set; }

    /// <summary>Cấp quyết định: the committee that decided ("Đảng ủy xã An Hòa"), when one did.</summary>
    public string? DecidedBy { get; set; }

    public string? Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
