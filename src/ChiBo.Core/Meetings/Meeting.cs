namespace ChiBo.Meetings;

/// <summary>Kind of cell meeting (sinh hoạt chi bộ).</summary>
public enum MeetingKind
{
    /// <summary>Sinh hoạt thường kỳ: once a month.</summary>
    Regular = 1,

    /// <summary>Sinh hoạt chuyên đề: at least once a quarter.</summary>
    Thematic = 2,
}

public enum MeetingStatus
{
    /// <summary>Đã lên lịch.</summary>
    Scheduled = 1,

    /// <summary>Đã họp: minutes recorded.</summary>
    Held = 2,

    /// <summary>Hủy/hoãn.</summary>
    Cancelled = 3,
}

/// <summary>Xếp loại chất lượng buổi sinh hoạt; the order is best first so "≤ Good" reads naturally.</summary>
public enum MeetingRating
{
    /// <summary>Tốt.</summary>
    Good = 1,

    /// <summary>Khá.</summary>
    Fair = 2,

    /// <summary>Trung bình.</summary>
    Average = 3,

    /// <summary>Kém.</summary>
    Poor = 4,
}

/// <summary>A member's presence at one meeting.</summary>
public enum Presence
{
    /// <summary>Có mặt.</summary>
    Present = 1,

    /// <summary>Vắng có lý do.</summary>
    Excused = 2,

    /// <summary>Vắng không lý do.</summary>
    Unexcused = 3,
}

/// <summary>
/// One meeting of a cell. <see cref="CellPath"/> is the cell's path on the meeting date, so a
/// subtree's meetings of a year are one index range (province, path, date) even after the tree
/// was reorganized, in the same way as member periods.
/// </summary>
public sealed class Meeting
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int CellId { get; set; }
    public required string CellPath { get; set; }
    public DateOnly Date { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Agenda { get; set; }

    /// <summary>Documents and resolutions to study (tài liệu, nghị quyết cần quán triệt).</summary>
    public string? Documents { get; set; }

    public string? Place { get; set; }

    /// <summary>Set for online meetings, which only special cells may hold (<see cref="MeetingRules.OnlineAllowed"/>).</summary>
    public string? OnlineLink { get; set; }

    /// <summary>The upper-level committee member assigned to attend (cấp ủy viên cấp trên dự), when a member of the register.</summary>
    public int? AttendingCommitteeMemberId { get; set; }

    /// <summary>That person's name and title as written, also when not in the register.</summary>
    public string? AttendingCommitteeMember { get; set; }

    /// <summary>Biên bản.</summary>
    public string? Minutes { get; set; }

    /// <summary>Nghị quyết, kết luận.</summary>
    public string? Resolutions { get; set; }

    public MeetingStatus Status { get; set; }
    public string? CancelReason { get; set; }

    public MeetingRating? Rating { get; set; }

    /// <summary>Weighted score 0–100 the rating came from, kept because the thresholds may change later.</summary>
    public decimal? RatingScore { get; set; }

    /// <summary>"criterion=score;…" as rated, so the rating can be explained afterwards.</summary>
    public string? RatingDetails { get; set; }

    /// <summary>
    /// Attendance totals kept in step with <see cref="MeetingAttendance"/> rows by the command that
    /// records them (same transaction): the compliance of a whole province reads ~90k meetings
    /// instead of ~2M attendance rows, which is what keeps it within its time budget.
    /// </summary>
    public int PresentCount { get; set; }

    public int ExcusedCount { get; set; }
    public int UnexcusedCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>One member's presence at one meeting (điểm danh).</summary>
public sealed class MeetingAttendance
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public long MeetingId { get; set; }
    public int MemberId { get; set; }
    public Presence Presence { get; set; }

    /// <summary>Required for an excused absence (lý do vắng).</summary>
    public string? Reason { get; set; }
}

public enum MemberTaskStatus
{
    /// <summary>Đang thực hiện.</summary>
    Assigned = 1,

    /// <summary>Hoàn thành.</summary>
    Completed = 2,

    /// <summary>Không hoàn thành.</summary>
    NotCompleted = 3,
}

/// <summary>A task the cell assigns to a member (phân công nhiệm vụ cho đảng viên) for a year.</summary>
public sealed class MemberTask
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int CellId { get; set; }

    /// <summary>The cell's path when the task was assigned.</summary>
    public required string CellPath { get; set; }

    public int MemberId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateOnly AssignedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Result { get; set; }
    public DateOnly? ResultOn { get; set; }
    public MemberTaskStatus Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}
