using System.Security.Cryptography;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Documents;

/// <summary>What a committee files into the library: the metadata and the file as uploaded.</summary>
public sealed record DocumentUpload
{
    /// <summary>The organization whose subtree the document is issued for; null: central (Trung ương).</summary>
    public int? OrganizationId { get; init; }

    public DocumentKind Kind { get; init; }
    public string? Number { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? Issuer { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
    public byte[] Content { get; init; } = [];
}

/// <summary>
/// The library's commands, one transaction each; the audit interceptor records them (the file's
/// bytes and text as their size and hash). Who may act on which organization is checked by the
/// caller (the web layer, with <see cref="Access.Operation.DocumentsWrite"/> on the subtree).
/// </summary>
public sealed class DocumentCommands(ChiBoDb db, TimeProvider clock, string actor)
{
    private DateOnly Today => clock.Today();

    /// <summary>Files a document: checks the metadata and the file, extracts the text, indexes it.</summary>
    public async Task<Document> UploadAsync(DocumentUpload u, CancellationToken ct = default)
    {
        var number = Clean(u.Number);
        var issuer = Clean(u.Issuer);
        var title = Clean(u.Title);
        var summary = string.IsNullOrWhiteSpace(u.Summary) ? null : u.Summary.Trim().Normalize(System.Text.NormalizationForm.FormC);
        Require(Enum.IsDefined(u.Kind), "Kind", "Cần chọn loại văn bản (nghị quyết, chỉ thị, hướng dẫn…).");
        Require(number is { Length: > 0 and <= 100 }, "Number", "Cần số, ký hiệu văn bản (vd: 50-CT/TW), tối đa 100 ký tự.");
        Require(u.IssuedOn is not null, "IssuedOn", "Cần ngày ban hành văn bản.");
        Require(u.IssuedOn is null || (u.IssuedOn.Value.Year >= 1930 && u.IssuedOn.Value <= Today), "IssuedOn",
            $"Ngày ban hành ({Rules.Date(u.IssuedOn ?? Today)}) phải từ năm 1930 đến hôm nay ({Rules.Date(Today)}).");
        Require(issuer is { Length: > 0 and <= 200 }, "Issuer", "Cần cơ quan ban hành (vd: Ban Bí thư, Tỉnh ủy), tối đa 200 ký tự.");
        Require(title is { Length: > 0 and <= 500 }, "Title", "Cần trích yếu (tên) văn bản, tối đa 500 ký tự.");
        Require(summary is null || summary.Length <= 4000, "Summary", "Tóm tắt tối đa 4.000 ký tự.");
        foreach (var (field, label, value) in new[] { ("Number", "Số, ký hiệu", number), ("Issuer", "Cơ quan ban hành", issuer), ("Title", "Trích yếu", title), ("Summary", "Tóm tắt", summary) })
        {
            // PostgreSQL cannot store NUL in text; no other control character belongs in a title either.
            Require(value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), field, $"{label} có ký tự điều khiển: hãy gõ lại.");
        }

        var extracted = DocumentText.Read(u.FileName, u.ContentType, u.Content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(u.Content));

        return await Transactions.RunAsync(db, "Văn bản", async () =>
        {
            Organization? org = null;
            if (u.OrganizationId is { } orgId)
            {
                org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
                Require(org is not null && org.DissolvedOn is null, "OrganizationId", $"Không có tổ chức đảng mã số {orgId} (đang hoạt động).");
            }

            var same = await db.Documents.AsNoTracking()
                .Where(d => d.OrganizationId == u.OrganizationId && (d.Number == number || d.Sha256 == sha))
                .Select(d => new { d.Id, d.Number, d.IssuedOn, d.Sha256 })
                .ToListAsync(ct);
            var twin = same.FirstOrDefault(d => d.Sha256 == sha);
            Require(twin is null, "File", $"Tệp này đã có trong thư viện (văn bản số {twin?.Number}, mã {twin?.Id}).");
            var numbered = same.FirstOrDefault(d => d.Number == number && d.IssuedOn == u.IssuedOn);
            Require(numbered is null, "Number",
                $"Văn bản số {number} ngày {Rules.Date(u.IssuedOn!.Value)} đã có trong thư viện (mã {numbered?.Id}).");

            var document = new Document
            {
                ProvinceId = org?.ProvinceId, OrganizationId = org?.Id, Number = number!, IssuedOn = u.IssuedOn!.Value,
                Issuer = issuer!, Kind = u.Kind, Title = title!, Summary = summary, FileName = Path.GetFileName(u.FileName!.Trim()),
                ContentType = extracted.ContentType, Format = extracted.Format, Size = u.Content.Length, Sha256 = sha,
                Text = extracted.Text, UploadedBy = actor, UploadedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            db.DocumentFiles.Add(new DocumentFile { DocumentId = document.Id, ProvinceId = document.ProvinceId, Content = u.Content });
            await db.SaveChangesAsync(ct);
            await DocumentIndex.WriteAsync(db, document, ct);
            return document;
        }, ct);
    }

    /// <summary>Removes a document with its file, its meeting assignments and its study confirmations.</summary>
    public async Task RemoveAsync(long documentId, int version, CancellationToken ct = default) =>
        await Transactions.RunAsync(db, "Văn bản", async () =>
        {
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct)
                ?? throw new RuleViolationException("Id", $"Không có văn bản mã {documentId}.");
            Concurrency.CheckVersion("Văn bản", version, document.Version);
            db.DocumentStudies.RemoveRange(await db.DocumentStudies.Where(s => s.DocumentId == documentId).ToListAsync(ct));
            db.MeetingDocuments.RemoveRange(await db.MeetingDocuments.Where(m => m.DocumentId == documentId).ToListAsync(ct));
            db.DocumentFiles.RemoveRange(await db.DocumentFiles.Where(f => f.DocumentId == documentId).ToListAsync(ct));
            db.Documents.Remove(document);
            await db.SaveChangesAsync(ct);
            await DocumentIndex.RemoveAsync(db, documentId, ct);
            return true;
        }, ct);

    /// <summary>
    /// Assigns the document to a meeting for study. The meeting must not be cancelled, and the
    /// document must apply to its cell (issued for the cell or an organization above it, or central).
    /// Assigning twice is harmless: the existing assignment is returned.
    /// </summary>
    public async Task<MeetingDocument> AssignToMeetingAsync(long documentId, long meetingId, CancellationToken ct = default) =>
        await Transactions.RunAsync(db, "Buổi sinh hoạt", async () =>
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Id, m.ProvinceId, m.CellId, m.Status, m.Date, m.Title })
                .FirstOrDefaultAsync(ct);
            Require(meeting is not null, "MeetingId", $"Không có buổi sinh hoạt mã {meetingId}.");
            Require(meeting!.Status != MeetingStatus.Cancelled, "MeetingId",
                $"Buổi sinh hoạt \"{meeting.Title}\" ngày {Rules.Date(meeting.Date)} đã hủy.");
            var cellPath = await db.Organizations.AsNoTracking().Where(o => o.Id == meeting.CellId).Select(o => o.Path).FirstAsync(ct);
            var document = await DocumentAsync(documentId, ct);
            var documentPath = await PathOfAsync(document.OrganizationId, ct);
            Require(ChainView.OfCell(meeting.ProvinceId, cellPath).Sees(document.ProvinceId, documentPath), "DocumentId",
                $"Văn bản số {document.Number} không ban hành cho chi bộ này (cũng không cho cấp trên của chi bộ).");
            var existing = await db.MeetingDocuments.AsNoTracking()
                .FirstOrDefaultAsync(m => m.MeetingId == meetingId && m.DocumentId == documentId, ct);
            if (existing is not null)
            {
                return existing;
            }

            var link = new MeetingDocument
            {
                ProvinceId = meeting.ProvinceId, MeetingId = meetingId, DocumentId = documentId, AssignedBy = actor,
                AssignedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.MeetingDocuments.Add(link);
            await db.SaveChangesAsync(ct);
            return link;
        }, ct);

    public async Task<bool> UnassignFromMeetingAsync(long documentId, long meetingId, CancellationToken ct = default) =>
        await Transactions.RunAsync(db, "Buổi sinh hoạt", async () =>
        {
            var link = await db.MeetingDocuments.FirstOrDefaultAsync(m => m.MeetingId == meetingId && m.DocumentId == documentId, ct);
            Require(link is not null, "MeetingId", $"Văn bản mã {documentId} không có trong tài liệu của buổi sinh hoạt mã {meetingId}.");
            db.MeetingDocuments.Remove(link!);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    /// <summary>
    /// A member confirms they studied the document on a day (today unless told): an active member
    /// (official or probationary) of a cell the document applies to, not before it was issued nor
    /// after today. Confirming again keeps the first confirmation.
    /// </summary>
    public async Task<DocumentStudy> ConfirmStudiedAsync(long documentId, int memberId, DateOnly? studiedOn = null, CancellationToken ct = default)
    {
        var day = studiedOn ?? Today;
        Require(day <= Today, "StudiedOn", $"Ngày học tập ({Rules.Date(day)}) không được sau hôm nay ({Rules.Date(Today)}).");
        return await Transactions.RunAsync(db, "Xác nhận học tập", async () =>
        {
            var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new { m.Id, m.ProvinceId, m.Status, m.FullName, CellPath = m.Cell!.Path })
                .FirstOrDefaultAsync(ct);
            Require(member is not null, "MemberId", $"Không có đảng viên mã số {memberId}.");
            Require(member!.Status is MemberStatus.Official or MemberStatus.Probationary, "MemberId",
                $"Đảng viên {member.FullName} không còn sinh hoạt đảng nên không xác nhận học tập.");
            var document = await DocumentAsync(documentId, ct);
            Require(day >= document.IssuedOn, "StudiedOn",
                $"Ngày học tập ({Rules.Date(day)}) không được trước ngày ban hành văn bản ({Rules.Date(document.IssuedOn)}).");
            var documentPath = await PathOfAsync(document.OrganizationId, ct);
            Require(ChainView.OfCell(member.ProvinceId, member.CellPath).Sees(document.ProvinceId, documentPath), "DocumentId",
                $"Văn bản số {document.Number} không ban hành cho chi bộ của đảng viên {member.FullName}.");
            var existing = await db.DocumentStudies.AsNoTracking().FirstOrDefaultAsync(s => s.DocumentId == documentId && s.MemberId == memberId, ct);
            if (existing is not null)
            {
                return existing;
            }

            var study = new DocumentStudy
            {
                ProvinceId = member.ProvinceId, DocumentId = documentId, MemberId = memberId, StudiedOn = day, RecordedBy = actor,
                RecordedAt = clock.GetUtcNow().ToUniversalTime(),
            };
            db.DocumentStudies.Add(study);
            await db.SaveChangesAsync(ct);
            return study;
        }, ct);
    }

    private async Task<Document> DocumentAsync(long id, CancellationToken ct) =>
        await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new RuleViolationException("DocumentId", $"Không có văn bản mã {id}.");

    private async Task<string?> PathOfAsync(int? organizationId, CancellationToken ct) =>
        organizationId is { } id ? await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstAsync(ct) : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Clean(value);

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new RuleViolationException(field, message);
        }
    }
}
