using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web;

/// <summary>
/// Commands of the JSON API: a broken rule becomes 400 with the rule's Vietnamese message and
/// field, an edit conflict 409, so every endpoint answers the same way.
/// </summary>
public static class RuleProblems
{
    public static async Task<Results<Ok<T>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>>> RunAsync<T>(Func<Task<T>> command)
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
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
