using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Documents;

public sealed record DocumentItemDto(
    long Id, string Number, DateOnly IssuedOn, string Issuer, string Kind, string KindLabel, string Title, string? Summary,
    string Format, long Size, string? OrgCode, string? OrgName, string Snippet, string SnippetHtml);

public sealed record DocumentPageDto(int Total, int Page, int PageSize, IReadOnlyList<string> Words, IReadOnlyList<DocumentItemDto> Items);

public sealed record MeetingRefDto(long Id, DateOnly Date, string Title, string Status, string CellCode, string CellName);

public sealed record DocumentDto(
    long Id, string Number, DateOnly IssuedOn, string Issuer, string Kind, string KindLabel, string Title, string? Summary,
    string FileName, string ContentType, string Format, long Size, string Sha256, string? OrgCode, string? OrgName,
    string UploadedBy, DateTimeOffset UploadedAt, int Version, int TextLength, string Excerpt,
    IReadOnlyList<MeetingRefDto> Meetings, DateOnly? StudiedOn);

public sealed record AssignRequest(long MeetingId);

public sealed record AssignedDto(long DocumentId, long MeetingId, string AssignedBy, DateTimeOffset AssignedAt);

public sealed record StudiedRequest(DateOnly? StudiedOn);

public sealed record StudyDto(long DocumentId, int MemberId, DateOnly StudiedOn);

public sealed record StudyLineDto(int MemberId, string FullName, string CellCode, string CellName, DateOnly? StudiedOn);

public sealed record StudyRollDto(int Due, int Confirmed, bool Truncated, IReadOnlyList<StudyLineDto> Members);

public sealed record ToStudyDto(long DocumentId, string Number, string Title, string Kind, DateOnly IssuedOn, long MeetingId, DateOnly MeetingDate, string MeetingTitle);

/// <summary>
/// Thư viện văn bản: search, read, download, file (multipart), assign to meetings, confirm study.
/// A document outside the caller's chain and subtrees is "not found".
/// </summary>
public static class DocumentsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", SearchAsync).Requires(Operation.DocumentsRead);
        group.MapGet("/to-study", ToStudyAsync).Requires(Operation.DocumentsRead);
        group.MapGet("/{id:long}", GetAsync).Requires(Operation.DocumentsRead);
        group.MapGet("/{id:long}/file", FileAsync).Requires(Operation.DocumentsRead);
        group.MapGet("/{id:long}/studies", StudiesAsync).Requires(Operation.DocumentsRead);
        group.MapPost("/{id:long}/studied", StudiedAsync).Requires(Operation.DocumentsRead);

        // Scripts and tools upload here with the X-ChiBo header (ApiForgery); browsers use
        // Pages/Documents/Upload with its anti-forgery token.
        group.MapPost("/", UploadAsync).Requires(Operation.DocumentsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(DocumentText.MaxSize + (1024 * 1024)));
        group.MapDelete("/{id:long}", RemoveAsync).Requires(Operation.DocumentsWrite);
        group.MapPost("/{id:long}/meetings", AssignAsync).Requires(Operation.DocumentsWrite);
        group.MapDelete("/{id:long}/meetings/{meetingId:long}", UnassignAsync).Requires(Operation.DocumentsWrite);
    }

    private static NotFound<ProblemDetails> NoDocument(long id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy văn bản",
        Detail = $"Không có văn bản mã {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} trong phạm vi bạn được xem.",
    });

    private static NotFound<ProblemDetails> NoMeeting(long id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy buổi sinh hoạt",
        Detail = $"Không có buổi sinh hoạt mã {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} trong phạm vi bạn được phân công tài liệu.",
    });

    private static async Task<Results<Ok<DocumentPageDto>, BadRequest<ProblemDetails>>> SearchAsync(HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        if (DocumentWeb.ParseFilter(http.Request.Query, out var field, out var error) is not { } filter)
        {
            return Problems.Field(field!, error!);
        }

        var page = await DocumentQueries.SearchAsync(db, await http.ViewAsync(), filter, ct);
        return TypedResults.Ok(new DocumentPageDto(page.Total, page.Page, page.PageSize, page.Words, page.Items.Select(ItemDto).ToList()));
    }

    internal static DocumentItemDto ItemDto(DocumentHit h) => new(
        h.Id, h.Number, h.IssuedOn, h.Issuer, Labels.ApiName(h.Kind), DocumentKinds.Of(h.Kind), h.Title, h.Summary, Labels.ApiName(h.Format),
        h.Size, h.OrgCode, h.OrgName, Snippets.Plain(h.Snippet), DocumentWeb.SnippetHtml(h.Snippet));

    private static async Task<Results<Ok<DocumentDto>, NotFound<ProblemDetails>>> GetAsync(long id, HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is not { } details)
        {
            return NoDocument(id);
        }

        var d = details.Document;
        var scope = await http.ScopeAsync();
        var within = await http.SubtreeAsync(Operation.DocumentsRead);
        var meetings = await DocumentQueries.MeetingsAsync(db, id, within, ct);
        DateOnly? studied = scope.MemberId is { } memberId ? await DocumentQueries.StudiedOnAsync(db, id, memberId, ct) : null;
        return TypedResults.Ok(new DocumentDto(
            d.Id, d.Number, d.IssuedOn, d.Issuer, Labels.ApiName(d.Kind), DocumentKinds.Of(d.Kind), d.Title, d.Summary, d.FileName, d.ContentType,
            Labels.ApiName(d.Format), d.Size, d.Sha256, details.OrgCode, details.OrgName, d.UploadedBy, d.UploadedAt, d.Version, d.Text.Length,
            DocumentWeb.Excerpt(d.Text), meetings.Select(MeetingDto).ToList(), studied));
    }

    internal static MeetingRefDto MeetingDto(AssignedMeeting m) =>
        new(m.MeetingId, m.Date, m.Title, Labels.ApiName(m.Status), m.CellCode, m.CellName);

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> FileAsync(long id, HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is not { } details || await DocumentQueries.FileAsync(db, id, ct) is not { } bytes)
        {
            return NoDocument(id);
        }

        return TypedResults.File(bytes, details.Document.ContentType, details.Document.FileName);
    }

    private static async Task<Results<Ok<DocumentDto>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> UploadAsync(
        HttpRequest request, ChiBoDb db, TimeProvider clock, string? org, CancellationToken ct)
    {
        var http = request.HttpContext;
        var (found, target) = await http.UploadTargetAsync(db, org);
        if (!found)
        {
            return Problems.NoOrg(org);
        }

        if (await DocumentWeb.FormAsync(request, ct) is not { } form)
        {
            return Problems.Field("file", $"Cần gửi biểu mẫu multipart có tệp văn bản (PDF, Word .docx hoặc .txt), tối đa {DocumentText.MaxSize / 1024 / 1024} MB.");
        }

        var (upload, field, error) = await DocumentWeb.ReadUploadAsync(form, target?.Id, ct);
        if (upload is null)
        {
            return Problems.Field(field!, error!);
        }

        var result = await RuleProblems.RunAsync(() => new DocumentCommands(db, clock, http.Actor()).UploadAsync(upload, ct));
        if (result.Result is not Ok<Document> ok)
        {
            return result.Result switch
            {
                BadRequest<ProblemDetails> bad => bad,
                Conflict<ProblemDetails> conflict => conflict,
                _ => throw new InvalidOperationException(),
            };
        }

        var details = await DocumentQueries.GetAsync(db, new ChainView([Subtree.Everything]), ok.Value!.Id, ct);
        var d = details!.Document;
        return TypedResults.Ok(new DocumentDto(
            d.Id, d.Number, d.IssuedOn, d.Issuer, Labels.ApiName(d.Kind), DocumentKinds.Of(d.Kind), d.Title, d.Summary, d.FileName, d.ContentType,
            Labels.ApiName(d.Format), d.Size, d.Sha256, details.OrgCode, details.OrgName, d.UploadedBy, d.UploadedAt, d.Version, d.Text.Length,
            DocumentWeb.Excerpt(d.Text), [], null));
    }

    private static async Task<Results<Ok<bool>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> RemoveAsync(
        long id, int? version, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is not { } details || !await http.CanWriteAsync(details))
        {
            return NoDocument(id);
        }

        var result = await RuleProblems.RunAsync(async () =>
        {
            await new DocumentCommands(db, clock, http.Actor()).RemoveAsync(id, version ?? -1, ct);
            return true;
        });
        return result.Result switch
        {
            Ok<bool> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<AssignedDto>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> AssignAsync(
        long id, AssignRequest request, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is null)
        {
            return NoDocument(id);
        }

        if (!await http.CanAssignToMeetingAsync(db, request.MeetingId))
        {
            return NoMeeting(request.MeetingId);
        }

        var result = await RuleProblems.RunAsync(async () =>
        {
            var link = await new DocumentCommands(db, clock, http.Actor()).AssignToMeetingAsync(id, request.MeetingId, ct);
            return new AssignedDto(link.DocumentId, link.MeetingId, link.AssignedBy, link.AssignedAt);
        });
        return result.Result switch
        {
            Ok<AssignedDto> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Results<Ok<bool>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> UnassignAsync(
        long id, long meetingId, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is null)
        {
            return NoDocument(id);
        }

        if (!await http.CanAssignToMeetingAsync(db, meetingId))
        {
            return NoMeeting(meetingId);
        }

        var result = await RuleProblems.RunAsync(() => new DocumentCommands(db, clock, http.Actor()).UnassignFromMeetingAsync(id, meetingId, ct));
        return result.Result switch
        {
            Ok<bool> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The signed-in member confirms studying the document (the account must be linked to a member record).</summary>
    private static async Task<Results<Ok<StudyDto>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> StudiedAsync(
        long id, StudiedRequest? request, HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is null)
        {
            return NoDocument(id);
        }

        if ((await http.ScopeAsync()).MemberId is not { } memberId)
        {
            return Problems.Field("memberId", "Tài khoản của bạn không gắn với hồ sơ đảng viên nào nên không xác nhận học tập được.");
        }

        var result = await RuleProblems.RunAsync(async () =>
        {
            var study = await new DocumentCommands(db, clock, http.Actor()).ConfirmStudiedAsync(id, memberId, request?.StudiedOn, ct);
            return new StudyDto(study.DocumentId, study.MemberId, study.StudiedOn);
        });
        return result.Result switch
        {
            Ok<StudyDto> ok => ok,
            BadRequest<ProblemDetails> bad => bad,
            Conflict<ProblemDetails> conflict => conflict,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// Who has and has not studied it: inside the subtree where the caller reads member records;
    /// a plain member sees only their own line.
    /// </summary>
    private static async Task<Results<Ok<StudyRollDto>, NotFound<ProblemDetails>>> StudiesAsync(long id, HttpContext http, ChiBoDb db, CancellationToken ct)
    {
        if (await http.VisibleAsync(db, id) is null)
        {
            return NoDocument(id);
        }

        var roll = await StudyRollOfCallerAsync(http, db, id, ct);
        return TypedResults.Ok(new StudyRollDto(roll.Due, roll.Confirmed, roll.Truncated,
            roll.Lines.Select(l => new StudyLineDto(l.MemberId, l.FullName, l.CellCode, l.CellName, l.StudiedOn)).ToList()));
    }

    /// <summary>The roll inside the caller's Members.Read subtree (audited: it lists members); else the caller's own line.</summary>
    internal static async Task<StudyRoll> StudyRollOfCallerAsync(HttpContext http, ChiBoDb db, long id, CancellationToken ct)
    {
        var scope = await http.ScopeAsync();
        if (scope.Can(Operation.MembersRead))
        {
            var within = await http.SubtreeAsync(Operation.MembersRead);
            var roll = await DocumentQueries.StudyRollAsync(db, id, within, ct: ct);
            await http.AuditReadAsync("DocumentStudyRoll", within.ProvinceId, null, null);
            return roll;
        }

        if (scope.MemberId is { } memberId)
        {
            var cell = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Members.Where(m => m.Id == memberId).Select(m => new { m.ProvinceId, m.Cell!.Path }), ct);
            var mine = cell is null
                ? new StudyRoll(0, 0, [], false)
                : await DocumentQueries.StudyRollAsync(db, id, new Subtree(cell.ProvinceId, cell.Path), int.MaxValue, ct);
            var line = mine.Lines.Where(l => l.MemberId == memberId).ToList();
            return new StudyRoll(line.Count, line.Count(l => l.StudiedOn is not null), line, false);
        }

        return new StudyRoll(0, 0, [], false);
    }

    private static async Task<Results<Ok<IReadOnlyList<ToStudyDto>>, BadRequest<ProblemDetails>>> ToStudyAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        if ((await http.ScopeAsync()).MemberId is not { } memberId)
        {
            return Problems.Field("memberId", "Tài khoản của bạn không gắn với hồ sơ đảng viên nào.");
        }

        var list = await DocumentQueries.ToStudyForMemberAsync(db, memberId, clock.Today(), ct);
        return TypedResults.Ok<IReadOnlyList<ToStudyDto>>(list.Select(d => new ToStudyDto(
            d.DocumentId, d.Number, d.Title, Labels.ApiName(d.Kind), d.IssuedOn, d.MeetingId, d.MeetingDate, d.MeetingTitle)).ToList());
    }
}
