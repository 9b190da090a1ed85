using System.Threading.Channels;
using ChiBo.Data;
using Microsoft.Extensions.Logging;

namespace ChiBo.Audit;

/// <summary>
/// The audit lines of reads of personal data (a member's record, a list page), appended to the
/// hash chains by one background writer in batches instead of by the request that read.
/// <para>
/// A line in the request meant a write transaction per record view: on SQLite the database's
/// single write lock, on PostgreSQL the lock of the province's chain. During a 20.000-row import
/// that holds both for its whole transaction, every record view waited behind it, or failed with
/// "database is locked". Now the view queues its line and answers; the writer waits for the lock.
/// </para>
/// <para>
/// The queue is bounded (<see cref="Capacity"/> lines): when a writer is stuck for that long, the
/// reads wait rather than lose their lines. Lines are written in the order they were read; the
/// host drains the queue when it stops (<see cref="Complete"/>, then the writer ends).
/// </para>
/// </summary>
public sealed class AuditReads(ILogger<AuditReads> logger)
{
    public const int Capacity = 10_000;

    /// <summary>Lines per transaction: one chain head read and one insert batch for many views.</summary>
    public const int BatchSize = 500;

    private const int Attempts = 5;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _queued;
    private long _done;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues the line of one read; waits only when <see cref="Capacity"/> lines are already waiting.</summary>
    public async ValueTask EnqueueAsync(AuditEntry entry, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(entry, ct);
        Interlocked.Increment(ref _queued);
    }

    /// <summary>No more lines: the writer ends once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Waits until every line queued before this call is in the chain.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _queued);
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            if (Interlocked.Read(ref _done) >= target)
            {
                return;
            }

            await progress.Task.WaitAsync(ct);
        }
    }

    /// <summary>
    /// The writer: takes what is queued (up to <see cref="BatchSize"/> lines), appends it to the
    /// chains in one transaction, and again, until <see cref="Complete"/> and the queue is empty.
    /// </summary>
    public async Task RunAsync(Func<ChiBoDb> context, CancellationToken stopping)
    {
        var reader = _queue.Reader;
        var batch = new List<AuditEntry>(BatchSize);

        // Draining goes on after the host asks to stop: the lines already queued are owed.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteAsync(context, batch, stopping);
            Interlocked.Add(ref _done, batch.Count);
            batch.Clear();
            Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task WriteAsync(Func<ChiBoDb> context, List<AuditEntry> batch, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = context();
                await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await AuditChain.AppendAsync(db, batch, CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
                await tx.CommitAsync(CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < Attempts)
            {
                logger.LogWarning(e, "Audit lines of {Count} reads not written yet (attempt {Attempt}); retrying.", batch.Count, attempt);
                foreach (var entry in batch)
                {
                    entry.Id = 0;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1 << attempt), stopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: the remaining attempts come at once.
                }
            }
            catch (Exception e)
            {
                // Never silently: the lines go to the log with everything the chain would have held.
                foreach (var entry in batch)
                {
                    logger.LogCritical(e, "Audit line lost: {At:O} {Actor} {Address} {Action} {EntityType} {EntityId} member {MemberId} org {OrganizationId} {Changes}",
                        entry.At, entry.Actor, entry.ActorAddress, entry.Action, entry.EntityType, entry.EntityId, entry.MemberId, entry.OrganizationId, entry.Changes);
                }

                return;
            }
        }
    }
}
