using System.Data.Common;
using System.Globalization;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Documents;

/// <summary>A search of the library: words (any diacritics), kind, issuer, year, page.</summary>
public sealed record DocumentFilter
{
    public string? Query { get; init; }
    public DocumentKind? Kind { get; init; }
    public string? Issuer { get; init; }
    public int? Year { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>One result: the metadata, where it applies, and a snippet with the query's words marked.</summary>
public sealed record DocumentHit(
    long Id, string Number, DateOnly IssuedOn, string Issuer, DocumentKind Kind, string Title, string? Summary,
    DocumentFileFormat Format, long Size, string? OrgCode, string? OrgName, IReadOnlyList<SnippetPart> Snippet);

public sealed record DocumentPage(int Total, int Page, int PageSize, IReadOnlyList<string> Words, IReadOnlyList<DocumentHit> Items)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A document as its page shows it, with the organization it is issued for (null: central).</summary>
public sealed record DocumentDetails(Document Document, string? OrgCode, string? OrgName, string? OrgPath);

public sealed record AssignedMeeting(long MeetingId, DateOnly Date, string Title, MeetingStatus Status, int CellId, string CellCode, string CellName);

/// <summary>One member on the study roll of a document: studied on a day, or not yet (null).</summary>
public sealed record StudyRollLine(int MemberId, string FullName, string CellCode, string CellName, DateOnly? StudiedOn);

/// <summary>
/// Who has and has not confirmed studying a document, within a subtree: the members of the cells
/// whose meetings study it, and anyone else there who confirmed. <see cref="Lines"/> is cut at a
/// limit for a large subtree; the totals are not.
/// </summary>
public sealed record StudyRoll(int Due, int Confirmed, IReadOnlyList<StudyRollLine> Lines, bool Truncated);

/// <summary>A document a member has still to study, with the meeting that studies it.</summary>
public sealed record DocumentToStudy(
    long DocumentId, string Number, string Title, DocumentKind Kind, DateOnly IssuedOn, long MeetingId, DateOnly MeetingDate, string MeetingTitle);

public static class DocumentQueries
{
    /// <summary>How far back "recent" meetings reach for a member's reading list.</summary>
    public const int RecentDays = 60;

    /// <summary>
    /// The library as the caller sees it (<paramref name="view"/>): with words, the full-text
    /// match of the provider ranked (exact phrase first, then relevance, heading above body);
    /// without, newest first. One statement per provider, built from the same pieces.
    /// </summary>
    public static async Task<DocumentPage> SearchAsync(ChiBoDb db, ChainView view, DocumentFilter filter, CancellationToken ct = default)
    {
        var words = DocumentIndex.Words(filter.Query ?? "").Distinct(StringComparer.Ordinal).Take(12).ToList();
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 100);
        var sql = new RawSql(db);
        var where = new List<string> { view.Predicate(sql, "d.province_id", "o.path") };
        if (filter.Kind is { } kind)
        {
            where.Add($"d.kind = {sql.Param((int)kind)}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Issuer))
        {
            where.Add($"d.issuer = {sql.Param(filter.Issuer.Trim())}");
        }

        if (filter.Year is { } year)
        {
            where.Add($"d.issued_on >= {sql.Param(new DateOnly(year, 1, 1))} AND d.issued_on < {sql.Param(new DateOnly(year + 1, 1, 1))}");
        }

        // With words, the index's hits drive the join (a few rows of a large library), not the documents.
        string with = "", from = "documents d", order = "d.issued_on DESC, d.id DESC";
        if (words.Count > 0)
        {
            with = "WITH " + DocumentIndex.Hits(sql, words);
            from = "hits h JOIN documents d ON d.id = h.id";
            order = "h.phrase, h.rank, d.issued_on DESC, d.id DESC";
        }

        var text = $"""
            {with}
            SELECT d.id, d.number, d.issued_on, d.issuer, d.kind, d.title, d.summary, d.format, d.size, o.code, o.name,
                   count(*) OVER () AS total
            FROM {from}
            LEFT JOIN organizations o ON o.id = d.organization_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY {order}
            LIMIT {sql.Param(size)} OFFSET {sql.Param((page - 1) * size)}
            """;
        var total = 0;
        var rows = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<DocumentHit>();
            while (await reader.ReadAsync(ct))
            {
                total = Int(reader, 11);
                list.Add(new DocumentHit(
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                    reader.GetString(3), (DocumentKind)Int(reader, 4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    (DocumentFileFormat)Int(reader, 7), Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10), []));
            }

            return list;
        }, ct);

        if (words.Count > 0 && rows.Count > 0)
        {
            var ids = rows.Select(r => r.Id).ToList();
            var texts = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Text }).ToDictionaryAsync(d => d.Id, d => d.Text, ct);
            rows = rows.Select(r =>
            {
                var fromText = Snippets.Make(texts[r.Id], words);
                return r with { Snippet = fromText.Any(p => p.Hit) ? fromText : Snippets.Make($"{r.Title}. {r.Summary}", words) };
            }).ToList();
        }
        else
        {
            rows = rows.Select(r => r.Summary is { } s ? r with { Snippet = Snippets.Make(s, [], 40) } : r).ToList();
        }

        return new DocumentPage(total, page, size, words, rows);
    }

    /// <summary>Issuers and years of the documents the caller sees, for the filters.</summary>
    public static async Task<(IReadOnlyList<string> Issuers, IReadOnlyList<int> Years)> FacetsAsync(ChiBoDb db, ChainView view, CancellationToken ct = default)
    {
        var sql = new RawSql(db);
        var text = $"""
            SELECT DISTINCT d.issuer, d.issued_on
            FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id
            WHERE {view.Predicate(sql, "d.province_id", "o.path")}
            """;
        var rows = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<(string, DateOnly)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
            }

            return list;
        }, ct);
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return (
            rows.Select(r => r.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Create(culture, false)).ToList(),
            rows.Select(r => r.Item2.Year).Distinct().OrderDescending().ToList());
    }

    /// <summary>One document if the view sees it; null otherwise (the caller answers "not found").</summary>
    public static async Task<DocumentDetails?> GetAsync(ChiBoDb db, ChainView view, long id, CancellationToken ct = default)
    {
        var row = await (
                from d in db.Documents.AsNoTracking()
                where d.Id == id
                join o in db.Organizations on d.OrganizationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                select new { Document = d, Code = (string?)o.Code, Name = (string?)o.Name, Path = (string?)o.Path })
            .FirstOrDefaultAsync(ct);
        return row is not null && view.Sees(row.Document.ProvinceId, row.Path)
            ? new DocumentDetails(row.Document, row.Code, row.Name, row.Path)
            : null;
    }

    public static async Task<byte[]?> FileAsync(ChiBoDb db, long id, CancellationToken ct = default) =>
        await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == id).Select(f => f.Content).FirstOrDefaultAsync(ct);

    /// <summary>The meetings of cells inside <paramref name="within"/> that study the document, latest first.</summary>
    public static async Task<IReadOnlyList<AssignedMeeting>> MeetingsAsync(ChiBoDb db, long documentId, Subtree within, CancellationToken ct = default)
    {
        var rows = await (
                from l in db.MeetingDocuments.AsNoTracking()
                where l.DocumentId == documentId
                join m in db.Meetings on l.MeetingId equals m.Id
                join c in db.Organizations on m.CellId equals c.Id
                orderby m.Date descending
                select new { m.Id, m.Date, m.Title, m.Status, m.CellId, c.Code, c.Name, c.Path, c.ProvinceId })
            .ToListAsync(ct);
        return rows.Where(r => OrgScopeCovers(within, r.ProvinceId, r.Path))
            .Select(r => new AssignedMeeting(r.Id, r.Date, r.Title, r.Status, r.CellId, r.Code, r.Name))
            .ToList();
    }

    /// <summary>Meetings in <paramref name="within"/> from a day on that the document could be assigned to (not cancelled, cells it applies to).</summary>
    public static async Task<IReadOnlyList<AssignedMeeting>> AssignableMeetingsAsync(
        ChiBoDb db, DocumentDetails document, Subtree within, DateOnly since, int limit, CancellationToken ct = default)
    {
        var lo = within.Path;
        var hi = within.UpperBound;
        var q = from m in db.Meetings.AsNoTracking()
                join c in db.Organizations on m.CellId equals c.Id
                where m.Date >= since && m.Status != MeetingStatus.Cancelled
                      && string.Compare(c.Path, lo) >= 0 && string.Compare(c.Path, hi) < 0
                select new { m.Id, m.Date, m.Title, m.Status, m.CellId, c.Code, c.Name, c.Path, c.ProvinceId };
        if (within.ProvinceId is { } p)
        {
            q = q.Where(r => r.ProvinceId == p);
        }

        if (document.OrgPath is { } path)
        {
            var dlo = path;
            var dhi = new Subtree(document.Document.ProvinceId, path).UpperBound;
            var province = document.Document.ProvinceId;
            q = q.Where(r => r.ProvinceId == province && string.Compare(r.Path, dlo) >= 0 && string.Compare(r.Path, dhi) < 0);
        }

        var rows = await q.OrderBy(r => r.Date).ThenBy(r => r.Code).Take(limit).ToListAsync(ct);
        return rows.Select(r => new AssignedMeeting(r.Id, r.Date, r.Title, r.Status, r.CellId, r.Code, r.Name)).ToList();
    }

    /// <summary>
    /// Who has and has not studied the document inside <paramref name="within"/>: the active
    /// members (official, probationary) of cells whose meetings study it, with their confirmation
    /// date, and the members there who confirmed without such a meeting.
    /// </summary>
    public static async Task<StudyRoll> StudyRollAsync(ChiBoDb db, long documentId, Subtree within, int limit = 500, CancellationToken ct = default)
    {
        var meetings = await MeetingsAsync(db, documentId, within, ct);
        var cells = meetings.Where(m => m.Status != MeetingStatus.Cancelled).Select(m => m.CellId).Distinct().ToList();
        var due = await db.Members.AsNoTracking()
            .Where(m => cells.Contains(m.CellId) && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary))
            .Select(m => new { m.Id, m.FullName, m.Cell!.Code, m.Cell.Name })
            .ToListAsync(ct);
        var studies = await (
                from s in db.DocumentStudies.AsNoTracking()
                where s.DocumentId == documentId
                join m in db.Members on s.MemberId equals m.Id
                join c in db.Organizations on m.CellId equals c.Id
                select new { s.MemberId, s.StudiedOn, m.FullName, c.Code, c.Name, c.Path, c.ProvinceId })
            .ToListAsync(ct);
        studies = studies.Where(s => OrgScopeCovers(within, s.ProvinceId, s.Path)).ToList();
        var studied = studies.ToDictionary(s => s.MemberId, s => s.StudiedOn);
        var lines = due.Select(m => new StudyRollLine(m.Id, m.FullName, m.Code, m.Name, studied.TryGetValue(m.Id, out var d) ? d : null))
            .Concat(studies.Where(s => due.All(m => m.Id != s.MemberId)).Select(s => new StudyRollLine(s.MemberId, s.FullName, s.Code, s.Name, s.StudiedOn)))
            .OrderBy(l => l.CellCode, StringComparer.Ordinal).ThenBy(l => l.StudiedOn is null ? 0 : 1).ThenBy(l => l.FullName, StringComparer.Ordinal)
            .ToList();
        return new StudyRoll(lines.Count, lines.Count(l => l.StudiedOn is not null), lines.Take(limit).ToList(), lines.Count > limit);
    }

    /// <summary>
    /// The member portal's reading list: documents assigned to meetings of the member's current
    /// cell that are upcoming or recent (from <see cref="RecentDays"/> days before today on, not
    /// cancelled), which the member has not confirmed yet; each with its nearest such meeting.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentToStudy>> ToStudyForMemberAsync(ChiBoDb db, int memberId, DateOnly today, CancellationToken ct = default)
    {
        var since = today.AddDays(-RecentDays);
        var rows = await (
                from member in db.Members.AsNoTracking()
                where member.Id == memberId
                join m in db.Meetings on member.CellId equals m.CellId
                where m.Date >= since && m.Status != MeetingStatus.Cancelled
                join l in db.MeetingDocuments on m.Id equals l.MeetingId
                join d in db.Documents on l.DocumentId equals d.Id
                where !db.DocumentStudies.Any(s => s.DocumentId == d.Id && s.MemberId == memberId)
                select new DocumentToStudy(d.Id, d.Number, d.Title, d.Kind, d.IssuedOn, m.Id, m.Date, m.Title))
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.DocumentId)
            .Select(g => g.OrderBy(r => Math.Abs(r.MeetingDate.DayNumber - today.DayNumber)).First())
            .OrderBy(r => r.MeetingDate).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The day a member confirmed studying a document, or null.</summary>
    public static async Task<DateOnly?> StudiedOnAsync(ChiBoDb db, long documentId, int memberId, CancellationToken ct = default) =>
        await db.DocumentStudies.AsNoTracking().Where(s => s.DocumentId == documentId && s.MemberId == memberId)
            .Select(s => (DateOnly?)s.StudiedOn).FirstOrDefaultAsync(ct);

    private static bool OrgScopeCovers(Subtree within, int provinceId, string path) =>
        within.ProvinceId is not { } p || (p == provinceId && within.Contains(path));

    private static int Int(DbDataReader reader, int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
}
