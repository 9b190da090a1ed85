using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Notifications;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Plans;

/// <summary>
/// Reminders of plan tasks in the committees' inboxes (<see cref="Inbox"/>): a task not done is
/// announced to the committee that leads it <see cref="PlanTaskPolicy.RemindDaysBefore"/> days before
/// its due date, and once more when the date has passed. Each is sent once per due date
/// (<see cref="PlanTaskReminder"/>). Run daily (<c>chibo plan remind</c>).
/// </summary>
public static class PlanReminders
{
    /// <summary>The page of a task in the plans' pages.</summary>
    public static string Link(int taskId) => "/ke-hoach/nhiem-vu/" + taskId.ToString(CultureInfo.InvariantCulture);

    public static Task<int> SendAsync(ChiBoDb db, TimeProvider clock, PlanTaskPolicy? policy = null, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Nhắc việc kế hoạch", async () =>
        {
            policy ??= PlanTaskPolicy.Default;
            var today = clock.Today();
            var now = clock.GetUtcNow();
            var plans = await db.Plans.AsNoTracking().Where(p => p.From <= today && p.To >= today).ToListAsync(ct);
            var planIds = plans.Select(p => p.Id).ToList();
            var tasks = await db.PlanTasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && !t.FansOut).ToListAsync(ct);
            var taskIds = tasks.Select(t => t.Id).ToList();
            var reports = (await db.PlanTaskReports.AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).ToListAsync(ct)).ToLookup(r => r.TaskId);
            var sent = (await db.PlanTaskReminders.AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).ToListAsync(ct))
                .Select(r => (r.TaskId, r.Due, r.Overdue)).ToHashSet();
            var orgIds = tasks.Select(t => t.LeadOrganizationId).OfType<int>().Concat(plans.Select(p => p.OrganizationId)).Distinct().ToList();
            var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            var byPlan = plans.ToDictionary(p => p.Id);
            var count = 0;
            foreach (var task in tasks)
            {
                var plan = byPlan[task.PlanId];
                var state = TaskState.Of(task, plan, reports[task.Id], today.Year, today, policy);
                if (state.Status == PlanTaskStatus.Done || state.Due is not { } due)
                {
                    continue;
                }

                var overdue = today > due;
                if ((!overdue && today < due.AddDays(-policy.RemindDaysBefore)) || !sent.Add((task.Id, due, overdue)))
                {
                    continue;
                }

                var org = orgs[task.LeadOrganizationId ?? plan.OrganizationId];
                var what = $"Nhiệm vụ {task.No} của {PlanFile.VietnameseOf(plan.Kind).ToLowerInvariant()} số {plan.Number}: {Short(task.Content)}";
                var title = overdue ? $"{what} — quá hạn từ {Rules.Date(due)}." : $"{what} — đến hạn ngày {Rules.Date(due)}.";
                Inbox.ToCommittee(db, org.ProvinceId, org.Id, org.Path, RoleOf(org.Kind), title, Link(task.Id), now);
                db.PlanTaskReminders.Add(new PlanTaskReminder { ProvinceId = org.ProvinceId, TaskId = task.Id, Due = due, Overdue = overdue, SentAt = now });
                count++;
            }

            await db.SaveChangesAsync(ct);
            return count;
        }, ct);

    /// <summary>The role whose inbox is the organization's committee's.</summary>
    public static Role RoleOf(OrgKind kind) => kind switch
    {
        OrgKind.Province => Role.ProvinceBoard,
        OrgKind.SuperiorToBase => Role.SuperiorCommittee,
        OrgKind.Cell => Role.CellCommittee,
        _ => Role.BaseCommittee,
    };

    private static string Short(string content)
    {
        var first = content.Split('\n')[0];
        return first.Length <= 120 ? first : first[..119] + "…";
    }
}
