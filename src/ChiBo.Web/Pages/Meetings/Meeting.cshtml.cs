using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Meetings;

/// <summary>
/// One meeting (buổi sinh hoạt): its plan; the roll call in one form (everyone present unless
/// marked otherwise); minutes and resolutions; the rating against the criteria of the provincial
/// guidance; cancelling it with a reason. Every form carries the version it was read at.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class MeetingModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public long Id { get; private set; }
    public Meeting? Meeting { get; private set; }
    public Organization? Cell { get; private set; }
    public IReadOnlyList<RollLine> Roll { get; private set; } = [];
    public MeetingQualityPolicy Policy { get; } = MeetingRules.Default.Quality;
    public IReadOnlyDictionary<string, int> Scores { get; private set; } = new Dictionary<string, int>();
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public string? Done { get; private set; }

    /// <summary>What the secretary entered, shown again when a form was refused.</summary>
    public Dictionary<string, string?> Entered { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(long id, string? ok)
    {
        if (await LoadAsync(id))
        {
            Done = ok switch
            {
                "attendance" => "Đã ghi điểm danh.",
                "hold" => "Đã ghi biên bản: buổi sinh hoạt được ghi nhận là đã họp.",
                "rate" => "Đã xếp loại chất lượng buổi sinh hoạt.",
                "cancel" => "Đã hủy buổi sinh hoạt.",
                _ => null,
            };
        }

        return Page();
    }

    /// <summary>The roll call: one line per member, present unless marked otherwise; an excused absence needs its reason.</summary>
    public Task<IActionResult> OnPostAttendanceAsync(long id) => WriteAsync(id, "attendance", async (commands, version, ct) =>
    {
        var entries = new List<AttendanceEntry>();
        foreach (var line in Roll.Where(l => l.OnRoll || Request.Form.ContainsKey(PresenceField(l.MemberId))))
        {
            var text = Keep(PresenceField(line.MemberId));
            var reason = Keep(ReasonField(line.MemberId));
            var presence = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && Enum.IsDefined((Presence)p)
                ? (Presence)p
                : Presence.Present;
            entries.Add(new AttendanceEntry(line.MemberId, presence, reason));
        }

        await commands.RecordAttendanceAsync(id, version, entries, ct);
    });

    public Task<IActionResult> OnPostHoldAsync(long id) => WriteAsync(id, "hold", (commands, version, ct) =>
        commands.HoldAsync(id, version, Keep("minutes"), Keep("resolutions"), ct));

    public Task<IActionResult> OnPostRateAsync(long id) => WriteAsync(id, "rate", async (commands, version, ct) =>
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in Policy.Criteria)
        {
            if (int.TryParse(Keep(ScoreField(c.Code)), NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                scores[c.Code] = s;
            }
        }

        await commands.RateAsync(id, version, scores, ct);
    });

    public Task<IActionResult> OnPostCancelAsync(long id) => WriteAsync(id, "cancel", (commands, version, ct) =>
        commands.CancelAsync(id, version, Keep("reason"), ct));

    public static string PresenceField(int memberId) => "p" + memberId.ToString(CultureInfo.InvariantCulture);

    public static string ReasonField(int memberId) => "r" + memberId.ToString(CultureInfo.InvariantCulture);

    public static string ScoreField(string code) => "s-" + code;

    /// <summary>The value a field had when the form was refused, else null.</summary>
    public string? Was(string field) => Entered.GetValueOrDefault(field);

    private string? Keep(string field)
    {
        var value = Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;
        Entered[field] = value;
        return value;
    }

    private async Task<IActionResult> WriteAsync(long id, string ok, Func<MeetingCommands, int, CancellationToken, Task> command)
    {
        if (!await LoadAsync(id))
        {
            return Page();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (!int.TryParse(Request.Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Refused("Version", "Thiếu phiên bản của buổi sinh hoạt: hãy tải lại trang.", StatusCodes.Status400BadRequest);
        }

        try
        {
            await command(new MeetingCommands(db, clock), version, HttpContext.RequestAborted);
            return Redirect($"/sinh-hoat/{id.ToString(CultureInfo.InvariantCulture)}?ok={ok}");
        }
        catch (MeetingEditConflictException e)
        {
            return Refused(e.Field, e.Message, StatusCodes.Status409Conflict);
        }
        catch (MeetingRuleException e)
        {
            return Refused(e.Field, e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Refused(string field, string message, int status)
    {
        Error = message;
        ErrorField = field;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        Id = id;
        Today = clock.Today();
        var found = await CellLifeWeb.FindMeetingAsync(HttpContext, db, id, Operation.MembersRead);
        if (found is not { } f)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        (Meeting, Cell) = f;
        Roll = await CellLifeQueries.RollCallAsync(db, Meeting, HttpContext.RequestAborted);
        Scores = CellLifeWeb.Scores(Meeting.RatingDetails);
        CanWrite = await CellLifeWeb.CanWriteAsync(HttpContext, Cell);
        ViewData["Title"] = $"{Meeting.Title} – {Cell.Name}";
        ViewData["ScopeOrg"] = Cell.Code;
        return true;
    }

    /// <summary>The presence shown for a member: what was entered, what was recorded, else present.</summary>
    public Presence Shown(RollLine line) =>
        int.TryParse(Was(PresenceField(line.MemberId)), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && Enum.IsDefined((Presence)p)
            ? (Presence)p
            : line.Presence ?? Presence.Present;

    public bool RollRecorded => Roll.Any(l => l.Presence is not null);
}
