namespace ChiBo.Organizations;

/// <summary>Kinds of party organization since the two-level local government of 1/7/2025 (DOMAIN.md §2).</summary>
public enum OrgKind
{
    /// <summary>Đảng bộ tỉnh.</summary>
    Province = 1,

    /// <summary>Đảng bộ trực thuộc Tỉnh ủy (cấp trên trực tiếp cơ sở): xã, phường, khối cơ quan, lực lượng vũ trang.</summary>
    SuperiorToBase = 2,

    /// <summary>Đảng bộ cơ sở: a TCCSĐ with sub-units.</summary>
    BaseCommittee = 3,

    /// <summary>Chi bộ cơ sở: a TCCSĐ without sub-units; holds members.</summary>
    BaseCell = 4,

    /// <summary>Đảng bộ bộ phận: between a đảng bộ cơ sở and its cells.</summary>
    SectionCommittee = 5,

    /// <summary>Chi bộ trực thuộc: holds members.</summary>
    Cell = 6,
}

/// <summary>Loại hình of a TCCSĐ; cells and section committees carry the sector of their TCCSĐ.</summary>
public enum Sector
{
    /// <summary>Cơ quan Đảng, Mặt trận, đoàn thể.</summary>
    PartyFrontUnions = 1,

    /// <summary>Cơ quan nhà nước.</summary>
    StateAgency = 2,

    /// <summary>Đơn vị sự nghiệp.</summary>
    PublicService = 3,

    /// <summary>Doanh nghiệp, hợp tác xã.</summary>
    EnterpriseCoop = 4,

    /// <summary>Quân đội, Công an.</summary>
    ArmedForces = 5,

    /// <summary>Xã, phường, thôn, tổ dân phố.</summary>
    Commune = 6,

    /// <summary>Khác.</summary>
    Other = 7,
}

public static class OrgKindExtensions
{
    /// <summary>Members belong to a chi bộ cơ sở or a chi bộ trực thuộc, nothing else.</summary>
    public static bool HoldsMembers(this OrgKind kind) => kind is OrgKind.BaseCell or OrgKind.Cell;

    /// <summary>A TCCSĐ (tổ chức cơ sở đảng) is a đảng bộ cơ sở or a chi bộ cơ sở.</summary>
    public static bool IsBaseOrganization(this OrgKind kind) => kind is OrgKind.BaseCommittee or OrgKind.BaseCell;

    /// <summary>Which kinds may sit directly under a parent of this kind.</summary>
    public static bool CanContain(this OrgKind parent, OrgKind child) => (parent, child) switch
    {
        (OrgKind.Province, OrgKind.SuperiorToBase or OrgKind.BaseCommittee or OrgKind.BaseCell) => true,
        (OrgKind.SuperiorToBase, OrgKind.BaseCommittee or OrgKind.BaseCell) => true,
        (OrgKind.BaseCommittee, OrgKind.SectionCommittee or OrgKind.Cell) => true,
        (OrgKind.SectionCommittee, OrgKind.Cell) => true,
        _ => false,
    };
}
