using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Web.Access;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Reports;

public static class ReportsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/member-structure", MemberStructureAsync).Requires(Operation.ReportsRead);
        group.MapGet("/org-structure", OrgStructureAsync).Requires(Operation.ReportsRead);
        group.MapGet("/movements", MovementsAsync).Requires(Operation.ReportsRead);
        group.MapGet("/meetings", MeetingsAsync).Requires(Operation.ReportsRead);
        group.MapGet("/ratings", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? fromYear, string? toYear, CancellationToken ct) =>
            RatingsAsync(http, db, clock, org, fromYear, toYear, (lookup, from, to) => RatingReport.RunAsync(db, lookup, from, to, ct))).Requires(Operation.ReportsRead);
        group.MapGet("/ratings/summary", (HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? fromYear, string? toYear, CancellationToken ct) =>
            RatingsAsync(http, db, clock, org, fromYear, toYear, (lookup, from, to) => RatingReport.SummaryAsync(db, lookup, from, to, ct))).Requires(Operation.ReportsRead);
        group.MapGet("/committees", CommitteesAsync).Requires(Operation.ReportsRead);
    }

    private static async Task<Results<Ok<MemberStructure>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> MemberStructureAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, string? ageBands, CancellationToken ct)
    {
        if (!TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        IReadOnlyList<AgeBand> bands;
        try
        {
            bands = AgeBand.ParseList(ageBands);
        }
        catch (FormatException e)
        {
            return Problems.Field("ageBands", e.Message);
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        return TypedResults.Ok(await MemberStructureReport.RunAsync(db, lookup, date, bands, await http.ScopeAsync(), ct));
    }

    /// <summary>Composition of a level's committees in a subtree on a date (same JSON as <c>chibo report committees</c>).</summary>
    private static async Task<Results<Ok<CommitteeStructure>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> CommitteesAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? level, string? asOf, string? ageBands, CancellationToken ct)
    {
        if (!TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        if (CommitteeLevel.Parse(level) is not { } committeeLevel)
        {
            return Problems.Field("level", $"Cấp \"{level}\" không hợp lệ: cần province, commune, base hoặc villageCell.");
        }

        IReadOnlyList<AgeBand> bands;
        try
        {
            bands = AgeBand.ParseList(ageBands);
        }
        catch (FormatException e)
        {
            return Problems.Field("ageBands", e.Message);
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        return lookup.Found ? TypedResults.Ok(await CommitteeComposition.RunAsync(db, lookup, committeeLevel, date, bands, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<OrgStructure>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> OrgStructureAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? asOf, CancellationToken ct)
    {
        if (!TryDate(asOf, clock.Today(), "asOf", out var date, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        return lookup.Found ? TypedResults.Ok(await OrgStructureReport.RunAsync(db, lookup, date, ct)) : Problems.NoOrg(org);
    }

    private static async Task<Results<Ok<Movements>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> MovementsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? from, string? to, CancellationToken ct)
    {
        var today = clock.Today();
        if (!TryDate(from, new DateOnly(today.Year, 1, 1), "from", out var start, out var bad)
            || !TryDate(to, today, "to", out var end, out bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        return lookup.Found ? TypedResults.Ok(await MovementsReport.RunAsync(db, lookup, start, end, ct)) : Problems.NoOrg(org);
    }

    /// <summary>Cell-life compliance (Chỉ thị 50-CT/TW) of a subtree for a year; <c>detail=true</c> adds the per-cell rows.</summary>
    private static async Task<Results<Ok<MeetingCompliance>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> MeetingsAsync(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? year, bool? detail, CancellationToken ct)
    {
        var today = clock.Today();
        var y = today.Year;
        if (!string.IsNullOrWhiteSpace(year)
            && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y is < 1930 or > 9998))
        {
            return Problems.Field("year", $"Năm \"{year}\" không hợp lệ.");
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        if (!lookup.Found)
        {
            return Problems.NoOrg(org);
        }

        var report = await ComplianceReport.RunAsync(db, lookup, y, today, ct: ct);
        return TypedResults.Ok(detail == true ? report : report.Summary());
    }

    /// <summary>
    /// Ratings of a subtree for a range of years: the three series per year (the contract of
    /// <c>chibo report ratings</c>), or the range as one figure (<c>/summary</c>).
    /// </summary>
    private static async Task<Results<Ok<T>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> RatingsAsync<T>(
        HttpContext http, ChiBoDb db, TimeProvider clock, string? org, string? fromYear, string? toYear, Func<OrgLookup, int, int, Task<T>> run)
    {
        if (!TryYears(fromYear, toYear, clock.Today(), out var from, out var to, out var bad))
        {
            return bad;
        }

        var lookup = await http.FindAsync(db, org, Operation.ReportsRead);
        return lookup.Found ? TypedResults.Ok(await run(lookup, from, to)) : Problems.NoOrg(org);
    }

    /// <summary>fromYear–toYear: by default the five years up to last year; at most 50 years.</summary>
    private static bool TryYears(string? fromText, string? toText, DateOnly today, out int from, out int to, out BadRequest<ProblemDetails> bad)
    {
        bad = null!;
        to = today.Year - 1;
        from = to - 4;
        if (!string.IsNullOrWhiteSpace(toText) && (!int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to is < 1930 or > 9998))
        {
            bad = Problems.Field("toYear", $"Năm \"{toText}\" không hợp lệ.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(fromText))
        {
            from = to - 4;
        }
        else if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from is < 1930 or > 9998)
        {
            bad = Problems.Field("fromYear", $"Năm \"{fromText}\" không hợp lệ.");
            return false;
        }

        if (from > to || to - from >= 50)
        {
            bad = Problems.Field("fromYear", "Từ năm phải không sau đến năm, và cách nhau dưới 50 năm.");
            return false;
        }

        return true;
    }


    /// <summary>A yyyy-MM-dd query value, or the fallback when absent; a 400 naming the field when malformed.</summary>
    internal static bool TryDate(string? text, DateOnly fallback, string field, out DateOnly date, out BadRequest<ProblemDetails> bad)
    {
        bad = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        bad = Problems.Field(field, $"Ngày \"{text}\" không hợp lệ: cần dạng yyyy-MM-dd.");
        return false;
    }

}
