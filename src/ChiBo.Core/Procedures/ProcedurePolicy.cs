using ChiBo.Access;

namespace ChiBo.Procedures;

/// <summary>
/// One step of a procedure: what is decided, by which role, at which organization (relative to the
/// member's cell), within how many working days of the file arriving there, and where that comes from.
/// </summary>
public sealed record ProcedureStepRule(string Name, ActingLevel Level, Role Role, int WorkingDays, string Source, bool CommentRequired = false);

/// <summary>The number the last step records (letter, card, decision) and whether it may be left out.</summary>
public sealed record FinalNumber(string Label, bool Required);

/// <summary>A procedure as data: its steps in order and what its last approval produces.</summary>
public sealed record ProcedureDefinition(ProcedureKind Kind, string Source, IReadOnlyList<ProcedureStepRule> Steps, FinalNumber? Number, string Effect)
{
    public string Name => ProcedureNames.Of(Kind);
}

/// <summary>
/// The online party procedures *(configurable)*, each a small workflow defined here and nowhere else.
/// Sources: Quy định 338-QĐ/TW (9/7/2025) of the Secretariat on party administrative procedures in
/// the electronic environment (the four first put online: fee payment, residence comment, official
/// and temporary transfer; Kế hoạch 77-KH/VPTW, 11/4/2026, rolls them out nationwide); Quyết định
/// 4192-QĐ/BTCTW (12/12/2025) publishing the transfer procedures; Quy định 24-QĐ/TW (30/7/2021)
/// and Hướng dẫn 12-HD/BTCTW (2022) on transfers and party cards; Quy định 213-QĐ/TW (2/1/2020)
/// on working members and their place of residence; Quy định 01-QĐ/TW (3/2/2026) on party fees.
/// The texts at hand set who acts but, except where a step says so, no per-step time limit: those
/// marked "ChiBo" are this register's decision, kept here so a provincial rule is one edit.
/// </summary>
public static class ProcedurePolicy
{
    private const string Chosen = "ChiBo: thời hạn do hệ thống đặt, chưa có trong văn bản";

    public static readonly IReadOnlyDictionary<ProcedureKind, ProcedureDefinition> Definitions = new Dictionary<ProcedureKind, ProcedureDefinition>
    {
        [ProcedureKind.FeePayment] = new(
            ProcedureKind.FeePayment,
            "Quy định 338-QĐ/TW; Quy định 01-QĐ/TW (mức đảng phí)",
            [new("Chi ủy xác nhận đã nhận đảng phí", ActingLevel.Cell, Role.CellCommittee, 5,
                "Quy định 01-QĐ/TW: đảng viên đóng đảng phí hằng tháng cho chi bộ; thời hạn 5 ngày làm việc: " + Chosen)],
            null,
            "Ghi nhận đảng phí các tháng đã kê khai (đóng trực tuyến)"),

        [ProcedureKind.ResidenceComment] = new(
            ProcedureKind.ResidenceComment,
            "Quy định 338-QĐ/TW; Quy định 213-QĐ/TW (đảng viên đang công tác giữ mối liên hệ với nơi cư trú)",
            [new("Chi ủy nơi cư trú nhận xét đảng viên", ActingLevel.ResidenceCell, Role.CellCommittee, 10,
                "Quy định 213-QĐ/TW: chi ủy nơi cư trú nhận xét, gửi chi bộ nơi đảng viên sinh hoạt; thời hạn 10 ngày làm việc: " + Chosen,
                CommentRequired: true)],
            null,
            "Chi bộ nơi đảng viên sinh hoạt nhận được bản nhận xét"),

        [ProcedureKind.OfficialTransfer] = new(
            ProcedureKind.OfficialTransfer,
            "Quy định 338-QĐ/TW; Quyết định 4192-QĐ/BTCTW; Quy định 24-QĐ/TW điểm 8; Hướng dẫn 12-HD/BTCTW",
            TransferSteps,
            new FinalNumber("Số giấy giới thiệu sinh hoạt đảng", Required: true),
            "Cấp giấy giới thiệu chuyển sinh hoạt đảng chính thức; chi bộ nơi đến xác nhận trong 30 ngày làm việc"),

        [ProcedureKind.TemporaryTransfer] = new(
            ProcedureKind.TemporaryTransfer,
            "Quy định 338-QĐ/TW; Quy định 24-QĐ/TW điểm 8; Hướng dẫn 12-HD/BTCTW",
            TransferSteps,
            new FinalNumber("Số giấy giới thiệu sinh hoạt đảng tạm thời", Required: true),
            "Cấp giấy giới thiệu sinh hoạt đảng tạm thời; chi bộ nơi đến xác nhận trong 30 ngày làm việc"),

        [ProcedureKind.CardReissue] = new(
            ProcedureKind.CardReissue,
            "Hướng dẫn 12-HD/BTCTW (thẻ đảng viên)",
            [
                new("Chi bộ xác nhận việc mất, hỏng thẻ", ActingLevel.Cell, Role.CellCommittee, 5, Chosen),
                new("Cấp ủy cơ sở đề nghị cấp lại thẻ", ActingLevel.Base, Role.BaseCommittee, 5, Chosen),
                new("Cấp ủy cấp trên trực tiếp cơ sở xét, quyết định cấp lại thẻ", ActingLevel.Superior, Role.SuperiorCommittee, 10, Chosen),
                new("Ban Tổ chức Tỉnh ủy lập thẻ, ghi số thẻ mới", ActingLevel.Province, Role.ProvinceBoard, 20, Chosen),
            ],
            new FinalNumber("Số thẻ đảng viên mới", Required: true),
            "Ghi số thẻ đảng viên mới vào hồ sơ"),

        [ProcedureKind.Correction] = new(
            ProcedureKind.Correction,
            "Hướng dẫn 12-HD/BTCTW (quản lý hồ sơ đảng viên)",
            [
                new("Chi bộ xác nhận nội dung đề nghị đính chính", ActingLevel.Cell, Role.CellCommittee, 5, Chosen),
                new("Cấp ủy cơ sở quyết định đính chính hồ sơ", ActingLevel.Base, Role.BaseCommittee, 10, Chosen),
            ],
            new FinalNumber("Số văn bản, quyết định đính chính (nếu có)", Required: false),
            "Đính chính các trường thông tin trong hồ sơ đảng viên"),
    };

    /// <summary>
    /// Cell → base → superior committee, which issues the letter (Quy định 24-QĐ/TW point 8 and
    /// Quyết định 4192-QĐ/BTCTW: the sending organization reviews the member, completes the file and
    /// issues the introduction letter).
    /// </summary>
    private static IReadOnlyList<ProcedureStepRule> TransferSteps =>
    [
        new("Chi bộ xem xét, đề nghị chuyển sinh hoạt", ActingLevel.Cell, Role.CellCommittee, 5, Chosen),
        new("Cấp ủy cơ sở đồng ý, hoàn chỉnh hồ sơ đảng viên", ActingLevel.Base, Role.BaseCommittee, 5, Chosen),
        new("Cấp ủy cấp trên trực tiếp cơ sở cấp giấy giới thiệu", ActingLevel.Superior, Role.SuperiorCommittee, 5, Chosen),
    ];

    /// <summary>At most this many months in one online fee declaration.</summary>
    public const int MaxFeeMonths = 12;

    public static ProcedureDefinition Of(ProcedureKind kind) => Definitions[kind];

    /// <summary>When a step that reached its organization on <paramref name="arrived"/> must be done (counted in working days).</summary>
    public static DateOnly DueOn(DateOnly arrived, int workingDays) => WorkingDays.Add(arrived, workingDays);

    /// <summary>Requests of the same group cannot run side by side (a member is not on the way to two cells at once).</summary>
    public static string Group(ProcedureKind kind) => kind is ProcedureKind.OfficialTransfer or ProcedureKind.TemporaryTransfer ? "transfer" : kind.ToString();
}
