using ChiBo.Reports;

namespace ChiBo.Tests.Reports;

public sealed class AgeBandTests
{
    [Fact]
    public void ParseList_ReadsClosedAndOpenBands()
    {
        var bands = AgeBand.ParseList("18-35,36-45,46-55,56+");
        bands.Select(b => b.Label).ShouldBe(["18-35", "36-45", "46-55", "56+"]);
        AgeBand.CheckCoverage(bands).ShouldBeNull();
    }

    [Theory]
    [InlineData("18-30,32-40,41+", "hở hoặc chồng nhau")]
    [InlineData("18-30,25-40,41+", "hở hoặc chồng nhau")]
    [InlineData("18-30,31-40", "cuối")]
    public void CheckCoverage_NamesTheProblem(string text, string reason) =>
        AgeBand.CheckCoverage(AgeBand.ParseList(text))!.ShouldContain(reason);

    [Fact]
    public void Parse_RefusesNonsense() => Should.Throw<FormatException>(() => AgeBand.Parse("40-30"));

    [Theory]
    [InlineData("99999-99999")]
    [InlineData("18-151")]
    [InlineData("151+")]
    public void Parse_RefusesAgesNoOneReaches(string text) =>
        Should.Throw<FormatException>(() => AgeBand.Parse(text)).Message.ShouldContain("150");

    /// <summary>The SQL bounds (birth date ≤ asOf−From years, > asOf−(To+1) years) must agree with age in completed years.</summary>
    [Fact]
    public void BirthDateBounds_AgreeWithCompletedYears()
    {
        var band = new AgeBand(31, 40);
        var asOfs = new[] { new DateOnly(2025, 12, 31), new DateOnly(2024, 2, 29), new DateOnly(2025, 3, 1) };
        foreach (var asOf in asOfs)
        {
            for (var birth = asOf.AddYears(-45); birth <= asOf.AddYears(-25); birth = birth.AddDays(1))
            {
                var inSql = birth <= band.BornOnOrBefore(asOf) && birth > band.BornAfter(asOf)!.Value;
                inSql.ShouldBe(band.Contains(ChiBo.Dates.AgeOn(birth, asOf)), $"born {birth:O} as of {asOf:O}");
            }
        }
    }
}
