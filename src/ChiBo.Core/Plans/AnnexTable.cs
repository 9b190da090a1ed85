using System.Globalization;
using System.Text.RegularExpressions;
using ChiBo.Text;

namespace ChiBo.Plans;

/// <summary>
/// Reads a plan's task annex ("DANH MỤC NHIỆM VỤ", 000:270–284) pasted as text: tab-separated rows
/// <c>STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện/hoàn thành |
/// Sản phẩm đầu ra</c>. The header row repeats where a page broke (000:279) and is skipped, as are
/// titles and blank lines; a row that does not start with a number continues the row above. A
/// cell may hold several items ("- Hội thi - Đề cử …", or "A; B"): they become one per line.
/// </summary>
public static partial class AnnexTable
{
    [GeneratedRegex(@"^\s*(\d{1,3})\s*\.?\s*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:^|\s)-\s+")]
    private static partial Regex ItemMarker();

    public static IReadOnlyList<TaskDefinition> Parse(string text)
    {
        var rows = new List<string[]>();
        var header = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var cells = raw.Split('\t').Select(c => VietnameseText.Clean(c)).ToArray();
            if (VietnameseText.Fold(cells[0]) == "stt")
            {
                header = true;
                continue;
            }

            if (!header)
            {
                continue; // the annex's title lines come before its first header
            }

            if (Number().IsMatch(cells[0]))
            {
                rows.Add(cells);
            }
            else if (rows.Count > 0 && cells.Length > 1)
            {
                // A cell broken over two lines: the continuation has the row's other columns.
                var last = rows[^1];
                for (var i = 0; i < Math.Min(last.Length, cells.Length); i++)
                {
                    if (cells[i].Length > 0)
                    {
                        last[i] = (last[i] + " " + cells[i]).Trim();
                    }
                }
            }
        }

        if (rows.Count == 0)
        {
            throw new RuleViolationException("file", "Không tìm thấy dòng nhiệm vụ nào: bảng cần dòng tiêu đề \"STT\" và các dòng bắt đầu bằng số thứ tự, các cột cách nhau bằng dấu tab.");
        }

        var tasks = new List<TaskDefinition>();
        foreach (var cells in rows)
        {
            var no = int.Parse(Number().Match(cells[0]).Groups[1].Value, CultureInfo.InvariantCulture);
            string? Cell(int i) => i < cells.Length && cells[i].Length > 0 ? cells[i] : null;
            var content = Cell(1) ?? throw new RuleViolationException($"tasks[{no}].content", $"Nhiệm vụ số {no}, cột \"Nội dung nhiệm vụ\": không được để trống.");
            if (tasks.Any(t => t.No == no))
            {
                throw new RuleViolationException($"tasks[{no}].no", $"Nhiệm vụ số {no}: số thứ tự bị trùng.");
            }

            tasks.Add(new TaskDefinition(
                no, string.Join('\n', Items(content, semicolons: false)), Cell(2), Items(Cell(3)), Cell(4), null, null, null,
                Cell(5) is { } output ? string.Join('\n', Items(output)) : null, []));
        }

        return tasks;
    }

    /// <summary>"- A - B" or "A; B" → [A, B]; commas stay inside an item ("Cơ quan, đơn vị liên quan"); a final full stop goes.</summary>
    /// <param name="semicolons">Whether ";" separates items too: yes in lists of bodies and outputs, not in a task's wording.</param>
    public static IReadOnlyList<string> Items(string? cell, bool semicolons = true)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        // Only a cell that starts as a list is split at its dashes: "nhiệm kỳ 2025 - 2030" stays whole.
        var byMarker = cell.TrimStart().StartsWith('-') ? ItemMarker().Split(cell) : [cell];
        return byMarker.SelectMany(part => semicolons ? part.Split(';') : [part])
            .Select(s => VietnameseText.Clean(s).TrimEnd('.'))
            .Where(s => s.Length > 0)
            .ToList();
    }
}
