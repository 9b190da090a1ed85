using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

public sealed record EvaluationRow(int Id, int MemberId, string FullName, string State, decimal? Score, string? Band, string? Outcome, bool Behind, int Version);

public sealed record PeriodView(
    int Id, int PoolId, string Pool, string ManagingOrg, int Year, int Quarter, string State, string Template,
    IReadOnlyList<EvaluationCriterion> Criteria, IReadOnlyList<EvaluationBand> Bands, IReadOnlyList<EvaluationRow> Evaluations,
    IReadOnlyDictionary<string, int> Distribution, int Version);

/// <summary>A group's feedback as the committee sees it: how many were asked and answered, and the means only from the policy's minimum.</summary>
public sealed record FeedbackGroupView(string Group, int Invited, int Answered, bool Shown, IReadOnlyDictionary<string, decimal>? Means);

public sealed record EvaluationView(
    int Id, int MemberId, string FullName, int PeriodId, int Year, int Quarter, string Pool, string State,
    IReadOnlyDictionary<string, decimal>? SelfScores, string? SelfSummary, DateOnly? SelfAssessedOn,
    IReadOnlyDictionary<string, decimal>? ResultScores, IReadOnlyList<Product> Products, int TrustHigh, int TrustMedium, int TrustLow,
    IReadOnlyList<FeedbackGroupView> Feedback, IReadOnlyList<CriterionScore> Criteria, decimal? Score, string? Band, string? Outcome, bool Behind,
    string? Conclusion, DateOnly? ConcludedOn, int Version);

public sealed record PeriodRow(int Id, int PoolId, int Year, int Quarter, string State, int Evaluations, int Concluded);

/// <summary>What a respondent is asked with a code: the group and its criteria; nothing about the cadre's scores or other answers.</summary>
public sealed record FeedbackForm(string Group, string FullName, int Year, int Quarter, IReadOnlyList<EvaluationCriterion> Asked, int TopAnswer);

public sealed record QuarterRow(int EvaluationId, int Year, int Quarter, string Pool, string State, decimal? Score, string? Band, string? Outcome, bool Behind);

public sealed record BehindRow(int EvaluationId, int MemberId, string FullName, string Pool, string ManagingOrg, decimal? Score, string? Band, string? Outcome, int QuartersInARow);

/// <summary>
/// What the managing committee and the province board read of evaluations: periods with the
/// distribution of bands, one evaluation with its scores and the feedback only as group figures
/// (never a ballot, never who answered), a cadre's quarters, the cadres falling behind.
/// </summary>
public static class EvaluationQueries
{
    public static string StateName(EvaluationState s) => s switch
    {
        EvaluationState.SelfAssessment => "Chờ tự đánh giá",
        EvaluationState.Feedback => "Đang lấy ý kiến",
        _ => "Đã kết luận",
    };

    public static string StateName(PeriodState s) => s switch
    {
        PeriodState.Open => "Đang đánh giá",
        PeriodState.Calibration => "Rà soát",
        _ => "Đã khóa",
    };

    public static string GroupName(EvaluationComponent c) => c switch
    {
        EvaluationComponent.WorkResults => "Kết quả thực hiện nhiệm vụ",
        EvaluationComponent.Outputs => "Sản phẩm cụ thể",
        EvaluationComponent.Trust => "Tín nhiệm",
        EvaluationComponent.Superiors => "Cấp trên",
        EvaluationComponent.Peers => "Đồng cấp",
        EvaluationComponent.Subordinates => "Cấp dưới",
        _ => "Nhân dân",
    };

    /// <summary>The managing organization of a period / an evaluation / a pool (for scope checks), or null.</summary>
    public static Task<int?> ManagingOrgOfPeriodAsync(ChiBoDb db, int periodId, CancellationToken ct) =>
        (from p in db.EvaluationPeriods where p.Id == periodId join pool in db.ManagementPools on p.PoolId equals pool.Id select (int?)pool.OrganizationId)
        .FirstOrDefaultAsync(ct);

    public static Task<int?> ManagingOrgOfEvaluationAsync(ChiBoDb db, int evaluationId, CancellationToken ct) =>
        (from e in db.CadreEvaluations
         where e.Id == evaluationId
         join p in db.EvaluationPeriods on e.PeriodId equals p.Id
         join pool in db.ManagementPools on p.PoolId equals pool.Id
         select (int?)pool.OrganizationId).FirstOrDefaultAsync(ct);

    /// <summary>The form a one-time code opens, or null when the code is unknown or used (the code is not used up by reading).</summary>
    public static async Task<FeedbackForm?> FeedbackFormAsync(ChiBoDb db, string? code, EvaluationPolicy? policy = null, CancellationToken ct = default)
    {
        var normalized = FeedbackCodes.Normalize(code);
        if (normalized.Length == 0)
        {
            return null;
        }

        var hash = FeedbackCodes.Hash(normalized);
        var found = await (from i in db.FeedbackInvitations.AsNoTracking()
                           where i.CodeHash == hash && !i.Used
                           join e in db.CadreEvaluations on i.EvaluationId equals e.Id
                           join m in db.Members on e.MemberId equals m.Id
                           join p in db.EvaluationPeriods on e.PeriodId equals p.Id
                           join t in db.EvaluationTemplates on p.TemplateId equals t.Id
                           select new { i.RespondentGroup, m.FullName, p.Year, p.Quarter, Template = t }).SingleOrDefaultAsync(ct);
        return found is null
            ? null
            : new FeedbackForm(GroupName(found.RespondentGroup), found.FullName, found.Year, found.Quarter,
                EvaluationScoring.Criteria(found.Template).Where(c => c.Component == found.RespondentGroup).ToList(), (policy ?? EvaluationPolicy.Default).TopAnswer);
    }

    /// <summary>The periods of management pools, newest first, with how many evaluations each has and how many are concluded (the caller checks the pools are its own to see).</summary>
    public static async Task<IReadOnlyList<PeriodRow>> PeriodsAsync(ChiBoDb db, IReadOnlyCollection<int> poolIds, CancellationToken ct = default)
    {
        var periods = await db.EvaluationPeriods.AsNoTracking().Where(p => poolIds.Contains(p.PoolId))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToList();
        var counts = await db.CadreEvaluations.AsNoTracking().Where(e => ids.Contains(e.PeriodId))
            .GroupBy(e => e.PeriodId).Select(g => new { g.Key, All = g.Count(), Done = g.Count(e => e.State == EvaluationState.Concluded) }).ToListAsync(ct);
        return periods.Select(p =>
        {
            var n = counts.FirstOrDefault(c => c.Key == p.Id);
            return new PeriodRow(p.Id, p.PoolId, p.Year, p.Quarter, StateName(p.State), n?.All ?? 0, n?.Done ?? 0);
        }).ToList();
    }

    public static async Task<PeriodView?> PeriodAsync(ChiBoDb db, int periodId, CancellationToken ct = default)
    {
        var found = await (from p in db.EvaluationPeriods.AsNoTracking()
                           where p.Id == periodId
                           join pool in db.ManagementPools on p.PoolId equals pool.Id
                           join o in db.Organizations on pool.OrganizationId equals o.Id
                           join t in db.EvaluationTemplates on p.TemplateId equals t.Id
                           select new { Period = p, Pool = pool.Name, o.Code, Template = t }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var rows = await (from e in db.CadreEvaluations.AsNoTracking()
                          where e.PeriodId == periodId
                          join m in db.Members on e.MemberId equals m.Id
                          orderby m.SearchName
                          select new { e, m.FullName }).ToListAsync(ct);
        var bands = EvaluationScoring.Bands(found.Template);
        var distribution = bands.OrderByDescending(b => b.Min)
            .ToDictionary(b => b.Label, b => rows.Count(r => r.e.State == EvaluationState.Concluded && r.e.Band == b.Label));
        return new PeriodView(
            found.Period.Id, found.Period.PoolId, found.Pool, found.Code, found.Period.Year, found.Period.Quarter, StateName(found.Period.State),
            found.Template.Name, EvaluationScoring.Criteria(found.Template), bands,
            rows.Select(r => new EvaluationRow(r.e.Id, r.e.MemberId, r.FullName, StateName(r.e.State), r.e.Score, r.e.Band, r.e.Outcome, r.e.Behind, r.e.Version)).ToList(),
            distribution, found.Period.Version);
    }

    public static async Task<EvaluationView?> EvaluationAsync(ChiBoDb db, int evaluationId, EvaluationPolicy? policy = null, CancellationToken ct = default)
    {
        var p = policy ?? EvaluationPolicy.Default;
        var found = await (from x in db.CadreEvaluations.AsNoTracking()
                           where x.Id == evaluationId
                           join m in db.Members on x.MemberId equals m.Id
                           join period in db.EvaluationPeriods on x.PeriodId equals period.Id
                           join pool in db.ManagementPools on period.PoolId equals pool.Id
                           join t in db.EvaluationTemplates on period.TemplateId equals t.Id
                           select new { e = x, m.FullName, period, Pool = pool.Name, Template = t }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var e = found.e;
        var scored = await ScoreAsync(db, e, found.Template, p, ct);
        var invited = await db.FeedbackInvitations.AsNoTracking().Where(i => i.EvaluationId == e.Id)
            .GroupBy(i => i.RespondentGroup).Select(g => new { g.Key, Invited = g.Count(), Answered = g.Count(i => i.Used) }).ToListAsync(ct);
        var groups = EvaluationScoring.Criteria(found.Template).Select(c => c.Component).Where(EvaluationScoring.IsFeedback).Distinct().OrderBy(c => c)
            .Select(g =>
            {
                var counts = invited.FirstOrDefault(i => i.Key == g);
                var answered = counts?.Answered ?? 0;
                var shown = answered >= p.MinimumBallots;
                var means = shown ? scored.Criteria.Where(c => c.Component == g && c.Score is not null).ToDictionary(c => c.Code, c => c.Score!.Value) : null;
                return new FeedbackGroupView(GroupName(g), counts?.Invited ?? 0, answered, shown, means);
            }).ToList();
        return new EvaluationView(
            e.Id, e.MemberId, found.FullName, found.period.Id, found.period.Year, found.period.Quarter, found.Pool, StateName(e.State),
            EvaluationCommands.Read<Dictionary<string, decimal>>(e.SelfScores), e.SelfSummary, e.SelfAssessedOn,
            EvaluationCommands.Read<Dictionary<string, decimal>>(e.ResultScores), EvaluationCommands.Read<List<Product>>(e.Products) ?? [],
            e.TrustHigh, e.TrustMedium, e.TrustLow, groups, scored.Criteria,
            e.State == EvaluationState.Concluded ? e.Score : scored.Total,
            e.State == EvaluationState.Concluded ? e.Band : scored.Band?.Label,
            e.State == EvaluationState.Concluded ? e.Outcome : scored.Band?.Outcome,
            e.State == EvaluationState.Concluded ? e.Behind : scored.Band?.Behind ?? false,
            e.Conclusion, e.ConcludedOn, e.Version);
    }

    /// <summary>The score of an evaluation from what is recorded now (the ballots read as group means only).</summary>
    public static async Task<ScoringResult> ScoreAsync(ChiBoDb db, CadreEvaluation e, EvaluationTemplate template, EvaluationPolicy policy, CancellationToken ct)
    {
        var ballots = await db.FeedbackBallots.AsNoTracking().Where(b => b.EvaluationId == e.Id && b.Answers != null)
            .Select(b => new { Group = b.RespondentGroup, b.Answers }).ToListAsync(ct);
        var feedback = ballots.GroupBy(b => b.Group).Select(g => EvaluationScoring.Aggregate(g.Key, g.Select(b => b.Answers!), policy)).ToList();
        var input = new ScoringInput(
            EvaluationCommands.Read<Dictionary<string, decimal>>(e.SelfScores) ?? [],
            EvaluationCommands.Read<Dictionary<string, decimal>>(e.ResultScores) ?? [],
            EvaluationCommands.Read<List<Product>>(e.Products) ?? [],
            e.TrustHigh, e.TrustMedium, e.TrustLow, feedback);
        return EvaluationScoring.Score(EvaluationScoring.Criteria(template), EvaluationScoring.Bands(template), input, policy);
    }

    /// <summary>A cadre's quarters in the pools the caller may see, newest first.</summary>
    public static async Task<IReadOnlyList<QuarterRow>> HistoryAsync(ChiBoDb db, OrgScope caller, int memberId, CancellationToken ct = default)
    {
        var rows = await (from e in db.CadreEvaluations.AsNoTracking()
                          where e.MemberId == memberId
                          join p in db.EvaluationPeriods on e.PeriodId equals p.Id
                          join pool in db.ManagementPools on p.PoolId equals pool.Id
                          join o in db.Organizations on pool.OrganizationId equals o.Id
                          orderby p.Year descending, p.Quarter descending
                          select new { e, p.Year, p.Quarter, Pool = pool.Name, Org = o }).ToListAsync(ct);
        return rows.Where(r => CadreAccess.MaySee(caller, Operation.CadresRead, r.Org))
            .Select(r => new QuarterRow(r.e.Id, r.Year, r.Quarter, r.Pool, StateName(r.e.State), r.e.Score, r.e.Band, r.e.Outcome, r.e.Behind))
            .ToList();
    }

    /// <summary>
    /// Cadres falling behind in a quarter: concluded in a band marked behind, in the pools of the
    /// managing committees in the subtree the caller may see; with how many quarters in a row.
    /// </summary>
    public static async Task<IReadOnlyList<BehindRow>> BehindAsync(ChiBoDb db, OrgScope caller, Subtree subtree, int year, int quarter, CancellationToken ct = default)
    {
        var managers = await CadreAccess.VisibleManagersAsync(db, caller, Operation.CadresRead, subtree, ct);
        var ids = managers.Select(m => m.Id).ToList();
        var behind = await (from e in db.CadreEvaluations.AsNoTracking()
                            where e.Behind && e.State == EvaluationState.Concluded
                            join p in db.EvaluationPeriods on e.PeriodId equals p.Id
                            where p.Year == year && p.Quarter == quarter
                            join pool in db.ManagementPools on p.PoolId equals pool.Id
                            where ids.Contains(pool.OrganizationId)
                            join m in db.Members on e.MemberId equals m.Id
                            orderby e.Score, m.SearchName
                            select new { e, m.FullName, p.PoolId, Pool = pool.Name, pool.OrganizationId }).ToListAsync(ct);
        var memberIds = behind.Select(b => b.e.MemberId).Distinct().ToList();
        var earlier = await (from e in db.CadreEvaluations.AsNoTracking()
                             where memberIds.Contains(e.MemberId) && e.State == EvaluationState.Concluded
                             join p in db.EvaluationPeriods on e.PeriodId equals p.Id
                             where p.Year * 4 + p.Quarter <= year * 4 + quarter
                             select new { e.MemberId, p.PoolId, Index = p.Year * 4 + p.Quarter, e.Behind }).ToListAsync(ct);
        return behind.Select(b =>
        {
            var run = 0;
            foreach (var q in earlier.Where(x => x.MemberId == b.e.MemberId && x.PoolId == b.PoolId).OrderByDescending(x => x.Index))
            {
                if (!q.Behind || q.Index != year * 4 + quarter - run)
                {
                    break;
                }

                run++;
            }

            var org = managers.First(m => m.Id == b.OrganizationId);
            return new BehindRow(b.e.Id, b.e.MemberId, b.FullName, b.Pool, org.Code, b.e.Score, b.e.Band, b.e.Outcome, run);
        }).ToList();
    }
}
