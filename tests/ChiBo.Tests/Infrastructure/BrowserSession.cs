using ChiBo.Access;
using Microsoft.Playwright;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright. Screenshots go to
/// <c>artifacts/screenshots/{test class}/</c> at the top of the checkout, which CI keeps.
/// Without Chromium the test is skipped locally and fails under CI (CI=true installs it).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHIBO_CHROMIUM") ?? "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>A browser test that runs longer than this fails instead of holding up the run.</summary>
    public const int TestTimeout = 300_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _shots;
    private int _shotCount;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, Uri baseAddress, string shots)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
        _shots = shots;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>A phone: 390 × 844 CSS pixels, touch, device scale 2.</summary>
    public static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh",
    };

    public static readonly BrowserNewContextOptions Desktop = new()
    {
        ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh",
    };

    /// <summary>
    /// Starts <paramref name="app"/> on Kestrel (a free port) and opens a browser page on it. When
    /// <paramref name="cancellationToken"/> fires (the test's timeout), the browser closes, so a
    /// pending Playwright call fails instead of waiting for ever.
    /// </summary>
    public static async Task<BrowserSession> StartAsync(ChiBoApp app, string testName, BrowserNewContextOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"Chromium is missing at {ChromiumPath}; scripts/setup.sh installs it.");
            }

            Assert.Skip($"Chromium is missing at {ChromiumPath} (scripts/setup.sh installs it from Debian's packages).");
        }

        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        cancellationToken.Register(() => _ = browser.CloseAsync());
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var shots = Path.Combine(TestPaths.Checkout, "artifacts", "screenshots", testName);
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(shots);
        return new BrowserSession(playwright, browser, context, page, baseAddress, shots);
    }

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(new Uri(BaseAddress, path).ToString());

    /// <summary>Another context of the same browser (its own cache and cookies), disposed by the caller.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Signs in through the login page, with a TOTP code when a secret is given.</summary>
    public async Task SignInAsync(string userName, string? totpSecret, TimeProvider clock)
    {
        await GoAsync("/dang-nhap");
        await Page.FillAsync("input[name=username]", userName);
        await Page.FillAsync("input[name=password]", ChiBoApp.Password);
        if (totpSecret is not null)
        {
            await Page.FillAsync("input[name=totp]", Totp.Code(totpSecret, clock.GetUtcNow()));
        }

        await Page.ClickAsync("main form button[type=submit]");
        await Page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the service worker registered for <paramref name="scope"/> becomes active within 10 s.
    /// Unlike <c>navigator.serviceWorker.ready</c>, which never settles on a page outside the scope,
    /// this always returns.
    /// </summary>
    public static Task<bool> ServiceWorkerActiveAsync(IPage page, string scope) => page.EvaluateAsync<bool>(
        """
        async scope => {
          for (let i = 0; i < 100; i++) {
            const r = await navigator.serviceWorker.getRegistration(scope);
            if (r && r.active) return true;
            await new Promise(done => setTimeout(done, 100));
          }
          return false;
        }
        """, scope);

    /// <summary>Saves a full-page screenshot numbered in order, and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var file = Path.Combine(_shots, $"{Interlocked.Increment(ref _shotCount):00}-{name}.png");
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

public static class TestPaths
{
    /// <summary>The top of the checkout (the folder holding ChiBo.slnx).</summary>
    public static string Checkout { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChiBo.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
