using ChiBo.Access;
using ChiBo.Organizations;

namespace ChiBo.Cadres;

public sealed record TermIsGiven(string? Term) : IRule
{
    public string Field => "Term";

    public string Message => "Cần ghi nhiệm kỳ (ví dụ 2025–2030).";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Term) || Term.Trim().Length > 20;
}

public sealed record TermEndsAfterCongress(DateOnly CongressOn, DateOnly TermEndsOn) : IRule
{
    public string Field => "TermEndsOn";

    public string Message => $"Ngày hết nhiệm kỳ ({Rules.Date(TermEndsOn)}) phải sau ngày đại hội ({Rules.Date(CongressOn)}).";

    public bool IsBroken() => TermEndsOn <= CongressOn;
}

/// <summary>The new term's congress comes after the current committee's.</summary>
public sealed record NewTermAfterCurrent(Committee? Current, DateOnly CongressOn) : IRule
{
    public string Field => "CongressOn";

    public string Message => $"Cấp ủy nhiệm kỳ {Current?.Term} bắt đầu ngày {Rules.Date(Current?.CongressOn ?? default)}: cấp ủy nhiệm kỳ mới phải có ngày đại hội sau ngày đó.";

    public bool IsBroken() => Current is not null && CongressOn <= Current.CongressOn;
}

public sealed record SeatsAreEnough(int Seats, int Members) : IRule
{
    public string Field => "Seats";

    public string Message => Seats <= 0
        ? "Số lượng cấp ủy viên được chuẩn y phải lớn hơn 0."
        : $"Cấp ủy có {Members} người, vượt số lượng được chuẩn y ({Seats}).";

    public bool IsBroken() => Seats <= 0 || Members > Seats;
}

public sealed record OneSecretaryAtATime(int Secretaries) : IRule
{
    public string Field => "Position";

    public string Message => "Mỗi cấp ủy chỉ có một bí thư tại một thời điểm.";

    public bool IsBroken() => Secretaries > 1;
}

public sealed record EachPersonOnce(int? Duplicate) : IRule
{
    public string Field => "Members";

    public string Message => $"Đảng viên số {Duplicate} có tên hai lần trong cấp ủy.";

    public bool IsBroken() => Duplicate is not null;
}

/// <summary>A committee member is an official member of the Party on the date (Điều lệ Đảng, Điều 3: đảng viên dự bị không ứng cử cơ quan lãnh đạo của Đảng).</summary>
public sealed record MemberIsOfficialOn(int MemberId, string? Name, bool Official, DateOnly On) : IRule
{
    public string Field => "MemberId";

    public string Message => Name is null
        ? $"Không tìm thấy đảng viên số {MemberId} trong phạm vi của bạn."
        : $"{Name} không phải đảng viên chính thức đang sinh hoạt vào ngày {Rules.Date(On)}.";

    public bool IsBroken() => Name is null || !Official;
}

/// <summary>An elected committee is elected from the organization's own members; an appointed one may come from elsewhere in the province.</summary>
public sealed record ElectedFromTheOrganization(string Name, string OrgName, bool Inside) : IRule
{
    public string Field => "MemberId";

    public string Message => $"{Name} không sinh hoạt trong {OrgName}: cấp ủy được bầu từ đảng viên của đảng bộ, chi bộ (người từ nơi khác thì chỉ định).";

    public bool IsBroken() => !Inside;
}

public sealed record DateWithinTheTerm(Committee Committee, DateOnly On) : IRule
{
    public string Field => "On";

    public string Message => $"Ngày {Rules.Date(On)} không thuộc nhiệm kỳ {Committee.Term} của cấp ủy (từ {Rules.Date(Committee.CongressOn)}"
        + (Committee.ValidTo == Dates.OpenEnd ? ")." : $" đến trước {Rules.Date(Committee.ValidTo)}).");

    public bool IsBroken() => On < Committee.CongressOn || On >= Committee.ValidTo;
}

public sealed record ReasonFits(MembershipChange Reason, bool Starting) : IRule
{
    public string Field => "Reason";

    public string Message => Starting
        ? "Lý do bắt đầu phải là trúng cử, chỉ định hoặc bầu bổ sung."
        : "Lý do thôi phải là chuyển công tác, thôi tham gia, bị kỷ luật, từ trần hoặc hết nhiệm kỳ.";

    public bool IsBroken() => Starting
        ? Reason is not (MembershipChange.Elected or MembershipChange.Appointed or MembershipChange.Added)
        : Reason is not (MembershipChange.Moved or MembershipChange.Resigned or MembershipChange.Disciplined or MembershipChange.Died or MembershipChange.TermEnded);
}

public sealed record NotAlreadyOnTheCommittee(string Name, bool Sits) : IRule
{
    public string Field => "MemberId";

    public string Message => $"{Name} đang là cấp ủy viên của cấp ủy này.";

    public bool IsBroken() => Sits;
}

public sealed record SitsOnTheCommittee(bool Sits) : IRule
{
    public string Field => "MemberId";

    public string Message => "Đảng viên này không là cấp ủy viên vào ngày đã chọn.";

    public bool IsBroken() => !Sits;
}

public sealed record EndAfterStart(DateOnly Start, DateOnly End) : IRule
{
    public string Field => "On";

    public string Message => $"Ngày thôi ({Rules.Date(End)}) phải sau ngày bắt đầu ({Rules.Date(Start)}).";

    public bool IsBroken() => End <= Start;
}

public sealed record PositionIsDifferent(CommitteePosition Old, CommitteePosition New) : IRule
{
    public string Field => "Position";

    public string Message => $"Đảng viên đang giữ chức vụ {CadreNames.Of(Old).ToLowerInvariant()}.";

    public bool IsBroken() => Old == New;
}

/// <summary>
/// The level above a committee records it (chuẩn y kết quả bầu cử, chỉ định): a committee does not
/// record itself. The province board (and the administrator) record any committee of the province.
/// </summary>
public static class CommitteeAuthority
{
    public static void Check(OrgScope caller, Organization org)
    {
        var target = Subtree.Of(org);
        var grants = caller.Roles.Where(r => AccessTable.Allows(r.Role, Operation.CommitteesWrite) && OrgScope.Covers(r.Subtree, target)).ToList();
        if (grants.Count == 0)
        {
            throw new RuleViolationException("OrganizationId", $"Không tìm thấy tổ chức đảng {org.Code} trong phạm vi của bạn.");
        }

        if (!grants.Any(r => r.Role is Role.Admin or Role.ProvinceBoard || r.Subtree.Path != org.Path))
        {
            throw new RuleViolationException("OrganizationId",
                $"Cấp ủy của {org.Name} do cấp ủy cấp trên chuẩn y, chỉ định; {org.Name} không tự ghi cấp ủy của mình.");
        }
    }
}
