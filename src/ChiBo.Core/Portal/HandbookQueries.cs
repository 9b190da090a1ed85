using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Meetings;
using ChiBo.Members;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Portal;

/// <summary>The signed-in member, their cell now and their party age (tuổi đảng) today.</summary>
public sealed record HandbookMember(Member Member, string CellCode, string CellName, int PartyAgeYears);

/// <summary>A meeting of the member's cell as the handbook shows it, with the member's own line of the roll call.</summary>
public sealed record HandbookMeeting(
    long Id, DateOnly Date, MeetingKind Kind, string Title, string? Agenda, string? Documents, string? Place, string? OnlineLink,
    string? AttendingCommitteeMember, MeetingStatus Status, string? Resolutions, Presence? MyPresence, string? MyReason);

public sealed record AttendanceLine(long MeetingId, DateOnly Date, MeetingKind Kind, string Title, Presence Presence, string? Reason);

/// <summary>A member's attendance in one year: every meeting they were on the roll of (not cancelled) and the rate.</summary>
public sealed record AttendanceYear(int Year, IReadOnlyList<AttendanceLine> Lines, IReadOnlyList<int> Years)
{
    public int Present => Lines.Count(l => l.Presence == Presence.Present);
    public int Excused => Lines.Count(l => l.Presence == Presence.Excused);
    public int Unexcused => Lines.Count(l => l.Presence == Presence.Unexcused);

    /// <summary>Present over all meetings called; null without any.</summary>
    public decimal? Rate => Lines.Count == 0 ? null : (decimal)Present / Lines.Count;
}

public enum FeeMonthState
{
    /// <summary>Not a member in the province that month.</summary>
    NotMember,

    Paid,

    /// <summary>A past month not paid.</summary>
    Unpaid,

    /// <summary>The current month: may still be paid.</summary>
    Due,

    Future,
}

public sealed record FeeMonth(int Month, FeeMonthState State, long? Amount, DateOnly? PaidOn, bool Online);

/// <summary>
/// A member's party fees for a year: month by month, with the monthly amount <see cref="FeePolicy"/>
/// gives for the group and basis of the latest payment (the register keeps no other record of them).
/// </summary>
public sealed record FeeYear(int Year, IReadOnlyList<FeeMonth> Months, FeeGroup? Group, long? MonthlyAmount)
{
    public int Paid => Months.Count(m => m.State == FeeMonthState.Paid);
    public int Unpaid => Months.Count(m => m.State == FeeMonthState.Unpaid);
    public long PaidAmount => Months.Where(m => m.State == FeeMonthState.Paid).Sum(m => m.Amount ?? 0);

    /// <summary>Three months unpaid in a year without good reason lead to xóa tên (Điều lệ Đảng, Điều 8).</summary>
    public bool StrikeOffRisk => Unpaid >= FeePolicy.UnpaidMonthsForStrikeOff;
}

/// <summary>
/// What the member handbook (Sổ tay đảng viên điện tử) reads. Every query takes the member's id
/// and their cell from <see cref="HandbookMember"/>, never an id from the request alone, so a
/// member reads only their own record and their own cell's meetings.
/// </summary>
public static class HandbookQueries
{
    public static async Task<HandbookMember?> MemberAsync(ChiBoDb db, int memberId, DateOnly today, CancellationToken ct = default)
    {
        var found = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Organizations, m => m.CellId, c => c.Id, (m, c) => new { Member = m, c.Code, c.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var events = await db.MemberEvents.AsNoTracking().Where(e => e.MemberId == memberId)
            .Select(e => new { e.Kind, e.Date }).ToListAsync(ct);
        var interruptions = PartyAgePolicy.Interruptions(events.Select(e => (e.Kind, e.Date)));
        var age = PartyAgePolicy.PartyAgeOn(found.Member.AdmittedOn, interruptions, today);
        return new HandbookMember(found.Member, found.Code, found.Name, age);
    }

    /// <summary>The cell's meetings from today on that are still to be held, soonest first.</summary>
    public static async Task<IReadOnlyList<HandbookMeeting>> UpcomingAsync(ChiBoDb db, HandbookMember me, DateOnly today, int take, CancellationToken ct = default)
    {
        var memberId = me.Member.Id;
        return await db.Meetings.AsNoTracking()
            .Where(m => m.CellId == me.Member.CellId && m.Date >= today && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Take(take)
            .Select(Project(db, memberId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// One meeting, if the member may see it: a meeting of their cell now, or one they were on the
    /// roll of (a former cell's). Anything else is not found.
    /// </summary>
    public static async Task<HandbookMeeting?> MeetingAsync(ChiBoDb db, HandbookMember me, long meetingId, CancellationToken ct = default)
    {
        var memberId = me.Member.Id;
        return await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId && (m.CellId == me.Member.CellId
                || db.MeetingAttendances.Any(a => a.MeetingId == m.Id && a.MemberId == memberId)))
            .Select(Project(db, memberId))
            .FirstOrDefaultAsync(ct);
    }

    private static System.Linq.Expressions.Expression<Func<Meeting, HandbookMeeting>> Project(ChiBoDb db, int memberId) =>
        m => new HandbookMeeting(
            m.Id, m.Date, m.Kind, m.Title, m.Agenda, m.Documents, m.Place, m.OnlineLink, m.AttendingCommitteeMember, m.Status, m.Resolutions,
            db.MeetingAttendances.Where(a => a.MeetingId == m.Id && a.MemberId == memberId).Select(a => (Presence?)a.Presence).FirstOrDefault(),
            db.MeetingAttendances.Where(a => a.MeetingId == m.Id && a.MemberId == memberId).Select(a => a.Reason).FirstOrDefault());

    /// <summary>The member's lines of the roll calls of a year (meetings not cancelled), oldest first, and the years that have any.</summary>
    public static async Task<AttendanceYear> AttendanceAsync(ChiBoDb db, int memberId, int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var rows = db.MeetingAttendances.AsNoTracking().Where(a => a.MemberId == memberId)
            .Join(db.Meetings.Where(m => m.Status != MeetingStatus.Cancelled), a => a.MeetingId, m => m.Id, (a, m) => new { a, m });
        var lines = await rows.Where(x => x.m.Date >= from && x.m.Date < to)
            .OrderBy(x => x.m.Date).ThenBy(x => x.m.Id)
            .Select(x => new AttendanceLine(x.m.Id, x.m.Date, x.m.Kind, x.m.Title, x.a.Presence, x.a.Reason))
            .ToListAsync(ct);
        var dates = await rows.Select(x => x.m.Date).ToListAsync(ct);
        var years = dates.Select(d => d.Year).Append(year).Distinct().OrderDescending().ToList();
        return new AttendanceYear(year, lines, years);
    }

    /// <summary>Tasks of a year, open ones first by due date.</summary>
    public static async Task<IReadOnlyList<MemberTask>> TasksAsync(ChiBoDb db, int memberId, int year, CancellationToken ct = default)
    {
        var tasks = await db.MemberTasks.AsNoTracking().Where(t => t.MemberId == memberId && t.Year == year).ToListAsync(ct);
        return tasks.OrderBy(t => t.Status == MemberTaskStatus.Assigned ? 0 : 1)
            .ThenBy(t => t.DueOn ?? DateOnly.MaxValue).ThenBy(t => t.Id).ToList();
    }

    /// <summary>Open tasks (any year), the nearest due first.</summary>
    public static async Task<IReadOnlyList<MemberTask>> OpenTasksAsync(ChiBoDb db, int memberId, CancellationToken ct = default)
    {
        var tasks = await db.MemberTasks.AsNoTracking()
            .Where(t => t.MemberId == memberId && t.Status == MemberTaskStatus.Assigned).ToListAsync(ct);
        return tasks.OrderBy(t => t.DueOn ?? DateOnly.MaxValue).ThenBy(t => t.Id).ToList();
    }

    /// <summary>The task if it is the member's own; otherwise null (not found).</summary>
    public static Task<MemberTask?> TaskAsync(ChiBoDb db, int memberId, long taskId, CancellationToken ct = default) =>
        db.MemberTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId && t.MemberId == memberId, ct);

    /// <summary>
    /// Month by month: paid (amount, date), unpaid (a past month in which the member belonged to a
    /// cell of the province), due (this month), not a member, or still to come.
    /// </summary>
    public static async Task<FeeYear> FeesAsync(ChiBoDb db, int memberId, int year, DateOnly today, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var payments = await db.FeePayments.AsNoTracking().Where(p => p.MemberId == memberId && p.Year == year).ToListAsync(ct);
        var periods = await db.MemberPeriods.AsNoTracking()
            .Where(p => p.MemberId == memberId && p.ValidFrom < to && p.ValidTo > from)
            .Select(p => new { p.ValidFrom, p.ValidTo }).ToListAsync(ct);
        var latest = await db.FeePayments.AsNoTracking().Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month)
            .Select(p => new { p.Group, p.Basis }).FirstOrDefaultAsync(ct);

        var months = new List<FeeMonth>(12);
        for (var month = 1; month <= 12; month++)
        {
            var (first, next) = (new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));
            if (payments.FirstOrDefault(p => p.Month == month) is { } paid)
            {
                months.Add(new FeeMonth(month, FeeMonthState.Paid, paid.Amount, paid.PaidOn, paid.Online));
                continue;
            }

            var state = first > today ? FeeMonthState.Future
                : !periods.Any(p => p.ValidFrom < next && p.ValidTo > first) ? FeeMonthState.NotMember
                : today < next ? FeeMonthState.Due
                : FeeMonthState.Unpaid;
            months.Add(new FeeMonth(month, state, null, null, false));
        }

        return new FeeYear(year, months, latest?.Group, latest is null ? null : FeePolicy.Amount(latest.Group, latest.Basis));
    }
}
