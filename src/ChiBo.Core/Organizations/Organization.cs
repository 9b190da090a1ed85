namespace ChiBo.Organizations;

/// <summary>
/// A party organization (tổ chức đảng) as it is now. Its past shapes (name, parent, path over
/// time) live in <see cref="OrganizationPeriod"/> rows so that reports "as of" a date count the
/// tree as it was; every change is an <see cref="OrganizationEvent"/>.
/// </summary>
public sealed class Organization
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }

    /// <summary>Stable code, unique in the register, e.g. "AG.012.03".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public OrgKind Kind { get; set; }
    public Sector Sector { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Materialized path of ids, "/1/12/345/": a subtree is one index range.</summary>
    public required string Path { get; set; }

    public int Depth { get; set; }
    public DateOnly FoundedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every command that edits the row.</summary>
    public int Version { get; set; }
}

/// <summary>One shape of an organization over [ValidFrom, ValidTo): what the tree looked like then.</summary>
public sealed class OrganizationPeriod
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int OrganizationId { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Exclusive end; <see cref="Dates.OpenEnd"/> while current.</summary>
    public DateOnly ValidTo { get; set; }

    public required string Name { get; set; }
    public OrgKind Kind { get; set; }
    public Sector Sector { get; set; }
    public int? ParentId { get; set; }
    public required string Path { get; set; }
}

public enum OrganizationEventKind
{
    Founded = 1,
    Renamed = 2,
    Moved = 3,
    MergedInto = 4,
    Dissolved = 5,
    Reclassified = 6,
}

/// <summary>A change to an organization with its decision: who, when, what, why.</summary>
public sealed class OrganizationEvent
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int OrganizationId { get; set; }
    public OrganizationEventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? DecisionNumber { get; set; }
    public string? Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
