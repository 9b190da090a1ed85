using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Meetings;

/// <summary>What a secretary fills in to schedule one meeting.</summary>
public sealed record MeetingPlan
{
    public int CellId { get; init; }
    public DateOnly Date { get; init; }
    public MeetingKind Kind { get; init; } = MeetingKind.Regular;
    public string? Title { get; init; }
    public string? Agenda { get; init; }
    public string? Documents { get; init; }
    public string? Place { get; init; }
    public string? OnlineLink { get; init; }
    public int? AttendingCommitteeMemberId { get; init; }
    public string? AttendingCommitteeMember { get; init; }
}

/// <summary>One line of the roll call (điểm danh).</summary>
public sealed record AttendanceEntry(int MemberId, Presence Presence, string? Reason = null);

/// <summary>A task given by the cell to one member for a year.</summary>
public sealed record TaskAssignment(int CellId, int MemberId, int Year, string? Title, DateOnly AssignedOn, DateOnly? DueOn);

/// <summary>
/// The commands of cell life. Each runs in one transaction (the audit interceptor writes its lines
/// in it), takes today from <see cref="TimeProvider"/>, and checks the version the caller read.
/// </summary>
public sealed partial class MeetingCommands(ChiBoDb db, TimeProvider clock, MeetingRules? rules = null)
{
    private readonly MeetingRules _rules = rules ?? MeetingRules.Default;

    private DateOnly Today => clock.Today();

    /// <summary>
    /// The year's twelve regular meetings on a preferred day of the month, skipping months that
    /// already have a regular meeting (not cancelled) and months when the cell did not exist.
    /// </summary>
    public async Task<IReadOnlyList<Meeting>> ScheduleMonthlyMeetingsAsync(
        int cellId, int year, int dayOfMonth, string? place, CancellationToken ct = default)
    {
        Require(year is >= 1930 and <= 9998, "Year", $"Năm {year} không hợp lệ.");
        Require(dayOfMonth is >= 1 and <= 31, "DayOfMonth", $"Ngày sinh hoạt hằng tháng phải từ 1 đến 31 (nhận {dayOfMonth}).");
        Require(!string.IsNullOrWhiteSpace(place), "Place", "Cần địa điểm sinh hoạt.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);
        var taken = await db.Meetings.AsNoTracking()
            .Where(m => m.CellId == cellId && m.Kind == MeetingKind.Regular && m.Status != MeetingStatus.Cancelled
                && m.Date >= start && m.Date < end)
            .Select(m => m.Date.Month)
            .ToListAsync(ct);
        var periods = await CellPeriodsAsync(cellId, start, end, ct);
        Require(periods.Count > 0, "CellId", $"Chi bộ (mã số {cellId}) không tồn tại trong năm {year}.");
        var created = new List<Meeting>();
        for (var month = 1; month <= 12; month++)
        {
            var date = MeetingRules.DayInMonth(year, month, dayOfMonth);
            if (taken.Contains(month) || periods.FirstOrDefault(p => p.ValidFrom <= date && p.ValidTo > date) is not { } cell)
            {
                continue;
            }

            RequireCell(cell);
            var meeting = new Meeting
            {
                ProvinceId = cell.ProvinceId, CellId = cellId, CellPath = cell.Path, Date = date, Kind = MeetingKind.Regular,
                Title = $"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}", Place = place!.Trim(),
                Status = MeetingStatus.Scheduled, UpdatedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.Meetings.Add(meeting);
            created.Add(meeting);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>One regular or thematic meeting.</summary>
    public async Task<Meeting> ScheduleAsync(MeetingPlan plan, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(plan.Title), "Title", "Cần tên (chủ đề) của buổi sinh hoạt.");
        Require(plan.Kind != MeetingKind.Thematic || !string.IsNullOrWhiteSpace(plan.Agenda), "Agenda",
            "Sinh hoạt chuyên đề cần nội dung chuyên đề (chương trình).");
        Require(!string.IsNullOrWhiteSpace(plan.Place) || !string.IsNullOrWhiteSpace(plan.OnlineLink), "Place",
            "Cần địa điểm sinh hoạt hoặc đường dẫn họp trực tuyến.");
        Require(plan.OnlineLink is null || Uri.TryCreate(plan.OnlineLink.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps,
            "OnlineLink", $"Đường dẫn họp trực tuyến \"{plan.OnlineLink}\" phải là địa chỉ https://.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cell = await CellOnAsync(plan.CellId, plan.Date, ct);
        Require(string.IsNullOrWhiteSpace(plan.OnlineLink) || _rules.OnlineAllowed(cell.Sector), "OnlineLink",
            "Chỉ chi bộ đặc thù (doanh nghiệp, lực lượng vũ trang, loại hình khác) mới được sinh hoạt trực tuyến.");
        if (plan.Kind == MeetingKind.Regular)
        {
            var monthStart = new DateOnly(plan.Date.Year, plan.Date.Month, 1);
            var monthEnd = monthStart.AddMonths(1);
            var exists = await db.Meetings.AnyAsync(m => m.CellId == plan.CellId && m.Kind == MeetingKind.Regular
                && m.Status != MeetingStatus.Cancelled && m.Date >= monthStart && m.Date < monthEnd, ct);
            Require(!exists, "Date", $"Chi bộ đã có buổi sinh hoạt thường kỳ tháng {plan.Date.Month}/{plan.Date.Year}.");
        }

        if (plan.AttendingCommitteeMemberId is { } attendingId)
        {
            Require(await db.Members.AnyAsync(m => m.Id == attendingId, ct), "AttendingCommitteeMemberId",
                $"Không có đảng viên mã số {attendingId} (cấp ủy viên cấp trên dự sinh hoạt).");
        }

        var meeting = new Meeting
        {
            ProvinceId = cell.ProvinceId, CellId = plan.CellId, CellPath = cell.Path, Date = plan.Date, Kind = plan.Kind,
            Title = plan.Title!.Trim(), Agenda = Clean(plan.Agenda), Documents = Clean(plan.Documents), Place = Clean(plan.Place),
            OnlineLink = Clean(plan.OnlineLink), AttendingCommitteeMemberId = plan.AttendingCommitteeMemberId,
            AttendingCommitteeMember = Clean(plan.AttendingCommitteeMember), Status = MeetingStatus.Scheduled,
            UpdatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    /// <summary>
    /// The roll call: replaces the meeting's attendance. Only members of that cell on the meeting
    /// date who are not exempted (miễn sinh hoạt) may be listed; an excused absence needs its reason.
    /// </summary>
    public async Task<Meeting> RecordAttendanceAsync(long meetingId, int version, IReadOnlyList<AttendanceEntry> entries, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = await EditableAsync(meetingId, version, ct);
        Require(meeting.Date <= Today, "Date", $"Chưa đến ngày họp ({MeetingRules.Date(meeting.Date)}): chưa thể điểm danh.");
        var duplicate = entries.GroupBy(e => e.MemberId).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, "MemberId", $"Đảng viên mã số {duplicate?.Key} được điểm danh hai lần.");
        foreach (var e in entries)
        {
            Require(Enum.IsDefined(e.Presence), "Presence", $"Tình trạng dự họp của đảng viên mã số {e.MemberId} không hợp lệ.");
            Require(e.Presence != Presence.Excused || !string.IsNullOrWhiteSpace(e.Reason), "Reason",
                $"Đảng viên mã số {e.MemberId} vắng có lý do: cần ghi lý do vắng.");
        }

        var roll = await RollAsync(meeting.ProvinceId, meeting.CellPath, meeting.CellId, meeting.Date, ct);
        var stranger = entries.FirstOrDefault(e => !roll.Contains(e.MemberId));
        Require(stranger is null, "MemberId",
            $"Đảng viên mã số {stranger?.MemberId} không sinh hoạt tại chi bộ này (hoặc đang miễn sinh hoạt) vào ngày {MeetingRules.Date(meeting.Date)}.");

        var old = await db.MeetingAttendances.Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        db.MeetingAttendances.RemoveRange(old);
        db.MeetingAttendances.AddRange(entries.Select(e => new MeetingAttendance
        {
            ProvinceId = meeting.ProvinceId, MeetingId = meetingId, MemberId = e.MemberId, Presence = e.Presence,
            Reason = e.Presence == Presence.Present ? null : Clean(e.Reason),
        }));
        meeting.PresentCount = entries.Count(e => e.Presence == Presence.Present);
        meeting.ExcusedCount = entries.Count(e => e.Presence == Presence.Excused);
        meeting.UnexcusedCount = entries.Count(e => e.Presence == Presence.Unexcused);
        await SaveAsync(meeting, ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    /// <summary>
    /// A member marks themself present (tự điểm danh) from the handbook: only on the meeting's day,
    /// only while the meeting is still open (not yet recorded as held), only a member due to attend.
    /// It changes that member's line alone; the secretary's roll call (<see cref="RecordAttendanceAsync"/>)
    /// replaces every line and so has the last word. The version moves on, so a roll call being
    /// edited at the same time is refused as stale rather than silently dropping the check-in.
    /// </summary>
    public async Task<Meeting> CheckInAsync(long meetingId, int memberId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new MeetingRuleException("Id", $"Không có buổi sinh hoạt mã số {meetingId}.");
        Require(meeting.Status != MeetingStatus.Cancelled, "Status", "Buổi sinh hoạt đã bị hủy.");
        Require(meeting.Status == MeetingStatus.Scheduled, "Status", "Buổi sinh hoạt đã kết thúc: chi ủy đã chốt điểm danh.");
        Require(meeting.Date == Today, "Date",
            $"Chỉ tự điểm danh được trong ngày họp ({MeetingRules.Date(meeting.Date)}); hôm nay là {MeetingRules.Date(Today)}.");
        var roll = await RollAsync(meeting.ProvinceId, meeting.CellPath, meeting.CellId, meeting.Date, ct);
        Require(roll.Contains(memberId), "MemberId",
            $"Đảng viên mã số {memberId} không sinh hoạt tại chi bộ này (hoặc đang miễn sinh hoạt) vào ngày {MeetingRules.Date(meeting.Date)}.");

        var line = await db.MeetingAttendances.FirstOrDefaultAsync(a => a.MeetingId == meetingId && a.MemberId == memberId, ct);
        if (line?.Presence == Presence.Present)
        {
            return meeting;
        }

        if (line is null)
        {
            db.MeetingAttendances.Add(new MeetingAttendance
            {
                ProvinceId = meeting.ProvinceId, MeetingId = meetingId, MemberId = memberId, Presence = Presence.Present,
            });
        }
        else
        {
            if (line.Presence == Presence.Excused)
            {
                meeting.ExcusedCount--;
            }
            else
            {
                meeting.UnexcusedCount--;
            }

            line.Presence = Presence.Present;
            line.Reason = null;
        }

        meeting.PresentCount++;
        await SaveAsync(meeting, ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    /// <summary>Marks the meeting held with its minutes; the roll call must list every member due to attend.</summary>
    public async Task<Meeting> HoldAsync(long meetingId, int version, string? minutes, string? resolutions, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(minutes), "Minutes", "Cần biên bản buổi sinh hoạt.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = await EditableAsync(meetingId, version, ct);
        Require(meeting.Status == MeetingStatus.Scheduled, "Status", "Buổi sinh hoạt đã được ghi nhận là đã họp.");
        Require(meeting.Date <= Today, "Date", $"Chưa đến ngày họp ({MeetingRules.Date(meeting.Date)}).");
        var roll = await RollAsync(meeting.ProvinceId, meeting.CellPath, meeting.CellId, meeting.Date, ct);
        var called = await db.MeetingAttendances.Where(a => a.MeetingId == meetingId).Select(a => a.MemberId).ToListAsync(ct);
        var missing = roll.Except(called).Count();
        Require(missing == 0, "Attendance", $"Còn {missing} đảng viên của chi bộ chưa được điểm danh.");
        meeting.Minutes = minutes!.Trim();
        meeting.Resolutions = Clean(resolutions);
        meeting.Status = MeetingStatus.Held;
        await SaveAsync(meeting, ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    /// <summary>Rates a held meeting from its criteria scores (every criterion of the policy, 0–max).</summary>
    public async Task<Meeting> RateAsync(long meetingId, int version, IReadOnlyDictionary<string, int> scores, CancellationToken ct = default)
    {
        var policy = _rules.Quality;
        foreach (var c in policy.Criteria)
        {
            Require(scores.TryGetValue(c.Code, out var s), c.Code, $"Thiếu điểm tiêu chí \"{c.Name}\".");
            Require(s >= 0 && s <= policy.MaxScore, c.Code, $"Điểm tiêu chí \"{c.Name}\" phải từ 0 đến {policy.MaxScore} (nhận {s}).");
        }

        var unknown = scores.Keys.FirstOrDefault(k => policy.Criteria.All(c => c.Code != k));
        Require(unknown is null, unknown ?? "", $"Không có tiêu chí \"{unknown}\" trong hướng dẫn đánh giá.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = await EditableAsync(meetingId, version, ct);
        Require(meeting.Status == MeetingStatus.Held, "Status", "Chỉ xếp loại buổi sinh hoạt đã họp.");
        var roll = meeting.PresentCount + meeting.ExcusedCount + meeting.UnexcusedCount;
        var attendance = roll == 0 ? 0m : (decimal)meeting.PresentCount / roll;
        var score = policy.Score(scores);
        meeting.RatingScore = score;
        meeting.Rating = policy.Rate(score, attendance);
        meeting.RatingDetails = string.Join(';', policy.Criteria.Select(c =>
            c.Code + "=" + scores[c.Code].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await SaveAsync(meeting, ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    public async Task<Meeting> CancelAsync(long meetingId, int version, string? reason, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "CancelReason", "Cần lý do hủy (hoãn) buổi sinh hoạt.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var meeting = await EditableAsync(meetingId, version, ct);
        Require(meeting.Status == MeetingStatus.Scheduled, "Status", "Chỉ hủy được buổi sinh hoạt chưa họp.");
        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancelReason = reason!.Trim();
        await SaveAsync(meeting, ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    /// <summary>Phân công nhiệm vụ: the member must belong to the cell (not exempted) on the day of assignment.</summary>
    public async Task<MemberTask> AssignTaskAsync(TaskAssignment a, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(a.Title), "Title", "Cần nội dung nhiệm vụ được phân công.");
        Require(a.AssignedOn <= Today, "AssignedOn", $"Ngày phân công ({MeetingRules.Date(a.AssignedOn)}) không được sau hôm nay.");
        Require(a.AssignedOn.Year == a.Year || a.AssignedOn.Year == a.Year - 1, "Year",
            $"Nhiệm vụ năm {a.Year} phải được phân công trong năm đó hoặc cuối năm trước.");
        Require(a.DueOn is null || a.DueOn >= a.AssignedOn, "DueOn", "Hạn hoàn thành không được trước ngày phân công.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cell = await CellOnAsync(a.CellId, a.AssignedOn, ct);
        var roll = await RollAsync(cell.ProvinceId, cell.Path, a.CellId, a.AssignedOn, ct);
        Require(roll.Contains(a.MemberId), "MemberId",
            $"Đảng viên mã số {a.MemberId} không sinh hoạt tại chi bộ này (hoặc đang miễn sinh hoạt) vào ngày {MeetingRules.Date(a.AssignedOn)}.");
        var task = new MemberTask
        {
            ProvinceId = cell.ProvinceId, CellId = a.CellId, CellPath = cell.Path, MemberId = a.MemberId, Year = a.Year,
            Title = a.Title!.Trim(), AssignedOn = a.AssignedOn, DueOn = a.DueOn, Status = MemberTaskStatus.Assigned,
            UpdatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        db.MemberTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    public async Task<MemberTask> RecordTaskResultAsync(long taskId, int version, string? result, bool completed, DateOnly on, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(result), "Result", "Cần kết quả thực hiện nhiệm vụ.");
        Require(on <= Today, "ResultOn", $"Ngày ghi kết quả ({MeetingRules.Date(on)}) không được sau hôm nay.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await db.MemberTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new MeetingRuleException("Id", $"Không có nhiệm vụ mã số {taskId}.");
        CheckVersion("Nhiệm vụ", version, task.Version);
        Require(on >= task.AssignedOn, "ResultOn", "Ngày ghi kết quả không được trước ngày phân công.");
        task.Result = result!.Trim();
        task.ResultOn = on;
        task.Status = completed ? MemberTaskStatus.Completed : MemberTaskStatus.NotCompleted;
        task.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        task.Version++;
        await SaveChangesOrConflictAsync("Nhiệm vụ", ct);
        await tx.CommitAsync(ct);
        return task;
    }

    private async Task<Meeting> EditableAsync(long meetingId, int version, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new MeetingRuleException("Id", $"Không có buổi sinh hoạt mã số {meetingId}.");
        CheckVersion("Buổi sinh hoạt", version, meeting.Version);
        Require(meeting.Status != MeetingStatus.Cancelled, "Status", "Buổi sinh hoạt đã bị hủy.");
        return meeting;
    }

    private async Task SaveAsync(Meeting meeting, CancellationToken ct)
    {
        meeting.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        meeting.Version++;
        await SaveChangesOrConflictAsync("Buổi sinh hoạt", ct);
    }

    private async Task SaveChangesOrConflictAsync(string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
            }

            var current = await Transactions.CurrentVersionAsync(e, ct);
            throw new MeetingEditConflictException(
                $"{what} đã được người khác cập nhật trong lúc bạn thao tác{(current is { } v ? $" (phiên bản hiện tại {v})" : "")}. Hãy tải lại rồi thực hiện lại.", current);
        }
        catch (DbUpdateException e) when (Transactions.IsUniqueViolation(e))
        {
            // Two roll calls at once on PostgreSQL: the second one's lines meet the first one's at
            // the unique index before its version check; the answer is the same as a stale version.
            if (db.Database.CurrentTransaction is not null)
            {
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
            }

            var current = await Transactions.CurrentVersionAsync(db.ChangeTracker.Entries().Where(x => x.State == EntityState.Modified), ct);
            throw new MeetingEditConflictException(
                $"{what} đã được người khác cập nhật trong lúc bạn thao tác{(current is { } v ? $" (phiên bản hiện tại {v})" : "")}. Hãy tải lại rồi thực hiện lại.", current);
        }
    }

    private static void CheckVersion(string what, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new MeetingEditConflictException(
                $"{what} đã được người khác cập nhật (phiên bản {actual}, bạn đang sửa phiên bản {expected}). Hãy tải lại rồi thực hiện lại.", actual);
        }
    }

    /// <summary>The cell as it stood on a date; it must be a chi bộ (cơ sở or trực thuộc), the only kinds that hold members.</summary>
    private async Task<OrganizationPeriod> CellOnAsync(int cellId, DateOnly date, CancellationToken ct)
    {
        var cell = await db.OrganizationPeriods.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OrganizationId == cellId && p.ValidFrom <= date && p.ValidTo > date, ct);
        Require(cell is not null, "CellId", $"Chi bộ (mã số {cellId}) không tồn tại vào ngày {MeetingRules.Date(date)}.");
        RequireCell(cell!);
        return cell!;
    }

    private static void RequireCell(OrganizationPeriod cell) =>
        Require(cell.Kind.HoldsMembers(), "CellId", $"\"{cell.Name}\" không phải chi bộ: chỉ chi bộ mới tổ chức sinh hoạt chi bộ.");

    private Task<List<OrganizationPeriod>> CellPeriodsAsync(int cellId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == cellId && p.ValidFrom < to && p.ValidTo > from)
            .ToListAsync(ct);

    /// <summary>
    /// Members due to attend on a date: in the cell then, and not exempted (miễn sinh hoạt). The
    /// cell's path then narrows the read to the (province, path) index of member periods.
    /// </summary>
    private async Task<HashSet<int>> RollAsync(int provinceId, string cellPath, int cellId, DateOnly date, CancellationToken ct) =>
        (await db.MemberPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == provinceId && p.CellPath == cellPath && p.CellId == cellId
                && p.ValidFrom <= date && p.ValidTo > date && !p.Exempted)
            .Select(p => p.MemberId)
            .ToListAsync(ct)).ToHashSet();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new MeetingRuleException(field, message);
        }
    }
}
