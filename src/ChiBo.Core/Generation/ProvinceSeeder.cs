using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Globalization;
using ChiBo.Data;

namespace ChiBo.Generation;

/// <summary>What a seeding run wrote.</summary>
public sealed record SeedResult(IReadOnlyList<string> ProvinceCodes, long Members, long MemberRows, long Organizations, TimeSpan Elapsed);

/// <summary>
/// Generates and writes provinces one after the other (one province in memory at a time), each
/// with its own code, seed and id range after what the database already holds.
/// </summary>
public static class ProvinceSeeder
{
    /// <summary>
    /// The provinces for a --scale: F ≤ 1 is one province scaled down, F > 1 must be a whole number k
    /// of full copies (AG, AG02, AG03…). Throws <see cref="ProfileException"/> for a bad factor.
    /// </summary>
    public static IReadOnlyList<ProvinceProfile> Plan(ProvinceProfile profile, double scale)
    {
        if (double.IsNaN(scale) || scale <= 0)
        {
            throw new ProfileException("--scale", "hệ số phải là số dương.");
        }

        if (scale <= 1)
        {
            return [profile.Scale(scale)];
        }

        if (scale != Math.Floor(scale) || scale > 99)
        {
            throw new ProfileException("--scale", "hệ số lớn hơn 1 phải là số nguyên k (k bản sao của tỉnh, tối đa 99).");
        }

        return Enumerable.Range(1, (int)scale).Select(profile.AsCopy).ToList();
    }

    /// <summary>
    /// Generates the first province in memory without touching the database: a profile whose
    /// history cannot be built fails here, before anything is written. On an empty database the
    /// result is the very province <see cref="SeedAsync"/> would build, so it is passed on and reused.
    /// </summary>
    public static GeneratedProvince Check(IReadOnlyList<ProvinceProfile> provinces, int seed, IProgress<GenerationProgress>? progress = null) =>
        new ProvinceGenerator(provinces[0], seed, IdStart.One).Generate(progress);

    /// <summary>
    /// A bulk load bypasses the per-row audit: one line per province says what was generated. It is
    /// the first line of the province's own chain and goes in with the province, in the same
    /// transaction, so a seed killed at any point leaves neither or both.
    /// </summary>
    private static void Record(GeneratedProvince province, int seed)
    {
        var line = new Audit.AuditEntry
        {
            Chain = province.Province.Id,
            Seq = 1,
            At = Audit.AuditChain.TruncateToMilliseconds(DateTimeOffset.UtcNow),
            Actor = "generator",
            Action = "seed",
            EntityType = nameof(Provinces.Province),
            EntityId = province.Province.Code,
            Changes = string.Create(CultureInfo.InvariantCulture, $"{{\"seed\":{seed},\"memberRecords\":{province.Members.Count}}}"),
            Reason = "Dữ liệu mẫu sinh từ hồ sơ tỉnh",
            PreviousHash = Audit.AuditChain.Genesis,
            Hash = "",
        };
        line.Hash = Audit.AuditChain.HashOf(line);
        province.AuditLines.Add(line);
    }

    public static async Task<SeedResult> SeedAsync(
        DatabaseTarget target, IReadOnlyList<ProvinceProfile> provinces, int seed,
        IProgress<GenerationProgress>? progress, CancellationToken ct, GeneratedProvince? checkedFirst = null)
    {
        var clock = Stopwatch.StartNew();
        var state = await BulkWriter.ReadStateAsync(target, ct);
        var next = state.Next;
        var codes = new HashSet<string>(state.ProvinceCodes, StringComparer.OrdinalIgnoreCase);
        var written = new List<string>();
        long members = 0, memberRows = 0, organizations = 0;
        var planned = provinces.Sum(p => (long)p.Total);
        await using var sink = await BulkWriter.OpenAsync(target, rebuildIndexes: planned > state.Members, ct);
        for (var k = 0; k < provinces.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            var profile = FreeCode(provinces[k], codes);
            codes.Add(profile.Code);
            var ordinal = state.ProvinceCodes.Count + k;
            var stage = provinces.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{profile.Code} ({k + 1}/{provinces.Count}) ")
                : profile.Code + " ";
            var inner = progress is null ? null : new Progress<GenerationProgress>(p => progress.Report(p with { Stage = stage + p.Stage }));
            // Ids, code and ordinal equal to the check's (an empty database): the same rows, no need to build them twice.
            var generated = k == 0 && checkedFirst is not null && next == IdStart.One && ordinal == 0 && profile.Code == checkedFirst.Province.Code
                ? checkedFirst
                : new ProvinceGenerator(profile, seed + k, next, ordinal).Generate(Synchronous(inner));
            if (generated.AuditLines.Count == 0)
            {
                Record(generated, seed + k);
            }

            await sink.WriteAsync(generated, Synchronous(inner), ct);
            next = next.After(generated);
            written.Add(profile.Code);
            members += profile.Total;
            memberRows += generated.Members.Count;
            organizations += generated.Organizations.Count;
        }

        await sink.CompleteAsync(progress, ct);
        await BulkWriter.AnalyzeAsync(target, ct);
        return new SeedResult(written, members, memberRows, organizations, clock.Elapsed);
    }

    /// <summary>
    /// Cell life for the provinces just seeded: meetings, roll calls and members' tasks of the last
    /// full year and of this year up to <paramref name="today"/> (meetings later in the year stay
    /// scheduled), from <see cref="Meetings.MeetingHistoryGenerator"/> with the province's own seed.
    /// </summary>
    public static async Task<Meetings.MeetingHistoryStats> SeedCellLifeAsync(
        DatabaseTarget target, IReadOnlyList<string> provinceCodes, int seed, DateOnly today,
        IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        List<(int Id, string Code)> provinces;
        await using (var db = target.CreateContext())
        {
            provinces = (await db.Provinces.AsNoTracking().Where(p => provinceCodes.Contains(p.Code)).Select(p => new { p.Id, p.Code }).ToListAsync(ct))
                .OrderBy(p => p.Id).Select(p => (p.Id, p.Code)).ToList();
        }

        var total = new Meetings.MeetingHistoryStats(0, 0, 0, 0);
        for (var k = 0; k < provinces.Count; k++)
        {
            var (id, code) = provinces[k];
            var stage = string.Create(CultureInfo.InvariantCulture, $"{code} sinh hoạt chi bộ {today.Year - 1}–{today.Year}");
            progress?.Report(new GenerationProgress(stage, k, provinces.Count));
            var stats = await Meetings.MeetingHistoryGenerator.GenerateAsync(target, id, today.Year - 1, today.Year, seed + k, null, ct, today);
            total = new Meetings.MeetingHistoryStats(
                total.Cells + stats.Cells, total.Meetings + stats.Meetings, total.Attendances + stats.Attendances, total.Tasks + stats.Tasks);
        }

        progress?.Report(new GenerationProgress("Sinh hoạt chi bộ", provinces.Count, provinces.Count));
        return total;
    }

    /// <summary>The profile's code, or the next free "AG02", "AG03"… when the database already has it.</summary>
    private static ProvinceProfile FreeCode(ProvinceProfile profile, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(profile.Code))
        {
            return profile;
        }

        var stem = profile.Code.Length > 2 && char.IsAsciiDigit(profile.Code[^1]) && char.IsAsciiDigit(profile.Code[^2])
            ? profile.Code[..^2]
            : profile.Code;
        for (var n = 2; ; n++)
        {
            var code = stem + n.ToString("00", CultureInfo.InvariantCulture);
            if (!taken.Contains(code))
            {
                return profile with { Code = code };
            }
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; reports here go straight through, in order.</summary>
    private static IProgress<GenerationProgress>? Synchronous(Progress<GenerationProgress>? progress) =>
        progress is null ? null : new Direct(p => ((IProgress<GenerationProgress>)progress).Report(p));

    private sealed class Direct(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
