namespace ChiBo;

/// <summary>
/// A business rule as a small named object with a message users understand (in Vietnamese) and
/// the field it is about, so a form or an Excel import can point at the right cell.
/// </summary>
public interface IRule
{
    string Field { get; }

    string Message { get; }

    bool IsBroken();
}

/// <summary>A command refused because a rule is broken; nothing was written.</summary>
public class RuleViolationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Someone else changed the record since the caller read it (optimistic concurrency), or wrote the
/// same thing first. <see cref="CurrentVersion"/> is the version stored now, when there is one, so
/// the caller can reload it; <see cref="Current"/> names what is there when it has no version.
/// </summary>
public sealed class EditConflictException(string message, int? currentVersion = null, string? field = null, object? current = null)
    : RuleViolationException(field ?? "Version", message)
{
    public int? CurrentVersion { get; } = currentVersion;

    public object? Current { get; } = current;
}

/// <summary>
/// The caller sees the record but holds no role that acts at the level the command needs (a cell
/// committee recording the base committee's opinion, a base committee deciding "by" the province):
/// the message names the level that acts. Nothing was written.
/// </summary>
public class ForbiddenException(string message) : Exception(message);

/// <summary>
/// What the command names does not exist, or lies outside the caller's subtrees: both are "not
/// found", so a refusal never tells that something exists elsewhere. Nothing was written.
/// </summary>
public class NotFoundException(string message) : Exception(message);

public static class Rules
{
    /// <summary>Throws the first broken rule.</summary>
    public static void Check(params IEnumerable<IRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsBroken())
            {
                throw new RuleViolationException(rule.Field, rule.Message);
            }
        }
    }

    /// <summary>Every broken rule, for reports that list all problems at once (imports).</summary>
    public static IEnumerable<IRule> Broken(IEnumerable<IRule> rules) => rules.Where(r => r.IsBroken());

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A date of an event may not lie after today.</summary>
public sealed record DateIsNotInTheFuture(string Field, string Label, DateOnly Date, DateOnly Today) : IRule
{
    public string Message => $"{Label} ({Rules.Date(Date)}) không được sau ngày hôm nay ({Rules.Date(Today)}).";

    public bool IsBroken() => Date > Today;
}

/// <summary>The caller must have read the current version of the record.</summary>
public static class Concurrency
{
    public static void CheckVersion(string what, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new EditConflictException(
                $"{what} đã được người khác cập nhật (phiên bản {actual}, bạn đang sửa phiên bản {expected}). Hãy tải lại rồi thực hiện lại thao tác.",
                actual);
        }
    }

    public static EditConflictException Conflict(string what, int? current = null) => new(
        current is { } v
            ? $"{what} đã được người khác cập nhật trong lúc bạn thao tác (phiên bản hiện tại {v}). Hãy tải lại rồi thực hiện lại thao tác."
            : $"{what} đã được người khác cập nhật trong lúc bạn thao tác. Hãy tải lại rồi thực hiện lại thao tác.",
        current);
}
