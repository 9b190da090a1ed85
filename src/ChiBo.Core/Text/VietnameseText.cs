using System.Globalization;
using System.Text;

namespace ChiBo.Text;

/// <summary>Vietnamese text rules: names are stored in NFC; search folds diacritics and đ/d away.</summary>
public static class VietnameseText
{
    /// <summary>Trims, collapses inner white space and normalises to NFC.</summary>
    public static string Clean(string value)
    {
        var parts = value.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }

    /// <summary>"Nguyễn Văn Đức" → "nguyen van duc": what a person types on a phone without an IME.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(mapped))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(mapped);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }
}
