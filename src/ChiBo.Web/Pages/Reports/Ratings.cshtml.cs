using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Organizations;
using ChiBo.Web.Ratings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Reports;

/// <summary>A direct unit's three series in the year looked at, for the drill-down.</summary>
public sealed record RatingUnit(string Code, string Name, OrgKind Kind, RatingYear Figures);

/// <summary>
/// Báo cáo đánh giá, xếp loại of any subtree over a range of years: the three series (TCCSĐ, chi bộ
/// trực thuộc, đảng viên) per year with the count per level and the share "hoàn thành tốt nhiệm vụ
/// trở lên" of those rated, the multi-year mean and pooled ratio (labelled), a chart of the years,
/// the direct units of one year with a link one level down, and — for callers who read ratings one
/// by one — that year's follow-up (KHTNV) and outstanding (HTXSNV) lists; "bốn tốt" counts; an .xlsx export.
/// </summary>
[Requires(Operation.ReportsRead)]
public sealed class RatingsModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    /// <summary>How many names a list shows before saying how many more.</summary>
    public const int ListLimit = 100;

    public const int MaxYears = 30;

    public int FromYear { get; private set; }
    public int ToYear { get; private set; }

    /// <summary>The year of the drill-down and the lists.</summary>
    public int Year { get; private set; }

    public RatingsReport? Report { get; private set; }
    public RatingsSummary? Summary { get; private set; }
    public IReadOnlyList<RatingUnit> Units { get; private set; } = [];
    public IReadOnlyList<OrgCrumb> Crumbs { get; private set; } = [];
    public FollowUpList? FollowUp { get; private set; }
    public OutstandingList? Outstanding { get; private set; }
    public FourGoodList? FourGood { get; private set; }

    /// <summary>The caller reads ratings one by one here (Ratings.Read): the lists of names are shown.</summary>
    public bool SeesNames { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? fromYear, string? toYear, string? year, CancellationToken ct)
    {
        if (await FindAsync(org, fromYear, toYear, year, ct) is not { } lookup)
        {
            return Page();
        }

        Report = await RatingReport.RunAsync(db, lookup, FromYear, ToYear, ct);
        Summary = await RatingReport.SummaryAsync(db, lookup, FromYear, ToYear, ct);
        Units = await UnitsAsync(ct);
        Crumbs = Org is { } o ? await OrgTree.AncestorsAsync(db, await HttpContext.SubtreeAsync(Operation.ReportsRead), o, ct) : [];
        var scope = await HttpContext.ScopeAsync();
        SeesNames = lookup.Organization is { } self ? scope.Can(Operation.RatingsRead, Subtree.Of(self)) : scope.Can(Operation.RatingsRead, lookup.Subtree);
        if (SeesNames)
        {
            FollowUp = await RatingQueries.FollowUpAsync(db, lookup, Year, ct);
            Outstanding = await RatingQueries.OutstandingAsync(db, lookup, Year, ct);
            await HttpContext.AuditReadAsync("RatingFollowUp", Org?.ProvinceId, null, Org?.Id);
        }

        FourGood = await RatingQueries.FourGoodAsync(db, lookup, Year, ct);
        ViewData["Title"] = $"Đánh giá, xếp loại {FromYear}–{ToYear} – {Name}";
        ViewData["ScopeOrg"] = Code;
        return Page();
    }

    /// <summary>The results as .xlsx: the series per year, the organizations', the members' (names, as the lists: Ratings.Read).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? fromYear, string? toYear, CancellationToken ct)
    {
        if (await FindAsync(org, fromYear, toYear, null, ct) is not { } lookup)
        {
            return Page();
        }

        var scope = await HttpContext.ScopeAsync();
        if (!(lookup.Organization is { } self ? scope.Can(Operation.RatingsRead, Subtree.Of(self)) : scope.Can(Operation.RatingsRead, lookup.Subtree)))
        {
            return Forbid();
        }

        await HttpContext.AuditReadAsync("RatingExport", Org?.ProvinceId, null, Org?.Id);
        using var buffer = new MemoryStream();
        await RatingExport.WriteAsync(db, lookup, FromYear, ToYear, buffer, ct);
        return File(buffer.ToArray(), RatingsApi.XlsxType, string.Create(CultureInfo.InvariantCulture, $"xep-loai-{Code}-{FromYear}-{ToYear}.xlsx"));
    }

    private async Task<OrgLookup?> FindAsync(string? org, string? fromYear, string? toYear, string? year, CancellationToken ct)
    {
        var today = clock.Today();

        // The last year whose review is over by default, and the four before it (a plan's term).
        var to = ParseYear(toYear, "Đến năm", today.Year - 1);
        var from = ParseYear(fromYear, "Từ năm", (to ?? today.Year - 1) - 4);
        var at = ParseYear(year, "Năm xem chi tiết", to ?? today.Year - 1);
        if (from is null || to is null || at is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        (FromYear, ToYear, Year) = (from.Value, to.Value, at.Value);
        if (FromYear > ToYear || ToYear - FromYear >= MaxYears || Year < FromYear || Year > ToYear)
        {
            Error = FromYear > ToYear ? $"Từ năm {FromYear} phải không sau đến năm {ToYear}."
                : ToYear - FromYear >= MaxYears ? $"Chỉ xem tối đa {MaxYears} năm một lần."
                : $"Năm xem chi tiết {Year} phải nằm trong {FromYear}–{ToYear}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return await FindSubtreeAsync(db, org, Operation.ReportsRead);
    }

    private int? ParseYear(string? text, string label, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1930 and <= 9998)
        {
            return y;
        }

        Error ??= $"{label} \"{text}\" không hợp lệ.";
        return null;
    }

    /// <summary>The units directly under the organization (the provinces, for the whole register), each with its series of the year.</summary>
    private async Task<IReadOnlyList<RatingUnit>> UnitsAsync(CancellationToken ct)
    {
        var children = Org is { } o
            ? await db.Organizations.AsNoTracking().Where(c => c.ParentId == o.Id && c.ProvinceId == o.ProvinceId).OrderBy(c => c.Path).ToListAsync(ct)
            : await db.Organizations.AsNoTracking().Where(c => c.Kind == OrgKind.Province).OrderBy(c => c.Code).ToListAsync(ct);
        var units = new List<RatingUnit>();
        foreach (var c in children)
        {
            var y = (await RatingReport.RunAsync(db, new OrgLookup(true, c), Year, Year, ct)).Years.Values.Single();
            if (c.DissolvedOn is null || y.Organizations.Rated + y.Cells.Rated + y.Members.Rated + y.Members.NotRated > 0)
            {
                units.Add(new RatingUnit(c.Code, c.Name, c.Kind, y));
            }
        }

        return units;
    }

    public string Link(string code, int? year = null) => string.Create(CultureInfo.InvariantCulture,
        $"/bao-cao/xep-loai?org={Uri.EscapeDataString(code)}&fromYear={FromYear}&toYear={ToYear}&year={year ?? Year}");
}
