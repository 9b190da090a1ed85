using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

public sealed record TemplateNew(string Name, DateOnly ValidFrom, IReadOnlyList<EvaluationCriterion> Criteria, IReadOnlyList<EvaluationBand> Bands);

public sealed record SelfAssessment(int Version, IReadOnlyDictionary<string, decimal> Scores, string? Summary, DateOnly On);

public sealed record ResultsInput(
    int Version, IReadOnlyDictionary<string, decimal> Scores, IReadOnlyList<Product> Products, int TrustHigh, int TrustMedium, int TrustLow);

public sealed record ConclusionInput(int Version, string Conclusion, DateOnly On);

/// <summary>
/// The quarterly evaluation of a management pool's cadres: templates, periods, and for each cadre
/// self-assessment → results and anonymous feedback → the committee's conclusion. Each command is
/// one transaction and is taken by the pool's managing committee or the province board
/// (<see cref="CadreAccess"/>); answering with a one-time code (<see cref="AnswerAsync"/>) is the only
/// step without an account, and it writes nothing that names the respondent.
/// </summary>
public sealed class EvaluationCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, EvaluationPolicy? policy = null)
{
    private const string What = "Đánh giá cán bộ";

    private readonly EvaluationPolicy _policy = policy ?? EvaluationPolicy.Default;

    public DateOnly Today => clock.Today();

    /// <summary>A new version of the pool's criteria, weights and bands, in force from a date.</summary>
    public Task<EvaluationTemplate> AddTemplateAsync(int poolId, TemplateNew t, string actor, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await PoolAsync(poolId, ct);
            var name = VietnameseText.Clean(t.Name ?? "");
            var criteria = (t.Criteria ?? []).Select(c => c with { Code = (c.Code ?? "").Trim(), Name = VietnameseText.Clean(c.Name ?? "") }).ToList();
            var bands = (t.Bands ?? []).Select(b => b with { Label = VietnameseText.Clean(b.Label ?? ""), Outcome = VietnameseText.Clean(b.Outcome ?? "") }).ToList();
            Rules.Check(new Discipline.TextIsGiven("Name", "Tên bộ tiêu chí", name), new Procedures.TextFits("Name", "Tên bộ tiêu chí", name, 300));
            Rules.Check(TemplateRules.For(criteria, bands));
            var taken = await db.EvaluationTemplates.AnyAsync(x => x.PoolId == pool.Id && x.ValidFrom == t.ValidFrom, ct);
            Rules.Check(new TemplateDateIsFree(taken, t.ValidFrom));
            var template = new EvaluationTemplate
            {
                ProvinceId = pool.ProvinceId, PoolId = pool.Id, Name = name, ValidFrom = t.ValidFrom,
                Criteria = JsonSerializer.Serialize(criteria, EvaluationPolicy.Json), Bands = JsonSerializer.Serialize(bands, EvaluationPolicy.Json),
                RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
            };
            db.EvaluationTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            return template;
        }, ct);

    /// <summary>Opens a quarter for the pool: an evaluation for every cadre in the pool during it, under the template in force on its first day.</summary>
    public Task<EvaluationPeriod> OpenPeriodAsync(int poolId, int year, int quarter, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await PoolAsync(poolId, ct);
            Rules.Check(new QuarterIsValid(year, quarter));
            var (first, last) = Quarters.Bounds(year, quarter);
            Rules.Check(new QuarterHasBegun(first, Today));
            var template = await db.EvaluationTemplates.AsNoTracking().Where(x => x.PoolId == pool.Id && x.ValidFrom <= first)
                .OrderByDescending(x => x.ValidFrom).FirstOrDefaultAsync(ct);
            var exists = await db.EvaluationPeriods.AnyAsync(x => x.PoolId == pool.Id && x.Year == year && x.Quarter == quarter, ct);
            Rules.Check(new TemplateIsInForce(template is not null, first), new PeriodIsNew(exists, year, quarter));
            var period = new EvaluationPeriod { ProvinceId = pool.ProvinceId, PoolId = pool.Id, TemplateId = template!.Id, Year = year, Quarter = quarter, State = PeriodState.Open, Version = 1 };
            db.EvaluationPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            var cadres = await db.ManagementPoolEntries.AsNoTracking()
                .Where(e => e.PoolId == pool.Id && e.ValidFrom <= last && e.ValidTo > first)
                .Select(e => e.MemberId).Distinct().ToListAsync(ct);
            foreach (var memberId in cadres)
            {
                db.CadreEvaluations.Add(new CadreEvaluation
                {
                    ProvinceId = pool.ProvinceId, PeriodId = period.Id, MemberId = memberId, State = EvaluationState.SelfAssessment, Version = 1,
                });
            }

            await db.SaveChangesAsync(ct);
            return period;
        }, ct);

    /// <summary>Open → calibration (every cadre concluded; the distribution is reviewed) → locked; calibration may go back to open.</summary>
    public Task<EvaluationPeriod> SetPeriodStateAsync(int periodId, int version, PeriodState state, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var period = await db.EvaluationPeriods.SingleOrDefaultAsync(p => p.Id == periodId, ct)
                ?? throw new RuleViolationException("PeriodId", $"Không tìm thấy kỳ đánh giá số {periodId}.");
            await PoolAsync(period.PoolId, ct);
            Concurrency.CheckVersion($"Kỳ đánh giá quý {period.Quarter}/{period.Year}", version, period.Version);
            var open = await db.CadreEvaluations.CountAsync(e => e.PeriodId == period.Id && e.State != EvaluationState.Concluded, ct);
            Rules.Check(new PeriodStepIsAllowed(period.State, state, open));
            period.State = state;
            period.Version++;
            await db.SaveChangesAsync(ct);
            return period;
        }, ct);

    /// <summary>Bản tự đánh giá của cán bộ (recorded by the committee from the cadre's form).</summary>
    public Task<CadreEvaluation> SelfAssessAsync(int evaluationId, SelfAssessment s, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (evaluation, period, template) = await LoadAsync(evaluationId, s.Version, ct);
            var criteria = EvaluationScoring.Criteria(template);
            Rules.Check(
                new EvaluationIsOpen(evaluation, period),
                new ScoresFitTheCriteria("Scores", s.Scores, criteria, null),
                new Procedures.TextFits("Summary", "Tự nhận xét", s.Summary, 4000),
                new DateIsNotInTheFuture("On", "Ngày tự đánh giá", s.On, Today));
            evaluation.SelfScores = JsonSerializer.Serialize(s.Scores, EvaluationPolicy.Json);
            evaluation.SelfSummary = string.IsNullOrWhiteSpace(s.Summary) ? null : s.Summary.Trim();
            evaluation.SelfAssessedOn = s.On;
            evaluation.State = EvaluationState.Feedback;
            evaluation.Version++;
            await db.SaveChangesAsync(ct);
            return evaluation;
        }, ct);

    /// <summary>The committee's scores of the work results, the products assigned and delivered, and the trust vote's counts.</summary>
    public Task<CadreEvaluation> RecordResultsAsync(int evaluationId, ResultsInput r, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (evaluation, period, template) = await LoadAsync(evaluationId, r.Version, ct);
            var criteria = EvaluationScoring.Criteria(template);
            var products = (r.Products ?? []).Select(p => p with { Name = VietnameseText.Clean(p.Name ?? ""), Evidence = string.IsNullOrWhiteSpace(p.Evidence) ? null : p.Evidence.Trim() }).ToList();
            Rules.Check(
                new EvaluationIsOpen(evaluation, period),
                new SelfAssessedFirst(evaluation.State),
                new ScoresFitTheCriteria("Scores", r.Scores, criteria, EvaluationComponent.WorkResults),
                new ProductsAreNamed(products),
                new TrustCountsAreSound(r.TrustHigh, r.TrustMedium, r.TrustLow));
            evaluation.ResultScores = JsonSerializer.Serialize(r.Scores, EvaluationPolicy.Json);
            evaluation.Products = JsonSerializer.Serialize(products, EvaluationPolicy.Json);
            evaluation.TrustHigh = r.TrustHigh;
            evaluation.TrustMedium = r.TrustMedium;
            evaluation.TrustLow = r.TrustLow;
            evaluation.Version++;
            await db.SaveChangesAsync(ct);
            return evaluation;
        }, ct);

    /// <summary>
    /// One-time codes for a group of respondents. The codes are returned once and never stored (only
    /// their hashes); an empty ballot is made for each, under a random key, for a vote to fill.
    /// </summary>
    public Task<IReadOnlyList<string>> IssueCodesAsync(int evaluationId, EvaluationComponent group, int count, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (evaluation, period, template) = await LoadAsync(evaluationId, null, ct);
            var criteria = EvaluationScoring.Criteria(template);
            Rules.Check(
                new EvaluationIsOpen(evaluation, period),
                new GroupIsAsked(group, criteria),
                new CodeCountIsSound(count, _policy.MaxCodesPerIssue));
            var codes = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var code = FeedbackCodes.New();
                codes.Add(code);
                db.FeedbackInvitations.Add(new FeedbackInvitation { ProvinceId = evaluation.ProvinceId, EvaluationId = evaluation.Id, RespondentGroup = group, CodeHash = FeedbackCodes.Hash(code) });
                db.FeedbackBallots.Add(new FeedbackBallot { Id = Guid.NewGuid(), ProvinceId = evaluation.ProvinceId, EvaluationId = evaluation.Id, RespondentGroup = group });
            }

            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<string>)codes;
        }, ct);

    /// <summary>
    /// A respondent answers with a one-time code: the invitation is marked used and an empty ballot of
    /// the group, drawn at random, takes the answers. Nothing links the two but the evaluation and
    /// the group. A code answers once; after the conclusion no code answers.
    /// </summary>
    public static Task AnswerAsync(ChiBoDb db, string code, IReadOnlyDictionary<string, int> answers, EvaluationPolicy? policy = null, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Phiếu lấy ý kiến", async () =>
        {
            var p = policy ?? EvaluationPolicy.Default;
            var hash = FeedbackCodes.Hash(FeedbackCodes.Normalize(code));
            var invitation = await db.FeedbackInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
            Rules.Check(new CodeIsUnused(invitation));
            var evaluation = await db.CadreEvaluations.AsNoTracking().SingleAsync(e => e.Id == invitation!.EvaluationId, ct);
            var period = await db.EvaluationPeriods.AsNoTracking().SingleAsync(x => x.Id == evaluation.PeriodId, ct);
            var template = await db.EvaluationTemplates.AsNoTracking().SingleAsync(x => x.Id == period.TemplateId, ct);
            var asked = EvaluationScoring.Criteria(template).Where(c => c.Component == invitation!.RespondentGroup).ToList();
            Rules.Check(new EvaluationIsOpen(evaluation, period), new AnswersFitTheForm(answers, asked, p.TopAnswer));
            var empty = await db.FeedbackBallots.Where(b => b.EvaluationId == evaluation.Id && b.RespondentGroup == invitation!.RespondentGroup && b.Answers == null).ToListAsync(ct);
            var ballot = empty[RandomNumberGenerator.GetInt32(empty.Count)];
            invitation!.Used = true;
            ballot.Answers = JsonSerializer.Serialize(asked.ToDictionary(c => c.Code, c => answers[c.Code]), EvaluationPolicy.Json);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    /// <summary>Kết luận của cấp ủy: the score from the template, its band and outcome; the evaluation is then final.</summary>
    public Task<CadreEvaluation> ConcludeAsync(int evaluationId, ConclusionInput c, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (evaluation, period, template) = await LoadAsync(evaluationId, c.Version, ct);
            var criteria = EvaluationScoring.Criteria(template);
            var results = Read<Dictionary<string, decimal>>(evaluation.ResultScores) ?? [];
            var text = (c.Conclusion ?? "").Trim();
            Rules.Check(
                new EvaluationIsOpen(evaluation, period),
                new SelfAssessedFirst(evaluation.State),
                new ResultsAreScored(criteria.Where(x => x.Component == EvaluationComponent.WorkResults).Select(x => x.Code).Where(code => !results.ContainsKey(code)).ToList()),
                new Discipline.TextIsGiven("Conclusion", "Kết luận", text),
                new Procedures.TextFits("Conclusion", "Kết luận", text, 4000),
                new DateIsNotInTheFuture("On", "Ngày kết luận", c.On, Today));
            var scored = await EvaluationQueries.ScoreAsync(db, evaluation, template, _policy, ct);
            evaluation.Score = scored.Total;
            evaluation.Band = scored.Band?.Label;
            evaluation.Outcome = scored.Band?.Outcome;
            evaluation.Behind = scored.Band?.Behind ?? false;
            evaluation.Conclusion = text;
            evaluation.ConcludedOn = c.On;
            evaluation.State = EvaluationState.Concluded;
            evaluation.Version++;
            await db.SaveChangesAsync(ct);
            return evaluation;
        }, ct);

    internal static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, EvaluationPolicy.Json);

    private async Task<ManagementPool> PoolAsync(int poolId, CancellationToken ct)
    {
        var pool = await db.ManagementPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId, ct)
            ?? throw new RuleViolationException("PoolId", $"Không tìm thấy diện cán bộ số {poolId}.");
        await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, pool.OrganizationId, "PoolId", ct);
        return pool;
    }

    private async Task<(CadreEvaluation, EvaluationPeriod, EvaluationTemplate)> LoadAsync(int evaluationId, int? version, CancellationToken ct)
    {
        var evaluation = await db.CadreEvaluations.SingleOrDefaultAsync(e => e.Id == evaluationId, ct)
            ?? throw new RuleViolationException("EvaluationId", $"Không tìm thấy phiếu đánh giá số {evaluationId}.");
        var period = await db.EvaluationPeriods.AsNoTracking().SingleAsync(p => p.Id == evaluation.PeriodId, ct);
        await PoolAsync(period.PoolId, ct);
        if (version is { } v)
        {
            Concurrency.CheckVersion("Phiếu đánh giá", v, evaluation.Version);
        }

        var template = await db.EvaluationTemplates.AsNoTracking().SingleAsync(t => t.Id == period.TemplateId, ct);
        return (evaluation, period, template);
    }
}

/// <summary>Calendar quarters.</summary>
public static class Quarters
{
    public static (DateOnly First, DateOnly Last) Bounds(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>The quarter a date is in.</summary>
    public static (int Year, int Quarter) Of(DateOnly d) => (d.Year, (d.Month - 1) / 3 + 1);
}

/// <summary>One-time codes: 16 letters and digits that cannot be confused (no 0/O, 1/I/L), shown as four groups.</summary>
public static class FeedbackCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var s = new string(chars);
        return $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}";
    }

    /// <summary>Upper case, groups joined, spaces and dashes ignored, so a code typed by hand still matches.</summary>
    public static string Normalize(string? code) =>
        new string((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray()) is { Length: 16 } s
            ? $"{s[..4]}-{s[4..8]}-{s[8..12]}-{s[12..]}"
            : "";

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
