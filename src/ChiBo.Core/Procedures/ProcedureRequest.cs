using ChiBo.Access;
using ChiBo.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Procedures;

/// <summary>
/// A request (hồ sơ thủ tục) a member started from their own account, and where it is now: the step
/// waiting, the organization and role that must act, and by when. Its steps were resolved to
/// organizations when it was started (<see cref="Plan"/>); its history is <see cref="ProcedureEvent"/>.
/// </summary>
public sealed class ProcedureRequest
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }
    public ProcedureKind Kind { get; set; }
    public ProcedureStatus Status { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The account that started it.</summary>
    public required string SubmittedBy { get; set; }

    /// <summary>The member's reason or explanation (lý do).</summary>
    public string? Reason { get; set; }

    /// <summary>What the member asked for, by kind (<see cref="ProcedurePayload"/> as JSON).</summary>
    public required string Payload { get; set; }

    /// <summary>The steps resolved to organizations at submission (<see cref="PlannedStep"/> list as JSON).</summary>
    public required string Plan { get; set; }

    /// <summary>Index in <see cref="Plan"/> of the step waiting; null once closed.</summary>
    public int? StepIndex { get; set; }

    public Role? StepRole { get; set; }
    public int? StepOrganizationId { get; set; }

    /// <summary>The acting organization's path, so "what waits for me in my subtree" is one indexed range.</summary>
    public string? StepOrgPath { get; set; }

    public DateOnly? StepStartedOn { get; set; }

    /// <summary>The step's time limit; before today means overdue.</summary>
    public DateOnly? StepDueOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>What the request produced, or why it ended: the letter, the card number, the comment, the reason.</summary>
    public string? Outcome { get; set; }

    /// <summary>The introduction letter issued by a transfer request.</summary>
    public int? TransferId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>One transition of a request: who did what, when, at which step, with what comment.</summary>
public sealed class ProcedureEvent
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int RequestId { get; set; }

    /// <summary>The member the request is about (the audit log links the line to the member).</summary>
    public int MemberId { get; set; }

    public ProcedureAction Action { get; set; }
    public int? StepIndex { get; set; }
    public string? StepName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? Comment { get; set; }
}

internal sealed class ProcedureRequestConfiguration : IEntityTypeConfiguration<ProcedureRequest>
{
    public void Configure(EntityTypeBuilder<ProcedureRequest> b)
    {
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.Payload).HasMaxLength(8000);
        b.Property(r => r.Plan).HasMaxLength(4000);
        b.Property(r => r.StepOrgPath).HasMaxLength(200);
        b.Property(r => r.Outcome).HasMaxLength(4000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.MemberId, r.SubmittedOn });
        b.HasIndex(r => new { r.ProvinceId, r.StepOrgPath });
        b.HasIndex(r => new { r.Status, r.StepDueOn });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.StepOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Transfers.PartyTransfer>().WithMany().HasForeignKey(r => r.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureEventConfiguration : IEntityTypeConfiguration<ProcedureEvent>
{
    public void Configure(EntityTypeBuilder<ProcedureEvent> b)
    {
        b.Property(e => e.StepName).HasMaxLength(300);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.Comment).HasMaxLength(4000);
        b.HasIndex(e => new { e.RequestId, e.At });
        b.HasOne<ProcedureRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
