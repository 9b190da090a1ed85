using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Ratings;

/// <summary>Levels by code (HTXSNV, HTTNV, HTNV, KHTNV) and "không xếp loại" reasons by key (exempted, newMember, …).</summary>
public sealed record RoundRequest(string Org, int Year, DateOnly ReviewDate, DateOnly Deadline, string? Note = null);

public sealed record RoundCloseRequest(string Org, int Year, int Version);

public sealed record SelfAssessmentRequest(int Year, int Version, string Text, string? Level = null, decimal? Score = null);

public sealed record ProposalRequest(int Year, int Version, string? Level, string? NotRated = null, decimal? Score = null, string? Note = null, string? SelfAssessment = null);

public sealed record DecisionRequest(
    int Year, int Version, string? Level, string? NotRated, string DecisionNumber, DateOnly DecidedOn,
    decimal? Score = null, string? Note = null, decimal? OnTime = null, decimal? Exceeded = null, decimal? Late = null);

public sealed record BatchLine(int MemberId, int Version, string? Level, string? NotRated = null, decimal? Score = null, string? Note = null);

public sealed record BatchDecisionRequest(string Cell, int Year, string DecisionNumber, DateOnly DecidedOn, IReadOnlyList<BatchLine> Lines);

public sealed record ReturnRequest(int Year, int Version, string Reason);

public sealed record CorrectionRequest(
    int Year, int Version, string? Level, string? NotRated, string DecisionNumber, DateOnly DecidedOn, string Reason, decimal? Score = null, string? Note = null);

public sealed record PublicationRequest(string Org, int Year, DateOnly PublishedOn);

public sealed record FourGoodRequest(
    int Year, int Version, bool? PoliticalTask = null, string? PoliticalTaskEvidence = null, bool? MeetingQuality = null, string? MeetingQualityEvidence = null,
    bool? UnityDiscipline = null, string? UnityDisciplineEvidence = null, bool? CadresMembers = null, string? CadresMembersEvidence = null);

public sealed record RecognitionRequest(int Year, int Version, string DecisionNumber, DateOnly RecognizedOn);

public sealed record RewardRequest(int? MemberId, string? Organization, int Year, RewardForm Form, string Title, string DecidingOrg, string DecisionNumber, DateOnly DecidedOn);

public sealed record RoundDto(int Id, int Year, DateOnly ReviewDate, DateOnly Deadline, string PolicyVersion, string Status, int Version);

public sealed record PublishedDto(int Published);

public sealed record FourGoodDto(long Id, int Year, bool PoliticalTask, bool MeetingQuality, bool UnityDiscipline, bool CadresMembers, bool Recognized, int Version);

public sealed record RewardDto(long Id, string Subject, int Year, string Form, string Title, string DecidedBy, string DecisionNumber, DateOnly DecidedOn);

public sealed record RatingImportErrors(IReadOnlyList<ImportError> Errors);

public sealed record RatingImportSucceeded(int Imported);

/// <summary>
/// Đánh giá, xếp loại: rounds, the desks of each level, the steps of a round, the follow-up and
/// outstanding lists, "bốn tốt", rewards and the import of past years. Which step a caller may take
/// is decided by <see cref="RatingCommands"/> with the caller's scope: outside it a subject is not
/// found (404); a step of another level is 403; a broken rule 400 naming the field; a stale version 409.
/// </summary>
public static class RatingsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/rounds", RoundsAsync).Requires(Operation.RatingsRead);
        group.MapPost("/rounds", (RoundRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => Dto(await c.OpenRoundAsync(
                new RoundOpening(await OrgIdAsync(db, r.Org, "Org"), r.Year, r.ReviewDate, r.Deadline, r.Note), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/rounds/close", (RoundCloseRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => Dto(await c.CloseRoundAsync(await OrgIdAsync(db, r.Org, "Org"), r.Year, r.Version, http.RequestAborted)))).Requires(Operation.RatingsWrite);

        group.MapGet("/board", BoardAsync).Requires(Operation.RatingsRead);
        group.MapGet("/members/{id:int}", MemberAsync).Requires(Operation.RatingsRead);
        group.MapGet("/orgs/{code}", OrganizationAsync).Requires(Operation.RatingsRead);

        group.MapPost("/members/{id:int}/proposal", (int id, ProposalRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.ProposeMemberAsync(id, Proposal(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/members/{id:int}/decision", (int id, DecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.DecideMemberAsync(id, Decision(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/members/{id:int}/return", (int id, ReturnRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.ReturnMemberAsync(id, r.Year, r.Version, r.Reason, http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/members/{id:int}/correction", (int id, CorrectionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.CorrectMemberAsync(id, Correction(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/members/decisions", (BatchDecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => (await c.DecideMembersAsync(await OrgIdAsync(db, r.Cell, "Cell"), r.Year, r.DecisionNumber, r.DecidedOn,
                (r.Lines ?? []).Select(l => new MemberDecisionLine(l.MemberId, l.Version, Level(l.Level), Reason(l.NotRated), l.Score, l.Note)).ToList(),
                http.RequestAborted)).Select(RatingView.Of).ToList())).Requires(Operation.RatingsWrite);

        group.MapPost("/orgs/{code}/proposal", (string code, ProposalRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.ProposeOrganizationAsync(await OrgIdAsync(db, code), Proposal(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/orgs/{code}/decision", (string code, DecisionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.DecideOrganizationAsync(await OrgIdAsync(db, code), Decision(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/orgs/{code}/return", (string code, ReturnRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.ReturnOrganizationAsync(await OrgIdAsync(db, code), r.Year, r.Version, r.Reason, http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/orgs/{code}/correction", (string code, CorrectionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.CorrectOrganizationAsync(await OrgIdAsync(db, code), Correction(r), http.RequestAborted)))).Requires(Operation.RatingsWrite);

        group.MapPost("/publication", (PublicationRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => new PublishedDto(await c.PublishAsync(await OrgIdAsync(db, r.Org, "Org"), r.Year, r.PublishedOn, http.RequestAborted)))).Requires(Operation.RatingsWrite);

        group.MapGet("/mine", MineAsync).Requires(Operation.SelfRead);
        group.MapPost("/mine/self-assessment", (SelfAssessmentRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => RatingView.Of(await c.SelfAssessAsync(new SelfAssessmentInput(r.Year, r.Version, r.Text, Level(r.Level), r.Score), http.RequestAborted))))
            .Requires(Operation.SelfRead);

        group.MapGet("/follow-up", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            YearListAsync(http, db, clock, org, year, (lookup, y) => RatingQueries.FollowUpAsync(db, lookup, y, ct), "RatingFollowUp")).Requires(Operation.RatingsRead);
        group.MapGet("/outstanding", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            YearListAsync(http, db, clock, org, year, (lookup, y) => RatingQueries.OutstandingAsync(db, lookup, y, ct), "RatingOutstanding")).Requires(Operation.RatingsRead);
        group.MapGet("/four-good", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            YearListAsync(http, db, clock, org, year, (lookup, y) => RatingQueries.FourGoodAsync(db, lookup, y, ct))).Requires(Operation.RatingsRead);
        group.MapPost("/four-good/{code}", (string code, FourGoodRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => Dto(await c.AssessFourGoodAsync(await OrgIdAsync(db, code), new FourGoodInput(
                r.Year, r.Version, r.PoliticalTask, r.PoliticalTaskEvidence, r.MeetingQuality, r.MeetingQualityEvidence, r.UnityDiscipline, r.UnityDisciplineEvidence,
                r.CadresMembers, r.CadresMembersEvidence), http.RequestAborted)))).Requires(Operation.RatingsWrite);
        group.MapPost("/four-good/{code}/recognition", (string code, RecognitionRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => Dto(await c.RecognizeFourGoodAsync(await OrgIdAsync(db, code), r.Year, r.Version, r.DecisionNumber, r.RecognizedOn, http.RequestAborted))))
            .Requires(Operation.RatingsWrite);
        group.MapGet("/rewards", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct) =>
            YearListAsync(http, db, clock, org, year, (lookup, y) => RatingQueries.RewardsAsync(db, lookup, y, ct))).Requires(Operation.RatingsRead);
        group.MapPost("/rewards", (RewardRequest r, ChiBoDb db, TimeProvider clock, HttpContext http) =>
            Run(http, db, clock, async c => Dto(await c.RewardAsync(new RewardInput(
                r.MemberId, r.Organization is null ? null : await OrgIdAsync(db, r.Organization, "Organization"), r.Year, r.Form, r.Title,
                await OrgIdAsync(db, r.DecidingOrg, "DecidingOrg"), r.DecisionNumber, r.DecidedOn), http.RequestAborted)))).Requires(Operation.RatingsWrite);

        group.MapGet("/template.xlsx", Template).Requires(Operation.RatingsWrite);

        // For scripts and tools, as the members import: the session cookie is SameSite=Strict.
        group.MapPost("/import", ImportAsync).Requires(Operation.RatingsWrite).DisableAntiforgery();
    }

    /// <summary>Runs a command as the caller; the exceptions of the ratings commands become their status codes.</summary>
    internal static async Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> Run<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, Func<RatingCommands, Task<T>> command)
    {
        var scope = await http.ScopeAsync();
        try
        {
            return TypedResults.Ok(await command(new RatingCommands(db, clock, scope, http.Actor())));
        }
        catch (RatingNotFoundException e)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy", Detail = e.Message });
        }
        catch (RatingForbiddenException e)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Không đúng cấp thực hiện", Detail = e.Message, Extensions = { ["field"] = e.Field },
            });
        }
        catch (EditConflictException e)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Dữ liệu đã thay đổi", Detail = e.Message, Extensions = { ["field"] = e.Field } });
        }
        catch (RuleViolationException e)
        {
            return Problems.Field(e.Field, e.Message);
        }
    }

    /// <summary>An organization's id by code; an unknown code is "not found", like one outside the caller's subtrees.</summary>
    private static async Task<int> OrgIdAsync(ChiBoDb db, string? code, string field = "Org") =>
        string.IsNullOrWhiteSpace(code)
            ? throw new RuleViolationException(field, "Cần mã tổ chức đảng.")
            : await db.Organizations.AsNoTracking().Where(o => o.Code == code.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync()
              ?? throw new RatingNotFoundException($"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn.");

    private static RatingLevel? Level(string? code, string field = "Level") =>
        string.IsNullOrWhiteSpace(code) ? null
        : RatingNames.ParseCode(code) ?? throw new RuleViolationException(field, $"Mức xếp loại \"{code}\" không hợp lệ: HTXSNV, HTTNV, HTNV hoặc KHTNV.");

    private static NotRatedReason? Reason(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null
        : RatingNames.ParseReason(key) ?? throw new RuleViolationException("NotRated", $"Lý do không xếp loại \"{key}\" không có trong danh mục.");

    private static ProposalInput Proposal(ProposalRequest r) => new(r.Year, r.Version, Level(r.Level), Reason(r.NotRated), r.Score, r.Note, r.SelfAssessment);

    private static RatingDecision Decision(DecisionRequest r) =>
        new(r.Year, r.Version, Level(r.Level), Reason(r.NotRated), r.DecisionNumber ?? "", r.DecidedOn, r.Score, r.Note, r.OnTime, r.Exceeded, r.Late);

    private static RatingCorrection Correction(CorrectionRequest r) =>
        new(r.Year, r.Version, Level(r.Level), Reason(r.NotRated), r.DecisionNumber ?? "", r.DecidedOn, r.Reason ?? "", r.Score, r.Note);

    private static RoundDto Dto(RatingRound r) => new(r.Id, r.Year, r.ReviewDate, r.Deadline, r.PolicyVersion, r.Status.ToString(), r.Version);

    private static FourGoodDto Dto(FourGoodTitle t) => new(t.Id, t.Year, t.PoliticalTask, t.MeetingQuality, t.UnityDiscipline, t.CadresMembers, t.Recognized, t.Version);

    private static RewardDto Dto(Reward r) => new(r.Id, r.Subject.ToString(), r.Year, RatingNames.Of(r.Form), r.Title, r.DecidedBy, r.DecisionNumber, r.DecidedOn);

    private static bool TryYear(string? text, TimeProvider clock, out int year, out BadRequest<ProblemDetails> bad)
    {
        bad = null!;
        year = clock.Today().Year;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1930 and <= 9998)
        {
            return true;
        }

        bad = Problems.Field("year", $"Năm \"{text}\" không hợp lệ.");
        return false;
    }

    private static async Task<Results<Ok<IReadOnlyList<RoundView>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> RoundsAsync(
        HttpContext http, ChiBoDb db, string? org, string? year, CancellationToken ct)
    {
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.Field("year", $"Năm \"{year}\" không hợp lệ.");
            }

            y = parsed;
        }

        var lookup = await http.FindAsync(db, org, Operation.RatingsRead);
        return lookup.Found ? TypedResults.Ok(await RatingQueries.RoundsAsync(db, lookup, y, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<RatingBoard>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> BoardAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, CancellationToken ct)
    {
        if (!TryYear(year, clock, out var y, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.RatingsRead);
        if (lookup.Organization is not { } o)
        {
            return Problems.NoOrg(org);
        }

        await http.AuditReadAsync("RatingBoard", o.ProvinceId, null, o.Id);
        return TypedResults.Ok(await RatingQueries.BoardAsync(db, await http.ScopeAsync(), o, y, ct));
    }

    private static async Task<Results<Ok<MemberRatingDetails>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> MemberAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, int id, string? year, CancellationToken ct)
    {
        if (!TryYear(year, clock, out var y, out var bad))
        {
            return bad;
        }

        var details = await RatingQueries.MemberAsync(db, await http.ScopeAsync(), id, y, ct);
        return details is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy đảng viên", Detail = $"Không có đảng viên mã số {id.ToString(CultureInfo.InvariantCulture)} trong phạm vi được xem." })
            : TypedResults.Ok(details);
    }

    private static async Task<Results<Ok<OrgRatingDetails>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> OrganizationAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string code, string? year, CancellationToken ct)
    {
        if (!TryYear(year, clock, out var y, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, code, Operation.RatingsRead);
        var details = lookup.Organization is { } o && string.Equals(o.Code, code, StringComparison.Ordinal)
            ? await RatingQueries.OrganizationAsync(db, await http.ScopeAsync(), o, y, ct)
            : null;
        return details is null ? Problems.NoOrg(code) : TypedResults.Ok(details);
    }

    private static async Task<Ok<IReadOnlyList<MyRating>>> MineAsync(HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        return TypedResults.Ok(scope.MemberId is { } id ? await RatingQueries.MineAsync(db, id, ct) : (IReadOnlyList<MyRating>)[]);
    }

    /// <summary>A list of a subtree's year, for Ratings.Read; the follow-up list's names are a read of personal data, audited.</summary>
    private static async Task<Results<Ok<T>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> YearListAsync<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, Func<OrgLookup, int, Task<T>> run, string? audited = null)
    {
        if (!TryYear(year, clock, out var y, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.RatingsRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        if (audited is not null)
        {
            await http.AuditReadAsync(audited, lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        }

        return TypedResults.Ok(await run(lookup, y));
    }

    private static FileContentHttpResult Template()
    {
        using var buffer = new MemoryStream();
        RatingSheet.WriteTemplate(buffer);
        return TypedResults.File(buffer.ToArray(), XlsxType, "mau-nhap-xep-loai.xlsx");
    }

    private static async Task<Results<Ok<RatingImportSucceeded>, BadRequest<RatingImportErrors>, NotFound<ProblemDetails>>> ImportAsync(
        HttpRequest request, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var http = request.HttpContext;
        var lookup = await http.FindAsync(db, org, Operation.RatingsWrite);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        IFormFile? file = null;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.FirstOrDefault() : null;
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body: answered below as "no file", not as a server error.
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.BadRequest(new RatingImportErrors([new ImportError(0, "", "Chưa chọn tệp Excel (.xlsx) để nhập.")]));
        }

        await using var stream = file.OpenReadStream();
        ImportResult result;
        try
        {
            result = await new RatingImport(db, clock, await http.ScopeAsync(), http.Actor()).ImportAsync(stream, lookup.Subtree, ct);
        }
        catch (RuleViolationException e)
        {
            result = new ImportResult(0, [new ImportError(0, RatingSheet.ColumnOf(e.Field), e.Message)]);
        }

        return result.Succeeded ? TypedResults.Ok(new RatingImportSucceeded(result.Imported)) : TypedResults.BadRequest(new RatingImportErrors(result.Errors));
    }
}
