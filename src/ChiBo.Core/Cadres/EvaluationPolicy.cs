using System.Text.Json;

namespace ChiBo.Cadres;

/// <summary>
/// The mechanics of the quarterly cadre evaluation (Công văn 443-CV/TU, 001:30: "đánh giá cán bộ
/// thuộc diện cấp ủy quản lý hàng quý"; PLAN-SPEC §4). The criteria, their weights and the bands
/// are data of each management pool (<see cref="EvaluationTemplate"/>); what stays here is how raw
/// answers become scores. None of it comes from a regulation: they are the register's own
/// settings, named so a province can change them.
/// </summary>
public sealed record EvaluationPolicy
{
    public static readonly EvaluationPolicy Default = new();

    /// <summary>
    /// A feedback group counts, and its figures are shown, only from this many ballots: with fewer,
    /// a respondent's answers could be read off the mean (and, with one ballot, are the mean). The
    /// group is then an unused component, which does not drag the score.
    /// </summary>
    public int MinimumBallots { get; init; } = 3;

    /// <summary>Answers run from 1 (kém) to this (rất tốt); an answer a scores (a − 1) / (Top − 1) × 100.</summary>
    public int TopAnswer { get; init; } = 5;

    /// <summary>A product delivered late counts this share of one delivered on time.</summary>
    public decimal LateProductCredit { get; init; } = 0.5m;

    /// <summary>Phiếu tín nhiệm: a "trung bình" vote counts this share of a "cao" one; "thấp" counts nothing.</summary>
    public decimal TrustMediumCredit { get; init; } = 0.5m;

    /// <summary>Most codes one call may issue.</summary>
    public int MaxCodesPerIssue { get; init; } = 200;

    public decimal AnswerScore(int answer) => (answer - 1) * 100m / (TopAnswer - 1);

    /// <summary>The stored JSON of templates and evaluations: camelCase, enums by number.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
