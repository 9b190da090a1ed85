using ChiBo.Text;

namespace ChiBo.Tests.Text;

public sealed class LargestRemainderTests
{
    [Fact]
    public void Apportion_GivesLeftoverUnitsToLargestFractions()
    {
        // 10 × (0.333, 0.333, 0.334) = 3.33, 3.33, 3.34 → floors 3,3,3 and one unit left for the largest fraction.
        LargestRemainder.Apportion(10, [0.333m, 0.333m, 0.334m]).ShouldBe([3, 3, 4]);
    }

    [Fact]
    public void Apportion_KeepsTheRoundedSumOfQuotas()
    {
        var counts = LargestRemainder.Apportion(131194, [0.2143m, 0.3588m, 0.2218m]);
        counts.Sum().ShouldBe((int)Math.Round(131194 * (0.2143m + 0.3588m + 0.2218m), MidpointRounding.AwayFromZero));
        counts.ShouldBe([28115, 47072, 29099]);
    }

    [Fact]
    public void Apportion_BreaksTiesByOrder() =>
        LargestRemainder.Apportion(3, [0.5m, 0.5m]).ShouldBe([2, 1]);
}
