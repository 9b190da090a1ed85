using System.Globalization;
using System.Text.Json;
using ChiBo.Cli;
using ChiBo.Generation;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Generation;

/// <summary>
/// chibo seed, then the three reports through the command line: every number of the profile comes
/// back (the mean age within 0.1), on SQLite and on PostgreSQL.
/// </summary>
public sealed class SeedRoundTripTests
{
    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ChiBoCli.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string ProfileFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "chibo-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<JsonElement> Report(TestDatabase db, params string[] args)
    {
        var (code, output, error) = await Cli(["report", .. args, "--db", db.Target.ConnectionString, "--format", "json"]);
        code.ShouldBe(0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static async Task CheckReportsAsync(TestDatabase db, ProvinceProfile profile, string org)
    {
        var asOf = profile.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bands = string.Join(",", profile.AgeBands.Select(b => b.Band.Label));
        var members = await Report(db, "member-structure", "--org", org, "--as-of", asOf, "--age-bands", bands);
        members.GetProperty("total").GetInt32().ShouldBe(profile.Total);
        if (profile.MeanAge is { } mean)
        {
            members.GetProperty("meanAge").GetDecimal().ShouldBeInRange(mean - 0.1m, mean + 0.1m);
        }

        var dimensions = members.GetProperty("dimensions");
        foreach (var (dimension, counts) in profile.Dimensions)
        {
            foreach (var (category, count) in counts)
            {
                dimensions.GetProperty(dimension).GetProperty(category).GetInt32().ShouldBe(count, $"{dimension}.{category}");
            }
        }

        foreach (var (band, count) in profile.AgeBands)
        {
            dimensions.GetProperty(MemberDimensions.AgeBand).GetProperty(band.Label).GetInt32().ShouldBe(count, band.Label);
        }

        var orgs = await Report(db, "org-structure", "--org", org, "--as-of", asOf);
        var o = profile.Organizations;
        orgs.GetProperty("directUnits").GetInt32().ShouldBe(o.DirectUnits);
        orgs.GetProperty("baseCommittees").GetInt32().ShouldBe(o.BaseCommittees);
        orgs.GetProperty("baseCells").GetInt32().ShouldBe(o.BaseCells);
        orgs.GetProperty("sectionCommittees").GetInt32().ShouldBe(o.SectionCommittees);
        orgs.GetProperty("cells").GetInt32().ShouldBe(o.Cells);
        foreach (var (sector, count) in o.BaseBySector)
        {
            orgs.GetProperty("baseBySector").GetProperty(OrgStructureReport.NameOf(sector)).GetInt32().ShouldBe(count, sector.ToString());
        }

        await CheckRatingsAsync(db, profile, org);

        foreach (var period in profile.Periods)
        {
            var movements = await Report(db, "movements", "--org", org,
                "--from", period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--to", period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var name in MovementsReport.Names.Where(n => n != "recognizedOfficial"))
            {
                // Kinds a period does not state have the parser's plausible defaults, and come back as such.
                movements.GetProperty("counts").GetProperty(name).GetInt32().ShouldBe(period[name], name);
            }
        }
    }

    /// <summary>
    /// chibo report ratings over the years generated (the five to the last review, and every stated one):
    /// each stated share comes back to its precision — rounded and truncated alike — in its series;
    /// the years and series the profile leaves out have plausible shares of everyone in the round.
    /// </summary>
    private static async Task CheckRatingsAsync(TestDatabase db, ProvinceProfile profile, string org)
    {
        var last = profile.AsOf >= new DateOnly(profile.AsOf.Year, 12, 1) ? profile.AsOf.Year : profile.AsOf.Year - 1;
        var from = Math.Min(last - 4, profile.Ratings.Years.DefaultIfEmpty(last).Min());
        var report = await Report(db, "ratings", "--org", org, "--from-year", from.ToString(CultureInfo.InvariantCulture), "--to-year", last.ToString(CultureInfo.InvariantCulture));
        report.GetProperty("org").GetString().ShouldBe(org);
        var years = report.GetProperty("years");
        years.EnumerateObject().Select(y => y.Name).ShouldBe(Enumerable.Range(from, last - from + 1).Select(y => y.ToString(CultureInfo.InvariantCulture)));
        foreach (var year in Enumerable.Range(last - 4, 5))
        {
            foreach (var series in RatingHistory.SeriesNames)
            {
                var s = years.GetProperty(year.ToString(CultureInfo.InvariantCulture)).GetProperty(series);
                var (rated, good) = (s.GetProperty("rated").GetInt32(), s.GetProperty("goodOrAbove").GetInt32());
                var levels = s.GetProperty("levels");
                (levels.GetProperty("HTXSNV").GetInt32() + levels.GetProperty("HTTNV").GetInt32()).ShouldBe(good);
                (good + levels.GetProperty("HTNV").GetInt32() + levels.GetProperty("KHTNV").GetInt32()).ShouldBe(rated);
                if (profile.Ratings.Stated(series, year) is not { } stated || profile.Ratings.Approximate)
                {
                    if (rated > 0)
                    {
                        s.GetProperty("share").GetDecimal().ShouldBeInRange(0.70m, 1m, $"{series} {year}");
                    }

                    continue;
                }

                stated.MetBy(good, rated).ShouldBeTrue($"{org} {series} {year}: {good}/{rated} for {stated}");
                var share = s.GetProperty("share").GetDecimal();
                (decimal.Round(share, stated.Decimals), decimal.Truncate(share * stated.Unit) / stated.Unit).ShouldBe((stated.Value, stated.Value), $"{series} {year}");
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_AnGiangAndHaGiang_ReportsGiveBackTheProfiles(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        foreach (var file in new[] { "an-giang.json", "ha-giang.json" })
        {
            // The structure reports are what this checks: cell life (4 M roll-call lines for An Giang) is left out.
            var (code, output, error) = await Cli("seed", "--profile", ProfileFile(DemoProvince.ProfileJson(file)), "--db", db.Target.ConnectionString, "--no-meetings");
            code.ShouldBe(0, error);
            output.ShouldContain("Đã tạo 1 tỉnh");
            output.ShouldNotContain("Sinh hoạt chi bộ");
        }

        // Two provinces in one database: each one's subtree by its code.
        var anGiang = DemoProvince.Profile("an-giang.json");
        anGiang.Periods.Single()["disciplinedMembers"].ShouldBe(2127);
        anGiang.Periods.Single()["disciplinedOrganizations"].ShouldBe(90);
        await CheckReportsAsync(db, anGiang, "AG");
        await CheckReportsAsync(db, DemoProvince.Profile("ha-giang.json"), "HG");

        // 000 fn 3–5 as printed, to the hundredth of a percent: 96,58 % of TCCSĐ in 2021 is 0.9658.
        var years = (await Report(db, "ratings", "--org", "AG", "--from-year", "2021", "--to-year", "2025")).GetProperty("years");
        string Share(string year, string series) => years.GetProperty(year).GetProperty(series).GetProperty("share").GetRawText();
        new[] { "2021", "2022", "2023", "2024", "2025" }.Select(y => (Share(y, "organizations"), Share(y, "cells"), Share(y, "members"))).ShouldBe([
            ("0.9658", "0.9480", "0.8862"), ("0.9387", "0.9441", "0.8991"), ("0.9457", "0.9602", "0.9014"),
            ("0.9701", "0.9741", "0.9174"), ("0.9896", "0.9917", "0.9248")]);

        // The plans' "bình quân hằng năm" (000:52, 000:76) is the mean of the yearly shares: 96,20; 96,36; 90,58.
        var summary = await Report(db, "ratings-summary", "--org", "AG", "--from-year", "2021", "--to-year", "2025");
        RatingHistory.SeriesNames.Select(n => summary.GetProperty(n).GetProperty("meanOfYearlyShares").GetDecimal()).ShouldBe([0.9620m, 0.9636m, 0.9058m]);
        summary.GetProperty("members").GetProperty("pooledShare").GetDecimal().ShouldBeInRange(0.90m, 0.91m);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_ScaledDownAndCopies_EachProvinceGivesBackTheScaledProfile(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = ProfileFile(DemoProvince.ProfileJson("an-giang.json"));
        (await Cli("seed", "--profile", file, "--scale", "0.02", "--seed", "9", "--db", db.Target.ConnectionString)).Code.ShouldBe(0);
        (await Cli("seed", "--profile", file, "--scale", "0.02", "--seed", "10", "--db", db.Target.ConnectionString)).Code.ShouldBe(0);
        var scaled = DemoProvince.Profile("an-giang.json").Scale(0.02);

        // The second run finds AG taken and becomes AG02, with ids after the first.
        await CheckReportsAsync(db, scaled, "AG");
        await CheckReportsAsync(db, scaled, "AG02");

        var small = ProfileFile("""
            { "name": "Đảng bộ tỉnh Thử", "code": "TS", "asOf": "2024-06-30", "members": { "total": 900, "dimensions": { "status": { "probationary": "4%" } } },
              "history": { "periods": [ { "from": "2023-01-01", "to": "2023-12-31", "admitted": 60, "transferredIn": 10, "transferredOut": 7, "expelled": 2, "died": 5 } ],
                           "ratedGoodOrAbove": { "cells": { "2022": "97%" }, "members": { "2023": "91.5%" } } } }
            """);
        var (code, output, _) = await Cli("seed", "--profile", small, "--scale", "2", "--db", db.Target.ConnectionString);
        code.ShouldBe(0);
        output.ShouldContain("TS, TS02");
        var profile = ProvinceProfile.Load(small);
        await CheckReportsAsync(db, profile, "TS");
        await CheckReportsAsync(db, profile with { Code = "TS02" }, "TS02");

        // Each province has its cell life of last year and this year, written after what was there.
        await using var context = db.Context();
        var thisYear = DateTime.Now.Year;
        var lastYear = new DateOnly(thisYear - 1, 1, 1);
        foreach (var provinceCode in new[] { "AG", "AG02", "TS", "TS02" })
        {
            var provinceId = context.Provinces.Single(p => p.Code == provinceCode).Id;
            context.Meetings.Count(m => m.ProvinceId == provinceId && m.Date >= lastYear && m.Date < lastYear.AddYears(1) && m.Status == ChiBo.Meetings.MeetingStatus.Held)
                .ShouldBeGreaterThan(0, provinceCode);
            context.MeetingAttendances.Any(a => a.ProvinceId == provinceId).ShouldBeTrue(provinceCode);
            context.MemberTasks.Any(t => t.ProvinceId == provinceId && t.Year == thisYear).ShouldBeTrue(provinceCode);
        }

        // Ids given by the generator: EF can still insert after a PostgreSQL load (sequences moved on).
        context.Provinces.Add(new ChiBo.Provinces.Province { Code = "ZZ", Name = "Thêm sau" });
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_InvalidProfile_ExitsWithTwoNamesTheFieldAndWritesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = ProfileFile("""{ "code": "BAD", "members": { "total": 100, "dimensions": { "gender": { "femal": 10 } } } }""");
        var (code, _, error) = await Cli("seed", "--profile", file, "--db", db.Target.ConnectionString);
        code.ShouldBe(2);
        error.ShouldContain("members.dimensions.gender.femal");

        // A history that cannot be built fails before the database is touched too.
        var impossible = ProfileFile("""
            { "code": "BAD", "asOf": "2025-12-31", "members": { "total": 100, "dimensions": { "status": { "probationary": 5 } } },
              "history": { "periods": [ { "from": "2025-01-01", "to": "2025-12-31", "admitted": 2 } ] } }
            """);
        (code, _, error) = await Cli("seed", "--profile", impossible, "--db", db.Target.ConnectionString);
        code.ShouldBe(2);
        error.ShouldContain("history.periods");

        await using var context = db.Context();
        context.Organizations.Count().ShouldBe(0);
        context.Members.Count().ShouldBe(0);
        context.Provinces.Count().ShouldBe(0);
    }
}
