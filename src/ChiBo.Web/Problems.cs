using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web;

/// <summary>
/// ProblemDetails in Vietnamese for the JSON API, served as application/problem+json:
/// 400 names the field in <c>field</c>, 404 says what is missing.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(string field, string message) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Dữ liệu không hợp lệ",
        Detail = message,
        Extensions = { ["field"] = field },
    });

    public static ProblemHttpResult OrgNotFound(string? code) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Không tìm thấy tổ chức",
        Detail = $"Không có tổ chức đảng mã \"{code}\" trong phạm vi được xem.",
    });

    public static ProblemHttpResult MemberNotFound(int id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Không tìm thấy đảng viên",
        Detail = $"Không có đảng viên mã số {id.ToString(CultureInfo.InvariantCulture)} trong phạm vi được xem.",
    });

    /// <summary>400 naming the field, for handlers with typed results.</summary>
    public static BadRequest<ProblemDetails> Field(string field, string message) => TypedResults.BadRequest(new ProblemDetails
    {
        Title = "Dữ liệu không hợp lệ",
        Detail = message,
        Extensions = { ["field"] = field },
    });

    /// <summary>
    /// 409 for an edit that lost to another: the message, the field and, when the record has one,
    /// <c>currentVersion</c> (the version to reload and send again); <c>current</c> names what was
    /// written first when the thing has no version (a month of fees).
    /// </summary>
    public static Conflict<ProblemDetails> Conflict(string field, string message, int? currentVersion, object? current = null)
    {
        var problem = new ProblemDetails { Title = "Dữ liệu đã thay đổi", Detail = message, Extensions = { ["field"] = field } };
        if (currentVersion is { } version)
        {
            problem.Extensions["currentVersion"] = version;
        }

        if (current is not null)
        {
            problem.Extensions["current"] = current;
        }

        return TypedResults.Conflict(problem);
    }

    /// <summary>404 for an organization code, for handlers with typed results.</summary>
    public static NotFound<ProblemDetails> NoOrg(string? code) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy tổ chức",
        Detail = $"Không có tổ chức đảng mã \"{code}\".",
    });
}
