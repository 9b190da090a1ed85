using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Reliability;

/// <summary>Runs alone: it measures the memory each request allocates, which parallel tests would blur.</summary>
[CollectionDefinition(nameof(Measured), DisableParallelization = true)]
public sealed class Measured;

/// <summary>
/// Every file of <see cref="HostileFiles"/> goes to the endpoint it targets through the JSON API,
/// and one file of each class also through the browser page that uploads the same thing. A refused
/// file gets a Vietnamese message naming what is wrong and writes nothing (no row, no audit line);
/// an accepted one holds what it said; each answers within <see cref="MaxSeconds"/> and allocates
/// at most <see cref="MaxAllocated"/>. The counts per class and endpoint go to
/// <c>artifacts/reliability/</c> (bench/RESULTS.md quotes them).
/// </summary>
[Collection(nameof(Measured))]
public sealed class HostileFilesTests
{
    private const int MaxSeconds = 30;
    private const long MaxAllocated = 1024L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Regex Vietnamese = new("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", RegexOptions.IgnoreCase);

    private sealed record Outcome(HostileFile File, string Endpoint, int Status, string Message, double Seconds, long Allocated, string? Failure);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HostileFiles_AreRefusedByNameOrAcceptedFaithfully_WithinBounds_AndRefusalsWriteNothing(string provider)
    {
        // The API gets every file; the pages get the first file of each class, on a register of their
        // own (an accepted file would otherwise be refused the second time as a duplicate).
        await using var w = await World.CreateAsync(provider);
        await using var pages = await World.CreateAsync(provider);
        // Over a thousand uploads from one account within a minute: the API's per-account limit is not what this measures.
        await using var app = new ChiBoApp(w.Database, w.Clock) { Settings = { ["CHIBO_API_PER_MINUTE"] = "1000000" } };
        await using var pagesApp = new ChiBoApp(pages.Database, pages.Clock);
        using var client = await app.SignedInAsync("province-board");
        using var browser = await pagesApp.SignedInAsync("province-board");
        var outcomes = new List<Outcome>();
        var seenClasses = new HashSet<(Target, string)>();
        var index = 0;
        var log = Path.Combine(TestPaths.Checkout, "artifacts", "reliability", $"hostile-files-{provider}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await using var progress = new StreamWriter(log);
        var generated = Stopwatch.StartNew();
        foreach (var file in HostileFiles.All())
        {
            index++;
            var made = generated.Elapsed.TotalSeconds;
            outcomes.Add(await SendAsync(w, client, file, index, page: false));
            if (seenClasses.Add((file.Target, file.Class)))
            {
                outcomes.Add(await SendAsync(pages, browser, file, index, page: true));
            }

            var last = outcomes[^1];
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{index} {file} made {made:0.0}s sent {last.Seconds:0.00}s {last.Allocated / 1048576} MB → {last.Status} {last.Failure}"));
            await progress.FlushAsync(Ct);
            generated.Restart();
        }

        await WriteSummaryAsync(provider, outcomes);
        outcomes.Count(o => o.Endpoint.StartsWith("POST /api", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1_000);
        var failures = outcomes.Where(o => o.Failure is not null).ToList();
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40).Select(f =>
            $"{f.File} → {f.Endpoint}: {f.Status} in {f.Seconds:0.0} s, {f.Allocated / 1048576} MB: {f.Failure} [{Cut(f.Message)}]")));
        (await Audit(w)).ShouldBeTrue("the audit chain verifies after every file");
        (await Audit(pages)).ShouldBeTrue("the audit chain verifies after every file");
    }

    private static async Task<Outcome> SendAsync(World w, HttpClient client, HostileFile file, int index, bool page)
    {
        var before = await CountsAsync(w);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var (endpoint, status, message) = page ? await PostPageAsync(client, file, index) : await PostApiAsync(client, file, index);
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var after = await CountsAsync(w);
        var accepted = status is 200 or 302;

        string? failure = null;
        if (seconds > MaxSeconds)
        {
            failure = $"took {seconds:0.0} s";
        }
        else if (bytes > MaxAllocated)
        {
            failure = $"allocated {bytes / 1048576} MB";
        }
        else if (!accepted && status != 400)
        {
            failure = $"answered {status}";
        }
        else if (!accepted)
        {
            if (file.Expect == Expect.Accepted)
            {
                failure = "refused a file that should be accepted";
            }
            else if (!Vietnamese.IsMatch(message) || !Regex.IsMatch(message, file.Message, RegexOptions.IgnoreCase))
            {
                failure = $"message does not say /{file.Message}/";
            }
            else if (after != before)
            {
                failure = $"a refusal wrote: {before} → {after}";
            }
        }
        else if (file.Expect == Expect.Refused)
        {
            failure = "accepted a file that should be refused";
        }
        else if (file.Check is { } check)
        {
            failure = check(await AcceptedAsync(w, file.Target, before));
        }

        return new Outcome(file, endpoint, status, message, seconds, bytes, failure);
    }

    private static async Task<(string Endpoint, int Status, string Message)> PostApiAsync(HttpClient client, HostileFile file, int index)
    {
        switch (file.Target)
        {
            case Target.Documents:
            {
                using var form = DocumentForm(file, index);
                using var response = await client.PostAsync(new Uri("/api/documents?org=AG", UriKind.Relative), form, Ct);
                return ("POST /api/documents", (int)response.StatusCode, await ProblemAsync(response));
            }

            case Target.MemberImport:
            {
                using var form = new MultipartFormDataContent { FileContent(file, "file") };
                using var response = await client.PostAsync(new Uri("/api/members/import?org=AG", UriKind.Relative), form, Ct);
                return ("POST /api/members/import", (int)response.StatusCode, await ProblemAsync(response));
            }

            default:
            {
                using var body = new ByteArrayContent(file.Content);
                body.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
                using var response = await client.PostAsync(new Uri($"/api/transfers/import?cell={HostileFiles.Cell}&date=2025-06-20", UriKind.Relative), body, Ct);
                return ("POST /api/transfers/import", (int)response.StatusCode, await ProblemAsync(response));
            }
        }
    }

    private static async Task<(string Endpoint, int Status, string Message)> PostPageAsync(HttpClient client, HostileFile file, int index)
    {
        var (path, fields, fileField) = file.Target switch
        {
            Target.Documents => ("/tai-lieu/them?org=AG", DocumentFields(index), "file"),
            Target.MemberImport => ("/Members/Import?org=AG", new Dictionary<string, string> { ["Org"] = "AG" }, "Upload"),
            _ => ("/chuyen-sinh-hoat/nhan-goi", new Dictionary<string, string> { ["Cell"] = HostileFiles.Cell, ["Date"] = "2025-06-20" }, "Package"),
        };
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(FileContent(file, fileField));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var status = (int)response.StatusCode;

        // A page that shows its form again answers 400 with the problems in it: alerts, the import's table, field errors.
        var message = string.Join(" | ", Regex.Matches(html, "(?:role=\"alert\"[^>]*>|<td>|class=\"field-error\"[^>]*>)(.*?)</", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).Where(t => t.Length > 0));
        var refused = file.Target == Target.MemberImport && status == 200 && !html.Contains("Đã nhập", StringComparison.Ordinal);
        return ($"POST {path.Split('?')[0]} (trang)", refused ? 400 : status, message);
    }

    private static Dictionary<string, string> DocumentFields(int index) => new()
    {
        ["org"] = "AG",
        ["kind"] = "guide",
        ["number"] = string.Create(CultureInfo.InvariantCulture, $"H-{index}/TN"),
        ["issuedOn"] = "2025-03-10",
        ["issuer"] = "Ban Tổ chức Tỉnh ủy",
        ["title"] = string.Create(CultureInfo.InvariantCulture, $"Tệp thử số {index}"),
    };

    private static MultipartFormDataContent DocumentForm(HostileFile file, int index)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in DocumentFields(index).Where(f => f.Key != "org"))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(FileContent(file, "file"));
        return form;
    }

    /// <summary>
    /// The file as a form part. Its name goes as RFC 5987 <c>filename*</c> (percent-encoded UTF-8),
    /// the way a client can send any character, a line break or a NUL included, through to the server.
    /// </summary>
    private static ByteArrayContent FileContent(HostileFile file, string field)
    {
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        content.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename*=UTF-8''{Uri.EscapeDataString(file.Name)}");
        return content;
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (text.Length == 0 || text[0] != '{')
        {
            return text;
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (root.TryGetProperty("detail", out var detail))
        {
            return detail.GetString() ?? "";
        }

        return root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? string.Join(" | ", errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()))
            : text;
    }

    private readonly record struct Counts(int Members, int Events, int Periods, int Documents, int Files, int Transfers, int Audit, int MaxMember, long MaxDocument);

    private static async Task<Counts> CountsAsync(World w)
    {
        await using var db = w.Db();
        return new Counts(
            await db.Members.CountAsync(Ct), await db.MemberEvents.CountAsync(Ct), await db.MemberPeriods.CountAsync(Ct),
            await db.Documents.CountAsync(Ct), await db.DocumentFiles.CountAsync(Ct), await db.PartyTransfers.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct), await db.Members.MaxAsync(m => (int?)m.Id, Ct) ?? 0, await db.Documents.MaxAsync(d => (long?)d.Id, Ct) ?? 0);
    }

    private static async Task<Accepted> AcceptedAsync(World w, Target target, Counts before)
    {
        await using var db = w.Db();
        if (target == Target.Documents)
        {
            var text = await db.Documents.Where(d => d.Id > before.MaxDocument).Select(d => d.Text).FirstOrDefaultAsync(Ct);
            return new Accepted(text, []);
        }

        var names = await db.Members.Where(m => m.Id > before.MaxMember).Select(m => m.FullName).ToListAsync(Ct);
        return new Accepted(null, names);
    }

    private static async Task<bool> Audit(World w)
    {
        await using var db = w.Db();
        return (await ChiBo.Audit.AuditChain.VerifyAsync(db, Ct)).Intact;
    }

    private static string Cut(string s) => s.Length <= 300 ? s : s[..300] + "…";

    /// <summary>The table bench/RESULTS.md quotes: per endpoint and class, how many files were refused, accepted, failed, and the slowest and largest.</summary>
    private static async Task WriteSummaryAsync(string provider, IReadOnlyList<Outcome> outcomes)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Hostile files on {provider} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        sb.AppendLine();
        sb.AppendLine("| endpoint | class | files | refused | accepted | failed | slowest s | most allocated MB |");
        sb.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var g in outcomes.GroupBy(o => (o.Endpoint, o.File.Class)).OrderBy(g => g.Key.Endpoint, StringComparer.Ordinal).ThenBy(g => g.Key.Class, StringComparer.Ordinal))
        {
            var refused = g.Count(o => o.Status == 400);
            var accepted = g.Count(o => o.Status is 200 or 302);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {g.Key.Endpoint} | {g.Key.Class} | {g.Count()} | {refused} | {accepted} | {g.Count(o => o.Failure is not null)} | {g.Max(o => o.Seconds):0.00} | {g.Max(o => o.Allocated) / 1048576d:0} |");
        }

        foreach (var g in outcomes.GroupBy(o => o.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| **{g.Key}** | all | {g.Count()} | {g.Count(o => o.Status == 400)} | {g.Count(o => o.Status is 200 or 302)} | {g.Count(o => o.Failure is not null)} | {g.Max(o => o.Seconds):0.00} | {g.Max(o => o.Allocated) / 1048576d:0} |");
        }

        sb.AppendLine();
        foreach (var f in outcomes.Where(o => o.Failure is not null).Take(200))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- FAILED {f.File} → {f.Endpoint}: {f.Status}: {f.Failure} [{Cut(f.Message)}]");
        }

        var dir = Path.Combine(TestPaths.Checkout, "artifacts", "reliability");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, $"hostile-files-{provider}.md"), sb.ToString(), Ct);
    }
}
