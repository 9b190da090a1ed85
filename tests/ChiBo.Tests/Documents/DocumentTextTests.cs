using ChiBo.Documents;

namespace ChiBo.Tests.Documents;

/// <summary>Files in, text out; the folding and snippets search relies on.</summary>
public sealed class DocumentTextTests
{
    [Fact]
    public void Words_FoldDiacriticsAndDStroke_AndSplitOnPunctuation()
    {
        DocumentIndex.Words("Nghị quyết Đảng bộ tỉnh; Chỉ thị 50-CT/TW, ĐƯỜNG lối").ShouldBe(
            ["nghi", "quyet", "dang", "bo", "tinh", "chi", "thi", "50", "ct", "tw", "duong", "loi"]);
        DocumentIndex.FoldSameLength("Nghị quyết Đảng bộ").ShouldBe("nghi quyet dang bo");
    }

    [Fact]
    public void Snippet_MarksTheQueryWordsAsWritten_AroundTheBestPassage()
    {
        var text = string.Join(' ', Enumerable.Repeat("Văn bản mở đầu không liên quan.", 20))
                   + " Chi bộ quán triệt Nghị quyết Đảng bộ tỉnh lần thứ XI về phát triển kinh tế. "
                   + string.Join(' ', Enumerable.Repeat("Phần kết thúc.", 20));
        var parts = Snippets.Make(text, DocumentIndex.Words("nghi quyet dang bo"));
        parts.Where(p => p.Hit).Select(p => p.Text).ShouldBe(["bộ", "Nghị quyết Đảng bộ"]); // "Chi bộ" holds a query word too
        var plain = Snippets.Plain(parts);
        plain.ShouldStartWith("… ");
        plain.ShouldContain("Chi bộ quán triệt Nghị quyết Đảng bộ tỉnh lần thứ XI");
        plain.ShouldEndWith(" …");
    }

    [Fact]
    public void Docx_TextOfEveryParagraph()
    {
        var bytes = SampleFiles.Docx("NGHỊ QUYẾT", "Về công tác xây dựng Đảng bộ xã", "Đảng ủy xã quyết nghị:");
        var read = DocumentText.Read("nghi-quyet.docx", DocumentText.DocxType, bytes);
        read.Format.ShouldBe(DocumentFileFormat.Docx);
        read.Text.ShouldBe("NGHỊ QUYẾT\nVề công tác xây dựng Đảng bộ xã\nĐảng ủy xã quyết nghị:");
    }

    [Fact]
    public void Pdf_TextThroughTheToUnicodeMap()
    {
        var bytes = SampleFiles.Pdf("CHỈ THỊ SỐ 50-CT/TW", "Về nâng cao chất lượng sinh hoạt chi bộ");
        var read = DocumentText.Read("chi-thi.pdf", "application/octet-stream", bytes);
        read.Format.ShouldBe(DocumentFileFormat.Pdf);
        read.ContentType.ShouldBe(DocumentText.PdfType);
        read.Text.ShouldContain("CHỈ THỊ SỐ 50-CT/TW");
        read.Text.ShouldContain("Về nâng cao chất lượng sinh hoạt chi bộ");
    }

    [Theory]
    [InlineData("virus.exe", "application/octet-stream", "MZ", "chỉ nhận PDF")]
    [InlineData("gia.pdf", "application/pdf", "not a pdf", "không phải tệp PDF")]
    [InlineData("gia.docx", DocumentText.DocxType, "PK\u0003\u0004 broken", "Không đọc được nội dung tệp Word")]
    [InlineData("ghi-chu.txt", "application/pdf", "Ghi chú", "không khớp")]
    public void Refused_WithAMessageNamingTheFile(string name, string type, string content, string message)
    {
        var e = Should.Throw<RuleViolationException>(() => DocumentText.Read(name, type, System.Text.Encoding.Latin1.GetBytes(content)));
        e.Field.ShouldBe("File");
        e.Message.ShouldContain(name);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void Refused_TooLarge_AndNotUtf8()
    {
        Should.Throw<RuleViolationException>(() => DocumentText.Read("lon.txt", "text/plain", new byte[DocumentText.MaxSize + 1]))
            .Message.ShouldContain("vượt giới hạn 20 MB");
        Should.Throw<RuleViolationException>(() => DocumentText.Read("cu.txt", "text/plain", [0x4E, 0x67, 0xC3, 0x28]))
            .Message.ShouldContain("UTF-8");
    }
}
