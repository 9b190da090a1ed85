using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>
/// A plan indicator on a level's committees (<c>committees.&lt;level&gt;.…</c>) set beside a
/// composition: the plan's own target, and the value computed from the composition's counts when
/// every term of the indicator is one of them; <see cref="Met"/> is null when it cannot be said.
/// </summary>
public sealed record CommitteeTargetLine(
    string Plan, string Code, string Text, string? Source, string? Target, decimal? Value, long? Numerator, long? Denominator, bool? Met, string? Missing);

/// <summary>
/// The committee indicators of the plans in force for an organization (its own and those of the
/// levels above it) on a date. The plan dashboard computes these measures once they are wired in the
/// measure catalogue; until then this page-side reading compares the composition shown with the
/// plan's own target (not an allocation, which the dashboard applies).
/// </summary>
public static class CommitteeTargets
{
    public static async Task<IReadOnlyList<CommitteeTargetLine>> ForAsync(
        ChiBoDb db, Organization org, CommitteeLevels level, DateOnly asOf, CommitteeStructure composition, CancellationToken ct = default)
    {
        var prefix = "committees." + CommitteeLevel.NameOf(level) + ".";
        var chain = Subtree.Ids(org.Path);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.ProvinceId == org.ProvinceId && chain.Contains(p.OrganizationId) && p.From <= asOf && p.To >= asOf)
            .ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var indicators = await db.PlanIndicators.AsNoTracking()
            .Where(i => ids.Contains(i.PlanId) && ((i.Numerator != null && i.Numerator.Contains(prefix)) || (i.Denominator != null && i.Denominator.Contains(prefix))))
            .ToListAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { [prefix + "members"] = composition.Members };
        foreach (var (dimension, categories) in composition.Dimensions)
        {
            foreach (var (category, count) in categories)
            {
                counts[prefix + dimension + "." + category] = count;
            }
        }

        return indicators
            .OrderBy(i => Array.IndexOf(chain, plans.First(p => p.Id == i.PlanId).OrganizationId)).ThenBy(i => i.PlanId).ThenBy(i => i.Order)
            .Select(i => Line(plans.First(p => p.Id == i.PlanId), i, counts))
            .ToList();
    }

    private static CommitteeTargetLine Line(Plan plan, PlanIndicator i, Dictionary<string, long> counts)
    {
        var target = i.Target is { } low ? new IndicatorTarget(i.Operator, low, i.TargetHigh, null, null, i.Direction) : null;
        var (numerator, missingN) = Sum(i.Numerator, counts);
        var (denominator, missingD) = i.Denominator is null ? (1, null) : Sum(i.Denominator, counts);
        var missing = missingN ?? missingD ?? (denominator == 0 ? "chưa có cấp ủy viên nào để tính tỷ lệ" : null);
        IndicatorFraction? fraction = missing is null ? new IndicatorFraction(numerator, denominator, i.Factor) : null;
        return new CommitteeTargetLine(
            plan.Number, i.Code, i.Text, i.Source, target is null ? null : Written(target) + (i.Denominator is not null && i.Factor == 100 ? " %" : ""),
            fraction?.Value, missing is null ? numerator : null, missing is null && i.Denominator is not null ? denominator : null,
            fraction is { } f && target is { } t ? t.Holds(f) : null,
            missing ?? (target is null ? "kế hoạch không tự đặt chỉ tiêu (theo chỉ tiêu cấp trên giao)" : null));
    }

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"≥ 35,5", "từ 20 đến 30" as the plans write them.</summary>
    private static string Written(IndicatorTarget t) => t.Operator == ComparisonOperator.Between
        ? $"từ {t.Low.ToString("0.##", Vi)} đến {(t.High ?? t.Low).ToString("0.##", Vi)}"
        : IndicatorTarget.Symbol(t.Operator).Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal) + " " + t.Low.ToString("0.##", Vi);

    private static (long Sum, string? Missing) Sum(string? text, Dictionary<string, long> counts)
    {
        if (text is null)
        {
            return (0, "chỉ tiêu không có tử số");
        }

        MeasureExpression expression;
        try
        {
            expression = MeasureExpression.Parse(text);
        }
        catch (FormatException e)
        {
            return (0, e.Message);
        }

        long sum = 0;
        foreach (var term in expression.Terms)
        {
            if (term.AtStart || !counts.TryGetValue(term.Measure, out var n))
            {
                return (0, $"số đo \"{term.Measure}\" chưa có trong bảng cơ cấu này");
            }

            sum += term.Sign * n;
        }

        return (sum, null);
    }
}
