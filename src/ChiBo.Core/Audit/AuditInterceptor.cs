using System.Globalization;
using System.Text.Json;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChiBo.Audit;

/// <summary>
/// Records every write made through the model, today's features and later ones alike: before
/// and after values, who, when, from where, why, under which decision — in the same
/// transaction as the write, so there is never a change without its audit line.
/// </summary>
public sealed class AuditInterceptor(AuditScope scope, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Secrets never go into the log, only the fact that they changed.</summary>
    private static readonly HashSet<string> Masked = new(StringComparer.Ordinal) { "PasswordHash", "TotpSecret", "SecurityStamp" };

    private List<(EntityEntry Entry, EntityState State, Dictionary<string, object?[]> Values)>? _pending;

    /// <summary>Who acts through this context, for lines written outside a save (refusals).</summary>
    internal AuditScope Scope => scope;
    private IDbContextTransaction? _owned;
    private bool _appending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_appending || eventData.Context is not ChiBoDb db)
        {
            return result;
        }

        db.ChangeTracker.DetectChanges();
        _pending = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e, e.State, Before(e)))
            .ToList();
        if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            _owned = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_appending || eventData.Context is not ChiBoDb db || _pending is not { Count: > 0 } pending)
        {
            return result;
        }

        _pending = null;
        var at = clock.GetUtcNow();
        var entries = pending.Select(p => ToEntry(p.Entry, p.State, p.Values, at)).ToList();
        _appending = true;
        try
        {
            await AuditChain.AppendAsync(db, entries, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await RollBackOwnedAsync();
            throw;
        }
        finally
        {
            _appending = false;
        }

        if (_owned is not null)
        {
            await _owned.CommitAsync(cancellationToken);
            await _owned.DisposeAsync();
            _owned = null;
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_appending)
        {
            _pending = null;
            await RollBackOwnedAsync();
        }
    }

    private async Task RollBackOwnedAsync()
    {
        if (_owned is not null)
        {
            await _owned.RollbackAsync();
            await _owned.DisposeAsync();
            _owned = null;
        }
    }

    private static Dictionary<string, object?[]> Before(EntityEntry entry)
    {
        var values = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var changed = entry.State switch
            {
                EntityState.Modified => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
                _ => true,
            };
            if (changed)
            {
                values[p.Metadata.Name] = [entry.State == EntityState.Added ? null : p.OriginalValue, null];
            }
        }

        return values;
    }

    private AuditEntry ToEntry(EntityEntry entry, EntityState state, Dictionary<string, object?[]> values, DateTimeOffset at)
    {
        if (state != EntityState.Deleted)
        {
            foreach (var (name, pair) in values)
            {
                pair[1] = entry.Property(name).CurrentValue;
            }
        }

        var anonymous = (AuditedWithoutContentAttribute?)Attribute.GetCustomAttribute(entry.Metadata.ClrType, typeof(AuditedWithoutContentAttribute));
        var changes = values.Where(v => anonymous is null || anonymous.Kept.Contains(v.Key)).ToDictionary(
            v => v.Key,
            v => Masked.Contains(v.Key) ? new object?[] { v.Value[0] is null ? null : "***", v.Value[1] is null ? null : "***" } : v.Value.Select(Summarize).ToArray());
        var key = anonymous is not null
            ? []
            : entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture));
        var province = entry.Entity is Provinces.Province p
            ? p.Id
            : entry.Metadata.FindProperty("ProvinceId") is { } prop ? entry.Property(prop.Name).CurrentValue as int? : null;
        return new AuditEntry
        {
            Chain = province ?? 0,
            At = at,
            Actor = scope.Actor,
            ActorAddress = scope.Address,
            Action = state switch
            {
                EntityState.Added => "insert",
                EntityState.Deleted => "delete",
                _ => "update",
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join(',', key),
            MemberId = entry.Entity is Members.Member ? IntOf(entry, "Id") : IntOf(entry, "MemberId"),
            OrganizationId = entry.Entity is Organizations.Organization ? IntOf(entry, "Id") : IntOf(entry, "OrganizationId") ?? IntOf(entry, "CellId"),
            Changes = JsonSerializer.Serialize(changes, JsonOptions),
            Reason = scope.Reason,
            DecisionNumber = scope.DecisionNumber,
            PreviousHash = AuditChain.Genesis,
            Hash = "",
        };
    }

    /// <summary>Longest text kept whole in a line: above every form field of the model (minutes: 20,000).</summary>
    private const int LongText = 20_000;

    /// <summary>
    /// A file's bytes or a document's extracted text would swell the log by megabytes: they are
    /// recorded as their size and SHA-256, which still proves what was written.
    /// </summary>
    private static object? Summarize(object? value) => value switch
    {
        byte[] bytes => $"{bytes.Length.ToString(CultureInfo.InvariantCulture)} byte, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}",
        string { Length: > LongText } text => $"{text.Length.ToString(CultureInfo.InvariantCulture)} ký tự, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))}",
        _ => value,
    };

    private static int? IntOf(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is not null ? entry.Property(property).CurrentValue as int? : null;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
