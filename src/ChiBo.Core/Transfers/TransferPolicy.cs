namespace ChiBo.Transfers;

/// <summary>
/// Time limits of a transfer *(configurable)*. Source: Quy định 24-QĐ/TW (30/7/2021) point 8 and
/// Hướng dẫn 12-HD/BTCTW (2022) point on chuyển sinh hoạt đảng: within 30 working days of the
/// introduction letter the member must present it to the receiving party organization; a member
/// who does not, without good reason, is considered for xóa tên.
/// </summary>
public static class TransferPolicy
{
    /// <summary>Ngày làm việc to report to (and be confirmed by) the receiving cell.</summary>
    public const int ConfirmWithinWorkingDays = 30;

    /// <summary>Schema of the transfer package between provinces; bumped when its shape changes.</summary>
    public const string PackageSchema = "chibo.transfer/1";

    /// <summary>
    /// Who may import a package that is not signed by a trusted register: the province board
    /// (Ban Tổ chức Tỉnh ủy keeps the province's party records and receives members from other
    /// provinces, Hướng dẫn 12-HD/BTCTW on chuyển sinh hoạt đảng) and the system administrator. A
    /// package registers an official member with its own admission date, so a committee of a cell or
    /// a commune may take only what a trusted register signed.
    /// </summary>
    public static readonly IReadOnlySet<Access.Role> UnsealedPackageImporters = new HashSet<Access.Role> { Access.Role.Admin, Access.Role.ProvinceBoard };

    public static DateOnly ConfirmBy(DateOnly letterDate) => WorkingDays.Add(letterDate, ConfirmWithinWorkingDays);
}
