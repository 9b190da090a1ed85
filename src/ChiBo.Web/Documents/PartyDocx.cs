using ChiBo.Organizations;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiBo.Web.Documents;

/// <summary>
/// The pieces of a Party document as Word (.docx) for the committee to edit and sign: A4 with the
/// margins of Hướng dẫn 36-HD/VPTW (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman
/// 14, the heading in two columns, paragraphs, tables, the closing with "Nơi nhận" and the signature.
/// </summary>
public static class PartyDocx
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A document whose body <paramref name="content"/> fills.</summary>
    public static byte[] Write(Action<Body> content)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            content(body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = "28" }))));
        }

        return buffer.ToArray();
    }

    /// <summary>The issuing body under its superior with the star and the number, beside "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date.</summary>
    public static Table Heading(Organization? superior, Organization org, string? number, string place, DateOnly date)
    {
        var issuer = new List<string>();
        if (superior is not null)
        {
            issuer.Add(PartyDocument.Superior(superior));
        }

        issuer.AddRange([PartyDocument.Issuer(org), "*"]);
        if (number is not null)
        {
            issuer.Add(number);
        }

        return Table([[string.Join("\n", issuer), PartyDocument.Header + "\n" + PartyDocument.PlaceAndDate(place, date)]], borders: false, header: false);
    }

    /// <summary>"Nơi nhận" on the left, "T/M ĐẢNG ỦY" (or "T/M CHI BỘ") with room to sign on the right.</summary>
    public static Table Closing(Organization org) =>
        Table([["Nơi nhận:\n- Như trên,\n- Lưu Văn phòng.", PartyDocument.OnBehalfOf(org) + "\n\n\n\n"]], borders: false, header: false);

    public static Paragraph Para(string text, bool bold = false, bool center = false, bool italic = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (center)
        {
            props.Append(new Justification { Val = JustificationValues.Center });
        }

        var p = new Paragraph(props);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold || italic)
            {
                var look = new RunProperties();
                if (bold)
                {
                    look.Append(new Bold());
                }

                if (italic)
                {
                    look.Append(new Italic());
                }

                run.Append(look);
            }

            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            p.Append(run);
        }

        return p;
    }

    /// <summary>A table of text; with borders it is a data table (its first row the header when <paramref name="header"/>), without it a layout of columns, centred.</summary>
    public static Table Table(IReadOnlyList<IReadOnlyList<string>> rows, bool borders, bool header)
    {
        var props = new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct });
        if (borders)
        {
            props.Append(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        }

        var table = new Table(props);
        for (var n = 0; n < rows.Count; n++)
        {
            var row = new TableRow();
            foreach (var cell in rows[n])
            {
                row.Append(new TableCell(Para(cell, bold: header && n == 0, center: !borders)));
            }

            table.Append(row);
        }

        return table;
    }
}
