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

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a package; a malformed one is refused with a message, not an exception trace.</summary>
    public static TransferPackage Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TransferPackage>(json, Json)
                ?? throw new RuleViolationException("Package", "Gói chuyển sinh hoạt rỗng.");
        }
        catch (JsonException e)
        {
            throw new RuleViolationException("Package", $"Gói chuyển sinh hoạt không đọc được: {e.Message}");
        }
    }
}
