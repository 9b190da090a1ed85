using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Generation;

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

    /// <summary>Seeds the demo province when the (migrated) database holds no organization; returns whether it did.</summary>
    public static async Task<bool> SeedIfEmptyAsync(DatabaseTarget target, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        await using (var db = target.CreateContext())
        {
            if (await db.Organizations.AnyAsync(ct))
            {
                return false;
            }
        }

        await ProvinceSeeder.SeedAsync(target, [Profile()], Seed, progress, ct);
        return true;
    }
}
