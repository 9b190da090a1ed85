using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Generation;

/// <summary>What a first run seeded: the province, and its cell life with the time that took.</summary>
public sealed record DemoSeed(SeedResult Province, Meetings.MeetingHistoryStats CellLife, TimeSpan CellLifeElapsed);

/// <summary>The demo data of a first run: the An Giang profile (embedded), seed 1.</summary>
public static class DemoProvince
{
    public const int Seed = 1;

    /// <summary>The embedded profiles: "an-giang.json", "ha-giang.json".</summary>
    public static ProvinceProfile Profile(string file = "an-giang.json") => ProvinceProfile.Parse(ProfileJson(file));

    public static string ProfileJson(string file)
    {
        var assembly = typeof(DemoProvince).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Profiles." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The province's own plan (seed 000, Đề án 02-ĐA/TU), so that its dashboard and task list have something to show.</summary>
    public static async Task<Plans.PlanImportResult> ImportPlanAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var db = target.CreateContext(Audit.AuditScope.For("demo"));
        return await new Plans.PlanCommands(db, TimeProvider.System, Access.OrgScope.System, "demo")
            .ImportAsync(Plans.PlanFile.Parse(Plans.PlanFiles.Read(Plans.PlanFiles.AnGiang)), ct);
    }

    /// <summary>
    /// Seeds the demo province when the (migrated) database holds no organization, with its cell
    /// life (meetings, attendance, tasks) of last year and this year to <paramref name="today"/>;
    /// null when the database was not empty.
    /// </summary>
    public static async Task<DemoSeed?> SeedIfEmptyAsync(DatabaseTarget target, IProgress<GenerationProgress>? progress, DateOnly today, CancellationToken ct)
    {
        await using (var db = target.CreateContext())
        {
            if (await db.Organizations.AnyAsync(ct))
            {
                return null;
            }
        }

        var seeded = await ProvinceSeeder.SeedAsync(target, [Profile()], Seed, progress, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cellLife = await ProvinceSeeder.SeedCellLifeAsync(target, seeded.ProvinceCodes, Seed, today, progress, ct);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await ImportPlanAsync(target, ct);
        return new DemoSeed(seeded, cellLife, elapsed);
    }
}
