using Microsoft.Playwright;

namespace ChiBo.Web.Documents;

/// <summary>
/// Where Chromium is (setting <c>CHIBO_CHROMIUM</c>, Debian's <c>/usr/bin/chromium</c> by default),
/// how many documents print at once and how long one may take.
/// </summary>
public sealed record PdfPrinterOptions(string ExecutablePath, int MaxConcurrent, TimeSpan Timeout)
{
    public const string Setting = "CHIBO_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// Two prints at once: one Chromium page takes ~60 MB and a core while it lays out, and the
    /// server has two cores for everything else too; 30 s is far beyond the ~0,3 s a report takes.
    /// </summary>
    public static PdfPrinterOptions From(string? path) =>
        new(string.IsNullOrWhiteSpace(path) ? DefaultPath : path.Trim(), 2, TimeSpan.FromSeconds(30));
}

/// <summary>Why a document could not be printed to PDF; the page answers 503 with <see cref="Exception.Message"/>.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints a Party document's HTML to PDF with one headless Chromium, launched at the first print and
/// kept for the next (a launch costs ~1 s, a print ~0,3 s). Each print gets a fresh context with
/// JavaScript off and every request refused: the HTML arrives as a string with its CSS inline, so
/// nothing a document contains can reach the network or run. A missing or broken Chromium is a 503
/// with a way out (the .docx, the browser's own printing), never a crash of the request.
/// </summary>
public sealed class PdfPrinter(PdfPrinterOptions options, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    public const string NotInstalled = "Máy chủ chưa cài Chromium để in PDF; tải bản .docx hoặc in từ trình duyệt.";
    public const string Busy = "Máy chủ đang bận in các văn bản khác; thử lại sau ít phút, hoặc tải bản .docx hoặc in từ trình duyệt.";
    public const string Failed = "Máy chủ không in được văn bản này ra PDF; tải bản .docx hoặc in từ trình duyệt.";

    private static readonly string[] Args =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
        // Refused requests never leave the browser, but Chromium still preconnects to the hosts a
        // page names (a bare TCP connection, measured in PdfPrinterTests): every connection goes to
        // a proxy that is not there, loopback included, so none reaches a host.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly SemaphoreSlim _slots = new(options.MaxConcurrent, options.MaxConcurrent);
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>The PDF of <paramref name="html"/> (a whole document whose CSS sets the page: A4 and the margins).</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(options.Timeout);
        try
        {
            await _slots.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PdfUnavailableException(Busy);
        }

        try
        {
            var browser = await BrowserAsync(bound.Token);
            IBrowserContext? context = null;
            try
            {
                context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, Offline = true, ServiceWorkers = ServiceWorkerPolicy.Block });
                await context.RouteAsync("**/*", route => route.AbortAsync("blockedbyclient"));
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout((float)options.Timeout.TotalMilliseconds);
                return await PrintPageAsync(page, html).WaitAsync(bound.Token);
            }
            finally
            {
                if (context is not null)
                {
                    await CloseQuietlyAsync(context);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("A document took more than {Timeout} to print to PDF", options.Timeout);
            throw new PdfUnavailableException(Failed);
        }
        catch (PlaywrightException e)
        {
            logger.LogWarning(e, "Chromium failed to print a document to PDF");
            throw new PdfUnavailableException(Failed, e);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static async Task<byte[]> PrintPageAsync(IPage page, string html)
    {
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new() { PreferCSSPageSize = true, Format = "A4", PrintBackground = true, Tagged = true });
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launch.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!File.Exists(options.ExecutablePath))
            {
                throw new PdfUnavailableException(NotInstalled);
            }

            if (_browser is not null)
            {
                // It crashed or was killed: the next print starts a new one.
                await _browser.DisposeAsync();
                _browser = null;
            }

            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = options.ExecutablePath, Headless = true, Args = Args,
                    // Chromium's sandbox cannot start as root; as another user it stays on.
                    ChromiumSandbox = !string.Equals(Environment.UserName, "root", StringComparison.Ordinal),
                    Timeout = (float)options.Timeout.TotalMilliseconds,
                });
                return _browser;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // There, but it does not start (a broken install, the driver missing from the build, no memory).
                logger.LogError(e, "Chromium at {Path} did not start for printing to PDF", options.ExecutablePath);
                throw new PdfUnavailableException(Failed, e);
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            logger.LogWarning(e, "A print context of Chromium did not close");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
        }
        catch (PlaywrightException e)
        {
            logger.LogWarning(e, "Chromium did not close cleanly");
        }
        finally
        {
            _launch.Release();
        }

        _launch.Dispose();
        _slots.Dispose();
    }
}
