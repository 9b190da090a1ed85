using System.Globalization;

namespace ChiBo.Ratings;

/// <summary>The member, organization, round or rating is not in the caller's subtrees (or does not exist): "not found", never "forbidden".</summary>
public sealed class RatingNotFoundException(string message) : Exception(message);

/// <summary>A rule broken by one line of a decision on many members: the rule's field and message, and the member the line is about.</summary>
public sealed class BatchLineViolation(int memberId, string memberName, RuleViolationException rule) : RuleViolationException(rule.Field, rule.Message)
{
    public int MemberId { get; } = memberId;

    public string MemberName { get; } = memberName;
}

/// <summary>
/// The caller may see the subject but does not act at the level this step belongs to (a cell
/// committee deciding, a base committee deciding a TCCSĐ…); nothing was written. The field names the step.
/// </summary>
public sealed class RatingForbiddenException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Exactly one of a level and a "không xếp loại" reason; the reason fits the subject and "khác" says what.</summary>
public sealed record OutcomeIsOneOfLevelOrReason(RatingLevel? Level, NotRatedReason? Reason, string? Note, RatingPolicy Policy, RatingSubject Subject, string Field = "Level") : IRule
{
    public string Message =>
        Level is null == Reason is null ? "Cần chọn một mức xếp loại hoặc lý do không xếp loại (không chọn cả hai)."
        : Level is { } l && !Enum.IsDefined(l) ? "Mức xếp loại không hợp lệ."
        : Reason is { } r && !Allowed(r) ? $"Lý do \"{RatingNames.Of(r)}\" không áp dụng cho {(Subject == RatingSubject.Member ? "đảng viên" : "tổ chức đảng")}."
        : "Lý do khác phải ghi rõ.";

    public bool IsBroken() =>
        Level is null == Reason is null
        || (Level is { } l && !Enum.IsDefined(l))
        || (Reason is { } r && (!Allowed(r) || (r == NotRatedReason.Other && string.IsNullOrWhiteSpace(Note))));

    private bool Allowed(NotRatedReason r) => Subject == RatingSubject.Member ? Policy.IsMemberReason(r) : Policy.IsOrganizationReason(r);
}

/// <summary>A score lies on the scale (0–100) when the version has one.</summary>
public sealed record ScoreIsOnTheScale(decimal? Score, RatingPolicy Policy, string Field = "Score") : IRule
{
    public string Message => Policy.Scale is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"Điểm phải từ 0 đến {s.Total}.")
        : $"Quy định {Policy.Version} không chấm điểm theo thang 100: hãy bỏ trống điểm.";

    public bool IsBroken() => Score is { } v && (Policy.Scale is not { } s || v < 0 || v > s.Total);
}

/// <summary>The level decided is not above what the score, the tasks and discipline allow (<see cref="RatingPolicy.HighestFor"/>).</summary>
public sealed record LevelWithinWhatThePolicyAllows(RatingLevel? Level, RatingLevel Highest, RatingFacts Facts, string Name) : IRule
{
    public string Field => "Level";

    public string Message => Facts.Disciplined
        ? $"{Name} bị kỷ luật trong năm nên chỉ được xếp loại từ mức \"{RatingNames.Of(Highest)}\" trở xuống."
        : Facts.DisciplinedBelow && Level == RatingLevel.Excellent
            ? $"{Name} có tổ chức hoặc đảng viên trực thuộc bị kỷ luật trong năm nên không được xếp loại \"{RatingNames.Of(RatingLevel.Excellent)}\"."
            : $"Với số điểm và kết quả thực hiện nhiệm vụ đã nêu, {Name} chỉ được xếp loại từ mức \"{RatingNames.Of(Highest)}\" trở xuống.";

    public bool IsBroken() => Level is { } l && l < Highest;
}

/// <summary>The cap on HTXSNV members in its scope (<see cref="ExcellentCap"/>), after this decision.</summary>
public sealed record ExcellentMembersWithinTheCap(ExcellentCap? Cap, int Excellent, int Good, string ScopeName) : IRule
{
    public string Field => "Level";

    public string Message => string.Create(CultureInfo.GetCultureInfo("vi-VN"),
        $"Vượt tỉ lệ \"{RatingNames.Of(RatingLevel.Excellent)}\" của {ScopeName}: {Excellent} đảng viên so với {Good} đảng viên \"{RatingNames.Of(RatingLevel.Good)}\"{(Cap!.Base == CapBase.RatedGoodOrAbove ? " trở lên" : "")}, tối đa {Cap.Share * 100:0.##} %.");

    public bool IsBroken() => Excellent > 0 && Cap is { } cap && !cap.Allows(Excellent, Good);
}

/// <summary>An organization is HTXSNV only when those under it meet <see cref="CrossLevelRule"/>.</summary>
public sealed record ExcellentOrganizationNeedsItsSubjects(RatingLevel? Level, CrossLevelRule? Rule, LevelCounts Below, string Name) : IRule
{
    public string Field => "Level";

    public string Message => string.Create(CultureInfo.GetCultureInfo("vi-VN"),
        $"{Name} chỉ được xếp loại \"{RatingNames.Of(RatingLevel.Excellent)}\" khi {Rule!.MinFulfilledOrAbove * 100:0.##} % đảng viên (tổ chức) trực thuộc hoàn thành nhiệm vụ trở lên và ít nhất {Rule.MinGoodOrAbove * 100:0.##} % hoàn thành tốt nhiệm vụ trở lên (hiện: {Below.Rated - Below.NotFulfilled}/{Below.Rated} và {Below.Excellent + Below.Good}/{Below.Rated}).");

    public bool IsBroken() => Level == RatingLevel.Excellent && Rule is { } r && !r.Allows(Below.Excellent, Below.Good, Below.Fulfilled, Below.NotFulfilled);
}

/// <summary>Bottom-up: an organization is decided only once everyone under it is (members → chi bộ → TCCSĐ → cấp trên).</summary>
public sealed record SubjectsBelowAreDecided(int Expected, int Decided, string What, string Name) : IRule
{
    public string Field => "Level";

    public string Message => $"Chưa thể xếp loại {Name}: mới có {Decided}/{Expected} {What} trực thuộc được quyết định xếp loại.";

    public bool IsBroken() => Decided < Expected;
}

/// <summary>A decision follows the proposal of the body that proposes, unless that body decides itself (a chi bộ cơ sở for its members).</summary>
public sealed record DecisionFollowsAProposal(RatingState State, bool ProposerDecides, string Name) : IRule
{
    public string Field => "Level";

    public string Message => $"{Name}: chưa có đề xuất mức xếp loại nên chưa thể quyết định.";

    public bool IsBroken() => !ProposerDecides && State < RatingState.Proposed;
}

/// <summary>Once decided a rating is locked: it changes only by a correction (a new decision with its reason).</summary>
public sealed record RatingIsNotDecidedYet(RatingState State, string Name) : IRule
{
    public string Field => "Version";

    public string Message => $"Kết quả xếp loại của {Name} đã được quyết định: chỉ có thể thay đổi bằng quyết định điều chỉnh, có nêu lý do.";

    public bool IsBroken() => State >= RatingState.Decided;
}

public sealed record RatingIsDecided(RatingState State, string Name) : IRule
{
    public string Field => "Version";

    public string Message => $"{Name} chưa được quyết định xếp loại.";

    public bool IsBroken() => State < RatingState.Decided;
}

/// <summary>The correction changes something (a level, a reason, or a score).</summary>
public sealed record CorrectionChangesTheOutcome(bool Changes) : IRule
{
    public string Field => "Level";

    public string Message => "Quyết định điều chỉnh phải thay đổi mức xếp loại, lý do không xếp loại hoặc điểm.";

    public bool IsBroken() => !Changes;
}

/// <summary>A date of a step lies in the year reviewed or after it (a decision on the 2024 review may be dated January 2025).</summary>
public sealed record DateNotBeforeTheYear(string Field, string Label, DateOnly Date, int Year) : IRule
{
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Label} ({Rules.Date(Date)}) không được trước năm đánh giá {Year}.");

    public bool IsBroken() => Date.Year < Year;
}

/// <summary>A round's dates: the review date in its year, the deadline not before it.</summary>
public sealed record RoundDatesFit(int Year, DateOnly ReviewDate, DateOnly Deadline) : IRule
{
    public string Field => ReviewDate.Year != Year ? "ReviewDate" : "Deadline";

    public string Message => ReviewDate.Year != Year
        ? string.Create(CultureInfo.InvariantCulture, $"Ngày chốt danh sách phải thuộc năm {Year}.")
        : "Hạn hoàn thành không được trước ngày chốt danh sách.";

    public bool IsBroken() => ReviewDate.Year != Year || Deadline < ReviewDate;
}

/// <summary>One round a year for any member: rounds of one year do not nest or overlap.</summary>
public sealed record RoundsDoNotOverlap(string? OtherName, int Year) : IRule
{
    public string Field => "Organization";

    public string Message => string.Create(CultureInfo.InvariantCulture, $"Đã có đợt đánh giá, xếp loại năm {Year} của {OtherName} bao trùm hoặc nằm trong phạm vi này.");

    public bool IsBroken() => OtherName is not null;
}

public sealed record RoundIsOpen(RatingRound Round) : IRule
{
    public string Field => "Round";

    public string Message => string.Create(CultureInfo.InvariantCulture, $"Đợt đánh giá, xếp loại năm {Round.Year} đã kết thúc.");

    public bool IsBroken() => Round.Status != RoundStatus.Open;
}

/// <summary>The four criteria are all met before the title is recognised, and the organization's level is good enough.</summary>
public sealed record FourGoodCriteriaMet(FourGoodTitle Title, RatingLevel? Level, RatingLevel MinLevel) : IRule
{
    public string Field => Title.AllFour ? "Level" : "Criteria";

    public string Message => Title.AllFour
        ? $"Chỉ công nhận \"bốn tốt\" cho tổ chức được xếp loại từ \"{RatingNames.Of(MinLevel)}\" trở lên."
        : "Chưa đạt đủ bốn tiêu chí \"bốn tốt\".";

    public bool IsBroken() => !Title.AllFour || Level is not { } l || l > MinLevel;
}

/// <summary>A reward form that the deciding level may give (<see cref="RatingPolicy.RewardFormsBy"/>).</summary>
public sealed record RewardFormFitsTheLevel(RewardForm Form, IReadOnlyList<RewardForm> Allowed, string LevelName) : IRule
{
    public string Field => "Form";

    public string Message => $"{LevelName} không quyết định hình thức khen thưởng \"{RatingNames.Of(Form)}\".";

    public bool IsBroken() => !Enum.IsDefined(Form) || !Allowed.Contains(Form);
}

/// <summary>Counts of decided levels under a subject (its members, or the organizations it rates).</summary>
public sealed record LevelCounts(int Excellent, int Good, int Fulfilled, int NotFulfilled, int NotRated)
{
    public static readonly LevelCounts Zero = new(0, 0, 0, 0, 0);

    public int Rated => Excellent + Good + Fulfilled + NotFulfilled;

    public int Decided => Rated + NotRated;

    public int GoodOrAbove => Excellent + Good;
}

/// <summary>When the policy itself says "không xếp loại" (exempted, admitted too recently, founded too recently), no level is given.</summary>
public sealed record PolicyReasonApplies(NotRatedReason? PolicyReason, RatingLevel? Level, string Name) : IRule
{
    public string Field => "Level";

    public string Message => $"{Name}: {RatingNames.Of(PolicyReason!.Value).ToLowerInvariant()} nên không xếp loại.";

    public bool IsBroken() => PolicyReason is not null && Level is not null;
}

public sealed record LevelIsValid(RatingLevel? Level) : IRule
{
    public string Field => "Level";

    public string Message => "Mức xếp loại không hợp lệ.";

    public bool IsBroken() => Level is { } l && !Enum.IsDefined(l);
}

/// <summary>There is a self-assessment or a proposal to send back.</summary>
public sealed record ProposalIsThere(RatingState State, string Name) : IRule
{
    public string Field => "Version";

    public string Message => $"{Name}: chưa có bản tự đánh giá hay đề xuất nào để trả lại.";

    public bool IsBroken() => State is RatingState.Pending;
}
