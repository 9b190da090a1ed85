using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members;

/// <summary>Decisions about a member's standing in the Party (khai trừ is a discipline decision).</summary>
public enum StandingAction
{
    /// <summary>Miễn công tác và sinh hoạt đảng.</summary>
    Exempt,

    /// <summary>Thôi miễn sinh hoạt.</summary>
    EndExemption,

    /// <summary>Xóa tên.</summary>
    StrikeOff,

    /// <summary>Cho ra khỏi Đảng.</summary>
    Remove,

    /// <summary>Từ trần.</summary>
    Die,
}

/// <summary>A decision as the caller gives it: the version read, the date, the number, the reason; for an exemption its ground and review date.</summary>
public sealed record StandingDecision(
    int Version, DateOnly Date, string? DecisionNumber = null, string? Reason = null, ExemptionGround? Ground = null, DateOnly? ReviewOn = null);

/// <summary>
/// Who decides each change of standing, as the level of the member's cell chain that acts
/// (<see cref="AdmissionLevel"/>, the same levels as in admission). A province whose base
/// committees were empowered to admit members moves xóa tên and cho ra khỏi Đảng to
/// <see cref="AdmissionLevel.BaseCommittee"/> here, in one place.
/// </summary>
/// <param name="Exemption">
/// Miễn, thôi miễn công tác và sinh hoạt đảng: the cell decides (Điều lệ Đảng, Điều 7; Quy định
/// 24-QĐ/TW ngày 30/7/2021).
/// </param>
/// <param name="StrikeOff">
/// Xóa tên: the cell considers and proposes, the committee competent to admit members decides
/// (Điều lệ Đảng, Điều 8.2; Hướng dẫn 12-HD/BTCTW ngày 18/1/2022).
/// </param>
/// <param name="Removal">Cho ra khỏi Đảng: the same (Điều lệ Đảng, Điều 8.1).</param>
/// <param name="Death">Từ trần: a fact, not a decision, recorded by the member's cell.</param>
public sealed record StandingPolicy(AdmissionLevel Exemption, AdmissionLevel StrikeOff, AdmissionLevel Removal, AdmissionLevel Death)
{
    public static readonly StandingPolicy Default = new(
        Exemption: AdmissionLevel.Cell,
        StrikeOff: AdmissionLevel.CompetentCommittee,
        Removal: AdmissionLevel.CompetentCommittee,
        Death: AdmissionLevel.Cell);

    public AdmissionLevel LevelOf(StandingAction action) => action switch
    {
        StandingAction.Exempt or StandingAction.EndExemption => Exemption,
        StandingAction.StrikeOff => StrikeOff,
        StandingAction.Remove => Removal,
        _ => Death,
    };

    /// <summary>The deciding body as the timeline writes it: the cell by name, a committee's standing committee ("Ban Thường vụ Đảng ủy xã A").</summary>
    public static string Decider(CandidateChain chain, AdmissionLevel level) => chain.At(level) is { } org
        ? DisciplineNames.Level(level == AdmissionLevel.Cell ? DecidingBody.Cell : level == AdmissionLevel.BaseCommittee ? DecidingBody.Committee : DecidingBody.StandingCommittee, org.Name)
        : AdmissionProcedure.NameOf(level);

    public static string NameOf(StandingAction action) => action switch
    {
        StandingAction.Exempt => "Miễn công tác và sinh hoạt đảng",
        StandingAction.EndExemption => "Thôi miễn công tác và sinh hoạt đảng",
        StandingAction.StrikeOff => "Xóa tên trong danh sách đảng viên",
        StandingAction.Remove => "Cho ra khỏi Đảng",
        _ => "Ghi nhận đảng viên từ trần",
    };
}

/// <summary>Who decides a change of standing for one member, and whether the caller acts at that level.</summary>
public sealed record StandingDecider(AdmissionLevel Level, string Name, bool CallerActs);

/// <summary>
/// Miễn sinh hoạt, thôi miễn, xóa tên, cho ra khỏi Đảng, từ trần: the member is found in the
/// caller's subtrees (else "not found"), the caller must act at the level <see cref="StandingPolicy"/>
/// names for the decision on the member's cell chain (else 403 naming it), and the decision is
/// recorded "by" that level — never by a level the caller typed.
/// </summary>
public sealed class MemberStandingCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, StandingPolicy? policy = null)
{
    private readonly StandingPolicy _policy = policy ?? StandingPolicy.Default;

    public Task<Member> DecideAsync(StandingAction action, int memberId, StandingDecision d, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Hồ sơ đảng viên", async () =>
        {
            var (_, decider) = await DeciderAsync(db, caller, memberId, action, _policy, ct)
                ?? throw new NotFoundException($"Không có đảng viên mã số {memberId} trong phạm vi của bạn.");
            if (!decider.CallerActs)
            {
                throw new ForbiddenException(
                    $"{StandingPolicy.NameOf(action)} do {decider.Name} quyết định; tài khoản của bạn không giữ vai trò ở cấp đó.");
            }

            if (action != StandingAction.Die)
            {
                Rules.Check(new Discipline.TextIsGiven("DecisionNumber", "Số quyết định", d.DecisionNumber));
            }

            if (action == StandingAction.Exempt)
            {
                Rules.Check(new ExemptionGroundIsGiven(d.Ground));
            }

            var why = new Decision(d.DecisionNumber, d.Reason, action == StandingAction.Die ? null : decider.Name);
            var members = new MemberCommands(db, clock, actor);
            return action switch
            {
                StandingAction.Exempt => await members.ExemptAsync(memberId, d.Version, d.Date, why, d.Ground, d.ReviewOn, ct),
                StandingAction.EndExemption => await members.EndExemptionAsync(memberId, d.Version, d.Date, why, ct),
                StandingAction.StrikeOff => await members.StrikeOffAsync(memberId, d.Version, d.Date, why, ct),
                StandingAction.Remove => await members.RemoveAsync(memberId, d.Version, d.Date, why, ct),
                _ => await members.DieAsync(memberId, d.Version, d.Date, why, ct),
            };
        }, ct);

    /// <summary>
    /// Who decides the action for a member the caller may write (Members.Write on the member's cell),
    /// and whether the caller acts there; null when the member is not in the caller's subtrees.
    /// Pages use it to offer only the decisions the caller can record.
    /// </summary>
    public static async Task<(CandidateChain Chain, StandingDecider Decider)?> DeciderAsync(
        ChiBoDb db, OrgScope caller, int memberId, StandingAction action, StandingPolicy? policy = null, CancellationToken ct = default)
    {
        var cell = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o).FirstOrDefaultAsync(ct);
        if (cell is null || !caller.Can(Operation.MembersWrite, Subtree.Of(cell)))
        {
            return null;
        }

        var chain = await CandidateChain.OfAsync(db, cell, ct);
        var level = (policy ?? StandingPolicy.Default).LevelOf(action);
        return (chain, new StandingDecider(level, StandingPolicy.Decider(chain, level), AdmissionProcedure.ActsAt(caller, level, chain)));
    }
}

/// <summary>An exemption says why: age or health.</summary>
public sealed record ExemptionGroundIsGiven(ExemptionGround? Ground) : IRule
{
    public string Field => "Ground";

    public string Message => "Cần chọn lý do miễn sinh hoạt: tuổi cao hoặc sức khỏe.";

    public bool IsBroken() => Ground is null;
}
