namespace ChiBo.Access;

/// <summary>
/// What each role may do, inside the subtree it is held on. The one place this is decided;
/// README.md prints the same table. Source: the division of work in Quy định 24-QĐ/TW (2021)
/// on the Party Charter and the register's data-protection duties under Nghị định 13/2023/NĐ-CP.
/// </summary>
public static class AccessTable
{
    private static readonly IReadOnlyDictionary<Role, IReadOnlySet<string>> Grants = new Dictionary<Role, IReadOnlySet<string>>
    {
        [Role.Admin] = Set(Operation.All.Except([Operation.SelfRead])),
        [Role.ProvinceBoard] = Set(
            Operation.OrgsRead, Operation.OrgsWrite, Operation.MembersRead, Operation.MembersWrite,
            Operation.MembersReadSensitive, Operation.MembersExport, Operation.ReportsRead, Operation.DisciplineRead,
            Operation.AuditRead, Operation.ProceduresAct, Operation.MeetingsWrite, Operation.SignedIn, Operation.DocumentsRead, Operation.DocumentsWrite, Operation.NoticesRead,
            Operation.NoticesWrite, Operation.RatingsRead, Operation.RatingsWrite, Operation.CommitteesWrite, Operation.CadresRead, Operation.CadresWrite,
            Operation.PlansWrite, Operation.PlansReport),
        // Ratings: every committee and the province board record the steps of a round; which step a
        // caller may take is the level's own (RatingLevels), checked by RatingCommands. The inspection
        // commission reads ratings for its supervision but takes no step.
        // A committee edits the plans of its own organization and allocates their targets to the units
        // below; each unit reports on the plan tasks it leads (Công văn 443-CV/TU, 001:22: "rõ cơ quan
        // chủ trì … rõ trách nhiệm tập thể, cá nhân gắn với người đứng đầu"). A cell committee reports
        // only; the inspection commission reads.
        // Committees decide discipline in their own đảng bộ (Điều lệ Đảng, Điều 36: đảng ủy cơ sở
        // khiển trách, cảnh cáo, cách chức; the level above it every form) and record the decisions
        // of their cells; a cell committee's role does not see discipline records.
        [Role.SuperiorCommittee] = Set(
            Operation.OrgsRead, Operation.OrgsWrite, Operation.MembersRead, Operation.MembersWrite,
            Operation.MembersReadSensitive, Operation.MembersExport, Operation.ReportsRead, Operation.DisciplineRead,
            Operation.DisciplineWrite, Operation.ProceduresAct, Operation.MeetingsWrite, Operation.SignedIn,
            Operation.DocumentsRead, Operation.DocumentsWrite, Operation.NoticesRead, Operation.NoticesWrite, Operation.RatingsRead, Operation.RatingsWrite,
            Operation.CommitteesWrite, Operation.CadresRead, Operation.CadresWrite, Operation.PlansWrite, Operation.PlansReport),
        // A base committee approves its cells' chi ủy (Quy định 24-QĐ/TW); it manages no cadre pool
        // of its own under Quy định 80-QĐ/TW's division, so it sees no cadre files.
        [Role.BaseCommittee] = Set(
            Operation.OrgsRead, Operation.MembersRead, Operation.MembersWrite, Operation.MembersReadSensitive,
            Operation.MembersExport, Operation.ReportsRead, Operation.DisciplineRead, Operation.DisciplineWrite, Operation.ProceduresAct, Operation.MeetingsWrite, Operation.SignedIn,
            Operation.DocumentsRead, Operation.DocumentsWrite, Operation.NoticesRead, Operation.NoticesWrite, Operation.RatingsRead, Operation.RatingsWrite,
            Operation.CommitteesWrite, Operation.PlansWrite, Operation.PlansReport),
        [Role.CellCommittee] = Set(
            Operation.OrgsRead, Operation.MembersRead, Operation.MembersWrite, Operation.ReportsRead, Operation.ProceduresAct, Operation.MeetingsWrite, Operation.SignedIn,
            Operation.DocumentsRead, Operation.DocumentsWrite, Operation.NoticesRead, Operation.NoticesWrite, Operation.RatingsRead, Operation.RatingsWrite,
            Operation.PlansReport),
        [Role.Inspection] = Set(
            Operation.OrgsRead, Operation.MembersRead, Operation.MembersReadSensitive, Operation.ReportsRead,
            Operation.DisciplineRead, Operation.DisciplineWrite, Operation.SignedIn, Operation.DocumentsRead, Operation.NoticesRead,
            Operation.RatingsRead),
        [Role.Member] = Set(Operation.SelfRead, Operation.SignedIn, Operation.DocumentsRead, Operation.NoticesRead),
    };

    public static bool Allows(Role role, string operation) => Grants[role].Contains(operation);

    public static IEnumerable<(Role Role, string Operation)> Rows() =>
        Grants.SelectMany(g => g.Value.Order(StringComparer.Ordinal).Select(op => (g.Key, op)));

    private static HashSet<string> Set(params IEnumerable<string> operations) => [.. operations];
}

public static class AccessTableDocument
{
    /// <summary>The table as README.md shows it: a row per operation, a column per role.</summary>
    public static string Markdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| operation |");
        foreach (var (_, name, _) in Roles.All)
        {
            sb.Append(' ').Append(name).Append(" |");
        }

        sb.Append('\n').Append("|---|");
        foreach (var _ in Roles.All)
        {
            sb.Append(":-:|");
        }

        sb.Append('\n');
        foreach (var op in Operation.All)
        {
            sb.Append("| `").Append(op).Append("` |");
            foreach (var (role, _, _) in Roles.All)
            {
                sb.Append(AccessTable.Allows(role, op) ? " ✔ |" : "   |");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
