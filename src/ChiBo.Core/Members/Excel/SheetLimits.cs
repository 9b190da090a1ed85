using System.IO.Compression;
using System.Xml;
using ChiBo.Files;

namespace ChiBo.Members.Excel;

/// <summary>
/// The size and shape of a workbook, checked by streaming through its XML before MiniExcel reads
/// it: MiniExcel gives every row as many cells as the sheet's widest column (or its declared
/// dimension), so a sheet declaring <c>A1:XFD20002</c> made it build 20.002 rows of 16.384 cells.
/// Only the first sheet is read, as MiniExcel reads it.
/// </summary>
internal static class SheetLimits
{
    /// <summary>A file of 20.000 rows of the template is 2–4 MB; the upload limit leaves room for formatting.</summary>
    public const long MaxFileSize = 20L * 1024 * 1024;

    /// <summary>The template has 27 columns; users may add their own (notes, numbering), not hundreds.</summary>
    public const int MaxColumns = 100;

    /// <summary>No field of a member record holds more than 300 characters.</summary>
    public const int MaxCellLength = 4_000;

    private const string What = "Tệp Excel";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    /// <summary>The first problem of the workbook's size and shape, or null when MiniExcel may read it.</summary>
    public static ImportError? Check(byte[] xlsx)
    {
        try
        {
            if (!ZipLimits.Check(xlsx, What, ""))
            {
                return NotExcel;
            }

            using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
            if (FirstSheet(zip) is not var (name, part))
            {
                return NotExcel;
            }

            return ScanSheet(name, part, SharedStringLengths(zip));
        }
        catch (RuleViolationException e)
        {
            return new ImportError(0, "", e.Message);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException)
        {
            return NotExcel;
        }
    }

    public static readonly ImportError NotExcel = new(0, "", "Tệp không phải tệp Excel (.xlsx) đọc được. Hãy dùng mẫu tải về từ hệ thống.");

    private static ImportError? ScanSheet(string sheet, ZipArchiveEntry part, List<int> strings)
    {
        using var stream = part.Open();
        using var reader = XmlReader.Create(stream, Settings);
        var row = 0;
        var column = 0;
        var dataRows = 0;
        var counted = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "dimension" when reader.GetAttribute("ref") is { } range:
                {
                    var last = range.Split(':')[^1];
                    var (columns, _) = Cell(last);
                    if (columns > MaxColumns)
                    {
                        return new ImportError(1, "",
                            $"Trang tính \"{ZipLimits.Short(sheet)}\" khai báo vùng {ZipLimits.Short(range)} ({ZipLimits.Number(columns)} cột); tệp nhập tối đa {MaxColumns} cột (mẫu có {MemberSheet.Headers.Count} cột). Hãy xóa các cột thừa hoặc dùng mẫu tải về từ hệ thống.");
                    }

                    break;
                }

                case "row":
                    row = int.TryParse(reader.GetAttribute("r"), System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = 0;
                    break;

                case "c":
                {
                    var reference = reader.GetAttribute("r");
                    var (c, cellRow) = reference is null ? (column + 1, row) : Cell(reference);
                    (column, row) = (c, cellRow > 0 ? cellRow : row);
                    var name = reference ?? ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (column > MaxColumns)
                    {
                        return new ImportError(row, "",
                            $"Ô {ZipLimits.Short(name)} nằm ở cột thứ {ZipLimits.Number(column)}; tệp nhập tối đa {MaxColumns} cột (mẫu có {MemberSheet.Headers.Count} cột).");
                    }

                    var length = CellLength(reader, reader.GetAttribute("t"), strings);
                    if (length > MaxCellLength)
                    {
                        return new ImportError(row, "",
                            $"Ô {ZipLimits.Short(name)} dài {ZipLimits.Number(length)} ký tự, vượt giới hạn {ZipLimits.Number(MaxCellLength)} ký tự của một ô.");
                    }

                    // Rows with something in them, past the header: too many is refused before MiniExcel reads any.
                    if (length > 0 && counted != row && ++dataRows > MemberImport.MaxRows + 1)
                    {
                        return new ImportError(row, "", MemberImport.TooManyRows);
                    }

                    counted = length > 0 ? row : counted;

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>Characters of the cell's value; the reader ends on the cell's last node.</summary>
    private static long CellLength(XmlReader reader, string? type, List<int> strings)
    {
        if (reader.IsEmptyElement)
        {
            return 0;
        }

        var depth = reader.Depth;
        long length = 0;
        string? index = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                if (type == "s")
                {
                    index = reader.Value.Length < 12 ? reader.Value : "";
                }
                else
                {
                    length += TextLength(reader);
                }
            }
        }

        return type == "s" && int.TryParse(index, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
            ? strings[i]
            : length;
    }

    [ThreadStatic]
    private static char[]? _chunk;

    /// <summary>The length of a text node, read in chunks so that a 10 MB cell is never one string.</summary>
    private static long TextLength(XmlReader reader)
    {
        var buffer = _chunk ??= new char[8192];
        long length = 0;
        int read;
        while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            length += read;
        }

        return length;
    }

    /// <summary>The length of each shared string, in order (cells of type "s" hold an index into them).</summary>
    private static List<int> SharedStringLengths(ZipArchive zip)
    {
        var lengths = new List<int>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } part)
        {
            return lengths;
        }

        using var stream = part.Open();
        using var reader = XmlReader.Create(stream, Settings);
        var depth = -1;
        long length = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (reader.IsEmptyElement)
                {
                    lengths.Add(0);
                    continue;
                }

                (depth, length) = (reader.Depth, 0);
            }
            else if (depth >= 0 && reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                lengths.Add((int)Math.Min(length, int.MaxValue));
                depth = -1;
            }
            else if (depth >= 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                length += TextLength(reader);
            }
        }

        return lengths;
    }

    /// <summary>The first sheet of the workbook (its name and part), found through workbook.xml and its relationships.</summary>
    private static (string Name, ZipArchiveEntry Part)? FirstSheet(ZipArchive zip)
    {
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        string? name = null, id = null;
        using (var reader = XmlReader.Create(workbook.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    (name, id) = (reader.GetAttribute("name"), reader.GetAttribute("id", Relationships));
                    break;
                }
            }
        }

        if (id is null)
        {
            return null;
        }

        using (var reader = XmlReader.Create(rels.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id
                    && reader.GetAttribute("Target") is { } target)
                {
                    var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    return zip.GetEntry(path) is { } part ? (name ?? "", part) : null;
                }
            }
        }

        return null;
    }

    /// <summary>Column number (A = 1) and row of a cell reference such as "AB12"; a bare row or column gives 0 for the other.</summary>
    private static (int Column, int Row) Cell(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (int)Math.Min(int.MaxValue / 32, (column * 26L) + (char.ToUpperInvariant(reference[i]) - 'A' + 1));
        }

        var row = int.TryParse(reference.AsSpan(i), System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0;
        return (column, row);
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }
}
