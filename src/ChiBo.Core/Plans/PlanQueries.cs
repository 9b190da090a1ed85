using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>The contract of <c>chibo plan status</c> (and <c>GET /api/plans/status</c>).</summary>
public sealed record PlanStatusReport(string Org, int Year, IReadOnlyList<PlanStatusPlan> Plans);

public sealed record PlanStatusPlan(string Number, IReadOnlyList<IndicatorStatusLine> Indicators, IReadOnlyList<TaskStatusLine> Tasks);

/// <summary>
/// One indicator for the organization and year. <c>value</c> is numerator × factor ÷ denominator
/// rounded to 2 decimals for display (the status compares exactly); <c>missing</c> names the
/// measure the register cannot compute yet and why ("ratings.members.rated: …"), the value is
/// then null, never 0. <c>manual</c> marks a value entered by hand, <c>source</c> where it comes from.
/// </summary>
public sealed record IndicatorStatusLine(
    string Code, decimal? Value, long? Numerator, long? Denominator, object? Target, string Operator, string Status, string? Missing, bool Manual, string? Source);

/// <summary>A task of the plan for the year: <c>deadline</c> as the plan words it, <c>due</c> the date it resolves to.</summary>
public sealed record TaskStatusLine(int No, string Status, string? Deadline, bool Late, DateOnly? Due);

/// <summary>A plan in force, as listed.</summary>
public sealed record PlanSummary(
    int Id, string Number, string Kind, string Title, string? IssuedBy, DateOnly? IssuedOn, string Org, string OrgName,
    DateOnly From, DateOnly To, int? MidTermReview, int? FinalReview, string? Parent, int Indicators, int Tasks);

/// <summary>The task list of the plans in force for an organization.</summary>
public sealed record PlanTaskList(string Org, int Year, IReadOnlyList<PlanTasksOfPlan> Plans);

public sealed record PlanTasksOfPlan(int PlanId, string Number, string Title, IReadOnlyList<TaskLine> Tasks);

/// <summary>
/// A task with the six "rõ" (content; lead and partners; deadline; responsible head and collective;
/// authority; output), its state, evidence, linked indicators, the fields it lacks, and for a task
/// handed to every direct unit, the units' own lines.
/// </summary>
public sealed record TaskLine(
    int Id, int No, string Content, string? Lead, string? LeadOrg, IReadOnlyList<string> Partners, string? Deadline, string DeadlineKind,
    DateOnly? Due, string Status, int Progress, bool Late, string? ResponsibleHead, string? ResponsibleCollective, string? Authority,
    string? Output, IReadOnlyList<string> Indicators, IReadOnlyList<string> MissingFields, TaskEvidence? Evidence, IReadOnlyList<TaskLine> Units);

public sealed record TaskEvidence(string? Number, DateOnly? Date, long? DocumentId, string? Note, DateOnly? CompletedOn, DateOnly ReportedOn, string ReportedBy);

public static class PlanQueries
{
    /// <summary>
    /// Every plan in force for the organization in the year (issued for it or an organization above
    /// it), each indicator in force that applies to the organization's level, and each task.
    /// </summary>
    public static async Task<PlanStatusReport> StatusAsync(
        ChiBoDb db, OrgScope caller, OrgLookup lookup, int year, DateOnly today, IndicatorStatusPolicy? policy = null, PlanTaskPolicy? taskPolicy = null,
        CancellationToken ct = default, Func<PlanIndicator, bool>? which = null)
    {
        var org = Visible(caller, lookup);
        policy ??= IndicatorStatusPolicy.Default;
        var chain = Subtree.Ids(org.Path);
        var eval = await PlanEvaluation.LoadAsync(db, caller, org, year, year, [org.Id], ct);
        var indicators = eval.Indicators.Where(i => i.InForce(year) && PlanEvaluation.AppliesTo(i.Indicator, org.Kind) && (which?.Invoke(i.Indicator) ?? true)).ToList();
        var windows = indicators.ToDictionary(i => i.Indicator.Id, i => i.WindowFor(year, today));
        var results = await MeasureEngine.RunAsync(db, lookup, indicators.SelectMany(i => i.Wanted(windows[i.Indicator.Id])), today, byUnit: false, ct);
        var tasks = await TaskStatesAsync(db, eval.Plans, org, year, today, taskPolicy ?? PlanTaskPolicy.Default, ct);
        var plans = eval.Plans.Select(plan => new PlanStatusPlan(
            plan.Number,
            indicators.Where(i => i.Plan.Id == plan.Id).Select(i =>
            {
                var r = eval.Evaluate(i, windows[i.Indicator.Id], org.Id, chain, year, results.Total, policy);
                return Line(i, r);
            }).ToList(),
            tasks.Where(t => t.Task.PlanId == plan.Id)
                .Select(t => new TaskStatusLine(t.Task.No, TaskState.NameOf(t.State.Status), t.Task.Deadline, t.State.Late, t.State.Due)).ToList()))
            .ToList();
        return new PlanStatusReport(org.Code, year, plans);
    }

    private static IndicatorStatusLine Line(LoadedIndicator i, IndicatorResult r) => new(
        i.Indicator.Code, r.Value, r.Numerator, r.Denominator, r.Target?.Json, IndicatorTarget.Symbol(i.Indicator.Operator),
        IndicatorStatusNames.Of(r.Status), r.Missing, i.Indicator.Manual, r.Source);

    /// <summary>The plan's own target of an indicator; null when it leaves the target to allocations.</summary>
    internal static IndicatorTarget? Target(PlanIndicator i) =>
        i.Target is { } t ? new(i.Operator, t, i.TargetHigh, i.AtRisk, i.AtRiskHigh, i.Direction) : null;

    /// <summary>The plans in force for an organization in a year.</summary>
    public static async Task<IReadOnlyList<PlanSummary>> PlansAsync(ChiBoDb db, OrgScope caller, OrgLookup lookup, int year, CancellationToken ct = default)
    {
        var org = Visible(caller, lookup);
        var eval = await PlanEvaluation.LoadAsync(db, caller, org, year, year, [], ct);
        var orgIds = eval.Plans.Select(p => p.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var parentIds = eval.Plans.Where(p => p.ParentPlanId is not null).Select(p => p.ParentPlanId!.Value).ToList();
        var parents = await db.Plans.AsNoTracking().Where(p => parentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, ct);
        var planIds = eval.Plans.Select(p => p.Id).ToList();
        var taskCounts = await db.PlanTasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.ParentTaskId == null)
            .GroupBy(t => t.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return eval.Plans.Select(p => new PlanSummary(
            p.Id, p.Number, PlanFile.VietnameseOf(p.Kind), p.Title, p.IssuedBy, p.IssuedOn, orgs[p.OrganizationId].Code, orgs[p.OrganizationId].Name,
            p.From, p.To, p.MidTermReview, p.FinalReview, p.ParentPlanId is { } pp ? parents.GetValueOrDefault(pp) : null,
            eval.Indicators.Count(i => i.Plan.Id == p.Id), taskCounts.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>
    /// The task lists of the plans in force for the organization: for the plan's own organization
    /// every task, with the units' lines of a fanned-out task; for a unit below, the tasks with its
    /// own line (or its units' lines inside its subtree) in place of the rest.
    /// </summary>
    public static async Task<PlanTaskList> TasksAsync(
        ChiBoDb db, OrgScope caller, OrgLookup lookup, int year, DateOnly today, PlanTaskPolicy? policy = null, CancellationToken ct = default)
    {
        var org = Visible(caller, lookup);
        policy ??= PlanTaskPolicy.Default;
        var eval = await PlanEvaluation.LoadAsync(db, caller, org, year, year, [], ct);
        var planIds = eval.Plans.Select(p => p.Id).ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId)).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var reports = (await db.PlanTaskReports.AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).ToListAsync(ct)).ToLookup(r => r.TaskId);
        var leadIds = tasks.Where(t => t.LeadOrganizationId is not null).Select(t => t.LeadOrganizationId!.Value).Distinct().ToList();
        var leads = await db.Organizations.AsNoTracking().Where(o => leadIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var subtree = Subtree.Of(org);
        var plans = eval.Plans.Select(plan =>
        {
            TaskLine LineOf(PlanTask t, TaskState state, IReadOnlyList<TaskLine> units)
            {
                var latest = state.Latest;
                return new TaskLine(
                    t.Id, t.No, t.Content, t.Lead, t.LeadOrganizationId is { } l ? leads[l].Code : null, t.PartnerList, t.Deadline,
                    Deadline.Parse(t.Deadline).Kind.ToString(), state.Due, TaskState.NameOf(state.Status), state.Progress, state.Late,
                    t.ResponsibleHead, t.ResponsibleCollective, t.Authority, t.Output, t.IndicatorList, t.MissingFields(),
                    latest is null ? null : new TaskEvidence(latest.EvidenceNumber, latest.EvidenceDate, latest.DocumentId, latest.Note, latest.CompletedOn, latest.ReportedOn, latest.ReportedBy),
                    units);
            }

            var lines = new List<TaskLine>();
            foreach (var t in tasks.Where(t => t.PlanId == plan.Id && t.ParentTaskId is null).OrderBy(t => t.No))
            {
                if (!t.FansOut)
                {
                    lines.Add(LineOf(t, TaskState.Of(t, plan, reports[t.Id], year, today, policy), []));
                    continue;
                }

                // The units' own lines: all of them at the plan's level, those inside the subtree below it,
                // and the one unit above the organization (its own part) when the organization sits deeper.
                var children = tasks.Where(c => c.ParentTaskId == t.Id && c.LeadOrganizationId is { } l
                        && (subtree.Contains(leads[l].Path) || Subtree.Of(leads[l]).Contains(org.Path)))
                    .OrderBy(c => leads[c.LeadOrganizationId!.Value].Path).ToList();
                var states = children.Select(c => (Task: c, State: TaskState.Of(c, plan, reports[c.Id], year, today, policy))).ToList();
                var due = Deadline.Parse(t.Deadline).DueFor(year, plan.IssuedOn ?? plan.From, policy);
                lines.Add(LineOf(t, TaskState.Combine(due, states.Select(s => s.State).ToList()),
                    states.Select(s => LineOf(s.Task, s.State, [])).ToList()));
            }

            return new PlanTasksOfPlan(plan.Id, plan.Number, plan.Title, lines);
        }).ToList();
        return new PlanTaskList(org.Code, year, plans);
    }

    /// <summary>The top-level tasks of the plans with their state as the organization sees it (its own part of a fanned-out task).</summary>
    internal static async Task<IReadOnlyList<(PlanTask Task, TaskState State)>> TaskStatesAsync(
        ChiBoDb db, IReadOnlyList<Plan> plans, Organization org, int year, DateOnly today, PlanTaskPolicy policy, CancellationToken ct)
    {
        var list = await TasksAsync(db, OrgScope.System, new OrgLookup(true, org), year, today, policy, ct);
        var byId = await TaskRowsAsync(db, plans.Select(p => p.Id).ToList(), ct);
        return list.Plans.SelectMany(p => p.Tasks).Select(line => (byId[line.Id], StateOf(line))).ToList();
    }

    private static async Task<Dictionary<int, PlanTask>> TaskRowsAsync(ChiBoDb db, List<int> planIds, CancellationToken ct) =>
        await db.PlanTasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && t.ParentTaskId == null).ToDictionaryAsync(t => t.Id, ct);

    /// <summary>A fanned-out task seen from a unit below the plan's organization is that unit's own part.</summary>
    private static TaskState StateOf(TaskLine line)
    {
        var own = line.Units.Count == 1 ? line.Units[0] : line;
        return new TaskState(
            own.Status switch
            {
                "done" => PlanTaskStatus.Done,
                "inProgress" => PlanTaskStatus.InProgress,
                _ => PlanTaskStatus.NotStarted,
            },
            own.Progress, own.Due, own.Late, null);
    }

    /// <summary>
    /// Count targets allocated to the units below an organization that add up to less than the
    /// organization's own target, per indicator and year (PLAN-SPEC §2.2).
    /// </summary>
    public static async Task<IReadOnlyList<string>> AllocationWarningsAsync(ChiBoDb db, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var indicators = await db.PlanIndicators.AsNoTracking().Where(i => i.PlanId == planId && i.Denominator == null && !i.Manual).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var allocations = await db.IndicatorAllocations.AsNoTracking().Where(a => ids.Contains(a.IndicatorId)).ToListAsync(ct);
        if (allocations.Count == 0)
        {
            return [];
        }

        var orgIds = allocations.Select(a => a.OrganizationId).Append(plan.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var warnings = new List<string>();
        foreach (var indicator in indicators)
        {
            var mine = allocations.Where(a => a.IndicatorId == indicator.Id).ToList();
            decimal? TargetOf(int org, int year) =>
                (mine.FirstOrDefault(a => a.OrganizationId == org && a.Year == year) ?? mine.FirstOrDefault(a => a.OrganizationId == org && a.Year == null))?.Target
                ?? (org == plan.OrganizationId ? indicator.Target : null);

            var byParent = mine.Where(a => orgs[a.OrganizationId].ParentId is not null).GroupBy(a => orgs[a.OrganizationId].ParentId!.Value);
            foreach (var group in byParent)
            {
                var shortfalls = new List<(int Year, decimal Sum, decimal Target)>();
                IEnumerable<int> years = indicator.Period == IndicatorPeriod.Term ? [indicator.ToYear] : Enumerable.Range(indicator.FromYear, indicator.ToYear - indicator.FromYear + 1);
                foreach (var year in years)
                {
                    var parentTarget = TargetOf(group.Key, year);
                    var children = group.Select(a => a.OrganizationId).Distinct().Select(o => TargetOf(o, year)).Where(t => t is not null).ToList();
                    if (parentTarget is { } target && children.Count > 0 && children.Sum()!.Value < target)
                    {
                        shortfalls.Add((year, children.Sum()!.Value, target));
                    }
                }

                foreach (var same in shortfalls.GroupBy(s => (s.Sum, s.Target)))
                {
                    var parentName = orgs.TryGetValue(group.Key, out var p) ? p.Name : await db.Organizations.Where(o => o.Id == group.Key).Select(o => o.Name).SingleAsync(ct);
                    var when = indicator.Period == IndicatorPeriod.Term ? "cả nhiệm kỳ" : "năm " + string.Join(", ", same.Select(s => s.Year.ToString(CultureInfo.InvariantCulture)));
                    warnings.Add($"Chỉ tiêu {indicator.Code}, {when}: tổng chỉ tiêu giao cho các đơn vị trực thuộc {parentName} là {Number(same.Key.Sum)}, thấp hơn chỉ tiêu {Number(same.Key.Target)} của {parentName}.");
                }
            }
        }

        return warnings;
    }

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The organization if the caller may read reports on it; "not found" otherwise.</summary>
    internal static Organization Visible(OrgScope caller, OrgLookup lookup)
    {
        if (!lookup.Found || lookup.Organization is not { } org)
        {
            throw new PlanNotFoundException("tổ chức đảng (sổ đăng ký có nhiều tỉnh: hãy chọn mã đảng bộ tỉnh)", "org");
        }

        return caller.Can(Operation.ReportsRead, Subtree.Of(org)) ? org : throw new PlanNotFoundException($"tổ chức đảng mã \"{org.Code}\"", "org");
    }
}
