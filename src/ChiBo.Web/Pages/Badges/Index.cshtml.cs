using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Badges;

/// <summary>A badge recorded at the ceremony shown.</summary>
public sealed record AwardRow(int MemberId, string FullName, string CellCode, int Years, string? DecisionNumber, bool Early);

/// <summary>
/// Huy hiệu Đảng: members of a subtree due a badge at a chosen ceremony day (milestones and early
/// award from <see cref="PartyAgePolicy"/>), and the awarding recorded member by member.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public const int ListLimit = 300;

    public DateOnly Today { get; private set; }
    public DateOnly On { get; private set; }
    public IReadOnlyList<DateOnly> Ceremonies { get; private set; } = [];
    public IReadOnlyList<BadgeDue> Due { get; private set; } = [];
    public IReadOnlyList<AwardRow> Awarded { get; private set; } = [];
    public IReadOnlyList<PosthumousDue> Posthumous { get; private set; } = [];
    public IReadOnlySet<int> Writable { get; private set; } = new HashSet<int>();
    public int? Posted { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? on, string? da, CancellationToken ct)
    {
        Done = da;
        if (!await LoadAsync(org, on, ct))
        {
            Response.StatusCode = Error is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>Not found unless the caller sees the member's cell and the page; forbidden unless they may write there.</summary>
    private async Task<IActionResult?> RefusedAsync(string? org, string? on, int member, CancellationToken ct)
    {
        var cell = await db.Members.AsNoTracking().Where(m => m.Id == member)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o).FirstOrDefaultAsync(ct);
        if (cell is null || !await HttpContext.CanAsync(Operation.MembersRead, Subtree.Of(cell)) || !await LoadAsync(org, on, ct))
        {
            return NotFound();
        }

        return await HttpContext.CanAsync(Operation.MembersWrite, Subtree.Of(cell)) ? null : Forbid();
    }

    /// <summary>Records the badge given to one member at this ceremony.</summary>
    public async Task<IActionResult> OnPostAwardAsync(string? org, string? on, int member, CancellationToken ct)
    {
        if (await RefusedAsync(org, on, member, ct) is { } refused)
        {
            return refused;
        }

        Posted = member;
        var f = new PostedForm(Request.Form, ModelState);
        var years = f.Int("Years", "Mốc huy hiệu");
        if (f.Valid)
        {
            try
            {
                var award = await ChiBo.Members.Badges.AwardAsync(db, clock, HttpContext.Actor(), member, years!.Value, On, f.Text("DecisionNumber"), f.Bool("Early"), ct);
                return Redirect($"/huy-hieu?org={Uri.EscapeDataString(Code)}&on={FormErrors.Iso(On)}&da={award.Years}");
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, ["Years", "DecisionNumber"], new Dictionary<string, string> { ["AwardedOn"] = "Years", ["Status"] = "Years" });
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(org, on, ct);
        return Page();
    }

    /// <summary>Truy tặng: the badge of a member who died at most 12 months before the milestone, on the date given.</summary>
    public async Task<IActionResult> OnPostPosthumousAsync(string? org, string? on, int member, CancellationToken ct)
    {
        if (await RefusedAsync(org, on, member, ct) is { } refused)
        {
            return refused;
        }

        Posted = member;
        var f = new PostedForm(Request.Form, ModelState);
        var (years, date) = (f.Int("Years", "Mốc huy hiệu"), f.Date("AwardedOn", "Ngày truy tặng"));
        if (f.Valid)
        {
            try
            {
                var award = await ChiBo.Members.Badges.AwardPosthumouslyAsync(db, clock, HttpContext.Actor(), member, years!.Value, date!.Value, f.Text("DecisionNumber"), ct);
                return Redirect($"/huy-hieu?org={Uri.EscapeDataString(Code)}&on={FormErrors.Iso(On)}&da={award.Years}");
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, ["Years", "AwardedOn", "DecisionNumber"]);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(org, on, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string? org, string? on, CancellationToken ct)
    {
        Today = clock.Today();
        var last = PartyAgePolicy.NextCeremony(Today.AddYears(-1));
        var days = new List<DateOnly>();
        for (var d = last; days.Count < 8; d = PartyAgePolicy.NextCeremony(d.AddDays(1)))
        {
            days.Add(d);
        }

        Ceremonies = days;
        On = PartyAgePolicy.NextCeremony(Today);
        if (!string.IsNullOrWhiteSpace(on))
        {
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) || !PartyAgePolicy.IsCeremonyDay(chosen))
            {
                ModelState.AddModelError("On", $"\"{on}\" không phải ngày trao Huy hiệu Đảng (3/2, 19/5, 2/9, 7/11).");
            }
            else
            {
                On = chosen;
            }
        }

        if (!Ceremonies.Contains(On))
        {
            Ceremonies = [.. Ceremonies, On];
        }

        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return false;
        }
        Due = await ChiBo.Members.Badges.DueAsync(db, lookup.Subtree, On, ct);
        var cells = db.Organizations.In(lookup.Subtree);
        Awarded = await db.BadgeAwards.AsNoTracking().Where(a => a.AwardedOn == On)
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { a, m })
            .Join(cells, x => x.m.CellId, o => o.Id, (x, o) => new AwardRow(x.m.Id, x.m.FullName, o.Code, x.a.Years, x.a.DecisionNumber, x.a.Early))
            .ToListAsync(ct);
        Posthumous = await ChiBo.Members.Badges.PosthumousDueAsync(db, lookup.Subtree, Today, ct: ct);
        var scope = await HttpContext.ScopeAsync();
        var codes = Due.Select(d => d.CellCode).Concat(Posthumous.Select(p => p.CellCode)).Distinct().ToList();
        var writable = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.ProvinceId, o.Path }).ToListAsync(ct);
        var canWrite = writable.Where(o => scope.Can(Operation.MembersWrite, o.ProvinceId, o.Path)).Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        Writable = Due.Where(d => canWrite.Contains(d.CellCode)).Select(d => d.MemberId)
            .Concat(Posthumous.Where(p => canWrite.Contains(p.CellCode)).Select(p => p.MemberId)).ToHashSet();
        await HttpContext.AuditReadAsync("BadgeList", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Huy hiệu Đảng – " + Name;
        ViewData["ScopeOrg"] = Code;
        return ModelState.IsValid;
    }
}
