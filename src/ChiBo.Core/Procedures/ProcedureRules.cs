using System.Globalization;
using ChiBo.Access;
using ChiBo.Organizations;

namespace ChiBo.Procedures;

/// <summary>The request does not exist, or not for this caller: answered as "not found", never as "forbidden".</summary>
public sealed class ProcedureNotFoundException(int id)
    : NotFoundException(string.Create(CultureInfo.InvariantCulture, $"Không có hồ sơ thủ tục số {id} trong phạm vi của bạn."));

/// <summary>The caller may see the request but does not hold the role that must act at its step.</summary>
public sealed class ProcedureForbiddenException(string message) : ForbiddenException(message);

public sealed record RequestIsInProgress(ProcedureRequest Request, string Action) : IRule
{
    public string Field => nameof(ProcedureRequest.Status);

    public string Message => $"Chỉ {Action} hồ sơ đang xử lý; hồ sơ số {Request.Id.ToString(CultureInfo.InvariantCulture)} đã ở trạng thái \"{ProcedureNames.Of(Request.Status)}\".";

    public bool IsBroken() => Request.Status != ProcedureStatus.InProgress;
}

/// <summary>One request of a kind at a time (both transfer kinds count as one): a member is never on the way to two cells.</summary>
public sealed record NoOtherRequestInProgress(ProcedureKind Kind, int? OtherId) : IRule
{
    public string Field => nameof(ProcedureRequest.Kind);

    public string Message => $"Bạn đang có hồ sơ số {OtherId?.ToString(CultureInfo.InvariantCulture)} ({ProcedureNames.Of(Kind)}) chưa xử lý xong: hãy chờ kết quả hoặc rút hồ sơ đó trước.";

    public bool IsBroken() => OtherId is not null;
}

public sealed record FeeMonthsAreGiven(int Count, int Distinct) : IRule
{
    public string Field => nameof(ProcedureStart.Months);

    public string Message => Count == 0
        ? "Cần kê khai ít nhất một tháng đóng đảng phí."
        : Count > ProcedurePolicy.MaxFeeMonths
            ? string.Create(CultureInfo.InvariantCulture, $"Mỗi lần kê khai tối đa {ProcedurePolicy.MaxFeeMonths} tháng.")
            : "Một tháng được kê khai hai lần.";

    public bool IsBroken() => Count == 0 || Count > ProcedurePolicy.MaxFeeMonths || Distinct != Count;
}

/// <summary>A month already declared in another request that waits for the cell's confirmation.</summary>
public sealed record FeeMonthNotDeclaredTwice(FeeMonth Month, int? OtherRequest) : IRule
{
    public string Field => nameof(ProcedureStart.Months);

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Tháng {Month.Month:00}/{Month.Year} đã được kê khai trong hồ sơ số {OtherRequest} đang chờ chi bộ xác nhận.");

    public bool IsBroken() => OtherRequest is not null;
}

public sealed record FeeMonthNotBeforeAdmission(FeeMonth Month, DateOnly AdmittedOn) : IRule
{
    public string Field => nameof(ProcedureStart.Months);

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Tháng {Month.Month:00}/{Month.Year} trước ngày vào Đảng ({Rules.Date(AdmittedOn)}).");

    public bool IsBroken() => new DateOnly(Month.Year, Month.Month, 1).AddMonths(1) <= AdmittedOn;
}

public sealed record FeeGroupIsGiven(Fees.FeeGroup? Group) : IRule
{
    public string Field => nameof(ProcedureStart.FeeGroup);

    public string Message => "Cần chọn đối tượng đóng đảng phí.";

    public bool IsBroken() => Group is not { } g || !Enum.IsDefined(g);
}

/// <summary>A cell named by its code exists in the member's province and holds members.</summary>
public sealed record CellCodeIsKnown(string Field, string Label, string? Code, Organization? Cell, int ProvinceId) : IRule
{
    public string Message => string.IsNullOrWhiteSpace(Code)
        ? $"Cần nhập mã {Label}."
        : Cell is null || Cell.ProvinceId != ProvinceId
            ? $"Không có chi bộ mã \"{Code.Trim()}\" trong tỉnh."
            : $"{Cell.Name} ({Cell.Code}) không phải chi bộ đang hoạt động: {Label} phải là chi bộ cơ sở hoặc chi bộ trực thuộc.";

    public bool IsBroken() => Cell is null || Cell.ProvinceId != ProvinceId || !Cell.Kind.HoldsMembers() || Cell.DissolvedOn is not null;
}

public sealed record ResidenceCellIsElsewhere(int OwnCellId, int ResidenceCellId) : IRule
{
    public string Field => nameof(ProcedureStart.ResidenceCell);

    public string Message => "Chi bộ nơi cư trú trùng với chi bộ nơi đảng viên đang sinh hoạt: thủ tục này dành cho đảng viên sinh hoạt ở nơi công tác.";

    public bool IsBroken() => OwnCellId == ResidenceCellId;
}

public sealed record CardLossIsGiven(CardLoss? Loss) : IRule
{
    public string Field => nameof(ProcedureStart.CardLoss);

    public string Message => "Cần cho biết thẻ đảng viên bị mất hay bị hỏng.";

    public bool IsBroken() => Loss is not { } l || !Enum.IsDefined(l);
}

public sealed record CorrectionsAreGiven(int Count) : IRule
{
    public string Field => nameof(ProcedureStart.Corrections);

    public string Message => "Cần nêu ít nhất một thông tin đề nghị đính chính.";

    public bool IsBroken() => Count == 0;
}

public sealed record CorrectionFieldIsKnown(string? Name, CorrectableField? Known) : IRule
{
    public string Field => nameof(ProcedureStart.Corrections);

    public string Message => $"Không đính chính được trường \"{Name}\"; các trường được đề nghị: {string.Join(", ", CorrectableFields.All.Select(f => $"{f.Name} ({f.Label})"))}.";

    public bool IsBroken() => Known is null;
}

public sealed record CorrectionValueIsValid(CorrectableField Correctable, string? Value, bool Parsed) : IRule
{
    public string Field => nameof(ProcedureStart.Corrections);

    public string Message => (Value?.Trim().Length ?? 0) > Correctable.MaxLength
        ? string.Create(CultureInfo.InvariantCulture, $"{Correctable.Label}: tối đa {Correctable.MaxLength} ký tự.")
        : $"{Correctable.Label}: \"{Value}\" không hợp lệ, cần {Correctable.Expected}.";

    public bool IsBroken() => !Parsed || (Value?.Trim().Length ?? 0) > Correctable.MaxLength;
}

public sealed record CorrectionChangesTheValue(CorrectableField Correctable, string? Before, string? After) : IRule
{
    public string Field => nameof(ProcedureStart.Corrections);

    public string Message => $"{Correctable.Label} trong hồ sơ đã là \"{Before}\".";

    public bool IsBroken() => string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>The field is named once in a request.</summary>
public sealed record CorrectionFieldsAreDistinct(int Count, int Distinct) : IRule
{
    public string Field => nameof(ProcedureStart.Corrections);

    public string Message => "Một trường thông tin được nêu hai lần.";

    public bool IsBroken() => Count != Distinct;
}

/// <summary>
/// The rules every approval and rejection goes through: the caller holds the step's role on a
/// subtree that contains the step's organization (a committee acts for its own organization and
/// those under it; another role or another place is refused), and the request is not the caller's own.
/// </summary>
public static class ProcedureAccess
{
    public static bool HoldsStepRole(OrgScope caller, ProcedureRequest r) =>
        r.StepRole is { } role && r.StepOrgPath is { } path
        && caller.Roles.Any(g => g.Role == role && OrgScope.Covers(g.Subtree, new Subtree(r.ProvinceId, path)));

    /// <summary>A committee member does not decide on their own request: another member of the committee does.</summary>
    public static bool IsOwnRequest(OrgScope caller, ProcedureRequest r) => caller.MemberId == r.MemberId;

    public const string OwnRequest = "Bạn không tự xử lý hồ sơ thủ tục của chính mình: việc này do đồng chí khác trong cấp ủy thực hiện.";

    /// <summary>The Vietnamese refusal naming who must act.</summary>
    public static string WrongActor(PlannedStep step) =>
        $"Bước \"{step.Name}\" do {Roles.VietnameseOf(step.Role)} của {step.OrganizationName} thực hiện; tài khoản của bạn không giữ vai trò đó ở tổ chức này.";
}

/// <summary>A text the caller typed fits its column.</summary>
public sealed record TextFits(string Field, string Label, string? Value, int MaxLength) : IRule
{
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Label} tối đa {MaxLength} ký tự.");

    public bool IsBroken() => (Value?.Length ?? 0) > MaxLength;
}
