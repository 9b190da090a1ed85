using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ChiBo.Web;

public static class Compression
{
    /// <summary>
    /// Brotli, else gzip, for pages, styles, scripts, JSON and the web app manifest: members open
    /// the handbook on phones over poor rural connections (a page must stay under 100 KB).
    /// Also over HTTPS: the BREACH attack needs the victim's browser to send forged requests with
    /// the session cookie, which SameSite=Strict cookies (AccessSetup) do not allow.
    /// </summary>
    public static IServiceCollection AddChiBoCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/manifest+json", "image/svg+xml", "application/problem+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
