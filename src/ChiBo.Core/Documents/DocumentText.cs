using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Documents;

/// <summary>
/// What an uploaded file is and the text inside it. The file's name, its declared content type and
/// its first bytes must all agree on one of the accepted formats (PDF, Word .docx, UTF-8 text), so
/// a renamed executable or a spreadsheet is refused with a message naming the file.
/// </summary>
public static class DocumentText
{
    /// <summary>20 MB: a long resolution scanned at office quality; larger files are refused.</summary>
    public const long MaxSize = 20L * 1024 * 1024;

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
        try
        {
            using var pdf = PdfDocument.Open(content);
            var sb = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                sb.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
            }

            return sb.ToString();
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            throw new RuleViolationException("File", $"Không đọc được nội dung tệp PDF \"{name}\" (tệp hỏng hoặc có mật khẩu).");
        }
    }

    private static string Docx(string name, byte[] content)
    {
        Require(StartsWith(content, "PK\u0003\u0004"u8), $"Tệp \"{name}\" không phải tệp Word .docx.");
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            Require(body is not null, $"Tệp \"{name}\" không phải tệp Word .docx (không có phần nội dung).");
            var sb = new StringBuilder();
            foreach (var paragraph in body!.Descendants<W.Paragraph>())
            {
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case W.Text t:
                            sb.Append(t.Text);
                            break;
                        case W.TabChar:
                            sb.Append('\t');
                            break;
                        case W.Break or W.CarriageReturn:
                            sb.Append('\n');
                            break;
                    }
                }

                sb.Append('\n');
            }

            return sb.ToString();
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            throw new RuleViolationException("File", $"Không đọc được nội dung tệp Word \"{name}\" (tệp hỏng hoặc không phải .docx).");
        }
    }

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
        return text.TrimStart('\uFEFF');
    }

    /// <summary>NFC, Unix line ends, no runs of blank lines or trailing spaces.</summary>
    private static string Tidy(string text)
    {
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
