using ChiBo.Tests.Infrastructure;
using ChiBo.Tests.Portal;
using Microsoft.Playwright;

namespace ChiBo.Tests.Browser;

/// <summary>
/// Every handbook page, opened in a fresh phone context (empty cache, signed in), transfers less
/// than 100 KB: the HTML, style sheet, script, icons and manifest, and what the service worker
/// fetches to install — summed from Chromium's own figures (encoded body + headers per response).
/// </summary>
public sealed class PortalPageWeightTests
{
    private const long Budget = 100 * 1024;

    [Fact(Timeout = BrowserSession.TestTimeout)]
    public async Task Every_handbook_page_is_under_100_KB_on_first_load()
    {
        await using var world = await PortalWorld.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(world.Database, world.Clock);
        await world.AddMemberAccountAsync("an.dangvien", world.Data.An.Id, world.Data.CellOne.Code);
        await using var browser = await BrowserSession.StartAsync(app, nameof(PortalPageWeightTests), BrowserSession.Phone, TestContext.Current.CancellationToken);
        await browser.SignInAsync("an.dangvien", null, world.Clock);
        var signedIn = await browser.Context.StorageStateAsync();

        string[] pages =
        [
            "/so-tay", "/so-tay/ho-so", "/so-tay/tai-lieu", "/so-tay/thong-bao", "/so-tay/sinh-hoat", $"/so-tay/sinh-hoat/{world.TodaysMeeting.Id}",
            "/so-tay/sinh-hoat/lich-su", "/so-tay/nhiem-vu", "/so-tay/dang-phi", "/thu-tuc?loai=correction",
        ];
        var report = new List<string>();
        var over = new List<string>();
        foreach (var path in pages)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions(BrowserSession.Phone) { StorageState = signedIn });
            var responses = new List<IResponse>();
            context.Response += (_, r) => responses.Add(r);
            var page = await context.NewPageAsync();
            var document = await page.GotoAsync(new Uri(browser.BaseAddress, path).ToString());
            document!.Status.ShouldBe(200, path);
            (await document.HeaderValueAsync("content-encoding")).ShouldNotBeNull($"{path} is sent uncompressed");
            // The worker's scope is /so-tay; a handbook page outside it (procedures) registers it
            // without being controlled, so wait for the registration, not for `ready`.
            (await BrowserSession.ServiceWorkerActiveAsync(page, "/so-tay/")).ShouldBeTrue($"{path}: the service worker did not become active");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            long total = 0;
            var lines = new List<string>();
            foreach (var r in responses.ToList().Where(r => !r.FromServiceWorker))
            {
                var sizes = await r.Request.SizesAsync();
                var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                total += bytes;
                var url = new Uri(r.Url);
                lines.Add($"    {bytes,7:N0} B  {r.Status} {await r.HeaderValueAsync("content-encoding") ?? "-",-4} {url.PathAndQuery}");
            }

            report.Add($"{path}: {total:N0} B in {lines.Count} responses");
            report.AddRange(lines);
            if (total >= Budget)
            {
                over.Add($"{path}: {total:N0} B");
            }
        }

        var text = string.Join('\n', report);
        TestContext.Current.SendDiagnosticMessage(text);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        await File.WriteAllTextAsync(Path.Combine(TestPaths.Checkout, "artifacts", "screenshots", nameof(PortalPageWeightTests), "page-weight.txt"), text + "\n", TestContext.Current.CancellationToken);
        over.ShouldBeEmpty();
    }
}
