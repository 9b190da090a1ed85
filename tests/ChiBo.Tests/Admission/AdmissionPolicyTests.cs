using ChiBo.Admission;
using ChiBo.Members;

namespace ChiBo.Tests.Admission;

public sealed class AdmissionPolicyTests
{
    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(2, 4, false)]
    [InlineData(6, 9, true)]
    [InlineData(5, 9, false)]
    [InlineData(0, 0, false)]
    public void EnoughVotes_NeedsTwoThirdsOfOfficialMembers(int votesFor, int official, bool passes)
    {
        AdmissionPolicy.EnoughVotes(votesFor, official).ShouldBe(passes);
        new AdmissionNeedsTwoThirdsOfOfficialMembers(votesFor, official).IsBroken().ShouldBe(!passes);
    }

    [Fact]
    public void Admit_WhenLessThanTwoThirdsAgree_RuleSaysHowManyAreNeeded()
    {
        var rule = new AdmissionNeedsTwoThirdsOfOfficialMembers(5, 9);
        rule.IsBroken().ShouldBeTrue();
        rule.Message.ShouldBe("Nghị quyết kết nạp cần ít nhất hai phần ba số đảng viên chính thức tán thành: 5/9 tán thành, cần ít nhất 6.");
    }

    [Fact]
    public void Age_From18To60_OlderNeedsProvincialConsent()
    {
        var on = new DateOnly(2025, 6, 1);
        new CandidateAgeWithinLimits(new DateOnly(2007, 6, 2), on, null).IsBroken().ShouldBeTrue();
        new CandidateAgeWithinLimits(new DateOnly(2007, 6, 1), on, null).IsBroken().ShouldBeFalse();
        new CandidateAgeWithinLimits(new DateOnly(1964, 6, 1), on, null).IsBroken().ShouldBeTrue();
        new CandidateAgeWithinLimits(new DateOnly(1964, 6, 1), on, null).Message.ShouldContain("Ban Thường vụ Tỉnh ủy");
        new CandidateAgeWithinLimits(new DateOnly(1964, 6, 1), on, "45-CV/TU").IsBroken().ShouldBeFalse();
        new CandidateAgeWithinLimits(new DateOnly(1965, 6, 1), on, null).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void Education_AtLeastLowerSecondary()
    {
        new CandidateHasLowerSecondaryEducation(GeneralEducation.Primary).IsBroken().ShouldBeTrue();
        new CandidateHasLowerSecondaryEducation(GeneralEducation.LowerSecondary).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void CourseCertificate_IsValidFiveYears()
    {
        var issued = new DateOnly(2020, 3, 10);
        new CourseCertificateIsValid(issued, new DateOnly(2025, 3, 9)).IsBroken().ShouldBeFalse();
        new CourseCertificateIsValid(issued, new DateOnly(2025, 3, 10)).IsBroken().ShouldBeTrue();
        new CourseCertificateIsValid(null, new DateOnly(2025, 3, 10)).IsBroken().ShouldBeTrue();
    }

    [Fact]
    public void Probation_IsTwelveMonths_EvenFromALeapDay()
    {
        AdmissionPolicy.ProbationEnds(new DateOnly(2023, 7, 3)).ShouldBe(new DateOnly(2024, 7, 3));
        AdmissionPolicy.ProbationEnds(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2025, 2, 28));
        new OfficialAfterProbation(new DateOnly(2023, 7, 3), new DateOnly(2024, 7, 2)).IsBroken().ShouldBeTrue();
    }

    [Fact]
    public void Introducer_MustHaveWorkedWithTheCandidateForAYear()
    {
        var on = new DateOnly(2025, 4, 1);
        new IntroducerKnewCandidateLongEnough("A", new DateOnly(2024, 4, 2), on).IsBroken().ShouldBeTrue();
        new IntroducerKnewCandidateLongEnough("A", new DateOnly(2024, 4, 1), on).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void WorkingDays_SkipWeekends_AndTheOverdueCutoffAgreesWithTheDueDay()
    {
        WorkingDays.Add(new DateOnly(2025, 6, 6), 1).ShouldBe(new DateOnly(2025, 6, 9)); // Friday → Monday
        WorkingDays.Add(new DateOnly(2025, 6, 2), 30).ShouldBe(new DateOnly(2025, 7, 14));
        var today = new DateOnly(2025, 6, 30);
        for (var start = today.AddDays(-80); start <= today; start = start.AddDays(1))
        {
            (start < WorkingDays.OverdueBefore(today, 30)).ShouldBe(WorkingDays.Add(start, 30) < today, $"start {start}");
        }
    }
}
