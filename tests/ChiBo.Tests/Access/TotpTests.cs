using ChiBo.Access;

namespace ChiBo.Tests.Access;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890": the low six digits of its 8-digit codes.
    private static readonly string RfcSecret = Totp.ToBase32("12345678901234567890"u8.ToArray());

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_MatchesRfc6238Vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);

    [Fact]
    public void Verify_AcceptsOneStepOfDriftButNeverTheSameStepTwice()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var previousStepCode = Totp.Code(RfcSecret, now.AddSeconds(-30));
        Totp.Verify(RfcSecret, previousStepCode, now, 0, out var step).ShouldBeTrue();
        Totp.Verify(RfcSecret, previousStepCode, now, step, out _).ShouldBeFalse();
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, now.AddSeconds(-90)), now, 0, out _).ShouldBeFalse();
    }

    [Fact]
    public void Base32_RoundTrips()
    {
        var bytes = Enumerable.Range(0, 37).Select(i => (byte)(i * 7)).ToArray();
        Totp.FromBase32(Totp.ToBase32(bytes)).ShouldBe(bytes);
    }
}
