using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChiBo.Documents;

/// <summary>
/// PdfPig's stream filters with a budget: every stream a PDF makes it decode (page contents, fonts,
/// object and cross-reference streams) counts against <see cref="MaxDecoded"/> for the whole
/// document, and a compressed stream is measured before it is decoded, so a 300 KB file that
/// inflates to gigabytes is stopped at the budget instead of filling the server's memory (PdfPig
/// itself has no limit: such a file took 13 s and 800 MB to read 300 MB of blanks).
/// </summary>
internal sealed class PdfBudget : BaseFilterProvider
{
    /// <summary>
    /// Decoded bytes for one document. A text PDF inflates 3–5 times (a 20 MB resolution of text
    /// alone to about 100 MB); images are not decoded to extract text, so they do not count. PdfPig
    /// allocates two to three times what it decodes (eight streams of 40 MB took 960 MB under a
    /// budget of 200 MB), hence not more.
    /// </summary>
    public const long MaxDecoded = 100L * 1024 * 1024;

    private readonly Counter _counter;

    private PdfBudget(Counter counter)
        : base(Filters(counter)) => _counter = counter;

    public static PdfBudget Create() => new(new Counter());

    /// <summary>True once a stream would have gone past the budget (PdfPig may swallow the exception).</summary>
    public bool Exceeded => _counter.Exceeded;

    private sealed class Counter
    {
        public long Decoded;
        public bool Exceeded;

        public long Left => MaxDecoded - Decoded;

        public void Add(long bytes)
        {
            Decoded += bytes;
            if (Decoded > MaxDecoded)
            {
                Exceeded = true;
                throw new PdfBudgetExceededException();
            }
        }
    }

    private static Dictionary<string, IFilter> Filters(Counter counter)
    {
        var flate = new Measured(new FlateFilter(), counter, Inflated);
        var lzw = new Measured(new LzwFilter(), counter, LzwDecoded);
        var runLength = new Measured(new RunLengthFilter(), counter, RunLengthDecoded);
        var ascii85 = new Measured(new Ascii85Filter(), counter, null);
        var hex = new Measured(new AsciiHexDecodeFilter(), counter, null);
        IFilter dct = new DctDecodeFilter(), jpx = new JpxDecodeFilter(), jbig2 = new Jbig2DecodeFilter(), ccitt = new CcittFaxDecodeFilter();
        return new Dictionary<string, IFilter>
        {
            ["FlateDecode"] = flate, ["Fl"] = flate,
            ["LZWDecode"] = lzw, ["LZW"] = lzw,
            ["RunLengthDecode"] = runLength, ["RL"] = runLength,
            ["ASCII85Decode"] = ascii85, ["A85"] = ascii85,
            ["ASCIIHexDecode"] = hex, ["AHx"] = hex,
            ["DCTDecode"] = dct, ["DCT"] = dct,
            ["JPXDecode"] = jpx,
            ["JBIG2Decode"] = jbig2,
            ["CCITTFaxDecode"] = ccitt, ["CCF"] = ccitt,
        };
    }

    /// <summary>
    /// A filter whose output is measured first (up to what is left of the budget) when it can grow
    /// the data; filters that only shrink it (ASCII85, hex) are counted after decoding.
    /// </summary>
    private sealed class Measured(IFilter inner, Counter counter, Func<ReadOnlyMemory<byte>, DictionaryToken, int, long, long>? measure) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (counter.Exceeded)
            {
                throw new PdfBudgetExceededException();
            }

            if (measure is not null)
            {
                counter.Add(measure(input, streamDictionary, filterIndex, counter.Left + 1));
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            counter.Add(output.Length);
            return output;
        }
    }

    /// <summary>Bytes a Flate stream inflates to, counted without keeping them, up to <paramref name="limit"/>.</summary>
    private static long Inflated(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long limit)
    {
        var data = MemoryMarshal.TryGetArray(input, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.ToArray(), writable: false);
        var span = input.Span;

        // Most writers put the 2-byte zlib header first; a few write raw deflate.
        if (span.Length >= 2 && (span[0] & 0x0F) == 8 && ((span[0] << 8) | span[1]) % 31 == 0)
        {
            data.Position = 2;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        long total = 0;
        try
        {
            using var inflate = new DeflateStream(data, CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total >= limit)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A damaged stream: what inflated before the damage is what PdfPig will get.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }

    /// <summary>Bytes a RunLength stream decodes to: each run says its length.</summary>
    private static long RunLengthDecoded(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long limit)
    {
        var span = input.Span;
        long total = 0;
        for (var i = 0; i < span.Length && total < limit;)
        {
            int length = span[i];
            if (length == 128)
            {
                break;
            }

            if (length < 128)
            {
                total += length + 1;
                i += length + 2;
            }
            else
            {
                total += 257 - length;
                i += 2;
            }
        }

        return total;
    }

    /// <summary>
    /// Bytes an LZW stream decodes to, found by walking its codes and keeping only the length of
    /// each table entry (an entry is the previous code's string plus one byte), up to <paramref name="limit"/>.
    /// </summary>
    private static long LzwDecoded(ReadOnlyMemory<byte> input, DictionaryToken dictionary, int filterIndex, long limit)
    {
        const int Clear = 256, End = 257, First = 258, MaxCodes = 4096;
        var earlyChange = 1;
        if (DecodeParameterResolver.GetFilterParameters(dictionary, filterIndex) is { } parameters
            && parameters.TryGet(NameToken.Create("EarlyChange"), out NumericToken early))
        {
            earlyChange = early.Int == 0 ? 0 : 1;
        }

        var span = input.Span;
        var lengths = new int[MaxCodes];
        var next = First;
        var width = 9;
        var previous = -1;
        long total = 0;
        var bitBuffer = 0;
        var bitCount = 0;
        var position = 0;
        while (total < limit)
        {
            while (bitCount < width && position < span.Length)
            {
                bitBuffer = (bitBuffer << 8) | span[position++];
                bitCount += 8;
            }

            if (bitCount < width)
            {
                break;
            }

            var code = (bitBuffer >> (bitCount - width)) & ((1 << width) - 1);
            bitCount -= width;
            bitBuffer &= (1 << bitCount) - 1;
            if (code == Clear)
            {
                (next, width, previous) = (First, 9, -1);
                continue;
            }

            if (code == End)
            {
                break;
            }

            int length;
            if (code < Clear)
            {
                length = 1;
            }
            else if (code < next)
            {
                length = lengths[code];
            }
            else if (code == next && previous >= 0)
            {
                length = LengthOf(previous) + 1;
            }
            else
            {
                break;
            }

            total += length;
            if (previous >= 0 && next < MaxCodes)
            {
                lengths[next++] = LengthOf(previous) + 1;
            }

            previous = code;
            if (next + earlyChange >= 1 << width && width < 12)
            {
                width++;
            }
        }

        return total;

        int LengthOf(int c) => c < Clear ? 1 : lengths[c];
    }
}

/// <summary>Thrown inside PdfPig when a document decodes past <see cref="PdfBudget.MaxDecoded"/>.</summary>
internal sealed class PdfBudgetExceededException() : Exception("The PDF decodes past its budget.");
