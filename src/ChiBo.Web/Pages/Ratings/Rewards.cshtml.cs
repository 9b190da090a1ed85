using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>One choice of whom to reward: "o:CODE" an organization, "m:ID" a member.</summary>
public sealed record RewardSubjectChoice(string Value, string Label, bool Member);

/// <summary>
/// Khen thưởng of a subtree's year, organizations and members (form, level, decision), the form to
/// add one — by a body the caller acts as, which <see cref="RatingCommands.RewardAsync"/> holds to
/// the forms its level gives — and an .xlsx of the list.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class RewardsModel(ChiBoDb db, TimeProvider clock) : RatingYearPageModel(db, clock)
{
    public const string Path = "/xep-loai/khen-thuong";

    /// <summary>How many organizations the subject choice lists (a larger subtree is worked on level by level).</summary>
    public const int ChoiceLimit = 300;

    public IReadOnlyList<RewardRow> Rewards { get; private set; } = [];

    /// <summary>The bodies the caller acts as: the deciding level of a reward.</summary>
    public IReadOnlyList<(string Code, string Name)> Deciders { get; private set; } = [];

    public IReadOnlyList<RewardSubjectChoice> Subjects { get; private set; } = [];

    /// <summary>The subject chosen beforehand (?member= from the list of outstanding members).</summary>
    public string? Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? year, int? member, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, year, member, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return Page();
        }

        var rows = await RatingQueries.RewardsAsync(Db, Lookup, Year, ct);
        return Xlsx(s => RatingExport.WriteRewards(Year, rows, s), "khen-thuong");
    }

    private static readonly string[] Inputs = ["Subject", "DecidingOrg", "Form", "Title", "DecisionNumber", "DecidedOn"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["MemberId"] = "Subject", ["OrganizationId"] = "Subject", ["Organization"] = "Subject", ["DecidingOrgId"] = "DecidingOrg",
    };

    public Task<IActionResult> OnPostAddAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync("reward-add", Inputs, Aliases, () => LoadAsync(org, year, null, ct), async (c, f) =>
        {
            var date = f.Date("DecidedOn", "Ngày quyết định");
            var form = f.Text("Form") is { } text && Enum.TryParse<RewardForm>(text, out var parsed) ? parsed : (RewardForm)0;
            if (!f.Valid)
            {
                return false;
            }

            var subject = f.Text("Subject") ?? "";
            int? memberId = subject.StartsWith("m:", StringComparison.Ordinal) && int.TryParse(subject[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
            int? orgId = subject.StartsWith("o:", StringComparison.Ordinal) ? await OrgIdAsync(subject[2..], ct) : null;
            await c.RewardAsync(new RewardInput(memberId, orgId, Year, form, f.Text("Title") ?? "", await OrgIdAsync(f.Text("DecidingOrg"), ct), f.Text("DecisionNumber") ?? "", date!.Value), ct);
            return true;
        }, () => Link(Path, extra: "&da=add#danh-sach"), ct);

    private async Task<bool> LoadAsync(string? org, string? year, int? member, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return false;
        }

        Rewards = await RatingQueries.RewardsAsync(Db, Lookup, Year, ct);
        var scope = await HttpContext.ScopeAsync();
        var acting = scope.Roles.Where(r => r.OrganizationId is not null && AccessTable.Allows(r.Role, Operation.RatingsWrite)).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        Deciders = (await Db.Organizations.AsNoTracking().Where(o => acting.Contains(o.Id)).OrderBy(o => o.Path).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .Select(o => (o.Code, o.Name)).ToList();
        if (Deciders.Count > 0)
        {
            await SubjectsAsync(member, ct);
        }

        ViewData["Title"] = $"Khen thưởng năm {Year} – {Name}";
        return true;
    }

    /// <summary>The organizations of the subtree and the members rated HTXSNV in the year (and the one asked for), as choices.</summary>
    private async Task SubjectsAsync(int? member, CancellationToken ct)
    {
        var subtree = Lookup.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var orgs = await Db.Organizations.AsNoTracking()
            .Where(o => (subtree.ProvinceId == null || o.ProvinceId == subtree.ProvinceId) && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0 && o.DissolvedOn == null)
            .OrderBy(o => o.Path).Take(ChoiceLimit).Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        var outstanding = await RatingQueries.OutstandingAsync(Db, Lookup, Year, ct);
        var choices = outstanding.Members.Select(m => new RewardSubjectChoice("m:" + m.MemberId.ToString(CultureInfo.InvariantCulture), $"{m.FullName} ({m.CellName})", true)).ToList();
        if (member is { } id && choices.All(c => c.Value != "m:" + id.ToString(CultureInfo.InvariantCulture)))
        {
            var scope = await HttpContext.ScopeAsync();
            var found = await Db.Members.AsNoTracking().Where(m => m.Id == id)
                .Join(Db.Organizations, m => m.CellId, o => o.Id, (m, o) => new { m.FullName, m.ProvinceId, o.Name, o.Path }).FirstOrDefaultAsync(ct);
            if (found is not null && scope.Can(Operation.RatingsRead, found.ProvinceId, found.Path) && OrgScope.Covers(subtree, new Subtree(found.ProvinceId, found.Path)))
            {
                choices.Insert(0, new RewardSubjectChoice("m:" + id.ToString(CultureInfo.InvariantCulture), $"{found.FullName} ({found.Name})", true));
            }
        }

        Chosen = member is { } chosen ? "m:" + chosen.ToString(CultureInfo.InvariantCulture) : null;
        Subjects = choices.Concat(orgs.Select(o => new RewardSubjectChoice("o:" + o.Code, o.Name, false))).ToList();
    }
}
