using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChiBo.Access;
using ChiBo.Fees;
using ChiBo.Members;
using ChiBo.Text;

namespace ChiBo.Procedures;

public sealed record FeeMonth(int Year, int Month);

/// <summary>One field the member says is wrong, and the value it should have (in the words of the form: "Nữ", "12/03/1990").</summary>
public sealed record FieldCorrection(string Field, string Value);

/// <summary>What a member fills in to start a request; each kind reads its own fields.</summary>
public sealed record ProcedureStart
{
    public ProcedureKind Kind { get; init; }

    /// <summary>Lý do, giải trình.</summary>
    public string? Reason { get; init; }

    public FeeGroup? FeeGroup { get; init; }

    /// <summary>Wage, allowance or pension in đồng for the percentage groups.</summary>
    public long? Basis { get; init; }

    public IReadOnlyList<FeeMonth>? Months { get; init; }

    /// <summary>Code of the cell of the member's place of residence.</summary>
    public string? ResidenceCell { get; init; }

    /// <summary>Code of the receiving cell of a transfer.</summary>
    public string? ToCell { get; init; }

    /// <summary>End of a temporary transfer.</summary>
    public DateOnly? Until { get; init; }

    public CardLoss? CardLoss { get; init; }

    public IReadOnlyList<FieldCorrection>? Corrections { get; init; }
}

public sealed record FeeMonthAmount(int Year, int Month, long Amount);

/// <summary>A correction as proposed: the field, its value in the record then, and the value asked for.</summary>
public sealed record ProposedCorrection(string Field, string Label, string? Before, string After, bool Sensitive);

/// <summary>What the member asked for, checked and completed at submission (cells resolved, amounts computed), kept as JSON on the request.</summary>
public sealed record ProcedurePayload
{
    public FeeGroup? FeeGroup { get; init; }
    public long? Basis { get; init; }
    public IReadOnlyList<FeeMonthAmount>? Months { get; init; }
    public long? Total { get; init; }
    public int? ResidenceCellId { get; init; }
    public string? ResidenceCellName { get; init; }
    public int? ToCellId { get; init; }
    public string? ToCellName { get; init; }
    public DateOnly? Until { get; init; }
    public CardLoss? CardLoss { get; init; }
    public string? OldCardNumber { get; init; }
    public IReadOnlyList<ProposedCorrection>? Corrections { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProcedurePayload Parse(string json) => JsonSerializer.Deserialize<ProcedurePayload>(json, Json) ?? new();

    /// <summary>
    /// The particulars as lines a person reads ("Các tháng: 05/2026, 06/2026"). Sensitive values
    /// (CCCD, ethnicity, religion) only for callers allowed to see them.
    /// </summary>
    public IReadOnlyList<string> Describe(ProcedureKind kind, bool showSensitive)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string Money(long n) => n.ToString("#,0", vi) + " đ";
        var lines = new List<string>();
        switch (kind)
        {
            case ProcedureKind.FeePayment:
                lines.Add($"Đối tượng: {ProcedureNames.Of(FeeGroup ?? Fees.FeeGroup.Insured)}");
                if (FeeGroup is { } g && FeePolicy.UsesBasis(g))
                {
                    lines.Add($"Mức làm căn cứ: {Money(Basis ?? 0)}");
                }

                foreach (var m in Months ?? [])
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"Tháng {m.Month:00}/{m.Year}: ") + Money(m.Amount));
                }

                lines.Add($"Tổng cộng: {Money(Total ?? 0)}");
                break;
            case ProcedureKind.ResidenceComment:
                lines.Add($"Chi bộ nơi cư trú: {ResidenceCellName}");
                break;
            case ProcedureKind.OfficialTransfer or ProcedureKind.TemporaryTransfer:
                lines.Add($"Chi bộ nơi đến: {ToCellName}");
                if (Until is { } u)
                {
                    lines.Add($"Sinh hoạt tạm thời đến ngày: {Rules.Date(u)}");
                }

                break;
            case ProcedureKind.CardReissue:
                lines.Add($"Tình trạng thẻ: {ProcedureNames.Of(CardLoss ?? Procedures.CardLoss.Lost)}");
                lines.Add($"Số thẻ cũ: {OldCardNumber ?? "(chưa ghi)"}");
                break;
            case ProcedureKind.Correction:
                foreach (var c in Corrections ?? [])
                {
                    lines.Add(c.Sensitive && !showSensitive
                        ? $"{c.Label}: (thông tin nhạy cảm, vai trò của bạn không được xem)"
                        : $"{c.Label}: {c.Before ?? "(trống)"} → {c.After}");
                }

                break;
        }

        return lines;
    }
}

/// <summary>A field of the record a member may ask to correct, how it reads and how a proposed value is applied.</summary>
public sealed record CorrectableField(
    string Name, string Label, bool Sensitive, int MaxLength,
    Func<MemberProfile, string?> Read,
    Func<MemberProfile, string, MemberProfile?> Apply,
    string Expected);

/// <summary>
/// The fields of the lý lịch a member may ask to correct (đính chính): identity and contact data that
/// were typed wrong. Dates of admission, status and cell change only through their own procedures.
/// </summary>
public static class CorrectableFields
{
    private static CorrectableField Text(string name, string label, int max, Func<MemberProfile, string?> read, Func<MemberProfile, string?, MemberProfile> apply, bool required = false) =>
        new(name, label, false, max, read,
            (p, v) => string.IsNullOrWhiteSpace(v) ? (required ? null : apply(p, null)) : apply(p, VietnameseText.Clean(v)),
            required ? "một giá trị không để trống" : "văn bản (để trống để xóa)");

    public static readonly IReadOnlyList<CorrectableField> All =
    [
        Text("fullName", "Họ và tên", 150, p => p.FullName, (p, v) => p with { FullName = v! }, required: true),
        Text("otherNames", "Tên gọi khác", 150, p => p.OtherNames, (p, v) => p with { OtherNames = v }),
        new("gender", "Giới tính", false, 10, p => VietnameseNames.Of(p.Gender),
            (p, v) => VietnameseNames.Parse(VietnameseNames.Genders, v) is { } g ? p with { Gender = g } : null,
            VietnameseNames.List(VietnameseNames.Genders)),
        new("birthDate", "Ngày sinh", false, 10, p => Rules.Date(p.BirthDate),
            (p, v) => ParseDate(v) is { } d ? p with { BirthDate = d } : null,
            "ngày dạng dd/MM/yyyy"),
        Text("birthPlace", "Nơi sinh", 300, p => p.BirthPlace, (p, v) => p with { BirthPlace = v }),
        Text("homeTown", "Quê quán", 300, p => p.HomeTown, (p, v) => p with { HomeTown = v }),
        Text("residence", "Nơi ở hiện nay", 300, p => p.Residence, (p, v) => p with { Residence = v }),
        new("cccd", "Số CCCD", true, 12, p => p.Cccd,
            (p, v) => v.Trim() is { Length: 12 } n && n.All(char.IsAsciiDigit) ? p with { Cccd = n } : null,
            "12 chữ số"),
        new("ethnicity", "Dân tộc", true, 30, p => Ethnicities.NameOf(p.Ethnicity),
            (p, v) => Ethnicities.CodeOf(v) is { } e ? p with { Ethnicity = e } : null,
            "tên một trong 54 dân tộc"),
        new("religion", "Tôn giáo", true, 30, p => VietnameseNames.Of(p.Religion),
            (p, v) => VietnameseNames.Parse(VietnameseNames.Religions, v) is { } r ? p with { Religion = r } : null,
            VietnameseNames.List(VietnameseNames.Religions)),
        Text("occupation", "Nghề nghiệp", 200, p => p.Occupation, (p, v) => p with { Occupation = v }),
        Text("workplace", "Nơi làm việc", 300, p => p.Workplace, (p, v) => p with { Workplace = v }),
        Text("position", "Chức vụ", 200, p => p.Position, (p, v) => p with { Position = v }),
        Text("professionalField", "Ngành chuyên môn", 200, p => p.ProfessionalField, (p, v) => p with { ProfessionalField = v }),
        Text("foreignLanguage", "Ngoại ngữ", 100, p => p.ForeignLanguage, (p, v) => p with { ForeignLanguage = v }),
    ];

    public static CorrectableField? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>dd/MM/yyyy as the forms show dates, or yyyy-MM-dd as the API sends them.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>A step of a request resolved to the organization that acts (kept on the request as JSON).</summary>
public sealed record PlannedStep(int Rule, string Name, ActingLevel Level, Role Role, int OrganizationId, string OrganizationName, int WorkingDays, bool CommentRequired)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string ToJson(IReadOnlyList<PlannedStep> plan) => JsonSerializer.Serialize(plan, Json);

    public static IReadOnlyList<PlannedStep> Parse(string json) => JsonSerializer.Deserialize<List<PlannedStep>>(json, Json) ?? [];
}
