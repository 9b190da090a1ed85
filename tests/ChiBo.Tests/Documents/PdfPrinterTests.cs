using System.Net;
using System.Net.Sockets;
using System.Text;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace ChiBo.Tests.Documents;

/// <summary>
/// The server's PDF printer on its own: a printed document runs no script and fetches nothing (a
/// listener on this machine sees no connection, not even Chromium's preconnect), several prints at once all finish through the two
/// slots, and a missing Chromium is said in Vietnamese instead of failing the request.
/// </summary>
public sealed class PdfPrinterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PdfPrinter Printer(string? path = null) =>
        new(PdfPrinterOptions.From(path ?? BrowserSession.ChromiumPath), NullLogger<PdfPrinter>.Instance);

    private static string Text(byte[] pdf)
    {
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC);
    }

    [Fact]
    public async Task Print_RunsNoScript_AndFetchesNothing()
    {
        PrintedPdf.RequireChromium();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var html = $$"""
                <!doctype html><html lang="vi"><head><meta charset="utf-8">
                <link rel="stylesheet" href="http://127.0.0.1:{{port}}/a.css">
                <style>@font-face { font-family: X; src: url(http://127.0.0.1:{{port}}/x.woff2); } body { font-family: X, serif; }</style>
                </head><body>
                <p id="t">Nội dung gốc</p>
                <img src="http://127.0.0.1:{{port}}/anh.png" alt="">
                <iframe src="http://127.0.0.1:{{port}}/khung"></iframe>
                <script>document.getElementById("t").textContent = "Kịch bản đã chạy"; fetch("http://127.0.0.1:{{port}}/f");</script>
                </body></html>
                """;
            await using var printer = Printer();
            var text = Text(await printer.PrintAsync(html, Ct));
            text.Replace(" ", "", StringComparison.Ordinal).ShouldContain("Nộidunggốc");
            text.ShouldNotContain("Kịch");
            await Task.Delay(500, Ct); // a preconnect may trail the print
            var seen = new List<string>();
            while (listener.Pending())
            {
                using var c = listener.AcceptTcpClient();
                c.ReceiveTimeout = 1000;
                var buf = new byte[2000];
                int n;
                try
                {
                    n = c.GetStream().Read(buf);
                }
                catch (IOException)
                {
                    n = -1;
                }

                seen.Add(n <= 0 ? "a bare connection" : Encoding.ASCII.GetString(buf, 0, n).Split('\n')[0]);
            }

            seen.ShouldBeEmpty("the printed page reached the network");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Print_ManyAtOnce_AllFinishThroughTheSlots()
    {
        PrintedPdf.RequireChromium();
        await using var printer = Printer();
        var prints = Enumerable.Range(1, 5).Select(n => printer.PrintAsync(
            $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>Văn bản số {n}</p></body></html>", Ct)).ToList();
        var texts = (await Task.WhenAll(prints)).Select(Text).Select(t => t.Replace(" ", "", StringComparison.Ordinal)).ToList();
        for (var n = 1; n <= 5; n++)
        {
            texts[n - 1].ShouldContain($"Vănbảnsố{n}");
        }
    }

    [Fact]
    public async Task Print_WithChromiumMissing_SaysSoInVietnamese()
    {
        await using var printer = Printer("/nonexistent/chromium");
        var e = await Should.ThrowAsync<PdfUnavailableException>(() => printer.PrintAsync("<p>x</p>", Ct));
        e.Message.ShouldBe("Máy chủ chưa cài Chromium để in PDF; tải bản .docx hoặc in từ trình duyệt.");
    }

    [Fact]
    public async Task Print_PastItsTimeBound_IsRefusedWithTheWayOut()
    {
        PrintedPdf.RequireChromium();
        await using var printer = new PdfPrinter(new PdfPrinterOptions(BrowserSession.ChromiumPath, 2, TimeSpan.FromMilliseconds(200)), NullLogger<PdfPrinter>.Instance);
        var e = await Should.ThrowAsync<PdfUnavailableException>(() => printer.PrintAsync("<p>Văn bản</p>", Ct));
        e.Message.ShouldBe(PdfPrinter.Failed);
        e.Message.ShouldContain("tải bản .docx hoặc in từ trình duyệt");
    }
}
