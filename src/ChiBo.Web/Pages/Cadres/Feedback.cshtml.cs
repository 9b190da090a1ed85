using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Phiếu lấy ý kiến: a respondent (a superior, a peer, a subordinate, a citizen) answers with the
/// one-time code handed out, without an account; <see cref="EvaluationCommands.AnswerAsync"/> keeps
/// the answers on a ballot that names no one, so nothing here can say who answered what.
/// Rate-limited like the sign-in page, since a code is a secret one could try to guess.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccessSetup.LoginLimit)]
public sealed class FeedbackModel(ChiBoDb db) : PageModel
{
    public string? Code { get; private set; }
    public FeedbackForm? Form { get; private set; }
    public string? Message { get; private set; }
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ma, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(ma))
        {
            await OpenAsync(ma, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? ma, CancellationToken ct)
    {
        if (!await OpenAsync(ma, ct))
        {
            return Page();
        }

        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in Form!.Asked)
        {
            if (int.TryParse(Request.Form["Answer." + c.Code], NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                answers[c.Code] = a;
            }
        }

        try
        {
            await EvaluationCommands.AnswerAsync(db, ma!, answers, ct: ct);
            (Answered, Form) = (true, null);
            return Page();
        }
        catch (RuleViolationException e)
        {
            Message = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> OpenAsync(string? code, CancellationToken ct)
    {
        Code = code?.Trim();
        Form = await EvaluationQueries.FeedbackFormAsync(db, code, ct: ct);
        if (Form is null)
        {
            Message = "Mã phiếu không đúng hoặc đã được dùng.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        return true;
    }
}
