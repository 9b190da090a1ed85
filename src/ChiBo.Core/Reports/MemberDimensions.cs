namespace ChiBo.Reports;

/// <summary>A category of a dimension and how it is counted over member_periods; "{d}" stands for the as-of date.</summary>
public sealed record DimensionCategory(string Name, string Sql);

/// <summary>A dimension of the province profile vocabulary (shared/profiles/README.md).</summary>
public sealed record Dimension(string Name, string Remainder, IReadOnlyList<DimensionCategory> Categories)
{
    public IEnumerable<string> CategoryNames => Categories.Select(c => c.Name);
}

/// <summary>
/// The one definition of what the member-structure report counts, in the profile's vocabulary:
/// the generator aims at it, the report counts with it, the tests compare through it.
/// </summary>
public static class MemberDimensions
{
    public const string AgeBand = "ageBand";

    private const string Probationary = "NOT exempted AND (official_on IS NULL OR official_on > {d})";

    public static readonly IReadOnlyList<Dimension> Fixed =
    [
        new("gender", "male", [new("female", "gender = 2"), new("male", "gender = 1")]),
        new("ethnicity", "kinh", [new("minority", "minority"), new("kinh", "NOT minority")]),
        new("religion", "none", [new("religious", "religious"), new("none", "NOT religious")]),
        new("enterprise", "no", [new("yes", "enterprise"), new("no", "NOT enterprise")]),
        new("youthUnion", "no", [new("yes", "youth_union"), new("no", "NOT youth_union")]),
        new("retired", "no", [new("yes", "retired"), new("no", "NOT retired")]),
        new("status", "official", [new("probationary", Probationary), new("official", $"NOT ({Probationary})")]),
        new("generalEducation", "upperSecondary",
        [
            new("literate", "general_education = 1"), new("primary", "general_education = 2"),
            new("lowerSecondary", "general_education = 3"), new("upperSecondary", "general_education = 4"),
        ]),
        new("professional", "none",
        [
            new("elementary", "professional = 1"), new("intermediateCollege", "professional IN (2, 3)"),
            new("universityPlus", "professional >= 4"), new("none", "professional = 0"),
        ]),
        new("politicalTheory", "none",
        [
            new("elementary", "political_theory = 1"), new("intermediate", "political_theory = 2"),
            new("advanced", "political_theory >= 3"), new("none", "political_theory = 0"),
        ]),
    ];

    /// <summary>
    /// Dimensions that count sensitive personal data (Nghị định 13/2023/NĐ-CP: ethnicity, religion).
    /// A caller without Members.ReadSensitive on the subtree gets the report without them: the
    /// difference of two reports a day apart would otherwise tell one member's ethnicity or religion.
    /// Omitting them, rather than hiding small counts, is what defeats that difference.
    /// </summary>
    public static readonly IReadOnlySet<string> Sensitive = new HashSet<string>(StringComparer.Ordinal) { "ethnicity", "religion" };

    /// <summary>Every dimension name a profile may use.</summary>
    public static readonly IReadOnlySet<string> Names = Fixed.Select(d => d.Name).Append(AgeBand).ToHashSet();

    public static Dimension? Find(string name) => Fixed.FirstOrDefault(d => d.Name == name);
}
