using System.Globalization;
using ChiBo.Generation;

namespace ChiBo.Cli;

/// <summary>
/// chibo seed --profile PATH [--scale F] [--seed N] [--db CONNECTION] [--no-meetings]: synthetic
/// provinces from a profile, with their cell life (meetings, attendance, tasks) of last year and
/// this year to date unless --no-meetings.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, bool interactive, CancellationToken ct)
    {
        cl.Allow("profile", "scale", "seed", "db", "no-meetings");
        var path = cl.Required("profile");
        var scale = cl.Double("scale", 1);
        var seed = cl.Int("seed", 1);

        // Everything that can be wrong with the profile is found before the database is touched.
        IReadOnlyList<ProvinceProfile> provinces;
        GeneratedProvince first;
        var bar = new ProgressBar(io.Err, interactive);
        try
        {
            provinces = ProvinceSeeder.Plan(ProvinceProfile.Load(path), scale);
            first = ProvinceSeeder.Check(provinces, seed, bar);
        }
        catch (ProfileException e)
        {
            await io.Err.WriteLineAsync("Hồ sơ tỉnh không hợp lệ: " + e.Message);
            return 2;
        }

        var target = ChiBoCli.Target(cl);
        await target.MigrateAsync(ct);
        var result = await ProvinceSeeder.SeedAsync(target, provinces, seed, bar, ct, first);
        bar.Finish();
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Đã tạo {result.ProvinceCodes.Count} tỉnh ({string.Join(", ", result.ProvinceCodes)}): {result.Members} đảng viên (cộng người đã rời Đảng: {result.MemberRows} hồ sơ), {result.Organizations} tổ chức đảng, {result.Elapsed.TotalSeconds:0.0} giây — {target}"));
        if (!cl.Has("no-meetings"))
        {
            var today = TimeProvider.System.Today();
            var started = TimeProvider.System.GetTimestamp();
            var life = await ProvinceSeeder.SeedCellLifeAsync(target, result.ProvinceCodes, seed, today, bar, ct);
            bar.Finish();
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sinh hoạt chi bộ {today.Year - 1}–{today.Year}: {life.Meetings} buổi, {life.Attendances} lượt điểm danh, {life.Tasks} nhiệm vụ của {life.Cells} chi bộ, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} giây"));
        }

        return 0;
    }

    /// <summary>A text bar redrawn with \r on a terminal; one plain line per stage when stderr is redirected.</summary>
    private sealed class ProgressBar(TextWriter err, bool interactive) : IProgress<GenerationProgress>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private string? _stage;
        private int _lastPercent = -1;

        public void Report(GenerationProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100 * value.Done / value.Total);
            if (!interactive)
            {
                if (value.Stage != _stage)
                {
                    err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {value.Stage}…"));
                    _stage = value.Stage;
                }

                return;
            }

            if (value.Stage == _stage && percent == _lastPercent)
            {
                return;
            }

            if (_stage is not null && value.Stage != _stage)
            {
                err.WriteLine();
            }

            _stage = value.Stage;
            _lastPercent = percent;
            var filled = percent * 30 / 100;
            err.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{value.Stage,-28} [{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}%"));
        }

        public void Finish()
        {
            if (interactive && _stage is not null)
            {
                err.WriteLine();
            }
        }
    }
}
