using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Discipline;

public sealed record SubjectDto(string Kind, int Id, string Name, string OrgCode, string OrgName);

public sealed record DecisionItemDto(
    int Id, SubjectDto Subject, string Form, string FormLabel, string OriginalForm, bool Annulled, string DecisionNumber, DateOnly DecidedOn,
    string Level, string Reason, int? CaseId, int Appeals, bool AppealPending);

public sealed record CaseItemDto(
    int Id, SubjectDto Subject, string Kind, string KindLabel, string DecisionNumber, DateOnly OpenedOn, DateOnly? DueOn, string Level,
    DateOnly? ConcludedOn, string? Conclusion);

public sealed record DisciplineListDto(string Org, int? Year, IReadOnlyList<CaseItemDto> Cases, IReadOnlyList<DecisionItemDto> Decisions, bool Truncated);

public sealed record AppealDto(
    int Id, DateOnly FiledOn, string? Content, string Level, DateOnly DueOn, bool Overdue, string? Outcome, string FormBefore, string? NewForm,
    DateOnly? ResolvedOn, string? ResolutionNumber, string? ResolutionReason, int Version);

public sealed record DecisionDto(
    int Id, SubjectDto Subject, string Form, string OriginalForm, bool Annulled, string? Position, string DecisionNumber, DateOnly DecidedOn,
    DateOnly ReceivedOn, DateOnly? ViolationOn, string Level, string Reason, CaseItemDto? Case, IReadOnlyList<AppealDto> Appeals, int Version, int SubjectVersion);

public sealed record CaseDto(
    int Id, SubjectDto Subject, string Kind, string DecisionNumber, DateOnly OpenedOn, DateOnly? DueOn, string Content, string Level,
    DateOnly? ConcludedOn, string? Conclusion, string? Findings, int Version, IReadOnlyList<DecisionItemDto> Decisions);

public sealed record OverdueAppealDto(int AppealId, int DecisionId, SubjectDto Subject, string DecisionNumber, DateOnly FiledOn, DateOnly DueOn, string Level);

/// <summary>Subject and levels by organization code (a member by id); enums by number as elsewhere in the API.</summary>
public sealed record CaseOpenRequest(
    InspectionKind Kind, int? MemberId, string? Organization, string? InspectingOrg, DecidingBody InspectingBody,
    string DecisionNumber, DateOnly OpenedOn, DateOnly? DueOn, string Content);

public sealed record FindingsRequest(int Version, DateOnly ConcludedOn, CaseConclusion Conclusion, string Findings);

public sealed record DecisionRequest(
    int? MemberId, string? Organization, DisciplineForm Form, string DecisionNumber, DateOnly DecidedOn, string? DecidingOrg, DecidingBody DecidingBody,
    string Reason, int? CaseId = null, DateOnly? ReceivedOn = null, DateOnly? ViolationOn = null, string? Position = null,
    int? SubjectVersion = null, string? MoveMembersToCell = null);

public sealed record AppealRequest(DateOnly FiledOn, string? ResolvingOrg, DecidingBody ResolvingBody, string? Content);

public sealed record ResolutionRequest(
    int Version, AppealOutcome Outcome, DateOnly ResolvedOn, string ResolutionNumber, DisciplineForm? NewForm = null, string? Reason = null, int? MemberVersion = null);

/// <summary>
/// Kiểm tra, giám sát và kỷ luật: lists and records for Discipline.Read, cases, decisions and
/// appeals for Discipline.Write — each on the member's cell or the organization it is about;
/// anything outside the caller's subtree is not found.
/// </summary>
public static class DisciplineApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).Requires(Operation.DisciplineRead);
        group.MapGet("/appeals/overdue", OverdueAsync).Requires(Operation.DisciplineRead);

        group.MapGet("/decisions/{id:int}", DecisionAsync).Requires(Operation.DisciplineRead)
            .InCellOf(Operation.DisciplineRead, (r, db, ct) => DisciplineQueries.SubjectOrgOfDecisionAsync(db, r.RouteId(), ct));
        group.MapGet("/cases/{id:int}", CaseAsync).Requires(Operation.DisciplineRead)
            .InCellOf(Operation.DisciplineRead, (r, db, ct) => DisciplineQueries.SubjectOrgOfCaseAsync(db, r.RouteId(), ct));

        // On the member's cell or the organization
        group.MapPost("/cases", (CaseOpenRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => ToDto(await OpenAsync(c, db, r, ct))))
            .Requires(Operation.DisciplineWrite)
            .InCellOf(Operation.DisciplineWrite, (r, db, ct) => SubjectOrgAsync(db, r.Body<CaseOpenRequest>().MemberId, r.Body<CaseOpenRequest>().Organization, ct));

        group.MapPost("/cases/{id:int}/findings", (int id, FindingsRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => ToDto(await c.ConcludeCaseAsync(id, new CaseFindings(r.Version, r.ConcludedOn, r.Conclusion, r.Findings), ct))))
            .Requires(Operation.DisciplineWrite)
            .InCellOf(Operation.DisciplineWrite, (r, db, ct) => DisciplineQueries.SubjectOrgOfCaseAsync(db, r.RouteId(), ct));

        group.MapPost("/decisions", (DecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => ToDto(await DecideAsync(c, db, r, ct))))
            .Requires(Operation.DisciplineWrite)
            .InCellOf(Operation.DisciplineWrite, (r, db, ct) => SubjectOrgAsync(db, r.Body<DecisionRequest>().MemberId, r.Body<DecisionRequest>().Organization, ct));

        group.MapPost("/decisions/{id:int}/appeals", (int id, AppealRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => ToDto(await AppealAsync(c, db, id, r, ct), clock)))
            .Requires(Operation.DisciplineWrite)
            .InCellOf(Operation.DisciplineWrite, (r, db, ct) => DisciplineQueries.SubjectOrgOfDecisionAsync(db, r.RouteId(), ct));

        group.MapPost("/appeals/{id:int}/resolution", (int id, ResolutionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            Act(http, db, clock, async c => ToDto(await c.ResolveAppealAsync(id,
                new AppealResolution(r.Version, r.Outcome, r.ResolvedOn, r.ResolutionNumber, r.NewForm, r.Reason, r.MemberVersion), ct), clock)))
            .Requires(Operation.DisciplineWrite)
            .InCellOf(Operation.DisciplineWrite, (r, db, ct) => DisciplineQueries.SubjectOrgOfAppealAsync(db, r.RouteId(), ct));
    }

    /// <summary>The commands as the caller: they check the subject's scope and the caller's level themselves.</summary>
    public static async Task<DisciplineCommands> CommandsAsync(ChiBoDb db, TimeProvider clock, HttpContext http) =>
        new(db, clock, await http.ScopeAsync(), http.Actor());

    private static Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> Act<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, Func<DisciplineCommands, Task<T>> command) =>
        RunAsync(async () => await command(await CommandsAsync(db, clock, http)));

    /// <summary>The organization a request is about: the member's current cell, or the organization named by code.</summary>
    public static async Task<int?> SubjectOrgAsync(ChiBoDb db, int? memberId, string? orgCode, CancellationToken ct)
    {
        if (memberId is { } m)
        {
            return await CellScopeFilter.CellOfMemberAsync(db, m, ct);
        }

        return string.IsNullOrWhiteSpace(orgCode)
            ? null
            : await db.Organizations.AsNoTracking().Where(o => o.Code == orgCode.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>An organization id by code for a field, or a rule violation naming the field.</summary>
    public static async Task<int?> OrgIdAsync(ChiBoDb db, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        return await db.Organizations.AsNoTracking().Where(o => o.Code == code.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolationException(field, $"Không có tổ chức đảng mã \"{code}\".");
    }

    public static async Task<InspectionCase> OpenAsync(DisciplineCommands commands, ChiBoDb db, CaseOpenRequest r, CancellationToken ct) =>
        await commands.OpenCaseAsync(new CaseOpening(
            r.Kind, r.MemberId, await OrgIdAsync(db, r.Organization, "Organization", ct), await OrgIdAsync(db, r.InspectingOrg, "InspectingOrgId", ct),
            r.InspectingBody, r.DecisionNumber, r.OpenedOn, r.DueOn, r.Content), ct);

    public static async Task<DisciplineDecision> DecideAsync(DisciplineCommands commands, ChiBoDb db, DecisionRequest r, CancellationToken ct) =>
        await commands.DecideAsync(new DecisionInput(
            r.MemberId, await OrgIdAsync(db, r.Organization, "Organization", ct), r.Form, r.DecisionNumber, r.DecidedOn,
            await OrgIdAsync(db, r.DecidingOrg, "DecidingOrgId", ct), r.DecidingBody, r.Reason, r.CaseId, r.ReceivedOn, r.ViolationOn, r.Position,
            r.SubjectVersion, await OrgIdAsync(db, r.MoveMembersToCell, "MoveMembersToCellId", ct)), ct);

    public static async Task<DisciplineAppeal> AppealAsync(DisciplineCommands commands, ChiBoDb db, int decisionId, AppealRequest r, CancellationToken ct) =>
        await commands.AppealAsync(decisionId, new AppealFiling(r.FiledOn, await OrgIdAsync(db, r.ResolvingOrg, "ResolvingOrgId", ct), r.ResolvingBody, r.Content), ct);

    /// <summary>Parses ?year=&amp;form=&amp;kind=&amp;subject= (API names); null and a message naming the field when one is wrong.</summary>
    public static DisciplineFilter? ParseFilter(IQueryCollection query, out string? field, out string? error)
    {
        field = error = null;
        int? year = null;
        if (query["year"].ToString() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v is < 1930 or > 2200)
            {
                (field, error) = ("year", $"Năm \"{y}\" không hợp lệ.");
                return null;
            }

            year = v;
        }

        DisciplineForm? form = null;
        if (query["form"].ToString() is { Length: > 0 } f)
        {
            if (!Labels.TryParseApiName<DisciplineForm>(f, out var v))
            {
                (field, error) = ("form", $"Hình thức kỷ luật \"{f}\" không hợp lệ (reprimand, warning, dismissal, expulsion, dissolution).");
                return null;
            }

            form = v;
        }

        InspectionKind? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } k)
        {
            if (!Labels.TryParseApiName<InspectionKind>(k, out var v))
            {
                (field, error) = ("kind", $"Loại kiểm tra, giám sát \"{k}\" không hợp lệ.");
                return null;
            }

            kind = v;
        }

        DisciplineSubject? subject = null;
        if (query["subject"].ToString() is { Length: > 0 } s)
        {
            if (!Labels.TryParseApiName<DisciplineSubject>(s, out var v))
            {
                (field, error) = ("subject", $"Đối tượng \"{s}\" không hợp lệ (member, organization).");
                return null;
            }

            subject = v;
        }

        return new DisciplineFilter(year, form, kind, subject);
    }

    private static async Task<Results<Ok<DisciplineListDto>, ProblemHttpResult>> ListAsync(HttpContext http, ChiBoDb db, string? org, CancellationToken ct)
    {
        if (ParseFilter(http.Request.Query, out var field, out var error) is not { } filter)
        {
            return Problems.Invalid(field!, error!);
        }

        var lookup = await http.FindAsync(db, org, Operation.DisciplineRead);
        if (!lookup.Found)
        {
            return Problems.OrgNotFound(org);
        }

        var list = await DisciplineQueries.ListAsync(db, lookup.Subtree, filter, ct);
        await http.AuditReadAsync("DisciplineList", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        return TypedResults.Ok(new DisciplineListDto(AsOfLabel(lookup), filter.Year,
            list.Cases.Select(ToDto).ToList(), list.Decisions.Select(ToDto).ToList(), list.Truncated));
    }

    private static async Task<Results<Ok<IReadOnlyList<OverdueAppealDto>>, NotFound<ProblemDetails>>> OverdueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.DisciplineRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var rows = await DisciplineQueries.OverdueAppealsAsync(db, lookup.Subtree, clock.Today(), ct);
        return TypedResults.Ok((IReadOnlyList<OverdueAppealDto>)rows
            .Select(a => new OverdueAppealDto(a.AppealId, a.DecisionId, ToDto(a.Subject), a.DecisionNumber, a.FiledOn, a.DueOn, a.Level)).ToList());
    }

    private static async Task<Results<Ok<DecisionDto>, NotFound<ProblemDetails>>> DecisionAsync(int id, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await DisciplineQueries.DecisionAsync(db, id, clock.Today(), ct) is not { } v)
        {
            return NotFound("quyết định kỷ luật", id);
        }

        await http.AuditReadAsync(nameof(DisciplineDecision), v.Decision.ProvinceId, v.Decision.MemberId, v.Decision.OrganizationId);
        var d = v.Decision;
        return TypedResults.Ok(new DecisionDto(
            d.Id, ToDto(v.Subject), Labels.ApiName(d.Form), Labels.ApiName(d.OriginalForm), d.Annulled, d.Position, d.DecisionNumber, d.DecidedOn,
            d.ReceivedOn, d.ViolationOn, v.Level, d.Reason, v.Case is { } c ? ToDto(c) : null, v.Appeals.Select(ToDto).ToList(), d.Version, v.SubjectVersion));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound<ProblemDetails>>> CaseAsync(int id, HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        if (await DisciplineQueries.CaseAsync(db, id, ct) is not { } v)
        {
            return NotFound("vụ kiểm tra, giám sát", id);
        }

        await http.AuditReadAsync(nameof(InspectionCase), v.Case.ProvinceId, v.Case.MemberId, v.Case.OrganizationId);
        var c = v.Case;
        return TypedResults.Ok(new CaseDto(
            c.Id, ToDto(v.Subject), Labels.ApiName(c.Kind), c.DecisionNumber, c.OpenedOn, c.DueOn, c.Content, v.Level, c.ConcludedOn,
            c.Conclusion is { } k ? Labels.ApiName(k) : null, c.Findings, c.Version, v.Decisions.Select(ToDto).ToList()));
    }

    private static NotFound<ProblemDetails> NotFound(string what, int id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy",
        Detail = $"Không có {what} số {id.ToString(CultureInfo.InvariantCulture)} trong phạm vi được xem.",
    });

    private static string AsOfLabel(OrgLookup lookup) => lookup.Organization?.Code ?? "root";

    public static SubjectDto ToDto(SubjectRef s) => new(Labels.ApiName(s.Kind), s.Id, s.Name, s.OrgCode, s.OrgName);

    public static DecisionItemDto ToDto(DecisionRow d) => new(
        d.Id, ToDto(d.Subject), Labels.ApiName(d.Form), Labels.Of(d.Form), Labels.ApiName(d.OriginalForm), d.Annulled, d.DecisionNumber, d.DecidedOn,
        d.Level, d.Reason, d.CaseId, d.Appeals, d.AppealPending);

    public static CaseItemDto ToDto(CaseRow c) => new(
        c.Id, ToDto(c.Subject), Labels.ApiName(c.Kind), Labels.Of(c.Kind), c.DecisionNumber, c.OpenedOn, c.DueOn, c.Level, c.ConcludedOn,
        c.Conclusion is { } k ? Labels.ApiName(k) : null);

    private static AppealDto ToDto(AppealView a) => new(
        a.Id, a.FiledOn, a.Content, a.Level, a.DueOn, a.Overdue, a.Outcome is { } o ? Labels.ApiName(o) : null, Labels.ApiName(a.FormBefore),
        a.NewForm is { } f ? Labels.ApiName(f) : null, a.ResolvedOn, a.ResolutionNumber, a.ResolutionReason, a.Version);

    /// <summary>What a command returns: the record's id and version, for the next step.</summary>
    public sealed record WrittenDto(int Id, int Version, string? Status = null, DateOnly? DueOn = null);

    private static WrittenDto ToDto(InspectionCase c) => new(c.Id, c.Version, c.ConcludedOn is null ? "open" : "concluded");

    private static WrittenDto ToDto(DisciplineDecision d) => new(d.Id, d.Version, d.Annulled ? "annulled" : Labels.ApiName(d.Form));

    private static WrittenDto ToDto(DisciplineAppeal a, TimeProvider clock) => new(a.Id, a.Version, a.Outcome is { } o ? Labels.ApiName(o) : "pending", a.DueOn);
}
