using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web;

/// <summary>ProblemDetails in Vietnamese for the JSON API: 400 names the field, 404 names what is missing.</summary>
public static class Problems
{
    public static BadRequest<ProblemDetails> Invalid(string field, string message) =>
        Reports.ReportsApi.Problem(field, message);

    public static NotFound<ProblemDetails> OrgNotFound(string? code) => Reports.ReportsApi.OrgNotFound(code);

    public static NotFound<ProblemDetails> MemberNotFound(int id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy đảng viên",
        Detail = $"Không có đảng viên mã số {id.ToString(System.Globalization.CultureInfo.InvariantCulture)} trong phạm vi được xem.",
    });
}
