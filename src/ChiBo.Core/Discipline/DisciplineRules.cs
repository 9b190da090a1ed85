using ChiBo.Organizations;

namespace ChiBo.Discipline;

/// <summary>A case or a decision is about one member or one organization, never both or neither.</summary>
public sealed record OneSubjectIsNamed(int? MemberId, int? OrganizationId) : IRule
{
    public string Field => "MemberId";

    public string Message => "Cần chọn một đảng viên hoặc một tổ chức đảng (không chọn cả hai).";

    public bool IsBroken() => MemberId is null == OrganizationId is null;
}

public sealed record TextIsGiven(string Field, string Label, string? Value) : IRule
{
    public string Message => $"{Label} không được để trống.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Value);
}

/// <summary>A probationary member is only reprimanded or warned; members are not dissolved, organizations not expelled.</summary>
public sealed record FormFitsTheSubject(DisciplineSubject Subject, bool Probationary, DisciplineForm Form) : IRule
{
    public string Field => "Form";

    public string Message => Subject == DisciplineSubject.Organization
        ? $"Tổ chức đảng chỉ bị kỷ luật khiển trách, cảnh cáo hoặc giải tán, không phải {DisciplineNames.Of(Form).ToLowerInvariant()}."
        : Probationary
            ? $"Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo (Quy định 69-QĐ/TW); nếu không còn đủ tư cách thì xóa tên, không {DisciplineNames.Of(Form).ToLowerInvariant()}."
            : $"Đảng viên bị kỷ luật khiển trách, cảnh cáo, cách chức hoặc khai trừ, không phải {DisciplineNames.Of(Form).ToLowerInvariant()}.";

    public bool IsBroken() => !DisciplinePolicy.FormsFor(Subject, Probationary).Contains(Form);
}

/// <summary>Thẩm quyền: the level and body may decide this form for this kind of subject.</summary>
public sealed record LevelMayDecideTheForm(DisciplinePolicy Policy, DisciplineSubject Subject, DisciplineLevel Level, DecidingBody Body, string LevelName, DisciplineForm Form, string Field = "DecidingBody") : IRule
{
    public string Message
    {
        get
        {
            var allowed = Policy.FormsDecidedBy(Subject, Level, Body);
            var what = Subject == DisciplineSubject.Member ? "đảng viên" : "tổ chức đảng";
            return allowed.Count == 0
                ? $"{LevelName} không có thẩm quyền thi hành kỷ luật {what} (Điều lệ Đảng, Điều 36–38)."
                : $"{LevelName} chỉ có thẩm quyền quyết định {string.Join(", ", allowed.Select(f => DisciplineNames.Of(f).ToLowerInvariant()))} đối với {what}, không quyết định {DisciplineNames.Of(Form).ToLowerInvariant()} (Điều lệ Đảng, Điều 36–38).";
        }
    }

    public bool IsBroken() => !Policy.FormsDecidedBy(Subject, Level, Body).Contains(Form);
}

/// <summary>
/// The deciding (or inspecting) level stands over the subject: for a member, their cell or an
/// organization above it (a cell's own meeting only for its members); for an organization, an
/// organization above it.
/// </summary>
public sealed record LevelIsAboveTheSubject(DisciplineSubject Subject, string? LevelPath, DecidingBody Body, string SubjectPath, string LevelName, string Field = "DecidingOrgId") : IRule
{
    public string Message => Subject == DisciplineSubject.Member
        ? Body == DecidingBody.Cell
            ? $"{LevelName} không phải chi bộ nơi đảng viên sinh hoạt."
            : $"{LevelName} không phải cấp ủy cấp trên của chi bộ nơi đảng viên sinh hoạt."
        : $"{LevelName} không phải cấp trên của tổ chức đảng này.";

    public bool IsBroken()
    {
        if (LevelPath is null)
        {
            return false; // the centre stands over everyone
        }

        if (Subject == DisciplineSubject.Member)
        {
            return Body == DecidingBody.Cell ? LevelPath != SubjectPath : !SubjectPath.StartsWith(LevelPath, StringComparison.Ordinal);
        }

        return LevelPath == SubjectPath || !SubjectPath.StartsWith(LevelPath, StringComparison.Ordinal);
    }
}

/// <summary>Giải tán: proposed by the committee directly above, decided by the committee one level higher still (Điều lệ Đảng, Điều 38).</summary>
public sealed record DissolutionIsDecidedTwoLevelsUp(DisciplineForm Form, int? DecidingDepth, int SubjectDepth) : IRule
{
    public string Field => "DecidingOrgId";

    public string Message => "Kỷ luật giải tán tổ chức đảng do cấp ủy cấp trên trực tiếp đề nghị, cấp ủy cấp trên cách một cấp quyết định.";

    public bool IsBroken() => Form == DisciplineForm.Dissolution && DecidingDepth is { } d && d > SubjectDepth - 2;
}

/// <summary>Cách chức takes away a post: the decision names it.</summary>
public sealed record DismissalNamesThePost(DisciplineForm Form, string? Position) : IRule
{
    public string Field => "Position";

    public string Message => "Kỷ luật cách chức cần ghi rõ chức vụ bị cách (ví dụ: Ủy viên Ban Chấp hành Đảng bộ xã).";

    public bool IsBroken() => Form == DisciplineForm.Dismissal && string.IsNullOrWhiteSpace(Position);
}

/// <summary>Thời hiệu kỷ luật (Quy định 69-QĐ/TW): a violation older than the limit for its form is no longer disciplined.</summary>
public sealed record WithinTheLimitationPeriod(DisciplinePolicy Policy, DisciplineSubject Subject, DisciplineForm Form, DateOnly? ViolationOn, DateOnly DecidedOn) : IRule
{
    public string Field => "ViolationOn";

    public string Message =>
        $"Đã hết thời hiệu kỷ luật {DisciplineNames.Of(Form).ToLowerInvariant()} ({Policy.LimitationYears(Subject, Form)} năm kể từ ngày vi phạm {Rules.Date(ViolationOn ?? DecidedOn)}; Quy định 69-QĐ/TW).";

    public bool IsBroken() => ViolationOn is { } v && Policy.LimitationYears(Subject, Form) is { } years && v.AddYears(years) < DecidedOn;
}

public sealed record ViolationIsBeforeTheDecision(DateOnly? ViolationOn, DateOnly DecidedOn) : IRule
{
    public string Field => "ViolationOn";

    public string Message => $"Ngày vi phạm ({Rules.Date(ViolationOn ?? DecidedOn)}) phải trước ngày quyết định kỷ luật ({Rules.Date(DecidedOn)}).";

    public bool IsBroken() => ViolationOn is { } v && v > DecidedOn;
}

/// <summary>The decision is received on or after the day it is made.</summary>
public sealed record ReceivedAfterDecided(DateOnly ReceivedOn, DateOnly DecidedOn) : IRule
{
    public string Field => "ReceivedOn";

    public string Message => $"Ngày nhận quyết định ({Rules.Date(ReceivedOn)}) trước ngày quyết định ({Rules.Date(DecidedOn)}).";

    public bool IsBroken() => ReceivedOn < DecidedOn;
}

/// <summary>A member is disciplined for what they did as a member: the decision falls while they were in the Party here.</summary>
public sealed record MemberWasInThePartyThen(string FullName, DateOnly Date, bool InParty, string Field = "DecidedOn") : IRule
{
    public string Message => $"Ngày {Rules.Date(Date)} đảng viên {FullName} không sinh hoạt ở chi bộ nào trong tỉnh.";

    public bool IsBroken() => !InParty;
}

/// <summary>An organization is disciplined while it exists.</summary>
public sealed record OrganizationExistedThen(Organization Org, DateOnly Date, bool Existed, string Field = "DecidedOn") : IRule
{
    public string Message => $"Ngày {Rules.Date(Date)} {Org.Name} chưa thành lập hoặc đã giải thể.";

    public bool IsBroken() => !Existed;
}

public sealed record InspectionKindFitsTheSubject(DisciplineSubject Subject, InspectionKind Kind) : IRule
{
    public string Field => "Kind";

    public string Message => $"\"{DisciplineNames.Of(Kind)}\" chỉ áp dụng với tổ chức đảng, không với đảng viên.";

    public bool IsBroken() => !DisciplinePolicy.KindsFor(Subject).Contains(Kind);
}

/// <summary>A cell does not inspect organizations; a đảng bộ bộ phận does not inspect at all.</summary>
public sealed record LevelMayInspect(DisciplineSubject Subject, DisciplineLevel Level, DecidingBody Body, string LevelName) : IRule
{
    public string Field => "InspectingBody";

    public string Message => $"{LevelName} không tiến hành kiểm tra, giám sát {(Subject == DisciplineSubject.Member ? "đảng viên" : "tổ chức đảng")} (Điều lệ Đảng, Điều 30, 32).";

    public bool IsBroken() => Level == DisciplineLevel.Section
        || (Body == DecidingBody.Cell && (Subject == DisciplineSubject.Organization || Level != DisciplineLevel.Cell))
        || (Level == DisciplineLevel.Cell && Body != DecidingBody.Cell);
}

public sealed record DueDateAfterOpening(DateOnly OpenedOn, DateOnly? DueOn) : IRule
{
    public string Field => "DueOn";

    public string Message => $"Thời hạn kết thúc ({Rules.Date(DueOn ?? OpenedOn)}) phải sau ngày bắt đầu ({Rules.Date(OpenedOn)}).";

    public bool IsBroken() => DueOn is { } d && d < OpenedOn;
}

public sealed record CaseIsOpen(InspectionCase Case) : IRule
{
    public string Field => "CaseId";

    public string Message => $"Vụ kiểm tra số {Case.DecisionNumber} đã có kết luận ngày {Rules.Date(Case.ConcludedOn ?? Case.OpenedOn)}.";

    public bool IsBroken() => Case.ConcludedOn is not null;
}

public sealed record ConclusionNotBeforeOpening(DateOnly OpenedOn, DateOnly ConcludedOn) : IRule
{
    public string Field => "ConcludedOn";

    public string Message => $"Ngày kết luận ({Rules.Date(ConcludedOn)}) trước ngày bắt đầu kiểm tra ({Rules.Date(OpenedOn)}).";

    public bool IsBroken() => ConcludedOn < OpenedOn;
}

/// <summary>A decision that follows a case: the same subject, after its findings, which call for discipline.</summary>
public sealed record DecisionFollowsTheCase(InspectionCase Case, DisciplineSubject Subject, int? MemberId, int? OrganizationId, DateOnly DecidedOn) : IRule
{
    public string Field => "CaseId";

    public string Message =>
        Case.Subject != Subject || Case.MemberId != MemberId || Case.OrganizationId != OrganizationId
            ? $"Vụ kiểm tra số {Case.DecisionNumber} không phải về đối tượng này."
            : Case.ConcludedOn is not { } concluded
                ? $"Vụ kiểm tra số {Case.DecisionNumber} chưa có kết luận."
                : Case.Conclusion != CaseConclusion.DisciplineWarranted
                    ? $"Kết luận vụ kiểm tra số {Case.DecisionNumber} là \"{DisciplineNames.Of(Case.Conclusion!.Value)}\": không đề nghị kỷ luật."
                    : $"Quyết định kỷ luật ({Rules.Date(DecidedOn)}) trước ngày kết luận kiểm tra ({Rules.Date(concluded)}).";

    public bool IsBroken() =>
        Case.Subject != Subject || Case.MemberId != MemberId || Case.OrganizationId != OrganizationId
        || Case.ConcludedOn is not { } concluded || Case.Conclusion != CaseConclusion.DisciplineWarranted || DecidedOn < concluded;
}

public sealed record DecisionStands(DisciplineDecision Decision) : IRule
{
    public string Field => "DecisionId";

    public string Message => $"Quyết định kỷ luật số {Decision.DecisionNumber} đã bị xóa bỏ.";

    public bool IsBroken() => Decision.Annulled;
}

public sealed record NoAppealIsPending(bool Pending) : IRule
{
    public string Field => "DecisionId";

    public string Message => "Quyết định này đang có một khiếu nại chưa được giải quyết.";

    public bool IsBroken() => Pending;
}

/// <summary>Điều lệ Đảng, Điều 39.7: within one month of receiving the decision (or the previous answer).</summary>
public sealed record AppealWithinTheWindow(DisciplinePolicy Policy, DateOnly ReceivedOn, DateOnly FiledOn) : IRule
{
    public string Field => "FiledOn";

    public string Message =>
        $"Quá thời hạn khiếu nại: khiếu nại trong vòng {Policy.AppealWindowMonths} tháng kể từ ngày nhận quyết định ({Rules.Date(ReceivedOn)}), tức chậm nhất ngày {Rules.Date(Policy.AppealDeadline(ReceivedOn))} (Điều lệ Đảng, Điều 39).";

    public bool IsBroken() => FiledOn > Policy.AppealDeadline(ReceivedOn);
}

public sealed record AppealAfterTheDecision(DateOnly DecidedOn, DateOnly FiledOn) : IRule
{
    public string Field => "FiledOn";

    public string Message => $"Ngày khiếu nại ({Rules.Date(FiledOn)}) trước ngày quyết định kỷ luật ({Rules.Date(DecidedOn)}).";

    public bool IsBroken() => FiledOn < DecidedOn;
}

/// <summary>
/// An appeal goes to a higher level than whoever decided (or last answered): an organization above,
/// or the same committee's standing committee or committee for a decision of its inspection
/// commission (Quy định 22-QĐ/TW); the centre answers last.
/// </summary>
public sealed record AppealGoesHigher(string? ResolverPath, DecidingBody ResolverBody, string? LowerPath, DecidingBody LowerBody, string LowerName) : IRule
{
    public string Field => "ResolvingOrgId";

    public string Message => $"Khiếu nại phải gửi cấp ủy hoặc ủy ban kiểm tra cấp trên của {LowerName}.";

    public bool IsBroken()
    {
        if (ResolverPath is null)
        {
            return false; // the centre answers every appeal, its own decisions included (Ban Chấp hành Trung ương last)
        }

        if (LowerPath is null)
        {
            return true; // nothing in the province stands above the centre
        }

        if (ResolverPath == LowerPath)
        {
            return !(LowerBody == DecidingBody.InspectionCommission && ResolverBody is DecidingBody.StandingCommittee or DecidingBody.Committee)
                && !(LowerBody == DecidingBody.StandingCommittee && ResolverBody == DecidingBody.Committee);
        }

        return !LowerPath.StartsWith(ResolverPath, StringComparison.Ordinal);
    }
}

public sealed record ResolvedAfterFiling(DateOnly FiledOn, DateOnly ResolvedOn) : IRule
{
    public string Field => "ResolvedOn";

    public string Message => $"Ngày giải quyết ({Rules.Date(ResolvedOn)}) trước ngày khiếu nại ({Rules.Date(FiledOn)}).";

    public bool IsBroken() => ResolvedOn < FiledOn;
}

public sealed record AppealIsPending(DisciplineAppeal Appeal) : IRule
{
    public string Field => "AppealId";

    public string Message => $"Khiếu nại này đã được giải quyết ngày {Rules.Date(Appeal.ResolvedOn ?? Appeal.FiledOn)}.";

    public bool IsBroken() => Appeal.Outcome is not null;
}

/// <summary>Thay đổi names the new form, a different one; the other outcomes name none.</summary>
public sealed record NewFormFitsTheOutcome(AppealOutcome Outcome, DisciplineForm? NewForm, DisciplineForm Current) : IRule
{
    public string Field => "NewForm";

    public string Message => Outcome == AppealOutcome.Changed
        ? NewForm is null ? "Cần chọn hình thức kỷ luật mới." : $"Hình thức mới trùng hình thức đang thi hành ({DisciplineNames.Of(Current).ToLowerInvariant()})."
        : "Chỉ chọn hình thức mới khi thay đổi hình thức kỷ luật.";

    public bool IsBroken() => Outcome == AppealOutcome.Changed ? NewForm is null || NewForm == Current : NewForm is not null;
}

/// <summary>A dissolution carried out is not undone on appeal: the organization is founded again by the competent committee.</summary>
public sealed record DissolutionIsNotUndoneHere(DisciplineForm Current, AppealOutcome Outcome, DisciplineForm? NewForm) : IRule
{
    public string Field => "Outcome";

    public string Message => Current == DisciplineForm.Dissolution
        ? "Tổ chức đã giải tán theo quyết định này; nếu quyết định được thay đổi hoặc xóa bỏ, cấp ủy có thẩm quyền thành lập lại tổ chức (Tổ chức đảng → Thành lập) rồi ghi kết quả."
        : "Giải tán tổ chức đảng cần một quyết định kỷ luật riêng của cấp ủy có thẩm quyền, không ghi qua giải quyết khiếu nại.";

    public bool IsBroken() => (Current == DisciplineForm.Dissolution && Outcome != AppealOutcome.Upheld) || NewForm == DisciplineForm.Dissolution;
}
