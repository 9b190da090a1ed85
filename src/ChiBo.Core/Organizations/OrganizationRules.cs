namespace ChiBo.Organizations;

/// <summary>Which kind may sit under which (DOMAIN.md §2).</summary>
public sealed record ParentCanContain(Organization Parent, OrgKind Kind) : IRule
{
    public string Field => nameof(Organization.ParentId);

    public string Message => $"{Parent.Name} ({Parent.Code}) không thể có tổ chức trực thuộc loại {OrganizationNames.Of(Kind)}.";

    public bool IsBroken() => !Parent.Kind.CanContain(Kind);
}

public sealed record OrganizationIsLive(Organization Org) : IRule
{
    public string Field => nameof(Organization.DissolvedOn);

    public string Message => $"{Org.Name} ({Org.Code}) đã giải thể ngày {Rules.Date(Org.DissolvedOn ?? default)}.";

    public bool IsBroken() => Org.DissolvedOn is not null;
}

public sealed record OrganizationCodeIsUnique(string Code, bool Taken) : IRule
{
    public string Field => nameof(Organization.Code);

    public string Message => $"Mã tổ chức \"{Code}\" đã được dùng.";

    public bool IsBroken() => Taken;
}

public sealed record OrganizationCodeIsGiven(string? Code) : IRule
{
    public string Field => nameof(Organization.Code);

    public string Message => "Mã tổ chức đảng không được để trống.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Code);
}

public sealed record OrganizationNameIsGiven(string? Name) : IRule
{
    public string Field => nameof(Organization.Name);

    public string Message => "Tên tổ chức đảng không được để trống.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Name);
}

/// <summary>A move may not put an organization under itself or one of its own units.</summary>
public sealed record NewParentIsOutsideTheSubtree(Organization Org, Organization NewParent) : IRule
{
    public string Field => nameof(Organization.ParentId);

    public string Message => $"Không thể chuyển {Org.Name} vào chính nó hoặc một đơn vị trực thuộc nó ({NewParent.Name}).";

    public bool IsBroken() => NewParent.Path.StartsWith(Org.Path, StringComparison.Ordinal);
}

public sealed record NewParentIsDifferent(Organization Org, Organization NewParent) : IRule
{
    public string Field => nameof(Organization.ParentId);

    public string Message => $"{Org.Name} đã trực thuộc {NewParent.Name}.";

    public bool IsBroken() => Org.ParentId == NewParent.Id;
}

public sealed record SameProvince(Organization Org, Organization Other) : IRule
{
    public string Field => nameof(Organization.ParentId);

    public string Message => $"{Other.Name} thuộc tỉnh khác.";

    public bool IsBroken() => Org.ProvinceId != Other.ProvinceId;
}

/// <summary>The tree's history is written in order: nothing in the subtree may have changed after the date.</summary>
public sealed record NoLaterChangeInTheSubtree(Organization Org, DateOnly Date, DateOnly? LatestChange) : IRule
{
    public string Field => "Date";

    public string Message =>
        $"{Org.Name} hoặc đơn vị, đảng viên trực thuộc đã có thay đổi ngày {Rules.Date(LatestChange ?? default)}, sau ngày {Rules.Date(Date)}: không thể ghi thay đổi lùi về trước.";

    public bool IsBroken() => LatestChange is { } latest && latest > Date;
}

/// <summary>Giải thể: only an organization with no current member and no live unit under it.</summary>
public sealed record DissolveNeedsNoActiveMembers(Organization Org, int ActiveMembers) : IRule
{
    public string Field => nameof(Organization.DissolvedOn);

    public string Message =>
        $"Không thể giải thể {Org.Name}: còn {ActiveMembers} đảng viên đang sinh hoạt. Hãy chuyển sinh hoạt hoặc hợp nhất vào chi bộ khác trước.";

    public bool IsBroken() => ActiveMembers > 0;
}

public sealed record DissolveNeedsNoLiveChildren(Organization Org, int LiveChildren) : IRule
{
    public string Field => nameof(Organization.DissolvedOn);

    public string Message => $"Không thể giải thể {Org.Name}: còn {LiveChildren} tổ chức trực thuộc chưa giải thể.";

    public bool IsBroken() => LiveChildren > 0;
}

/// <summary>Hợp nhất: a cell into another cell.</summary>
public sealed record MergeIsBetweenCells(Organization From, Organization Into) : IRule
{
    public string Field => nameof(Organization.Kind);

    public string Message => From.Id == Into.Id
        ? "Không thể hợp nhất một chi bộ vào chính nó."
        : $"Chỉ hợp nhất chi bộ vào chi bộ: {From.Name} là {OrganizationNames.Of(From.Kind)}, {Into.Name} là {OrganizationNames.Of(Into.Kind)}.";

    public bool IsBroken() => From.Id == Into.Id || !From.Kind.HoldsMembers() || !Into.Kind.HoldsMembers();
}

public static class OrganizationNames
{
    public static string Of(OrgKind kind) => kind switch
    {
        OrgKind.Province => "Đảng bộ tỉnh",
        OrgKind.SuperiorToBase => "Đảng bộ trực thuộc Tỉnh ủy",
        OrgKind.BaseCommittee => "Đảng bộ cơ sở",
        OrgKind.BaseCell => "Chi bộ cơ sở",
        OrgKind.SectionCommittee => "Đảng bộ bộ phận",
        OrgKind.Cell => "Chi bộ trực thuộc",
        _ => kind.ToString(),
    };
}
