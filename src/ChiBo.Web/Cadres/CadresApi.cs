using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Cadres;

public sealed record ManagementPoolRequest(string Organization, string Name);

public sealed record PoolEntryRequest(int MemberId, string Post, DateOnly From);

public sealed record EndRequest(DateOnly On);

public sealed record PlanningPoolRequest(string Organization, CommitteePosition Title, int TermFrom, int TermTo, DateOnly ApprovedOn, string? DecisionNumber);

public sealed record CandidateRequest(int MemberId, DateOnly On);

public sealed record CandidateRemovalRequest(DateOnly On, string Reason);

public sealed record RotationRequest(
    string ManagingOrg, int MemberId, RotationKind Kind, string FromOrg, string FromPost, string ToOrg, string ToPost,
    DateOnly StartsOn, DateOnly? PlannedEndOn, string DecisionNumber);

public sealed record RotationEndRequest(int Version, DateOnly On);

public sealed record CourseRequest(string Organizer, TrainingKind Kind, string Name, string? Provider, DateOnly StartsOn, DateOnly EndsOn);

public sealed record AttendanceRequest(int Version, IReadOnlyList<Attendance> Lines);

/// <summary>
/// Hồ sơ cán bộ: cadre files, management and planning pools, rotations and training, for the
/// committee that manages the cadres and the province board (Cadres.Read / Cadres.Write on the
/// managing organization, <see cref="CadreAccess"/>); anything else is not found.
/// </summary>
public static class CadresApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{memberId:int}", FileAsync).Requires(Operation.CadresRead)
            .InCellOf(Operation.CadresRead, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, MemberId(r), ct));
        group.MapPut("/{memberId:int}/profile", (int memberId, CadreProfileInput r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Profile(await (await Commands(db, clock, http)).SaveProfileAsync(memberId, r, ct))))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, MemberId(r), ct));

        group.MapGet("/management-pools", ManagementPoolsAsync).Requires(Operation.CadresRead);
        group.MapPost("/management-pools", (ManagementPoolRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var org = await OrgCodes.IdAsync(db, r.Organization, ct) ?? throw new RuleViolationException("Organization", "Không có tổ chức đảng này.");
                var pool = await (await Commands(db, clock, http)).AddManagementPoolAsync(new ManagementPoolNew(org, r.Name), ct);
                return new { pool.Id, pool.Name, pool.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<ManagementPoolRequest>().Organization, ct));
        group.MapPost("/management-pools/{id:int}/entries", (int id, PoolEntryRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Entry(await (await Commands(db, clock, http)).AddToManagementPoolAsync(id, new PoolEntryNew(r.MemberId, r.Post, r.From), ct))))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfManagementPoolAsync(db, r.RouteId(), ct));
        group.MapPost("/management-pools/{id:int}/entries/{entryId:int}/end", (int id, int entryId, EndRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Entry(await (await Commands(db, clock, http)).EndManagementEntryAsync(id, entryId, r.On, ct))))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfManagementPoolAsync(db, r.RouteId(), ct));

        group.MapGet("/planning", PlanningAsync).Requires(Operation.CadresRead);
        group.MapPost("/planning", (PlanningPoolRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var org = await OrgCodes.IdAsync(db, r.Organization, ct) ?? throw new RuleViolationException("Organization", "Không có tổ chức đảng này.");
                var pool = await (await Commands(db, clock, http)).AddPlanningPoolAsync(
                    new PlanningPoolNew(org, r.Title, r.TermFrom, r.TermTo, r.ApprovedOn, r.DecisionNumber), ct);
                return new { pool.Id, pool.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<PlanningPoolRequest>().Organization, ct));
        group.MapPost("/planning/{id:int}/candidates", (int id, CandidateRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Candidate(await (await Commands(db, clock, http)).AddCandidateAsync(id, r.MemberId, r.On, ct))))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfPlanningPoolAsync(db, r.RouteId(), ct));
        group.MapPost("/planning/{id:int}/candidates/{entryId:int}/remove", (int id, int entryId, CandidateRemovalRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () => Candidate(await (await Commands(db, clock, http)).RemoveCandidateAsync(id, entryId, r.On, r.Reason, ct))))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfPlanningPoolAsync(db, r.RouteId(), ct));

        group.MapGet("/rotations", RotationsAsync).Requires(Operation.CadresRead);
        group.MapPost("/rotations", (RotationRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var manager = await OrgCodes.IdAsync(db, r.ManagingOrg, ct) ?? throw new RuleViolationException("ManagingOrg", "Không có tổ chức đảng này.");
                var from = await OrgCodes.IdAsync(db, r.FromOrg, ct) ?? throw new RuleViolationException("FromOrg", "Không có tổ chức đảng nơi đi này.");
                var to = await OrgCodes.IdAsync(db, r.ToOrg, ct) ?? throw new RuleViolationException("ToOrg", "Không có tổ chức đảng nơi đến này.");
                var rotation = await (await Commands(db, clock, http)).AddRotationAsync(new RotationNew(
                    manager, r.MemberId, r.Kind, from, r.FromPost, to, r.ToPost, r.StartsOn, r.PlannedEndOn, r.DecisionNumber), ct);
                return new { rotation.Id, rotation.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<RotationRequest>().ManagingOrg, ct));
        group.MapPost("/rotations/{id:int}/end", (int id, RotationEndRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var rotation = await (await Commands(db, clock, http)).EndRotationAsync(id, r.Version, r.On, ct);
                return new { rotation.Id, rotation.EndedOn, rotation.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.ManagerOfRotationAsync(db, r.RouteId(), ct));

        group.MapGet("/courses", CoursesAsync).Requires(Operation.CadresRead);
        group.MapPost("/courses", (CourseRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var organizer = await OrgCodes.IdAsync(db, r.Organizer, ct) ?? throw new RuleViolationException("Organizer", "Không có tổ chức đảng này.");
                var course = await (await Commands(db, clock, http)).AddCourseAsync(new CourseNew(organizer, r.Kind, r.Name, r.Provider, r.StartsOn, r.EndsOn), ct);
                return new { course.Id, course.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => OrgCodes.IdAsync(db, r.Body<CourseRequest>().Organizer, ct));
        group.MapPost("/courses/{id:int}/attendance", (int id, AttendanceRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(async () =>
            {
                var course = await (await Commands(db, clock, http)).RecordAttendanceAsync(id, r.Version, r.Lines ?? [], ct);
                return new { course.Id, course.Version };
            }))
            .Requires(Operation.CadresWrite)
            .InCellOf(Operation.CadresWrite, (r, db, ct) => CadreQueries.OrganizerOfCourseAsync(db, r.RouteId(), ct));

        group.MapGet("/training-coverage", TrainingCoverageAsync).Requires(Operation.CadresRead);
    }

    private static int MemberId(EndpointFilterInvocationContext r) =>
        int.Parse((string)r.HttpContext.Request.RouteValues["memberId"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<CadreCommands> Commands(ChiBoDb db, TimeProvider clock, HttpContext http) =>
        new(db, clock, await http.ScopeAsync(), http.Actor());

    private static object Profile(CadreProfile p) =>
        new CadreProfileView(CadreQueries.Name(p.It), p.GovernmentPost, p.FrontPost, p.VillagePost, p.RetiredCadre, p.Veteran, p.Version);

    private static object Entry(ManagementPoolEntry e) => new { e.Id, e.MemberId, e.Post, e.ValidFrom, ValidTo = e.ValidTo == Dates.OpenEnd ? (DateOnly?)null : e.ValidTo };

    private static object Candidate(PlanningEntry e) => new { e.Id, e.MemberId, e.AddedOn, e.RemovedOn, e.RemovalReason };

    private static async Task<Results<Ok<CadreFile>, NotFound>> FileAsync(int memberId, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var file = await CadreQueries.FileAsync(db, await http.ScopeAsync(), memberId, clock.Today(), ct);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        await http.AuditReadAsync("Hồ sơ cán bộ", null, memberId, null);
        return TypedResults.Ok(file);
    }

    private static async Task<Results<Ok<IReadOnlyList<ManagementPoolView>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ManagementPoolsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, CancellationToken ct)
    {
        if (!Reports.ReportsApi.TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found
            ? TypedResults.Ok(await CadreQueries.ManagementPoolsAsync(db, await http.ScopeAsync(), lookup.Subtree, date, ct))
            : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<PlanningList>, NotFound<ProblemDetails>>> PlanningAsync(HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found ? TypedResults.Ok(await CadreQueries.PlanningAsync(db, await http.ScopeAsync(), lookup, clock.Today(), ct)) : Problems.NoOrg(org);
    }

    /// <summary>Rotations running at some time in [from, to] (default: the five years to today).</summary>
    private static async Task<Results<Ok<RotationList>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> RotationsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? from, string? to, CancellationToken ct)
    {
        var today = clock.Today();
        if (!Reports.ReportsApi.TryDate(from, today.AddYears(-5), "from", out var start, out var bad)
            || !Reports.ReportsApi.TryDate(to, today, "to", out var end, out bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found ? TypedResults.Ok(await CadreQueries.RotationsAsync(db, await http.ScopeAsync(), lookup, start, end, today, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<IReadOnlyList<CourseRow>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> CoursesAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? from, string? to, CancellationToken ct)
    {
        var today = clock.Today();
        if (!Reports.ReportsApi.TryDate(from, today.AddYears(-5), "from", out var start, out var bad)
            || !Reports.ReportsApi.TryDate(to, today, "to", out var end, out bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found ? TypedResults.Ok(await CadreQueries.CoursesAsync(db, await http.ScopeAsync(), lookup, start, end, ct)) : Problems.NoOrg(org);
    }

    /// <summary>"Every base committee member trained at least once this term" for the subtree on a date.</summary>
    private static async Task<Results<Ok<TrainingCoverage>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> TrainingCoverageAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, CancellationToken ct)
    {
        if (!Reports.ReportsApi.TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.CadresRead);
        return lookup.Found ? TypedResults.Ok(await CadreQueries.TrainingCoverageAsync(db, lookup, date, ct)) : Problems.NoOrg(org);
    }
}
