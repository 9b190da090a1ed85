using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChiBo.Data;

/// <summary>One command, one transaction: all of it is written, or nothing.</summary>
internal static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction, or in the caller's when one is open (a
    /// command made of other commands, an import of many rows). On failure nothing stays written
    /// and nothing stays tracked; a lost optimistic-concurrency race becomes an <see cref="EditConflictException"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(ChiBoDb db, string what, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            var current = await CurrentVersionAsync(e, ct);
            db.ChangeTracker.Clear();
            throw Concurrency.Conflict(what, current);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Both writers passed the rule that checks for an existing row, and the second one's
            // insert met the first one's at the unique index (PostgreSQL, read committed): the
            // same race as a stale version, so the same answer rather than a server error.
            await tx.RollbackAsync(CancellationToken.None);
            var current = await CurrentVersionAsync(db.ChangeTracker.Entries().Where(x => x.State == EntityState.Modified), ct);
            db.ChangeTracker.Clear();
            throw Concurrency.Conflict(what, current);
        }
        catch (Exception e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (e is Audit.IAuditedRefusal refusal)
            {
                // The refusal's own lines outlive the command they refused, in a transaction of their own.
                await Audit.AuditedRefusals.RecordAsync(db, refusal.Lines, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>The version now stored for the row whose update found another version, if it has one.</summary>
    internal static Task<int?> CurrentVersionAsync(DbUpdateConcurrencyException e, CancellationToken ct) => CurrentVersionAsync(e.Entries, ct);

    /// <summary>The version now stored for the first of these entries that has one (call after the failed transaction has ended).</summary>
    internal static async Task<int?> CurrentVersionAsync(IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries, CancellationToken ct)
    {
        var entry = entries.FirstOrDefault(x => x.Metadata.FindProperty("Version") is not null);
        if (entry is null)
        {
            return null;
        }

        try
        {
            return (await entry.GetDatabaseValuesAsync(ct))?["Version"] as int?;
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>A write refused by a unique index (PostgreSQL 23505, SQLite's UNIQUE or PRIMARY KEY constraint).</summary>
    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == 19 && lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// A read-only snapshot for a report made of several statements: REPEATABLE READ on PostgreSQL;
    /// on SQLite a deferred transaction, which takes no write lock (the provider's own BEGIN is
    /// IMMEDIATE, which would hold every writer of the file back for the whole report).
    /// </summary>
    public static async Task<ReadSnapshot> BeginReadSnapshotAsync(ChiBoDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return new ReadSnapshot(db, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct), null);
        }

        await db.Database.OpenConnectionAsync(ct);
        var own = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        return new ReadSnapshot(db, await db.Database.UseTransactionAsync(own, ct) ?? throw new InvalidOperationException("EF Core did not take the transaction."), own);
    }
}

/// <summary>A snapshot from <see cref="Transactions.BeginReadSnapshotAsync"/>: ended, with what it opened, on dispose.</summary>
public sealed class ReadSnapshot(ChiBoDb db, IDbContextTransaction transaction, SqliteTransaction? own) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (own is not null)
        {
            await db.Database.UseTransactionAsync(null);
            await own.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
