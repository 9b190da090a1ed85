using System.Net;
using System.Text.RegularExpressions;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// Submits a page's form the way a browser does: reads the page, takes the form whose action
/// names the handler, posts its anti-forgery token with the fields (the client keeps the cookie).
/// </summary>
internal static partial class PageForms
{
    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string handler, params (string Name, string Value)[] fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative), ct);
        var form = FormPattern().Matches(html)
            .Select(m => (Action: WebUtility.HtmlDecode(m.Groups["action"].Value), Body: m.Groups["body"].Value))
            .FirstOrDefault(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal));
        form.Action.ShouldNotBeNull($"no form for handler {handler} on {pageUrl}");
        var token = TokenPattern().Match(form.Body).Groups["token"].Value;
        token.ShouldNotBeEmpty();
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(form.Action, UriKind.Relative), content, ct);
    }

    public static async Task<(int Status, string Html)> HtmlAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The text of the figure marked data-key="<paramref name="key"/>" on the compliance page.</summary>
    public static string Figure(string html, string key) =>
        Regex.Match(html, $"data-key=\"{key}\">(?<v>[^<]*)<").Groups["v"].Value;
}
