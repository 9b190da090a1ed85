namespace ChiBo.Plans;

/// <summary>Where a task stands for a year: its latest report, the due date of the occurrence, and whether it is late.</summary>
public sealed record TaskState(PlanTaskStatus Status, int Progress, DateOnly? Due, bool Late, PlanTaskReport? Latest)
{
    public static string NameOf(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Done => "done",
        PlanTaskStatus.InProgress => "inProgress",
        _ => "notStarted",
    };

    public static string VietnameseOf(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Done => "Hoàn thành",
        PlanTaskStatus.InProgress => "Đang thực hiện",
        _ => "Chưa thực hiện",
    };

    /// <summary>
    /// A task's state for <paramref name="year"/>, as of <paramref name="today"/>:
    /// <list type="bullet">
    /// <item>a yearly or milestone task is judged on that year's occurrence (its reports for it);
    /// the others on their latest report;</item>
    /// <item>a task with a due date is late when it is not done by then, or was done after it;</item>
    /// <item>a continuous, on-guidance or free-text task has no due date: it is due for review
    /// <see cref="PlanTaskPolicy.ReviewMonths"/> after the plan was issued or its last report, and
    /// late when that passes without a report.</item>
    /// </list>
    /// </summary>
    public static TaskState Of(PlanTask task, Plan plan, IEnumerable<PlanTaskReport> reports, int year, DateOnly today, PlanTaskPolicy policy)
    {
        var deadline = Deadline.Parse(task.Deadline);
        var issued = plan.IssuedOn ?? plan.From;
        var occurrence = deadline.OccurrenceYear(year);
        var relevant = deadline.PerYear ? reports.Where(r => r.Year == occurrence) : reports;
        var latest = relevant.MaxBy(r => r.Id);
        var status = latest?.Status ?? PlanTaskStatus.NotStarted;
        var progress = latest?.Progress ?? 0;
        if (deadline.Reviewed)
        {
            var since = latest is null || latest.ReportedOn < issued ? issued : latest.ReportedOn;
            var review = since.AddMonths(policy.ReviewMonths);
            return new TaskState(status, progress, review, status != PlanTaskStatus.Done && today > review, latest);
        }

        var due = deadline.DueFor(year, issued, policy);
        var late = due is { } d && (status == PlanTaskStatus.Done
            ? (latest!.CompletedOn ?? latest.ReportedOn) > d
            : today > d);
        return new TaskState(status, progress, due, late, latest);
    }

    /// <summary>A task handed to every direct unit: done when all are, begun when any is, late when any is.</summary>
    public static TaskState Combine(DateOnly? due, IReadOnlyList<TaskState> units)
    {
        if (units.Count == 0)
        {
            return new TaskState(PlanTaskStatus.NotStarted, 0, due, false, null);
        }

        var status = units.All(u => u.Status == PlanTaskStatus.Done) ? PlanTaskStatus.Done
            : units.Any(u => u.Status != PlanTaskStatus.NotStarted) ? PlanTaskStatus.InProgress
            : PlanTaskStatus.NotStarted;
        return new TaskState(status, (int)Math.Round(units.Average(u => u.Progress)), units.Min(u => u.Due) ?? due, units.Any(u => u.Late), null);
    }
}
