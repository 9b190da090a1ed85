using System.Diagnostics;
using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Reports;

namespace ChiBo.Cli;

/// <summary>
/// chibo bench: warm timings of the reports as the app runs them, each beside the single
/// hand-written SQL pass of shared/structure-single-pass.sql over the same rows, as a ratio; the
/// cell-life compliance of the year that ends on the date; the ratings of the five years to it; and
/// the composition of the commune committees on the date.
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

        var report = await TimeAsync(runs, async () => (await MemberStructureReport.RunAsync(db, lookup, asOf, bands, ChiBo.Access.OrgScope.System, ct)).Total);
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

        // Ratings of the five years that end with the date's year: the three series from the
        // organizations' rows (members from their chi bộ's tallies), beside one plain SQL pass over
        // the same rows, and beside reading every member's rating, which the tallies spare.
        var (fromYear, toYear) = (asOf.Year - 4, asOf.Year);
        var ratingsSubtree = await AsOf.SubtreeOnAsync(db, lookup, new DateOnly(toYear, 12, 31), ct) ?? lookup.Subtree;
        var ratings = await TimeAsync(runs, async () =>
            (await RatingReport.RunAsync(db, lookup, fromYear, toYear, ct)).Years.Values.Sum(y => (long)y.Members.Rated + y.Members.NotRated));
        Print(io, $"ratings report {fromYear}–{toYear} (app: /api/reports/ratings)", ratings);
        var ratingsSingle = await TimeAsync(runs, () => RatingsSinglePassAsync(db, ratingsSubtree, fromYear, toYear, ct));
        Print(io, "single hand-written SQL pass over the same rows (org_ratings)", ratingsSingle);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio app / single pass | {ratings.Median / ratingsSingle.Median:0.00} | | |"));
        var ratingsByMember = await TimeAsync(runs, () => MemberRatingsPassAsync(db, ratingsSubtree, fromYear, toYear, ct));
        Print(io, "members series read from every member's rating (member_ratings)", ratingsByMember);

        // Composition of every commune committee of the subtree (the plans' "committees.commune.*"), beside one plain pass over the same seats.
        var committees = await TimeAsync(runs, async () => (await CommitteeComposition.RunAsync(db, lookup, CommitteeLevels.Commune, asOf, bands, ct)).Members);
        Print(io, "committee composition, commune level (app: /api/reports/committees)", committees);
        var committeesSingle = await TimeAsync(runs, () => CommitteeSinglePassAsync(db, subtree, asOf, ct));
        Print(io, "single hand-written SQL pass over the same seats", committeesSingle);
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio app / single pass | {committees.Median / committeesSingle.Median:0.00} | | |"));

        // The plans' dashboard of the year that ends on the date: every indicator of the plans in force,
        // for the organization and each unit one level down (the measure families once each).
        await Plans.PlansBench.RunAsync(target, db, lookup, asOf, runs, io, TimeAsync, Print, ct);
        return 0;
    }

    /// <summary>The ratings report's counts in one statement over org_ratings, with nothing around it.</summary>
    private static Task<long> RatingsSinglePassAsync(ChiBoDb db, Subtree subtree, int from, int to, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT year,
                   count(*) FILTER (WHERE subject_kind IN (3, 4) AND state >= 4 AND level = 1), count(*) FILTER (WHERE subject_kind IN (3, 4) AND state >= 4 AND level = 2),
                   count(*) FILTER (WHERE subject_kind IN (3, 4) AND state >= 4 AND level = 3), count(*) FILTER (WHERE subject_kind IN (3, 4) AND state >= 4 AND level = 4),
                   count(*) FILTER (WHERE subject_kind IN (3, 4) AND state >= 4 AND not_rated_reason IS NOT NULL),
                   count(*) FILTER (WHERE subject_kind = 6 AND state >= 4 AND level = 1), count(*) FILTER (WHERE subject_kind = 6 AND state >= 4 AND level = 2),
                   count(*) FILTER (WHERE subject_kind = 6 AND state >= 4 AND level = 3), count(*) FILTER (WHERE subject_kind = 6 AND state >= 4 AND level = 4),
                   count(*) FILTER (WHERE subject_kind = 6 AND state >= 4 AND not_rated_reason IS NOT NULL),
                   sum(members_excellent), sum(members_good), sum(members_fulfilled), sum(members_not_fulfilled), sum(members_not_rated)
            FROM org_ratings{sql.IndexedBy(RatingReport.ReportIndex)}
            WHERE {sql.SubtreePredicate(subtree, "subject_path", "province_id")} AND year >= {sql.Param(from)} AND year <= {sql.Param(to)}
            GROUP BY year
            """;
        return sql.QueryAsync(text, async r =>
        {
            long members = 0;
            while (await r.ReadAsync(ct))
            {
                for (var i = 11; i <= 15; i++)
                {
                    members += r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
                }
            }

            return members;
        }, ct);
    }

    /// <summary>The members series as it would be without the tallies: every member's rating row of the five years.</summary>
    private static Task<long> MemberRatingsPassAsync(ChiBoDb db, Subtree subtree, int from, int to, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT year, count(*) FILTER (WHERE level = 1), count(*) FILTER (WHERE level = 2), count(*) FILTER (WHERE level = 3),
                   count(*) FILTER (WHERE level = 4), count(*) FILTER (WHERE not_rated_reason IS NOT NULL)
            FROM member_ratings{sql.IndexedBy("ix_member_ratings_subtree")}
            WHERE {sql.SubtreePredicate(subtree, "cell_path", "province_id")} AND year >= {sql.Param(from)} AND year <= {sql.Param(to)} AND state >= 4
            GROUP BY year
            """;
        return sql.QueryAsync(text, async r =>
        {
            long members = 0;
            while (await r.ReadAsync(ct))
            {
                for (var i = 1; i <= 5; i++)
                {
                    members += Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
                }
            }

            return members;
        }, ct);
    }

    /// <summary>The commune level's seats on the date in the subtree, joined to their members' periods, a dozen counts.</summary>
    private static Task<long> CommitteeSinglePassAsync(ChiBoDb db, Subtree subtree, DateOnly asOf, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var d = sql.Param(asOf);
        var text = $"""
            SELECT count(*), count(*) FILTER (WHERE mp.gender = 2), count(*) FILTER (WHERE mp.minority),
                   count(*) FILTER (WHERE mp.birth_date > {sql.Param(asOf.AddYears(-42))}),
                   count(*) FILTER (WHERE mp.professional >= 5), count(*) FILTER (WHERE mp.political_theory >= 3),
                   count(*) FILTER (WHERE m.science_technology), count(*) FILTER (WHERE m.civil_service_grade = 3),
                   count(*) FILTER (WHERE m.civil_service_grade = 2), count(*) FILTER (WHERE cm.position = 1),
                   count(*) FILTER (WHERE cm.position = 2), count(*) FILTER (WHERE cm.position = 3)
            FROM committee_memberships cm
            JOIN member_periods mp ON mp.member_id = cm.member_id AND mp.valid_from <= {d} AND mp.valid_to > {d}
            JOIN members m ON m.id = cm.member_id
            WHERE cm.valid_from <= {d} AND cm.valid_to > {d} AND {CommitteeLevel.SqlHolding("cm.levels", CommitteeLevels.Commune)}
              AND {sql.SubtreePredicate(subtree, "cm.org_path", "cm.province_id")}
            """;
        return sql.QueryAsync(text, async r =>
        {
            await r.ReadAsync(ct);
            return Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
        }, ct);
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
