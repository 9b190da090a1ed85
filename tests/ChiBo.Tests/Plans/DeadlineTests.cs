using ChiBo.Plans;

namespace ChiBo.Tests.Plans;

/// <summary>The deadline kinds of PLAN-SPEC §3.3, each resolved to the due date of an occurrence.</summary>
public sealed class DeadlineTests
{
    private static readonly DateOnly Issued = new(2026, 3, 27);

    [Theory]
    [InlineData("2026-06-15", DeadlineKind.Date, "2026-06-15")]
    [InlineData("trước 15/6/2026", DeadlineKind.Date, "2026-06-15")]
    [InlineData("trước ngày 15/12/2022", DeadlineKind.Date, "2022-12-15")]
    [InlineData("06/2026", DeadlineKind.Month, "2026-06-30")]
    [InlineData("Trong tháng 12/2022", DeadlineKind.Month, "2022-12-31")]
    [InlineData("Q1/2026", DeadlineKind.Quarter, "2026-03-31")]
    [InlineData("Quý I/2026", DeadlineKind.Quarter, "2026-03-31")]
    [InlineData("Quý II/2026", DeadlineKind.Quarter, "2026-06-30")]
    [InlineData("2028", DeadlineKind.Year, "2028-12-31")]
    [InlineData("Năm 2028", DeadlineKind.Year, "2028-12-31")]
    [InlineData("Giai đoạn 2026 - 2028", DeadlineKind.Phase, "2028-12-31")]
    [InlineData("yearly", DeadlineKind.Yearly, "2027-12-31")]
    [InlineData("Thường xuyên hàng năm", DeadlineKind.Yearly, "2027-12-31")]
    [InlineData("trước ngày 30/12 hằng năm", DeadlineKind.Yearly, "2027-12-30")]
    [InlineData("Sơ kết 2028; tổng kết 2030", DeadlineKind.Milestones, "2028-12-31")]
    [InlineData("khẩn trương", DeadlineKind.Urgent, "2026-04-26")]
    public void Parse_ResolvesTheWordingToADueDate(string text, DeadlineKind kind, string due)
    {
        var d = Deadline.Parse(text);
        d.Kind.ShouldBe(kind);
        d.DueFor(2027, Issued, PlanTaskPolicy.Default).ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("continuous", DeadlineKind.Continuous)]
    [InlineData("Thường xuyên", DeadlineKind.Continuous)]
    [InlineData("Thường xuyên và theo chỉ đạo, hướng dẫn của Trung ương", DeadlineKind.Continuous)]
    [InlineData("Theo văn bản của trung ương", DeadlineKind.OnGuidance)]
    [InlineData("Khi có yêu cầu của cấp trên", DeadlineKind.Text)]
    public void Parse_KindsWithoutADate_AreReviewedInstead(string text, DeadlineKind kind)
    {
        var d = Deadline.Parse(text);
        d.Kind.ShouldBe(kind);
        d.Reviewed.ShouldBeTrue();
        d.DueFor(2026, Issued, PlanTaskPolicy.Default).ShouldBeNull();
    }

    [Fact]
    public void Milestones_AreDueInTheirYears()
    {
        var d = Deadline.Parse("Sơ kết 2028; tổng kết 2030");
        d.MilestoneYears.ShouldBe([2028, 2030]);
        d.DueFor(2029, Issued, PlanTaskPolicy.Default).ShouldBe(new DateOnly(2030, 12, 31));
        d.OccurrenceYear(2026).ShouldBe(2028);
        d.PerYear.ShouldBeTrue();
    }
}
