namespace ChiBo.Audit;

/// <summary>
/// One line of the append-only audit log. Lines form a hash chain per province (chain 0 for
/// what belongs to no province, such as accounts): each line's hash covers its content and the
/// previous line's hash, so an edited or deleted line breaks the chain (`chibo audit verify`).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The chain: the province of the entity, or 0.</summary>
    public int Chain { get; set; }

    /// <summary>Position in the chain, 1, 2, 3…; unique with <see cref="Chain"/>, so two writers cannot fork it.</summary>
    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorAddress { get; set; }

    /// <summary>insert, update, delete, export, read, sign-in…</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The member the line concerns (the record itself, or its periods, events…), for "history of a member".</summary>
    public int? MemberId { get; set; }

    /// <summary>The organization the line concerns, for "history of an organization".</summary>
    public int? OrganizationId { get; set; }

    /// <summary>JSON: {"field": [before, after], …} for writes; what was read or exported otherwise.</summary>
    public string? Changes { get; set; }

    public string? Reason { get; set; }
    public string? DecisionNumber { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
