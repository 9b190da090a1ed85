namespace ChiBo.Documents;

/// <summary>Loại văn bản: the kinds of Party documents a cell studies (Quy định 66-QĐ/TW on Party documents).</summary>
public enum DocumentKind
{
    /// <summary>Nghị quyết.</summary>
    Resolution = 1,

    /// <summary>Chỉ thị.</summary>
    Directive = 2,

    /// <summary>Hướng dẫn.</summary>
    Guide = 3,

    /// <summary>Kết luận.</summary>
    Conclusion = 4,

    /// <summary>Kế hoạch.</summary>
    Plan = 5,

    /// <summary>Quy định.</summary>
    Regulation = 6,

    /// <summary>Quyết định.</summary>
    Decision = 7,

    /// <summary>Chương trình hành động.</summary>
    Programme = 8,

    /// <summary>Tài liệu khác (tài liệu sinh hoạt, đề cương tuyên truyền…).</summary>
    Other = 9,
}

/// <summary>The formats the library accepts and extracts text from.</summary>
public enum DocumentFileFormat
{
    Pdf = 1,
    Docx = 2,
    Text = 3,
}

/// <summary>
/// A document of the library (văn bản, tài liệu): its metadata, the text extracted from its file
/// for search and reading, and the subtree it is issued for. A member sees the documents issued
/// for the organizations above their cell (its path's prefixes) and the central ones, which have
/// no organization; the organization's current path decides, so a reorganized tree needs no rewrite here. The file's bytes live in <see cref="DocumentFile"/> so that lists never load them.
/// </summary>
public sealed class Document
{
    public long Id { get; set; }

    /// <summary>Null for a central document (Trung ương), which every province sees.</summary>
    public int? ProvinceId { get; set; }

    /// <summary>The organization whose subtree the document is issued for; null: central.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Số, ký hiệu: "50-CT/TW", "12-NQ/ĐU".</summary>
    public required string Number { get; set; }

    /// <summary>Ngày ban hành.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>Cơ quan ban hành: "Ban Bí thư", "Tỉnh ủy An Giang".</summary>
    public required string Issuer { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>Trích yếu.</summary>
    public required string Title { get; set; }

    /// <summary>Tóm tắt nội dung chính.</summary>
    public string? Summary { get; set; }

    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public DocumentFileFormat Format { get; set; }
    public long Size { get; set; }

    /// <summary>SHA-256 of the file, hex: the same file filed twice is noticed.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The file's text (NFC), extracted when it was filed; empty for a scan without a text layer.</summary>
    public required string Text { get; set; }

    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>The file as uploaded, in the database so backups and both providers need nothing else.</summary>
public sealed class DocumentFile
{
    public long DocumentId { get; set; }
    public int? ProvinceId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A document a meeting studies (tài liệu quán triệt tại buổi sinh hoạt).</summary>
public sealed class MeetingDocument
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public long MeetingId { get; set; }
    public long DocumentId { get; set; }
    public required string AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>A member's confirmation that they studied a document (xác nhận đã học tập, quán triệt).</summary>
public sealed class DocumentStudy
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public long DocumentId { get; set; }
    public int MemberId { get; set; }
    public DateOnly StudiedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The Vietnamese words of the library.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<(DocumentKind Value, string Name)> All =
    [
        (DocumentKind.Resolution, "Nghị quyết"), (DocumentKind.Directive, "Chỉ thị"), (DocumentKind.Guide, "Hướng dẫn"),
        (DocumentKind.Conclusion, "Kết luận"), (DocumentKind.Plan, "Kế hoạch"), (DocumentKind.Regulation, "Quy định"),
        (DocumentKind.Decision, "Quyết định"), (DocumentKind.Programme, "Chương trình hành động"), (DocumentKind.Other, "Tài liệu khác"),
    ];

    public static string Of(DocumentKind kind) => All.FirstOrDefault(k => k.Value == kind).Name ?? kind.ToString();

    public static string Of(DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Pdf => "PDF",
        DocumentFileFormat.Docx => "Word (.docx)",
        _ => "Văn bản thuần (.txt)",
    };
}
