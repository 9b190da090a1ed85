using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Procedures;

/// <summary>
/// Resolves a procedure's steps to the organizations that act for one member, from the member's
/// cell up its path (one query for the ancestors):
/// <list type="bullet">
/// <item>the base organization is the nearest đảng bộ cơ sở or chi bộ cơ sở (a cell under a đảng bộ
/// bộ phận answers to the đảng bộ cơ sở above it);</item>
/// <item>the superior committee is the nearest đảng bộ trực thuộc Tỉnh ủy; a base organization
/// directly under the Tỉnh ủy has none, and the Ban Tổ chức Tỉnh ủy acts in its place (as it issues
/// those members' transfer letters, Quy định 24-QĐ/TW point 8);</item>
/// <item>a step that falls on the organization of the step before it is done once: a chi bộ cơ sở
/// is its own base organization, so its chi ủy decides for both.</item>
/// </list>
/// </summary>
public static class ProcedureRouting
{
    public static async Task<IReadOnlyList<PlannedStep>> PlanAsync(
        ChiBoDb db, ProcedureDefinition definition, Organization cell, Organization? residenceCell, CancellationToken ct = default)
    {
        var ids = Subtree.Ids(cell.Path);
        var byId = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var upward = ids.Reverse().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var root = upward.Last();
        var plan = new List<PlannedStep>();
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var rule = definition.Steps[i];
            var (org, role) = rule.Level switch
            {
                ActingLevel.Cell => (cell, rule.Role),
                ActingLevel.Base => (upward.First(o => o.Kind.IsBaseOrganization()), rule.Role),
                ActingLevel.Superior => upward.FirstOrDefault(o => o.Kind == OrgKind.SuperiorToBase) is { } superior
                    ? (superior, rule.Role)
                    : (root, Role.ProvinceBoard),
                ActingLevel.Province => (root, rule.Role),
                ActingLevel.ResidenceCell => (residenceCell ?? throw new InvalidOperationException("A residence step needs the residence cell."), rule.Role),
                _ => throw new InvalidOperationException($"Unknown level {rule.Level}."),
            };
            if (plan.Count > 0 && plan[^1].OrganizationId == org.Id)
            {
                continue;
            }

            plan.Add(new PlannedStep(i, rule.Name, rule.Level, role, org.Id, org.Name, rule.WorkingDays, rule.CommentRequired));
        }

        return plan;
    }
}
