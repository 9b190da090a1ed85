using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChiBo.Web.Documents;

/// <summary>
/// A Party document as a page of its own for printing: the Razor partial that the screen page shows
/// (heading, title, body, signature block) inside a bare HTML document with the printed documents'
/// CSS inline (letter.css: A4, the margins of Hướng dẫn 36-HD/VPTW, Times New Roman 14 pt), no
/// script and no link — what <see cref="PdfPrinter"/> prints, and what <c>?handler=Print</c> shows.
/// </summary>
public sealed class PrintedDocuments(
    IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata, IWebHostEnvironment env, PdfPrinter printer)
{
    public const string PdfType = "application/pdf";

    private readonly Lazy<string> _css = new(() =>
    {
        var file = env.WebRootFileProvider.GetFileInfo("css/letter.css");
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The standalone HTML of <paramref name="view"/> (a partial's path, "/Pages/…/_X.cshtml") rendered with <paramref name="model"/>.</summary>
    public async Task<string> HtmlAsync(ActionContext context, string view, object model, string title)
    {
        var found = views.GetView(executingFilePath: null, viewPath: view, isMainPage: false);
        if (found.View is not { } partial)
        {
            throw new InvalidOperationException($"No view {view}: {string.Join(", ", found.SearchedLocations)}");
        }

        await using var body = new StringWriter();
        var data = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(context, partial, data, new TempDataDictionary(context.HttpContext, tempData), body, new HtmlHelperOptions());
        await partial.RenderAsync(viewContext);
        return $"""
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            {_css.Value}
            </style>
            </head>
            <body>
            {body}
            </body>
            </html>
            """;
    }

    /// <summary>The HTML the PDF is printed from, as a page (the documents' tests read it; a browser prints it as well).</summary>
    public static ContentResult Html(string html) => new() { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };

    /// <summary>A document partial rendered as the standalone page the PDF is printed from.</summary>
    public async Task<ContentResult> PageAsync(ActionContext context, string view, object model, string title) =>
        Html(await HtmlAsync(context, view, model, title));

    /// <summary>A document partial printed to PDF as a download (503 with the reason when the server cannot print).</summary>
    public async Task<IActionResult> PdfAsync(ActionContext context, string view, object model, string title, string fileName, CancellationToken ct) =>
        await PdfAsync(await HtmlAsync(context, view, model, title), fileName, ct);

    /// <summary>The PDF of <paramref name="html"/> as a download, or 503 with the reason in Vietnamese when the server cannot print.</summary>
    public async Task<IActionResult> PdfAsync(string html, string fileName, CancellationToken ct)
    {
        try
        {
            return new FileContentResult(await printer.PrintAsync(html, ct), PdfType) { FileDownloadName = fileName };
        }
        catch (PdfUnavailableException e)
        {
            return new Problem(e.Message);
        }
    }

    /// <summary>503 as application/problem+json, like the API's problems.</summary>
    private sealed class Problem(string detail) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Không in được PDF",
            Detail = detail,
        }).ExecuteAsync(context.HttpContext);
    }
}
