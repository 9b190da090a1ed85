using System.Globalization;
using System.Text;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Reports;

namespace ChiBo.Cadres;

/// <summary>The composition of a level's committees in a subtree on a date: seats by every dimension.</summary>
public sealed record CommitteeStructure(
    string Org,
    string Level,
    DateOnly AsOf,
    int Members,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions);

/// <summary>
/// Composition of party committees (shared/profiles/README.md, <c>committees</c>): the seats of a
/// level's committees valid on a date in a subtree, by the member vocabulary (from the member's
/// period on that date, as the member-structure report counts it) and the cadre vocabulary
/// (postgraduate from the same period; science-technology background and civil-service grade as
/// the member record holds them now; the position from the seat). A person on two committees of the
/// level counts twice; a seat of someone no longer in the Party on the date does not count, nor a
/// committee of an organization that no longer exists. One SQL pass; grouped by committee
/// organization for the plan measures.
/// </summary>
public static class CommitteeComposition
{
    /// <summary>The member dimensions a committee profile may state, in the report's order.</summary>
    public static readonly IReadOnlyList<string> MemberDimensionNames = ["gender", "ethnicity", "generalEducation", "professional", "politicalTheory"];

    /// <summary>The cadre vocabulary: counted over the joined row ("x"), "{d}" unused.</summary>
    public static readonly IReadOnlyList<Dimension> CadreDimensions =
    [
        new("postgraduate", "no", [new("yes", "professional >= 5"), new("no", "professional < 5")]),
        new("scienceTech", "no", [new("yes", "science_technology"), new("no", "NOT science_technology")]),
        new("grade", "none",
        [
            new("senior", "civil_service_grade = 3"), new("principal", "civil_service_grade = 2"),
            new("specialist", "civil_service_grade = 1"), new("none", "civil_service_grade = 0"),
        ]),
        new("position", "member",
        [
            new("secretary", "position = 1"), new("deputySecretary", "position = 2"),
            new("standing", "position = 3"), new("member", "position = 4"),
        ]),
    ];

    /// <summary>Every dimension of the report, in order; <see cref="MemberDimensions.AgeBand"/> by the bands asked for.</summary>
    public static readonly IReadOnlyList<string> DimensionNames =
        [.. MemberDimensionNames.Take(2), MemberDimensions.AgeBand, .. MemberDimensionNames.Skip(2), .. CadreDimensions.Select(d => d.Name)];

    /// <summary>The fixed-category dimensions (all but the age bands).</summary>
    public static IEnumerable<Dimension> Categorical =>
        MemberDimensionNames.Select(n => MemberDimensions.Find(n)!).Concat(CadreDimensions);

    public static Dimension? Find(string name) => Categorical.FirstOrDefault(d => d.Name == name);

    public static async Task<CommitteeStructure> RunAsync(
        ChiBoDb db, OrgLookup org, CommitteeLevels level, DateOnly asOf, IReadOnlyList<AgeBand> bands, CancellationToken ct = default)
    {
        var subtree = await AsOf.SubtreeOnAsync(db, org, asOf, ct);
        var rows = subtree is { } s ? await CountAsync(db, s, level, asOf, bands, byUnit: false, ct) : [];
        var total = rows.Count == 0 ? new Counts(0, new int[Columns(bands).Count]) : rows[0];
        return new CommitteeStructure(AsOf.Label(org), CommitteeLevel.NameOf(level), asOf, total.Members, Shape(total, bands));
    }

    /// <summary>
    /// The plan measures of a level for each unit (a subtree such as a commune): <c>committees.&lt;level&gt;.members</c>
    /// and <c>committees.&lt;level&gt;.&lt;dimension&gt;.&lt;category&gt;</c>, from one SQL pass grouped by
    /// committee organization, each group added to the units whose path it lies in.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> MeasuresAsync(
        ChiBoDb db, Subtree within, IReadOnlyList<(string Code, Subtree Subtree)> units, CommitteeLevels level, DateOnly asOf,
        IReadOnlyList<AgeBand> bands, CancellationToken ct = default)
    {
        var groups = await CountAsync(db, within, level, asOf, bands, byUnit: true, ct);
        var prefix = "committees." + CommitteeLevel.NameOf(level) + ".";
        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var width = Columns(bands).Count;
        foreach (var (code, unit) in units)
        {
            var sum = new Counts(0, new int[width]);
            foreach (var g in groups.Where(g => unit.Contains(g.Path!)))
            {
                sum = sum.Plus(g);
            }

            result[code] = Flatten(prefix, sum, bands);
        }

        return result;
    }

    /// <summary>
    /// The plan measures of a level (<c>committees.&lt;level&gt;.…</c>, with <c>young.yes|no</c> by
    /// <see cref="CadrePolicy.YoungUnder"/>) for each committee organization's path in a subtree: one
    /// grouped pass that the measure family rolls up to any units.
    /// </summary>
    public static async Task<IReadOnlyList<(string Path, IReadOnlyDictionary<string, int> Measures)>> MeasuresByPathAsync(
        ChiBoDb db, Subtree within, CommitteeLevels level, DateOnly asOf, CancellationToken ct = default)
    {
        var young = new AgeBand(0, CadrePolicy.Default.YoungUnder - 1);
        var prefix = "committees." + CommitteeLevel.NameOf(level) + ".";
        var groups = await CountAsync(db, within, level, asOf, [young], byUnit: true, ct);
        return groups.Select(g =>
        {
            var measures = Flatten(prefix, g, [young]);
            var yes = measures[prefix + MemberDimensions.AgeBand + "." + young.Label];
            measures.Remove(prefix + MemberDimensions.AgeBand + "." + young.Label);
            measures[prefix + "young.yes"] = yes;
            measures[prefix + "young.no"] = g.Members - yes;
            return (g.Path!, (IReadOnlyDictionary<string, int>)measures);
        }).ToList();
    }

    private static Dictionary<string, int> Flatten(string prefix, Counts counts, IReadOnlyList<AgeBand> bands)
    {
        var measures = new Dictionary<string, int>(StringComparer.Ordinal) { [prefix + "members"] = counts.Members };
        foreach (var (dimension, categories) in Shape(counts, bands))
        {
            foreach (var (category, count) in categories)
            {
                measures[prefix + dimension + "." + category] = count;
            }
        }

        return measures;
    }

    /// <summary>Seats of one group: the total and each counted column.</summary>
    private sealed record Counts(int Members, int[] Values)
    {
        public string? Path { get; init; }

        public Counts Plus(Counts other) => new(Members + other.Members, Values.Zip(other.Values, (a, b) => a + b).ToArray());
    }

    /// <summary>The counted columns: every non-remainder category, then the age bands.</summary>
    private static List<(string Dimension, string Category, string? Sql)> Columns(IReadOnlyList<AgeBand> bands)
    {
        var columns = new List<(string, string, string?)>();
        foreach (var dimension in Categorical)
        {
            foreach (var category in dimension.Categories.Where(c => c.Name != dimension.Remainder))
            {
                columns.Add((dimension.Name, category.Name, category.Sql));
            }
        }

        foreach (var band in bands)
        {
            columns.Add((MemberDimensions.AgeBand, band.Label, null));
        }

        return columns;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> Shape(Counts counts, IReadOnlyList<AgeBand> bands)
    {
        var columns = Columns(bands);
        var byDimension = new Dictionary<string, Dictionary<string, int>>();
        for (var i = 0; i < columns.Count; i++)
        {
            var (dimension, category, _) = columns[i];
            if (!byDimension.TryGetValue(dimension, out var d))
            {
                byDimension[dimension] = d = [];
            }

            d[category] = counts.Values[i];
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var name in DimensionNames)
        {
            if (name == MemberDimensions.AgeBand)
            {
                result[name] = bands.ToDictionary(b => b.Label, b => byDimension.GetValueOrDefault(name)?.GetValueOrDefault(b.Label) ?? 0);
                continue;
            }

            var dimension = Find(name)!;
            var counted = byDimension.GetValueOrDefault(name) ?? [];
            counted[dimension.Remainder] = counts.Members - counted.Values.Sum();
            result[name] = dimension.Categories.ToDictionary(c => c.Name, c => counted[c.Name]);
        }

        return result;
    }

    private static async Task<List<Counts>> CountAsync(
        ChiBoDb db, Subtree subtree, CommitteeLevels level, DateOnly asOf, IReadOnlyList<AgeBand> bands, bool byUnit, CancellationToken ct)
    {
        var sql = new RawSql(db);
        var d = sql.Param(asOf);
        var columns = Columns(bands);
        var select = new StringBuilder("SELECT ");
        if (byUnit)
        {
            select.Append("org_path, ");
        }

        select.Append("count(*)");
        foreach (var (_, category, condition) in columns)
        {
            select.Append(", count(*) FILTER (WHERE ");
            if (condition is not null)
            {
                select.Append(condition.Replace("{d}", d, StringComparison.Ordinal));
            }
            else
            {
                var band = bands.First(b => b.Label == category);
                select.Append("birth_date <= ").Append(sql.Param(band.BornOnOrBefore(asOf)));
                if (band.BornAfter(asOf) is { } after)
                {
                    select.Append(" AND birth_date > ").Append(sql.Param(after));
                }
            }

            select.Append(')');
        }

        // The seat, the member's period on the date and the member record, renamed in one derived
        // row so the vocabulary's conditions read plain column names.
        select.Append(CultureInfo.InvariantCulture, $"""
             FROM (SELECT cm.org_path AS org_path, cm.position AS position, mp.gender AS gender, mp.minority AS minority,
                     mp.birth_date AS birth_date, mp.general_education AS general_education, mp.professional AS professional,
                     mp.political_theory AS political_theory, m.science_technology AS science_technology,
                     m.civil_service_grade AS civil_service_grade
                   FROM committee_memberships cm
                   JOIN member_periods mp ON mp.member_id = cm.member_id AND mp.valid_from <= {d} AND mp.valid_to > {d}
                   JOIN members m ON m.id = cm.member_id
                   WHERE cm.valid_from <= {d} AND cm.valid_to > {d} AND {CommitteeLevel.SqlHolding("cm.levels", level)}
                     AND {sql.SubtreePredicate(subtree, "cm.org_path", "cm.province_id")}
                     AND EXISTS (SELECT 1 FROM organization_periods op
                                 WHERE op.organization_id = cm.organization_id AND op.valid_from <= {d} AND op.valid_to > {d})) x
            """);
        if (byUnit)
        {
            select.Append(" GROUP BY org_path");
        }

        return await sql.QueryAsync(select.ToString(), async reader =>
        {
            var list = new List<Counts>();
            var offset = byUnit ? 1 : 0;
            while (await reader.ReadAsync(ct))
            {
                var values = new int[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Convert.ToInt32(reader.GetValue(offset + 1 + i), CultureInfo.InvariantCulture);
                }

                list.Add(new Counts(Convert.ToInt32(reader.GetValue(offset), CultureInfo.InvariantCulture), values)
                {
                    Path = byUnit ? reader.GetString(0) : null,
                });
            }

            return list;
        }, ct);
    }
}
