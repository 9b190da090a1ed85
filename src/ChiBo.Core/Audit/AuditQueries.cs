using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Audit;

public sealed record AuditFilter(int? MemberId, int? OrganizationId, string? Actor, int Page);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditLine> Items);

/// <summary>
/// One line of the log as a caller may read it: <see cref="Changes"/> with the values of sensitive
/// fields (ethnicity, religion, CCCD, the profile and package JSON) and of discipline masked where
/// the caller may not see them on the person's cell. The chain's hashes are left to
/// <c>chibo audit verify</c>: a hash over a masked CCCD would let one try the few million
/// possible numbers until one matches.
/// </summary>
public sealed record AuditLine(
    long Id, int Chain, long Seq, DateTimeOffset At, string Actor, string? ActorAddress, string Action, string EntityType,
    string? EntityId, int? MemberId, int? OrganizationId, string? Changes, string? Reason, string? DecisionNumber);

public static partial class AuditQueries
{
    public const int PageSize = 100;

    /// <summary>A province's root organization: its path holds its own id alone ("/12/").</summary>
    private static bool IsProvinceRoot(Subtree subtree) => Subtree.Ids(subtree.Path).Length == 1;

    /// <summary>
    /// Lines the caller may read: every chain for a grant on the whole register, a province's
    /// chain for a grant on the province's root; for a grant below the root, only the lines about
    /// the organizations of that subtree and the members whose cell is in it (sign-ins, accounts
    /// and the province's own lines are the root's business).
    /// </summary>
    public static async Task<AuditPage> ReadAsync(ChiBoDb db, OrgScope scope, AuditFilter filter, CancellationToken ct)
    {
        var grants = scope.Roles.Where(r => AccessTable.Allows(r.Role, Operation.AuditRead)).Select(r => r.Subtree).Distinct().ToList();
        var q = db.AuditEntries.AsNoTracking();
        if (!grants.Any(g => g.ProvinceId is null))
        {
            var wholeChains = grants.Where(IsProvinceRoot).Select(g => g.ProvinceId!.Value).Distinct().ToList();
            var below = grants.Where(g => !IsProvinceRoot(g) && !wholeChains.Contains(g.ProvinceId!.Value)).ToList();
            var visible = q.Where(e => wholeChains.Contains(e.Chain));
            foreach (var subtree in below)
            {
                var orgs = db.Organizations.In(subtree).Select(o => o.Id);
                var members = db.Members.Where(m => orgs.Contains(m.CellId)).Select(m => m.Id);
                var province = subtree.ProvinceId!.Value;
                visible = visible.Union(q.Where(e => e.Chain == province
                    && ((e.OrganizationId != null && orgs.Contains(e.OrganizationId.Value)) || (e.MemberId != null && members.Contains(e.MemberId.Value)))));
            }

            q = visible;
        }

        if (filter.MemberId is { } member)
        {
            q = q.Where(e => e.MemberId == member);
        }

        if (filter.OrganizationId is { } org)
        {
            q = q.Where(e => e.OrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            q = q.Where(e => e.Actor == actor);
        }

        var page = Math.Max(1, filter.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var sights = await SightsAsync(db, scope, items, ct);
        return new AuditPage(total, page, PageSize, items.Select(e => Line(e, sights(e))).ToList());
    }

    /// <summary>Masks a value the caller may not read, keeping that there was one.</summary>
    public const string Masked = "***";

    /// <summary>Columns whose values are sensitive personal data wherever they appear (Nghị định 13/2023/NĐ-CP).</summary>
    private static readonly HashSet<string> SensitiveColumns = new(StringComparer.Ordinal)
    {
        nameof(Member.Cccd), nameof(Member.Ethnicity), nameof(Member.Religion), nameof(MemberPeriod.Minority), nameof(MemberPeriod.Religious),
        nameof(Admission.Candidate.ProfileJson), nameof(Transfers.PartyTransfer.PackageJson), nameof(Procedures.ProcedureRequest.Payload),
    };

    /// <summary>Entities that are discipline content as a whole.</summary>
    private static readonly HashSet<string> DisciplineEntities = new(StringComparer.Ordinal)
    {
        nameof(Discipline.InspectionCase), nameof(Discipline.DisciplineDecision), nameof(Discipline.DisciplineAppeal),
    };

    public static AuditLine Line(AuditEntry e, MemberSight sight) => new(
        e.Id, e.Chain, e.Seq, e.At, e.Actor, e.ActorAddress, e.Action, e.EntityType, e.EntityId, e.MemberId, e.OrganizationId,
        Mask(e.EntityType, e.Changes, sight), e.Reason, e.DecisionNumber);

    /// <summary>The changes of one line as <paramref name="sight"/> allows: a JSON object of [before, after] pairs, or the text of a read.</summary>
    public static string? Mask(string entityType, string? changes, MemberSight sight)
    {
        if (changes is null || (sight.Sensitive && sight.Discipline))
        {
            return changes;
        }

        if (!sight.Discipline && DisciplineEntities.Contains(entityType))
        {
            return Masked;
        }

        JsonObject? pairs = null;
        try
        {
            pairs = changes.StartsWith('{') ? JsonNode.Parse(changes) as JsonObject : null;
        }
        catch (JsonException)
        {
            // Not a write's pairs: a read's or an export's text, masked below.
        }

        if (pairs is null)
        {
            return sight.Sensitive ? changes : CccdNumber().Replace(changes, Masked);
        }

        var disciplineEvent = entityType == nameof(MemberEvent) && pairs[nameof(MemberEvent.Kind)] is JsonArray kind
            && kind.Any(k => k is JsonValue v && v.TryGetValue<int>(out var code)
                && (MemberTimeline.DisciplineEvents.Contains((MemberEventKind)code) || MemberTimeline.DisciplineTexts.Contains((MemberEventKind)code)));
        foreach (var (name, value) in pairs.ToList())
        {
            if (value is not JsonArray pair)
            {
                continue;
            }

            var hide = (!sight.Sensitive && SensitiveColumns.Contains(name))
                       || (!sight.Discipline && disciplineEvent && name is nameof(MemberEvent.Reason) or nameof(MemberEvent.Details));
            for (var i = 0; i < pair.Count; i++)
            {
                if (pair[i] is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    pair[i] = hide ? Masked : sight.Sensitive ? text : CccdNumber().Replace(MemberTimeline.Redact(text)!, Masked);
                }
                else if (hide && pair[i] is not null)
                {
                    pair[i] = Masked;
                }
            }
        }

        return pairs.ToJsonString(Json);
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Twelve digits on their own: a CCCD number in a free text (a search in a read line, a note).</summary>
    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex CccdNumber();

    /// <summary>
    /// What the caller may see of each line's person: the member's cell now for a line about a
    /// member, else the organization's (a candidate's cell, an organization), else nothing sensitive.
    /// </summary>
    private static async Task<Func<AuditEntry, MemberSight>> SightsAsync(ChiBoDb db, OrgScope scope, IReadOnlyList<AuditEntry> items, CancellationToken ct)
    {
        var memberIds = items.Where(e => e.MemberId != null).Select(e => e.MemberId!.Value).Distinct().ToList();
        var orgIds = items.Where(e => e.OrganizationId != null).Select(e => e.OrganizationId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => new { m.Id, o.ProvinceId, o.Path })
            .ToDictionaryAsync(x => x.Id, x => MemberSight.On(scope, new Subtree(x.ProvinceId, x.Path)), ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ProvinceId, o.Path })
            .ToDictionaryAsync(x => x.Id, x => MemberSight.On(scope, new Subtree(x.ProvinceId, x.Path)), ct);
        var everything = MemberSight.On(scope, Subtree.Everything);
        return e => e.MemberId is { } m && members.TryGetValue(m, out var ms) ? ms
            : e.OrganizationId is { } o && orgs.TryGetValue(o, out var os) ? os
            : everything;
    }
}
