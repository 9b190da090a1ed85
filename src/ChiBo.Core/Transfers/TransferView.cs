namespace ChiBo.Transfers;

/// <summary>A transfer as the API answers it: the letter and what became of it, without the package (which needs its own rights).</summary>
public sealed record TransferView(
    int Id,
    int ProvinceId,
    int MemberId,
    TransferKind Kind,
    TransferScope Scope,
    TransferStatus Status,
    int FromCellId,
    int? ToCellId,
    string? OtherOrganization,
    string LetterNumber,
    DateOnly LetterDate,
    DateOnly? Until,
    DateOnly? ConfirmedOn,
    DateOnly? CancelledOn,
    string? Reason,
    string RecordedBy,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static TransferView Of(PartyTransfer t) => new(
        t.Id, t.ProvinceId, t.MemberId, t.Kind, t.Scope, t.Status, t.FromCellId, t.ToCellId, t.OtherOrganization, t.LetterNumber,
        t.LetterDate, t.Until, t.ConfirmedOn, t.CancelledOn, t.Reason, t.RecordedBy, t.UpdatedAt, t.Version);
}
