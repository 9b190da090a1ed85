using System.Globalization;
using ChiBo.Data;
using ChiBo.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Portal;

/// <summary>The fields of the record a member may ask to correct from the handbook.</summary>
public enum CorrectableField
{
    FullName = 1,
    OtherNames = 2,
    BirthDate = 3,
    BirthPlace = 4,
    HomeTown = 5,
    Residence = 6,
    Occupation = 7,
    Workplace = 8,
    Position = 9,
    AdmittedOn = 10,
    OfficialOn = 11,
    PartyCardNumber = 12,

    /// <summary>Anything else; the member says what in the proposed value.</summary>
    Other = 99,
}

public enum CorrectionStatus
{
    /// <summary>Chờ chi ủy xem xét.</summary>
    Pending = 1,

    /// <summary>Đã đính chính (the committee corrected the record).</summary>
    Done = 2,

    /// <summary>Không chấp nhận, with the committee's reason.</summary>
    Declined = 3,
}

/// <summary>
/// A member's request to correct their own record (đề nghị đính chính thông tin): the field, what
/// the record says now, what the member says it should say. The cell committee sees it on the
/// member's page and corrects the record through the usual commands (which leave the timeline
/// entry and the decision), then closes the request.
/// </summary>
public sealed class RecordCorrectionRequest
{
    public long Id { get; set; }
    public int ProvinceId { get; set; }
    public int MemberId { get; set; }

    /// <summary>The member's cell when asking: whose committee handles it.</summary>
    public int CellId { get; set; }

    public CorrectableField Field { get; set; }

    /// <summary>The value as the record showed it when the member asked.</summary>
    public string? CurrentValue { get; set; }

    public required string ProposedValue { get; set; }

    /// <summary>Why, or the paper that proves it (giấy khai sinh, quyết định…).</summary>
    public string? Reason { get; set; }

    public CorrectionStatus Status { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

internal sealed class RecordCorrectionRequestConfiguration : IEntityTypeConfiguration<RecordCorrectionRequest>
{
    public void Configure(EntityTypeBuilder<RecordCorrectionRequest> b)
    {
        b.Property(r => r.CurrentValue).HasMaxLength(300);
        b.Property(r => r.ProposedValue).HasMaxLength(300);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.Property(r => r.ResolvedBy).HasMaxLength(100);
        b.Property(r => r.ResolutionNote).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.MemberId, r.Status });
        b.HasIndex(r => new { r.CellId, r.Status });
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record ProposedValueIsGiven(string? Value) : IRule
{
    public string Field => "ProposedValue";

    public string Message => "Cần ghi thông tin đúng đề nghị đính chính.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Value);
}

public sealed record ProposedValueFits(string? Value) : IRule
{
    public const int MaxLength = 300;

    public string Field => "ProposedValue";

    public string Message => $"Thông tin đề nghị dài quá {MaxLength} ký tự.";

    public bool IsBroken() => Value is not null && Value.Trim().Length > MaxLength;
}

public sealed record ProposedValueDiffers(string? Current, string? Proposed) : IRule
{
    public string Field => "ProposedValue";

    public string Message => "Thông tin đề nghị giống hệt hồ sơ hiện tại: không cần đính chính.";

    public bool IsBroken() => Current is not null && Proposed is not null
        && string.Equals(Current.Trim(), Proposed.Trim().Normalize(System.Text.NormalizationForm.FormC), StringComparison.Ordinal);
}

public sealed record OnePendingRequestPerField(CorrectableField Field, bool AlreadyPending) : IRule
{
    string IRule.Field => "Field";

    public string Message => $"Đã có đề nghị đính chính \"{RecordCorrections.Label(Field)}\" đang chờ chi ủy xem xét.";

    public bool IsBroken() => AlreadyPending && Field != CorrectableField.Other;
}

public sealed record FieldIsKnown(CorrectableField Field) : IRule
{
    string IRule.Field => "Field";

    public string Message => "Hãy chọn thông tin cần đính chính.";

    public bool IsBroken() => !Enum.IsDefined(Field);
}

public sealed record RequestIsPending(CorrectionStatus Status) : IRule
{
    public string Field => "Status";

    public string Message => "Đề nghị này đã được xử lý.";

    public bool IsBroken() => Status != CorrectionStatus.Pending;
}

public sealed record DeclineNeedsReason(bool Done, string? Note) : IRule
{
    public string Field => "ResolutionNote";

    public string Message => "Không chấp nhận đề nghị thì cần ghi lý do để đảng viên biết.";

    public bool IsBroken() => !Done && string.IsNullOrWhiteSpace(Note);
}

/// <summary>Asking for and closing correction requests; each command is one transaction, audited by the interceptor.</summary>
public static class RecordCorrections
{
    public static string Label(CorrectableField field) => field switch
    {
        CorrectableField.FullName => "Họ và tên",
        CorrectableField.OtherNames => "Tên gọi khác",
        CorrectableField.BirthDate => "Ngày sinh",
        CorrectableField.BirthPlace => "Nơi sinh",
        CorrectableField.HomeTown => "Quê quán",
        CorrectableField.Residence => "Nơi ở hiện nay",
        CorrectableField.Occupation => "Nghề nghiệp",
        CorrectableField.Workplace => "Nơi làm việc",
        CorrectableField.Position => "Chức vụ",
        CorrectableField.AdmittedOn => "Ngày vào Đảng",
        CorrectableField.OfficialOn => "Ngày chính thức",
        CorrectableField.PartyCardNumber => "Số thẻ đảng viên",
        _ => "Thông tin khác",
    };

    public static string Label(CorrectionStatus status) => status switch
    {
        CorrectionStatus.Pending => "Chờ chi ủy xem xét",
        CorrectionStatus.Done => "Đã đính chính",
        _ => "Không chấp nhận",
    };

    /// <summary>What the record says now for a field, as the member reads it (dates dd/MM/yyyy).</summary>
    public static string? ValueOf(Member m, CorrectableField field) => field switch
    {
        CorrectableField.FullName => m.FullName,
        CorrectableField.OtherNames => m.OtherNames,
        CorrectableField.BirthDate => Rules.Date(m.BirthDate),
        CorrectableField.BirthPlace => m.BirthPlace,
        CorrectableField.HomeTown => m.HomeTown,
        CorrectableField.Residence => m.Residence,
        CorrectableField.Occupation => m.Occupation,
        CorrectableField.Workplace => m.Workplace,
        CorrectableField.Position => m.Position,
        CorrectableField.AdmittedOn => Rules.Date(m.AdmittedOn),
        CorrectableField.OfficialOn => m.OfficialOn is { } o ? Rules.Date(o) : null,
        CorrectableField.PartyCardNumber => m.PartyCardNumber,
        _ => null,
    };

    /// <summary>A member asks for a correction of their own record; one request per field may wait at a time.</summary>
    public static Task<RecordCorrectionRequest> RequestAsync(
        ChiBoDb db, TimeProvider clock, string actor, int memberId, CorrectableField field, string? proposed, string? reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Đề nghị đính chính", async () =>
        {
            Rules.Check(new FieldIsKnown(field), new ProposedValueIsGiven(proposed), new ProposedValueFits(proposed));
            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == memberId, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {memberId}.");
            var current = ValueOf(m, field);
            var pending = await db.RecordCorrectionRequests.AnyAsync(
                r => r.MemberId == memberId && r.Field == field && r.Status == CorrectionStatus.Pending, ct);
            Rules.Check(new ProposedValueDiffers(current, proposed), new OnePendingRequestPerField(field, pending));
            var request = new RecordCorrectionRequest
            {
                ProvinceId = m.ProvinceId, MemberId = m.Id, CellId = m.CellId, Field = field, CurrentValue = current,
                ProposedValue = proposed!.Trim().Normalize(System.Text.NormalizationForm.FormC),
                Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim().Normalize(System.Text.NormalizationForm.FormC),
                Status = CorrectionStatus.Pending, RequestedBy = actor, RequestedAt = clock.GetUtcNow(),
            };
            Rules.Check(new ReasonFits(request.Reason));
            db.RecordCorrectionRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request;
        }, ct);

    /// <summary>The committee closes a request: done (the record was corrected) or declined with a reason.</summary>
    public static Task<RecordCorrectionRequest> ResolveAsync(
        ChiBoDb db, TimeProvider clock, string actor, long requestId, int version, bool done, string? note, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Đề nghị đính chính", async () =>
        {
            var request = await db.RecordCorrectionRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
                ?? throw new RuleViolationException("Id", $"Không có đề nghị đính chính số {requestId.ToString(CultureInfo.InvariantCulture)}.");
            Concurrency.CheckVersion("Đề nghị đính chính", version, request.Version);
            Rules.Check(new RequestIsPending(request.Status), new DeclineNeedsReason(done, note), new ReasonFits(note));
            request.Status = done ? CorrectionStatus.Done : CorrectionStatus.Declined;
            request.ResolvedBy = actor;
            request.ResolvedAt = clock.GetUtcNow();
            request.ResolutionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            request.Version++;
            await db.SaveChangesAsync(ct);
            return request;
        }, ct);

    /// <summary>A member's requests, newest first (ids grow with time; SQLite cannot order by a DateTimeOffset).</summary>
    public static async Task<IReadOnlyList<RecordCorrectionRequest>> OfMemberAsync(ChiBoDb db, int memberId, CancellationToken ct = default) =>
        await db.RecordCorrectionRequests.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.Id).ToListAsync(ct);
}

public sealed record ReasonFits(string? Text) : IRule
{
    public string Field => "Reason";

    public string Message => "Lý do dài quá 1.000 ký tự.";

    public bool IsBroken() => Text is not null && Text.Length > 1000;
}
