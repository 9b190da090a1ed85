using System.Linq.Expressions;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Admission;

/// <summary>A file waiting longer than its step allows, or whose course certificate has expired.</summary>
public sealed record OverdueCandidate(int Id, string FullName, string CellCode, CandidateStep Step, string StepName, DateOnly Since, DateOnly DueOn, string Reason);

/// <summary>One line of a cell's or subtree's list of admission files.</summary>
public sealed record CandidateRow(int Id, string FullName, DateOnly BirthDate, string CellCode, CandidateStep Step, string StepName, DateOnly StepSince, DateOnly? DueOn, int Version);

public sealed record PipelineStep(CandidateStep Step, string Name, int Count, int Overdue);

/// <summary>The admission pipeline of a subtree: files at each step, overdue ones, admissions of the year against the target.</summary>
public sealed record AdmissionPipeline(string Org, DateOnly AsOf, IReadOnlyList<PipelineStep> Steps, int Overdue, int Year, int AdmittedThisYear, int? Target);

public static class AdmissionQueries
{
    private static readonly CandidateStep[] InProgress = Enum.GetValues<CandidateStep>().Where(s => s <= CandidateStep.OnProbation).ToArray();

    /// <summary>
    /// The predicate "overdue on <paramref name="today"/>": for each step with a deadline, the step
    /// began before one cut-off date (a plain comparison the database evaluates); for the steps
    /// before the cell's resolution, the course certificate is older than its validity.
    /// </summary>
    internal static Expression<Func<Candidate, bool>> IsOverdue(DateOnly today)
    {
        var c = Expression.Parameter(typeof(Candidate), "c");
        Expression any = Expression.Constant(false);
        foreach (var (step, d) in AdmissionPolicy.Deadlines)
        {
            var cutoff = WorkingDays.OverdueBefore(today, d.WorkingDays).AddMonths(-d.Months);
            Expression<Func<Candidate, bool>> one = x => x.Step == step && x.StepSince < cutoff;
            any = Expression.OrElse(any, Expression.Invoke(one, c));
        }

        var expiredBefore = today.AddYears(-AdmissionPolicy.CourseCertificateValidYears);
        Expression<Func<Candidate, bool>> expired = x => x.Step >= CandidateStep.Trained && x.Step <= CandidateStep.Verified && x.CourseCertificateDate <= expiredBefore;
        any = Expression.OrElse(any, Expression.Invoke(expired, c));
        return Expression.Lambda<Func<Candidate, bool>>(any, c);
    }

    public static IQueryable<Candidate> In(this IQueryable<Candidate> candidates, ChiBoDb db, Subtree subtree)
    {
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        return candidates.Where(c => cells.Contains(c.CellId));
    }

    /// <summary>The files of a subtree, optionally at one step, oldest step first (what a cell works through).</summary>
    public static async Task<IReadOnlyList<CandidateRow>> ListAsync(ChiBoDb db, Subtree subtree, CandidateStep? step, CancellationToken ct = default)
    {
        var q = db.Candidates.AsNoTracking().In(db, subtree);
        q = step is { } s ? q.Where(c => c.Step == s) : q.Where(c => c.Step <= CandidateStep.OnProbation);
        var rows = await q.Join(db.Organizations, c => c.CellId, o => o.Id, (c, o) => new { c.Id, c.FullName, c.BirthDate, o.Code, c.Step, c.StepSince, c.Version })
            .OrderBy(r => r.StepSince).ThenBy(r => r.Id).ToListAsync(ct);
        return rows.Select(r => new CandidateRow(r.Id, r.FullName, r.BirthDate, r.Code, r.Step, AdmissionNames.Of(r.Step), r.StepSince,
            AdmissionPolicy.DueOn(r.Step, r.StepSince), r.Version)).ToList();
    }

    public static async Task<IReadOnlyList<OverdueCandidate>> OverdueAsync(ChiBoDb db, Subtree subtree, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.Candidates.AsNoTracking().In(db, subtree).Where(IsOverdue(today))
            .Join(db.Organizations, c => c.CellId, o => o.Id, (c, o) => new { c.Id, c.FullName, o.Code, c.Step, c.StepSince, c.CourseCertificateDate })
            .OrderBy(r => r.StepSince).ThenBy(r => r.Id)
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            if (AdmissionPolicy.DueOn(r.Step, r.StepSince) is { } due)
            {
                return new OverdueCandidate(r.Id, r.FullName, r.Code, r.Step, AdmissionNames.Of(r.Step), r.StepSince, due,
                    $"Quá hạn: {AdmissionPolicy.Deadlines[r.Step].NextAction} trước ngày {Rules.Date(due)}.");
            }

            var expires = r.CourseCertificateDate!.Value.AddYears(AdmissionPolicy.CourseCertificateValidYears);
            return new OverdueCandidate(r.Id, r.FullName, r.Code, r.Step, AdmissionNames.Of(r.Step), r.StepSince, expires,
                $"Giấy chứng nhận bồi dưỡng nhận thức về Đảng hết hạn ngày {Rules.Date(expires)}: cần học lại trước khi chi bộ xét.");
        }).ToList();
    }

    /// <summary>
    /// Counts per step and overdue in one grouped query; admissions of the year are the Admitted
    /// events of the subtree (the same source as the movements report); the target is the one set
    /// for this organization and year (targets of children are not added up: they share it).
    /// </summary>
    public static async Task<AdmissionPipeline> PipelineAsync(ChiBoDb db, OrgLookup org, DateOnly today, CancellationToken ct = default)
    {
        var subtree = org.Subtree;
        var inProgress = db.Candidates.AsNoTracking().In(db, subtree).Where(c => c.Step <= CandidateStep.OnProbation);
        var counts = await inProgress.GroupBy(c => c.Step).Select(g => new { Step = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Step, g => g.Count, ct);
        var late = await inProgress.Where(IsOverdue(today)).GroupBy(c => c.Step).Select(g => new { Step = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Step, g => g.Count, ct);
        var steps = InProgress.Select(s => new PipelineStep(s, AdmissionNames.Of(s), counts.GetValueOrDefault(s), late.GetValueOrDefault(s))).ToList();

        var from = new DateOnly(today.Year, 1, 1);
        var events = db.MemberEvents.AsNoTracking().Where(e => e.Kind == MemberEventKind.Admitted && e.Date >= from && e.Date <= today);
        if (subtree.ProvinceId is { } p)
        {
            var (lo, hi) = (subtree.Path, subtree.UpperBound);
            events = events.Where(e => e.ProvinceId == p && string.Compare(e.CellPath, lo) >= 0 && string.Compare(e.CellPath, hi) < 0);
        }

        var admitted = await events.CountAsync(ct);
        int? target = org.Organization is { } o
            ? await db.AdmissionTargets.Where(t => t.OrganizationId == o.Id && t.Year == today.Year).Select(t => (int?)t.Target).FirstOrDefaultAsync(ct)
            : null;
        return new AdmissionPipeline(org.Organization?.Code ?? "root", today, steps, steps.Sum(s => s.Overdue), today.Year, admitted, target);
    }

    /// <summary>
    /// Official members of a cell on a date, from the periods: those who vote on an admission or a
    /// recognition (probationary members do not; exempted members are not counted).
    /// </summary>
    public static Task<int> OfficialMembersAsync(ChiBoDb db, int cellId, DateOnly on, CancellationToken ct = default) =>
        db.MemberPeriods.CountAsync(p => p.CellId == cellId && p.ValidFrom <= on && p.ValidTo > on
            && p.OfficialOn != null && p.OfficialOn <= on && !p.Exempted, ct);

    /// <summary>Sets (or replaces) the yearly admission target of an organization.</summary>
    public static async Task SetTargetAsync(ChiBoDb db, int organizationId, int year, int target, CancellationToken ct = default)
    {
        Rules.Check(new TargetIsNotNegative(target));
        var row = await db.AdmissionTargets.SingleOrDefaultAsync(t => t.OrganizationId == organizationId && t.Year == year, ct);
        if (row is null)
        {
            db.AdmissionTargets.Add(new AdmissionTarget { OrganizationId = organizationId, Year = year, Target = target });
        }
        else
        {
            row.Target = target;
        }

        await db.SaveChangesAsync(ct);
    }
}

public sealed record TargetIsNotNegative(int Target) : IRule
{
    public string Field => "Target";

    public string Message => "Chỉ tiêu kết nạp không được âm.";

    public bool IsBroken() => Target < 0;
}
