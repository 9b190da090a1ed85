using ChiBo.Discipline;
using ChiBo.Organizations;

namespace ChiBo.Tests.Discipline;

/// <summary>The rules of <see cref="DisciplinePolicy"/>: forms per subject, who decides what, time limits.</summary>
public sealed class DisciplinePolicyTests
{
    private static readonly DisciplinePolicy Policy = DisciplinePolicy.Default;

    [Fact]
    public void Forms_OfficialMembersFour_ProbationaryTwo_OrganizationsThree()
    {
        DisciplinePolicy.FormsFor(DisciplineSubject.Member, probationary: false)
            .ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dismissal, DisciplineForm.Expulsion]);
        DisciplinePolicy.FormsFor(DisciplineSubject.Member, probationary: true).ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning]);
        DisciplinePolicy.FormsFor(DisciplineSubject.Organization, probationary: false)
            .ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution]);

        new FormFitsTheSubject(DisciplineSubject.Member, true, DisciplineForm.Expulsion).IsBroken().ShouldBeTrue();
        new FormFitsTheSubject(DisciplineSubject.Member, true, DisciplineForm.Expulsion).Message.ShouldContain("dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo");
        new FormFitsTheSubject(DisciplineSubject.Member, false, DisciplineForm.Dissolution).IsBroken().ShouldBeTrue();
        new FormFitsTheSubject(DisciplineSubject.Organization, false, DisciplineForm.Expulsion).IsBroken().ShouldBeTrue();
        new FormFitsTheSubject(DisciplineSubject.Organization, false, DisciplineForm.Dissolution).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void Powers_CellReprimandsAndWarns_BaseCommitteeAlsoDismisses_TheLevelAboveDecidesEverything()
    {
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Cell, DecidingBody.Cell).ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning]);
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Base, DecidingBody.Committee)
            .ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dismissal]);
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Base, DecidingBody.InspectionCommission)
            .ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning]);
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Section, DecidingBody.Committee).ShouldBeEmpty();
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Superior, DecidingBody.InspectionCommission)
            .ShouldContain(DisciplineForm.Expulsion);
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Province, DecidingBody.StandingCommittee).Count.ShouldBe(4);
        Policy.FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Central, DecidingBody.Central).Count.ShouldBe(4);

        // A base committee empowered to admit members may expel (Điều lệ Đảng, Điều 36.1).
        (Policy with { BaseCommitteeMayExpel = true }).FormsDecidedBy(DisciplineSubject.Member, DisciplineLevel.Base, DecidingBody.Committee)
            .ShouldContain(DisciplineForm.Expulsion);

        var refused = new LevelMayDecideTheForm(Policy, DisciplineSubject.Member, DisciplineLevel.Cell, DecidingBody.Cell, "Chi bộ ấp Một", DisciplineForm.Dismissal);
        refused.IsBroken().ShouldBeTrue();
        refused.Message.ShouldBe("Chi bộ ấp Một chỉ có thẩm quyền quyết định khiển trách, cảnh cáo đối với đảng viên, không quyết định cách chức (Điều lệ Đảng, Điều 36–38).");
    }

    [Fact]
    public void Organizations_AreDisciplinedFromAboveTheBase_AndDissolvedTwoLevelsUp()
    {
        Policy.FormsDecidedBy(DisciplineSubject.Organization, DisciplineLevel.Base, DecidingBody.Committee).ShouldBeEmpty();
        Policy.FormsDecidedBy(DisciplineSubject.Organization, DisciplineLevel.Superior, DecidingBody.InspectionCommission)
            .ShouldBe([DisciplineForm.Reprimand, DisciplineForm.Warning]);
        Policy.FormsDecidedBy(DisciplineSubject.Organization, DisciplineLevel.Superior, DecidingBody.Committee).ShouldContain(DisciplineForm.Dissolution);

        // A cell (depth 3) under a base committee (2) under a commune (1): the commune may dissolve it, the base committee may not.
        new DissolutionIsDecidedTwoLevelsUp(DisciplineForm.Dissolution, 1, 3).IsBroken().ShouldBeFalse();
        new DissolutionIsDecidedTwoLevelsUp(DisciplineForm.Dissolution, 2, 3).IsBroken().ShouldBeTrue();
        new DissolutionIsDecidedTwoLevelsUp(DisciplineForm.Warning, 2, 3).IsBroken().ShouldBeFalse();

        // The deciding level stands above the subject: an organization is not disciplined by itself or a sibling.
        new LevelIsAboveTheSubject(DisciplineSubject.Organization, "/1/2/", DecidingBody.Committee, "/1/2/3/", "x").IsBroken().ShouldBeFalse();
        new LevelIsAboveTheSubject(DisciplineSubject.Organization, "/1/2/3/", DecidingBody.Committee, "/1/2/3/", "x").IsBroken().ShouldBeTrue();
        new LevelIsAboveTheSubject(DisciplineSubject.Organization, "/1/4/", DecidingBody.Committee, "/1/2/3/", "x").IsBroken().ShouldBeTrue();

        // A cell's meeting disciplines its own members only.
        new LevelIsAboveTheSubject(DisciplineSubject.Member, "/1/2/3/", DecidingBody.Cell, "/1/2/3/", "x").IsBroken().ShouldBeFalse();
        new LevelIsAboveTheSubject(DisciplineSubject.Member, "/1/2/3/", DecidingBody.Cell, "/1/2/4/", "x").IsBroken().ShouldBeTrue();
    }

    [Fact]
    public void LevelOf_FollowsTheOrganizationKind()
    {
        DisciplinePolicy.LevelOf(OrgKind.Cell, DecidingBody.Cell).ShouldBe(DisciplineLevel.Cell);
        DisciplinePolicy.LevelOf(OrgKind.BaseCell, DecidingBody.Cell).ShouldBe(DisciplineLevel.Cell);
        DisciplinePolicy.LevelOf(OrgKind.BaseCommittee, DecidingBody.InspectionCommission).ShouldBe(DisciplineLevel.Base);
        DisciplinePolicy.LevelOf(OrgKind.SuperiorToBase, DecidingBody.StandingCommittee).ShouldBe(DisciplineLevel.Superior);
        DisciplinePolicy.LevelOf(OrgKind.Province, DecidingBody.Committee).ShouldBe(DisciplineLevel.Province);
        DisciplinePolicy.LevelOf(null, DecidingBody.Central).ShouldBe(DisciplineLevel.Central);
        DisciplinePolicy.BodiesOf(OrgKind.Cell).ShouldBe([DecidingBody.Cell]);
        DisciplinePolicy.BodiesOf(OrgKind.SuperiorToBase).ShouldContain(DecidingBody.InspectionCommission);
    }

    [Fact]
    public void Appeals_WithinOneMonthOfReceipt_AnsweredWithinTheLevelsWorkingDays()
    {
        var received = new DateOnly(2025, 3, 10);
        Policy.AppealDeadline(received).ShouldBe(new DateOnly(2025, 4, 10));
        new AppealWithinTheWindow(Policy, received, new DateOnly(2025, 4, 10)).IsBroken().ShouldBeFalse();
        var late = new AppealWithinTheWindow(Policy, received, new DateOnly(2025, 4, 11));
        late.IsBroken().ShouldBeTrue();
        late.Message.ShouldContain("chậm nhất ngày 10/04/2025");

        // Filed on Monday 3/3/2025: 30 working days (six weeks) at the base level end on Monday 14/4,
        // 60 at the level above on 26/5, 90 at the province on 7/7.
        var filed = new DateOnly(2025, 3, 3);
        Policy.ResolutionDue(DisciplineLevel.Base, filed).ShouldBe(new DateOnly(2025, 4, 14));
        Policy.ResolutionDue(DisciplineLevel.Superior, filed).ShouldBe(new DateOnly(2025, 5, 26));
        Policy.ResolutionDue(DisciplineLevel.Province, filed).ShouldBe(new DateOnly(2025, 7, 7));
        Policy.ResolutionDays(DisciplineLevel.Central).ShouldBe(180);
    }

    [Fact]
    public void Appeals_GoToAHigherLevel()
    {
        // From a cell to its base committee's inspection commission: above.
        new AppealGoesHigher("/1/2/3/", DecidingBody.InspectionCommission, "/1/2/3/4/", DecidingBody.Cell, "Chi bộ").IsBroken().ShouldBeFalse();

        // Against an inspection commission's decision, to its own standing committee or committee.
        new AppealGoesHigher("/1/2/", DecidingBody.StandingCommittee, "/1/2/", DecidingBody.InspectionCommission, "UBKT").IsBroken().ShouldBeFalse();
        new AppealGoesHigher("/1/2/", DecidingBody.InspectionCommission, "/1/2/", DecidingBody.StandingCommittee, "BTV").IsBroken().ShouldBeTrue();

        // Not sideways or down; the centre answers anything.
        new AppealGoesHigher("/1/5/", DecidingBody.Committee, "/1/2/3/", DecidingBody.Cell, "Chi bộ").IsBroken().ShouldBeTrue();
        new AppealGoesHigher("/1/2/3/4/", DecidingBody.Cell, "/1/2/", DecidingBody.Committee, "Đảng ủy").IsBroken().ShouldBeTrue();
        new AppealGoesHigher(null, DecidingBody.Central, "/1/", DecidingBody.Committee, "Tỉnh ủy").IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void LimitationPeriod_FiveYearsForReprimand_TenForWarningAndDismissal_NoneForExpulsion()
    {
        var decided = new DateOnly(2025, 6, 1);
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Member, DisciplineForm.Reprimand, new DateOnly(2020, 6, 1), decided).IsBroken().ShouldBeFalse();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Member, DisciplineForm.Reprimand, new DateOnly(2020, 5, 31), decided).IsBroken().ShouldBeTrue();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Member, DisciplineForm.Dismissal, new DateOnly(2016, 1, 1), decided).IsBroken().ShouldBeFalse();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Member, DisciplineForm.Warning, new DateOnly(2015, 5, 31), decided).IsBroken().ShouldBeTrue();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Member, DisciplineForm.Expulsion, new DateOnly(1990, 1, 1), decided).IsBroken().ShouldBeFalse();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Organization, DisciplineForm.Warning, new DateOnly(2015, 6, 1), decided).IsBroken().ShouldBeFalse();
        new WithinTheLimitationPeriod(Policy, DisciplineSubject.Organization, DisciplineForm.Dissolution, new DateOnly(1990, 1, 1), decided).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void Levels_AreNamedAsPeopleWriteThem()
    {
        DisciplineNames.Level(DecidingBody.InspectionCommission, "Đảng bộ xã An Hòa").ShouldBe("Ủy ban Kiểm tra Đảng ủy xã An Hòa");
        DisciplineNames.Level(DecidingBody.StandingCommittee, "Đảng bộ tỉnh An Giang").ShouldBe("Ban Thường vụ Tỉnh ủy An Giang");
        DisciplineNames.Level(DecidingBody.Committee, "Đảng bộ cơ sở xã An Hòa").ShouldBe("Đảng ủy cơ sở xã An Hòa");
        DisciplineNames.Level(DecidingBody.Cell, "Chi bộ ấp Một").ShouldBe("Chi bộ ấp Một");
        DisciplineNames.Level(DecidingBody.Central, null).ShouldBe("Trung ương");
    }
}
