using System.Globalization;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Plans;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Plans;

public sealed record AllocationRequest(string Plan, string Indicator, string Org, int? Year, decimal Target, decimal? TargetHigh, string? Source);

public sealed record ValueRequest(string Plan, string Indicator, string Org, int Year, long Numerator, long? Denominator, string? Source);

/// <summary>A unit's report on a task; <c>status</c> is "notStarted", "inProgress" or "done".</summary>
public sealed record TaskReportRequest(
    string Status, int? Progress, int? Year, DateOnly? CompletedOn, string? EvidenceNumber, DateOnly? EvidenceDate, long? DocumentId, string? Note);

/// <summary>
/// Plans, indicators and task lists as JSON: reads with <see cref="Operation.ReportsRead"/> on the
/// organization (out of scope is 404), the plan file's import and allocations with
/// <see cref="Operation.PlansWrite"/>, task reports and manual values with <see cref="Operation.PlansReport"/>;
/// the commands check the organization they act on (<see cref="PlanCommands"/>). A plan number
/// ("02-ĐA/TU") has a slash, so commands carry it in the body.
/// </summary>
public static class PlansApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            await ReadAsync(http, db, clock, org, year, (lookup, scope, y, today) => PlanQueries.PlansAsync(db, scope, lookup, y, ct)))
            .Requires(Operation.ReportsRead);
        group.MapGet("/status", async (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            await ReadAsync(http, db, clock, org, year, (lookup, scope, y, today) => PlanQueries.StatusAsync(db, scope, lookup, y, today, ct: ct)))
            .Requires(Operation.ReportsRead);
        group.MapGet("/dashboard", async (HttpContext http, ChiBoDb db, DatabaseTarget target, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            await ReadAsync(http, db, clock, org, year, (lookup, scope, y, today) =>
                PlanDashboards.RunAsync(db, scope, lookup, y, today, ct: ct, connections: () => target.CreateContext())))
            .Requires(Operation.ReportsRead);
        group.MapGet("/tasks", async (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            await ReadAsync(http, db, clock, org, year, (lookup, scope, y, today) => PlanQueries.TasksAsync(db, scope, lookup, y, today, ct: ct)))
            .Requires(Operation.ReportsRead);
        group.MapGet("/measures", () => TypedResults.Ok(MeasureCatalogue.Documentation.ToList())).Requires(Operation.ReportsRead);

        group.MapPost("/import", async (HttpContext http, JsonElement body, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            await RunAsync(http, scope => new PlanCommands(db, clock, scope, http.Actor()).ImportAsync(PlanFile.Parse(body.GetRawText()), ct)))
            .Requires(Operation.PlansWrite);
        group.MapPut("/allocations", async (HttpContext http, AllocationRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            await RunAsync(http, async scope =>
            {
                var a = await new PlanCommands(db, clock, scope, http.Actor()).AllocateAsync(r.Plan, r.Indicator, r.Org, r.Year, r.Target, r.TargetHigh, r.Source, ct);
                return new { a.Id, r.Plan, r.Indicator, r.Org, a.Year, a.Target, a.TargetHigh, a.Source };
            }))
            .Requires(Operation.PlansWrite);
        group.MapPut("/values", async (HttpContext http, ValueRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            await RunAsync(http, async scope =>
            {
                var e = await new PlanCommands(db, clock, scope, http.Actor()).EnterValueAsync(r.Plan, r.Indicator, r.Org, r.Year, r.Numerator, r.Denominator, r.Source, ct);
                return new { e.Id, r.Plan, r.Indicator, r.Org, e.Year, e.Numerator, e.Denominator, e.Source };
            }))
            .Requires(Operation.PlansReport);
        group.MapPost("/tasks/{id:int}/reports", async (HttpContext http, int id, TaskReportRequest r, ChiBoDb db, TimeProvider clock, CancellationToken ct) =>
            await RunAsync(http, async scope =>
            {
                var status = r.Status switch
                {
                    "done" => PlanTaskStatus.Done,
                    "inProgress" => PlanTaskStatus.InProgress,
                    "notStarted" => PlanTaskStatus.NotStarted,
                    _ => throw new RuleViolationException("Status", $"Trạng thái \"{r.Status}\" không hợp lệ: notStarted, inProgress hoặc done."),
                };
                var report = await new PlanCommands(db, clock, scope, http.Actor()).ReportTaskAsync(id, new TaskProgress(
                    status, r.Progress, r.Year, r.CompletedOn, r.EvidenceNumber, r.EvidenceDate, r.DocumentId, r.Note), ct);
                return new
                {
                    report.Id, report.TaskId, report.Year, Status = TaskState.NameOf(report.Status), report.Progress, report.CompletedOn,
                    report.EvidenceNumber, report.EvidenceDate, report.DocumentId, report.Note, report.ReportedOn,
                };
            }))
            .Requires(Operation.PlansReport);
    }

    private static async Task<Results<Ok<T>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ReadAsync<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, Func<ChiBo.Organizations.OrgLookup, OrgScope, int, DateOnly, Task<T>> read)
    {
        var today = clock.Today();
        var y = today.Year;
        if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y is < 1930 or > 9998))
        {
            return Problems.Field("year", $"Năm \"{year}\" không hợp lệ.");
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        try
        {
            return TypedResults.Ok(await read(lookup, await http.ScopeAsync(), y, today));
        }
        catch (PlanNotFoundException e)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy", Detail = e.Message, Extensions = { ["field"] = e.Field } });
        }
    }

    /// <summary>A command: out of scope is 404, a broken rule 400 naming the field.</summary>
    private static async Task<Results<Ok<T>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> RunAsync<T>(HttpContext http, Func<OrgScope, Task<T>> command)
    {
        try
        {
            return TypedResults.Ok(await command(await http.ScopeAsync()));
        }
        catch (PlanNotFoundException e)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy", Detail = e.Message, Extensions = { ["field"] = e.Field } });
        }
        catch (RuleViolationException e)
        {
            return Problems.Field(e.Field, e.Message);
        }
    }
}
