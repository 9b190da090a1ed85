using System.Globalization;
using System.Numerics;

namespace ChiBo.Plans;

public enum IndicatorStatus
{
    /// <summary>Đạt: the period is over and the comparison holds (or a count already reached its target).</summary>
    Met,

    /// <summary>Đúng tiến độ: the period runs and the value is where it should be by now.</summary>
    OnTrack,

    /// <summary>Có nguy cơ không đạt: short of the target, within the at-risk threshold.</summary>
    AtRisk,

    /// <summary>Không đạt (or, while the period runs, chậm tiến độ).</summary>
    NotMet,

    /// <summary>Không có số liệu: the denominator is 0, or a manual value is not entered.</summary>
    NoData,

    /// <summary>The register cannot compute a measure yet (see the line's "missing").</summary>
    Missing,

    /// <summary>A count with no target for this unit (count targets do not cascade; they are allocated).</summary>
    NoTarget,

    /// <summary>The year has not begun.</summary>
    NotDue,
}

/// <summary>
/// Thresholds of indicator status that no regulation fixes, as one setting (DHIS2 legends are data
/// per indicator; <see cref="PlanIndicator.AtRisk"/> overrides these defaults per indicator).
/// </summary>
public sealed record IndicatorStatusPolicy(decimal AtRiskShare)
{
    /// <summary>
    /// A value within 10 % of the target, on its wrong side, is "at risk" while the period runs
    /// (≥ 81 % for "≥ 90 %"; ≥ 3.240 for "≥ 3.600"): the margin DHIS2's default target legend
    /// gives its amber band.
    /// </summary>
    public static readonly IndicatorStatusPolicy Default = new(0.9m);
}

/// <summary>An indicator's value as an exact fraction: numerator × factor ÷ denominator.</summary>
public readonly record struct IndicatorFraction(long Numerator, long Denominator, int Factor)
{
    /// <summary>For display only (2 decimals); statuses never compare this rounded value.</summary>
    public decimal Value => decimal.Round((decimal)Numerator * Factor / Denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The sign of value − target × p ÷ q, in integers: num·factor·q·10^s ⋛ t·10^s·p·den. So 90,00 %
    /// (9 000 of 10 000) fails "&gt; 90" and passes "≥ 90" however it would round.
    /// </summary>
    public int CompareTo(decimal target, long p = 1, long q = 1)
    {
        var (t, scale) = Scaled(target);
        var left = (BigInteger)Numerator * Factor * q * BigInteger.Pow(10, scale);
        var right = t * p * Denominator;
        return left.CompareTo(right);
    }

    /// <summary>A decimal as its exact integer mantissa and power-of-ten scale.</summary>
    private static (BigInteger Mantissa, int Scale) Scaled(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -mantissa : mantissa, scale);
    }
}

/// <summary>The target an indicator is held to for one unit and year.</summary>
public sealed record IndicatorTarget(ComparisonOperator Operator, decimal Low, decimal? High, decimal? AtRisk, decimal? AtRiskHigh, Direction Direction)
{
    /// <summary>As the contract prints it: a number, or [low, high] for a range.</summary>
    public object Json => Operator == ComparisonOperator.Between ? new[] { Plain(Low), Plain(High ?? Low) } : Plain(Low);

    /// <summary>Without the trailing zeros a decimal column gives back ("90.0000" is 90).</summary>
    public static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Equal => "=",
        _ => "between",
    };

    /// <summary>The operator of a plan file (also ≥, ≤ as typed by hand); null when unknown.</summary>
    public static ComparisonOperator? ParseOperator(string? text) => text?.Trim() switch
    {
        ">" => ComparisonOperator.Greater,
        ">=" or "≥" => ComparisonOperator.GreaterOrEqual,
        "<" => ComparisonOperator.Less,
        "<=" or "≤" => ComparisonOperator.LessOrEqual,
        "=" or "==" => ComparisonOperator.Equal,
        "between" => ComparisonOperator.Between,
        _ => null,
    };

    /// <summary>Whether the value meets the target scaled by p/q (pro-rated), exactly.</summary>
    public bool Holds(IndicatorFraction v, long p = 1, long q = 1) => Operator switch
    {
        ComparisonOperator.Greater => v.CompareTo(Low, p, q) > 0,
        ComparisonOperator.GreaterOrEqual => v.CompareTo(Low, p, q) >= 0,
        ComparisonOperator.Less => v.CompareTo(Low, p, q) < 0,
        ComparisonOperator.LessOrEqual => v.CompareTo(Low, p, q) <= 0,
        ComparisonOperator.Equal => v.CompareTo(Low, p, q) == 0,
        _ => v.CompareTo(Low, p, q) >= 0 && v.CompareTo(High ?? Low, p, q) <= 0,
    };

    /// <summary>
    /// Met or not met once the period is over. While it runs: a count that only grows (no
    /// denominator, "trên"/"từ … trở lên") is held to its target pro-rated by the share of the
    /// period elapsed (DHIS2's <c>#{t} × periodInYear ÷ periods</c>) and is met as soon as it reaches
    /// the whole target; any other indicator is on track while it holds now. Short of that, within
    /// the at-risk threshold: at risk; beyond it: not met.
    /// </summary>
    public IndicatorStatus Status(IndicatorFraction v, bool growingCount, bool ended, long elapsedDays, long totalDays, IndicatorStatusPolicy policy)
    {
        if (ended)
        {
            return Holds(v) ? IndicatorStatus.Met : IndicatorStatus.NotMet;
        }

        var (p, q) = (1L, 1L);
        if (growingCount)
        {
            if (Holds(v))
            {
                return IndicatorStatus.Met;
            }

            (p, q) = (Math.Max(elapsedDays, 0), Math.Max(totalDays, 1));
        }

        if (Holds(v, p, q))
        {
            return IndicatorStatus.OnTrack;
        }

        return WithinRisk(v, p, q, policy) ? IndicatorStatus.AtRisk : IndicatorStatus.NotMet;
    }

    private bool WithinRisk(IndicatorFraction v, long p, long q, IndicatorStatusPolicy policy)
    {
        var share = policy.AtRiskShare;
        switch (Operator)
        {
            case ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual:
                return v.CompareTo(AtRisk ?? Low * share, p, q) >= 0;
            case ComparisonOperator.Less or ComparisonOperator.LessOrEqual:
                return v.CompareTo(AtRisk ?? Low / share, p, q) <= 0;
            case ComparisonOperator.Equal:
                return Direction == Direction.Increase
                    ? v.CompareTo(AtRisk ?? Low * share, p, q) >= 0
                    : v.CompareTo(AtRisk ?? Low / share, p, q) <= 0;
            default:
                var high = High ?? Low;
                return v.CompareTo(AtRisk ?? Low * share, p, q) >= 0 && v.CompareTo(AtRiskHigh ?? high / share, p, q) <= 0;
        }
    }

    /// <summary>
    /// How far the value is from the target on the wrong side, in the value's unit (0 when it holds):
    /// what the drill-down sorts units by, worst first.
    /// </summary>
    public decimal Gap(IndicatorFraction v, long p = 1, long q = 1)
    {
        var value = (decimal)v.Numerator * v.Factor / v.Denominator;
        var low = Low * p / q;
        var high = (High ?? Low) * p / q;
        var gap = Operator switch
        {
            ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual => low - value,
            ComparisonOperator.Less or ComparisonOperator.LessOrEqual => value - low,
            ComparisonOperator.Equal => Math.Abs(value - low),
            _ => value < low ? low - value : value > high ? value - high : 0,
        };
        return Holds(v, p, q) ? 0 : decimal.Round(Math.Max(gap, 0), 2, MidpointRounding.AwayFromZero);
    }

    public override string ToString() => Operator == ComparisonOperator.Between
        ? string.Create(CultureInfo.InvariantCulture, $"[{Low}, {High}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Symbol(Operator)} {Low}");
}

public static class IndicatorStatusNames
{
    /// <summary>The contract's names ("met", "onTrack", …).</summary>
    public static string Of(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.OnTrack => "onTrack",
        IndicatorStatus.AtRisk => "atRisk",
        IndicatorStatus.NotMet => "notMet",
        IndicatorStatus.NoData => "noData",
        IndicatorStatus.Missing => "missing",
        IndicatorStatus.NoTarget => "noTarget",
        _ => "notDue",
    };

    public static string Vietnamese(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "Đạt",
        IndicatorStatus.OnTrack => "Đúng tiến độ",
        IndicatorStatus.AtRisk => "Có nguy cơ không đạt",
        IndicatorStatus.NotMet => "Không đạt",
        IndicatorStatus.NoData => "Không có số liệu",
        IndicatorStatus.Missing => "Chưa tính được",
        IndicatorStatus.NoTarget => "Chưa giao chỉ tiêu",
        _ => "Chưa đến kỳ",
    };
}
