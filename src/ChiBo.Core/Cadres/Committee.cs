using ChiBo.Organizations;

namespace ChiBo.Cadres;

/// <summary>Chức vụ trong cấp ủy. A secretary is also a standing member; each seat counts under one position.</summary>
public enum CommitteePosition
{
    /// <summary>Bí thư.</summary>
    Secretary = 1,

    /// <summary>Phó Bí thư.</summary>
    DeputySecretary = 2,

    /// <summary>Ủy viên Ban Thường vụ.</summary>
    Standing = 3,

    /// <summary>Ủy viên Ban Chấp hành, đảng ủy viên, chi ủy viên.</summary>
    Member = 4,
}

/// <summary>
/// The levels of committees the plans measure (shared/profiles/README.md, <c>committees</c>). A
/// committee may belong to two: the chi ủy of a village chi bộ cơ sở is both a base and a
/// village-cell committee.
/// </summary>
[Flags]
public enum CommitteeLevels
{
    None = 0,

    /// <summary>Ban Chấp hành Đảng bộ tỉnh.</summary>
    Province = 1,

    /// <summary>Ban Chấp hành đảng bộ xã, phường, đặc khu (đảng bộ trực thuộc Tỉnh ủy of the commune sector).</summary>
    Commune = 2,

    /// <summary>Đảng ủy cơ sở and chi ủy of a chi bộ cơ sở.</summary>
    Base = 4,

    /// <summary>Chi ủy of a cell in a village (thôn, ấp, khóm, tổ dân phố): a cell of the commune sector.</summary>
    VillageCell = 8,
}

/// <summary>How a committee came to be for its term.</summary>
public enum CommitteeFormation
{
    /// <summary>Bầu tại đại hội.</summary>
    Elected = 1,

    /// <summary>Chỉ định (a new or merged organization, or a committee that could not be elected).</summary>
    Appointed = 2,
}

/// <summary>Why a seat began or ended.</summary>
public enum MembershipChange
{
    /// <summary>Trúng cử tại đại hội.</summary>
    Elected = 1,

    /// <summary>Được chỉ định.</summary>
    Appointed = 2,

    /// <summary>Bầu bổ sung.</summary>
    Added = 3,

    /// <summary>Chuyển công tác, điều động, luân chuyển.</summary>
    Moved = 4,

    /// <summary>Xin thôi, cho thôi, nghỉ hưu.</summary>
    Resigned = 5,

    /// <summary>Bị kỷ luật (cách chức, khai trừ).</summary>
    Disciplined = 6,

    /// <summary>Hết nhiệm kỳ.</summary>
    TermEnded = 7,

    /// <summary>Từ trần.</summary>
    Died = 8,

    /// <summary>Thay đổi chức vụ trong cấp ủy (e.g. ủy viên được bầu làm phó bí thư).</summary>
    PositionChanged = 9,
}

/// <summary>
/// A party committee (cấp ủy) of an organization for one term: Ban Chấp hành, đảng ủy, chi ủy.
/// A new term's committee closes the previous one on its congress date.
/// </summary>
public sealed class Committee
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>The levels the committee is counted in, fixed from the organization's kind and sector at its congress.</summary>
    public CommitteeLevels Levels { get; set; }

    /// <summary>Nhiệm kỳ, "2025–2030".</summary>
    public required string Term { get; set; }

    /// <summary>Ngày đại hội (or of the decision that appointed the committee): the committee is valid from it.</summary>
    public DateOnly CongressOn { get; set; }

    /// <summary>When the term is planned to end.</summary>
    public DateOnly TermEndsOn { get; set; }

    /// <summary>Exclusive end: the next committee's congress, <see cref="Dates.OpenEnd"/> while current.</summary>
    public DateOnly ValidTo { get; set; }

    public CommitteeFormation Formation { get; set; }

    /// <summary>Số lượng cấp ủy viên (approved seats); fewer members than this are vacancies.</summary>
    public int Seats { get; set; }

    /// <summary>Quyết định chuẩn y kết quả bầu cử or chỉ định.</summary>
    public string? DecisionNumber { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One stretch [ValidFrom, ValidTo) of a person's seat on a committee in one position, with the
/// organization's path during it, so a subtree "as of" a date is one indexed range (like
/// <c>member_periods</c>). A move of the organization splits the open stretch at the move's date:
/// the two parts are joined by a null <see cref="EndReason"/> and <see cref="StartReason"/>.
/// </summary>
public sealed class CommitteeMembership
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int CommitteeId { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>The committee organization's path during the stretch.</summary>
    public required string OrgPath { get; set; }

    /// <summary>Copied from the committee, so the composition reads one table for the level.</summary>
    public CommitteeLevels Levels { get; set; }

    public int MemberId { get; set; }
    public CommitteePosition Position { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Exclusive end; <see cref="Dates.OpenEnd"/> while the seat is held.</summary>
    public DateOnly ValidTo { get; set; }

    /// <summary>Null when the stretch continues the previous one (split by a move of the organization).</summary>
    public MembershipChange? StartReason { get; set; }

    /// <summary>Null while held, or when the next stretch continues it.</summary>
    public MembershipChange? EndReason { get; set; }

    public string? StartDecision { get; set; }
    public string? EndDecision { get; set; }
}

/// <summary>The levels of an organization's committee and the names the profile format gives them.</summary>
public static class CommitteeLevel
{
    public const string ProvinceName = "province";
    public const string CommuneName = "commune";
    public const string BaseName = "base";
    public const string VillageCellName = "villageCell";

    public static readonly IReadOnlyList<(string Name, CommitteeLevels Level, string Vietnamese)> All =
    [
        (ProvinceName, CommitteeLevels.Province, "Ban Chấp hành Đảng bộ tỉnh"),
        (CommuneName, CommitteeLevels.Commune, "Ban Chấp hành đảng bộ xã, phường, đặc khu"),
        (BaseName, CommitteeLevels.Base, "Đảng ủy cơ sở, chi ủy chi bộ cơ sở"),
        (VillageCellName, CommitteeLevels.VillageCell, "Chi ủy chi bộ thôn, ấp, khóm, tổ dân phố"),
    ];

    public static CommitteeLevels? Parse(string? name) =>
        All.Where(l => string.Equals(l.Name, name?.Trim(), StringComparison.Ordinal)).Select(l => (CommitteeLevels?)l.Level).FirstOrDefault();

    public static string NameOf(CommitteeLevels level) => All.First(l => l.Level == level).Name;

    public const string SeatsIndex = "ix_committee_memberships_level_path";

    /// <summary>
    /// "cm.levels IN (2, 3, 6, …)": the seat's levels that include <paramref name="level"/>, as an
    /// equality list the index <see cref="SeatsIndex"/> answers range by range (a bit test is not sargable).
    /// </summary>
    public static string SqlHolding(string column, CommitteeLevels level) =>
        $"{column} IN ({string.Join(", ", Enumerable.Range(0, 16).Where(v => (v & (int)level) != 0))})";

    /// <summary>
    /// Which levels the committee of an organization of this kind and sector is counted in. The
    /// commune level is the đảng bộ trực thuộc Tỉnh ủy of the commune sector (xã, phường, đặc khu
    /// since 1/7/2025; in a register before that date, the huyện); a village cell is a cell of the
    /// commune sector (thôn, ấp, khóm, tổ dân phố).
    /// </summary>
    public static CommitteeLevels Of(OrgKind kind, Sector sector) => kind switch
    {
        OrgKind.Province => CommitteeLevels.Province,
        OrgKind.SuperiorToBase when sector == Sector.Commune => CommitteeLevels.Commune,
        OrgKind.BaseCommittee => CommitteeLevels.Base,
        OrgKind.BaseCell => CommitteeLevels.Base | (sector == Sector.Commune ? CommitteeLevels.VillageCell : CommitteeLevels.None),
        OrgKind.Cell when sector == Sector.Commune => CommitteeLevels.VillageCell,
        _ => CommitteeLevels.None,
    };
}

/// <summary>Vietnamese names of the cadre vocabulary.</summary>
public static class CadreNames
{
    public static string Of(CommitteePosition p) => p switch
    {
        CommitteePosition.Secretary => "Bí thư",
        CommitteePosition.DeputySecretary => "Phó Bí thư",
        CommitteePosition.Standing => "Ủy viên Ban Thường vụ",
        _ => "Ủy viên",
    };

    public static string Of(MembershipChange c) => c switch
    {
        MembershipChange.Elected => "Trúng cử tại đại hội",
        MembershipChange.Appointed => "Chỉ định",
        MembershipChange.Added => "Bầu bổ sung",
        MembershipChange.Moved => "Chuyển công tác",
        MembershipChange.Resigned => "Thôi tham gia cấp ủy",
        MembershipChange.Disciplined => "Bị kỷ luật",
        MembershipChange.TermEnded => "Hết nhiệm kỳ",
        MembershipChange.Died => "Từ trần",
        _ => "Thay đổi chức vụ",
    };

    public static string Of(CommitteeFormation f) => f == CommitteeFormation.Elected ? "Bầu tại đại hội" : "Chỉ định";
}
