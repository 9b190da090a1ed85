namespace ChiBo.Transfers;

public sealed record TransferHasStatus(PartyTransfer Transfer, TransferStatus Required, string Action) : IRule
{
    public string Field => nameof(PartyTransfer.Status);

    public string Message => $"Chỉ {Action} khi giấy giới thiệu số {Transfer.LetterNumber} đang ở trạng thái \"{TransferNames.Of(Required)}\" (hiện: \"{TransferNames.Of(Transfer.Status)}\").";

    public bool IsBroken() => Transfer.Status != Required;
}

/// <summary>A member waits for one letter at a time: never on the way to two cells.</summary>
public sealed record NoOtherPendingTransfer(string MemberName, string? PendingLetter) : IRule
{
    public string Field => "MemberId";

    public string Message => $"Đảng viên {MemberName} đang có giấy giới thiệu số {PendingLetter} chưa được xác nhận: hãy xác nhận hoặc hủy trước.";

    public bool IsBroken() => PendingLetter is not null;
}

/// <summary>The member is still in the cell that issued the letter when the receiver confirms it.</summary>
public sealed record MemberStillInSendingCell(string MemberName, int CellId, int FromCellId) : IRule
{
    public string Field => "MemberId";

    public string Message => $"Đảng viên {MemberName} không còn sinh hoạt ở chi bộ đã cấp giấy giới thiệu.";

    public bool IsBroken() => CellId != FromCellId;
}

public sealed record TemporaryTransferHasAnEnd(TransferKind Kind, DateOnly LetterDate, DateOnly? Until) : IRule
{
    public string Field => nameof(PartyTransfer.Until);

    public string Message => "Chuyển sinh hoạt tạm thời cần ngày kết thúc sau ngày cấp giấy giới thiệu.";

    public bool IsBroken() => Kind == TransferKind.Temporary && (Until is not { } u || u <= LetterDate);
}

public sealed record ConfirmationNotBeforeLetter(DateOnly Date, DateOnly LetterDate) : IRule
{
    public string Field => "Date";

    public string Message => $"Ngày xác nhận ({Rules.Date(Date)}) trước ngày cấp giấy giới thiệu ({Rules.Date(LetterDate)}).";

    public bool IsBroken() => Date < LetterDate;
}

/// <summary>The package says what it is: a transfer package of a schema this version reads.</summary>
public sealed record PackageSchemaIsKnown(string? Schema) : IRule
{
    public string Field => "Schema";

    public string Message => $"Gói chuyển sinh hoạt có định dạng \"{Schema}\" không được hỗ trợ (cần \"{TransferPolicy.PackageSchema}\").";

    public bool IsBroken() => Schema != TransferPolicy.PackageSchema;
}

public static class TransferNames
{
    public static string Of(TransferStatus s) => s switch
    {
        TransferStatus.Issued => "Chờ xác nhận",
        TransferStatus.Confirmed => "Đã xác nhận",
        TransferStatus.Cancelled => "Đã hủy",
        TransferStatus.Sent => "Đã chuyển đi ngoài tỉnh",
        _ => s.ToString(),
    };

    public static string Of(TransferKind k) => k == TransferKind.Official ? "Chính thức" : "Tạm thời";
}

/// <summary>
/// A package carries the whole lý lịch (CCCD, ethnicity, religion) and the discipline on the
/// timeline, so exporting or downloading it needs both Members.ReadSensitive and Discipline.Read on
/// the member's cell: the base committee and above, not the cell committee.
/// </summary>
public sealed record PackageNeedsSensitiveAndDisciplineRead(Members.MemberSight Sight) : IRule
{
    public string Field => "MemberId";

    public string Message => "Gói hồ sơ chuyển sinh hoạt mang đủ lý lịch (số CCCD, dân tộc, tôn giáo — thông tin nhạy cảm) và quá trình kỷ luật của đảng viên: "
        + "chỉ cấp ủy được xem các thông tin này ở chi bộ của đảng viên (cấp ủy cơ sở trở lên) mới xuất hoặc tải được gói.";

    public bool IsBroken() => !(Sight.Sensitive && Sight.Discipline);
}

/// <summary>A signature that does not match the content: the package was changed after it was signed, or forged.</summary>
public sealed record PackageSignatureMatches(PackageSeal Seal) : IRule
{
    public string Field => "Package";

    public string Message => "Chữ ký số của gói hồ sơ không khớp với nội dung: gói đã bị sửa sau khi tổ chức đảng nơi đi xuất, nên không tiếp nhận được. "
        + "Hãy đề nghị tổ chức đảng nơi đi gửi lại gói.";

    public bool IsBroken() => Seal.State == SealState.Broken;
}

/// <summary>
/// A package without a signature, or signed by a register not registered as trusted, is taken
/// only by the roles of <see cref="TransferPolicy.UnsealedPackageImporters"/>, who check it against
/// the paper file first.
/// </summary>
public sealed record UnsealedPackageIsForTheProvinceBoard(PackageSeal Seal, bool CallerMay) : IRule
{
    public string Field => "Package";

    public string Message => (Seal.State == SealState.Unsigned
            ? "Gói hồ sơ không có chữ ký số của tổ chức đảng nơi đi"
            : $"Gói hồ sơ được ký bằng khóa {Seal.KeyId}, chưa được đăng ký là khóa tin cậy của tỉnh")
        + ": chỉ Ban Tổ chức Tỉnh ủy được tiếp nhận gói này, sau khi đối chiếu với hồ sơ giấy.";

    public bool IsBroken() => Seal.State is SealState.Unsigned or SealState.UnknownIssuer && !CallerMay;
}
