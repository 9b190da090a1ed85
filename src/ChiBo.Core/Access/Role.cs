namespace ChiBo.Access;

/// <summary>Scoped roles: an account holds each on an organization subtree (DOMAIN.md §2).</summary>
public enum Role
{
    /// <summary>System administration: accounts, audit. Sees everything.</summary>
    Admin = 1,

    /// <summary>Ban Tổ chức Tỉnh ủy: the whole province.</summary>
    ProvinceBoard = 2,

    /// <summary>Đảng ủy cấp trên trực tiếp cơ sở (xã, phường, khối cơ quan).</summary>
    SuperiorCommittee = 3,

    /// <summary>Cấp ủy cơ sở.</summary>
    BaseCommittee = 4,

    /// <summary>Chi ủy / bí thư chi bộ.</summary>
    CellCommittee = 5,

    /// <summary>Ủy ban kiểm tra: reads, plus discipline.</summary>
    Inspection = 6,

    /// <summary>Đảng viên: own record and own cell's member-facing pages.</summary>
    Member = 7,
}

public static class Roles
{
    public static readonly IReadOnlyList<(Role Role, string Name, string Vietnamese)> All =
    [
        (Role.Admin, "admin", "Quản trị hệ thống"),
        (Role.ProvinceBoard, "province-board", "Ban Tổ chức Tỉnh ủy"),
        (Role.SuperiorCommittee, "superior-committee", "Đảng ủy cấp trên cơ sở"),
        (Role.BaseCommittee, "base-committee", "Cấp ủy cơ sở"),
        (Role.CellCommittee, "cell-committee", "Chi ủy, bí thư chi bộ"),
        (Role.Inspection, "inspection", "Ủy ban kiểm tra"),
        (Role.Member, "member", "Đảng viên"),
    ];

    public static string NameOf(Role role) => All.First(r => r.Role == role).Name;

    public static string VietnameseOf(Role role) => All.First(r => r.Role == role).Vietnamese;

    public static Role? Parse(string name) =>
        All.Where(r => r.Name == name).Select(r => (Role?)r.Role).FirstOrDefault();

    /// <summary>Every role above a plain member must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(Role role) => role != Role.Member;
}
