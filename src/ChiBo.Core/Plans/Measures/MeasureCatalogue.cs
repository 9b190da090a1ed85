using ChiBo.Reports;

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
        new RatingMeasures(),
        new CommitteeMeasures(),
        new TrainingMeasures(),
        PendingMeasures.Reports,
    ];

    public static IMeasureFamily? FamilyOf(string name) => Families.FirstOrDefault(f => f.Owns(name));

    /// <summary>Null when the catalogue has the measure; else why not, in Vietnamese.</summary>
    public static string? Check(string name) => FamilyOf(name) is { } family
        ? family.Check(name) is { } why ? (why.Contains(name, StringComparison.Ordinal) ? why : $"\"{name}\": {why}") : null
        : $"không có số đo \"{name}\" trong danh mục (docs/measures.md).";

    /// <summary>
    /// Why the measure cannot be given, as "measure: why": the register cannot compute it yet, or it
    /// counts a sensitive dimension (<see cref="MemberDimensions.Sensitive"/>) and the caller may not
    /// see them; null when it can.
    /// </summary>
    public static string? Missing(string name, bool sensitive) =>
        FamilyOf(name)?.Missing(name) is { } why ? $"{name}: {why}"
        : !sensitive && IsSensitive(name) ? $"{name}: cần quyền xem thông tin nhạy cảm của đảng viên (dân tộc, tôn giáo) trên đơn vị này."
        : null;

    /// <summary>Whether the register computes the measure (its family has landed).</summary>
    public static bool Computable(string name) => FamilyOf(name)?.Missing(name) is null;

    /// <summary>Whether the measure counts people by ethnicity or religion.</summary>
    public static bool IsSensitive(string name) => name.Split('.').Any(MemberDimensions.Sensitive.Contains);

    public static IEnumerable<MeasureDoc> Documentation => Families.SelectMany(f => f.Documentation);
}
