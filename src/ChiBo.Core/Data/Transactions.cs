using Microsoft.EntityFrameworkCore;

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
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw Concurrency.Conflict(what);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
