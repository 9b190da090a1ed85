using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Cli;
using ChiBo.Organizations;
using ChiBo.Plans;
using ChiBo.Ratings;
using ChiBo.Reports;
using ChiBo.Tests.Cadres;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Plans;

/// <summary>
/// The rating, committee and training measures on a seeded province agree with the reports they
/// stand for: the ratings report's three series year by year, the committee composition of each
/// level, and the seats whose holder completed a course in the window — for the province and for
/// each unit one level down, the grouped pass giving every unit's own figure.
/// </summary>
public sealed class RegisterMeasureParityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RatingCommitteeAndTrainingMeasures_EqualTheirReports_ForTheProvinceAndEachUnit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), "chibo-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, CommitteeRoundTripTests.Profile, Ct);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        (await ChiBoCli.RunAsync(["seed", "--profile", file, "--db", database.Target.ConnectionString, "--no-meetings"], TextWriter.Null, stderr, Ct))
            .ShouldBe(0, stderr.ToString());

        await using var db = database.Context();
        var root = await SubtreeQueries.FindAsync(db, "root", Ct);
        var units = await db.Organizations.AsNoTracking().Where(o => o.ParentId == root.Organization!.Id).OrderBy(o => o.Path).ToListAsync(Ct);
        units.Count.ShouldBeGreaterThan(1);
        var today = new DateOnly(2026, 6, 1);

        // Ratings: each year of the seeded history, each series.
        string[] series = ["organizations", "cells", "members"];
        var names = series.SelectMany(s => new[] { $"ratings.{s}.rated", $"ratings.{s}.goodOrAbove" }).ToList();
        var rated = 0L;
        for (var year = 2021; year <= 2025; year++)
        {
            var window = new MeasureWindow(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var results = await MeasureEngine.RunAsync(db, root, names.Select(n => (n, window)), today, byUnit: true, Ct);
            foreach (var org in units.Prepend(root.Organization!))
            {
                var report = (await RatingReport.RunAsync(db, new OrgLookup(true, org), year, year, Ct)).Years[year.ToString(CultureInfo.InvariantCulture)];
                foreach (var (name, s) in series.Select(s => (s, s switch
                         {
                             "organizations" => report.Organizations, "cells" => report.Cells, _ => report.Members,
                         })))
                {
                    long Measure(string m) => org == root.Organization ? results.Total(m, window) : results.Units(m, window).GetValueOrDefault(org.Id);
                    Measure($"ratings.{name}.rated").ShouldBe(s.Rated, $"{org.Code} {year} {name}.rated");
                    Measure($"ratings.{name}.goodOrAbove").ShouldBe(s.GoodOrAbove, $"{org.Code} {year} {name}.goodOrAbove");
                }
            }

            rated += results.Total("ratings.members.rated", window);
        }

        rated.ShouldBeGreaterThan(0);

        // Committees: every level of the profile's block, its seats and a dimension, and the young by the policy's age.
        var asOf = new DateOnly(2025, 12, 31);
        var end2025 = new MeasureWindow(asOf, asOf);
        var young = new AgeBand(0, CadrePolicy.Default.YoungUnder - 1);
        foreach (var (levelName, level, _) in CommitteeLevel.All)
        {
            string[] wanted = [$"committees.{levelName}.members", $"committees.{levelName}.gender.female", $"committees.{levelName}.young.yes",
                $"committees.{levelName}.position.secretary"];
            var results = await MeasureEngine.RunAsync(db, root, wanted.Select(n => (n, end2025)), today, byUnit: true, Ct);
            foreach (var org in units.Prepend(root.Organization!))
            {
                var report = await CommitteeComposition.RunAsync(db, new OrgLookup(true, org), level, asOf, [young], Ct);
                long Measure(string m) => org == root.Organization ? results.Total(m, end2025) : results.Units(m, end2025).GetValueOrDefault(org.Id);
                Measure(wanted[0]).ShouldBe(report.Members, $"{org.Code} {wanted[0]}");
                Measure(wanted[1]).ShouldBe(report.Dimensions["gender"]["female"], $"{org.Code} {wanted[1]}");
                Measure(wanted[2]).ShouldBe(report.Dimensions[MemberDimensions.AgeBand][young.Label], $"{org.Code} {wanted[2]}");
                Measure(wanted[3]).ShouldBe(report.Dimensions["position"]["secretary"], $"{org.Code} {wanted[3]}");
            }

            results.Total(wanted[0], end2025).ShouldBeGreaterThan(0, levelName);
        }

        // Training: base committee seats on the term's last day whose holder completed a course in the term.
        var term = new MeasureWindow(new DateOnly(2021, 1, 1), today);
        var trained = await MeasureEngine.RunAsync(db, root, [("training.base.trained", term)], today, byUnit: true, Ct);
        var seats = await (from s in db.CommitteeMemberships.AsNoTracking()
                           where (s.Levels & CommitteeLevels.Base) != 0 && s.ValidFrom <= today && s.ValidTo > today
                                 && db.MemberPeriods.Any(p => p.MemberId == s.MemberId && p.ValidFrom <= today && p.ValidTo > today)
                                 && db.OrganizationPeriods.Any(p => p.OrganizationId == s.OrganizationId && p.ValidFrom <= today && p.ValidTo > today)
                                 && db.TrainingRecords.Any(r => r.MemberId == s.MemberId && r.Completed && r.CompletedOn >= term.From && r.CompletedOn <= term.To)
                           select s.OrgPath).ToListAsync(Ct);
        trained.Total("training.base.trained", term).ShouldBe(seats.Count);
        foreach (var org in units)
        {
            trained.Units("training.base.trained", term).GetValueOrDefault(org.Id).ShouldBe(seats.Count(Subtree.Of(org).Contains), org.Code);
        }
    }
}
