using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>A plan indicator on a level's committees as the plan engine evaluates it on the date.</summary>
public sealed record CommitteeTargetLine(
    string Plan, string Code, string Text, string? Source, string Operator, object? Target, int Factor,
    decimal? Value, long? Numerator, long? Denominator, string Status, string? Missing);

/// <summary>
/// The committee indicators (<c>committees.&lt;level&gt;.…</c>) of the plans in force for an
/// organization, shown beside its committees' composition: the same evaluation as the plan status
/// and dashboard (<see cref="PlanQueries.StatusAsync"/>, as of the date), with its allocated and
/// cascaded targets and status thresholds — nothing computed a second way.
/// </summary>
public static class CommitteeTargets
{
    public static async Task<IReadOnlyList<CommitteeTargetLine>> ForAsync(
        ChiBoDb db, OrgScope caller, OrgLookup lookup, CommitteeLevels level, DateOnly asOf, CancellationToken ct = default)
    {
        var org = lookup.Organization!;
        var prefix = "committees." + CommitteeLevel.NameOf(level) + ".";
        var chain = Subtree.Ids(org.Path);
        var definitions = await (from i in db.PlanIndicators.AsNoTracking()
                                 join p in db.Plans on i.PlanId equals p.Id
                                 where p.ProvinceId == org.ProvinceId && chain.Contains(p.OrganizationId)
                                       && ((i.Numerator != null && i.Numerator.Contains(prefix)) || (i.Denominator != null && i.Denominator.Contains(prefix)))
                                 select new { p.Number, i.Code, i.Text, i.Source, i.Factor }).ToListAsync(ct);
        if (definitions.Count == 0)
        {
            return [];
        }

        var byKey = definitions.ToDictionary(d => (d.Number, d.Code));
        // Only the committee indicators are evaluated: the page shows no other, and their measures are one pass.
        var status = await PlanQueries.StatusAsync(db, caller, lookup, asOf.Year, asOf, ct: ct,
            which: i => (i.Numerator?.Contains(prefix, StringComparison.Ordinal) ?? false) || (i.Denominator?.Contains(prefix, StringComparison.Ordinal) ?? false));
        return status.Plans
            .SelectMany(p => p.Indicators.Where(i => byKey.ContainsKey((p.Number, i.Code))).Select(i => (Plan: p.Number, Line: i)))
            .Select(x =>
            {
                var d = byKey[(x.Plan, x.Line.Code)];
                return new CommitteeTargetLine(x.Plan, d.Code, d.Text ?? "", d.Source, x.Line.Operator, x.Line.Target, d.Factor,
                    x.Line.Value, x.Line.Numerator, x.Line.Denominator, x.Line.Status, x.Line.Missing);
            })
            .ToList();
    }
}
