using System.Text;
using ChiBo.Files;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Documents;

/// <summary>
/// What an uploaded file is and the text inside it. The file's name, its declared content type and
/// its first bytes must all agree on one of the accepted formats (PDF, Word .docx, UTF-8 text), so
/// a renamed executable or a spreadsheet is refused with a message naming the file. Nothing is
/// inflated past a limit: a .docx is checked as a zip (<see cref="ZipLimits"/>) before it is
/// opened and read as a stream, a PDF decodes within <see cref="PdfBudget"/>, and the text itself
/// stops at <see cref="MaxTextLength"/>.
/// </summary>
public static class DocumentText
{
    /// <summary>20 MB: a long resolution scanned at office quality; larger files are refused.</summary>
    public const long MaxSize = 20L * 1024 * 1024;

    /// <summary>
    /// Characters of text: about 700 printed pages, more than any resolution or directive (the
    /// documents of a Party congress run to 300). The library keeps and searches the whole text.
    /// </summary>
    public const int MaxTextLength = 2_000_000;

    /// <summary>The column of the file's name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Pages of a PDF; the page count is read before any page is.</summary>
    public const int MaxPages = 3_000;

    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TextType = "text/plain";

    /// <summary>Types a browser or a script may declare without knowing better.</summary>
    private static readonly string[] Unspecific = ["", "application/octet-stream", "binary/octet-stream"];

    public sealed record Extracted(DocumentFileFormat Format, string ContentType, string Text);

    /// <summary>Checks the file and extracts its text, NFC; a broken rule names the field "File".</summary>
    public static Extracted Read(string? fileName, string? contentType, byte[] content)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        Require(name.Length > 0, "Cần chọn tệp văn bản (PDF, Word .docx hoặc .txt).");
        Require(name.Length <= MaxNameLength, $"Tên tệp dài {name.Length} ký tự, tối đa {MaxNameLength} ký tự: hãy đặt tên ngắn hơn.");
        Require(!name.Any(char.IsControl), $"Tên tệp \"{Printable(name)}\" có ký tự điều khiển (xuống dòng, NUL…): hãy đặt lại tên tệp.");
        Require(content.Length > 0, $"Tệp \"{name}\" rỗng.");
        Require(content.Length <= MaxSize,
            $"Tệp \"{name}\" dung lượng {Megabytes(content.Length)} MB, vượt giới hạn {Megabytes(MaxSize)} MB.");

        var declared = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var format = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".pdf" => DocumentFileFormat.Pdf,
            ".docx" => DocumentFileFormat.Docx,
            ".txt" => DocumentFileFormat.Text,
            _ => throw new RuleViolationException("File",
                $"Tệp \"{name}\" không được nhận: chỉ nhận PDF (.pdf), Word (.docx) hoặc văn bản thuần (.txt)."),
        };
        var type = format switch
        {
            DocumentFileFormat.Pdf => PdfType,
            DocumentFileFormat.Docx => DocxType,
            _ => TextType,
        };
        Require(Unspecific.Contains(declared) || declared == type, $"Tệp \"{name}\" khai báo kiểu \"{declared}\", không khớp với phần mở rộng {Path.GetExtension(name)}.");

        var text = format switch
        {
            DocumentFileFormat.Pdf => Pdf(name, content),
            DocumentFileFormat.Docx => Docx(name, content),
            _ => PlainText(name, content),
        };
        return new Extracted(format, type, Tidy(text));
    }

    private static string Pdf(string name, byte[] content)
    {
        Require(StartsWith(content, "%PDF-"u8), $"Tệp \"{name}\" không phải tệp PDF (thiếu phần đầu %PDF-).");
        var budget = PdfBudget.Create();
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { FilterProvider = budget });
            Require(pdf.NumberOfPages <= MaxPages,
                $"Tệp PDF \"{name}\" có {ZipLimits.Number(pdf.NumberOfPages)} trang, vượt giới hạn {ZipLimits.Number(MaxPages)} trang.");
            var sb = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                sb.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
                RequireTextFits(name, sb);
            }

            Require(!budget.Exceeded, TooMuchToInflate(name));
            return sb.ToString();
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            Require(!budget.Exceeded, TooMuchToInflate(name));
            throw new RuleViolationException("File", $"Không đọc được nội dung tệp PDF \"{name}\" (tệp hỏng hoặc có mật khẩu).");
        }
    }

    private static string TooMuchToInflate(string name) =>
        $"Tệp PDF \"{name}\" khi giải nén lớn hơn {ZipLimits.Megabytes(PdfBudget.MaxDecoded)} MB: quá lớn để đọc hoặc là tệp nén độc hại.";

    private static string Docx(string name, byte[] content)
    {
        var notWord = $"Tệp \"{name}\" không phải tệp Word .docx.";
        Require(StartsWith(content, "PK\u0003\u0004"u8), notWord);
        Require(ZipLimits.Check(content, $"Tệp \"{name}\"", "File"), $"Không đọc được nội dung tệp Word \"{name}\" (tệp hỏng hoặc không phải .docx).");
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = ZipLimits.MaxInflated });
            var part = word.MainDocumentPart;
            Require(part is not null && WordMainTypes.Contains(part.ContentType), $"Tệp \"{name}\" không phải tệp Word .docx (không có phần nội dung).");

            // Read as a stream of elements: the document's tree is never built in memory.
            using var reader = OpenXmlReader.Create(part!);
            var sb = new StringBuilder();
            var body = false;
            while (reader.Read())
            {
                var type = reader.ElementType;
                if (reader.IsStartElement)
                {
                    body |= type == typeof(W.Body);
                    if (type == typeof(W.Text))
                    {
                        sb.Append(reader.GetText());
                        RequireTextFits(name, sb);
                    }
                    else if (type == typeof(W.TabChar))
                    {
                        sb.Append('\t');
                    }
                    else if (type == typeof(W.Break) || type == typeof(W.CarriageReturn))
                    {
                        sb.Append('\n');
                    }
                }
                else if (reader.IsEndElement && type == typeof(W.Paragraph))
                {
                    sb.Append('\n');
                }
            }

            Require(body, $"Tệp \"{name}\" không phải tệp Word .docx (không có phần nội dung).");
            return sb.ToString();
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            throw new RuleViolationException("File", $"Không đọc được nội dung tệp Word \"{name}\" (tệp hỏng hoặc không phải .docx).");
        }
    }

    /// <summary>The main part of a Word document, a template or a macro-enabled one (an .xlsx renamed .docx has another).</summary>
    private static readonly string[] WordMainTypes =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ];

    /// <summary>A name as a message can show it: control characters as their code.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Take(100).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void RequireTextFits(string name, StringBuilder text) =>
        Require(text.Length <= MaxTextLength,
            $"Tệp \"{name}\" có hơn {ZipLimits.Number(MaxTextLength)} ký tự chữ, vượt giới hạn của thư viện: hãy tách thành nhiều văn bản.");

    private static string PlainText(string name, byte[] content)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = utf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new RuleViolationException("File", $"Tệp \"{name}\" không phải văn bản mã hóa UTF-8.");
        }

        Require(!text.Contains('\0', StringComparison.Ordinal), $"Tệp \"{name}\" không phải văn bản thuần (có ký tự nhị phân).");
        Require(text.Length <= MaxTextLength,
            $"Tệp \"{name}\" có {ZipLimits.Number(text.Length)} ký tự, vượt giới hạn {ZipLimits.Number(MaxTextLength)} ký tự của thư viện: hãy tách thành nhiều văn bản.");
        return text.TrimStart('\uFEFF');
    }

    /// <summary>
    /// NFC, Unix line ends, no runs of blank lines or trailing spaces, no control characters but tabs
    /// (a PDF's unmapped glyphs come out as NUL, which PostgreSQL cannot store in text).
    /// </summary>
    private static string Tidy(string text)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            text = new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray());
        }

        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var sb = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank > 0 ? "\n\n" : "\n");
            }

            sb.Append(line);
            blank = 0;
        }

        return sb.ToString();
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw new RuleViolationException("File", message);
        }
    }
}
