using System.Net;
using System.Text;
using ChiBo.Web.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ChiBo.Tests.Infrastructure;

/// <summary>A PDF the server printed: its page count and its text as PdfPig reads it (NFC).</summary>
public sealed record PrintedPdf(int Pages, string Text)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// GETs <paramref name="url"/> and checks that it is a PDF ("%PDF-", application/pdf, one page at
    /// least). Without Chromium the test is skipped locally and fails under CI, like the browser tests.
    /// </summary>
    public static async Task<PrintedPdf> GetAsync(HttpClient client, string url)
    {
        RequireChromium();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 2000)]));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(PrintedDocuments.PdfType);
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBeGreaterThanOrEqualTo(1);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
        }

        return new PrintedPdf(pdf.NumberOfPages, text.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>The text with every run of white space as one space, to find phrases that wrap across lines.</summary>
    public string Flat => string.Join(' ', Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static void RequireChromium()
    {
        if (File.Exists(BrowserSession.ChromiumPath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"Chromium is missing at {BrowserSession.ChromiumPath}; scripts/setup.sh installs it.");
        }

        Assert.Skip($"Chromium is missing at {BrowserSession.ChromiumPath} (scripts/setup.sh installs it from Debian's packages).");
    }
}
