using System.Linq.Expressions;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Procedures;

/// <summary>One line of a list of requests: whose, what, where it waits and whether it is late.</summary>
public sealed record ProcedureRow(
    int Id, int MemberId, string MemberName, string CellCode, ProcedureKind Kind, string KindName, ProcedureStatus Status, string StatusName,
    DateOnly SubmittedOn, string? StepName, string? StepOrganization, DateOnly? StepDueOn, bool Overdue, string? Outcome, int Version);

/// <summary>A step of the request's plan and how far it got.</summary>
public sealed record ProcedureStepView(
    int Index, string Name, ActingLevel Level, string LevelName, string Role, string RoleName, int OrganizationId, string OrganizationName,
    int WorkingDays, string State, string StateName, DateOnly? DueOn, bool Overdue);

public sealed record ProcedureEventView(ProcedureAction Action, string ActionName, string? StepName, DateTimeOffset At, string Actor, string? Comment);

/// <summary>
/// A request as one caller may see it: the particulars (sensitive ones only with the right to see
/// them), the plan with each step's state, the timeline, and what the caller may do now.
/// </summary>
public sealed record ProcedureDetails(
    int ProvinceId, ProcedureRow Request, string Source, string? Reason, IReadOnlyList<string> Particulars, IReadOnlyList<ProcedureStepView> Steps,
    IReadOnlyList<ProcedureEventView> Timeline, int? TransferId, bool IsLastStep, bool CommentRequired, string? NumberLabel, bool NumberRequired,
    bool CanAct, bool CanWithdraw, bool IsOwn);

public static class ProcedureQueries
{
    /// <summary>Lists of requests waiting or late show the most urgent ones first, this many at most.</summary>
    public const int ListLimit = 500;

    /// <summary>A member's requests, newest first (for "my requests" and the member portal).</summary>
    public static Task<IReadOnlyList<ProcedureRow>> ForMemberAsync(ChiBoDb db, int memberId, DateOnly today, CancellationToken ct = default) =>
        RowsAsync(db, db.ProcedureRequests.AsNoTracking().Where(r => r.MemberId == memberId), today, NewestFirst, ct);

    /// <summary>
    /// Requests waiting for the caller: at a step whose role the caller holds on a subtree that
    /// contains the step's organization, confined to <paramref name="within"/>, not the caller's
    /// own; oldest deadline first.
    /// </summary>
    public static Task<IReadOnlyList<ProcedureRow>> QueueAsync(ChiBoDb db, OrgScope caller, Subtree within, DateOnly today, CancellationToken ct = default)
    {
        var r = Expression.Parameter(typeof(ProcedureRequest), "r");
        Expression any = Expression.Constant(false);
        foreach (var (role, granted) in caller.Roles.Where(g => AccessTable.Allows(g.Role, Operation.ProceduresAct)).Select(g => (g.Role, g.Subtree)).Distinct())
        {
            Subtree? where = OrgScope.Covers(granted, within) ? within : OrgScope.Covers(within, granted) ? granted : null;
            if (where is not { } s)
            {
                continue;
            }

            var (lo, hi) = (s.Path, s.UpperBound);
            Expression<Func<ProcedureRequest, bool>> one = s.ProvinceId is { } province
                ? x => x.StepRole == role && x.ProvinceId == province && string.Compare(x.StepOrgPath, lo) >= 0 && string.Compare(x.StepOrgPath, hi) < 0
                : x => x.StepRole == role;
            any = Expression.OrElse(any, Expression.Invoke(one, r));
        }

        var q = db.ProcedureRequests.AsNoTracking().Where(x => x.Status == ProcedureStatus.InProgress)
            .Where(Expression.Lambda<Func<ProcedureRequest, bool>>(any, r));
        if (caller.MemberId is { } own)
        {
            q = q.Where(x => x.MemberId != own); // decided by another member of the committee
        }

        return RowsAsync(db, q.OrderBy(x => x.StepDueOn).ThenBy(x => x.Id).Take(ListLimit), today, DueFirst, ct);
    }

    /// <summary>Requests whose waiting step lies in the subtree and is past its time limit on <paramref name="today"/>.</summary>
    public static Task<IReadOnlyList<ProcedureRow>> OverdueAsync(ChiBoDb db, Subtree within, DateOnly today, CancellationToken ct = default)
    {
        var (lo, hi) = (within.Path, within.UpperBound);
        var q = db.ProcedureRequests.AsNoTracking()
            .Where(x => x.Status == ProcedureStatus.InProgress && x.StepDueOn < today
                && string.Compare(x.StepOrgPath, lo) >= 0 && string.Compare(x.StepOrgPath, hi) < 0);
        if (within.ProvinceId is { } province)
        {
            q = q.Where(x => x.ProvinceId == province);
        }

        return RowsAsync(db, q.OrderBy(x => x.StepDueOn).ThenBy(x => x.Id).Take(ListLimit), today, DueFirst, ct);
    }

    /// <summary>
    /// The request if the caller may see it: the member themselves, whoever reads members of the
    /// member's cell, and the committees of the organizations it involves (each step's, the
    /// receiving cell of a transfer); otherwise null ("not found").
    /// </summary>
    public static async Task<ProcedureDetails?> GetAsync(ChiBoDb db, int id, OrgScope caller, DateOnly today, CancellationToken ct = default)
    {
        var r = await db.ProcedureRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }

        var cellPath = await db.Members.AsNoTracking().Where(m => m.Id == r.MemberId)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o.Path).SingleAsync(ct);
        var cell = new Subtree(r.ProvinceId, cellPath);
        var plan = PlannedStep.Parse(r.Plan);
        var payload = ProcedurePayload.Parse(r.Payload);
        var isOwn = caller.MemberId == r.MemberId;
        if (!isOwn && !caller.Can(Operation.MembersRead, cell))
        {
            var parties = plan.Select(s => s.OrganizationId).Append(payload.ToCellId ?? 0).Distinct().ToList();
            var paths = await db.Organizations.AsNoTracking().Where(o => parties.Contains(o.Id)).Select(o => o.Path).ToListAsync(ct);
            if (!paths.Any(p => caller.Can(Operation.ProceduresAct, new Subtree(r.ProvinceId, p))))
            {
                return null;
            }
        }

        var row = (await RowsAsync(db, db.ProcedureRequests.AsNoTracking().Where(x => x.Id == id), today, NewestFirst, ct))[0];
        var events = await db.ProcedureEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var definition = ProcedurePolicy.Of(r.Kind);
        var current = r.StepIndex is { } i ? plan[i] : null;
        var isLast = r.StepIndex == plan.Count - 1;
        return new ProcedureDetails(
            r.ProvinceId,
            row,
            definition.Source,
            r.Reason,
            payload.Describe(r.Kind, isOwn || caller.Can(Operation.MembersReadSensitive, cell)),
            Steps(r, plan, events, today),
            events.Select(e => new ProcedureEventView(e.Action, ProcedureNames.Of(e.Action), e.StepName, e.At, e.Actor, e.Comment)).ToList(),
            r.TransferId,
            isLast,
            current?.CommentRequired ?? false,
            isLast ? definition.Number?.Label : null,
            isLast && definition.Number is { Required: true },
            r.Status == ProcedureStatus.InProgress && ProcedureAccess.HoldsStepRole(caller, r) && !isOwn,
            r.Status == ProcedureStatus.InProgress && isOwn,
            isOwn);
    }

    private static List<ProcedureStepView> Steps(ProcedureRequest r, IReadOnlyList<PlannedStep> plan, IReadOnlyList<ProcedureEvent> events, DateOnly today)
    {
        var approved = events.Where(e => e.Action == ProcedureAction.Approved && e.StepIndex is not null).Select(e => e.StepIndex!.Value).ToHashSet();
        var stopped = events.FirstOrDefault(e => e.Action is ProcedureAction.Rejected or ProcedureAction.Withdrawn);
        return plan.Select((s, i) =>
        {
            var (state, name) =
                approved.Contains(i) ? ("done", "Đã chấp thuận")
                : r.StepIndex == i ? ("current", "Đang chờ xử lý")
                : stopped?.StepIndex == i ? (stopped.Action == ProcedureAction.Rejected ? ("rejected", "Từ chối") : ("withdrawn", "Đảng viên rút hồ sơ"))
                : r.Status == ProcedureStatus.InProgress ? ("pending", "Chưa đến")
                : ("skipped", "Không thực hiện");
            var due = r.StepIndex == i ? r.StepDueOn : null;
            return new ProcedureStepView(i, s.Name, s.Level, ProcedureNames.Of(s.Level), Roles.NameOf(s.Role), Roles.VietnameseOf(s.Role),
                s.OrganizationId, s.OrganizationName, s.WorkingDays, state, name, due, due < today);
        }).ToList();
    }

    private static IEnumerable<ProcedureRow> NewestFirst(IEnumerable<ProcedureRow> rows) => rows.OrderByDescending(r => r.Id);

    private static IEnumerable<ProcedureRow> DueFirst(IEnumerable<ProcedureRow> rows) => rows.OrderBy(r => r.StepDueOn).ThenBy(r => r.Id);

    private static async Task<IReadOnlyList<ProcedureRow>> RowsAsync(
        ChiBoDb db, IQueryable<ProcedureRequest> q, DateOnly today, Func<IEnumerable<ProcedureRow>, IEnumerable<ProcedureRow>> order, CancellationToken ct)
    {
        var rows = await q.Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new
        {
            r.Id, r.MemberId, m.FullName, r.Kind, r.Status, r.SubmittedOn, r.StepIndex, r.Plan, r.StepDueOn, r.Outcome, r.Version,
            Cell = db.Organizations.Where(o => o.Id == m.CellId).Select(o => o.Code).FirstOrDefault(),
        }).ToListAsync(ct);
        return order(rows.Select(x =>
        {
            var step = x.StepIndex is { } i ? PlannedStep.Parse(x.Plan)[i] : null;
            return new ProcedureRow(x.Id, x.MemberId, x.FullName, x.Cell ?? "", x.Kind, ProcedureNames.Of(x.Kind), x.Status, ProcedureNames.Of(x.Status),
                x.SubmittedOn, step?.Name, step?.OrganizationName, x.StepDueOn, x.StepDueOn < today, x.Outcome, x.Version);
        })).ToList();
    }
}
