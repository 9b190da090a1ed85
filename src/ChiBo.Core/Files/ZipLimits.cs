using System.Globalization;
using System.IO.Compression;

namespace ChiBo.Files;

/// <summary>
/// What a .docx or .xlsx (a zip of XML parts) may declare before any part of it is inflated: a
/// few parts, a bounded size once inflated, no part compressed like a bomb. The directory's sizes
/// are enough: .NET's zip reader stops every part at its declared size, so a part that lies about
/// its size is cut there (and then fails to parse) instead of inflating further.
/// </summary>
/// <remarks>
/// The numbers follow Apache POI's ZipSecureFile, which Office-reading servers have used for
/// years: an inflate ratio of at most 100 (POI's 0,01) for any part larger than 1 MB once
/// inflated. A real member sheet of 20.000 rows inflates to about 40 MB at a ratio of 8–12; a long
/// Word resolution to a few MB at 5–10.
/// </remarks>
public static class ZipLimits
{
    public const int MaxEntries = 1_000;
    public const long MaxInflated = 200L * 1024 * 1024;
    public const int MaxRatio = 100;

    /// <summary>Parts smaller than this once inflated are not held to the ratio (tiny XML parts compress well).</summary>
    public const long RatioGrace = 1024 * 1024;

    /// <summary>
    /// Checks the archive's directory; a broken limit is a <see cref="RuleViolationException"/> on
    /// <paramref name="field"/> whose message starts with <paramref name="what"/> (<c>Tệp "a.docx"</c>)
    /// and says what is wrong. Returns false when the bytes are not a zip archive at all (the caller
    /// says what it expected instead).
    /// </summary>
    public static bool Check(byte[] content, string what, string field)
    {
        List<(string Name, long Length, long CompressedLength)> entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            entries = zip.Entries.Select(e => (e.FullName, e.Length, e.CompressedLength)).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            return false;
        }

        var count = 0;
        long total = 0;
        foreach (var entry in entries)
        {
            if (++count > MaxEntries)
            {
                throw new RuleViolationException(field,
                    $"{what} chứa hơn {Number(MaxEntries)} phần nén: không phải tệp văn phòng thông thường.");
            }

            total += entry.Length;
            if (total > MaxInflated)
            {
                throw new RuleViolationException(field,
                    $"{what} khi giải nén lớn hơn {Megabytes(MaxInflated)} MB: quá lớn để đọc.");
            }

            if (entry.Length > RatioGrace && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                var ratio = entry.Length / Math.Max(1, entry.CompressedLength);
                throw new RuleViolationException(field,
                    $"{what} có phần \"{Short(entry.Name)}\" nén {Number(ratio)} lần ({Megabytes(entry.Length)} MB từ {Number(entry.CompressedLength)} byte), vượt giới hạn {MaxRatio} lần: nghi là tệp nén độc hại (zip bomb).");
            }
        }

        return true;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A name from inside a file, cut for a message (an entry name may be 64 KB long).</summary>
    internal static string Short(string name) => name.Length <= 80 ? name : name[..80] + "…";

    internal static string Number(long n) => n.ToString("N0", Vietnamese);

    internal static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", Vietnamese);
}
