using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web;

/// <summary>
/// Commands of the JSON API: a broken rule becomes 400 with the rule's Vietnamese message and
/// field, an edit conflict 409, a level the caller does not act at 403 naming the level, something
/// missing or outside the caller's subtrees 404, so every endpoint answers the same way.
/// </summary>
public static class RuleProblems
{
    public static async Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>, NotFound<ProblemDetails>, ProblemHttpResult>> RunAsync<T>(
        Func<Task<T>> command)
    {
        try
        {
            return TypedResults.Ok(await command());
        }
        catch (EditConflictException e)
        {
            return Problems.Conflict(e.Field, e.Message, e.CurrentVersion, e.Current);
        }
        catch (RuleViolationException e)
        {
            return Problems.Field(e.Field, e.Message);
        }
        catch (ForbiddenException e)
        {
            return Forbidden(e);
        }
        catch (NotFoundException e)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không tìm thấy", Detail = e.Message });
        }
    }

    public static ProblemHttpResult Forbidden(ForbiddenException e) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Không thuộc thẩm quyền của bạn",
        Detail = e.Message,
    });

    /// <summary>A refusal a page shows beside its form: the status it answers with, or null when the exception is not a refusal.</summary>
    public static int? StatusOf(Exception e) => e switch
    {
        EditConflictException => StatusCodes.Status409Conflict,
        RuleViolationException => StatusCodes.Status400BadRequest,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        _ => null,
    };

}
