using ChiBo.Organizations;

namespace ChiBo.Access;

/// <summary>A role held on a subtree, resolved to the subtree's current path.</summary>
public sealed record ScopedRole(Role Role, Subtree Subtree, int? OrganizationId);

/// <summary>
/// What the caller may do where: the resource every authorization check and every query for
/// people or organizations goes through. An operation is allowed on a subtree when a role that
/// grants it is held on that subtree or an ancestor.
/// </summary>
public sealed class OrgScope(int accountId, string userName, int? memberId, IReadOnlyList<ScopedRole> roles)
{
    public static readonly OrgScope Anonymous = new(0, "", null, []);

    /// <summary>For the command line and background work: everything.</summary>
    public static readonly OrgScope System = new(0, "system", null, [new ScopedRole(Role.Admin, Subtree.Everything, null)]);

    public int AccountId { get; } = accountId;
    public string UserName { get; } = userName;
    public int? MemberId { get; } = memberId;
    public IReadOnlyList<ScopedRole> Roles { get; } = roles;

    public bool IsAuthenticated => Roles.Count > 0;

    /// <summary>Somewhere in the register.</summary>
    public bool Can(string operation) => Roles.Any(r => AccessTable.Allows(r.Role, operation));

    /// <summary>On this subtree as a whole.</summary>
    public bool Can(string operation, Subtree target) =>
        Roles.Any(r => AccessTable.Allows(r.Role, operation) && Covers(r.Subtree, target));

    /// <summary>On the organization with this path (e.g. a member's cell).</summary>
    public bool Can(string operation, int provinceId, string path) => Can(operation, new Subtree(provinceId, path));

    /// <summary>
    /// The parts of <paramref name="requested"/> the caller may see for an operation: the whole
    /// of it when a grant covers it, else the granted subtrees inside it. Empty: nothing.
    /// </summary>
    public IReadOnlyList<Subtree> Visible(string operation, Subtree requested)
    {
        var granted = Roles.Where(r => AccessTable.Allows(r.Role, operation)).Select(r => r.Subtree).ToList();
        if (granted.Any(g => Covers(g, requested)))
        {
            return [requested];
        }

        return granted.Where(g => Covers(requested, g)).Distinct().ToList();
    }

    /// <summary>Where the caller's view starts for an operation: the one subtree they hold it on, or everything.</summary>
    public Subtree? Home(string operation)
    {
        var granted = Roles.Where(r => AccessTable.Allows(r.Role, operation)).Select(r => r.Subtree).Distinct().ToList();
        return granted.Where(g => granted.All(o => Covers(g, o))).Select(g => (Subtree?)g).FirstOrDefault();
    }

    public static bool Covers(Subtree outer, Subtree inner) =>
        outer.ProvinceId is null || (outer.ProvinceId == inner.ProvinceId && inner.Path.StartsWith(outer.Path, StringComparison.Ordinal));
}
