using ChiBo.Members;
using ChiBo.Members.Excel;
using ChiBo.Organizations;

namespace ChiBo.Tests.Members;

public sealed class MemberRulesTests
{
    private static readonly DateOnly Birth = new(2000, 3, 15);

    [Fact]
    public void MemberIsOldEnough_OneDayBefore18_IsBroken()
    {
        var rule = new MemberIsOldEnoughAtAdmission(Birth, new DateOnly(2018, 3, 14));
        rule.IsBroken().ShouldBeTrue();
        rule.Message.ShouldContain("đủ 18 tuổi");
        rule.Message.ShouldContain("17 tuổi");
    }

    [Fact]
    public void MemberIsOldEnough_On18thBirthday_Holds() =>
        new MemberIsOldEnoughAtAdmission(Birth, new DateOnly(2018, 3, 15)).IsBroken().ShouldBeFalse();

    [Theory]
    [InlineData("2021-03-14", true)]
    [InlineData("2021-03-15", false)]
    public void OfficialAfterProbation_NeedsTwelveMonths(string official, bool broken)
    {
        var rule = new OfficialAfterProbation(new DateOnly(2020, 3, 15), DateOnly.Parse(official, System.Globalization.CultureInfo.InvariantCulture));
        rule.IsBroken().ShouldBe(broken);
        rule.Message.ShouldContain("12 tháng");
    }

    [Fact]
    public void DateIsNotInTheFuture_Tomorrow_IsBrokenWithVietnameseDates()
    {
        var rule = new DateIsNotInTheFuture("Date", "Ngày hiệu lực", new DateOnly(2025, 7, 1), new DateOnly(2025, 6, 30));
        rule.IsBroken().ShouldBeTrue();
        rule.Message.ShouldBe("Ngày hiệu lực (01/07/2025) không được sau ngày hôm nay (30/06/2025).");
    }

    [Theory]
    [InlineData(OrgKind.Cell, false)]
    [InlineData(OrgKind.BaseCell, false)]
    [InlineData(OrgKind.BaseCommittee, true)]
    [InlineData(OrgKind.SectionCommittee, true)]
    public void CellHoldsMembers_OnlyForCells(OrgKind kind, bool broken)
    {
        var org = new Organization { Code = "X", Name = "Đơn vị X", Path = "/1/", Kind = kind };
        new CellHoldsMembers(org).IsBroken().ShouldBe(broken);
    }

    [Fact]
    public void CellHoldsMembers_DissolvedCell_IsBroken()
    {
        var org = new Organization { Code = "X", Name = "Chi bộ X", Path = "/1/", Kind = OrgKind.Cell, DissolvedOn = new DateOnly(2024, 1, 1) };
        var rule = new CellHoldsMembers(org);
        rule.IsBroken().ShouldBeTrue();
        rule.Message.ShouldContain("đã giải thể ngày 01/01/2024");
    }

    [Fact]
    public void RegistrationRules_ReportEveryBrokenRule()
    {
        var profile = new MemberProfile { FullName = " ", Gender = Gender.Male, BirthDate = Birth, Cccd = "123" };
        var cell = new Organization { Code = "X", Name = "Đảng bộ X", Path = "/1/", Kind = OrgKind.BaseCommittee };
        var registration = new MemberRegistration(profile, 0, new DateOnly(2017, 1, 1), new DateOnly(2017, 6, 1));
        var broken = Rules.Broken(MemberRules.ForRegistration(registration, cell, new DateOnly(2025, 1, 1))).Select(r => r.GetType().Name).ToList();
        broken.ShouldBe(
        [
            nameof(FullNameIsGiven), nameof(CccdIsValid), nameof(MemberIsOldEnoughAtAdmission), nameof(OfficialAfterProbation), nameof(CellHoldsMembers),
        ]);
    }

    [Theory]
    [InlineData("Đại học", ProfessionalLevel.University)]
    [InlineData("dai hoc", ProfessionalLevel.University)]
    [InlineData("TRUNG CẤP", ProfessionalLevel.Intermediate)]
    [InlineData("Thạc sĩ", ProfessionalLevel.Master)]
    public void VietnameseNames_ParseIgnoresCaseAndDiacritics(string text, ProfessionalLevel expected) =>
        VietnameseNames.Parse(VietnameseNames.ProfessionalLevels, text).ShouldBe(expected);

    [Fact]
    public void VietnameseNames_RoundTripEveryValue()
    {
        foreach (var (value, name) in VietnameseNames.Genders)
        {
            VietnameseNames.Parse(VietnameseNames.Genders, VietnameseNames.Of(value)).ShouldBe(value);
            name.ShouldNotBeNullOrWhiteSpace();
        }

        VietnameseNames.ParseGeneralEducation("THCS").ShouldBe(GeneralEducation.LowerSecondary);
        VietnameseNames.Parse(VietnameseNames.Religions, "Phật giáo Hòa Hảo").ShouldBe(Religion.HoaHao);
        VietnameseNames.Parse(VietnameseNames.Genders, "Không rõ").ShouldBeNull();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+84 123", "'+84 123")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Nguyễn Văn A", "Nguyễn Văn A")]
    [InlineData("", "")]
    public void Neutralise_PrefixesFormulaStartsWithAnApostrophe(string text, string expected)
    {
        MemberSheet.Neutralise(text).ShouldBe(expected);
        MemberSheet.Unneutralise(MemberSheet.Neutralise(text)).ShouldBe(text);
    }

    [Fact]
    public void Diff_WritesFieldBeforeAfterLines()
    {
        var before = new MemberProfile { FullName = "Lê Văn A", Gender = Gender.Male, BirthDate = Birth };
        var after = before with { Gender = Gender.Female, Workplace = "UBND xã" };
        MemberCommands.Diff(before, after).ShouldBe(["Giới tính: Nam → Nữ", "Nơi làm việc: (trống) → UBND xã"]);
    }
}
