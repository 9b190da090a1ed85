using System.Text.Json;
using System.Text.Json.Serialization;
using ChiBo.Fees;

namespace ChiBo.Procedures;

/// <summary>
/// The party administrative procedures (thủ tục hành chính của Đảng) a member starts online: the four
/// of Quy định 338-QĐ/TW (9/7/2025), plus card reissue and a request to correct the member's record.
/// </summary>
[JsonConverter(typeof(CamelCaseEnum<ProcedureKind>))]
public enum ProcedureKind
{
    /// <summary>Đóng đảng phí trực tuyến.</summary>
    FeePayment = 1,

    /// <summary>Nhận xét của chi bộ nơi cư trú đối với đảng viên đang công tác.</summary>
    ResidenceComment = 2,

    /// <summary>Chuyển sinh hoạt đảng chính thức (trong tỉnh).</summary>
    OfficialTransfer = 3,

    /// <summary>Chuyển sinh hoạt đảng tạm thời (trong tỉnh).</summary>
    TemporaryTransfer = 4,

    /// <summary>Cấp lại thẻ đảng viên bị mất hoặc bị hỏng.</summary>
    CardReissue = 5,

    /// <summary>Đề nghị đính chính thông tin trong hồ sơ đảng viên.</summary>
    Correction = 6,
}

[JsonConverter(typeof(CamelCaseEnum<ProcedureStatus>))]
public enum ProcedureStatus
{
    /// <summary>Đang xử lý: waiting at one step.</summary>
    InProgress = 1,

    /// <summary>Hoàn thành: every step approved and the effect done.</summary>
    Completed = 2,

    /// <summary>Bị từ chối at a step, with a reason.</summary>
    Rejected = 3,

    /// <summary>Đảng viên rút hồ sơ.</summary>
    Withdrawn = 4,
}

/// <summary>What happened to a request: one line of its timeline.</summary>
[JsonConverter(typeof(CamelCaseEnum<ProcedureAction>))]
public enum ProcedureAction
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
    Withdrawn = 4,
    Completed = 5,
}

/// <summary>Which organization acts at a step, relative to the member's cell.</summary>
[JsonConverter(typeof(CamelCaseEnum<ActingLevel>))]
public enum ActingLevel
{
    /// <summary>The member's own cell (chi bộ nơi sinh hoạt).</summary>
    Cell = 1,

    /// <summary>Its base organization (tổ chức cơ sở đảng: đảng bộ cơ sở, or the chi bộ cơ sở itself).</summary>
    Base = 2,

    /// <summary>The committee directly above the base (cấp ủy cấp trên trực tiếp cơ sở: đảng ủy xã, phường, khối…).</summary>
    Superior = 3,

    /// <summary>The province (Ban Tổ chức Tỉnh ủy).</summary>
    Province = 4,

    /// <summary>The cell of the member's place of residence, chosen by the member.</summary>
    ResidenceCell = 5,
}

/// <summary>Why a party card is reissued.</summary>
[JsonConverter(typeof(CamelCaseEnum<CardLoss>))]
public enum CardLoss
{
    /// <summary>Bị mất.</summary>
    Lost = 1,

    /// <summary>Bị hỏng.</summary>
    Damaged = 2,
}

/// <summary>Enums travel as camelCase names in the JSON API ("feePayment"); numbers are read too.</summary>
public sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;

/// <summary>The Vietnamese words users read for the procedures' vocabulary.</summary>
public static class ProcedureNames
{
    public static string Of(ProcedureKind kind) => kind switch
    {
        ProcedureKind.FeePayment => "Đóng đảng phí trực tuyến",
        ProcedureKind.ResidenceComment => "Nhận xét của chi bộ nơi cư trú",
        ProcedureKind.OfficialTransfer => "Chuyển sinh hoạt đảng chính thức",
        ProcedureKind.TemporaryTransfer => "Chuyển sinh hoạt đảng tạm thời",
        ProcedureKind.CardReissue => "Cấp lại thẻ đảng viên",
        ProcedureKind.Correction => "Đề nghị đính chính thông tin",
        _ => kind.ToString(),
    };

    public static string Of(ProcedureStatus status) => status switch
    {
        ProcedureStatus.InProgress => "Đang xử lý",
        ProcedureStatus.Completed => "Hoàn thành",
        ProcedureStatus.Rejected => "Bị từ chối",
        ProcedureStatus.Withdrawn => "Đã rút",
        _ => status.ToString(),
    };

    public static string Of(ProcedureAction action) => action switch
    {
        ProcedureAction.Submitted => "Gửi hồ sơ",
        ProcedureAction.Approved => "Chấp thuận",
        ProcedureAction.Rejected => "Từ chối",
        ProcedureAction.Withdrawn => "Rút hồ sơ",
        ProcedureAction.Completed => "Hoàn thành",
        _ => action.ToString(),
    };

    public static string Of(ActingLevel level) => level switch
    {
        ActingLevel.Cell => "Chi bộ nơi sinh hoạt",
        ActingLevel.Base => "Tổ chức cơ sở đảng",
        ActingLevel.Superior => "Cấp ủy cấp trên trực tiếp cơ sở",
        ActingLevel.Province => "Tỉnh ủy (Ban Tổ chức)",
        ActingLevel.ResidenceCell => "Chi bộ nơi cư trú",
        _ => level.ToString(),
    };

    public static string Of(CardLoss loss) => loss == CardLoss.Lost ? "Bị mất" : "Bị hỏng";

    /// <summary>Đối tượng đóng đảng phí as the member's form names them.</summary>
    public static string Of(FeeGroup group) => group switch
    {
        FeeGroup.Insured => "Hưởng lương, đóng BHXH (1 % lương)",
        FeeGroup.SicknessOrMaternity => "Hưởng trợ cấp ốm đau, thai sản (1 % trợ cấp)",
        FeeGroup.Pensioner => "Hưởng lương hưu (0,5 % lương hưu)",
        FeeGroup.Student => "Học sinh, sinh viên (mức cố định)",
        FeeGroup.NoRegularWage => "Không có thu nhập thường xuyên từ lương (mức cố định)",
        _ => group.ToString(),
    };
}
