using System.Net.Http.Json;
using System.Text.Json;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// A test database with <see cref="TestData"/>, the app over it with the clock at
/// <see cref="TestData.Today"/>, and a client signed in with a role on the whole register.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private Scenario(TestDatabase database, TestData data, ChiBoApp app, HttpClient http)
    {
        Database = database;
        Data = data;
        App = app;
        Http = http;
    }

    public TestDatabase Database { get; }
    public TestData Data { get; }
    public ChiBoApp App { get; }
    public HttpClient Http { get; }

    public static async Task<Scenario> StartAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.SeedAsync(database);
        var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        return new Scenario(database, data, app, await app.SignedInAsync("admin"));
    }

    /// <summary>GETs a URL and returns the status and the parsed JSON body.</summary>
    public async Task<(int Status, JsonElement Json, string? ContentType)> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, json, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<(int Status, string Html)> GetHtmlAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Data.DisposeAsync();
        await Database.DisposeAsync();
    }
}
