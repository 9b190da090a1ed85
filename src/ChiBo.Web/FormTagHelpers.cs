using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChiBo.Web;

/// <summary>
/// The one convention for a refused field: <c>&lt;field-error for="VotesFor" /&gt;</c> next to the
/// input prints the Vietnamese message ModelState holds for it, and nothing when there is none.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var message = ViewContext.ModelState.For(For);
        if (message is null)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("data-for", For);
        output.Content.SetContent(message);
    }
}

/// <summary><c>&lt;form-errors /&gt;</c>: the messages about a form as a whole (a conflict, a condition of the file).</summary>
[HtmlTargetElement("form-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormErrorsTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = ViewContext.ModelState.General();
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error form-errors");
        output.Attributes.SetAttribute("role", "alert");
        foreach (var m in messages)
        {
            var p = new TagBuilder("p");
            p.InnerHtml.Append(m);
            output.Content.AppendHtml(p);
        }
    }
}
