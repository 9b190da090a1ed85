using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChiBo.Tests.Documents;

/// <summary>Calls of the documents API the tests repeat: multipart upload, JSON reads.</summary>
public static class Library
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Upload(
        string Org, string Kind, string Number, string IssuedOn, string Issuer, string Title, string FileName, string ContentType, byte[] Content,
        string? Summary = null);

    public static Upload TextFile(string org, string number, string title, string body, string kind = "guide", string issuedOn = "2025-03-10", string issuer = "Ban Tổ chức Tỉnh ủy") =>
        new(org, kind, number, issuedOn, issuer, title, "van-ban.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(body));

    public static async Task<(int Status, JsonElement Json)> PostAsync(HttpClient client, Upload u)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(u.Kind), "kind" },
            { new StringContent(u.Number), "number" },
            { new StringContent(u.IssuedOn), "issuedOn" },
            { new StringContent(u.Issuer), "issuer" },
            { new StringContent(u.Title), "title" },
        };
        if (u.Summary is not null)
        {
            form.Add(new StringContent(u.Summary), "summary");
        }

        var file = new ByteArrayContent(u.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(u.ContentType);
        form.Add(file, "file", u.FileName);
        using var response = await client.PostAsync(new Uri($"/api/documents?org={Uri.EscapeDataString(u.Org)}", UriKind.Relative), form, Ct);
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    /// <summary>Uploads and returns the new document's id (the upload must succeed).</summary>
    public static async Task<long> AddAsync(HttpClient client, Upload u)
    {
        var (status, json) = await PostAsync(client, u);
        status.ShouldBe(200, json.ToString());
        return json.GetProperty("id").GetInt64();
    }

    public static async Task<(int Status, JsonElement Json)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    public static async Task<(int Status, JsonElement Json)> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request, Ct);
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    /// <summary>The ids of a search's results, in order.</summary>
    public static async Task<long[]> SearchAsync(HttpClient client, string query)
    {
        var (status, json) = await GetAsync(client, "/api/documents?" + query);
        status.ShouldBe(200, json.ToString());
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
