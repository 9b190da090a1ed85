using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;

namespace ChiBo.Ratings;

/// <summary>
/// One series of a year: those rated (the share's denominator, "so với tổng số được đánh giá, xếp
/// loại", 000:52), those HTTNV or above, the share as a fraction with four decimals (null when no one
/// was rated), the count per level, and those not rated (outside the denominator).
/// </summary>
public sealed record RatingSeries(int Rated, int GoodOrAbove, decimal? Share, IReadOnlyDictionary<string, int> Levels, int NotRated)
{
    internal static RatingSeries Of(long excellent, long good, long fulfilled, long notFulfilled, long notRated)
    {
        var rated = excellent + good + fulfilled + notFulfilled;
        return new RatingSeries((int)rated, (int)(excellent + good), RatingReport.Share(excellent + good, rated),
            new Dictionary<string, int>
            {
                ["HTXSNV"] = (int)excellent, ["HTTNV"] = (int)good, ["HTNV"] = (int)fulfilled, ["KHTNV"] = (int)notFulfilled,
            }, (int)notRated);
    }
}

/// <summary>The three series as the plans report them (PLAN-SPEC §1.1): TCCSĐ, chi bộ trực thuộc, members.</summary>
public sealed record RatingYear(RatingSeries Organizations, RatingSeries Cells, RatingSeries Members);

/// <summary>
/// The ratings report (API and CLI contract): for each year of the range, keyed "2021"…, the three
/// series of the subtree. Organizations and members count where they stood when rated (their path
/// then), inside the subtree as it stood at the end of the last year.
/// </summary>
public sealed record RatingsReport(string Org, IReadOnlyDictionary<string, RatingYear> Years);

/// <summary>A series over the whole range, by both definitions (PLAN-SPEC §1.2), and the not-rated by reason.</summary>
public sealed record RatingSeriesSummary(
    int Years, int Rated, int GoodOrAbove, decimal? MeanOfYearlyShares, decimal? PooledShare, int NotRated, IReadOnlyDictionary<string, int> NotRatedByReason);

/// <summary>
/// The multi-year figures, apart from the contract: the mean of the yearly shares (how the plans
/// state "bình quân hằng năm", 000:52) and the pooled ratio (all HTTNV+ over all rated), labelled.
/// </summary>
public sealed record RatingsSummary(
    string Org, int FromYear, int ToYear, RatingSeriesSummary Organizations, RatingSeriesSummary Cells, RatingSeriesSummary Members,
    IReadOnlyDictionary<string, string> Definitions);

public static class RatingReport
{
    /// <summary>A share as a fraction with exactly four decimals, rounded half away from zero.</summary>
    public static decimal? Share(long part, long whole) =>
        whole == 0 ? null : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero) + 0.0000m;

    public const string ReportIndex = "ix_org_ratings_report";

    /// <summary>
    /// One pass over the organizations' rating rows of the subtree and years (the index range of
    /// <see cref="ReportIndex"/>, read alone): the TCCSĐ and chi bộ trực thuộc by their own decided
    /// outcome, the members by the tallies their chi bộ carry.
    /// </summary>
    public static async Task<RatingsReport> RunAsync(ChiBoDb db, OrgLookup org, int fromYear, int toYear, CancellationToken ct = default)
    {
        var rows = await YearsAsync(db, org, fromYear, toYear, ct);
        var years = new SortedDictionary<string, RatingYear>(StringComparer.Ordinal);
        for (var y = fromYear; y <= toYear; y++)
        {
            var c = rows.GetValueOrDefault(y) ?? new long[15];
            years[y.ToString(CultureInfo.InvariantCulture)] = new RatingYear(
                RatingSeries.Of(c[0], c[1], c[2], c[3], c[4]),
                RatingSeries.Of(c[5], c[6], c[7], c[8], c[9]),
                RatingSeries.Of(c[10], c[11], c[12], c[13], c[14]));
        }

        return new RatingsReport(AsOf.Label(org), years);
    }

    private static async Task<Dictionary<int, long[]>> YearsAsync(ChiBoDb db, OrgLookup org, int fromYear, int toYear, CancellationToken ct)
    {
        var subtree = await SubtreeAsync(db, org, toYear, ct);
        var sql = new RawSql(db);
        var decided = ((int)RatingState.Decided).ToString(CultureInfo.InvariantCulture);
        var bases = $"{(int)OrgKind.BaseCommittee}, {(int)OrgKind.BaseCell}";
        var cell = ((int)OrgKind.Cell).ToString(CultureInfo.InvariantCulture);
        string Series(string kinds) => string.Join(", ",
            Enum.GetValues<RatingLevel>().Select(l => $"count(*) FILTER (WHERE subject_kind IN ({kinds}) AND state >= {decided} AND level = {(int)l})")
                .Append($"count(*) FILTER (WHERE subject_kind IN ({kinds}) AND state >= {decided} AND not_rated_reason IS NOT NULL)"));
        var text = $"""
            SELECT year, {Series(bases)}, {Series(cell)},
                   sum(members_excellent), sum(members_good), sum(members_fulfilled), sum(members_not_fulfilled), sum(members_not_rated)
            FROM org_ratings{sql.IndexedBy(ReportIndex)}
            WHERE {sql.SubtreePredicate(subtree, "subject_path", "province_id")} AND year >= {sql.Param(fromYear)} AND year <= {sql.Param(toYear)}
            GROUP BY year
            """;
        return await sql.QueryAsync(text, async reader =>
        {
            var result = new Dictionary<int, long[]>();
            while (await reader.ReadAsync(ct))
            {
                var counts = new long[15];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = reader.IsDBNull(i + 1) ? 0 : Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                }

                result[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = counts;
            }

            return result;
        }, ct);
    }

    /// <summary>The subtree as it stood at the end of the last year (or now, for an organization founded later).</summary>
    internal static async Task<Subtree> SubtreeAsync(ChiBoDb db, OrgLookup org, int toYear, CancellationToken ct) =>
        await AsOf.SubtreeOnAsync(db, org, new DateOnly(toYear, 12, 31), ct) ?? org.Subtree;

    /// <summary>The multi-year figures of <see cref="RatingsSummary"/>, with the not-rated counted by reason.</summary>
    public static async Task<RatingsSummary> SummaryAsync(ChiBoDb db, OrgLookup org, int fromYear, int toYear, CancellationToken ct = default)
    {
        var report = await RunAsync(db, org, fromYear, toYear, ct);
        var subtree = await SubtreeAsync(db, org, toYear, ct);
        var (orgReasons, cellReasons) = await OrganizationReasonsAsync(db, subtree, fromYear, toYear, ct);
        var memberReasons = await MemberReasonsAsync(db, subtree, fromYear, toYear, ct);
        RatingSeriesSummary Sum(Func<RatingYear, RatingSeries> pick, IReadOnlyDictionary<string, int> reasons)
        {
            var series = report.Years.Values.Select(pick).ToList();
            // The plans average the yearly shares as printed (to the hundredth of a percent), not the exact fractions.
            var shares = series.Where(s => s.Rated > 0).Select(s => Share(s.GoodOrAbove, s.Rated)!.Value).ToList();
            var rated = series.Sum(s => s.Rated);
            var good = series.Sum(s => s.GoodOrAbove);
            return new RatingSeriesSummary(shares.Count, rated, good,
                shares.Count == 0 ? null : decimal.Round(shares.Average(), 4, MidpointRounding.AwayFromZero) + 0.0000m,
                Share(good, rated), series.Sum(s => s.NotRated), reasons);
        }

        return new RatingsSummary(report.Org, fromYear, toYear,
            Sum(y => y.Organizations, orgReasons), Sum(y => y.Cells, cellReasons), Sum(y => y.Members, memberReasons),
            new Dictionary<string, string>
            {
                ["meanOfYearlyShares"] = "Bình quân các tỉ lệ hằng năm (năm có đánh giá): cách các đề án nêu \"bình quân hằng năm\".",
                ["pooledShare"] = "Tổng số hoàn thành tốt nhiệm vụ trở lên của cả giai đoạn chia cho tổng số được đánh giá, xếp loại của cả giai đoạn.",
                ["notRated"] = "Không xếp loại: ngoài mẫu số, đếm theo lý do.",
            });
    }

    private static async Task<(IReadOnlyDictionary<string, int> Bases, IReadOnlyDictionary<string, int> Cells)> OrganizationReasonsAsync(
        ChiBoDb db, Subtree subtree, int fromYear, int toYear, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT subject_kind, not_rated_reason, count(*) FROM org_ratings
            WHERE {sql.SubtreePredicate(subtree, "subject_path", "province_id")} AND year >= {sql.Param(fromYear)} AND year <= {sql.Param(toYear)}
              AND state >= {(int)RatingState.Decided} AND not_rated_reason IS NOT NULL
            GROUP BY subject_kind, not_rated_reason
            """;
        var rows = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<(OrgKind Kind, NotRatedReason Reason, int Count)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(((OrgKind)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                    (NotRatedReason)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }

            return list;
        }, ct);
        IReadOnlyDictionary<string, int> By(Func<OrgKind, bool> kinds) => rows.Where(r => kinds(r.Kind))
            .GroupBy(r => r.Reason).OrderBy(g => g.Key).ToDictionary(g => RatingNames.Key(g.Key), g => g.Sum(r => r.Count));
        return (By(k => k.IsBaseOrganization()), By(k => k == OrgKind.Cell));
    }

    private static async Task<IReadOnlyDictionary<string, int>> MemberReasonsAsync(ChiBoDb db, Subtree subtree, int fromYear, int toYear, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT not_rated_reason, count(*) FROM member_ratings
            WHERE {sql.SubtreePredicate(subtree, "cell_path", "province_id")} AND year >= {sql.Param(fromYear)} AND year <= {sql.Param(toYear)}
              AND state >= {(int)RatingState.Decided} AND not_rated_reason IS NOT NULL
            GROUP BY not_rated_reason
            """;
        return await sql.QueryAsync(text, async reader =>
        {
            var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                result[RatingNames.Key((NotRatedReason)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture))] =
                    Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return (IReadOnlyDictionary<string, int>)result;
        }, ct);
    }
}
