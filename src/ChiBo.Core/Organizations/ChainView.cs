using ChiBo.Access;
using ChiBo.Data;

namespace ChiBo.Organizations;

/// <summary>
/// What a caller sees of things issued for an organization's subtree (documents, notices): what
/// was issued for an organization on the chain from the province down to the top of a subtree
/// they hold (its path's prefixes: "from above"), what was issued inside that subtree (a
/// committee oversees its cells'), and what was issued centrally (no organization, no path).
/// </summary>
public sealed record ChainView(IReadOnlyList<Subtree> Subtrees)
{
    /// <summary>The subtrees the caller holds the operation on.</summary>
    public static ChainView Of(OrgScope scope, string operation) => new(
        scope.Roles.Where(r => AccessTable.Allows(r.Role, operation)).Select(r => r.Subtree).Distinct().ToList());

    /// <summary>A member's view: their cell and the chain above it.</summary>
    public static ChainView OfCell(int provinceId, string cellPath) => new([new Subtree(provinceId, cellPath)]);

    public bool IsEmpty => Subtrees.Count == 0;

    public bool SeesEverything => Subtrees.Any(s => s.ProvinceId is null);

    /// <summary>True when a thing issued for the organization at <paramref name="orgPath"/> (null: central) is visible.</summary>
    public bool Sees(int? provinceId, string? orgPath)
    {
        if (IsEmpty)
        {
            return false;
        }

        if (orgPath is null || SeesEverything)
        {
            return true;
        }

        return Subtrees.Any(s => s.ProvinceId == provinceId
            && (s.Path.StartsWith(orgPath, StringComparison.Ordinal) || orgPath.StartsWith(s.Path, StringComparison.Ordinal)));
    }

    /// <summary>"/1/12/345/" → "/1/", "/1/12/", "/1/12/345/": the organization and those above it.</summary>
    public static IReadOnlyList<string> ChainOf(string path)
    {
        var list = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            list.Add(path[..(i + 1)]);
        }

        return list;
    }

    /// <summary>
    /// The same test in SQL over a province column and the issuing organization's current path
    /// (null for central rows, from a LEFT JOIN): one equality list for the chain above, one index
    /// range for the subtree below, per subtree held.
    /// </summary>
    public string Predicate(RawSql sql, string provinceColumn, string pathColumn)
    {
        if (IsEmpty)
        {
            return "1=0";
        }

        if (SeesEverything)
        {
            return "1=1";
        }

        var parts = Subtrees.Select(s =>
        {
            var chain = string.Join(", ", ChainOf(s.Path).Select(p => sql.Param(p)));
            return $"({provinceColumn} = {sql.Param(s.ProvinceId!.Value)} AND ({pathColumn} IN ({chain}) OR ({pathColumn} >= {sql.Param(s.Path)} AND {pathColumn} < {sql.Param(s.UpperBound)})))";
        });
        return $"({pathColumn} IS NULL OR {string.Join(" OR ", parts)})";
    }
}
