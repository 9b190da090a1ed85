using System.Net;
using System.Text.RegularExpressions;

namespace ChiBo.Tests.Infrastructure;

/// <summary>A page answer: status, the HTML decoded, and where a redirect goes.</summary>
public sealed record PageAnswer(HttpStatusCode Status, string Html, string? Location)
{
    /// <summary>The message shown next to an input (<c>&lt;field-error for="…"&gt;</c>), or null.</summary>
    public string? FieldError(string input) =>
        Regex.Match(Html, $"<span class=\"field-error\" role=\"alert\" data-for=\"{Regex.Escape(input)}\">([^<]*)</span>") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : null;
}

/// <summary>
/// Posts Razor Pages forms the way a browser does: reads the page's anti-forgery token (the client
/// keeps the cookie), then posts the fields url-encoded to the form's handler.
/// </summary>
public static partial class PageForm
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<PageAnswer> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), response.Headers.Location?.ToString());
    }

    /// <summary>GETs <paramref name="page"/> for its token, then POSTs <paramref name="fields"/> to <paramref name="action"/> (default: the page itself).</summary>
    public static async Task<PageAnswer> PostAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        var token = Token().Match(html).Groups[1].Value;
        if (token.Length == 0)
        {
            // A page that shows this account no form (a level that does not act there): any form's
            // token of the same session serves, as a hand-made post would use.
            token = Token().Match(await client.GetStringAsync(new Uri("/dang-xuat", UriKind.Relative), Ct)).Groups[1].Value;
        }

        token.ShouldNotBeEmpty($"the page {page} carries no anti-forgery token");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))));
        using var response = await client.PostAsync(new Uri(action ?? page, UriKind.Relative), content, Ct);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), response.Headers.Location?.ToString());
    }

    /// <summary>The fields of a form, in order ("Date" = "2025-03-03"…).</summary>
    public static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
