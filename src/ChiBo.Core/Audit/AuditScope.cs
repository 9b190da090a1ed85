namespace ChiBo.Audit;

/// <summary>
/// Who is acting and why, for the audit lines written by this unit of work: one per web request
/// (filled from the signed-in account), one per CLI command.
/// </summary>
public sealed class AuditScope
{
    public string Actor { get; set; } = "system";
    public string? Address { get; set; }
    public string? Reason { get; set; }
    public string? DecisionNumber { get; set; }

    public static AuditScope For(string actor) => new() { Actor = actor };
}
