using System.Text;

namespace ChiBo.Plans;

/// <summary>One measure of an expression, added (+1) or subtracted (−1); <see cref="AtStart"/> reads it as of the day before the window.</summary>
public sealed record MeasureTerm(int Sign, string Measure, bool AtStart)
{
    public override string ToString() => (Sign < 0 ? "- " : "+ ") + Measure + (AtStart ? StartSuffix : "");

    /// <summary>"members@start": a stock measure on the day before the window opens (the base date of a rate, e.g. members on 31/12 of the year before).</summary>
    public const string StartSuffix = "@start";
}

/// <summary>
/// A numerator or denominator: measure names of the catalogue joined by <c>+</c> and <c>-</c>
/// ("admitted - removed", "members@start"). Parsed by hand — a name is letters, digits and "_"
/// in dot-separated segments — so that nothing a plan file says is ever evaluated as code.
/// </summary>
public sealed record MeasureExpression(IReadOnlyList<MeasureTerm> Terms)
{
    /// <summary>Parses, or throws <see cref="FormatException"/> with a Vietnamese message.</summary>
    public static MeasureExpression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("biểu thức trống.");
        }

        var terms = new List<MeasureTerm>();
        var i = 0;
        var sign = 1;
        var expectName = true;
        var signSeen = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '+' or '-')
            {
                if (expectName && (signSeen || terms.Count > 0))
                {
                    throw new FormatException($"hai dấu \"{c}\" liền nhau ở vị trí {i + 1}.");
                }

                if (!expectName)
                {
                    expectName = true;
                }

                sign = c == '-' ? -1 : 1;
                signSeen = true;
                i++;
                continue;
            }

            if (IsNameChar(c))
            {
                if (!expectName)
                {
                    throw new FormatException($"thiếu dấu \"+\" hoặc \"-\" trước \"{ReadName(text, i)}\" ở vị trí {i + 1}.");
                }

                var name = ReadName(text, i);
                var at = i + 1;
                i += name.Length;
                var atStart = false;
                if (string.CompareOrdinal(text, i, MeasureTerm.StartSuffix, 0, MeasureTerm.StartSuffix.Length) == 0
                    && (i + MeasureTerm.StartSuffix.Length == text.Length || !IsNameChar(text[i + MeasureTerm.StartSuffix.Length])))
                {
                    atStart = true;
                    i += MeasureTerm.StartSuffix.Length;
                }

                CheckName(name, at);
                terms.Add(new MeasureTerm(sign, name, atStart));
                sign = 1;
                signSeen = false;
                expectName = false;
                continue;
            }

            throw new FormatException($"ký tự \"{c}\" không hợp lệ ở vị trí {i + 1} (chỉ dùng tên số đo và dấu + hoặc -).");
        }

        if (expectName)
        {
            throw new FormatException(terms.Count == 0 ? "biểu thức không có tên số đo." : "biểu thức kết thúc bằng dấu + hoặc - mà không có số đo theo sau.");
        }

        return new MeasureExpression(terms);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var t in Terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(t.Sign < 0 ? " - " : " + ");
            }
            else if (t.Sign < 0)
            {
                sb.Append('-');
            }

            sb.Append(t.Measure);
            if (t.AtStart)
            {
                sb.Append(MeasureTerm.StartSuffix);
            }
        }

        return sb.ToString();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_';

    private static string ReadName(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsNameChar(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    private static void CheckName(string name, int at)
    {
        if (name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            throw new FormatException($"tên số đo \"{name}\" ở vị trí {at} có dấu chấm thừa.");
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            throw new FormatException($"tên số đo \"{name}\" ở vị trí {at} phải bắt đầu bằng chữ cái.");
        }
    }
}
