using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Organizations;

namespace ChiBo.Tests.Admission;

/// <summary>Which act a file waits for, and which role acts at which level.</summary>
public sealed class AdmissionProcedureTests
{
    private static readonly DateOnly Today = new(2025, 6, 2);

    private static Candidate File(CandidateStep step, DateOnly birth, Action<Candidate>? more = null)
    {
        var c = new Candidate { FullName = "Thử", ProfileJson = "{}", UpdatedBy = "t", Step = step, BirthDate = birth, StepSince = Today };
        more?.Invoke(c);
        return c;
    }

    private static Organization Org(OrgKind kind) => new() { Code = kind.ToString(), Name = kind.ToString(), Kind = kind, Path = "/1/" };

    [Fact]
    public void NextAct_FollowsTheSteps_WithConsentOver60_AndTheCourseBeforeTheRecognitionVote()
    {
        var young = new DateOnly(2000, 1, 1);
        AdmissionProcedure.Next(File(CandidateStep.Nominated, young), Today).ShouldBe(AdmissionProcedure.Course);
        AdmissionProcedure.Next(File(CandidateStep.Verified, young), Today).ShouldBe(AdmissionProcedure.CellResolution);
        AdmissionProcedure.Next(File(CandidateStep.Verified, new DateOnly(1960, 1, 1)), Today).ShouldBe(AdmissionProcedure.ProvincialConsent);
        AdmissionProcedure.Next(File(CandidateStep.Verified, new DateOnly(1960, 1, 1), c => c.ProvincialConsentNumber = "12-CV/TU"), Today).ShouldBe(AdmissionProcedure.CellResolution);
        AdmissionProcedure.Next(File(CandidateStep.CellResolved, young), Today)!.Level.ShouldBe(AdmissionLevel.BaseCommittee);
        AdmissionProcedure.Next(File(CandidateStep.BaseCommitteeAgreed, young), Today)!.Level.ShouldBe(AdmissionLevel.CompetentCommittee);
        AdmissionProcedure.Next(File(CandidateStep.OnProbation, young), Today).ShouldBe(AdmissionProcedure.NewMemberCourse);
        AdmissionProcedure.Next(File(CandidateStep.OnProbation, young, c => c.NewMemberCourseDate = Today), Today).ShouldBe(AdmissionProcedure.RecognitionVote);
        AdmissionProcedure.Next(File(CandidateStep.OnProbation, young, c => (c.NewMemberCourseDate, c.RecognitionResolutionDate) = (Today, Today)), Today)
            .ShouldBe(AdmissionProcedure.RecognitionDecision);
        AdmissionProcedure.Next(File(CandidateStep.Official, young), Today).ShouldBeNull();
        AdmissionProcedure.StopLevel(File(CandidateStep.OnProbation, young), Today).ShouldBe(AdmissionLevel.CompetentCommittee);
        AdmissionProcedure.StopLevel(File(CandidateStep.Applied, young), Today).ShouldBe(AdmissionLevel.Cell);
    }

    [Fact]
    public void Roles_ActAtTheirOwnLevel_AChiBoCoSoIsItsOwnBase_AndTheBoardDecidesUnderTheProvince()
    {
        var cell = new CandidateChain(Org(OrgKind.Cell), Org(OrgKind.BaseCommittee), Org(OrgKind.SuperiorToBase), Org(OrgKind.Province));
        AdmissionProcedure.ActsAt(Role.CellCommittee, AdmissionLevel.Cell, cell).ShouldBeTrue();
        AdmissionProcedure.ActsAt(Role.CellCommittee, AdmissionLevel.BaseCommittee, cell).ShouldBeFalse();
        AdmissionProcedure.ActsAt(Role.BaseCommittee, AdmissionLevel.Cell, cell).ShouldBeFalse();
        AdmissionProcedure.ActsAt(Role.BaseCommittee, AdmissionLevel.BaseCommittee, cell).ShouldBeTrue();
        AdmissionProcedure.ActsAt(Role.SuperiorCommittee, AdmissionLevel.CompetentCommittee, cell).ShouldBeTrue();
        AdmissionProcedure.ActsAt(Role.ProvinceBoard, AdmissionLevel.CompetentCommittee, cell).ShouldBeFalse();
        AdmissionProcedure.ActsAt(Role.ProvinceBoard, AdmissionLevel.Province, cell).ShouldBeTrue();
        AdmissionProcedure.ActsAt(Role.Inspection, AdmissionLevel.Cell, cell).ShouldBeFalse();
        AdmissionProcedure.ActsAt(Role.Admin, AdmissionLevel.CompetentCommittee, cell).ShouldBeTrue();

        var baseCell = new CandidateChain(Org(OrgKind.BaseCell), Org(OrgKind.BaseCell), Org(OrgKind.Province), Org(OrgKind.Province));
        AdmissionProcedure.ActsAt(Role.CellCommittee, AdmissionLevel.BaseCommittee, baseCell).ShouldBeTrue();
        AdmissionProcedure.ActsAt(Role.ProvinceBoard, AdmissionLevel.CompetentCommittee, baseCell).ShouldBeTrue();
    }
}
