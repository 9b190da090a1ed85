using System.Text;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;

namespace ChiBo.Reports;

public sealed record MemberStructure(
    string Org,
    DateOnly AsOf,
    int Total,
    decimal MeanAge,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions);

/// <summary>The counts of one subtree or one cell path: total, mean age and every category.</summary>
public sealed record MemberCounts(int Total, decimal MeanAge, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions);

/// <summary>
/// Members of a subtree as of a date by every dimension of the profile vocabulary, counted in
/// one pass over the periods valid on that date (<c>count(*) FILTER (WHERE …)</c>). The sensitive
/// dimensions (<see cref="MemberDimensions.Sensitive"/>) are counted only for a caller with
/// Members.ReadSensitive on the subtree, and left out of the report otherwise.
/// </summary>
public static class MemberStructureReport
{
    /// <summary>The covering index of the SQLite model (ChiBoDb) that makes this report an index-only scan.</summary>
    public const string AsOfIndex = "ix_member_periods_as_of";

    public static async Task<MemberStructure> RunAsync(
        ChiBoDb db, OrgLookup org, DateOnly asOf, IReadOnlyList<AgeBand> bands, OrgScope caller, CancellationToken ct = default)
    {
        var sensitive = caller.Can(Operation.MembersReadSensitive, org.Subtree);
        var subtree = await AsOf.SubtreeOnAsync(db, org, asOf, ct);
        var rows = await CountAsync(db, subtree, asOf, bands, sensitive, byPath: false, ct);
        var counts = rows[0].Counts;
        return new MemberStructure(AsOf.Label(org), asOf, counts.Total, counts.MeanAge, counts.Dimensions);
    }

    /// <summary>
    /// The same counts for every cell path of the subtree (the path each member's cell had on the
    /// date): one pass, grouped in the covering index's order, so no sort; callers roll the paths
    /// up to the units they show (the plans' dashboard, one level down). Every dimension is counted,
    /// the sensitive ones included, because plan indicators name them (ethnic-minority shares).
    /// </summary>
    public static Task<IReadOnlyList<(string Path, MemberCounts Counts)>> CountByPathAsync(
        ChiBoDb db, Subtree subtree, DateOnly asOf, IReadOnlyList<AgeBand> bands, CancellationToken ct = default) =>
        CountAsync(db, subtree, asOf, bands, sensitive: true, byPath: true, ct);

    private static async Task<IReadOnlyList<(string Path, MemberCounts Counts)>> CountAsync(
        ChiBoDb db, Subtree? subtree, DateOnly asOf, IReadOnlyList<AgeBand> bands, bool sensitive, bool byPath, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var d = sql.Param(asOf);
        var columns = new List<(string Dimension, string Category)>();
        var select = new StringBuilder("SELECT count(*), ");
        select.Append("COALESCE(sum(").Append(sql.Param(asOf.Year)).Append(" - ").Append(sql.YearOf("birth_date")).Append("), 0), ");
        select.Append("count(*) FILTER (WHERE ").Append(sql.MonthDayAfter("birth_date", asOf)).Append(')');
        var counted = MemberDimensions.Fixed.Where(x => sensitive || !MemberDimensions.Sensitive.Contains(x.Name)).ToList();
        foreach (var dimension in counted)
        {
            // The categories of a dimension cover every value exactly once, so the remainder
            // category is the total less the others: one condition fewer per row to evaluate.
            foreach (var category in dimension.Categories.Where(c => c.Name != dimension.Remainder))
            {
                select.Append(", count(*) FILTER (WHERE ").Append(category.Sql.Replace("{d}", d, StringComparison.Ordinal)).Append(')');
                columns.Add((dimension.Name, category.Name));
            }
        }

        foreach (var band in bands)
        {
            select.Append(", count(*) FILTER (WHERE birth_date <= ").Append(sql.Param(band.BornOnOrBefore(asOf)));
            if (band.BornAfter(asOf) is { } after)
            {
                select.Append(" AND birth_date > ").Append(sql.Param(after));
            }

            select.Append(')');
            columns.Add((MemberDimensions.AgeBand, band.Label));
        }

        if (byPath)
        {
            select.Append(", cell_path");
        }

        var where = subtree is { } s ? sql.SubtreePredicate(s, "cell_path", "province_id") : "1=0";
        select.Append(" FROM member_periods").Append(sql.IndexedBy(AsOfIndex)).Append(" WHERE valid_from <= ").Append(d).Append(" AND valid_to > ").Append(d)
            .Append(" AND ").Append(where);
        if (byPath)
        {
            select.Append(" GROUP BY cell_path");
        }

        return await sql.QueryAsync(select.ToString(), async reader =>
        {
            var rows = new List<(string, MemberCounts)>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add((byPath ? reader.GetString(columns.Count + 3) : "", Read(reader, columns, counted)));
            }

            return (IReadOnlyList<(string, MemberCounts)>)rows;
        }, ct);
    }

    private static MemberCounts Read(System.Data.Common.DbDataReader reader, List<(string Dimension, string Category)> columns, IEnumerable<Dimension> counted)
    {
        var total = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        var yearSum = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        var birthdayAhead = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        var dimensions = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        for (var i = 0; i < columns.Count; i++)
        {
            var (dimension, category) = columns[i];
            if (!dimensions.TryGetValue(dimension, out var counts))
            {
                counts = new Dictionary<string, int>();
                dimensions[dimension] = counts;
            }

            ((Dictionary<string, int>)counts)[category] =
                Convert.ToInt32(reader.GetValue(i + 3), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var dimension in counted)
        {
            var counts = (Dictionary<string, int>)dimensions[dimension.Name];
            counts[dimension.Remainder] = total - counts.Values.Sum();
            dimensions[dimension.Name] = dimension.Categories.ToDictionary(c => c.Name, c => counts[c.Name]);
        }

        var meanAge = total == 0 ? 0m : decimal.Round((decimal)(yearSum - birthdayAhead) / total, 2);
        return new MemberCounts(total, meanAge, dimensions);
    }
}
