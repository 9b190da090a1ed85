namespace ChiBo.Meetings;

/// <summary>
/// A member's yearly action programme and commitment (chương trình hành động và bản cam kết tu
/// dưỡng, rèn luyện, phấn đấu), registered with the cell at the start of the year and reviewed at
/// its end. One per member and year; the text is what the member wrote, kept as written.
/// </summary>
public sealed class MemberCommitment
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int CellId { get; set; }

    /// <summary>The cell's path when it was registered.</summary>
    public required string CellPath { get; set; }

    public int MemberId { get; set; }
    public int Year { get; set; }

    /// <summary>Chương trình hành động: what the member will do in the year.</summary>
    public required string ActionProgramme { get; set; }

    /// <summary>Bản cam kết tu dưỡng, rèn luyện, phấn đấu.</summary>
    public required string Commitment { get; set; }

    /// <summary>The day the cell received it.</summary>
    public DateOnly SubmittedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>
/// That the place of residence confirmed a working member's contact with it for a year (nhận xét
/// của chi ủy, chi bộ nơi cư trú, Quy định 213-QĐ/TW): only the fact, the date and who gave it.
/// The online procedure that produces the comment itself lives elsewhere; this is what the
/// member's own cell records for its year-end review.
/// </summary>
public sealed class ResidenceConfirmation
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int CellId { get; set; }

    /// <summary>The member's cell's path when it was recorded.</summary>
    public required string CellPath { get; set; }

    public int MemberId { get; set; }
    public int Year { get; set; }

    /// <summary>Who confirmed: the residence cell (chi bộ nơi cư trú) and its place, as written on the comment.</summary>
    public required string ConfirmedBy { get; set; }

    public DateOnly ConfirmedOn { get; set; }

    /// <summary>A short note of what the comment says, when the cell wants one.</summary>
    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}
