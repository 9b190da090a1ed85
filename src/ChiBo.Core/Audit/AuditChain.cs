using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Audit;

/// <summary>Appends lines to the hash chains and checks them.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Gives each line its chain position and hash, after the chain's current head, then adds
    /// them to the context. Call inside the transaction that makes the change being audited.
    /// </summary>
    public static async Task AppendAsync(ChiBoDb db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        foreach (var chain in entries.GroupBy(e => e.Chain))
        {
            if (db.IsPostgres)
            {
                // Writers of one chain queue here instead of failing on the (chain, seq) unique index.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7340, {chain.Key})", ct);
            }

            var head = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Chain == chain.Key)
                .OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash })
                .FirstOrDefaultAsync(ct);
            var seq = head?.Seq ?? 0;
            var previous = head?.Hash ?? Genesis;
            foreach (var entry in chain)
            {
                entry.Seq = ++seq;
                entry.At = TruncateToMilliseconds(entry.At);
                entry.PreviousHash = previous;
                entry.Hash = HashOf(entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
        }
    }

    /// <summary>
    /// Records an act that changes no row (sign-in, export, bulk read of personal data) as one
    /// line in its own transaction.
    /// </summary>
    public static async Task RecordAsync(
        ChiBoDb db, AuditScope scope, string action, string entityType, string? entityId, string? details,
        int chain, DateTimeOffset at, CancellationToken ct, int? memberId = null, int? organizationId = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AppendAsync(db, [new AuditEntry
        {
            Chain = chain,
            At = at,
            Actor = scope.Actor,
            ActorAddress = scope.Address,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            MemberId = memberId,
            OrganizationId = organizationId,
            Changes = details,
            Reason = scope.Reason,
            DecisionNumber = scope.DecisionNumber,
            PreviousHash = Genesis,
            Hash = "",
        }], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Both providers keep milliseconds exactly; finer ticks would not survive PostgreSQL.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Chain.ToString(CultureInfo.InvariantCulture),
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.Actor, e.ActorAddress ?? "", e.Action, e.EntityType, e.EntityId ?? "",
            e.MemberId?.ToString(CultureInfo.InvariantCulture) ?? "", e.OrganizationId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Changes ?? "",
            e.Reason ?? "", e.DecisionNumber ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Reads every chain in order; returns the lines that do not match (edited, removed or reordered).</summary>
    public static async Task<AuditVerification> VerifyAsync(ChiBoDb db, CancellationToken ct)
    {
        var problems = new List<string>();
        var heads = new Dictionary<int, (long Seq, string Hash)>();
        long count = 0;
        int? chain = null;
        long expectedSeq = 0;
        var previous = Genesis;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Chain).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Chain != chain)
            {
                chain = e.Chain;
                expectedSeq = 0;
                previous = Genesis;
            }

            expectedSeq++;
            var where = string.Create(CultureInfo.InvariantCulture, $"chuỗi {e.Chain}, dòng {e.Seq} (id {e.Id})");
            if (e.Seq != expectedSeq)
            {
                problems.Add($"{where}: thiếu dòng {expectedSeq}–{e.Seq - 1} (đã bị xóa?)");
                expectedSeq = e.Seq;
            }

            if (e.PreviousHash != previous)
            {
                problems.Add($"{where}: không nối tiếp dòng trước");
            }

            if (HashOf(e) != e.Hash)
            {
                problems.Add($"{where}: nội dung đã bị sửa");
            }

            previous = e.Hash;
            heads[e.Chain] = (e.Seq, e.Hash);
        }

        return new AuditVerification(count, problems, heads);
    }
}

/// <param name="Heads">
/// The last line of each chain. A chain cannot show that lines were cut from its end: note the
/// heads outside the database (a report, a signed printout) and compare them at the next check.
/// </param>
public sealed record AuditVerification(long Entries, IReadOnlyList<string> Problems, IReadOnlyDictionary<int, (long Seq, string Hash)> Heads)
{
    public bool Intact => Problems.Count == 0;
}
