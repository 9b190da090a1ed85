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

    /// <summary>"Chi bộ thôn 1", "Đảng bộ cơ sở A1"…: who acts at a level for this cell.</summary>
    public static string Who(CandidateChain chain, AdmissionLevel level) =>
        chain.At(level) is { } org ? $"{AdmissionProcedure.NameOf(level)} · {org.Name}" : AdmissionProcedure.NameOf(level);
}
