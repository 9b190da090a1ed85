using System.Text.Json;
using System.Text.Json.Serialization;
using ChiBo.Members;

namespace ChiBo.Transfers;

/// <summary>One event of the member's timeline as the sending province recorded it.</summary>
public sealed record TimelineEntry(MemberEventKind Kind, DateOnly Date, string? CellCode, string? DecisionNumber, string? Reason, string? Details);

/// <summary>
/// What travels with a member to another province (hồ sơ đảng viên chuyển đi): the record, the
/// dates of membership, the timeline and the introduction letter. JSON with enums as names, so a
/// person can read it and another system can map it.
/// </summary>
public sealed record TransferPackage
{
    public required string Schema { get; init; }
    public required string FromProvince { get; init; }
    public required string FromCellCode { get; init; }
    public required string FromCellName { get; init; }
    public required string Destination { get; init; }
    public required string LetterNumber { get; init; }
    public DateOnly LetterDate { get; init; }
    public TransferKind Kind { get; init; }
    public required MemberProfile Member { get; init; }
    public DateOnly AdmittedOn { get; init; }
    public DateOnly? OfficialOn { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public DateTimeOffset ExportedAt { get; init; }

    /// <summary>The sending register's signature over the rest (<see cref="PackageKeys"/>); null in a package made before packages were signed.</summary>
    public PackageSignature? Signature { get; init; }

    /// <summary>A package is one member's record and timeline: far below this.</summary>
    public const int MaxBytes = 1_000_000;

    /// <summary>
    /// Enums by name only (a number would store any value), and a null or a missing value where the
    /// record needs one is refused while reading instead of failing later (a signature given as
    /// <c>{}</c> reached the signature check with no value and answered 500).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The text of an uploaded package: UTF-8 (with or without its byte-order mark) and nothing
    /// else, so a file saved in another encoding is refused rather than read into garbled names.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new RuleViolationException("Package",
                $"Gói chuyển sinh hoạt quá lớn ({bytes.Length.ToString("N0", Vietnamese)} byte): một gói hồ sơ đảng viên không quá {MaxBytes.ToString("N0", Vietnamese)} byte.");
        }

        try
        {
            var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new RuleViolationException("Package", "Gói chuyển sinh hoạt không phải văn bản UTF-8: hãy dùng đúng tệp .json do tỉnh nơi đi xuất.");
        }
    }

    /// <summary>Reads a package; a malformed one is refused with a Vietnamese message saying where, not an exception trace.</summary>
    public static TransferPackage Parse(string json)
    {
        if (json.Length > MaxBytes)
        {
            throw new RuleViolationException("Package",
                $"Gói chuyển sinh hoạt quá lớn ({json.Length.ToString("N0", Vietnamese)} ký tự): một gói hồ sơ đảng viên không quá {MaxBytes.ToString("N0", Vietnamese)} ký tự.");
        }

        TransferPackage package;
        try
        {
            package = JsonSerializer.Deserialize<TransferPackage>(json, Json)
                ?? throw new RuleViolationException("Package", "Gói chuyển sinh hoạt rỗng.");
        }
        catch (JsonException e)
        {
            throw new RuleViolationException("Package", Unreadable(e));
        }
        catch (NotSupportedException)
        {
            throw new RuleViolationException("Package", "Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo.");
        }

        Rules.Check(
            new PackageTextFits("LetterNumber", "Số giấy giới thiệu", package.LetterNumber, 100),
            new PackageTextFits("FromCellCode", "Mã chi bộ nơi đi", package.FromCellCode, 64),
            new PackageTextFits("FromCellName", "Tên chi bộ và tỉnh nơi đi", package.FromCellName + package.FromProvince, 290),
            new PackageTextFits("Destination", "Nơi đến", package.Destination, 300));
        return package;
    }

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Where the JSON went wrong, in words: the field's path and the line, or the fields missing.</summary>
    private static string Unreadable(JsonException e)
    {
        const string Missing = "missing required properties including: ";
        if (e.Message.IndexOf(Missing, StringComparison.Ordinal) is var at and >= 0)
        {
            var names = e.Message[(at + Missing.Length)..].TrimEnd('.');
            return $"Gói chuyển sinh hoạt thiếu trường bắt buộc: {Cut(names)}.";
        }

        var where = e.Path is { Length: > 1 } path ? $" ở trường {Cut(path)}" : "";
        var line = e.LineNumber is { } l ? $" (dòng {(l + 1).ToString(Vietnamese)})" : "";
        return $"Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo{where}{line}: thiếu giá trị, sai kiểu hoặc giá trị không hợp lệ.";
    }

    private static string Cut(string text) => text.Length <= 100 ? text : text[..100] + "…";
}

/// <summary>A text of the package fits where it is kept (the letter, the member's timeline).</summary>
public sealed record PackageTextFits(string Field, string Label, string? Value, int Max) : IRule
{
    public string Message => $"{Label} trong gói chuyển sinh hoạt dài {Value?.Length} ký tự, tối đa {Max} ký tự.";

    public bool IsBroken() => Value is not null && Value.Length > Max;
}
