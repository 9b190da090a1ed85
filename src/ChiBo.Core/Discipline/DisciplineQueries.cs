using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Discipline;

/// <summary>
/// Who or what a case or decision is about, where it is now: a member with their current cell, or
/// the organization itself. <see cref="Location"/> is what access is checked on.
/// </summary>
public sealed record SubjectRef(DisciplineSubject Kind, int Id, string Name, string OrgCode, string OrgName, Subtree Location);

public sealed record DecisionRow(
    int Id, SubjectRef Subject, DisciplineForm Form, DisciplineForm OriginalForm, bool Annulled, string DecisionNumber, DateOnly DecidedOn,
    string Level, string Reason, int? CaseId, int Appeals, bool AppealPending);

public sealed record CaseRow(
    int Id, SubjectRef Subject, InspectionKind Kind, string DecisionNumber, DateOnly OpenedOn, DateOnly? DueOn, string Level,
    DateOnly? ConcludedOn, CaseConclusion? Conclusion);

public sealed record AppealView(
    int Id, DateOnly FiledOn, string? Content, string Level, DateOnly DueOn, bool Overdue, AppealOutcome? Outcome, DisciplineForm FormBefore,
    DisciplineForm? NewForm, DateOnly? ResolvedOn, string? ResolutionNumber, string? ResolutionReason, int Version);

public sealed record DecisionView(DisciplineDecision Decision, SubjectRef Subject, string Level, CaseRow? Case, IReadOnlyList<AppealView> Appeals, int SubjectVersion);

public sealed record CaseView(InspectionCase Case, SubjectRef Subject, string Level, IReadOnlyList<DecisionRow> Decisions);

/// <summary>A list's filters: the year of the decision (or of the case's opening), the form, the kind of case, the subject.</summary>
public sealed record DisciplineFilter(int? Year = null, DisciplineForm? Form = null, InspectionKind? CaseKind = null, DisciplineSubject? Subject = null);

public sealed record DisciplineList(IReadOnlyList<CaseRow> Cases, IReadOnlyList<DecisionRow> Decisions, bool Truncated);

/// <summary>An appeal past its time limit (<see cref="DisciplinePolicy.ResolutionWorkingDays"/>).</summary>
public sealed record OverdueAppeal(int AppealId, int DecisionId, SubjectRef Subject, string DecisionNumber, DateOnly FiledOn, DateOnly DueOn, string Level);

/// <summary>
/// Reads of the discipline register for a subtree: what lies in it is decided by where the member
/// (their cell now) or the organization is now, as for the member list; the movements report
/// counts by the path at the decision date instead.
/// </summary>
public static class DisciplineQueries
{
    public const int ListLimit = 500;

    public static async Task<DisciplineList> ListAsync(ChiBoDb db, Subtree subtree, DisciplineFilter filter, CancellationToken ct = default)
    {
        IQueryable<DisciplineDecision> FilterDecisions(IQueryable<DisciplineDecision> q)
        {
            if (filter.Year is { } y)
            {
                var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
                q = q.Where(d => d.DecidedOn >= from && d.DecidedOn <= to);
            }

            if (filter.Form is { } form)
            {
                q = q.Where(d => d.Form == form);
            }

            return filter.Subject is { } subject ? q.Where(d => d.Subject == subject) : q;
        }

        IQueryable<InspectionCase> FilterCases(IQueryable<InspectionCase> q)
        {
            if (filter.Year is { } y)
            {
                var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
                q = q.Where(c => c.OpenedOn >= from && c.OpenedOn <= to);
            }

            if (filter.CaseKind is { } kind)
            {
                q = q.Where(c => c.Kind == kind);
            }

            return filter.Subject is { } subject ? q.Where(c => c.Subject == subject) : q;
        }

        var d = await DecisionsAsync(db, subtree, FilterDecisions, ListLimit + 1, ct);
        var c = await CasesAsync(db, subtree, FilterCases, ListLimit + 1, ct);
        var truncated = d.Count > ListLimit || c.Count > ListLimit;
        d = d.Take(ListLimit).ToList();
        c = c.Take(ListLimit).ToList();
        var names = await LevelNamesAsync(db, d.Select(x => x.D.DecidingOrgId).Concat(c.Select(x => x.C.InspectingOrgId)), ct);
        var appeals = await AppealCountsAsync(db, d.Select(x => x.D.Id).ToList(), ct);
        return new DisciplineList(
            c.Select(x => CaseRowOf(x.C, x.Subject, names)).ToList(),
            d.Select(x => DecisionRowOf(x.D, x.Subject, names, appeals)).ToList(),
            truncated);
    }

    /// <summary>Decisions and cases about one member, newest first (the member's record page).</summary>
    public static async Task<DisciplineList> OfMemberAsync(ChiBoDb db, int memberId, CancellationToken ct = default)
    {
        var d = await DecisionsAsync(db, Subtree.Everything, q => q.Where(x => x.MemberId == memberId), null, ct);
        var c = await CasesAsync(db, Subtree.Everything, q => q.Where(x => x.MemberId == memberId), null, ct);
        var names = await LevelNamesAsync(db, d.Select(x => x.D.DecidingOrgId).Concat(c.Select(x => x.C.InspectingOrgId)), ct);
        var appeals = await AppealCountsAsync(db, d.Select(x => x.D.Id).ToList(), ct);
        return new DisciplineList(c.Select(x => CaseRowOf(x.C, x.Subject, names)).ToList(), d.Select(x => DecisionRowOf(x.D, x.Subject, names, appeals)).ToList(), false);
    }

    public static async Task<DecisionView?> DecisionAsync(ChiBoDb db, int id, DateOnly today, CancellationToken ct = default)
    {
        var found = (await DecisionsAsync(db, Subtree.Everything, q => q.Where(x => x.Id == id), 1, ct)).FirstOrDefault();
        if (found is null)
        {
            return null;
        }

        var d = found.D;
        var appeals = await db.DisciplineAppeals.AsNoTracking().Where(a => a.DecisionId == id).OrderBy(a => a.FiledOn).ThenBy(a => a.Id).ToListAsync(ct);
        var names = await LevelNamesAsync(db, appeals.Select(a => a.ResolvingOrgId).Append(d.DecidingOrgId), ct);
        CaseRow? caseRow = null;
        if (d.CaseId is { } caseId)
        {
            var c = (await CasesAsync(db, Subtree.Everything, q => q.Where(x => x.Id == caseId), 1, ct)).FirstOrDefault();
            if (c is not null)
            {
                var caseNames = await LevelNamesAsync(db, [c.C.InspectingOrgId], ct);
                caseRow = CaseRowOf(c.C, c.Subject, caseNames);
            }
        }

        var version = d.MemberId is { } m
            ? await db.Members.AsNoTracking().Where(x => x.Id == m).Select(x => x.Version).FirstAsync(ct)
            : await db.Organizations.AsNoTracking().Where(x => x.Id == d.OrganizationId).Select(x => x.Version).FirstAsync(ct);
        return new DecisionView(d, found.Subject, Name(d.DecidingBody, d.DecidingOrgId, names), caseRow,
            appeals.Select(a => AppealOf(a, names, today)).ToList(), version);
    }

    public static async Task<CaseView?> CaseAsync(ChiBoDb db, int id, CancellationToken ct = default)
    {
        var found = (await CasesAsync(db, Subtree.Everything, q => q.Where(x => x.Id == id), 1, ct)).FirstOrDefault();
        if (found is null)
        {
            return null;
        }

        var d = await DecisionsAsync(db, Subtree.Everything, q => q.Where(x => x.CaseId == id), null, ct);
        var names = await LevelNamesAsync(db, d.Select(x => x.D.DecidingOrgId).Append(found.C.InspectingOrgId), ct);
        var appeals = await AppealCountsAsync(db, d.Select(x => x.D.Id).ToList(), ct);
        return new CaseView(found.C, found.Subject, Name(found.C.InspectingBody, found.C.InspectingOrgId, names),
            d.Select(x => DecisionRowOf(x.D, x.Subject, names, appeals)).ToList());
    }

    /// <summary>Appeals not answered within their time limit, for subjects in the subtree.</summary>
    public static async Task<IReadOnlyList<OverdueAppeal>> OverdueAppealsAsync(ChiBoDb db, Subtree subtree, DateOnly today, CancellationToken ct = default)
    {
        var late = await db.DisciplineAppeals.AsNoTracking().Where(a => a.Outcome == null && a.DueOn < today).ToListAsync(ct);
        var ids = late.Select(a => a.DecisionId).Distinct().ToList();
        var decisions = (await DecisionsAsync(db, subtree, q => q.Where(d => ids.Contains(d.Id)), null, ct)).ToDictionary(x => x.D.Id);
        var names = await LevelNamesAsync(db, late.Select(a => a.ResolvingOrgId), ct);
        return late.Where(a => decisions.ContainsKey(a.DecisionId)).OrderBy(a => a.DueOn).Select(a =>
        {
            var x = decisions[a.DecisionId];
            return new OverdueAppeal(a.Id, a.DecisionId, x.Subject, x.D.DecisionNumber, a.FiledOn, a.DueOn, Name(a.ResolvingBody, a.ResolvingOrgId, names));
        }).ToList();
    }

    /// <summary>The organization (a member's current cell, or the organization itself) a decision is about: what write access is checked on.</summary>
    public static async Task<int?> SubjectOrgOfDecisionAsync(ChiBoDb db, int decisionId, CancellationToken ct)
    {
        var d = await db.DisciplineDecisions.AsNoTracking().Where(x => x.Id == decisionId).Select(x => new { x.MemberId, x.OrganizationId }).FirstOrDefaultAsync(ct);
        return d is null ? null : await SubjectOrgAsync(db, d.MemberId, d.OrganizationId, ct);
    }

    public static async Task<int?> SubjectOrgOfCaseAsync(ChiBoDb db, int caseId, CancellationToken ct)
    {
        var c = await db.InspectionCases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.MemberId, x.OrganizationId }).FirstOrDefaultAsync(ct);
        return c is null ? null : await SubjectOrgAsync(db, c.MemberId, c.OrganizationId, ct);
    }

    private static async Task<int?> SubjectOrgAsync(ChiBoDb db, int? memberId, int? orgId, CancellationToken ct) =>
        memberId is { } m ? await db.Members.AsNoTracking().Where(x => x.Id == m).Select(x => (int?)x.CellId).FirstOrDefaultAsync(ct) : orgId;

    public static async Task<int?> SubjectOrgOfAppealAsync(ChiBoDb db, int appealId, CancellationToken ct)
    {
        var decision = await db.DisciplineAppeals.AsNoTracking().Where(a => a.Id == appealId).Select(a => (int?)a.DecisionId).FirstOrDefaultAsync(ct);
        return decision is { } id ? await SubjectOrgOfDecisionAsync(db, id, ct) : null;
    }

    /// <summary>
    /// The decisions (filtered, newest first, at most <paramref name="take"/>) whose subject is in the
    /// subtree now: members by their current cell, organizations by themselves; two plain queries.
    /// </summary>
    private static async Task<List<DecisionWithSubject>> DecisionsAsync(
        ChiBoDb db, Subtree subtree, Func<IQueryable<DisciplineDecision>, IQueryable<DisciplineDecision>> filter, int? take, CancellationToken ct)
    {
        var orgs = db.Organizations.AsNoTracking().In(subtree);
        var decisions = filter(db.DisciplineDecisions.AsNoTracking());
        var onMembers = decisions
            .Join(db.Members, d => d.MemberId, m => (int?)m.Id, (d, m) => new { d, m.FullName, m.CellId, MemberId = m.Id })
            .Join(orgs, x => x.CellId, c => c.Id, (x, c) => new { x.d, x.MemberId, x.FullName, c.Code, c.Name, c.ProvinceId, c.Path })
            .OrderByDescending(x => x.d.DecidedOn).ThenByDescending(x => x.d.Id);
        var onOrgs = decisions
            .Join(orgs, d => d.OrganizationId, o => (int?)o.Id, (d, o) => new { d, o.Id, o.Code, o.Name, o.ProvinceId, o.Path })
            .OrderByDescending(x => x.d.DecidedOn).ThenByDescending(x => x.d.Id);
        var members = await (take is { } n ? onMembers.Take(n) : onMembers).ToListAsync(ct);
        var organizations = await (take is { } k ? onOrgs.Take(k) : onOrgs).ToListAsync(ct);
        var rows = members.Select(x => new DecisionWithSubject
            {
                D = x.d, Subject = new SubjectRef(DisciplineSubject.Member, x.MemberId, x.FullName, x.Code, x.Name, new Subtree(x.ProvinceId, x.Path)),
            })
            .Concat(organizations.Select(x => new DecisionWithSubject
            {
                D = x.d, Subject = new SubjectRef(DisciplineSubject.Organization, x.Id, x.Name, x.Code, x.Name, new Subtree(x.ProvinceId, x.Path)),
            }))
            .OrderByDescending(x => x.D.DecidedOn).ThenByDescending(x => x.D.Id);
        return (take is { } t ? rows.Take(t) : rows).ToList();
    }

    private static async Task<List<CaseWithSubject>> CasesAsync(
        ChiBoDb db, Subtree subtree, Func<IQueryable<InspectionCase>, IQueryable<InspectionCase>> filter, int? take, CancellationToken ct)
    {
        var orgs = db.Organizations.AsNoTracking().In(subtree);
        var cases = filter(db.InspectionCases.AsNoTracking());
        var onMembers = cases
            .Join(db.Members, c => c.MemberId, m => (int?)m.Id, (c, m) => new { c, m.FullName, m.CellId, MemberId = m.Id })
            .Join(orgs, x => x.CellId, o => o.Id, (x, o) => new { x.c, x.MemberId, x.FullName, o.Code, o.Name, o.ProvinceId, o.Path })
            .OrderByDescending(x => x.c.OpenedOn).ThenByDescending(x => x.c.Id);
        var onOrgs = cases
            .Join(orgs, c => c.OrganizationId, o => (int?)o.Id, (c, o) => new { c, o.Id, o.Code, o.Name, o.ProvinceId, o.Path })
            .OrderByDescending(x => x.c.OpenedOn).ThenByDescending(x => x.c.Id);
        var members = await (take is { } n ? onMembers.Take(n) : onMembers).ToListAsync(ct);
        var organizations = await (take is { } k ? onOrgs.Take(k) : onOrgs).ToListAsync(ct);
        var rows = members.Select(x => new CaseWithSubject
            {
                C = x.c, Subject = new SubjectRef(DisciplineSubject.Member, x.MemberId, x.FullName, x.Code, x.Name, new Subtree(x.ProvinceId, x.Path)),
            })
            .Concat(organizations.Select(x => new CaseWithSubject
            {
                C = x.c, Subject = new SubjectRef(DisciplineSubject.Organization, x.Id, x.Name, x.Code, x.Name, new Subtree(x.ProvinceId, x.Path)),
            }))
            .OrderByDescending(x => x.C.OpenedOn).ThenByDescending(x => x.C.Id);
        return (take is { } t ? rows.Take(t) : rows).ToList();
    }

    private sealed class DecisionWithSubject
    {
        public required DisciplineDecision D { get; init; }
        public required SubjectRef Subject { get; init; }
    }

    private sealed class CaseWithSubject
    {
        public required InspectionCase C { get; init; }
        public required SubjectRef Subject { get; init; }
    }

    private static async Task<Dictionary<int, string>> LevelNamesAsync(ChiBoDb db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var list = ids.OfType<int>().Distinct().ToList();
        return list.Count == 0
            ? []
            : await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static async Task<Dictionary<int, (int Count, bool Pending)>> AppealCountsAsync(ChiBoDb db, List<int> decisionIds, CancellationToken ct)
    {
        if (decisionIds.Count == 0)
        {
            return [];
        }

        var rows = await db.DisciplineAppeals.AsNoTracking().Where(a => decisionIds.Contains(a.DecisionId))
            .GroupBy(a => a.DecisionId)
            .Select(g => new { g.Key, Count = g.Count(), Pending = g.Count(a => a.Outcome == null) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Count, r.Pending > 0));
    }

    private static string Name(DecidingBody body, int? orgId, IReadOnlyDictionary<int, string> names) =>
        DisciplineNames.Level(body, orgId is { } id ? names.GetValueOrDefault(id) : null);

    private static DecisionRow DecisionRowOf(DisciplineDecision d, SubjectRef s, IReadOnlyDictionary<int, string> names, IReadOnlyDictionary<int, (int Count, bool Pending)> appeals)
    {
        var a = appeals.GetValueOrDefault(d.Id);
        return new DecisionRow(d.Id, s, d.Form, d.OriginalForm, d.Annulled, d.DecisionNumber, d.DecidedOn, Name(d.DecidingBody, d.DecidingOrgId, names), d.Reason, d.CaseId, a.Count, a.Pending);
    }

    private static CaseRow CaseRowOf(InspectionCase c, SubjectRef s, IReadOnlyDictionary<int, string> names) =>
        new(c.Id, s, c.Kind, c.DecisionNumber, c.OpenedOn, c.DueOn, Name(c.InspectingBody, c.InspectingOrgId, names), c.ConcludedOn, c.Conclusion);

    private static AppealView AppealOf(DisciplineAppeal a, IReadOnlyDictionary<int, string> names, DateOnly today) =>
        new(a.Id, a.FiledOn, a.Content, Name(a.ResolvingBody, a.ResolvingOrgId, names), a.DueOn, a.Outcome is null && a.DueOn < today,
            a.Outcome, a.FormBefore, a.NewForm, a.ResolvedOn, a.ResolutionNumber, a.ResolutionReason, a.Version);
}
