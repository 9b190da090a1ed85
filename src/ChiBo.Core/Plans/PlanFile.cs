using System.Globalization;
using System.Text.Json;
using ChiBo.Text;

namespace ChiBo.Plans;

/// <summary>A plan file (docs/plan-file.md) read and checked: every name and number is known to be usable.</summary>
public sealed record PlanDefinition(
    string Number, PlanKind Kind, string Title, string? IssuedBy, DateOnly? IssuedOn, string Org, string? Parent,
    DateOnly From, DateOnly To, int? MidTermReview, int? FinalReview,
    IReadOnlyList<IndicatorDefinition> Indicators, IReadOnlyList<TaskDefinition> Tasks);

public sealed record IndicatorDefinition(
    string Code, string Text, string? Source, string? Unit, MeasureExpression? Numerator, MeasureExpression? Denominator, int Factor,
    ComparisonOperator Operator, decimal? Target, decimal? TargetHigh, IndicatorPeriod Period, int FromYear, int ToYear,
    Direction Direction, decimal? AtRisk, decimal? AtRiskHigh, IndicatorLevels Levels, bool Manual,
    IReadOnlyList<AllocationDefinition>? Allocations);

public sealed record AllocationDefinition(string Org, int? Year, decimal Target, decimal? TargetHigh, string? Source);

public sealed record TaskDefinition(
    int No, string Content, string? Lead, IReadOnlyList<string> Partners, string? Deadline, string? ResponsibleHead,
    string? ResponsibleCollective, string? Authority, string? Output, IReadOnlyList<string> Indicators);

/// <summary>
/// Reads the plan file of <c>chibo plan import</c> and <c>POST /api/plans/import</c>. Everything is
/// checked before anything is written: an unknown measure, a bad operator or a malformed
/// expression is refused with a Vietnamese message naming the indicator and the field
/// (<see cref="RuleViolationException.Field"/> is "indicators[T3a].numerator"). Optional fields may
/// be absent; text is trimmed and put in NFC; unknown fields are ignored.
/// </summary>
public static class PlanFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static PlanDefinition Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (dòng {line + 1})" : "";
            throw new RuleViolationException("file", $"Tệp kế hoạch không phải JSON hợp lệ{where}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("plan", out var plan) || plan.ValueKind != JsonValueKind.Object)
            {
                throw new RuleViolationException("plan", "Tệp kế hoạch cần đối tượng \"plan\" (số, tên, đơn vị, thời gian của kế hoạch).");
            }

            var p = new Reader("plan", "Kế hoạch");
            var number = p.RequiredText(plan, "number");
            var indicatorsElement = Array(root, "indicators", "Tệp kế hoạch");
            var tasksElement = Array(root, "tasks", "Tệp kế hoạch");

            var issuedOn = p.Date(plan, "issuedOn");
            var indicatorYears = indicatorsElement.Select(i => (From: Year(i, "fromYear"), To: Year(i, "toYear"))).ToList();
            var from = p.Date(plan, "from") ?? issuedOn
                ?? (indicatorYears.Min(y => y.From) is { } fy ? new DateOnly(fy, 1, 1) : (DateOnly?)null)
                ?? throw p.Error("from", "cần ngày bắt đầu (yyyy-MM-dd).");
            var to = p.Date(plan, "to")
                ?? (indicatorYears.Max(y => y.To) is { } ty ? new DateOnly(ty, 12, 31) : (DateOnly?)null)
                ?? throw p.Error("to", "cần ngày kết thúc (yyyy-MM-dd).");
            if (to < from)
            {
                throw p.Error("to", $"ngày kết thúc {Rules.Date(to)} trước ngày bắt đầu {Rules.Date(from)}.");
            }

            var kind = p.Text(plan, "kind") is { } k
                ? KindOf(k) ?? throw p.Error("kind", $"loại \"{k}\" không hợp lệ: Đề án, Chương trình, Kế hoạch hoặc Công văn.")
                : KindFromNumber(number);
            var midTerm = p.Int(plan, "midTermReview");
            var final = p.Int(plan, "finalReview");
            foreach (var (field, year) in new[] { ("midTermReview", midTerm), ("finalReview", final) })
            {
                if (year is { } y && (y < from.Year || y > to.Year))
                {
                    throw p.Error(field, $"năm {y} nằm ngoài thời gian của kế hoạch ({from.Year}–{to.Year}).");
                }
            }

            var indicators = new List<IndicatorDefinition>();
            foreach (var element in indicatorsElement)
            {
                var indicator = ParseIndicator(element, indicators.Count, from, to);
                if (indicators.Any(i => i.Code == indicator.Code))
                {
                    throw new RuleViolationException($"indicators[{indicator.Code}].code", $"Chỉ tiêu \"{indicator.Code}\", trường \"code\": mã bị trùng.");
                }

                indicators.Add(indicator);
            }

            var tasks = new List<TaskDefinition>();
            foreach (var element in tasksElement)
            {
                var task = ParseTask(element, tasks.Count, indicators);
                if (tasks.Any(t => t.No == task.No))
                {
                    throw new RuleViolationException($"tasks[{task.No}].no", $"Nhiệm vụ số {task.No}, trường \"no\": số thứ tự bị trùng.");
                }

                tasks.Add(task);
            }

            return new PlanDefinition(
                number, kind, p.Text(plan, "title") ?? number, p.Text(plan, "issuedBy"), issuedOn, p.Text(plan, "org") ?? "root",
                p.Text(plan, "parent"), from, to, midTerm, final, indicators, tasks);
        }
    }

    private static IndicatorDefinition ParseIndicator(JsonElement e, int index, DateOnly planFrom, DateOnly planTo)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new RuleViolationException($"indicators[{index + 1}]", $"Chỉ tiêu thứ {index + 1}: cần một đối tượng JSON.");
        }

        var codeReader = new Reader($"indicators[{index + 1}]", $"Chỉ tiêu thứ {index + 1}");
        var code = codeReader.RequiredText(e, "code");
        var r = new Reader($"indicators[{code}]", $"Chỉ tiêu \"{code}\"");
        var manual = r.Bool(e, "manual") ?? false;
        var numerator = r.Expression(e, "numerator");
        var denominator = r.Expression(e, "denominator");
        if (numerator is null && !manual)
        {
            throw r.Error("numerator", "cần tử số (tên số đo trong danh mục), hoặc \"manual\": true cho chỉ tiêu nhập tay.");
        }

        if (numerator is null && denominator is not null)
        {
            throw r.Error("numerator", "có mẫu số mà thiếu tử số.");
        }

        var opText = r.Text(e, "operator") ?? throw r.Error("operator", "cần phép so sánh: >, >=, <, <=, = hoặc between.");
        var op = IndicatorTarget.ParseOperator(opText)
            ?? throw r.Error("operator", $"phép so sánh \"{opText}\" không hợp lệ: dùng >, >=, <, <=, = hoặc between.");
        // No target: the plan leaves it to the level above (002:264 "đảm bảo chỉ tiêu cấp trên giao"); allocations give it.
        var given = r.Target(e, "target", op);
        var (target, high) = given is { } t ? ((decimal?)t.Low, t.High) : (null, null);
        var risk = r.Target(e, "atRisk", op);
        var (atRisk, atRiskHigh) = risk is { } band ? ((decimal?)band.Low, band.High) : (null, null);
        var factor = r.Int(e, "factor") ?? (denominator is not null ? 100 : 1);
        if (factor <= 0)
        {
            throw r.Error("factor", "hệ số phải là số nguyên dương (100 cho tỷ lệ %, 1 cho số lượng).");
        }

        var periodText = r.Text(e, "period") ?? "yearly";
        var period = periodText switch
        {
            "yearly" => IndicatorPeriod.Yearly,
            "term" => IndicatorPeriod.Term,
            _ => throw r.Error("period", $"kỳ \"{periodText}\" không hợp lệ: yearly hoặc term."),
        };
        var fromYear = r.Int(e, "fromYear") ?? planFrom.Year;
        var toYear = r.Int(e, "toYear") ?? planTo.Year;
        if (toYear < fromYear)
        {
            throw r.Error("toYear", $"năm cuối {toYear} trước năm đầu {fromYear}.");
        }

        var directionText = r.Text(e, "direction");
        var direction = directionText switch
        {
            null => op switch
            {
                ComparisonOperator.Less or ComparisonOperator.LessOrEqual => Direction.Decrease,
                ComparisonOperator.Equal when target == 0 => Direction.Decrease,
                _ => Direction.Increase,
            },
            "increase" => Direction.Increase,
            "decrease" => Direction.Decrease,
            _ => throw r.Error("direction", $"chiều \"{directionText}\" không hợp lệ: increase hoặc decrease."),
        };

        var allocations = e.TryGetProperty("allocations", out var list) && list.ValueKind != JsonValueKind.Null
            ? ParseAllocations(list, r, op)
            : null;
        return new IndicatorDefinition(
            code, r.Text(e, "text") ?? code, r.Text(e, "source"), r.Text(e, "unit"), numerator, denominator, factor, op, target, high,
            period, fromYear, toYear, direction, atRisk, atRiskHigh, r.Levels(e, "levels"), manual, allocations);
    }

    private static List<AllocationDefinition> ParseAllocations(JsonElement list, Reader r, ComparisonOperator op)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw r.Error("allocations", "cần một mảng [{\"org\", \"year\", \"target\"}].");
        }

        var result = new List<AllocationDefinition>();
        foreach (var a in list.EnumerateArray())
        {
            var n = result.Count + 1;
            var ar = new Reader($"{r.Field}.allocations[{n}]", $"{r.Label}, phân bổ thứ {n}");
            if (a.ValueKind != JsonValueKind.Object)
            {
                throw ar.Error("org", "cần một đối tượng {\"org\", \"year\", \"target\"}.");
            }

            var (target, high) = ar.Target(a, "target", op) ?? throw ar.Error("target", "cần chỉ tiêu giao.");
            result.Add(new AllocationDefinition(ar.RequiredText(a, "org"), ar.Int(a, "year"), target, high, ar.Text(a, "source")));
        }

        return result;
    }

    private static TaskDefinition ParseTask(JsonElement e, int index, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var first = new Reader($"tasks[{index + 1}]", $"Nhiệm vụ thứ {index + 1}");
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw first.Error("no", "cần một đối tượng JSON.");
        }

        var no = first.Int(e, "no") ?? throw first.Error("no", "cần số thứ tự (STT).");
        if (no <= 0)
        {
            throw first.Error("no", "số thứ tự phải là số nguyên dương.");
        }

        var r = new Reader($"tasks[{no}]", $"Nhiệm vụ số {no}");
        var linked = r.List(e, "indicators");
        foreach (var code in linked.Where(c => indicators.All(i => i.Code != c)))
        {
            throw r.Error("indicators", $"không có chỉ tiêu mã \"{code}\" trong kế hoạch.");
        }

        var deadline = r.Text(e, "deadline");
        return new TaskDefinition(
            no, r.MultiLine(e, "content") ?? throw r.Error("content", "không được để trống."), r.Text(e, "lead"), r.List(e, "partners"), deadline,
            r.Text(e, "responsibleHead"), r.Text(e, "responsibleCollective"), r.Text(e, "authority"), r.MultiLine(e, "output"), linked);
    }

    private static List<JsonElement> Array(JsonElement root, string name, string label)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().ToList()
            : throw new RuleViolationException(name, $"{label}: \"{name}\" phải là một mảng.");
    }

    private static int? Year(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var y) ? y : null;

    public static PlanKind? KindOf(string text) => VietnameseText.Fold(text) switch
    {
        "de an" or "project" => PlanKind.Project,
        "chuong trinh" or "programme" or "program" => PlanKind.Programme,
        "ke hoach" or "plan" => PlanKind.Plan,
        "cong van" or "dispatch" => PlanKind.Dispatch,
        _ => null,
    };

    /// <summary>The kind the number's symbol says ("02-ĐA/TU" is a đề án); a plan (kế hoạch) otherwise.</summary>
    public static PlanKind KindFromNumber(string number)
    {
        var f = VietnameseText.Fold(number);
        return f.Contains("-da/", StringComparison.Ordinal) ? PlanKind.Project
            : f.Contains("-ctr/", StringComparison.Ordinal) ? PlanKind.Programme
            : f.Contains("-cv/", StringComparison.Ordinal) ? PlanKind.Dispatch
            : PlanKind.Plan;
    }

    public static string VietnameseOf(PlanKind kind) => kind switch
    {
        PlanKind.Project => "Đề án",
        PlanKind.Programme => "Chương trình",
        PlanKind.Dispatch => "Công văn",
        _ => "Kế hoạch",
    };

    /// <summary>Reads the fields of one object, naming it in every message.</summary>
    private sealed class Reader(string path, string label)
    {
        public string Field => path;
        public string Label => label;

        public RuleViolationException Error(string name, string message) => new($"{path}.{name}", $"{label}, trường \"{name}\": {message}");

        private bool TryGet(JsonElement e, string name, out JsonElement value) =>
            e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        public string? Text(JsonElement e, string name)
        {
            if (!TryGet(e, name, out var v))
            {
                return null;
            }

            var text = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Number => v.GetRawText(),
                _ => throw Error(name, "cần một chuỗi."),
            };
            var clean = VietnameseText.Clean(text);
            return clean.Length == 0 ? null : clean;
        }

        public string RequiredText(JsonElement e, string name) => Text(e, name) ?? throw Error(name, "không được để trống.");

        /// <summary>Text whose line breaks separate items (a task's content, its outputs): each line cleaned, empty ones dropped.</summary>
        public string? MultiLine(JsonElement e, string name)
        {
            if (!TryGet(e, name, out var v) || v.ValueKind != JsonValueKind.String)
            {
                return Text(e, name);
            }

            var lines = v.GetString()!.Split('\n').Select(VietnameseText.Clean).Where(l => l.Length > 0).ToList();
            return lines.Count == 0 ? null : string.Join('\n', lines);
        }

        public int? Int(JsonElement e, string name)
        {
            if (!TryGet(e, name, out var v))
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
            {
                return n;
            }

            if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString()!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
            {
                return n;
            }

            throw Error(name, $"\"{v}\" không phải số nguyên.");
        }

        public bool? Bool(JsonElement e, string name) => !TryGet(e, name, out var v)
            ? null
            : v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(name, "cần true hoặc false."),
            };

        public DateOnly? Date(JsonElement e, string name)
        {
            if (Text(e, name) is not { } text)
            {
                return null;
            }

            foreach (var format in new[] { "yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy" })
            {
                if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return d;
                }
            }

            throw Error(name, $"ngày \"{text}\" không hợp lệ: cần dạng yyyy-MM-dd.");
        }

        private decimal Number(JsonElement v, string name)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                return d;
            }

            if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString()!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out d))
            {
                return d;
            }

            throw Error(name, $"\"{v}\" không phải một số.");
        }

        /// <summary>A number, or [low, high] for between; null when absent.</summary>
        public (decimal Low, decimal? High)? Target(JsonElement e, string name, ComparisonOperator op)
        {
            if (!TryGet(e, name, out var v))
            {
                return null;
            }

            if (op == ComparisonOperator.Between)
            {
                if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 2)
                {
                    throw Error(name, "với phép so sánh between cần [thấp, cao].");
                }

                var low = Number(v[0], name);
                var high = Number(v[1], name);
                return high < low ? throw Error(name, $"cận trên {high} nhỏ hơn cận dưới {low}.") : (low, high);
            }

            return v.ValueKind == JsonValueKind.Array
                ? throw Error(name, "chỉ dùng [thấp, cao] với phép so sánh between.")
                : (Number(v, name), null);
        }

        public MeasureExpression? Expression(JsonElement e, string name)
        {
            if (Text(e, name) is not { } text)
            {
                return null;
            }

            MeasureExpression expression;
            try
            {
                expression = MeasureExpression.Parse(text);
            }
            catch (FormatException f)
            {
                throw Error(name, $"biểu thức \"{text}\" sai: {f.Message}");
            }

            foreach (var term in expression.Terms)
            {
                if (MeasureCatalogue.Check(term.Measure) is { } why)
                {
                    throw Error(name, why);
                }

                if (term.AtStart && MeasureCatalogue.FamilyOf(term.Measure)!.TimingOf(term.Measure) != MeasureTiming.AsOf)
                {
                    throw Error(name, $"\"{term.Measure}{MeasureTerm.StartSuffix}\": chỉ số đo tính tại một thời điểm mới dùng được {MeasureTerm.StartSuffix}.");
                }
            }

            return expression;
        }

        /// <summary>An array of strings, or one string whose items are separated by ";" (or new lines).</summary>
        public IReadOnlyList<string> List(JsonElement e, string name)
        {
            if (!TryGet(e, name, out var v))
            {
                return [];
            }

            IEnumerable<string> items = v.ValueKind switch
            {
                JsonValueKind.Array => v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw Error(name, "cần một mảng chuỗi.")),
                JsonValueKind.String => v.GetString()!.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries),
                _ => throw Error(name, "cần một mảng chuỗi."),
            };
            return items.Select(VietnameseText.Clean).Where(s => s.Length > 0).ToList();
        }

        public IndicatorLevels Levels(JsonElement e, string name)
        {
            var levels = IndicatorLevels.None;
            foreach (var item in List(e, name).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                levels |= item.ToUpperInvariant() switch
                {
                    "P" or "PROVINCE" => IndicatorLevels.Province,
                    "D" or "SUPERIOR" => IndicatorLevels.Superior,
                    "B" or "BASE" => IndicatorLevels.Base,
                    "S" or "SECTION" => IndicatorLevels.Section,
                    "C" or "CELL" => IndicatorLevels.Cell,
                    _ => throw Error(name, $"cấp \"{item}\" không hợp lệ: P, D, B, S hoặc C."),
                };
            }

            return levels;
        }
    }
}
