using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Organizations;
using ChiBo.Web.Access;

namespace ChiBo.Web.Admission;

public static class AdmissionActors
{
    /// <summary>
    /// The levels at which the caller acts on a candidate of the chain's cell: those of the roles
    /// they hold over the cell that may write there (<see cref="AdmissionProcedure.ActsAt"/>).
    /// </summary>
    public static async Task<IReadOnlySet<AdmissionLevel>> LevelsAsync(HttpContext http, CandidateChain chain)
    {
        var scope = await http.ScopeAsync();
        var cell = Subtree.Of(chain.Cell);
        var roles = scope.Roles.Where(r => AccessTable.Allows(r.Role, Operation.MembersWrite) && OrgScope.Covers(r.Subtree, cell)).Select(r => r.Role).ToList();
        return Enum.GetValues<AdmissionLevel>().Where(l => roles.Any(r => AdmissionProcedure.ActsAt(r, l, chain))).ToHashSet();
    }

    /// <summary>
    /// Who acts at a level for this cell, by name: "Chi bộ thôn 1", "Đảng ủy cơ sở A1", "Ban Thường vụ
    /// Đảng ủy xã A" (the standing committee decides admissions), "Ban Thường vụ Tỉnh ủy".
    /// </summary>
    public static string Who(CandidateChain chain, AdmissionLevel level) => (level, chain.At(level)) switch
    {
        (AdmissionLevel.Province, _) => AdmissionProcedure.NameOf(level),
        (AdmissionLevel.CompetentCommittee, { Kind: OrgKind.Province }) => "Ban Thường vụ Tỉnh ủy",
        (AdmissionLevel.CompetentCommittee, { } org) => "Ban Thường vụ " + Documents.PartyDocument.Committee(org),
        (_, { } org) => Documents.PartyDocument.Committee(org),
        _ => AdmissionProcedure.NameOf(level),
    };
}
