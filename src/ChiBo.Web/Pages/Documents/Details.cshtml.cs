using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Web.Access;
using ChiBo.Web.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Documents;

/// <summary>
/// One document: metadata, the start of its text (or the passages matching the search), download,
/// the meetings that study it, who has studied it within the caller's scope; a member confirms
/// studying it, a committee assigns it to its cells' meetings.
/// </summary>
[Requires(Operation.DocumentsRead)]
public sealed class DetailsModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public DocumentDetails? Details { get; private set; }
    public IReadOnlyList<SnippetPart> Passage { get; private set; } = [];
    public IReadOnlyList<AssignedMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<AssignedMeeting> Assignable { get; private set; } = [];
    public StudyRoll Roll { get; private set; } = new(0, 0, [], false);
    public bool IsMember { get; private set; }
    public DateOnly? StudiedOn { get; private set; }
    public bool CanAssign { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        var words = DocumentIndex.Words(q ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (words.Count > 0)
        {
            Passage = Snippets.Make(Details!.Document.Text, words, 80);
        }

        Message = done switch
        {
            "hoc-tap" => "Đã ghi nhận bạn đã học tập, quán triệt văn bản này.",
            "phan-cong" => "Đã đưa văn bản vào tài liệu của buổi sinh hoạt.",
            "bo-phan-cong" => "Đã bỏ văn bản khỏi tài liệu của buổi sinh hoạt.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostStudiedAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        if ((await HttpContext.ScopeAsync()).MemberId is not { } memberId)
        {
            return Fail("Tài khoản của bạn không gắn với hồ sơ đảng viên nào nên không xác nhận học tập được.");
        }

        try
        {
            await new DocumentCommands(db, clock, HttpContext.Actor()).ConfirmStudiedAsync(Id, memberId, null, ct);
        }
        catch (RuleViolationException e)
        {
            return Fail(e.Message);
        }

        return Redirect($"/tai-lieu/{Id}?done=hoc-tap");
    }

    public async Task<IActionResult> OnPostAssignAsync(long meetingId, CancellationToken ct) =>
        await MeetingActionAsync(meetingId, "phan-cong", c => c.AssignToMeetingAsync(Id, meetingId, ct), ct);

    public async Task<IActionResult> OnPostUnassignAsync(long meetingId, CancellationToken ct) =>
        await MeetingActionAsync(meetingId, "bo-phan-cong", c => c.UnassignFromMeetingAsync(Id, meetingId, ct), ct);

    private async Task<IActionResult> MeetingActionAsync(long meetingId, string done, Func<DocumentCommands, Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        if (!await HttpContext.CanAssignToMeetingAsync(db, meetingId))
        {
            return Fail($"Không có buổi sinh hoạt mã {meetingId} trong phạm vi bạn được phân công tài liệu.", StatusCodes.Status404NotFound);
        }

        try
        {
            await action(new DocumentCommands(db, clock, HttpContext.Actor()));
        }
        catch (RuleViolationException e)
        {
            return Fail(e.Message);
        }

        return Redirect($"/tai-lieu/{Id}?done={done}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Details = await HttpContext.VisibleAsync(db, Id);
        if (Details is null)
        {
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        ViewData["Title"] = $"{DocumentKinds.Of(Details.Document.Kind)} số {Details.Document.Number}";
        Meetings = await DocumentQueries.MeetingsAsync(db, Id, await HttpContext.SubtreeAsync(Operation.DocumentsRead), ct);
        Roll = await DocumentsApi.StudyRollOfCallerAsync(HttpContext, db, Id, ct);
        IsMember = scope.MemberId is not null;
        StudiedOn = scope.MemberId is { } memberId ? await DocumentQueries.StudiedOnAsync(db, Id, memberId, ct) : null;
        CanAssign = scope.Can(Operation.DocumentsWrite);
        if (CanAssign)
        {
            Assignable = await DocumentQueries.AssignableMeetingsAsync(
                db, Details, await HttpContext.SubtreeAsync(Operation.DocumentsWrite), clock.Today().AddDays(-30), 50, ct);
        }

        return true;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        ViewData["Title"] = "Không tìm thấy văn bản";
        Details = null;
        return Page();
    }

    private PageResult Fail(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
