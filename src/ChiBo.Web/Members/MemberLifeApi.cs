using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ChiBo.Web.RuleProblems;

namespace ChiBo.Web.Members;

/// <summary>
/// A decision about a member's standing: the version read, the date, the decision number and the
/// reason; the exemption also its ground and review date. The level that decides is not given: it
/// is the one <see cref="StandingPolicy"/> names, and the caller must act there.
/// </summary>
public sealed record MemberDecisionRequest(
    int Version, DateOnly Date, string? DecisionNumber, string? Reason, ExemptionGround? Ground = null, DateOnly? ReviewOn = null);

public sealed record MemberStandingDto(int Id, int Version, string Status, string? ExemptionGround, DateOnly? ExemptionReviewOn);

public sealed record ExemptionDueDto(
    int MemberId, string FullName, string CellCode, string CellName, DateOnly? ExemptedOn, string? Ground, DateOnly ReviewOn, bool Overdue, int Version);

public sealed record StrikeOffSuggestionDto(
    int MemberId, string FullName, string CellCode, string CellName, IReadOnlyList<string> Reasons, IReadOnlyList<int> AbsentMonths,
    IReadOnlyList<int> UnpaidMonths, int Version);

public sealed record StrikeOffSuggestionsDto(string Org, int Year, int Through, IReadOnlyList<StrikeOffSuggestionDto> Members);

/// <summary>
/// Miễn sinh hoạt, xóa tên, cho ra khỏi Đảng, từ trần on the member's cell (Members.Write); khai
/// trừ is a discipline decision (/api/discipline/decisions). The lists of exemptions due for review
/// and of suggestions for xóa tên read the caller's subtree.
/// </summary>
public static class MemberLifeApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:int}/exemption", (int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(() => DoAsync(StandingAction.Exempt, id, r, db, clock, http, ct))).Requires(Operation.MembersWrite).InMembersCell();
        group.MapPost("/{id:int}/exemption/end", (int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(() => DoAsync(StandingAction.EndExemption, id, r, db, clock, http, ct))).Requires(Operation.MembersWrite).InMembersCell();
        group.MapPost("/{id:int}/strike-off", (int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(() => DoAsync(StandingAction.StrikeOff, id, r, db, clock, http, ct))).Requires(Operation.MembersWrite).InMembersCell();
        group.MapPost("/{id:int}/removal", (int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(() => DoAsync(StandingAction.Remove, id, r, db, clock, http, ct))).Requires(Operation.MembersWrite).InMembersCell();
        group.MapPost("/{id:int}/death", (int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            RunAsync(() => DoAsync(StandingAction.Die, id, r, db, clock, http, ct))).Requires(Operation.MembersWrite).InMembersCell();

        group.MapGet("/exemptions/due", ExemptionsDueAsync).Requires(Operation.MembersRead);
        group.MapGet("/strike-off-suggestions", SuggestionsAsync).Requires(Operation.MembersRead);
    }

    private static RouteHandlerBuilder InMembersCell(this RouteHandlerBuilder builder) =>
        builder.InCellOf(Operation.MembersWrite, (r, db, ct) => CellScopeFilter.CellOfMemberAsync(db, r.RouteId(), ct));

    /// <summary>Runs one decision through <see cref="MemberStandingCommands"/>, which checks the member's scope and the caller's level.</summary>
    public static async Task<MemberStandingDto> DoAsync(StandingAction action, int id, MemberDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var m = await new MemberStandingCommands(db, clock, await http.ScopeAsync(), http.Actor())
            .DecideAsync(action, id, new StandingDecision(r.Version, r.Date, r.DecisionNumber, r.Reason, r.Ground, r.ReviewOn), ct);
        return new MemberStandingDto(m.Id, m.Version, Labels.ApiName(m.Status), m.ExemptionGround is { } g ? Labels.ApiName(g) : null, m.ExemptionReviewOn);
    }

    private static async Task<Results<Ok<IReadOnlyList<ExemptionDueDto>>, NotFound<ProblemDetails>>> ExemptionsDueAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, DateOnly? by, CancellationToken ct)
    {
        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var today = clock.Today();
        var rows = await ExemptionReviews.DueAsync(db, lookup.Subtree, by ?? today.AddDays(30), today, ct);
        return TypedResults.Ok((IReadOnlyList<ExemptionDueDto>)rows.Select(r => new ExemptionDueDto(
            r.MemberId, r.FullName, r.CellCode, r.CellName, r.ExemptedOn, r.Ground is { } g ? Labels.ApiName(g) : null, r.ReviewOn, r.Overdue, r.Version)).ToList());
    }

    /// <summary>The year and the last month counted: by default the months that have ended this year (or all of a past year).</summary>
    public static (int Year, int Through, string? Error) Period(TimeProvider clock, int? year, int? through)
    {
        var last = clock.Today().AddMonths(-1);
        var y = year ?? last.Year;
        var m = through ?? (y == last.Year ? last.Month : 12);
        return m is < 1 or > 12 ? (y, m, "Tháng phải từ 1 đến 12.") : y is < 1930 or > 2200 ? (y, m, "Năm không hợp lệ.") : (y, m, null);
    }

    private static async Task<Results<Ok<StrikeOffSuggestionsDto>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> SuggestionsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, int? year, int? through, CancellationToken ct)
    {
        var (y, m, error) = Period(clock, year, through);
        if (error is not null)
        {
            return Problems.Field(through is null ? "year" : "through", error);
        }

        var lookup = await http.FindAsync(db, org, Operation.MembersRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var rows = await StrikeOffSuggestions.ForAsync(db, lookup.Subtree, y, m, ct);
        await http.AuditReadAsync("StrikeOffSuggestions", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        return TypedResults.Ok(new StrikeOffSuggestionsDto(lookup.Organization?.Code ?? "root", y, m, rows.Select(s => new StrikeOffSuggestionDto(
            s.MemberId, s.FullName, s.CellCode, s.CellName,
            [.. s.ForAbsence ? new[] { "unexcusedAbsence" } : [], .. s.ForFees ? new[] { "unpaidFees" } : []],
            s.AbsentMonths, s.UnpaidMonths, s.Version)).ToList()));
    }
}
