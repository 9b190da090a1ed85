using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;

namespace ChiBo.Plans;

/// <summary>
/// The three rating series of the ratings report (<see cref="RatingReport"/>, PLAN-SPEC §1.1) for
/// each year the window touches: TCCSĐ and chi bộ trực thuộc by their own decided outcome, members
/// by the tallies their chi bộ carry, where each stood when rated. The denominator is those rated
/// ("so với tổng số được đánh giá, xếp loại", 000:52); "không xếp loại" is outside it. One pass over
/// the report's index range, grouped by the rated organization's path.
/// </summary>
public sealed class RatingMeasures : IMeasureFamily
{
    private static readonly string[] Series = ["organizations", "cells", "members"];

    public bool Owns(string name) => name.StartsWith("ratings.", StringComparison.Ordinal);

    public string? Check(string name) =>
        name["ratings.".Length..].Split('.') is [var series, var count] && Series.Contains(series) && count is "rated" or "goodOrAbove"
            ? null
            : "số đo xếp loại có dạng \"ratings.<organizations|cells|members>.<rated|goodOrAbove>\".";

    public MeasureTiming TimingOf(string name) => MeasureTiming.Year;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
    [
        new("ratings.organizations.rated", "Tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở) được đánh giá, xếp loại trong năm", MeasureTiming.Year),
        new("ratings.organizations.goodOrAbove", "… xếp loại hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
        new("ratings.cells.rated", "Chi bộ trực thuộc đảng ủy cơ sở được xếp loại", MeasureTiming.Year),
        new("ratings.cells.goodOrAbove", "… hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
        new("ratings.members.rated", "Đảng viên được đánh giá, xếp loại", MeasureTiming.Year),
        new("ratings.members.goodOrAbove", "… hoàn thành tốt nhiệm vụ trở lên", MeasureTiming.Year),
    ];

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var sql = new RawSql(query.Db);
        var decided = ((int)RatingState.Decided).ToString(CultureInfo.InvariantCulture);
        var good = $"{(int)RatingLevel.Excellent}, {(int)RatingLevel.Good}";
        var bases = $"{(int)OrgKind.BaseCommittee}, {(int)OrgKind.BaseCell}";
        var cell = ((int)OrgKind.Cell).ToString(CultureInfo.InvariantCulture);
        var text = $"""
            SELECT subject_path,
                   count(*) FILTER (WHERE subject_kind IN ({bases}) AND state >= {decided} AND level IS NOT NULL),
                   count(*) FILTER (WHERE subject_kind IN ({bases}) AND state >= {decided} AND level IN ({good})),
                   count(*) FILTER (WHERE subject_kind = {cell} AND state >= {decided} AND level IS NOT NULL),
                   count(*) FILTER (WHERE subject_kind = {cell} AND state >= {decided} AND level IN ({good})),
                   sum(members_excellent + members_good + members_fulfilled + members_not_fulfilled),
                   sum(members_excellent + members_good)
            FROM org_ratings{sql.IndexedBy(RatingReport.ReportIndex)}
            WHERE {sql.SubtreePredicate(query.Subtree, "subject_path", "province_id")}
              AND year >= {sql.Param(query.From.Year)} AND year <= {sql.Param(query.To.Year)}
            GROUP BY subject_path
            """;
        var columns = Series.SelectMany(s => new[] { $"ratings.{s}.rated", $"ratings.{s}.goodOrAbove" }).ToArray();
        var counts = new MeasureCounts();
        foreach (var name in names)
        {
            counts.Add(name, null, 0);
        }

        var wanted = names.ToHashSet(StringComparer.Ordinal);
        await sql.QueryAsync(text, async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                var unit = query.ByUnit ? query.UnitOf(reader.GetString(0)) : null;
                for (var i = 0; i < columns.Length; i++)
                {
                    if (wanted.Contains(columns[i]) && !reader.IsDBNull(i + 1))
                    {
                        counts.Add(columns[i], unit, Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture));
                    }
                }
            }

            return 0;
        }, ct);
        return counts;
    }
}
