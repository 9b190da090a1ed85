using ChiBo.Cadres;
using ChiBo.Generation;

namespace ChiBo.Tests.Cadres;

/// <summary>The profile's <c>committees</c> block: resolved to whole counts per level, bad input refused naming the field.</summary>
public sealed class CommitteeProfileTests
{
    private static ProvinceProfile Parse(string committees) =>
        ProvinceProfile.Parse("""{ "code": "TP", "members": { "total": 2000 }, "committees": """ + committees + " }");

    [Fact]
    public void CommitteesBlock_ResolvesPercentagesAndRemainders_PerLevel()
    {
        var profile = Parse("""{ "villageCell": { "members": 329, "dimensions": { "politicalTheory": { "intermediate": 62 }, "position": { "secretary": 82 }, "gender": { "female": "25%" } } } }""");
        var target = profile.Committees[CommitteeLevels.VillageCell];
        target.Members.ShouldBe(329);
        target["politicalTheory"]!["intermediate"].ShouldBe(62);
        target["politicalTheory"]!["none"].ShouldBe(267);
        target["position"]!["secretary"].ShouldBe(82);
        target["position"]!["member"].ShouldBe(247);
        target["gender"]!["female"].ShouldBe(82); // 25 % of 329 = 82,25
        target["grade"].ShouldBeNull();
        profile.Scale(0.5).Committees.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{ "cell": { "members": 3 } }""", "committees.cell")]
    [InlineData("""{ "base": { "dimensions": { "gender": { "female": 1 } } } }""", "committees.base.members")]
    [InlineData("""{ "base": { "members": 10, "dimensions": { "religion": { "religious": 1 } } } }""", "committees.base.dimensions.religion")]
    [InlineData("""{ "base": { "members": 10, "dimensions": { "grade": { "senior": 8, "principal": 5 } } } }""", "committees.base.dimensions.grade")]
    [InlineData("""{ "commune": { "members": 10, "dimensions": { "ageBand": { "18-41": 4, "42-50": 4 } } } }""", "committees.commune.dimensions.ageBand")]
    [InlineData("""{ "province": { "members": 10, "chair": 1 } }""", "committees.province.chair")]
    public void CommitteesBlock_BadInput_IsRefusedNamingTheField(string committees, string field)
    {
        Should.Throw<ProfileException>(() => Parse(committees)).Field.ShouldStartWith(field);
    }
}
