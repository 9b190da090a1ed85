namespace ChiBo.Plans;

/// <summary>
/// The whitelist of measures an indicator may name (docs/measures.md). Each family is one file
/// with one query; a family whose feature has not landed is a <see cref="PendingMeasures"/> entry
/// that checks the names and reports the values missing.
/// </summary>
public static class MeasureCatalogue
{
    public static readonly IReadOnlyList<IMeasureFamily> Families =
    [
        new MemberMeasures(),
        new MovementMeasures(),
        new OrgMeasures(),
        new MeetingMeasures(),
        new CommitmentMeasures(),
        new HandbookMeasures(),
        new DataQualityMeasures(),
        PendingMeasures.Ratings,
        PendingMeasures.Committees,
        PendingMeasures.Training,
        PendingMeasures.Reports,
    ];

    public static IMeasureFamily? FamilyOf(string name) => Families.FirstOrDefault(f => f.Owns(name));

    /// <summary>Null when the catalogue has the measure; else why not, in Vietnamese.</summary>
    public static string? Check(string name) => FamilyOf(name) is { } family
        ? family.Check(name) is { } why ? (why.Contains(name, StringComparison.Ordinal) ? why : $"\"{name}\": {why}") : null
        : $"không có số đo \"{name}\" trong danh mục (docs/measures.md).";

    /// <summary>Why the register cannot compute the measure yet, as "measure: why"; null when it can.</summary>
    public static string? Missing(string name) => FamilyOf(name)?.Missing(name) is { } why ? $"{name}: {why}" : null;

    public static IEnumerable<MeasureDoc> Documentation => Families.SelectMany(f => f.Documentation);
}
