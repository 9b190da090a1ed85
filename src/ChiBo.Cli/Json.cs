using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ChiBo.Cli;

internal static class Json
{
    /// <summary>The same shape as the web API: camelCase, Vietnamese letters unescaped.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static void Print<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
