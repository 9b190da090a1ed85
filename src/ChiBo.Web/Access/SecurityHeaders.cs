namespace ChiBo.Web.Access;

public static class SecurityHeaders
{
    /// <summary>No inline script anywhere: the CSP allows scripts and styles from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        await next(http);
    });
}

public static class SiteData
{
    /// <summary>
    /// Asks the browser to drop this site's caches and storage (the handbook's service worker and
    /// the pages it kept offline) when a session ends or another one starts on the same phone, so
    /// one person's pages are never shown to the next.
    /// </summary>
    public static void ClearSiteCaches(this HttpResponse response) => response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
}
