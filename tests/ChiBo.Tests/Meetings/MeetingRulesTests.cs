using ChiBo.Meetings;

namespace ChiBo.Tests.Meetings;

public sealed class MeetingRulesTests
{
    private static readonly MeetingQualityPolicy Policy = MeetingRules.Default.Quality;

    private static Dictionary<string, int> All(int score) => Policy.Criteria.ToDictionary(c => c.Code, _ => score);

    [Fact]
    public void QualityPolicy_Weights_AddUpToOneHundredAndNameTheirSource()
    {
        Policy.Criteria.Sum(c => c.Weight).ShouldBe(100);
        Policy.Criteria.Select(c => c.Code).ShouldBeUnique();
        Policy.Source.ShouldContain("50-CT/TW");
    }

    [Theory]
    [InlineData(9, MeetingRating.Good)]
    [InlineData(8, MeetingRating.Fair)]
    [InlineData(7, MeetingRating.Fair)]
    [InlineData(6, MeetingRating.Average)]
    [InlineData(5, MeetingRating.Average)]
    [InlineData(4, MeetingRating.Poor)]
    public void Rate_WithFullAttendance_FollowsTheThresholds(int everyCriterion, MeetingRating expected)
    {
        var score = Policy.Score(All(everyCriterion));
        score.ShouldBe(everyCriterion * 10m);
        Policy.Rate(score, 1m).ShouldBe(expected);
    }

    [Fact]
    public void Score_WeighsEachCriterion()
    {
        // 10/10 on the two 20-point criteria, 0 on the four 15-point ones: 40 points.
        var scores = Policy.Criteria.ToDictionary(c => c.Code, c => c.Weight == 20 ? 10 : 0);
        Policy.Score(scores).ShouldBe(40m);
    }

    [Fact]
    public void Rate_WhenAttendanceIsBelowTheTarget_IsNeverGood()
    {
        Policy.Rate(95m, 0.89m).ShouldBe(MeetingRating.Fair);
        Policy.Rate(95m, 0.90m).ShouldBe(MeetingRating.Good);
    }

    [Theory]
    [InlineData(2025, 2, 31, 28)]
    [InlineData(2024, 2, 31, 29)]
    [InlineData(2025, 4, 31, 30)]
    [InlineData(2025, 5, 10, 10)]
    public void DayInMonth_WhenTheMonthIsShorter_TakesItsLastDay(int year, int month, int day, int expected) =>
        MeetingRules.DayInMonth(year, month, day).ShouldBe(new DateOnly(year, month, expected));

    [Fact]
    public void OnlineMeetings_AreOnlyForSpecialCells()
    {
        MeetingRules.Default.OnlineAllowed(ChiBo.Organizations.Sector.EnterpriseCoop).ShouldBeTrue();
        MeetingRules.Default.OnlineAllowed(ChiBo.Organizations.Sector.Commune).ShouldBeFalse();
    }
}
