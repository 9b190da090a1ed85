using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// A ratings page about a subtree's year (<c>?org=&amp;year=</c>, this year by default) whose forms
/// are <see cref="RatingCommands"/> run as the caller, as on the round desk: the page only
/// translates the command's answer — not found 404, another level's step 403 (said on top and next
/// to its field), a rule 400 next to its field, a stale version 409 — and redirects after success.
/// </summary>
public abstract class RatingYearPageModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    protected ChiBoDb Db => db;

    protected TimeProvider Clock => clock;

    public DateOnly Today { get; private set; }

    public int Year { get; private set; }

    /// <summary>Which form was posted and refused ("fg-T.01.01.01-assess"…): its messages are shown inside it.</summary>
    public string? Posted { get; private set; }

    /// <summary>What was just done, from the redirect after a successful post.</summary>
    public string? Done { get; protected set; }

    /// <summary>Why a step was refused as another level's (403).</summary>
    public string? Refusal { get; private set; }

    protected OrgLookup Lookup { get; private set; }

    public bool Mine(string key) => Posted == key;

    /// <summary>The subtree and the year, or false with <see cref="SubtreePageModel.Error"/> and its status.</summary>
    protected async Task<bool> FindYearAsync(string? org, string? year)
    {
        Today = clock.Today();
        if (CellLifeWeb.Year(year, Today) is not { } y)
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        Year = y;
        if (await FindSubtreeAsync(db, org, Operation.RatingsRead) is not { } lookup)
        {
            return false;
        }

        Lookup = lookup;
        ViewData["ScopeOrg"] = Code;
        return true;
    }

    /// <summary>
    /// The frame of every form: the page loaded in the caller's scope, the form read, the command run
    /// as the caller; its refusal is shown next to the input it is about, with the status it means.
    /// </summary>
    protected async Task<IActionResult> ActAsync(
        string posted, IReadOnlyCollection<string> inputs, IReadOnlyDictionary<string, string>? aliases,
        Func<Task<bool>> load, Func<RatingCommands, PostedForm, Task<bool>> run, Func<string> done, CancellationToken ct)
    {
        if (!await load())
        {
            return Page();
        }

        Posted = posted;
        var form = new PostedForm(Request.Form, ModelState);
        var scope = await HttpContext.ScopeAsync();
        try
        {
            if (await run(new RatingCommands(db, clock, scope, HttpContext.Actor()), form))
            {
                return Redirect(done());
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RatingNotFoundException e)
        {
            (Error, Response.StatusCode) = (e.Message, StatusCodes.Status404NotFound);
            return Page();
        }
        catch (RatingForbiddenException e)
        {
            Refusal = e.Message;
            var field = aliases?.GetValueOrDefault(e.Field) ?? e.Field;
            ModelState.AddModelError(inputs.Contains(field) ? field : string.Empty, e.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (EditConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message + " Trang đã được tải lại với dữ liệu mới nhất.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (RuleViolationException e)
        {
            Shown(e, inputs, aliases);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        db.ChangeTracker.Clear();
        await load();
        return Page();
    }

    /// <summary>Where a refused rule is shown; a page may place a rule of one line of many next to that line.</summary>
    protected virtual void Shown(RuleViolationException e, IReadOnlyCollection<string> inputs, IReadOnlyDictionary<string, string>? aliases) =>
        ModelState.Show(e, inputs, aliases);

    /// <summary>An organization's id by code; an unknown code is "not found", like one outside the caller's subtrees.</summary>
    protected async Task<int> OrgIdAsync(string? code, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(x => x.Code == code).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
        ?? throw new RatingNotFoundException($"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn.");

    /// <summary>This page for another organization or year, with what was done and where.</summary>
    protected string Link(string path, string? code = null, string? extra = null) =>
        path + "?org=" + Uri.EscapeDataString(code ?? Code) + "&year=" + Year.ToString(CultureInfo.InvariantCulture) + extra;

    /// <summary>An .xlsx answer.</summary>
    protected FileContentResult Xlsx(Action<Stream> write, string name)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return File(buffer.ToArray(), ChiBo.Web.Ratings.RatingsApi.XlsxType, string.Create(CultureInfo.InvariantCulture, $"{name}-{Code}-{Year}.xlsx"));
    }
}
