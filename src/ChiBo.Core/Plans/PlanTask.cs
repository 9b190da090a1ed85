using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Plans;

public enum PlanTaskStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted = 0,

    /// <summary>Đang thực hiện.</summary>
    InProgress = 1,

    /// <summary>Hoàn thành.</summary>
    Done = 2,
}

/// <summary>
/// A task of a plan's list (danh mục nhiệm vụ) with the six "rõ" of Công văn 443-CV/TU (001:22):
/// content; lead and partners; a typed deadline (<see cref="Deadline"/>); the responsible
/// collective and head; the authority that issues or approves the output; the expected output.
/// A task whose lead is "each direct committee" (các đảng ủy trực thuộc) fans out: one child task
/// per direct unit of the plan's organization, led by that unit, which reports on its own.
/// Progress is a history of <see cref="PlanTaskReport"/> rows.
/// </summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PlanId { get; set; }

    /// <summary>Set on the child tasks of a fan-out.</summary>
    public int? ParentTaskId { get; set; }

    /// <summary>STT in the plan's list; a fan-out child keeps its parent's.</summary>
    public int No { get; set; }

    /// <summary>(1) Nội dung nhiệm vụ; several items are separated by new lines.</summary>
    public required string Content { get; set; }

    /// <summary>(2) Cơ quan chủ trì as the plan names it.</summary>
    public string? Lead { get; set; }

    /// <summary>The unit of the tree that leads a fan-out child; it reports on the task.</summary>
    public int? LeadOrganizationId { get; set; }

    /// <summary>(2) Cơ quan phối hợp, one per line.</summary>
    public string? Partners { get; set; }

    /// <summary>(3) Thời gian thực hiện/hoàn thành, as the plan words it.</summary>
    public string? Deadline { get; set; }

    public DeadlineKind DeadlineKind { get; set; }

    /// <summary>(4) Người đứng đầu chịu trách nhiệm.</summary>
    public string? ResponsibleHead { get; set; }

    /// <summary>(4) Tập thể chịu trách nhiệm.</summary>
    public string? ResponsibleCollective { get; set; }

    /// <summary>(5) Thẩm quyền ban hành, phê duyệt sản phẩm.</summary>
    public string? Authority { get; set; }

    /// <summary>(6) Sản phẩm đầu ra, one item per line.</summary>
    public string? Output { get; set; }

    /// <summary>Codes of the plan's indicators the task serves, comma-separated ("T2a,T2b").</summary>
    public string? IndicatorCodes { get; set; }

    /// <summary>True on a parent whose lead is every direct unit.</summary>
    public bool FansOut { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> PartnerList => Lines(Partners);

    public IReadOnlyList<string> IndicatorList => string.IsNullOrWhiteSpace(IndicatorCodes)
        ? []
        : IndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<string> Lines(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Which of the six "rõ" the task lacks (the report of tasks missing any field, PLAN-SPEC §3.2).</summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        void Need(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(field);
            }
        }

        Need(Content, "content");
        Need(Lead, "lead");
        Need(Deadline, "deadline");
        if (string.IsNullOrWhiteSpace(ResponsibleHead) && string.IsNullOrWhiteSpace(ResponsibleCollective))
        {
            missing.Add("responsible");
        }

        Need(Authority, "authority");
        Need(Output, "output");
        return missing;
    }
}

/// <summary>
/// A report on a task: its status and progress, with the evidence (the document that delivers the
/// output: number, date, and the file in the documents library). For a yearly or milestone task
/// the report is about one year's occurrence (<see cref="Year"/>); otherwise Year is null.
/// The latest report of an occurrence is its state.
/// </summary>
public sealed class PlanTaskReport
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int TaskId { get; set; }
    public int? Year { get; set; }
    public PlanTaskStatus Status { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    public DateOnly ReportedOn { get; set; }

    /// <summary>When the task was done (a done task's lateness is judged on it).</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Số, ký hiệu of the document that delivers the output ("55-KH/TU").</summary>
    public string? EvidenceNumber { get; set; }

    public DateOnly? EvidenceDate { get; set; }

    /// <summary>The document's file in the library.</summary>
    public long? DocumentId { get; set; }

    public string? Note { get; set; }
    public required string ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}

/// <summary>A reminder sent for one occurrence of a task, so that it is sent once.</summary>
public sealed class PlanTaskReminder
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int TaskId { get; set; }

    /// <summary>The due date the reminder is about.</summary>
    public DateOnly Due { get; set; }

    public bool Overdue { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(t => t.Content).HasMaxLength(4000);
        b.Property(t => t.Lead).HasMaxLength(500);
        b.Property(t => t.Partners).HasMaxLength(2000);
        b.Property(t => t.Deadline).HasMaxLength(500);
        b.Property(t => t.ResponsibleHead).HasMaxLength(300);
        b.Property(t => t.ResponsibleCollective).HasMaxLength(300);
        b.Property(t => t.Authority).HasMaxLength(300);
        b.Property(t => t.Output).HasMaxLength(2000);
        b.Property(t => t.IndicatorCodes).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.PlanId, t.No });
        b.HasIndex(t => t.LeadOrganizationId);
        b.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(t => t.ParentTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanTaskReportConfiguration : IEntityTypeConfiguration<PlanTaskReport>
{
    public void Configure(EntityTypeBuilder<PlanTaskReport> b)
    {
        b.Property(r => r.EvidenceNumber).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.ReportedBy).HasMaxLength(100);
        b.HasIndex(r => new { r.TaskId, r.Year, r.Id });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Documents.Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanTaskReminderConfiguration : IEntityTypeConfiguration<PlanTaskReminder>
{
    public void Configure(EntityTypeBuilder<PlanTaskReminder> b)
    {
        b.HasIndex(r => new { r.TaskId, r.Due, r.Overdue }).IsUnique();
        b.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
