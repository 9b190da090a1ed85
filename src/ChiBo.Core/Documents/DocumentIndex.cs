using System.Globalization;
using System.Text;
using ChiBo.Data;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Documents;

/// <summary>
/// The full-text index of the library over folded text (no diacritics, đ → d), so "nghi quyet dang
/// bo" finds "Nghị quyết Đảng bộ". Both providers index the same words: the text is folded and cut
/// into runs of letters and digits here, then joined by spaces, so neither tokenizer meets
/// punctuation ("50-CT/TW" is the words 50, ct, tw on both). The table is created by raw SQL in
/// each provider's migration (DocumentSearchIndex):
/// <list type="bullet">
/// <item>SQLite: FTS5 virtual table <c>document_search(head, body)</c>, rowid = document id, ranked by bm25;</item>
/// <item>PostgreSQL: <c>document_search(document_id, vector tsvector)</c> with a GIN index, 'simple'
/// configuration, head weighted A and body D, ranked by ts_rank.</item>
/// </list>
/// The command that saves or removes a document writes the row in the same transaction.
/// </summary>
public static class DocumentIndex
{
    public const string Table = "document_search";

    /// <summary>Words of folded text: lower case, no diacritics, runs of letters and digits.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = FoldSameLength(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The indexed form: the words joined by single spaces.</summary>
    public static string Indexed(string text) => string.Join(' ', Words(text));

    /// <summary>
    /// The indexed form of a document's body, cut where PostgreSQL's tsvector would outgrow its
    /// limit of 1 MB (the distinct words with up to 255 positions each, positions counted to
    /// 16.383): a 1 MB text of distinct tokens failed the upload with a server error. The cut is
    /// computed the way PostgreSQL sizes a tsvector, with a fifth kept as margin, and applied on
    /// both providers so they index the same words. Ordinary text never reaches it (a 2-million
    /// character resolution has some 20.000 distinct words, about 300 KB); the document keeps its
    /// whole text, only words after the cut are not searchable.
    /// </summary>
    public static string IndexedBody(string text)
    {
        const int Budget = 800_000, MaxPositions = 255, LastPosition = 16_383, LongestWord = 2_047;
        var words = Words(text);
        var seen = new Dictionary<string, (int Count, int Last)>(StringComparer.Ordinal);
        long size = 0;
        var kept = 0;
        for (var i = 0; i < words.Count; i++, kept++)
        {
            var word = words[i];
            var bytes = Encoding.UTF8.GetByteCount(word);
            if (bytes > LongestWord)
            {
                continue; // PostgreSQL skips such a word with a notice
            }

            var position = Math.Min(i + 1, LastPosition);
            int grows;
            if (!seen.TryGetValue(word, out var entry))
            {
                grows = bytes + (bytes % 2) + 4; // the lexeme, 2-aligned, its count and first position
                seen[word] = (1, position);
            }
            else if (entry.Count < MaxPositions && entry.Last != position)
            {
                grows = 2;
                seen[word] = (entry.Count + 1, position);
            }
            else
            {
                grows = 0;
            }

            if (size + grows > Budget)
            {
                break;
            }

            size += grows;
        }

        return kept == words.Count ? string.Join(' ', words) : string.Join(' ', words.Take(kept));
    }

    /// <summary>The heading the index weighs above the body: number, title, issuer, kind, summary.</summary>
    public static string Head(Document d) =>
        Indexed($"{d.Number} {d.Title} {d.Issuer} {DocumentKinds.Of(d.Kind)} {d.Summary}");

    /// <summary>Writes (or rewrites) the document's row; call inside the command's transaction.</summary>
    public static async Task WriteAsync(ChiBoDb db, Document d, CancellationToken ct)
    {
        await RemoveAsync(db, d.Id, ct);
        var head = Head(d);
        var body = IndexedBody(d.Text);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO document_search (document_id, vector) VALUES ({0}, setweight(to_tsvector('simple', {1}), 'A') || setweight(to_tsvector('simple', {2}), 'D'))",
                [d.Id, head, body], ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO document_search (rowid, head, body) VALUES ({0}, {1}, {2})", [d.Id, head, body], ct);
        }
    }

    public static async Task RemoveAsync(ChiBoDb db, long documentId, CancellationToken ct)
    {
        var sql = db.IsPostgres ? "DELETE FROM document_search WHERE document_id = {0}" : "DELETE FROM document_search WHERE rowid = {0}";
        await db.Database.ExecuteSqlRawAsync(sql, [documentId], ct);
    }

    /// <summary>
    /// The provider's full-text match for a query's words as a CTE <c>hits(id, phrase, rank)</c>:
    /// every word must occur (AND); <c>phrase</c> is 0 where the words stand together in order
    /// (ranked first), <c>rank</c> the relevance, lower first (bm25 / negated ts_rank, heading above body).
    /// SQLite computes bm25 only in a query over the FTS table alone, hence the CTE on both.
    /// </summary>
    internal static string Hits(RawSql sql, IReadOnlyList<string> words)
    {
        if (sql.IsPostgres)
        {
            var all = sql.Param(string.Join(" & ", words));
            var phrase = sql.Param(string.Join(" <-> ", words));
            return $"""
                hits AS (
                  SELECT document_id AS id,
                         CASE WHEN vector @@ to_tsquery('simple', {phrase}) THEN 0 ELSE 1 END AS phrase,
                         -ts_rank(vector, to_tsquery('simple', {all})) AS rank
                  FROM document_search
                  WHERE vector @@ to_tsquery('simple', {all}))
                """;
        }

        var match = sql.Param(string.Join(' ', words.Select(w => "\"" + w + "\"")));
        var exact = sql.Param("\"" + string.Join(' ', words) + "\"");
        return $"""
            exact AS (SELECT rowid AS id FROM document_search WHERE document_search MATCH {exact}),
            hits AS (
              SELECT rowid AS id,
                     CASE WHEN rowid IN (SELECT id FROM exact) THEN 0 ELSE 1 END AS phrase,
                     bm25(document_search, 10.0, 1.0) AS rank
              FROM document_search
              WHERE document_search MATCH {match})
            """;
    }

    private static readonly string[] FoldTable = BuildFoldTable();

    /// <summary>
    /// <see cref="VietnameseText.Fold"/> one character at a time, so the result has the length of
    /// the input and a word's place in it is its place in the original (for snippets). Text is NFC:
    /// each Vietnamese letter is one character whose decomposition starts with its base letter.
    /// </summary>
    public static string FoldSameLength(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = c < FoldTable.Length ? FoldTable[c][0] : char.ToLowerInvariant(c);
        }

        return new string(chars);
    }

    private static string[] BuildFoldTable()
    {
        // Latin, Latin Extended and Latin Extended Additional (ạ, ế, ữ …) reach U+1EFF.
        var table = new string[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = " ";
                continue;
            }

            var folded = VietnameseText.Fold(c.ToString());
            table[i] = folded.Length == 1 ? folded
                : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? "\u00B7"
                : char.IsWhiteSpace(c) ? " "
                : folded.Length == 0 ? " " : folded[..1];
        }

        return table;
    }
}

/// <summary>A piece of a snippet; <see cref="Hit"/> pieces are the query's words as they stand in the text.</summary>
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>
/// Snippets cut from the original text (with its diacritics) around the place where most of the
/// query's words occur, the words marked. Computed here rather than by the index's own highlighter
/// because the index holds folded text, which a reader should not be shown.
/// </summary>
public static class Snippets
{
    /// <summary>Only the start of very long texts is searched for a window.</summary>
    private const int ScanLimit = 400_000;

    public static IReadOnlyList<SnippetPart> Make(string text, IReadOnlyCollection<string> words, int length = 30)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var scanned = text.Length > ScanLimit ? text[..ScanLimit] : text;
        var folded = DocumentIndex.FoldSameLength(scanned);
        var tokens = new List<(int Start, int End, int Word)>();
        var wordList = words.ToList();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var token = folded.AsSpan(start, i - start);
                var which = -1;
                for (var w = 0; w < wordList.Count; w++)
                {
                    if (token.SequenceEqual(wordList[w]))
                    {
                        which = w;
                        break;
                    }
                }

                tokens.Add((start, i, which));
                start = -1;
            }
        }

        if (tokens.Count == 0)
        {
            return [];
        }

        // The window of `length` words with the most different query words, then the most hits, earliest.
        var best = 0;
        var bestScore = (-1, -1);
        if (wordList.Count > 0)
        {
            var counts = new int[wordList.Count];
            var distinct = 0;
            var hits = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Word >= 0 && counts[tokens[i].Word]++ == 0)
                {
                    distinct++;
                }

                hits += tokens[i].Word >= 0 ? 1 : 0;
                var leaving = i - length;
                if (leaving >= 0 && tokens[leaving].Word >= 0)
                {
                    hits--;
                    if (--counts[tokens[leaving].Word] == 0)
                    {
                        distinct--;
                    }
                }

                var first = Math.Max(0, i - length + 1);
                if ((distinct, hits).CompareTo(bestScore) > 0)
                {
                    bestScore = (distinct, hits);
                    best = first;
                }
            }

            // Start a few words before the first hit of the window, so it reads as a sentence.
            var firstHit = Enumerable.Range(best, Math.Min(length, tokens.Count - best)).FirstOrDefault(i => tokens[i].Word >= 0, best);
            best = Math.Max(0, Math.Min(firstHit - 4, tokens.Count - length));
        }

        var last = Math.Min(tokens.Count, best + length) - 1;
        var parts = new List<SnippetPart>();
        var plain = new StringBuilder();
        if (best > 0)
        {
            plain.Append("… ");
        }

        for (var i = best; i <= last; i++)
        {
            var (s, e, word) = tokens[i];
            if (i > best)
            {
                var gap = Collapse(scanned[tokens[i - 1].End..s]);
                var joinsHits = word >= 0 && tokens[i - 1].Word >= 0 && gap == " ";
                if (joinsHits)
                {
                    var previous = parts[^1];
                    parts[^1] = previous with { Text = previous.Text + gap + scanned[s..e] };
                    continue;
                }

                plain.Append(gap);
            }

            if (word >= 0)
            {
                if (plain.Length > 0)
                {
                    parts.Add(new SnippetPart(plain.ToString(), false));
                    plain.Clear();
                }

                parts.Add(new SnippetPart(scanned[s..e], true));
            }
            else
            {
                plain.Append(scanned[s..e]);
            }
        }

        var tail = last + 1 < tokens.Count || scanned.Length < text.Length ? " …" : "";
        plain.Append(tail);
        if (plain.Length > 0)
        {
            parts.Add(new SnippetPart(plain.ToString(), false));
        }

        return parts;
    }

    /// <summary>The snippet as plain text.</summary>
    public static string Plain(IEnumerable<SnippetPart> parts) => string.Concat(parts.Select(p => p.Text));

    private static string Collapse(string gap) => System.Text.RegularExpressions.Regex.Replace(gap, @"\s+", " ");
}
