namespace ChiBo.Meetings;

/// <summary>A meeting as the API answers it (the entity's columns but its cell's path).</summary>
public sealed record MeetingView(
    long Id, int ProvinceId, int CellId, DateOnly Date, MeetingKind Kind, string Title, string? Agenda, string? Documents, string? Place,
    string? OnlineLink, int? AttendingCommitteeMemberId, string? AttendingCommitteeMember, string? Minutes, string? Resolutions,
    MeetingStatus Status, string? CancelReason, MeetingRating? Rating, decimal? RatingScore, string? RatingDetails,
    int PresentCount, int ExcusedCount, int UnexcusedCount, DateTimeOffset UpdatedAt, int Version)
{
    public static MeetingView Of(Meeting m) => new(
        m.Id, m.ProvinceId, m.CellId, m.Date, m.Kind, m.Title, m.Agenda, m.Documents, m.Place, m.OnlineLink, m.AttendingCommitteeMemberId,
        m.AttendingCommitteeMember, m.Minutes, m.Resolutions, m.Status, m.CancelReason, m.Rating, m.RatingScore, m.RatingDetails,
        m.PresentCount, m.ExcusedCount, m.UnexcusedCount, m.UpdatedAt, m.Version);
}

public sealed record MemberTaskView(
    long Id, int CellId, int MemberId, int Year, string Title, DateOnly AssignedOn, DateOnly? DueOn, string? Result, DateOnly? ResultOn,
    MemberTaskStatus Status, DateTimeOffset UpdatedAt, int Version)
{
    public static MemberTaskView Of(MemberTask t) =>
        new(t.Id, t.CellId, t.MemberId, t.Year, t.Title, t.AssignedOn, t.DueOn, t.Result, t.ResultOn, t.Status, t.UpdatedAt, t.Version);
}

public sealed record MemberCommitmentView(
    long Id, int CellId, int MemberId, int Year, string ActionProgramme, string Commitment, DateOnly SubmittedOn, DateTimeOffset UpdatedAt, int Version)
{
    public static MemberCommitmentView Of(MemberCommitment c) =>
        new(c.Id, c.CellId, c.MemberId, c.Year, c.ActionProgramme, c.Commitment, c.SubmittedOn, c.UpdatedAt, c.Version);
}

public sealed record ResidenceConfirmationView(
    long Id, int CellId, int MemberId, int Year, string ConfirmedBy, DateOnly ConfirmedOn, string? Note, DateTimeOffset UpdatedAt, int Version)
{
    public static ResidenceConfirmationView Of(ResidenceConfirmation r) =>
        new(r.Id, r.CellId, r.MemberId, r.Year, r.ConfirmedBy, r.ConfirmedOn, r.Note, r.UpdatedAt, r.Version);
}

/// <summary>A member's year in the cell (<see cref="MemberYear"/>) as the API answers it.</summary>
public sealed record MemberYearView(
    int MemberId, string FullName, Members.MemberStatus Status, bool NeedsResidenceComment, bool Assigned,
    IReadOnlyList<MemberTaskView> Tasks, MemberCommitmentView? Commitment, ResidenceConfirmationView? Residence)
{
    public static MemberYearView Of(MemberYear y) => new(
        y.MemberId, y.FullName, y.Status, y.NeedsResidenceComment, y.Assigned, y.Tasks.Select(MemberTaskView.Of).ToList(),
        y.Commitment is { } c ? MemberCommitmentView.Of(c) : null, y.Residence is { } r ? ResidenceConfirmationView.Of(r) : null);
}
