namespace ChiBo.Access;

/// <summary>Named operations that pages and endpoints declare; <see cref="AccessTable"/> grants them to roles.</summary>
public static class Operation
{
    public const string OrgsRead = "Orgs.Read";
    public const string OrgsWrite = "Orgs.Write";
    public const string MembersRead = "Members.Read";
    public const string MembersWrite = "Members.Write";

    /// <summary>Ethnicity, religion, CCCD: personal data Nghị định 13/2023/NĐ-CP calls sensitive.</summary>
    public const string MembersReadSensitive = "Members.ReadSensitive";

    public const string MembersExport = "Members.Export";
    public const string ReportsRead = "Reports.Read";

    /// <summary>Cell life (sinh hoạt chi bộ): schedule meetings, call the roll, minutes, rating; assign members' tasks.</summary>
    public const string MeetingsWrite = "Meetings.Write";

    public const string DisciplineRead = "Discipline.Read";
    public const string DisciplineWrite = "Discipline.Write";
    public const string AuditRead = "Audit.Read";
    public const string AccountsManage = "Accounts.Manage";

    /// <summary>The documents library (văn bản, tài liệu) issued for the caller's chain and subtree; a member confirms studying them.</summary>
    public const string DocumentsRead = "Documents.Read";

    /// <summary>Filing documents for a subtree and assigning them to its cells' meetings.</summary>
    public const string DocumentsWrite = "Documents.Write";

    /// <summary>Notices (thông báo) of the caller's chain and subtree.</summary>
    public const string NoticesRead = "Notices.Read";

    /// <summary>Posting notices to a subtree's members.</summary>
    public const string NoticesWrite = "Notices.Write";

    /// <summary>
    /// Act on members' online procedures (thủ tục hành chính của Đảng): see what waits in the subtree,
    /// approve or reject a step. Each step still needs the step's own role over its organization.
    /// </summary>
    public const string ProceduresAct = "Procedures.Act";

    /// <summary>
    /// Ratings of members and organizations one by one (đánh giá, xếp loại): rounds, self-assessments,
    /// proposals, decisions, follow-up lists. The aggregate counts are <see cref="ReportsRead"/>.
    /// </summary>
    public const string RatingsRead = "Ratings.Read";

    /// <summary>
    /// Taking a step of a rating round: each step is still the act of one level (the chi bộ proposes,
    /// the TCCSĐ decides its members and chi bộ, the level above decides the TCCSĐ), checked by the command.
    /// </summary>
    public const string RatingsWrite = "Ratings.Write";

    /// <summary>
    /// Recording a party committee's term and its members (bầu, chỉ định, bổ sung, thôi): the level
    /// above the committee does it (chuẩn y), the province board for any committee of the province.
    /// </summary>
    public const string CommitteesWrite = "Committees.Write";

    /// <summary>
    /// Cadre files: the cadre profile, management and planning pools, rotations, training and the
    /// quarterly evaluations, of the cadres a committee manages (Quy định 80-QĐ/TW): that committee
    /// (the province or a đảng bộ trực thuộc) and the province board only.
    /// </summary>
    public const string CadresRead = "Cadres.Read";

    /// <summary>Keeping cadre files and running the quarterly evaluation of a management pool.</summary>
    public const string CadresWrite = "Cadres.Write";

    /// <summary>
    /// Import and edit a plan (đề án, chương trình, kế hoạch) of the organization held: its
    /// indicators, the targets allocated to the units below, its task list.
    /// </summary>
    public const string PlansWrite = "Plans.Write";

    /// <summary>Report on the plan tasks an organization leads and enter the values of manual indicators for it.</summary>
    public const string PlansReport = "Plans.Report";

    /// <summary>The signed-in member's own record and own cell's member-facing pages.</summary>
    public const string SelfRead = "Self.Read";

    /// <summary>Any signed-in account (log out, own profile).</summary>
    public const string SignedIn = "SignedIn";

    public static readonly IReadOnlyList<string> All =
    [
        OrgsRead, OrgsWrite, MembersRead, MembersWrite, MembersReadSensitive, MembersExport, ReportsRead, MeetingsWrite,
        DisciplineRead, DisciplineWrite, AuditRead, AccountsManage, DocumentsRead, DocumentsWrite, NoticesRead, NoticesWrite, ProceduresAct,
        RatingsRead, RatingsWrite, CommitteesWrite, CadresRead, CadresWrite, PlansWrite, PlansReport, SelfRead, SignedIn,
    ];
}
