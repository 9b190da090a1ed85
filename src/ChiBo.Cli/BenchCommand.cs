using System.Diagnostics;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Reports;

namespace ChiBo.Cli;

/// <summary>
/// chibo bench: warm timings of the reports as the app runs them, each beside the single
/// hand-written SQL pass of shared/structure-single-pass.sql over the same rows, as a ratio; and
/// the cell-life compliance of the year that ends on the date.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        cl.Allow("db", "org", "as-of", "runs", "age-bands");
        var target = ChiBoCli.Target(cl);
        var runs = cl.Int("runs", 10);
        var asOf = cl.Has("as-of") ? cl.Date("as-of") : new DateOnly(2025, 12, 31);
        var bands = AgeBand.ParseList(cl.Optional("age-bands"));
        await using var db = target.CreateContext();
        var lookup = await SubtreeQueries.FindAsync(db, cl.Optional("org") ?? "root", ct);
        if (!lookup.Found)
        {
            throw new UsageException("--org: không có tổ chức này.");
        }

        io.Out.WriteLine($"# {target} — org {AsOf.Label(lookup)}, as of {asOf:yyyy-MM-dd}, {runs} warm runs after 2 warm-ups");
        io.Out.WriteLine("| what | median ms | p95 ms | rows |");
        io.Out.WriteLine("|---|---|---|---|");

        var report = await TimeAsync(runs, async () => (await MemberStructureReport.RunAsync(db, lookup, asOf, bands, ct)).Total);
        Print(io, "member-structure report (app)", report);

        var subtree = await AsOf.SubtreeOnAsync(db, lookup, asOf, ct) ?? lookup.Subtree;
        var single = await TimeAsync(runs, () => SinglePassAsync(db, subtree, asOf, ct));
        Print(io, "single hand-written SQL pass", single);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio app / single pass | {report.Median / single.Median:0.00} | | |"));

        var orgs = await TimeAsync(runs, async () => (await OrgStructureReport.RunAsync(db, lookup, asOf, ct)).Cells);
        Print(io, "org-structure report (app)", orgs);
        var moves = await TimeAsync(runs, async () =>
            (await MovementsReport.RunAsync(db, lookup, asOf.AddYears(-5).AddDays(1), asOf, ct)).Counts.Values.Sum());
        Print(io, "movements report, 5 years (app)", moves);

        // Cell life of the year that ends on the date: every cell's months, quarters, attendance and ratings.
        var meetings = await TimeAsync(runs, async () => (await ComplianceReport.RunAsync(db, lookup, asOf.Year, asOf, ct: ct)).Meetings);
        Print(io, $"meetings compliance {asOf.Year} (app: /api/reports/meetings)", meetings);
        var meetingsByMonth = await TimeAsync(runs, async () =>
            (await ComplianceReport.RunAsync(db, lookup, asOf.Year, asOf, byMonth: true, ct: ct)).Meetings);
        Print(io, $"meetings compliance {asOf.Year} with its months (app: /bao-cao/sinh-hoat)", meetingsByMonth);

        // The plans' dashboard of the year that ends on the date: every indicator of the plans in force,
        // for the organization and each unit one level down (the measure families once each).
        await Plans.PlansBench.RunAsync(target, db, lookup, asOf, runs, io, TimeAsync, Print, ct);
        return 0;
    }

    internal sealed record Timing(double Median, double P95, long Rows);

    internal static async Task<Timing> TimeAsync(int runs, Func<Task<long>> action)
    {
        await action();
        await action();
        var ms = new List<double>();
        long rows = 0;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            rows = await action();
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }

        ms.Sort();
        return new Timing(ms[ms.Count / 2], ms[(int)Math.Ceiling(ms.Count * 0.95) - 1], rows);
    }

    internal static void Print(ConsoleIo io, string what, Timing t) =>
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {t.Median:0.0} | {t.P95:0.0} | {t.Rows} |"));

    /// <summary>The shape of shared/structure-single-pass.sql (age bands at fixed dates, ~28 conditional counts) over member_periods.</summary>
    private static Task<long> SinglePassAsync(ChiBoDb db, Subtree subtree, DateOnly asOf, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var d = sql.Param(asOf);
        string Born(int years) => sql.Param(asOf.AddYears(-years));
        var text = $"""
            SELECT count(*),
                   count(*) FILTER (WHERE gender = 1), count(*) FILTER (WHERE gender = 2),
                   count(*) FILTER (WHERE minority), count(*) FILTER (WHERE religious),
                   count(*) FILTER (WHERE birth_date > {Born(31)}),
                   count(*) FILTER (WHERE birth_date <= {Born(31)} AND birth_date > {Born(41)}),
                   count(*) FILTER (WHERE birth_date <= {Born(41)} AND birth_date > {Born(51)}),
                   count(*) FILTER (WHERE birth_date <= {Born(51)} AND birth_date > {Born(61)}),
                   count(*) FILTER (WHERE birth_date <= {Born(61)} AND birth_date > {Born(71)}),
                   count(*) FILTER (WHERE birth_date <= {Born(71)}),
                   count(*) FILTER (WHERE general_education = 1), count(*) FILTER (WHERE general_education = 2),
                   count(*) FILTER (WHERE general_education = 3), count(*) FILTER (WHERE general_education = 4),
                   count(*) FILTER (WHERE professional = 0), count(*) FILTER (WHERE professional = 1),
                   count(*) FILTER (WHERE professional IN (2, 3)), count(*) FILTER (WHERE professional >= 4),
                   count(*) FILTER (WHERE political_theory = 0), count(*) FILTER (WHERE political_theory = 1),
                   count(*) FILTER (WHERE political_theory = 2), count(*) FILTER (WHERE political_theory >= 3),
                   count(*) FILTER (WHERE official_on IS NULL OR official_on > {d}),
                   count(*) FILTER (WHERE official_on <= {d}),
                   count(*) FILTER (WHERE exempted), count(*) FILTER (WHERE retired),
                   count(*) FILTER (WHERE enterprise)
            FROM member_periods{sql.IndexedBy(MemberStructureReport.AsOfIndex)}
            WHERE valid_from <= {d} AND valid_to > {d} AND {sql.SubtreePredicate(subtree, "cell_path", "province_id")}
            """;
        return sql.QueryAsync(text, async r =>
        {
            await r.ReadAsync(ct);
            return Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
        }, ct);
    }
}
