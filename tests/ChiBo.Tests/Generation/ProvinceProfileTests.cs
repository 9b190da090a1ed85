using ChiBo.Generation;
using ChiBo.Organizations;

namespace ChiBo.Tests.Generation;

public sealed class ProvinceProfileTests
{
    private const string Members = """{ "code": "XX", "asOf": "2025-12-31", "members": { "total": 1000, "dimensions": { DIMS } } }""";

    private static ProfileException Invalid(string json) => Should.Throw<ProfileException>(() => ProvinceProfile.Parse(json));

    [Theory]
    [InlineData("\"gender\": { \"femal\": 10 }", "members.dimensions.gender.femal")]
    [InlineData("\"gendr\": { \"female\": 10 }", "members.dimensions.gendr")]
    [InlineData("\"generalEducation\": { \"literate\": \"60%\", \"primary\": \"50%\" }", "members.dimensions.generalEducation")]
    [InlineData("\"gender\": { \"female\": 400, \"male\": 500 }", "members.dimensions.gender.male")]
    [InlineData("\"ethnicity\": { \"minority\": \"101%\" }", "members.dimensions.ethnicity.minority")]
    [InlineData("\"religion\": { \"religious\": 1001 }", "members.dimensions.religion")]
    [InlineData("\"retired\": { \"yes\": -1 }", "members.dimensions.retired.yes")]
    [InlineData("\"status\": { \"probationary\": \"abc\" }", "members.dimensions.status.probationary")]
    [InlineData("\"generalEducation\": { \"primary\": 600, \"literate\": 500 }", "members.dimensions.generalEducation")]
    [InlineData("\"ageBand\": { \"18-35\": 500, \"37-45\": 300, \"46+\": 200 }", "members.dimensions.ageBand")]
    [InlineData("\"ageBand\": { \"18-35\": 500, \"30-45\": 300, \"46+\": 200 }", "members.dimensions.ageBand")]
    [InlineData("\"ageBand\": { \"18-35\": 500, \"36-60\": 500 }", "members.dimensions.ageBand")]
    [InlineData("\"ageBand\": { \"18-35\": 500, \"36+\": 400 }", "members.dimensions.ageBand")]
    [InlineData("\"ageBand\": { \"18-x\": 500, \"36+\": 500 }", "members.dimensions.ageBand.18-x")]
    public void Parse_InvalidDimension_NamesTheField(string dims, string field) =>
        Invalid(Members.Replace("DIMS", dims, StringComparison.Ordinal)).Field.ShouldBe(field);

    [Theory]
    [InlineData("""{ "asOf": "2025-13-01" }""", "asOf")]
    [InlineData("""{ "members": { "total": -5 } }""", "members.total")]
    [InlineData("""{ "members": { "total": 100, "meanAge": 120 } }""", "members.meanAge")]
    [InlineData("""{ "members": { "total": 100, "meanAge": 60, "dimensions": { "ageBand": { "18-30": 100, "31+": 0 } } } }""", "members.meanAge")]
    [InlineData("""{ "colour": "red" }""", "colour")]
    [InlineData("""{ "organizations": { "baseCommittees": 2, "baseCells": 3, "baseBySector": { "army": 1 } } }""", "organizations.baseBySector.army")]
    [InlineData("""{ "organizations": { "baseCommittees": 2, "baseCells": 3, "baseBySector": { "commune": 4, "state-agency": 2 } } }""", "organizations.baseBySector")]
    [InlineData("""{ "organizations": { "cells": -1 } }""", "organizations.cells")]
    [InlineData("""{ "asOf": "2025-12-31", "history": { "periods": [ { "from": "2021-01-01", "to": "2026-12-31", "admitted": 5 } ] } }""", "history.periods[0].to")]
    [InlineData("""{ "history": { "periods": [ { "from": "2021-02-30", "to": "2021-12-31" } ] } }""", "history.periods[0].from")]
    [InlineData("""{ "history": { "periods": [ { "from": "2021-01-01", "to": "2021-12-31", "admited": 5 } ] } }""", "history.periods[0].admited")]
    [InlineData("""{ "history": { "periods": [ { "from": "2021-01-01", "to": "2021-12-31", "died": -2 } ] } }""", "history.periods[0].died")]
    [InlineData("""{ "history": { "periods": [ { "from": "2021-01-01", "to": "2022-12-31" }, { "from": "2022-01-01", "to": "2023-12-31" } ] } }""", "history.periods[1].from")]
    [InlineData("""{ "history": { "periods": [ { "from": "2022-01-01", "to": "2021-12-31" } ] } }""", "history.periods[0].to")]
    [InlineData("""{ "code": "A G" }""", "code")]
    [InlineData("""[1, 2]""", "profile")]
    [InlineData("""{ "members": """, "profile")]
    public void Parse_InvalidField_NamesTheField(string json, string field) =>
        Invalid(json).Field.ShouldBe(field);

    [Fact]
    public void Parse_InvalidCategory_SaysItIsNotInTheVocabulary()
    {
        var e = Invalid(Members.Replace("DIMS", "\"gender\": { \"femal\": 10 }", StringComparison.Ordinal));
        e.Message.ShouldStartWith("members.dimensions.gender.femal: hạng mục không có trong từ vựng");
    }

    [Fact]
    public void Parse_Percentages_BecomeCountsByLargestRemainder_RemainderTakesTheRest()
    {
        // 1000 × (33.35 %, 33.35 %, 33.3 % left) = 333.5, 333.5, 333: one unit left, the tie goes to the earlier category.
        var p = ProvinceProfile.Parse("""{ "members": { "total": 1000, "dimensions": { "professional": { "elementary": "33.35%", "universityPlus": "33.35%" } } } }""");
        p.Dimensions["professional"]["elementary"].ShouldBe(334);
        p.Dimensions["professional"]["universityPlus"].ShouldBe(333);
        p.Dimensions["professional"]["intermediateCollege"].ShouldBe(0);
        p.Dimensions["professional"]["none"].ShouldBe(333);
    }

    [Fact]
    public void Parse_CountsAndPercentagesTogether_AddUpToTheTotal()
    {
        var p = ProvinceProfile.Parse("""{ "members": { "total": 200, "dimensions": { "generalEducation": { "literate": 7, "primary": "10.25%" } } } }""");
        var d = p.Dimensions["generalEducation"];
        d["literate"].ShouldBe(7);
        d["primary"].ShouldBe(21); // 20.5 rounds up: its fraction beats the remainder's
        d["lowerSecondary"].ShouldBe(0);
        d["upperSecondary"].ShouldBe(172);
        d.Values.Sum().ShouldBe(200);
    }

    [Fact]
    public void Parse_AgeBandsInPercent_AddUpToTheTotal()
    {
        var p = ProvinceProfile.Parse("""{ "members": { "total": 999, "dimensions": { "ageBand": { "56+": "20%", "18-35": "30%", "36-55": "50%" } } } }""");
        p.AgeBands.Select(b => b.Band.Label).ShouldBe(["18-35", "36-55", "56+"]);
        p.AgeBands.Select(b => b.Count).ShouldBe([300, 499, 200]);
    }

    [Fact]
    public void Parse_AnGiang_KeepsEveryStatedNumber()
    {
        var p = DemoProvince.Profile("an-giang.json");
        p.Total.ShouldBe(131194);
        p.MeanAge.ShouldBe(45.34m);
        p.Dimensions["gender"]["female"].ShouldBe(46917);
        p.Dimensions["gender"]["male"].ShouldBe(131194 - 46917);
        p.Dimensions["politicalTheory"]["elementary"].ShouldBe(0);
        p.Dimensions["politicalTheory"]["none"].ShouldBe(131194 - 35235 - 10756);
        p.AgeBands.Select(b => b.Count).ShouldBe([28123, 47075, 29119, 26877]);
        p.Organizations.ShouldBe(p.Organizations with { DirectUnits = 107, BaseCommittees = 421, BaseCells = 534, SectionCommittees = 64, Cells = 5517 });
        p.Organizations.BaseBySector[Sector.PublicService].ShouldBe(375);
        p.Organizations.BaseBySector[Sector.Other].ShouldBe(955 - 949);
        p.Periods.Single()["admitted"].ShouldBe(15618);
        p.Periods.Single()["removed"].ShouldBe(1843);
    }

    [Fact]
    public void Parse_AbsentDimension_GetsADefaultThatAddsUp()
    {
        var p = DemoProvince.Profile("ha-giang.json");
        p.Dimensions["status"]["probationary"].ShouldBe(2664);
        foreach (var (name, counts) in p.Dimensions)
        {
            counts.Values.Sum().ShouldBe(72578, name);
        }

        p.AgeBands.Sum(b => b.Count).ShouldBe(72578);
        p.Organizations.DirectUnits.ShouldBeGreaterThan(0);
        p.Organizations.BaseBySector.Values.Sum().ShouldBe(305 + 539);
    }

    [Fact]
    public void Scale_KeepsShares_AndRescalesCountsByLargestRemainder()
    {
        var p = DemoProvince.Profile("an-giang.json").Scale(0.1);
        p.Total.ShouldBe(13119);
        p.Dimensions["gender"]["female"].ShouldBe(4692); // 46917 / 131194 × 13119 = 4691.6
        foreach (var (name, counts) in p.Dimensions)
        {
            counts.Values.Sum().ShouldBe(13119, name);
        }

        p.AgeBands.Sum(b => b.Count).ShouldBe(13119);
        p.Organizations.BaseCommittees.ShouldBe(42);
        p.Organizations.BaseCells.ShouldBe(53);
        p.Organizations.BaseBySector.Values.Sum().ShouldBe(95);
        p.Periods.Single()["admitted"].ShouldBe(1562);
    }

    [Fact]
    public void Plan_ScaleAboveOne_MustBeWhole_AndGivesCopiesWithTheirOwnCodes()
    {
        var p = DemoProvince.Profile("ha-giang.json");
        ProvinceSeeder.Plan(p, 3).Select(x => x.Code).ShouldBe(["HG", "HG02", "HG03"]);
        ProvinceSeeder.Plan(p, 3).ShouldAllBe(x => x.Total == 72578);
        Should.Throw<ProfileException>(() => ProvinceSeeder.Plan(p, 2.5)).Field.ShouldBe("--scale");
    }
}
