using ChiBo.Access;
using ChiBo.Organizations;

namespace ChiBo.Members;

/// <summary>
/// What a caller may see of one member or candidate, decided on their cell: the basic record for
/// Members.Read; ethnicity, religion and CCCD with <see cref="Operation.MembersReadSensitive"/>
/// (personal data Nghị định 13/2023/NĐ-CP treats as sensitive); discipline — cases, decisions,
/// appeals and what the timeline says of them — with <see cref="Operation.DisciplineRead"/>.
/// Every path that shows a person (API, pages, exports, packages, timelines, audit views) projects
/// through <see cref="ProfileView"/>, <see cref="MemberView"/> and <see cref="MemberTimeline"/> with it.
/// </summary>
public sealed record MemberSight(bool Sensitive, bool Discipline)
{
    public static readonly MemberSight Basic = new(false, false);

    /// <summary>The command line and the transfer package: everything.</summary>
    public static readonly MemberSight Full = new(true, true);

    /// <summary>What <paramref name="caller"/> may see of a person whose cell is <paramref name="cell"/>.</summary>
    public static MemberSight On(OrgScope caller, Subtree cell) =>
        new(caller.Can(Operation.MembersReadSensitive, cell), caller.Can(Operation.DisciplineRead, cell));
}

/// <summary>The fields of a lý lịch as a caller may see them: <see cref="Cccd"/>, <see cref="Ethnicity"/> and <see cref="Religion"/> are null without <see cref="MemberSight.Sensitive"/>.</summary>
public sealed record ProfileView(
    string FullName,
    string? OtherNames,
    Gender Gender,
    DateOnly BirthDate,
    string? BirthPlace,
    string? HomeTown,
    string? Residence,
    string? Cccd,
    int? Ethnicity,
    Religion? Religion,
    string? Occupation,
    string? Workplace,
    string? Position,
    GeneralEducation GeneralEducation,
    ProfessionalLevel Professional,
    string? ProfessionalField,
    bool ScienceTechnology,
    PoliticalTheory PoliticalTheory,
    string? ForeignLanguage,
    CivilServiceGrade CivilServiceGrade,
    bool YouthUnion,
    bool Enterprise,
    bool Retired,
    string? PartyCardNumber)
{
    public static ProfileView Of(MemberProfile p, MemberSight sight) => new(
        p.FullName, p.OtherNames, p.Gender, p.BirthDate, p.BirthPlace, p.HomeTown, p.Residence,
        sight.Sensitive ? p.Cccd : null,
        sight.Sensitive ? p.Ethnicity : null,
        sight.Sensitive ? p.Religion : null,
        p.Occupation, p.Workplace, p.Position, p.GeneralEducation, p.Professional, p.ProfessionalField, p.ScienceTechnology,
        p.PoliticalTheory, p.ForeignLanguage, p.CivilServiceGrade, p.YouthUnion, p.Enterprise, p.Retired, p.PartyCardNumber);
}

/// <summary>A member record (hồ sơ đảng viên) as a caller may see it; never the entity itself.</summary>
public sealed record MemberView(
    int Id,
    int ProvinceId,
    int CellId,
    ProfileView Profile,
    DateOnly? PartyCardIssuedOn,
    DateOnly AdmittedOn,
    DateOnly? OfficialOn,
    MemberStatus Status,
    ExemptionGround? ExemptionGround,
    DateOnly? ExemptionReviewOn,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public string FullName => Profile.FullName;

    public static MemberView Of(Member m, MemberSight sight) => new(
        m.Id, m.ProvinceId, m.CellId, ProfileView.Of(MemberProfile.Of(m), sight), m.PartyCardIssuedOn, m.AdmittedOn, m.OfficialOn,
        m.Status, m.ExemptionGround, m.ExemptionReviewOn, m.UpdatedAt, m.Version);
}

/// <summary>One event of a member's timeline as a caller may see it.</summary>
public sealed record MemberEventView(
    MemberEventKind Kind,
    DateOnly Date,
    int CellId,
    int? OtherCellId,
    string? DecisionNumber,
    string? DecidedBy,
    string? Reason,
    string? Details,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// A member's timeline as a caller may see it. Discipline events only with
/// <see cref="MemberSight.Discipline"/>; a khai trừ stays visible as a departure, but its reason
/// (the violation) and details only with it. Texts never carry ethnicity, religion or CCCD values
/// to a caller without <see cref="MemberSight.Sensitive"/>: corrections are written without them
/// (<see cref="MemberCommands"/>), and lines written before that are cut to the field's name here.
/// </summary>
public static class MemberTimeline
{
    /// <summary>Events that only callers with Discipline.Read on the member's cell see at all.</summary>
    public static readonly IReadOnlySet<MemberEventKind> DisciplineEvents = new HashSet<MemberEventKind>
    {
        MemberEventKind.Disciplined, MemberEventKind.DisciplineReviewed, MemberEventKind.Reinstated,
    };

    /// <summary>Events that everyone who reads the member sees, but whose texts are discipline content.</summary>
    public static readonly IReadOnlySet<MemberEventKind> DisciplineTexts = new HashSet<MemberEventKind> { MemberEventKind.Expelled };

    /// <summary>The field names (as <c>MemberCommands.Diff</c> writes them) whose values are sensitive.</summary>
    public static readonly IReadOnlyList<string> SensitiveFields = ["Số CCCD", "Dân tộc", "Tôn giáo"];

    /// <summary>The line a correction of a sensitive field leaves: that it changed, not from what to what.</summary>
    public static string Corrected(string field) => "Đã sửa " + field;

    public static IReadOnlyList<MemberEventView> Of(IEnumerable<MemberEvent> events, MemberSight sight) =>
        events.Where(e => sight.Discipline || !DisciplineEvents.Contains(e.Kind)).Select(e => Of(e, sight)).ToList();

    public static MemberEventView Of(MemberEvent e, MemberSight sight)
    {
        var hideDiscipline = !sight.Discipline && DisciplineTexts.Contains(e.Kind);
        return new MemberEventView(
            e.Kind, e.Date, e.CellId, e.OtherCellId, e.DecisionNumber, e.DecidedBy,
            hideDiscipline ? null : e.Reason,
            hideDiscipline ? null : sight.Sensitive ? e.Details : Redact(e.Details),
            e.RecordedBy, e.RecordedAt);
    }

    /// <summary>"Số CCCD: a → b" becomes "Đã sửa Số CCCD"; other lines stay.</summary>
    public static string? Redact(string? details)
    {
        if (details is null)
        {
            return null;
        }

        var lines = details.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var field in SensitiveFields)
            {
                if (lines[i].StartsWith(field + ":", StringComparison.Ordinal))
                {
                    lines[i] = Corrected(field);
                }
            }
        }

        return string.Join('\n', lines);
    }
}
