using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Portal;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Portal;

/// <summary>
/// My tasks (nhiệm vụ được phân công) for a year; I report the result of each (báo cáo kết quả),
/// which the cell committee reviews and may record again.
/// </summary>
public sealed class TasksModel(ChiBoDb db, TimeProvider clock) : PortalPageModel(db, clock)
{
    public int Year { get; private set; }
    public IReadOnlyList<MemberTask> Tasks { get; private set; } = [];
    public string? Error { get; private set; }
    public long? ErrorTask { get; private set; }

    public async Task OnGetAsync(int? nam, CancellationToken ct)
    {
        if (await LoadMeAsync())
        {
            await ReadAsync(nam, ct);
        }
    }

    public async Task<IActionResult> OnPostResultAsync(long taskId, int version, string? result, bool completed, CancellationToken ct)
    {
        if (!await LoadMeAsync())
        {
            return Page();
        }

        var task = await HandbookQueries.TaskAsync(Db, Me!.Member.Id, taskId, ct);
        if (task is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            await ReadAsync(null, ct);
            Error = "Không có nhiệm vụ này trong các nhiệm vụ của đồng chí.";
            return Page();
        }

        try
        {
            await new MeetingCommands(Db, Clock).RecordTaskResultAsync(taskId, version, result, completed, Today, ct);
            return Redirect($"/so-tay/nhiem-vu?nam={task.Year}#nv-{taskId}");
        }
        catch (MeetingRuleException e)
        {
            Db.ChangeTracker.Clear();
            await ReadAsync(task.Year, ct);
            Error = e.Message;
            ErrorTask = taskId;
            Response.StatusCode = e is MeetingEditConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task ReadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 1930 and <= 9998 ? year.Value : Today.Year;
        Tasks = await HandbookQueries.TasksAsync(Db, Me!.Member.Id, Year, ct);
    }
}
