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
        PlansWrite, PlansReport, SelfRead, SignedIn,
    ];
}
