using ChiBo.Organizations;

namespace ChiBo.Discipline;

/// <summary>The level a body sits at, for who may decide what and how long an appeal may take.</summary>
public enum DisciplineLevel
{
    /// <summary>Chi bộ (chi bộ trực thuộc or chi bộ cơ sở).</summary>
    Cell = 1,

    /// <summary>Đảng bộ bộ phận: no disciplinary power of its own.</summary>
    Section = 2,

    /// <summary>Đảng ủy cơ sở.</summary>
    Base = 3,

    /// <summary>Cấp trên trực tiếp cơ sở (đảng ủy xã, phường, đặc khu, đảng ủy trực thuộc Tỉnh ủy; formerly huyện ủy).</summary>
    Superior = 4,

    /// <summary>Tỉnh ủy.</summary>
    Province = 5,

    /// <summary>Trung ương.</summary>
    Central = 6,
}

/// <summary>
/// Who decides which discipline, what may be inspected, and the time limits of appeals, in one
/// place. Sources: Điều lệ Đảng (2011) Điều 30–32 (kiểm tra, giám sát), Điều 35–39 (kỷ luật,
/// thẩm quyền, khiếu nại); Quy định 22-QĐ/TW ngày 28/7/2021 về công tác kiểm tra, giám sát và kỷ
/// luật của Đảng (thẩm quyền, thời hạn giải quyết khiếu nại); Quy định 69-QĐ/TW ngày 6/7/2022 về
/// kỷ luật tổ chức đảng, đảng viên vi phạm (hình thức, thời hiệu). The regulations change every
/// few years: a province adjusts <see cref="Default"/>, not the commands.
/// </summary>
/// <param name="AppealWindowMonths">
/// Điều lệ Đảng, Điều 39.7: a member or organization may appeal within one month of receiving
/// the decision; meanwhile the decision is carried out (Điều 39.9).
/// </param>
/// <param name="ResolutionWorkingDays">
/// Quy định 22-QĐ/TW: an appeal is settled within 30 working days at the base level, 60 at the
/// level directly above it (the former district level), 90 at the province, 180 at the centre.
/// </param>
/// <param name="BaseCommitteeMayExpel">
/// Điều lệ Đảng, Điều 36.1: a đảng ủy cơ sở decides khai trừ only when it was given the power to
/// admit members (ủy quyền kết nạp); off by default, on for a province whose base committees hold it.
/// </param>
/// <param name="MemberLimitationYears">
/// Quy định 69-QĐ/TW (thời hiệu kỷ luật): 5 years for a violation worth khiển trách, 10 for cảnh cáo
/// or cách chức; none for khai trừ.
/// </param>
/// <param name="OrganizationLimitationYears">The same for organizations: 5 years for khiển trách, 10 for cảnh cáo; none for giải tán.</param>
public sealed record DisciplinePolicy(
    string Source,
    int AppealWindowMonths,
    IReadOnlyDictionary<DisciplineLevel, int> ResolutionWorkingDays,
    bool BaseCommitteeMayExpel,
    IReadOnlyDictionary<DisciplineForm, int> MemberLimitationYears,
    IReadOnlyDictionary<DisciplineForm, int> OrganizationLimitationYears)
{
    public static readonly DisciplinePolicy Default = new(
        "Điều lệ Đảng Điều 30–39; Quy định 22-QĐ/TW ngày 28/7/2021; Quy định 69-QĐ/TW ngày 6/7/2022",
        AppealWindowMonths: 1,
        ResolutionWorkingDays: new Dictionary<DisciplineLevel, int>
        {
            [DisciplineLevel.Cell] = 30, [DisciplineLevel.Section] = 30, [DisciplineLevel.Base] = 30,
            [DisciplineLevel.Superior] = 60, [DisciplineLevel.Province] = 90, [DisciplineLevel.Central] = 180,
        },
        BaseCommitteeMayExpel: false,
        MemberLimitationYears: new Dictionary<DisciplineForm, int>
        {
            [DisciplineForm.Reprimand] = 5, [DisciplineForm.Warning] = 10, [DisciplineForm.Dismissal] = 10,
        },
        OrganizationLimitationYears: new Dictionary<DisciplineForm, int>
        {
            [DisciplineForm.Reprimand] = 5, [DisciplineForm.Warning] = 10,
        });

    /// <summary>The level of a body of an organization of this kind (null organization = the centre).</summary>
    public static DisciplineLevel LevelOf(OrgKind? kind, DecidingBody body) => body == DecidingBody.Central || kind is null
        ? DisciplineLevel.Central
        : kind switch
        {
            OrgKind.Province => DisciplineLevel.Province,
            OrgKind.SuperiorToBase => DisciplineLevel.Superior,
            OrgKind.BaseCommittee => DisciplineLevel.Base,
            OrgKind.SectionCommittee => DisciplineLevel.Section,
            _ => DisciplineLevel.Cell,
        };

    /// <summary>
    /// The forms a subject can receive (Điều lệ Đảng, Điều 35; Quy định 69-QĐ/TW): an official member
    /// khiển trách, cảnh cáo, cách chức, khai trừ; a probationary member only khiển trách or cảnh cáo
    /// (one who no longer deserves membership is struck off instead); an organization khiển trách,
    /// cảnh cáo, giải tán.
    /// </summary>
    public static IReadOnlyList<DisciplineForm> FormsFor(DisciplineSubject subject, bool probationary) => subject switch
    {
        DisciplineSubject.Organization => [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution],
        _ when probationary => [DisciplineForm.Reprimand, DisciplineForm.Warning],
        _ => [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dismissal, DisciplineForm.Expulsion],
    };

    /// <summary>
    /// What a body of a level may decide (Điều lệ Đảng, Điều 36–38; Quy định 22-QĐ/TW). Members: the
    /// cell decides khiển trách, cảnh cáo of its own members; a đảng ủy cơ sở (and its standing
    /// committee) also cách chức of committee members below it, and khai trừ only when empowered;
    /// its inspection commission khiển trách, cảnh cáo; from the level above the base up, the
    /// committee, its standing committee and its inspection commission decide every form.
    /// Organizations: khiển trách, cảnh cáo from the level above the base up; giải tán only by a
    /// committee (or its standing committee), two levels above the organization (checked apart).
    /// A đảng bộ bộ phận decides nothing.
    /// </summary>
    public IReadOnlyList<DisciplineForm> FormsDecidedBy(DisciplineSubject subject, DisciplineLevel level, DecidingBody body)
    {
        if (level == DisciplineLevel.Central)
        {
            return FormsFor(subject, probationary: false);
        }

        var committee = body is DecidingBody.Committee or DecidingBody.StandingCommittee;
        var commission = body == DecidingBody.InspectionCommission;
        if (subject == DisciplineSubject.Organization)
        {
            return level is DisciplineLevel.Superior or DisciplineLevel.Province
                ? committee ? [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution]
                : commission ? [DisciplineForm.Reprimand, DisciplineForm.Warning]
                : []
                : [];
        }

        return level switch
        {
            DisciplineLevel.Cell when body == DecidingBody.Cell => [DisciplineForm.Reprimand, DisciplineForm.Warning],
            DisciplineLevel.Base when committee => BaseCommitteeMayExpel
                ? [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dismissal, DisciplineForm.Expulsion]
                : [DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dismissal],
            DisciplineLevel.Base when commission => [DisciplineForm.Reprimand, DisciplineForm.Warning],
            DisciplineLevel.Superior or DisciplineLevel.Province when committee || commission => FormsFor(subject, probationary: false),
            _ => [],
        };
    }

    /// <summary>The bodies an organization of this kind has: a cell decides as a cell; a committee has its standing committee and inspection commission.</summary>
    public static IReadOnlyList<DecidingBody> BodiesOf(OrgKind kind) => kind switch
    {
        OrgKind.Cell or OrgKind.BaseCell => [DecidingBody.Cell],
        OrgKind.SectionCommittee => [DecidingBody.Committee],
        _ => [DecidingBody.Committee, DecidingBody.StandingCommittee, DecidingBody.InspectionCommission],
    };

    /// <summary>Last day to appeal: one month (by default) from receiving the decision.</summary>
    public DateOnly AppealDeadline(DateOnly receivedOn) => receivedOn.AddMonths(AppealWindowMonths);

    public int ResolutionDays(DisciplineLevel resolver) => ResolutionWorkingDays[resolver];

    /// <summary>The day an appeal filed on <paramref name="filedOn"/> must be settled by.</summary>
    public DateOnly ResolutionDue(DisciplineLevel resolver, DateOnly filedOn) => WorkingDays.Add(filedOn, ResolutionDays(resolver));

    /// <summary>Thời hiệu in years, or null when the form has none.</summary>
    public int? LimitationYears(DisciplineSubject subject, DisciplineForm form) =>
        (subject == DisciplineSubject.Member ? MemberLimitationYears : OrganizationLimitationYears).TryGetValue(form, out var years) ? years : null;

    /// <summary>
    /// Inspection and supervision (Điều lệ Đảng, Điều 30, 32; Quy định 22-QĐ/TW): members are
    /// inspected on signs of violation, supervised by theme and the subject of accusations;
    /// organizations also on how they carry out inspection and discipline and on party finance.
    /// </summary>
    public static IReadOnlyList<InspectionKind> KindsFor(DisciplineSubject subject) => subject == DisciplineSubject.Member
        ? [InspectionKind.ViolationSigns, InspectionKind.ThematicSupervision, InspectionKind.Accusation]
        : [InspectionKind.ViolationSigns, InspectionKind.ThematicSupervision, InspectionKind.Accusation, InspectionKind.DisciplineWork, InspectionKind.Finance];

    /// <summary>Heavier forms rank higher (a change on appeal may go either way).</summary>
    public static int Severity(DisciplineForm form) => (int)form;
}
