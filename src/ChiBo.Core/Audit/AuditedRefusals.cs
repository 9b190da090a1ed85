using ChiBo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChiBo.Audit;

/// <summary>
/// A refusal that must leave audit lines although the command it refused writes nothing: the
/// transaction that owns the command (<see cref="Transactions.RunAsync{T}"/>) rolls back, then
/// records <see cref="Lines"/> in a transaction of their own.
/// </summary>
public interface IAuditedRefusal
{
    IReadOnlyList<AuditEntry> Lines { get; }
}

public static class AuditedRefusals
{
    /// <summary>A line about an act that changed nothing, as the context's audit scope sees the caller (address, reason).</summary>
    public static AuditEntry Line(ChiBoDb db, string actor, string action, string entityType, string details, int chain, DateTimeOffset at)
    {
        var scope = ScopeOf(db);
        return new AuditEntry
        {
            Chain = chain,
            At = at,
            Actor = actor,
            ActorAddress = scope?.Address,
            Action = action,
            EntityType = entityType,
            Changes = details,
            PreviousHash = AuditChain.Genesis,
            Hash = "",
        };
    }

    /// <summary>Appends the lines to their chains in a transaction of their own, or in the caller's when one is open.</summary>
    public static async Task RecordAsync(ChiBoDb db, IReadOnlyList<AuditEntry> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            await AuditChain.AppendAsync(db, lines, ct);
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditChain.AppendAsync(db, lines, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static AuditScope? ScopeOf(ChiBoDb db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().FirstOrDefault()?.Scope;
}
