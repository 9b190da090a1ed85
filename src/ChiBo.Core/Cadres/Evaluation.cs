using ChiBo.Audit;

namespace ChiBo.Cadres;

/// <summary>Where a criterion's score comes from.</summary>
public enum EvaluationComponent
{
    /// <summary>Kết quả thực hiện nhiệm vụ: scored by the committee, beside the cadre's own score.</summary>
    WorkResults = 1,

    /// <summary>Sản phẩm cụ thể: the share of assigned products delivered (late ones count in part).</summary>
    Outputs = 2,

    /// <summary>Chỉ số tín nhiệm: from the trust vote's high, medium and low counts.</summary>
    Trust = 3,

    /// <summary>Ý kiến cấp trên.</summary>
    Superiors = 4,

    /// <summary>Ý kiến đồng cấp.</summary>
    Peers = 5,

    /// <summary>Ý kiến cấp dưới.</summary>
    Subordinates = 6,

    /// <summary>Ý kiến Nhân dân.</summary>
    People = 7,
}

/// <summary>Bước đánh giá một cán bộ trong quý.</summary>
public enum EvaluationState
{
    /// <summary>Chờ cán bộ tự đánh giá.</summary>
    SelfAssessment = 1,

    /// <summary>Đang lấy ý kiến, chấm kết quả.</summary>
    Feedback = 2,

    /// <summary>Cấp ủy đã kết luận.</summary>
    Concluded = 3,
}

/// <summary>Kỳ đánh giá: open for work, then calibration (the distribution is reviewed), then locked.</summary>
public enum PeriodState
{
    Open = 1,
    Calibration = 2,
    Locked = 3,
}

/// <summary>A criterion of a template: its code, name, the component it draws on and its weight.</summary>
public sealed record EvaluationCriterion(string Code, string Name, EvaluationComponent Component, decimal Weight);

/// <summary>
/// A band of scores: from <see cref="Min"/> up, its label and outcome (khuyến khích, động viên,
/// ghi nhận; nhắc nhở, cảnh báo, cảnh tỉnh — 001:30); <see cref="Behind"/> marks the cadres falling behind.
/// </summary>
public sealed record EvaluationBand(decimal Min, string Label, string Outcome, bool Behind);

/// <summary>
/// The criteria, weights and bands a management pool scores its cadres by, as data, versioned by
/// <see cref="ValidFrom"/>: a period uses the version in force when it begins, and keeps it.
/// </summary>
public sealed class EvaluationTemplate
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PoolId { get; set; }
    public required string Name { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>JSON list of <see cref="EvaluationCriterion"/>.</summary>
    public required string Criteria { get; set; }

    /// <summary>JSON list of <see cref="EvaluationBand"/>.</summary>
    public required string Bands { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A quarter of evaluation for one management pool.</summary>
public sealed class EvaluationPeriod
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PoolId { get; set; }
    public int TemplateId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public PeriodState State { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One cadre's quarter: self-assessment, the committee's scores of results, products and the trust
/// vote, feedback collected anonymously (<see cref="FeedbackBallot"/>), and the committee's conclusion
/// with the score and band it computed. No personnel decision follows from it automatically.
/// </summary>
public sealed class CadreEvaluation
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int PeriodId { get; set; }
    public int MemberId { get; set; }
    public EvaluationState State { get; set; }

    /// <summary>JSON object criterion code → the cadre's own score (0–100).</summary>
    public string? SelfScores { get; set; }

    public string? SelfSummary { get; set; }
    public DateOnly? SelfAssessedOn { get; set; }

    /// <summary>JSON object criterion code → the committee's score (0–100) of the work-results criteria.</summary>
    public string? ResultScores { get; set; }

    /// <summary>JSON list of <see cref="Product"/>: what was assigned and what was delivered.</summary>
    public string? Products { get; set; }

    /// <summary>Phiếu tín nhiệm: cao, trung bình, thấp.</summary>
    public int TrustHigh { get; set; }

    public int TrustMedium { get; set; }
    public int TrustLow { get; set; }

    public decimal? Score { get; set; }
    public string? Band { get; set; }
    public string? Outcome { get; set; }
    public bool Behind { get; set; }
    public string? Conclusion { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public int Version { get; set; }
}

/// <summary>A product assigned to a cadre for the quarter, whether it was delivered and on time, and its evidence.</summary>
public sealed record Product(string Name, bool Delivered, bool OnTime, string? Evidence = null);

/// <summary>
/// Phiếu lấy ý kiến: a one-time code handed to a respondent of a group (the code itself is never
/// stored, only its hash) and whether it was used — the "has voted" side. Nothing here says what
/// was answered.
/// </summary>
public sealed class FeedbackInvitation
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int EvaluationId { get; set; }
    public EvaluationComponent RespondentGroup { get; set; }

    /// <summary>SHA-256 of the code, hex.</summary>
    public required string CodeHash { get; set; }

    public bool Used { get; set; }
}

/// <summary>
/// A ballot: answers without a respondent, without a time and under a random key. Empty ballots
/// are made with the invitations and a vote fills one drawn at random, so neither the key, the row's
/// place nor the audit line tells which invitation cast it; the audit line keeps only the
/// evaluation and the group.
/// </summary>
[AuditedWithoutContent(nameof(EvaluationId), nameof(RespondentGroup))]
public sealed class FeedbackBallot
{
    public Guid Id { get; set; }
    public int ProvinceId { get; set; }
    public int EvaluationId { get; set; }
    public EvaluationComponent RespondentGroup { get; set; }

    /// <summary>JSON object criterion code → answer 1–5; null while the ballot is unused.</summary>
    public string? Answers { get; set; }
}
