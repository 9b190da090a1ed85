using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Plans;

/// <summary>Loại văn bản of a plan (PLAN-SPEC §3.4).</summary>
public enum PlanKind
{
    /// <summary>Đề án ("02-ĐA/TU").</summary>
    Project = 1,

    /// <summary>Chương trình ("30-CTr/TU").</summary>
    Programme = 2,

    /// <summary>Kế hoạch ("55-KH/TU").</summary>
    Plan = 3,

    /// <summary>Công văn ("443-CV/TU").</summary>
    Dispatch = 4,
}

/// <summary>
/// A plan of a committee (đề án, chương trình, kế hoạch, công văn) as data: its number, issuer,
/// the organization whose subtree it applies to, its period and review years, and its parent
/// plan (a đảng ủy's programme under the province's). Its targets are <see cref="PlanIndicator"/>
/// rows, its task list <see cref="PlanTask"/> rows. A plan is in force for an organization when it
/// was issued for that organization or one above it and its period covers the year.
/// </summary>
public sealed class Plan
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>Số, ký hiệu: "02-ĐA/TU". Unique in the province: a re-import of the same number replaces the definitions.</summary>
    public required string Number { get; set; }

    public PlanKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Cơ quan ban hành: "Ban Thường vụ Tỉnh ủy".</summary>
    public string? IssuedBy { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>The organization the plan applies to (its owner): whoever holds Plans.Write on it edits the plan.</summary>
    public int OrganizationId { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Inclusive last day.</summary>
    public DateOnly To { get; set; }

    /// <summary>Năm sơ kết giữa kỳ.</summary>
    public int? MidTermReview { get; set; }

    /// <summary>Năm tổng kết.</summary>
    public int? FinalReview { get; set; }

    public int? ParentPlanId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public int Version { get; set; }
}

public enum ComparisonOperator
{
    /// <summary>"trên X".</summary>
    Greater = 1,

    /// <summary>"từ X trở lên", "đạt từ X".</summary>
    GreaterOrEqual = 2,

    /// <summary>"dưới X".</summary>
    Less = 3,

    /// <summary>"không quá X".</summary>
    LessOrEqual = 4,

    /// <summary>"100%", "tất cả", "không có" (= 0).</summary>
    Equal = 5,

    /// <summary>"đạt từ 3 - 4%": the closed range [Target, TargetHigh].</summary>
    Between = 6,
}

public enum IndicatorPeriod
{
    /// <summary>Every year of the plan ("hằng năm", "duy trì"): the year's window.</summary>
    Yearly = 1,

    /// <summary>The whole term ("cả nhiệm kỳ"): cumulative from the term's start.</summary>
    Term = 2,
}

/// <summary>Which way is better (FHIR improvementNotation): "increase" for "trên", "từ … trở lên"; "decrease" for "dưới", "giảm".</summary>
public enum Direction
{
    Increase = 1,
    Decrease = 2,
}

/// <summary>The levels an indicator applies to (PLAN-SPEC §2.1): P, D, B, S, C.</summary>
[Flags]
public enum IndicatorLevels
{
    None = 0,

    /// <summary>P: đảng bộ tỉnh.</summary>
    Province = 1,

    /// <summary>D: đảng bộ trực thuộc Tỉnh ủy.</summary>
    Superior = 2,

    /// <summary>B: tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở).</summary>
    Base = 4,

    /// <summary>S: đảng bộ bộ phận.</summary>
    Section = 8,

    /// <summary>C: chi bộ (trực thuộc, or a chi bộ cơ sở).</summary>
    Cell = 16,
}

/// <summary>
/// A target of a plan as data (DHIS2's indicator): a numerator and an optional denominator, each
/// a sum or difference of measures of the catalogue (<see cref="MeasureCatalogue"/>), summed over
/// the subtree and then divided; a factor (100 for %, 1 for a count); the comparison as the plan
/// words it; the period; the status thresholds. A manual indicator is entered by hand with its
/// source (<see cref="IndicatorEntry"/>).
/// </summary>
public sealed class PlanIndicator
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PlanId { get; set; }

    /// <summary>Position in the plan file.</summary>
    public int Order { get; set; }

    /// <summary>"T3a": unique within the plan.</summary>
    public required string Code { get; set; }

    /// <summary>The plan's own wording.</summary>
    public required string Text { get; set; }

    /// <summary>Where the wording is ("000:150").</summary>
    public string? Source { get; set; }

    /// <summary>What the value counts ("%", "đảng viên").</summary>
    public string? Unit { get; set; }

    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public int Factor { get; set; } = 1;
    public ComparisonOperator Operator { get; set; }

    /// <summary>The plan's own target; null when the plan leaves it to the level above ("đảm bảo chỉ tiêu cấp trên giao"): only allocations give one.</summary>
    public decimal? Target { get; set; }

    /// <summary>The upper end of a <see cref="ComparisonOperator.Between"/> range.</summary>
    public decimal? TargetHigh { get; set; }

    public IndicatorPeriod Period { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public Direction Direction { get; set; }

    /// <summary>
    /// Status threshold (data, like a DHIS2 legend): a value short of the target but not beyond this
    /// one is "at risk" rather than "not met" while the period runs. Null: <see cref="IndicatorStatusPolicy"/>'s default.
    /// </summary>
    public decimal? AtRisk { get; set; }

    /// <summary>The far end above a <see cref="ComparisonOperator.Between"/> range.</summary>
    public decimal? AtRiskHigh { get; set; }

    /// <summary>None: every level.</summary>
    public IndicatorLevels Levels { get; set; }

    /// <summary>The register cannot compute it: its value is entered by hand with the source, and shown as such.</summary>
    public bool Manual { get; set; }
}

/// <summary>
/// A target allocated to a unit (giao chỉ tiêu, e.g. the admission quotas of KH 55-KH/TU): for one
/// year, or every year when <see cref="Year"/> is null. A ratio target cascades to every unit
/// below unless one of them has its own; a count target applies to its unit only.
/// </summary>
public sealed class IndicatorAllocation
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int IndicatorId { get; set; }
    public int OrganizationId { get; set; }
    public int? Year { get; set; }
    public decimal Target { get; set; }
    public decimal? TargetHigh { get; set; }

    /// <summary>The decision that set it ("55-KH/TU").</summary>
    public string? Source { get; set; }

    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>A value of a manual indicator for a unit and a year, with where it comes from.</summary>
public sealed class IndicatorEntry
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int IndicatorId { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public long Numerator { get; set; }
    public long? Denominator { get; set; }

    /// <summary>Nguồn số liệu: "Báo cáo số 12-BC/ĐU ngày 15/12/2026".</summary>
    public required string Source { get; set; }

    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Number).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(1000);
        b.Property(p => p.IssuedBy).HasMaxLength(300);
        b.Property(p => p.ImportedBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.ProvinceId, p.Number }).IsUnique();
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanIndicatorConfiguration : IEntityTypeConfiguration<PlanIndicator>
{
    public void Configure(EntityTypeBuilder<PlanIndicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(50);
        b.Property(i => i.Text).HasMaxLength(2000);
        b.Property(i => i.Source).HasMaxLength(200);
        b.Property(i => i.Unit).HasMaxLength(100);
        b.Property(i => i.Numerator).HasMaxLength(1000);
        b.Property(i => i.Denominator).HasMaxLength(1000);
        b.Property(i => i.Target).HasPrecision(18, 4);
        b.Property(i => i.TargetHigh).HasPrecision(18, 4);
        b.Property(i => i.AtRisk).HasPrecision(18, 4);
        b.Property(i => i.AtRiskHigh).HasPrecision(18, 4);
        b.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
        b.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorAllocationConfiguration : IEntityTypeConfiguration<IndicatorAllocation>
{
    public void Configure(EntityTypeBuilder<IndicatorAllocation> b)
    {
        b.Property(a => a.Target).HasPrecision(18, 4);
        b.Property(a => a.TargetHigh).HasPrecision(18, 4);
        b.Property(a => a.Source).HasMaxLength(300);
        b.Property(a => a.SetBy).HasMaxLength(100);
        b.HasIndex(a => new { a.IndicatorId, a.OrganizationId, a.Year }).IsUnique();
        b.HasOne<PlanIndicator>().WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorEntryConfiguration : IEntityTypeConfiguration<IndicatorEntry>
{
    public void Configure(EntityTypeBuilder<IndicatorEntry> b)
    {
        b.Property(e => e.Source).HasMaxLength(500);
        b.Property(e => e.EnteredBy).HasMaxLength(100);
        b.HasIndex(e => new { e.IndicatorId, e.OrganizationId, e.Year }).IsUnique();
        b.HasOne<PlanIndicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
