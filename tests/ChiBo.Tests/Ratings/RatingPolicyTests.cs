using ChiBo.Generation;
using ChiBo.Ratings;

namespace ChiBo.Tests.Ratings;

/// <summary>The rating policy as data (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW; 124-QĐ/TW before 2025): bands, knock-outs, cap, cross-level rule, who is not rated.</summary>
public sealed class RatingPolicyTests
{
    private static readonly RatingPolicy Policy = RatingPolicy.Default;

    [Theory]
    [InlineData(90, 1.0, 0.30, 0.0, RatingLevel.Excellent)]
    [InlineData(100, 1.0, 0.29, 0.0, RatingLevel.Good)]
    [InlineData(89.99, 1.0, 0.50, 0.0, RatingLevel.Good)]
    [InlineData(95, 0.98, 0.50, 0.02, RatingLevel.Fulfilled)]
    [InlineData(70, 1.0, 0.0, 0.0, RatingLevel.Good)]
    [InlineData(69.99, 1.0, 0.0, 0.0, RatingLevel.Fulfilled)]
    [InlineData(50, 0.80, 0.0, 0.20, RatingLevel.Fulfilled)]
    [InlineData(60, 0.79, 0.0, 0.21, RatingLevel.NotFulfilled)]
    [InlineData(49.99, 1.0, 0.0, 0.0, RatingLevel.NotFulfilled)]
    public void HighestFor_ScoreAndTasks_GiveTheBandOf366(decimal score, decimal onTime, decimal exceeded, decimal late, RatingLevel expected) =>
        Policy.HighestFor(new RatingFacts(score, onTime, exceeded, late), RatingSubject.Member).ShouldBe(expected);

    [Fact]
    public void HighestFor_UnknownShares_AreNotHeldAgainstTheSubject() =>
        Policy.HighestFor(new RatingFacts(92), RatingSubject.Organization).ShouldBe(RatingLevel.Excellent);

    [Fact]
    public void HighestFor_Disciplined_IsKhtnv_AndDisciplineBelowOnlyBarsHtxsnv()
    {
        Policy.HighestFor(new RatingFacts(98, 1, 1, 0, Disciplined: true), RatingSubject.Member).ShouldBe(RatingLevel.NotFulfilled);
        Policy.HighestFor(new RatingFacts(98, 1, 1, 0, Disciplined: true), RatingSubject.Organization).ShouldBe(RatingLevel.NotFulfilled);
        Policy.HighestFor(new RatingFacts(98, 1, 1, 0, DisciplinedBelow: true), RatingSubject.Organization).ShouldBe(RatingLevel.Good);
        RatingPolicy.Regulation124.HighestFor(new RatingFacts(null, DisciplinedBelow: true), RatingSubject.Organization).ShouldBe(RatingLevel.Good);
    }

    [Fact]
    public void For_AYear_IsTheVersionInForceForItsReview()
    {
        RatingPolicy.For(2021).Version.ShouldBe("124-QĐ/TW");
        RatingPolicy.For(2024).Version.ShouldBe("124-QĐ/TW");
        RatingPolicy.For(2025).Version.ShouldBe("366-QĐ/TW");
        RatingPolicy.For(2030).Version.ShouldBe("366-QĐ/TW");
        RatingPolicy.For(2024).Scale.ShouldBeNull();
        RatingPolicy.For(2025).Scale!.Total.ShouldBe(100);
        var scale = RatingPolicy.Default.Scale!;
        scale.MemberCriteria.Where(c => c.Group == CriterionGroup.General).Sum(c => c.MaxPoints).ShouldBe(scale.GeneralPoints);
        scale.MemberCriteria.Where(c => c.Group == CriterionGroup.TaskResults).Sum(c => c.MaxPoints).ShouldBe(scale.TaskPoints);
        scale.OrganizationCriteria.Sum(c => c.MaxPoints).ShouldBe(100);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, 10, true)]
    [InlineData(3, 10, false)]
    [InlineData(1, 4, false)]
    [InlineData(1, 5, true)]
    public void Cap_HtxsnvAtMostAFifthOfHttnv_ComparedInIntegers(int excellent, int good, bool allowed) =>
        Policy.MemberCap!.Allows(excellent, good).ShouldBe(allowed);

    [Theory]
    [InlineData(1, 7, 2, 0, true)]
    [InlineData(1, 6, 3, 0, false)]
    [InlineData(2, 8, 0, 1, false)]
    [InlineData(0, 0, 0, 0, true)]
    public void CrossLevel_AllHtnvAndFourFifthsHttnv(int excellent, int good, int fulfilled, int notFulfilled, bool allowed) =>
        Policy.CrossLevel!.Allows(excellent, good, fulfilled, notFulfilled).ShouldBe(allowed);

    [Fact]
    public void NotRated_ExemptedAndNewMembersAndNewOrganizations_OnTheReviewDate()
    {
        var review = new DateOnly(2025, 12, 15);
        Policy.MemberNotRatedOn(review, true, new DateOnly(1990, 1, 1), new DateOnly(1991, 1, 1)).ShouldBe(NotRatedReason.Exempted);
        Policy.MemberNotRatedOn(review, false, new DateOnly(2025, 6, 16), null).ShouldBe(NotRatedReason.NewMember);
        Policy.MemberNotRatedOn(review, false, new DateOnly(2025, 6, 15), null).ShouldBeNull();
        Policy.MemberNotRatedOn(review, false, new DateOnly(2010, 6, 15), new DateOnly(2011, 6, 15)).ShouldBeNull();
        Policy.OrganizationNotRatedOn(review, new DateOnly(2025, 7, 1)).ShouldBe(NotRatedReason.NewlyFounded);
        Policy.OrganizationNotRatedOn(review, new DateOnly(2025, 6, 15)).ShouldBeNull();
        Policy.IsMemberReason(NotRatedReason.NewlyFounded).ShouldBeFalse();
        Policy.IsOrganizationReason(NotRatedReason.Exempted).ShouldBeFalse();
    }

    [Fact]
    public void Names_ParseCodesAndWordsWithOrWithoutDiacritics()
    {
        RatingNames.ParseCode("httnv").ShouldBe(RatingLevel.Good);
        RatingNames.ParseCode("Hoàn thành xuất sắc nhiệm vụ").ShouldBe(RatingLevel.Excellent);
        RatingNames.ParseCode("khong hoan thanh nhiem vu").ShouldBe(RatingLevel.NotFulfilled);
        RatingNames.ParseCode("tốt").ShouldBeNull();
        RatingNames.ParseReason("newMember").ShouldBe(NotRatedReason.NewMember);
        RatingNames.ParseReason("Được miễn công tác và sinh hoạt đảng").ShouldBe(NotRatedReason.Exempted);
    }

    [Fact]
    public void StatedShare_IsMetWhenTheShareBothRoundsAndTruncatesToIt()
    {
        var share = new StatedShare(9658, 4); // "96.58%"
        share.MetBy(1130, 1170).ShouldBeTrue();   // 0,965812
        share.MetBy(922, 955).ShouldBeFalse();    // 0,965445: rounds to 96,54
        share.MetBy(923, 955).ShouldBeFalse();    // 0,966492
        new StatedShare(9658, 4).MetBy(96585, 100_000).ShouldBeFalse(); // 0,96585 would round up to 96,59
        new StatedShare(100, 2).MetBy(7, 7).ShouldBeTrue();
        new StatedShare(0, 2).MetBy(0, 3).ShouldBeTrue();
    }

    [Fact]
    public void ReportShare_HasFourDecimals()
    {
        RatingReport.Share(1130, 1170).ShouldBe(0.9658m);
        RatingReport.Share(1130, 1170)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0.9658");
        RatingReport.Share(5, 5)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1.0000");
        RatingReport.Share(0, 0).ShouldBeNull();
    }
}
