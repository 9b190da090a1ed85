using System.Globalization;
using System.Text;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Documents;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Documents;

/// <summary>What the documents pages and API share: the caller's view, filters, uploads, snippets.</summary>
public static class DocumentWeb
{
    /// <summary>"central" in the org field files a document for every province (Trung ương): admins only.</summary>
    public const string Central = "central";

    /// <summary>The documents the caller sees: their chain and subtrees where they hold Documents.Read.</summary>
    public static async Task<ChainView> ViewAsync(this HttpContext http) => ChainView.Of(await http.ScopeAsync(), Operation.DocumentsRead);

    /// <summary>The document if the caller sees it; null means "not found" to the caller.</summary>
    public static async Task<DocumentDetails?> VisibleAsync(this HttpContext http, ChiBoDb db, long id) =>
        await DocumentQueries.GetAsync(db, await http.ViewAsync(), id, http.RequestAborted);

    /// <summary>May the caller write (remove, file) documents issued for this document's organization?</summary>
    public static async Task<bool> CanWriteAsync(this HttpContext http, DocumentDetails d)
    {
        var scope = await http.ScopeAsync();
        return d.OrgPath is { } path
            ? scope.Can(Operation.DocumentsWrite, new Subtree(d.Document.ProvinceId, path))
            : scope.Can(Operation.DocumentsWrite, Subtree.Everything);
    }

    /// <summary>The organization an upload is for: a code in the caller's write scope, "root" (their top) or "central".</summary>
    public static async Task<(bool Found, Organization? Org)> UploadTargetAsync(this HttpContext http, ChiBoDb db, string? org)
    {
        if (string.Equals(org?.Trim(), Central, StringComparison.OrdinalIgnoreCase))
        {
            return ((await http.ScopeAsync()).Can(Operation.DocumentsWrite, Subtree.Everything), null);
        }

        var lookup = await http.FindAsync(db, org, Operation.DocumentsWrite);
        return lookup.Found && lookup.Organization is not null ? (true, lookup.Organization) : (false, null);
    }

    /// <summary>The meeting's cell if the caller may assign documents to its meetings; null: "not found".</summary>
    public static async Task<bool> CanAssignToMeetingAsync(this HttpContext http, ChiBoDb db, long meetingId)
    {
        var cell = await (
                from m in db.Meetings.AsNoTracking()
                where m.Id == meetingId
                join c in db.Organizations on m.CellId equals c.Id
                select new { c.ProvinceId, c.Path })
            .FirstOrDefaultAsync(http.RequestAborted);
        return cell is not null && (await http.ScopeAsync()).Can(Operation.DocumentsWrite, new Subtree(cell.ProvinceId, cell.Path));
    }

    /// <summary>Parses the search's query string; a bad value names its field.</summary>
    public static DocumentFilter? ParseFilter(IQueryCollection query, out string? field, out string? error)
    {
        field = error = null;
        DocumentKind? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } k)
        {
            if (!Labels.TryParseApiName<DocumentKind>(k, out var parsed))
            {
                (field, error) = ("kind", $"Loại văn bản \"{k}\" không hợp lệ; dùng: {string.Join(", ", Enum.GetValues<DocumentKind>().Select(v => Labels.ApiName(v)))}.");
                return null;
            }

            kind = parsed;
        }

        int? year = null;
        if (query["year"].ToString() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1930 or > 9998)
            {
                (field, error) = ("year", $"Năm \"{y}\" không hợp lệ.");
                return null;
            }

            year = parsed;
        }

        var page = 1;
        if (query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            (field, error) = ("page", $"Trang \"{p}\" không hợp lệ.");
            return null;
        }

        var q = query["q"].ToString().Trim();
        if (q.Length > 200)
        {
            (field, error) = ("q", "Từ khóa tìm kiếm tối đa 200 ký tự.");
            return null;
        }

        return new DocumentFilter
        {
            Query = q.Length == 0 ? null : q, Kind = kind, Issuer = query["issuer"].ToString() is { Length: > 0 } i ? i : null, Year = year, Page = page,
        };
    }

    /// <summary>The upload form's fields (multipart), for the API and the page alike.</summary>
    public static async Task<(DocumentUpload? Upload, string? Field, string? Error)> ReadUploadAsync(IFormCollection form, int? organizationId, CancellationToken ct)
    {
        var kindText = form["kind"].ToString();
        if (!Labels.TryParseApiName<DocumentKind>(kindText, out var kind))
        {
            return (null, "kind", "Cần chọn loại văn bản (nghị quyết, chỉ thị, hướng dẫn…).");
        }

        DateOnly? issuedOn = null;
        if (form["issuedOn"].ToString() is { Length: > 0 } d)
        {
            if (!DateOnly.TryParseExact(d, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, "issuedOn", $"Ngày ban hành \"{d}\" không hợp lệ (dd/MM/yyyy).");
            }

            issuedOn = parsed;
        }

        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            return (null, "file", "Cần chọn tệp văn bản (PDF, Word .docx hoặc .txt).");
        }

        if (file.Length > DocumentText.MaxSize)
        {
            return (null, "file", $"Tệp \"{file.FileName}\" vượt giới hạn {DocumentText.MaxSize / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (new DocumentUpload
        {
            OrganizationId = organizationId, Kind = kind, Number = form["number"], IssuedOn = issuedOn, Issuer = form["issuer"],
            Title = form["title"], Summary = form["summary"], FileName = file.FileName, ContentType = file.ContentType, Content = buffer.ToArray(),
        }, null, null);
    }

    /// <summary>Reads the multipart form; a malformed or oversized body is "no form", answered as a Vietnamese 400.</summary>
    public static async Task<IFormCollection?> FormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>Vietnamese letters stay as they are; only markup characters are escaped.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The snippet with the query's words in &lt;mark&gt;, HTML-encoded.</summary>
    public static string SnippetHtml(IEnumerable<SnippetPart> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            var text = Html.Encode(p.Text);
            sb.Append(p.Hit ? "<mark>" + text + "</mark>" : text);
        }

        return sb.ToString();
    }

    /// <summary>The start of the text, cut at a word, for the document's page.</summary>
    public static string Excerpt(string text, int length = 1500)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)] + " …";
    }

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, bytes / 1024).ToString("#,0", VietnameseFormats.Culture) + " KB"
        : (bytes / 1024d / 1024d).ToString("0.0", VietnameseFormats.Culture) + " MB";
}
