using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Tests.Documents;

/// <summary>Small real files built in the test: a Word document through OpenXml and a PDF written by hand.</summary>
public static class SampleFiles
{
    /// <summary>A .docx with one paragraph per line (the first as a heading in bold).</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(paragraphs.Select((text, i) =>
                new Paragraph(new Run(i == 0 ? new RunProperties(new Bold()) : null!, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A one-page PDF whose lines are drawn in a composite (Type0, Identity-H) font: each character's
    /// code is its UTF-16 unit and a ToUnicode CMap maps it back, as PDF writers do for Vietnamese
    /// text. The font is not embedded (no glyphs are needed to extract text).
    /// </summary>
    public static byte[] Pdf(params string[] lines)
    {
        var text = string.Concat(lines).Normalize(NormalizationForm.FormC);
        var codes = text.Distinct().Order().ToList();
        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            cmap.Append(chunk.Length.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var c in chunk)
            {
                cmap.Append('<').Append(Hex(c)).Append("> <").Append(Hex(c)).Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

        var content = new StringBuilder("BT\n/F1 12 Tf\n50 800 Td\n16 TL\n");
        foreach (var line in lines)
        {
            content.Append('<').Append(string.Concat(line.Normalize(NormalizationForm.FormC).Select(Hex))).Append("> Tj T*\n");
        }

        content.Append("ET\n");

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 550 /CIDToGIDMap /Identity >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /NotoSans /Flags 32 /FontBBox [-100 -250 1000 950] /ItalicAngle 0 /Ascent 950 /Descent -250 /CapHeight 700 /StemV 80 >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("0000000000", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());

        static string Stream(string body) =>
            $"<< /Length {Encoding.ASCII.GetByteCount(body).ToString(CultureInfo.InvariantCulture)} >>\nstream\n{body}endstream";
    }

    private static string Hex(char c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
