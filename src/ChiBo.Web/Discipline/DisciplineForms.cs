using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Discipline;

/// <summary>An organization a form offers as the deciding (or inspecting, or answering) level, with the bodies it has.</summary>
public sealed record LevelOption(string Code, string Name, OrgKind Kind, IReadOnlyList<DecidingBody> Bodies);

/// <summary>
/// Who a form is about, found in the caller's subtree for an operation: the member (their cell now)
/// or the organization, with the levels above that can act on them (the cell and its ancestors for
/// a member, the ancestors for an organization), root first.
/// </summary>
public sealed record FormSubject(
    DisciplineSubject Kind, int? MemberId, string? OrgCode, string Name, string Where, int Version, bool Probationary,
    MemberStatus? Status, IReadOnlyList<LevelOption> Levels);

public static class DisciplineForms
{
    public static async Task<FormSubject?> FindAsync(HttpContext http, ChiBoDb db, int? memberId, string? orgCode, string operation, CancellationToken ct)
    {
        if (memberId is { } id)
        {
            var m = await db.Members.AsNoTracking().Where(x => x.Id == id)
                .Join(db.Organizations, x => x.CellId, c => c.Id, (x, c) => new { x.Id, x.FullName, x.Version, x.OfficialOn, x.Status, c.Name, c.Path, c.ProvinceId })
                .FirstOrDefaultAsync(ct);
            if (m is null || !await http.CanAsync(operation, new Subtree(m.ProvinceId, m.Path)))
            {
                return null;
            }

            return new FormSubject(DisciplineSubject.Member, m.Id, null, m.FullName, m.Name, m.Version, m.OfficialOn is null, m.Status,
                await LevelsAsync(db, m.Path, includeSelf: true, ct));
        }

        if (string.IsNullOrWhiteSpace(orgCode))
        {
            return null;
        }

        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Code == orgCode.Trim(), ct);
        if (o is null || !await http.CanAsync(operation, Subtree.Of(o)))
        {
            return null;
        }

        var parent = o.ParentId is { } p ? await db.Organizations.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new FormSubject(DisciplineSubject.Organization, null, o.Code, o.Name, parent ?? "", o.Version, false, null,
            await LevelsAsync(db, o.Path, includeSelf: false, ct));
    }

    private static async Task<IReadOnlyList<LevelOption>> LevelsAsync(ChiBoDb db, string path, bool includeSelf, CancellationToken ct)
    {
        var ids = Subtree.Ids(path);
        if (!includeSelf)
        {
            ids = ids[..^1];
        }

        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return ids.Where(orgs.ContainsKey).Select(i => orgs[i])
            .Select(o => new LevelOption(o.Code, o.Name, o.Kind, DisciplinePolicy.BodiesOf(o.Kind)))
            .ToList();
    }

    /// <summary>"AG.01|4" → the code and body of a level choice in a form ("|5" alone is the centre).</summary>
    public static (string? Code, DecidingBody Body) ParseLevel(string? value)
    {
        var parts = (value ?? "").Split('|');
        var body = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var b) && Enum.IsDefined((DecidingBody)b)
            ? (DecidingBody)b
            : DecidingBody.Central;
        return (body == DecidingBody.Central || parts[0].Length == 0 ? null : parts[0], body);
    }

    public static string LevelValue(string? code, DecidingBody body) =>
        (code ?? "") + "|" + ((int)body).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
