using System.Text.Encodings.Web;
using ChiBo.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// The frame of the cadre pages' forms: the form read, the Core command run as the caller, then a
/// redirect back with what was done; a refusal is shown next to the input the rule names (400), a
/// stale version on the form as a whole (409), and the page is loaded again around it.
/// </summary>
public abstract class CadrePageModel : SubtreePageModel
{
    /// <summary>Which form was posted and refused ("seat-12-end"…): its messages are shown inside it.</summary>
    public string? Posted { get; private set; }

    /// <summary>What was just done, from the redirect after a successful post.</summary>
    public string? Done { get; protected set; }

    /// <summary>The value a refused form posted for an input, else the fallback (so the form keeps what was typed).</summary>
    public string Field(string form, string key, string fallback) =>
        Posted == form && Request.HasFormContentType ? Request.Form[key].ToString() : fallback;

    /// <summary>
    /// Runs one posted form. <paramref name="run"/> returns where to go when it succeeded, or null
    /// when the form itself was not valid (its messages are already in ModelState).
    /// </summary>
    protected async Task<IActionResult> ActAsync(
        string posted, IReadOnlyCollection<string> inputs, IReadOnlyDictionary<string, string>? aliases,
        Func<PostedForm, Task<string?>> run, Func<Task<bool>> reload)
    {
        Posted = posted;
        var form = new PostedForm(Request.Form, ModelState);
        try
        {
            if (await run(form) is { } next)
            {
                return Redirect(next);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (EditConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message + " Trang đã được tải lại với dữ liệu mới nhất.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (RuleViolationException e)
        {
            // "Criteria[2].Weight" stands next to the form's "Criteria" when the form has no input of its own for it.
            var field = aliases?.GetValueOrDefault(e.Field) ?? e.Field;
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            if (!inputs.Contains(field) && bracket > 0 && inputs.Contains(field[..bracket]))
            {
                field = field[..bracket];
            }

            ModelState.Show(new RuleViolationException(field, e.Message), inputs);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // The page is read again from the database, not from what the refused command left tracked.
        HttpContext.RequestServices.GetRequiredService<ChiBoDb>().ChangeTracker.Clear();
        var status = Response.StatusCode;
        if (!await reload())
        {
            return Page();
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The form's messages as a whole when this form was the one posted.</summary>
    public IReadOnlyList<string> GeneralErrors(string form) => Posted == form ? ModelState.General() : [];

    public string? ErrorFor(string form, string key) => Posted == form ? ModelState.For(key) : null;

    /// <summary>The message next to an input of a form, as <c>&lt;field-error&gt;</c> prints it, only for the form that was posted.</summary>
    public IHtmlContent Err(string form, string key) => ErrorFor(form, key) is { } m
        ? new HtmlString($"<span class=\"field-error\" role=\"alert\" data-for=\"{HtmlEncoder.Default.Encode(key)}\">{HtmlEncoder.Default.Encode(m)}</span>")
        : HtmlString.Empty;

    /// <summary>The messages about a form as a whole, as <c>&lt;form-errors&gt;</c> prints them.</summary>
    public IHtmlContent Errs(string form)
    {
        var messages = GeneralErrors(form);
        return messages.Count == 0
            ? HtmlString.Empty
            : new HtmlString("<div class=\"error form-errors\" role=\"alert\">" + string.Concat(messages.Select(m => "<p>" + HtmlEncoder.Default.Encode(m) + "</p>")) + "</div>");
    }
}
