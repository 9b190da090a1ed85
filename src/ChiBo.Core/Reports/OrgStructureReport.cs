using System.Globalization;
using ChiBo.Data;
using ChiBo.Organizations;

namespace ChiBo.Reports;

/// <summary>Counts named like the profile's <c>organizations</c> block.</summary>
public sealed record OrgStructure(
    string Org,
    DateOnly AsOf,
    int DirectUnits,
    int BaseCommittees,
    int BaseCells,
    int SectionCommittees,
    int Cells,
    IReadOnlyDictionary<string, int> BaseBySector);

/// <summary>Organizations of a subtree (the node included) as the tree stood on a date.</summary>
public static class OrgStructureReport
{
    public static readonly IReadOnlyList<(Sector Sector, string Name)> SectorNames =
    [
        (Sector.PartyFrontUnions, "party-front-unions"),
        (Sector.StateAgency, "state-agency"),
        (Sector.PublicService, "public-service"),
        (Sector.EnterpriseCoop, "enterprise-coop"),
        (Sector.ArmedForces, "armed-forces"),
        (Sector.Commune, "commune"),
        (Sector.Other, "other"),
    ];

    public static string NameOf(Sector sector) => SectorNames.First(s => s.Sector == sector).Name;

    public static Sector? SectorOf(string name) =>
        SectorNames.Where(s => s.Name == name).Select(s => (Sector?)s.Sector).FirstOrDefault();

    public static async Task<OrgStructure> RunAsync(ChiBoDb db, OrgLookup org, DateOnly asOf, CancellationToken ct = default)
    {
        var subtree = await AsOf.SubtreeOnAsync(db, org, asOf, ct);
        var sql = new RawSql(db);
        var d = sql.Param(asOf);
        var where = subtree is { } s ? sql.SubtreePredicate(s, "path", "province_id") : "1=0";
        var text = $"SELECT kind, sector, count(*) FROM organization_periods WHERE valid_from <= {d} AND valid_to > {d} AND {where} GROUP BY kind, sector";
        var rows = await sql.QueryAsync(text, async reader =>
        {
            var list = new List<(OrgKind Kind, Sector Sector, int Count)>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(((OrgKind)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                    (Sector)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }

            return list;
        }, ct);

        int Count(OrgKind kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Count);
        var bySector = SectorNames.ToDictionary(
            s => s.Name,
            s => rows.Where(r => r.Kind.IsBaseOrganization() && r.Sector == s.Sector).Sum(r => r.Count));
        return new OrgStructure(AsOf.Label(org), asOf, Count(OrgKind.SuperiorToBase), Count(OrgKind.BaseCommittee),
            Count(OrgKind.BaseCell), Count(OrgKind.SectionCommittee), Count(OrgKind.Cell), bySector);
    }
}
