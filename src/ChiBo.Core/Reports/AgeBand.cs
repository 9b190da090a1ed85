using System.Globalization;

namespace ChiBo.Reports;

/// <summary>An age band in completed years (tuổi tròn), "18-30" or "61+".</summary>
public sealed record AgeBand(int From, int? To)
{
    /// <summary>Bands of the usual statistical tables when none are asked for.</summary>
    public static readonly IReadOnlyList<AgeBand> Default = ParseList("18-30,31-40,41-50,51-60,61-70,71+");

    public string Label => To is { } to
        ? string.Create(CultureInfo.InvariantCulture, $"{From}-{to}")
        : string.Create(CultureInfo.InvariantCulture, $"{From}+");

    /// <summary>Latest birth date in the band on a date (age ≥ From).</summary>
    public DateOnly BornOnOrBefore(DateOnly asOf) => asOf.AddYears(-From);

    /// <summary>Birth dates after this are younger than the band's end (age ≤ To); null for an open band.</summary>
    public DateOnly? BornAfter(DateOnly asOf) => To is { } to ? asOf.AddYears(-(to + 1)) : null;

    public bool Contains(int age) => age >= From && (To is null || age <= To);

    /// <summary>
    /// No one is older: a band's ends stay within 0–150 years, so the birth-date bounds are dates
    /// (99999 years back is not, and answered a server error).
    /// </summary>
    public const int MaxAge = 150;

    public static AgeBand Parse(string text)
    {
        text = text.Trim();
        if (text.EndsWith('+') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var open))
        {
            return open <= MaxAge ? new AgeBand(open, null) : throw OutOfRange(text);
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from <= to)
        {
            return to <= MaxAge ? new AgeBand(from, to) : throw OutOfRange(text);
        }

        throw new FormatException($"Nhóm tuổi \"{text}\" không hợp lệ: cần dạng \"A-B\" (A ≤ B) hoặc \"A+\".");
    }

    private static FormatException OutOfRange(string text) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Nhóm tuổi \"{text}\" không hợp lệ: tuổi từ 0 đến {MaxAge}."));

    public static IReadOnlyList<AgeBand> ParseList(string? text) => string.IsNullOrWhiteSpace(text)
        ? Default
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();

    /// <summary>Null when the bands are in order without gaps or overlaps and end open; else what is wrong.</summary>
    public static string? CheckCoverage(IReadOnlyList<AgeBand> bands)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (i + 1 < bands.Count)
            {
                if (bands[i].To is not { } to)
                {
                    return $"Nhóm tuổi \"{bands[i].Label}\" không có giới hạn trên nhưng chưa phải nhóm cuối.";
                }

                if (bands[i + 1].From != to + 1)
                {
                    return $"Các nhóm tuổi \"{bands[i].Label}\" và \"{bands[i + 1].Label}\" bị hở hoặc chồng nhau.";
                }
            }
            else if (bands[i].To is not null)
            {
                return $"Nhóm tuổi cuối \"{bands[i].Label}\" phải không giới hạn trên (dạng \"A+\").";
            }
        }

        return null;
    }
}
