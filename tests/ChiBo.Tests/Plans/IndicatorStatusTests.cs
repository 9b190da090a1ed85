using ChiBo.Plans;

namespace ChiBo.Tests.Plans;

/// <summary>Operators compared exactly in integers (PLAN-SPEC conventions), statuses while a period runs and after it.</summary>
public sealed class IndicatorStatusTests
{
    private static IndicatorTarget Target(ComparisonOperator op, decimal low, decimal? high = null, decimal? atRisk = null) =>
        new(op, low, high, atRisk, null, op is ComparisonOperator.Less or ComparisonOperator.LessOrEqual ? Direction.Decrease : Direction.Increase);

    private static IndicatorFraction Share(long part, long whole) => new(part, whole, 100);

    [Fact]
    public void NinetyPercentExactly_FailsAbove90_AndPassesFrom90()
    {
        var exactly = Share(9_000, 10_000);
        Target(ComparisonOperator.Greater, 90).Holds(exactly).ShouldBeFalse();
        Target(ComparisonOperator.GreaterOrEqual, 90).Holds(exactly).ShouldBeTrue();
        Target(ComparisonOperator.Greater, 90).Status(exactly, false, ended: true, 365, 365, IndicatorStatusPolicy.Default).ShouldBe(IndicatorStatus.NotMet);
        Target(ComparisonOperator.GreaterOrEqual, 90).Status(exactly, false, ended: true, 365, 365, IndicatorStatusPolicy.Default).ShouldBe(IndicatorStatus.Met);
    }

    [Fact]
    public void AValueThatRoundsTo90_IsNotTakenFor90()
    {
        // 89,996 % shows as 90,00 but is short of "from 90"; 90,004 % shows as 90,00 and is above 90.
        var justBelow = Share(22_499, 25_000);
        justBelow.Value.ShouldBe(90.00m);
        Target(ComparisonOperator.GreaterOrEqual, 90).Holds(justBelow).ShouldBeFalse();
        var justAbove = Share(22_501, 25_000);
        justAbove.Value.ShouldBe(90.00m);
        Target(ComparisonOperator.Greater, 90).Holds(justAbove).ShouldBeTrue();
    }

    [Fact]
    public void Equal100_NeedsEveryOne_AndEqualZero_NeedsNone()
    {
        Target(ComparisonOperator.Equal, 100).Holds(Share(5_516, 5_517)).ShouldBeFalse();
        Target(ComparisonOperator.Equal, 100).Holds(Share(5_517, 5_517)).ShouldBeTrue();
        Target(ComparisonOperator.Equal, 0).Holds(new IndicatorFraction(0, 1, 1)).ShouldBeTrue();
        Target(ComparisonOperator.Equal, 0).Holds(new IndicatorFraction(1, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Between3And4Percent_IncludesBothEnds()
    {
        var range = Target(ComparisonOperator.Between, 3, 4);
        range.Holds(Share(3, 100)).ShouldBeTrue();
        range.Holds(Share(4, 100)).ShouldBeTrue();
        range.Holds(Share(2_999, 100_000)).ShouldBeFalse();
        range.Holds(Share(4_001, 100_000)).ShouldBeFalse();
        // 2.458 admissions over 72.578 members (003:29) is 3,39 %.
        range.Holds(Share(2_458, 72_578)).ShouldBeTrue();
    }

    [Fact]
    public void LessThan_AndDecimalTargets_CompareExactly()
    {
        Target(ComparisonOperator.Less, 2.5m).Holds(Share(1, 40)).ShouldBeFalse(); // 2,5 % is not below 2,5
        Target(ComparisonOperator.LessOrEqual, 2.5m).Holds(Share(1, 40)).ShouldBeTrue();
        Target(ComparisonOperator.GreaterOrEqual, 33.34m).Holds(Share(1, 3)).ShouldBeFalse(); // 33,333… %
        Target(ComparisonOperator.GreaterOrEqual, 33.33m).Holds(Share(1, 3)).ShouldBeTrue();
    }

    [Fact]
    public void AYearlyCount_IsOnTrackWhenAheadOfItsProRatedTarget_AndMetOnceReached()
    {
        var quota = Target(ComparisonOperator.GreaterOrEqual, 3_600);
        var policy = IndicatorStatusPolicy.Default;
        // Half the year gone (182 of 365 days): 1.795 is the pro-rated 3.600 × 182 ÷ 365 = 1.795,07.
        quota.Status(new IndicatorFraction(1_796, 1, 1), growingCount: true, ended: false, 182, 365, policy).ShouldBe(IndicatorStatus.OnTrack);
        quota.Status(new IndicatorFraction(1_795, 1, 1), growingCount: true, ended: false, 182, 365, policy).ShouldBe(IndicatorStatus.AtRisk);
        quota.Status(new IndicatorFraction(1_000, 1, 1), growingCount: true, ended: false, 182, 365, policy).ShouldBe(IndicatorStatus.NotMet);
        quota.Status(new IndicatorFraction(3_600, 1, 1), growingCount: true, ended: false, 182, 365, policy).ShouldBe(IndicatorStatus.Met);
        quota.Status(new IndicatorFraction(3_599, 1, 1), growingCount: true, ended: true, 365, 365, policy).ShouldBe(IndicatorStatus.NotMet);
        quota.Gap(new IndicatorFraction(1_000, 1, 1), 182, 365).ShouldBe(795.07m);
    }

    [Fact]
    public void AShare_IsAtRiskWithinItsThreshold_WhileThePeriodRuns()
    {
        var attendance = Target(ComparisonOperator.GreaterOrEqual, 90);
        var policy = IndicatorStatusPolicy.Default;
        attendance.Status(Share(91, 100), false, false, 100, 365, policy).ShouldBe(IndicatorStatus.OnTrack);
        attendance.Status(Share(81, 100), false, false, 100, 365, policy).ShouldBe(IndicatorStatus.AtRisk);
        attendance.Status(Share(80, 100), false, false, 100, 365, policy).ShouldBe(IndicatorStatus.NotMet);
        // The indicator's own threshold replaces the default.
        Target(ComparisonOperator.GreaterOrEqual, 90, atRisk: 85).Status(Share(84, 100), false, false, 100, 365, policy).ShouldBe(IndicatorStatus.NotMet);
        Target(ComparisonOperator.GreaterOrEqual, 90).Gap(Share(80, 100)).ShouldBe(10m);
    }

    [Fact]
    public void Operators_ReadAsThePlanFileWritesThem()
    {
        IndicatorTarget.ParseOperator(">").ShouldBe(ComparisonOperator.Greater);
        IndicatorTarget.ParseOperator(" >= ").ShouldBe(ComparisonOperator.GreaterOrEqual);
        IndicatorTarget.ParseOperator("≤").ShouldBe(ComparisonOperator.LessOrEqual);
        IndicatorTarget.ParseOperator("between").ShouldBe(ComparisonOperator.Between);
        IndicatorTarget.ParseOperator("=>").ShouldBeNull();
        IndicatorTarget.ParseOperator("trên").ShouldBeNull();
    }
}
