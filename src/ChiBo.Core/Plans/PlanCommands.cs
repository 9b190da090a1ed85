using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>What an import did, for the command line and the API.</summary>
public sealed record PlanImportResult(
    int PlanId, string Number, bool Replaced, int Indicators, int Tasks, int FanOutTasks, IReadOnlyList<string> Removed, IReadOnlyList<string> Warnings);

/// <summary>A unit's report on a task (<see cref="PlanTaskReport"/>).</summary>
public sealed record TaskProgress(
    PlanTaskStatus Status, int? Progress = null, int? Year = null, DateOnly? CompletedOn = null, string? EvidenceNumber = null,
    DateOnly? EvidenceDate = null, long? DocumentId = null, string? Note = null);

/// <summary>A plan, an indicator or a task the caller cannot see (or that does not exist).</summary>
public sealed class PlanNotFoundException(string what, string field = "id") : RuleViolationException(field, $"Không tìm thấy {what} trong phạm vi được xem.");

/// <summary>
/// The plans' commands, each checked against the caller's scope: the plan's owner (Plans.Write on
/// the plan's organization) imports and edits it; targets are allocated to a unit by whoever holds
/// Plans.Write on the unit above it; a unit reports on the tasks it leads and enters its manual
/// values (Plans.Report on it). Out of scope is "not found". Each command is one audited transaction.
/// </summary>
public sealed class PlanCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, PlanTaskPolicy? policy = null)
{
    private const string What = "Kế hoạch";
    private readonly PlanTaskPolicy _policy = policy ?? PlanTaskPolicy.Default;

    private DateOnly Today => clock.Today();

    /// <summary>
    /// Creates the plan, or — the same number in the same province — replaces its definitions:
    /// indicators matched by code and tasks by number are rewritten in place, so the values entered
    /// for them and the tasks' reports stay; indicators and tasks no longer in the file are removed
    /// with their values and reports (listed in <see cref="PlanImportResult.Removed"/>); allocations are
    /// replaced for the indicators whose entry lists them and kept for the others.
    /// </summary>
    public Task<PlanImportResult> ImportAsync(PlanDefinition file, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var org = await OrgAsync(file.Org, "plan.org", ct);
            RequireWrite(org, "plan.org", $"Không có quyền lập kế hoạch cho {org.Name}.");
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.ProvinceId == org.ProvinceId && p.Number == file.Number, ct);
            var replaced = plan is not null;
            if (plan is not null && plan.OrganizationId != org.Id)
            {
                var owner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganizationId, ct);
                RequireWrite(owner, "plan.org", $"Kế hoạch số {plan.Number} đã có, của {owner.Name}.");
            }

            int? parentId = null;
            if (file.Parent is { } parentNumber)
            {
                parentId = await db.Plans.Where(p => p.ProvinceId == org.ProvinceId && p.Number == parentNumber).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
                    ?? throw new RuleViolationException("plan.parent", $"Kế hoạch, trường \"parent\": không có kế hoạch số \"{parentNumber}\".");
            }

            var allocationOrgs = await AllocationOrgsAsync(file, org, ct);
            var now = clock.GetUtcNow();
            plan ??= db.Plans.Add(new Plan { Number = file.Number, Title = file.Title, ImportedBy = actor, ProvinceId = org.ProvinceId }).Entity;
            plan.Kind = file.Kind;
            plan.Title = file.Title;
            plan.IssuedBy = file.IssuedBy;
            plan.IssuedOn = file.IssuedOn;
            plan.OrganizationId = org.Id;
            plan.From = file.From;
            plan.To = file.To;
            plan.MidTermReview = file.MidTermReview;
            plan.FinalReview = file.FinalReview;
            plan.ParentPlanId = parentId;
            plan.ImportedAt = now;
            plan.ImportedBy = actor;
            plan.Version++;
            await db.SaveChangesAsync(ct);

            var removed = new List<string>();
            await WriteIndicatorsAsync(plan, file, allocationOrgs, now, removed, ct);
            var fanned = await WriteTasksAsync(plan, org, file.Tasks, removed, ct);
            var warnings = await PlanQueries.AllocationWarningsAsync(db, plan.Id, ct);
            return new PlanImportResult(plan.Id, plan.Number, replaced, file.Indicators.Count, file.Tasks.Count, fanned, removed, warnings);
        }, ct);

    /// <summary>Replaces the task list of a plan from an annex table (<see cref="AnnexTable"/>); the indicators stay.</summary>
    public Task<PlanImportResult> ImportAnnexAsync(string planNumber, string annexText, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var tasks = AnnexTable.Parse(annexText);
            var plan = await PlanAsync(planNumber, ct);
            var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganizationId, ct);
            RequireWrite(org, "plan", $"Không có quyền sửa kế hoạch số {plan.Number}.");
            var removed = new List<string>();
            var fanned = await WriteTasksAsync(plan, org, tasks, removed, ct);
            plan.Version++;
            await db.SaveChangesAsync(ct);
            var indicators = await db.PlanIndicators.CountAsync(i => i.PlanId == plan.Id, ct);
            return new PlanImportResult(plan.Id, plan.Number, true, indicators, tasks.Count, fanned, removed, []);
        }, ct);

    /// <summary>Gives a unit its target for an indicator (a year, or every year): the level above the unit decides.</summary>
    public Task<IndicatorAllocation> AllocateAsync(
        string planNumber, string code, string orgCode, int? year, decimal target, decimal? targetHigh, string? source, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var plan = await PlanAsync(planNumber, ct);
            var indicator = await IndicatorAsync(plan, code, ct);
            var unit = await UnitOfPlanAsync(plan, orgCode, "org", ct);
            var decider = unit.Id == plan.OrganizationId || unit.ParentId is null
                ? unit
                : await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == unit.ParentId, ct);
            RequireWrite(decider, "org", $"Chỉ cấp ủy cấp trên của {unit.Name} giao chỉ tiêu cho đơn vị này.");
            CheckYear(indicator, year, "year");
            CheckTarget(indicator, target, targetHigh);
            var row = await db.IndicatorAllocations.FirstOrDefaultAsync(a => a.IndicatorId == indicator.Id && a.OrganizationId == unit.Id && a.Year == year, ct);
            row ??= db.IndicatorAllocations.Add(new IndicatorAllocation { ProvinceId = plan.ProvinceId, IndicatorId = indicator.Id, OrganizationId = unit.Id, Year = year, SetBy = actor }).Entity;
            row.Target = target;
            row.TargetHigh = indicator.Operator == ComparisonOperator.Between ? targetHigh : null;
            row.Source = Clean(source);
            row.SetBy = actor;
            row.SetAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return row;
        }, ct);

    /// <summary>Enters the value of a manual indicator for a unit and a year, with its source; a later entry replaces it.</summary>
    public Task<IndicatorEntry> EnterValueAsync(
        string planNumber, string code, string orgCode, int year, long numerator, long? denominator, string? source, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var plan = await PlanAsync(planNumber, ct);
            var indicator = await IndicatorAsync(plan, code, ct);
            var unit = await UnitOfPlanAsync(plan, orgCode, "org", ct);
            if (!caller.Can(Operation.PlansReport, Subtree.Of(unit)))
            {
                throw new PlanNotFoundException($"tổ chức \"{orgCode}\"");
            }

            Rules.Check(
                new IndicatorIsManual(indicator),
                new ValueIsCounted("Numerator", "Tử số", numerator),
                new DenominatorFitsIndicator(indicator, denominator),
                new SourceIsGiven(Clean(source)));
            CheckYear(indicator, year, "Year");
            var row = await db.IndicatorEntries.FirstOrDefaultAsync(e => e.IndicatorId == indicator.Id && e.OrganizationId == unit.Id && e.Year == year, ct);
            row ??= db.IndicatorEntries.Add(new IndicatorEntry
            {
                ProvinceId = plan.ProvinceId, IndicatorId = indicator.Id, OrganizationId = unit.Id, Year = year, Source = "", EnteredBy = actor,
            }).Entity;
            row.Numerator = numerator;
            row.Denominator = denominator;
            row.Source = Clean(source)!;
            row.EnteredBy = actor;
            row.EnteredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return row;
        }, ct);

    /// <summary>
    /// A unit reports on a task it leads: status, progress and the evidence (the document that
    /// delivers the output). A yearly or milestone task is reported per year; a task handed to
    /// every direct unit is reported by each unit on its own part.
    /// </summary>
    public Task<PlanTaskReport> ReportTaskAsync(int taskId, TaskProgress input, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var task = await db.PlanTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new PlanNotFoundException("nhiệm vụ");
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == task.PlanId, ct);
            var leadId = task.LeadOrganizationId ?? plan.OrganizationId;
            var lead = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == leadId, ct);
            if (!caller.Can(Operation.PlansReport, Subtree.Of(lead)))
            {
                throw new PlanNotFoundException("nhiệm vụ");
            }

            var deadline = Deadline.Parse(task.Deadline);
            int? year = deadline.PerYear ? input.Year ?? Today.Year : null;
            var completed = input.Status == PlanTaskStatus.Done ? input.CompletedOn ?? Today : (DateOnly?)null;
            Rules.Check(
                new TaskIsNotSharedOut(task),
                new TaskYearIsAnOccurrence(deadline, year, plan),
                new ProgressIsAPercentage(input.Progress),
                new DoneTaskHasEvidence(input),
                new DateIsNotInTheFuture("CompletedOn", "Ngày hoàn thành", completed ?? Today, Today),
                new DateIsNotInTheFuture("EvidenceDate", "Ngày văn bản minh chứng", input.EvidenceDate ?? Today, Today));
            if (input.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId && (d.ProvinceId == null || d.ProvinceId == plan.ProvinceId), ct))
            {
                throw new RuleViolationException("DocumentId", $"Không có văn bản mã số {documentId} trong thư viện tài liệu.");
            }

            var report = new PlanTaskReport
            {
                ProvinceId = plan.ProvinceId, TaskId = task.Id, Year = year, Status = input.Status,
                Progress = input.Status switch
                {
                    PlanTaskStatus.Done => 100,
                    PlanTaskStatus.NotStarted => 0,
                    _ => input.Progress ?? 0,
                },
                ReportedOn = Today, CompletedOn = completed, EvidenceNumber = Clean(input.EvidenceNumber), EvidenceDate = input.EvidenceDate,
                DocumentId = input.DocumentId, Note = Clean(input.Note), ReportedBy = actor, ReportedAt = clock.GetUtcNow(),
            };
            db.PlanTaskReports.Add(report);
            await db.SaveChangesAsync(ct);
            return report;
        }, ct);

    private async Task WriteIndicatorsAsync(
        Plan plan, PlanDefinition file, IReadOnlyDictionary<string, Organization> allocationOrgs, DateTimeOffset now, List<string> removed, CancellationToken ct)
    {
        var existing = await db.PlanIndicators.Where(i => i.PlanId == plan.Id).ToListAsync(ct);
        foreach (var gone in existing.Where(i => file.Indicators.All(d => d.Code != i.Code)))
        {
            db.PlanIndicators.Remove(gone);
            removed.Add("chỉ tiêu " + gone.Code);
        }

        for (var n = 0; n < file.Indicators.Count; n++)
        {
            var d = file.Indicators[n];
            var row = existing.FirstOrDefault(i => i.Code == d.Code)
                ?? db.PlanIndicators.Add(new PlanIndicator { ProvinceId = plan.ProvinceId, PlanId = plan.Id, Code = d.Code, Text = d.Text }).Entity;
            row.Order = n + 1;
            row.Text = d.Text;
            row.Source = d.Source;
            row.Unit = d.Unit;
            row.Numerator = d.Numerator?.ToString();
            row.Denominator = d.Denominator?.ToString();
            row.Factor = d.Factor;
            row.Operator = d.Operator;
            row.Target = d.Target;
            row.TargetHigh = d.TargetHigh;
            row.Period = d.Period;
            row.FromYear = d.FromYear;
            row.ToYear = d.ToYear;
            row.Direction = d.Direction;
            row.AtRisk = d.AtRisk;
            row.AtRiskHigh = d.AtRiskHigh;
            row.Levels = d.Levels;
            row.Manual = d.Manual;
        }

        await db.SaveChangesAsync(ct);
        var rows = await db.PlanIndicators.Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Code, ct);
        foreach (var d in file.Indicators.Where(d => d.Allocations is not null))
        {
            var indicator = rows[d.Code];
            db.IndicatorAllocations.RemoveRange(await db.IndicatorAllocations.Where(a => a.IndicatorId == indicator.Id).ToListAsync(ct));
            foreach (var a in d.Allocations!)
            {
                db.IndicatorAllocations.Add(new IndicatorAllocation
                {
                    ProvinceId = plan.ProvinceId, IndicatorId = indicator.Id, OrganizationId = allocationOrgs[a.Org].Id, Year = a.Year,
                    Target = a.Target, TargetHigh = a.TargetHigh, Source = a.Source, SetBy = actor, SetAt = now,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Tasks by number, rewritten in place (their reports stay); a task led by every direct unit gets one child per unit.</summary>
    private async Task<int> WriteTasksAsync(Plan plan, Organization org, IReadOnlyList<TaskDefinition> tasks, List<string> removed, CancellationToken ct)
    {
        var existing = await db.PlanTasks.Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        var parents = existing.Where(t => t.ParentTaskId is null).ToList();
        foreach (var gone in parents.Where(t => tasks.All(d => d.No != t.No)))
        {
            db.PlanTasks.RemoveRange(existing.Where(c => c.ParentTaskId == gone.Id));
            db.PlanTasks.Remove(gone);
            removed.Add($"nhiệm vụ {gone.No}");
        }

        await db.SaveChangesAsync(ct);
        var units = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == org.Id && o.DissolvedOn == null).OrderBy(o => o.Path).ToListAsync(ct);
        var fanned = 0;
        foreach (var d in tasks)
        {
            var task = parents.FirstOrDefault(t => t.No == d.No)
                ?? db.PlanTasks.Add(new PlanTask { ProvinceId = plan.ProvinceId, PlanId = plan.Id, No = d.No, Content = d.Content }).Entity;
            Fill(task, d);
            task.FansOut = FansOut(d.Lead) && units.Count > 0;
            task.DeadlineKind = Deadline.Parse(d.Deadline).Kind;
            task.Version++;
            await db.SaveChangesAsync(ct);

            var children = existing.Where(c => c.ParentTaskId == task.Id).ToList();
            List<Organization> keep = task.FansOut ? units : [];
            db.PlanTasks.RemoveRange(children.Where(c => keep.All(u => u.Id != c.LeadOrganizationId)));
            foreach (var unit in keep)
            {
                var child = children.FirstOrDefault(c => c.LeadOrganizationId == unit.Id)
                    ?? db.PlanTasks.Add(new PlanTask { ProvinceId = plan.ProvinceId, PlanId = plan.Id, ParentTaskId = task.Id, No = d.No, Content = d.Content }).Entity;
                Fill(child, d);
                child.Lead = unit.Name;
                child.LeadOrganizationId = unit.Id;
                child.DeadlineKind = task.DeadlineKind;
                child.Version++;
                fanned++;
            }

            await db.SaveChangesAsync(ct);
        }

        return fanned;
    }

    private static void Fill(PlanTask task, TaskDefinition d)
    {
        task.Content = d.Content;
        task.Lead = d.Lead;
        task.Partners = d.Partners.Count == 0 ? null : string.Join('\n', d.Partners);
        task.Deadline = d.Deadline;
        task.ResponsibleHead = d.ResponsibleHead;
        task.ResponsibleCollective = d.ResponsibleCollective;
        task.Authority = d.Authority;
        task.Output = d.Output;
        task.IndicatorCodes = d.Indicators.Count == 0 ? null : string.Join(',', d.Indicators);
    }

    /// <summary>"Các Đảng ủy trực thuộc Tỉnh ủy" (000:280), "các cấp ủy trực thuộc", "each direct committee": one task per direct unit.</summary>
    public static bool FansOut(string? lead)
    {
        if (string.IsNullOrWhiteSpace(lead))
        {
            return false;
        }

        var f = VietnameseText.Fold(lead);
        return f.StartsWith("cac dang uy truc thuoc", StringComparison.Ordinal) || f.StartsWith("cac cap uy truc thuoc", StringComparison.Ordinal)
            || f.StartsWith("moi dang uy truc thuoc", StringComparison.Ordinal) || f.StartsWith("tung dang uy truc thuoc", StringComparison.Ordinal)
            || f is "each direct committee" or "every direct committee" or "each direct unit";
    }

    private async Task<Dictionary<string, Organization>> AllocationOrgsAsync(PlanDefinition file, Organization planOrg, CancellationToken ct)
    {
        var result = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var d in file.Indicators.Where(d => d.Allocations is not null))
        {
            for (var n = 0; n < d.Allocations!.Count; n++)
            {
                var a = d.Allocations[n];
                if (result.ContainsKey(a.Org))
                {
                    continue;
                }

                var field = $"indicators[{d.Code}].allocations[{n + 1}].org";
                var unit = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == a.Org, ct);
                if (unit is null || unit.ProvinceId != planOrg.ProvinceId || !Subtree.Of(planOrg).Contains(unit.Path))
                {
                    throw new RuleViolationException(field, $"Chỉ tiêu \"{d.Code}\", trường \"allocations\": không có tổ chức mã \"{a.Org}\" thuộc {planOrg.Name}.");
                }

                if (a.Year is { } y && (y < d.FromYear || y > d.ToYear))
                {
                    throw new RuleViolationException(field, $"Chỉ tiêu \"{d.Code}\", trường \"allocations\": năm {y} ngoài thời gian của chỉ tiêu ({d.FromYear}–{d.ToYear}).");
                }

                result[a.Org] = unit;
            }
        }

        return result;
    }

    private async Task<Organization> OrgAsync(string codeOrRoot, string field, CancellationToken ct)
    {
        var lookup = await SubtreeQueries.FindAsync(db, codeOrRoot, ct);
        if (!lookup.Found || (lookup.Organization is { } o && !caller.Can(Operation.ReportsRead, Subtree.Of(o)) && !caller.Can(Operation.PlansWrite, Subtree.Of(o))))
        {
            throw new PlanNotFoundException($"tổ chức đảng mã \"{codeOrRoot}\" (kế hoạch, trường \"org\")", field);
        }

        return lookup.Organization
            ?? throw new RuleViolationException(field, "Kế hoạch, trường \"org\": sổ đăng ký có nhiều tỉnh, hãy ghi mã đảng bộ tỉnh thay cho \"root\".");
    }

    private void RequireWrite(Organization org, string field, string message)
    {
        if (!caller.Can(Operation.PlansWrite, Subtree.Of(org)))
        {
            throw new RuleViolationException(field, message);
        }
    }

    /// <summary>A plan the caller can see (its organization, or one of its subtrees inside or above it).</summary>
    private async Task<Plan> PlanAsync(string number, CancellationToken ct)
    {
        var candidates = await db.Plans.Where(p => p.Number == number.Trim())
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { Plan = p, o.ProvinceId, o.Path })
            .ToListAsync(ct);
        var visible = candidates.FirstOrDefault(c => caller.Roles.Any(r => OrgScope.Covers(r.Subtree, new Subtree(c.ProvinceId, c.Path))
                                                                             || OrgScope.Covers(new Subtree(c.ProvinceId, c.Path), r.Subtree)));
        return visible?.Plan ?? throw new PlanNotFoundException($"kế hoạch số \"{number}\"");
    }

    private async Task<PlanIndicator> IndicatorAsync(Plan plan, string code, CancellationToken ct) =>
        await db.PlanIndicators.AsNoTracking().FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.Code == code.Trim(), ct)
        ?? throw new PlanNotFoundException($"chỉ tiêu \"{code}\" của kế hoạch số {plan.Number}");

    /// <summary>A unit inside the plan's organization's subtree (the organization included).</summary>
    private async Task<Organization> UnitOfPlanAsync(Plan plan, string code, string field, CancellationToken ct)
    {
        var planOrg = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganizationId, ct);
        var unit = code.Trim().Equals("root", StringComparison.OrdinalIgnoreCase)
            ? planOrg
            : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code.Trim(), ct);
        if (unit is null || unit.ProvinceId != planOrg.ProvinceId || !Subtree.Of(planOrg).Contains(unit.Path))
        {
            throw new RuleViolationException(field, $"Không có tổ chức mã \"{code}\" thuộc {planOrg.Name}.");
        }

        return unit;
    }

    private static void CheckYear(PlanIndicator indicator, int? year, string field)
    {
        if (year is { } y && (y < indicator.FromYear || y > indicator.ToYear))
        {
            throw new RuleViolationException(field, $"Năm {y} ngoài thời gian của chỉ tiêu {indicator.Code} ({indicator.FromYear}–{indicator.ToYear}).");
        }
    }

    private static void CheckTarget(PlanIndicator indicator, decimal target, decimal? high)
    {
        if (target < 0)
        {
            throw new RuleViolationException("target", "Chỉ tiêu giao không được âm.");
        }

        if (indicator.Operator == ComparisonOperator.Between && (high is null || high < target))
        {
            throw new RuleViolationException("targetHigh", $"Chỉ tiêu {indicator.Code} là một khoảng: cần cận trên không nhỏ hơn cận dưới.");
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Clean(s);
}

public sealed record IndicatorIsManual(PlanIndicator Indicator) : IRule
{
    public string Field => "code";
    public string Message => $"Chỉ tiêu {Indicator.Code} được tính từ sổ đăng ký; chỉ nhập tay các chỉ tiêu \"manual\".";
    public bool IsBroken() => !Indicator.Manual;
}

public sealed record ValueIsCounted(string Field, string Label, long Value) : IRule
{
    public string Message => $"{Label} phải là số nguyên không âm.";
    public bool IsBroken() => Value < 0;
}

/// <summary>A ratio (factor other than 1, or a denominator in the definition) needs its denominator; a count has none.</summary>
public sealed record DenominatorFitsIndicator(PlanIndicator Indicator, long? Denominator) : IRule
{
    public string Field => "Denominator";

    public string Message => IsRatio
        ? $"Chỉ tiêu {Indicator.Code} là tỷ lệ: cần mẫu số lớn hơn 0."
        : $"Chỉ tiêu {Indicator.Code} là số lượng: không nhập mẫu số.";

    private bool IsRatio => Indicator.Denominator is not null || Indicator.Factor != 1;

    public bool IsBroken() => IsRatio ? Denominator is not > 0 : Denominator is not null;
}

public sealed record SourceIsGiven(string? Source) : IRule
{
    public string Field => "Source";
    public string Message => "Số liệu nhập tay cần ghi nguồn (báo cáo, văn bản, ngày).";
    public bool IsBroken() => Source is null;
}

public sealed record TaskIsNotSharedOut(PlanTask Task) : IRule
{
    public string Field => "TaskId";
    public string Message => $"Nhiệm vụ số {Task.No} giao cho từng đơn vị trực thuộc: mỗi đơn vị báo cáo phần việc của mình.";
    public bool IsBroken() => Task.FansOut;
}

public sealed record TaskYearIsAnOccurrence(Deadline Deadline, int? Year, Plan Plan) : IRule
{
    public string Field => "Year";

    public string Message => Deadline.Kind == DeadlineKind.Milestones
        ? $"Nhiệm vụ có mốc các năm {string.Join(", ", Deadline.MilestoneYears)}: báo cáo theo một trong các năm đó."
        : $"Năm {Year} ngoài thời gian của kế hoạch ({Plan.From.Year}–{Plan.To.Year}).";

    public bool IsBroken() => Year is { } y && (Deadline.Kind == DeadlineKind.Milestones
        ? !Deadline.MilestoneYears.Contains(y)
        : y < Plan.From.Year || y > Plan.To.Year);
}

public sealed record ProgressIsAPercentage(int? Progress) : IRule
{
    public string Field => "Progress";
    public string Message => "Tiến độ tính theo phần trăm, từ 0 đến 100.";
    public bool IsBroken() => Progress is < 0 or > 100;
}

/// <summary>"Rõ sản phẩm đầu ra cụ thể" (001:22): a task is done when its output exists, so saying so needs the evidence.</summary>
public sealed record DoneTaskHasEvidence(TaskProgress Input) : IRule
{
    public string Field => "EvidenceNumber";
    public string Message => "Nhiệm vụ hoàn thành cần minh chứng: số văn bản, tệp trong thư viện hoặc ghi chú về sản phẩm đầu ra.";

    public bool IsBroken() => Input.Status == PlanTaskStatus.Done
                              && string.IsNullOrWhiteSpace(Input.EvidenceNumber) && Input.DocumentId is null && string.IsNullOrWhiteSpace(Input.Note);
}
