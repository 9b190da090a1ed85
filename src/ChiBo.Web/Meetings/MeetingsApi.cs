using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Meetings;

public sealed record YearScheduleRequest(int CellId, int Year, int DayOfMonth, string? Place);

public sealed record VersionRequest(int Version);

public sealed record AttendanceRequest(int Version, IReadOnlyList<AttendanceEntry> Entries);

public sealed record HoldRequest(int Version, string? Minutes, string? Resolutions);

public sealed record RatingRequest(int Version, IReadOnlyDictionary<string, int> Scores);

public sealed record CancelRequest(int Version, string? Reason);

public sealed record TaskResultRequest(int Version, string? Result, bool Completed, DateOnly On);

public sealed record CommitmentRequest(int? Version, CommitmentEntry Entry);

public sealed record ResidenceRequest(int? Version, ResidenceEntry Entry);

/// <summary>A meeting with its roll call, as the meeting page shows it.</summary>
public sealed record MeetingDetail(MeetingView Meeting, string CellCode, IReadOnlyList<RollLine> Roll);

/// <summary>The criteria meetings are rated against, with the guidance they come from.</summary>
public sealed record QualityCriteria(string Source, IReadOnlyList<QualityCriterion> Criteria, int MaxScore, decimal GoodFrom, decimal FairFrom, decimal AverageFrom, decimal GoodNeedsAttendance);

/// <summary>
/// Sinh hoạt chi bộ as JSON, for the member handbook and other clients: a cell's meetings, one
/// meeting with its roll call, and the commands of the secretary's pages. Each acts on one cell
/// and answers 404 when that cell is outside the caller's subtree; a broken rule is 400 naming
/// the field, a stale version 409.
/// </summary>
public static class MeetingsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.MembersRead);
        group.MapGet("/criteria", () => TypedResults.Ok(Criteria(MeetingRules.Default.Quality))).Requires(Operation.MembersRead);
        group.MapGet("/{id:long}", DetailAsync).Requires(Operation.MembersRead)
            .InCellOf(Operation.MembersRead, MeetingCellAsync);

        group.MapPost("/", (MeetingPlan plan, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MeetingView.Of(await new MeetingCommands(db, clock).ScheduleAsync(plan, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, (r, _, _) => Task.FromResult<int?>(r.Body<MeetingPlan>().CellId));
        group.MapPost("/year", (YearScheduleRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => (await new MeetingCommands(db, clock).ScheduleMonthlyMeetingsAsync(r.CellId, r.Year, r.DayOfMonth, r.Place, ct)).Select(MeetingView.Of).ToList()))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, (r, _, _) => Task.FromResult<int?>(r.Body<YearScheduleRequest>().CellId));
        group.MapPut("/{id:long}/attendance", (long id, AttendanceRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MeetingView.Of(await new MeetingCommands(db, clock).RecordAttendanceAsync(id, r.Version, r.Entries ?? [], ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, MeetingCellAsync);
        group.MapPost("/{id:long}/hold", (long id, HoldRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MeetingView.Of(await new MeetingCommands(db, clock).HoldAsync(id, r.Version, r.Minutes, r.Resolutions, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, MeetingCellAsync);
        group.MapPost("/{id:long}/rating", (long id, RatingRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MeetingView.Of(await new MeetingCommands(db, clock).RateAsync(id, r.Version, r.Scores ?? new Dictionary<string, int>(), ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, MeetingCellAsync);
        group.MapPost("/{id:long}/cancel", (long id, CancelRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MeetingView.Of(await new MeetingCommands(db, clock).CancelAsync(id, r.Version, r.Reason, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, MeetingCellAsync);

        group.MapGet("/tasks", TasksAsync).Requires(Operation.MembersRead);
        group.MapPost("/tasks", (TaskAssignment r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MemberTaskView.Of(await new MeetingCommands(db, clock).AssignTaskAsync(r, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, (r, _, _) => Task.FromResult<int?>(r.Body<TaskAssignment>().CellId));
        group.MapPost("/tasks/{id:long}/result", (long id, TaskResultRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MemberTaskView.Of(await new MeetingCommands(db, clock).RecordTaskResultAsync(id, r.Version, r.Result, r.Completed, r.On, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, TaskCellAsync);
        group.MapPut("/commitments", (CommitmentRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => MemberCommitmentView.Of(await new MeetingCommands(db, clock).RecordCommitmentAsync(r.Entry, r.Version, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, (r, _, _) => Task.FromResult<int?>(r.Body<CommitmentRequest>().Entry.CellId));
        group.MapPut("/residence-confirmations", (ResidenceRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            RunAsync(async () => ResidenceConfirmationView.Of(await new MeetingCommands(db, clock).RecordResidenceConfirmationAsync(r.Entry, r.Version, ct))))
            .Requires(Operation.MeetingsWrite)
            .InCellOf(Operation.MeetingsWrite, (r, _, _) => Task.FromResult<int?>(r.Body<ResidenceRequest>().Entry.CellId));
    }

    /// <summary>A broken rule is 400 naming its field, a stale version 409; otherwise 200 with what the command returned.</summary>
    public static async Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>>> RunAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return TypedResults.Ok(await command());
        }
        catch (MeetingEditConflictException e)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Dữ liệu đã thay đổi", Detail = e.Message, Extensions = { ["field"] = e.Field } });
        }
        catch (MeetingRuleException e)
        {
            return Problems.Field(e.Field, e.Message);
        }
    }

    private static QualityCriteria Criteria(MeetingQualityPolicy p) =>
        new(p.Source, p.Criteria, p.MaxScore, p.GoodFrom, p.FairFrom, p.AverageFrom, p.GoodNeedsAttendance);

    /// <summary>The meetings of a cell (by code) dated in a year, by date.</summary>
    private static async Task<Results<Ok<List<MeetingView>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ListAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? cell, string? year, CancellationToken ct)
    {
        if (CellLifeWeb.Year(year, clock.Today()) is not { } y)
        {
            return Problems.Field("year", $"Năm \"{year}\" không hợp lệ.");
        }

        var org = await CellLifeWeb.FindCellAsync(http, db, cell, Operation.MembersRead);
        return org is null ? NoCell(cell) : TypedResults.Ok((await CellLifeQueries.MeetingsOfYearAsync(db, org.Id, y, ct)).Select(MeetingView.Of).ToList());
    }

    private static async Task<Results<Ok<MeetingDetail>, NotFound<ProblemDetails>>> DetailAsync(long id, ChiBoDb db, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy buổi sinh hoạt", Detail = $"Không có buổi sinh hoạt mã số {id}." });
        }

        var code = await db.Organizations.AsNoTracking().Where(o => o.Id == meeting.CellId).Select(o => o.Code).FirstAsync(ct);
        return TypedResults.Ok(new MeetingDetail(MeetingView.Of(meeting), code, await CellLifeQueries.RollCallAsync(db, meeting, ct)));
    }

    /// <summary>The members of a cell (by code) during a year with their tasks, commitments and residence confirmations.</summary>
    private static async Task<Results<Ok<IReadOnlyList<MemberYearView>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> TasksAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? cell, string? year, CancellationToken ct)
    {
        if (CellLifeWeb.Year(year, clock.Today()) is not { } y)
        {
            return Problems.Field("year", $"Năm \"{year}\" không hợp lệ.");
        }

        var org = await CellLifeWeb.FindCellAsync(http, db, cell, Operation.MembersRead);
        return org is null ? NoCell(cell) : TypedResults.Ok((IReadOnlyList<MemberYearView>)(await CellLifeQueries.MembersOfYearAsync(db, org, y, ct)).Select(MemberYearView.Of).ToList());
    }

    private static NotFound<ProblemDetails> NoCell(string? code) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy chi bộ",
        Detail = $"Không có chi bộ mã \"{code}\" trong phạm vi được xem.",
    });

    private static long RouteLong(EndpointFilterInvocationContext ctx) =>
        long.Parse((string)ctx.HttpContext.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);

    private static async Task<int?> MeetingCellAsync(EndpointFilterInvocationContext r, ChiBoDb db, CancellationToken ct)
    {
        var id = RouteLong(r);
        return await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.CellId).FirstOrDefaultAsync(ct);
    }

    private static async Task<int?> TaskCellAsync(EndpointFilterInvocationContext r, ChiBoDb db, CancellationToken ct)
    {
        var id = RouteLong(r);
        return await db.MemberTasks.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.CellId).FirstOrDefaultAsync(ct);
    }
}
