using System.Globalization;

namespace ChiBo.Cli;

/// <summary>Thrown for bad command-line input: the message is printed and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" options and bare words, parsed once; unknown options are refused.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Words { get; }

    public CommandLine(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[arg[2..eq]] = arg[(eq + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[arg[2..]] = args[++i];
                }
                else
                {
                    _options[arg[2..]] = null;
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        Words = words;
    }

    public void Allow(params string[] names)
    {
        var unknown = _options.Keys.Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Tùy chọn không hợp lệ: --{unknown[0]}.");
        }
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Optional(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } v ? v : throw new UsageException($"Thiếu tùy chọn --{name}.");

    public DateOnly Date(string name) =>
        DateOnly.TryParseExact(Required(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--{name}: ngày \"{Optional(name)}\" không hợp lệ, cần dạng yyyy-MM-dd.");

    public int Int(string name, int fallback) => Optional(name) is not { } v
        ? fallback
        : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--{name}: \"{v}\" không phải số nguyên.");

    public double Double(string name, double fallback) => Optional(name) is not { } v
        ? fallback
        : double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0
            ? x
            : throw new UsageException($"--{name}: \"{v}\" không phải số dương.");
}
