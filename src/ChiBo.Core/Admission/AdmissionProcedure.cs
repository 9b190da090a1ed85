using ChiBo.Access;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Admission;

/// <summary>The level of the Party that acts at a step of the admission procedure.</summary>
public enum AdmissionLevel
{
    /// <summary>Chi bộ (chi ủy, bí thư chi bộ): the candidate's cell.</summary>
    Cell = 1,

    /// <summary>Đảng ủy cơ sở: the base organization the cell belongs to.</summary>
    BaseCommittee = 2,

    /// <summary>Cấp ủy có thẩm quyền: the committee directly above the base organization (đảng ủy xã, phường, khối…).</summary>
    CompetentCommittee = 3,

    /// <summary>Ban Thường vụ Tỉnh ủy, through the Ban Tổ chức: consent for a candidate over 60.</summary>
    Province = 4,
}

/// <summary>What the register does at a step: the act, its document (form) and who does it.</summary>
public sealed record ProcedureAct(string Key, string Act, string Document, AdmissionLevel Level);

/// <summary>
/// The admission procedure of DOMAIN.md §4 as the acts each level records, in order, with the forms
/// of Hướng dẫn 12-HD/BTCTW (2022): 1-KNĐ application, 2-KNĐ CV, 3-KNĐ introduction by a member,
/// 4-KNĐ resolution of the Youth Union / Trade Union, 5-KNĐ comments, 6-KNĐ the cell's resolution,
/// 8-KNĐ the base committee's, 9-KNĐ the admission decision. Who acts follows Điều lệ Đảng, Điều 4
/// and Quy định 24-QĐ/TW point 3: the cell prepares and votes, the base committee considers and
/// proposes, the committee above the base organization decides; the province consents for
/// candidates over 60.
/// </summary>
public static class AdmissionProcedure
{
    public static readonly ProcedureAct Nominate = new("nominate", "Giới thiệu quần chúng ưu tú", "Danh sách quần chúng ưu tú của chi bộ", AdmissionLevel.Cell);
    public static readonly ProcedureAct Course = new("course", "Học lớp bồi dưỡng nhận thức về Đảng", "Giấy chứng nhận (giá trị 5 năm)", AdmissionLevel.Cell);
    public static readonly ProcedureAct Application = new("application", "Đơn xin vào Đảng và lý lịch", "Mẫu 1-KNĐ, 2-KNĐ", AdmissionLevel.Cell);
    public static readonly ProcedureAct Introduction = new("introduction", "Giới thiệu người vào Đảng", "Mẫu 3-KNĐ (hai đảng viên chính thức) hoặc 4-KNĐ (Đoàn, Công đoàn)", AdmissionLevel.Cell);
    public static readonly ProcedureAct Verification = new("verification", "Thẩm tra lý lịch, lấy ý kiến nhận xét", "Kết quả thẩm tra; Mẫu 5-KNĐ", AdmissionLevel.Cell);
    public static readonly ProcedureAct ProvincialConsent = new("consent", "Đồng ý kết nạp người trên 60 tuổi", "Văn bản của Ban Thường vụ Tỉnh ủy", AdmissionLevel.Province);
    public static readonly ProcedureAct CellResolution = new("cell-resolution", "Nghị quyết chi bộ đề nghị kết nạp", "Mẫu 6-KNĐ", AdmissionLevel.Cell);
    public static readonly ProcedureAct BaseCommittee = new("base-committee", "Đảng ủy cơ sở xét, đề nghị", "Mẫu 8-KNĐ", AdmissionLevel.BaseCommittee);
    public static readonly ProcedureAct Decision = new("decision", "Quyết định kết nạp", "Mẫu 9-KNĐ", AdmissionLevel.CompetentCommittee);
    public static readonly ProcedureAct Ceremony = new("ceremony", "Lễ kết nạp", "Biên bản lễ kết nạp", AdmissionLevel.Cell);
    public static readonly ProcedureAct NewMemberCourse = new("new-member-course", "Lớp bồi dưỡng đảng viên mới", "Giấy chứng nhận", AdmissionLevel.Cell);
    public static readonly ProcedureAct RecognitionVote = new("recognition-vote", "Nghị quyết chi bộ đề nghị công nhận chính thức", "Nghị quyết chi bộ", AdmissionLevel.Cell);
    public static readonly ProcedureAct RecognitionDecision = new("recognition-decision", "Quyết định công nhận đảng viên chính thức", "Quyết định của cấp ủy có thẩm quyền", AdmissionLevel.CompetentCommittee);

    /// <summary>Every act in the order a file goes through them.</summary>
    public static readonly IReadOnlyList<ProcedureAct> Acts =
    [
        Nominate, Course, Application, Introduction, Verification, ProvincialConsent, CellResolution,
        BaseCommittee, Decision, Ceremony, NewMemberCourse, RecognitionVote, RecognitionDecision,
    ];

    /// <summary>
    /// The act a file waits for now, or null when it is closed. The new-member course and the
    /// cell's recognition vote may both be pending during probation; the course comes first
    /// because the vote needs it.
    /// </summary>
    public static ProcedureAct? Next(Candidate c, DateOnly today) => c.Step switch
    {
        CandidateStep.Nominated => Course,
        CandidateStep.Trained => Application,
        CandidateStep.Applied => Introduction,
        CandidateStep.Introduced => Verification,
        CandidateStep.Verified when NeedsConsent(c, today) => ProvincialConsent,
        CandidateStep.Verified => CellResolution,
        CandidateStep.CellResolved => BaseCommittee,
        CandidateStep.BaseCommitteeAgreed => Decision,
        CandidateStep.Decided => Ceremony,
        CandidateStep.OnProbation when c.NewMemberCourseDate is null => NewMemberCourse,
        CandidateStep.OnProbation when c.RecognitionResolutionDate is null => RecognitionVote,
        CandidateStep.OnProbation => RecognitionDecision,
        _ => null,
    };

    /// <summary>Over 60 on <paramref name="on"/> and no consent recorded yet.</summary>
    public static bool NeedsConsent(Candidate c, DateOnly on) =>
        AdmissionPolicy.NeedsProvincialConsent(c.BirthDate, on) && string.IsNullOrWhiteSpace(c.ProvincialConsentNumber);

    /// <summary>
    /// Who stops a file: the level that acts at its next step (a cell may stop a file it is still
    /// preparing; during probation, xóa tên khỏi danh sách đảng viên dự bị is the competent committee's decision).
    /// </summary>
    public static AdmissionLevel StopLevel(Candidate c, DateOnly today) => c.Step switch
    {
        CandidateStep.OnProbation => AdmissionLevel.CompetentCommittee,
        _ => Next(c, today)?.Level ?? AdmissionLevel.CompetentCommittee,
    };

    /// <summary>
    /// Whether a role held over the candidate's cell acts at a level. The chain tells what stands
    /// above the cell: for a chi bộ cơ sở the cell is its own base organization, so its committee
    /// also acts at the base committee's step; where the base organization hangs directly under the
    /// province, the province board acts as the competent committee. Admin acts everywhere (corrections).
    /// </summary>
    public static bool ActsAt(Role role, AdmissionLevel level, CandidateChain chain) => role switch
    {
        Role.Admin => true,
        Role.CellCommittee => level == AdmissionLevel.Cell || (level == AdmissionLevel.BaseCommittee && chain.Cell.Kind == OrgKind.BaseCell),
        Role.BaseCommittee => level == AdmissionLevel.BaseCommittee,
        Role.SuperiorCommittee => level == AdmissionLevel.CompetentCommittee,
        Role.ProvinceBoard => level == AdmissionLevel.Province || (level == AdmissionLevel.CompetentCommittee && chain.Competent?.Kind == OrgKind.Province),
        _ => false,
    };

    /// <summary>
    /// Whether the caller acts at a level for a candidate of the chain's cell: a role that writes
    /// members, held on the organization acting at that level (or on one above it), that acts there
    /// (<see cref="ActsAt(Role, AdmissionLevel, CandidateChain)"/>). Where the tree has no
    /// organization at the level, only the administrator does.
    /// </summary>
    public static bool ActsAt(OrgScope caller, AdmissionLevel level, CandidateChain chain)
    {
        var org = chain.At(level);
        return caller.Roles.Any(r => AccessTable.Allows(r.Role, Operation.MembersWrite)
                                     && (org is null ? r.Role == Role.Admin : OrgScope.Covers(r.Subtree, Subtree.Of(org)))
                                     && ActsAt(r.Role, level, chain));
    }

    /// <summary>Every level the caller acts at for a candidate of the chain's cell (pages show only those forms).</summary>
    public static IReadOnlySet<AdmissionLevel> LevelsOf(OrgScope caller, CandidateChain chain) =>
        Enum.GetValues<AdmissionLevel>().Where(l => ActsAt(caller, l, chain)).ToHashSet();

    /// <summary>Refuses (403) a caller who does not act at the level, naming who does.</summary>
    public static void RequireActsAt(OrgScope caller, AdmissionLevel level, CandidateChain chain, string act)
    {
        if (!ActsAt(caller, level, chain))
        {
            throw new ForbiddenException(
                $"Việc \"{act}\" do {Acting(chain, level)} thực hiện; tài khoản của bạn không giữ vai trò ở cấp đó.");
        }
    }

    /// <summary>The level with the organization that acts there: "Đảng ủy cơ sở (Đảng bộ cơ sở xã An Hòa)".</summary>
    public static string Acting(CandidateChain chain, AdmissionLevel level) =>
        chain.At(level) is { } org ? $"{NameOf(level)} ({org.Name})" : NameOf(level);

    public static string NameOf(AdmissionLevel level) => level switch
    {
        AdmissionLevel.Cell => "Chi bộ",
        AdmissionLevel.BaseCommittee => "Đảng ủy cơ sở",
        AdmissionLevel.CompetentCommittee => "Cấp ủy có thẩm quyền",
        AdmissionLevel.Province => "Ban Thường vụ Tỉnh ủy",
        _ => level.ToString(),
    };
}

/// <summary>
/// The organizations that act on a candidate of <see cref="Cell"/>: its base organization (tổ chức
/// cơ sở đảng: the cell itself for a chi bộ cơ sở) and the committee above that (cấp ủy có thẩm quyền).
/// </summary>
public sealed record CandidateChain(Organization Cell, Organization? Base, Organization? Competent, Organization? Province)
{
    /// <summary>The organization acting at a level (null when the tree has none there).</summary>
    public Organization? At(AdmissionLevel level) => level switch
    {
        AdmissionLevel.Cell => Cell,
        AdmissionLevel.BaseCommittee => Base,
        AdmissionLevel.CompetentCommittee => Competent,
        AdmissionLevel.Province => Province,
        _ => null,
    };

    /// <summary>Reads the cell's ancestors (one query over the ids of its path).</summary>
    public static async Task<CandidateChain> OfAsync(Data.ChiBoDb db, Organization cell, CancellationToken ct)
    {
        var ids = Subtree.Ids(cell.Path);
        var chain = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var ordered = ids.Select(id => chain.FirstOrDefault(o => o.Id == id)).OfType<Organization>().ToList();
        var baseIndex = ordered.FindLastIndex(o => o.Kind is OrgKind.BaseCommittee or OrgKind.BaseCell);
        var @base = baseIndex >= 0 ? ordered[baseIndex] : null;
        var competent = baseIndex > 0 ? ordered[baseIndex - 1] : null;
        var province = ordered.FirstOrDefault(o => o.Kind == OrgKind.Province);
        return new CandidateChain(cell, @base, competent, province);
    }
}
