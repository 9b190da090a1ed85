namespace ChiBo.Web.Access;

/// <summary>
/// Cross-site request forgery on the JSON API. The session cookie is SameSite=Strict, but that
/// alone leaves a browser that ignores SameSite, and a sibling site under the same registrable
/// domain, able to post with it. Every unsafe call under /api (login and logout included) must
/// carry <c>X-ChiBo: 1</c>: an HTML form cannot add a header, and a script on another origin
/// cannot either without a CORS preflight this app never grants. When the browser names the
/// page's origin (<c>Origin</c>), it must be this site's own. The pages' forms carry the
/// anti-forgery token instead; scripts and tools send the header.
/// </summary>
public static class ApiForgery
{
    public const string Header = "X-ChiBo";

    public static IApplicationBuilder UseApiForgeryCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api") && !IsSafe(request.Method) && Refusal(request) is { } why)
        {
            await TypedResults.Problem(title: "Yêu cầu bị từ chối", detail: why, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Null when the request may go on, else why not, in Vietnamese.</summary>
    internal static string? Refusal(HttpRequest request)
    {
        if (request.Headers[Header] != "1")
        {
            return $"Lệnh gửi tới /api (trừ GET) phải có tiêu đề {Header}: 1, để trang web khác không thể gửi thay người dùng.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwn(origin, request))
        {
            return $"Yêu cầu đến từ trang khác ({origin}), không phải từ {request.Scheme}://{request.Host}.";
        }

        return null;
    }

    /// <summary>Same scheme, host and port as this request (behind a proxy: as the proxy forwards them).</summary>
    private static bool IsOwn(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
