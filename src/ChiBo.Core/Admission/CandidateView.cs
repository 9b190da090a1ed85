using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Admission;

/// <summary>
/// A candidate's file (hồ sơ kết nạp) as a caller may see it: the steps of the procedure and the
/// lý lịch through <see cref="ProfileView"/>, so ethnicity, religion and CCCD only with
/// Members.ReadSensitive on the candidate's cell. Never the entity, whose profile JSON carries them all.
/// </summary>
public sealed record CandidateView(
    int Id,
    int ProvinceId,
    int CellId,
    string FullName,
    DateOnly BirthDate,
    ProfileView Profile,
    CandidateStep Step,
    DateOnly StepSince,
    DateOnly NominatedOn,
    string? CourseCertificateNumber,
    DateOnly? CourseCertificateDate,
    DateOnly? ApplicationDate,
    DateOnly? CvDate,
    IntroductionKind? IntroductionKind,
    int? Introducer1Id,
    int? Introducer2Id,
    string? UnionResolutionNumber,
    DateOnly? IntroducedOn,
    DateOnly? VerifiedOn,
    string? ProvincialConsentNumber,
    DateOnly? CellResolutionDate,
    int? CellOfficialMembers,
    int? CellVotesFor,
    DateOnly? BaseCommitteeDate,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateOnly? CeremonyDate,
    int? MemberId,
    string? NewMemberCourseCertificateNumber,
    DateOnly? NewMemberCourseDate,
    DateOnly? RecognitionResolutionDate,
    int? RecognitionOfficialMembers,
    int? RecognitionVotesFor,
    string? RecognitionDecisionNumber,
    DateOnly? RecognitionDecisionDate,
    string? StopReason,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int Version)
{
    /// <summary>The file as <paramref name="caller"/> may see it on the candidate's cell.</summary>
    public static async Task<CandidateView> ForAsync(ChiBoDb db, Candidate c, OrgScope caller, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == c.CellId).Select(o => o.Path).SingleAsync(ct);
        return Of(c, MemberSight.On(caller, new Subtree(c.ProvinceId, path)));
    }

    public static CandidateView Of(Candidate c, MemberSight sight) => new(
        c.Id, c.ProvinceId, c.CellId, c.FullName, c.BirthDate, ProfileView.Of(AdmissionCommands.ProfileOf(c), sight),
        c.Step, c.StepSince, c.NominatedOn, c.CourseCertificateNumber, c.CourseCertificateDate, c.ApplicationDate, c.CvDate,
        c.IntroductionKind, c.Introducer1Id, c.Introducer2Id, c.UnionResolutionNumber, c.IntroducedOn, c.VerifiedOn,
        c.ProvincialConsentNumber, c.CellResolutionDate, c.CellOfficialMembers, c.CellVotesFor, c.BaseCommitteeDate,
        c.DecisionNumber, c.DecisionDate, c.CeremonyDate, c.MemberId, c.NewMemberCourseCertificateNumber, c.NewMemberCourseDate,
        c.RecognitionResolutionDate, c.RecognitionOfficialMembers, c.RecognitionVotesFor, c.RecognitionDecisionNumber,
        c.RecognitionDecisionDate, c.StopReason, c.UpdatedAt, c.UpdatedBy, c.Version);
}
