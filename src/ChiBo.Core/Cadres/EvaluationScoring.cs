using System.Text.Json;

namespace ChiBo.Cadres;

/// <summary>A criterion's score in one evaluation: null when its component has no data (an unused component).</summary>
public sealed record CriterionScore(string Code, string Name, EvaluationComponent Component, decimal Weight, decimal? Self, decimal? Score);

/// <summary>What a group's ballots say: how many, and the mean score per criterion (only from the policy's minimum).</summary>
public sealed record GroupFeedback(EvaluationComponent Group, int Ballots, IReadOnlyDictionary<string, decimal> Means);

/// <summary>Everything an evaluation's score is computed from.</summary>
public sealed record ScoringInput(
    IReadOnlyDictionary<string, decimal> Self,
    IReadOnlyDictionary<string, decimal> Results,
    IReadOnlyList<Product> Products,
    int TrustHigh, int TrustMedium, int TrustLow,
    IReadOnlyList<GroupFeedback> Feedback);

public sealed record ScoringResult(IReadOnlyList<CriterionScore> Criteria, decimal? Total, EvaluationBand? Band);

/// <summary>
/// The score of an evaluation: the weighted mean of the criteria that have a score. A component with
/// no data (no product assigned, no trust vote, too few ballots of a group) leaves its criteria out
/// of both sides of the mean, so an unused component does not drag the score (frappe/hrms #2023).
/// </summary>
public static class EvaluationScoring
{
    public static ScoringResult Score(
        IReadOnlyList<EvaluationCriterion> criteria, IReadOnlyList<EvaluationBand> bands, ScoringInput input, EvaluationPolicy policy)
    {
        var outputs = OutputsScore(input.Products, policy);
        var trust = TrustScore(input.TrustHigh, input.TrustMedium, input.TrustLow, policy);
        var scored = criteria.Select(c =>
        {
            decimal? score = c.Component switch
            {
                EvaluationComponent.WorkResults => input.Results.TryGetValue(c.Code, out var r) ? r : null,
                EvaluationComponent.Outputs => outputs,
                EvaluationComponent.Trust => trust,
                _ => input.Feedback.FirstOrDefault(f => f.Group == c.Component) is { } f && f.Ballots >= policy.MinimumBallots
                     && f.Means.TryGetValue(c.Code, out var m) ? m : null,
            };
            return new CriterionScore(c.Code, c.Name, c.Component, c.Weight, input.Self.TryGetValue(c.Code, out var s) ? s : null, score);
        }).ToList();
        var used = scored.Where(c => c.Score is not null).ToList();
        var weight = used.Sum(c => c.Weight);
        decimal? total = weight == 0 ? null : decimal.Round(used.Sum(c => c.Weight * c.Score!.Value) / weight, 2);
        var band = total is { } t ? bands.OrderByDescending(b => b.Min).FirstOrDefault(b => t >= b.Min) : null;
        return new ScoringResult(scored, total, band);
    }

    /// <summary>Delivered on time 100 %, late <see cref="EvaluationPolicy.LateProductCredit"/>, not delivered 0, over the products assigned.</summary>
    public static decimal? OutputsScore(IReadOnlyList<Product> products, EvaluationPolicy policy) => products.Count == 0
        ? null
        : decimal.Round(products.Sum(p => !p.Delivered ? 0m : p.OnTime ? 1m : policy.LateProductCredit) * 100m / products.Count, 2);

    public static decimal? TrustScore(int high, int medium, int low, EvaluationPolicy policy)
    {
        var votes = high + medium + low;
        return votes == 0 ? null : decimal.Round((high + medium * policy.TrustMediumCredit) * 100m / votes, 2);
    }

    /// <summary>The mean score per criterion of a group's filled ballots.</summary>
    public static GroupFeedback Aggregate(EvaluationComponent group, IEnumerable<string> answers, EvaluationPolicy policy)
    {
        var sums = new Dictionary<string, (decimal Sum, int Count)>(StringComparer.Ordinal);
        var ballots = 0;
        foreach (var json in answers)
        {
            ballots++;
            foreach (var (code, answer) in JsonSerializer.Deserialize<Dictionary<string, int>>(json, EvaluationPolicy.Json) ?? [])
            {
                var (sum, count) = sums.GetValueOrDefault(code);
                sums[code] = (sum + policy.AnswerScore(answer), count + 1);
            }
        }

        return new GroupFeedback(group, ballots, sums.ToDictionary(s => s.Key, s => decimal.Round(s.Value.Sum / s.Value.Count, 2), StringComparer.Ordinal));
    }

    public static IReadOnlyList<EvaluationCriterion> Criteria(EvaluationTemplate t) =>
        JsonSerializer.Deserialize<List<EvaluationCriterion>>(t.Criteria, EvaluationPolicy.Json) ?? [];

    public static IReadOnlyList<EvaluationBand> Bands(EvaluationTemplate t) =>
        JsonSerializer.Deserialize<List<EvaluationBand>>(t.Bands, EvaluationPolicy.Json) ?? [];

    public static bool IsFeedback(EvaluationComponent c) => c is EvaluationComponent.Superiors or EvaluationComponent.Peers
        or EvaluationComponent.Subordinates or EvaluationComponent.People;
}
