using Ganss.Xss;
using Markdig;

namespace ChiBo.Notices;

/// <summary>
/// A notice's body as HTML: simple Markdown (paragraphs, line breaks, bold, italics, lists, links,
/// headings, quotes), raw HTML in the text shown as text, and the result sanitized to a short list of
/// tags and attributes (links only to http, https and mailto, opened without referrer), so what a
/// committee types cannot run script or restyle the page.
/// </summary>
public static class NoticeText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .UseAutoLinks()
        .Build();

    private static readonly string[] Tags =
        ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "blockquote", "code", "pre", "hr"];

    public static string ToHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer.Sanitize(html);
    }
}
