using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChiBo.Web;

/// <summary>
/// Reads a posted form for a page handler: every value is parsed here with a Vietnamese message
/// naming the field, so a page shows "Ngày quyết định không hợp lệ" next to the input rather than
/// a framework message. Errors land in the page's ModelState under the input's name.
/// </summary>
public sealed class PostedForm(IFormCollection form, ModelStateDictionary state)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public bool Valid => state.IsValid;

    public string? Text(string key) => form[key].ToString().Trim() is { Length: > 0 } s ? s : null;

    public bool Bool(string key) => form[key].ToString() is "true" or "on" or "1";

    public IReadOnlyList<string> All(string key) => form[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    public DateOnly? Date(string key, string label, bool required = true)
    {
        var text = Text(key);
        if (text is null)
        {
            if (required)
            {
                state.AddModelError(key, $"{label} không được để trống.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        state.AddModelError(key, $"{label} \"{text}\" không hợp lệ: cần dạng ngày/tháng/năm (dd/MM/yyyy).");
        return null;
    }

    public int? Int(string key, string label, bool required = true) => Number(key, label, required) is { } n
        ? n is >= int.MinValue and <= int.MaxValue ? (int)n : Refuse<int>(key, $"{label} quá lớn.")
        : null;

    /// <summary>A whole number, in vi-VN writing (5.000.000) or plain digits.</summary>
    public long? Number(string key, string label, bool required = true)
    {
        var text = Text(key);
        if (text is null)
        {
            if (required)
            {
                state.AddModelError(key, $"{label} không được để trống.");
            }

            return null;
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace("đ", "", StringComparison.Ordinal);
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        state.AddModelError(key, $"{label} \"{text}\" không phải là số.");
        return null;
    }

    /// <summary>A number with decimals as a Vietnamese writes it ("3,5", "1.200,5") or with a point ("3.5").</summary>
    public decimal? Decimal(string key, string label, bool required = true)
    {
        var text = Text(key);
        if (text is null)
        {
            if (required)
            {
                state.AddModelError(key, $"{label} không được để trống.");
            }

            return null;
        }

        var plain = text.Replace(" ", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        if (plain.Contains(',', StringComparison.Ordinal) && decimal.TryParse(plain, NumberStyles.Number, vi, out var d))
        {
            return d;
        }

        if (decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
        {
            return d;
        }

        state.AddModelError(key, $"{label} \"{text}\" không phải là số (viết 3,5 hoặc 90).");
        return null;
    }

    /// <summary>An enum posted by its API name ("official") or its number.</summary>
    public T? Choice<T>(string key, string label, T? fallback = null)
        where T : struct, Enum
    {
        var text = Text(key);
        if (text is null && fallback is not null)
        {
            return fallback;
        }

        if (text is not null)
        {
            if (Labels.TryParseApiName<T>(text, out var value))
            {
                return value;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined(typeof(T), n))
            {
                return (T)Enum.ToObject(typeof(T), n);
            }
        }

        state.AddModelError(key, text is null ? $"Chưa chọn {label}." : $"{label} \"{text}\" không hợp lệ.");
        return null;
    }

    private T? Refuse<T>(string key, string message)
        where T : struct
    {
        state.AddModelError(key, message);
        return null;
    }
}

public static class FormErrors
{
    /// <summary>
    /// Puts a refused command's message next to the input it is about: the rule's field, renamed by
    /// <paramref name="aliases"/> to the form's input, when the form has that input; otherwise on
    /// the form as a whole.
    /// </summary>
    public static void Show(this ModelStateDictionary state, RuleViolationException e, IReadOnlyCollection<string> inputs, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var field = aliases?.GetValueOrDefault(e.Field) ?? e.Field;
        state.AddModelError(inputs.Contains(field) ? field : string.Empty, e.Message);
    }

    /// <summary>The message for an input, or null.</summary>
    public static string? For(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Messages about the form as a whole (no input to stand next to).</summary>
    public static IReadOnlyList<string> General(this ModelStateDictionary state) =>
        state.TryGetValue(string.Empty, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>yyyy-MM-dd, the value a date input carries.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? d) => d is { } v ? Iso(v) : "";
}
