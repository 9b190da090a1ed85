using ChiBo.Discipline;
using ChiBo.Generation;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Ratings;

namespace ChiBo.Tests.Ratings;

/// <summary>
/// The generated rating history, in memory: every stated share met to its precision in each series,
/// the policy of each year held (new members and the disciplined, the cap, the cross-level rule),
/// the chi bộ tallies equal to their members' rows; and any valid profile generates.
/// </summary>
public sealed class RatingGeneratorTests
{
    /// <summary>
    /// ~20 000 members, 150 TCCSĐ and 900 chi bộ, with shares the counts make hard to meet: 96,58 % of
    /// at most 150 is met only by 113 of 117 rated (93,87 % and 98,96 % by none, hence one decimal and none there).
    /// </summary>
    private const string Stated = """
        { "code": "XL", "asOf": "2025-12-31", "members": { "total": 20000 },
          "organizations": { "directUnits": 12, "baseCommittees": 70, "baseCells": 80, "sectionCommittees": 8, "cells": 900 },
          "history": {
            "periods": [ { "from": "2021-01-01", "to": "2025-12-31", "admitted": 2800, "disciplinedMembers": 300, "disciplinedOrganizations": 12 } ],
            "ratedGoodOrAbove": {
              "organizations": { "2023": "96.58%", "2024": "93.9%", "2025": "99%" },
              "cells": { "2023": "94.80%", "2024": "94.41%", "2025": "99.17%" },
              "members": { "2023": "88.62%", "2024": "89.91%", "2025": "92.48%" } } } }
        """;

    private static (long Rated, long Good) Count(IEnumerable<RatingBase> rows) =>
        (rows.LongCount(r => r.Level is not null), rows.LongCount(r => r.Level is RatingLevel.Excellent or RatingLevel.Good));

    [Fact]
    public void Generate_StatedShares_AreMetToTheirPrecision_InEachSeries_WithTheNotRatedOutsideTheShare()
    {
        var profile = ProvinceProfile.Parse(Stated);
        var g = new ProvinceGenerator(profile, 11, IdStart.One).Generate();
        g.RatingRounds.Select(r => r.Year).ShouldBe([2021, 2022, 2023, 2024, 2025]);
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var orgs = g.OrgRatings.Where(r => r.Year == year).ToList();
            var members = g.MemberRatings.Where(r => r.Year == year).ToList();
            foreach (var (series, rows) in new (string, IEnumerable<RatingBase>)[]
                     {
                         ("organizations", orgs.Where(r => r.SubjectKind.IsBaseOrganization())),
                         ("cells", orgs.Where(r => r.SubjectKind == OrgKind.Cell)),
                         ("members", members),
                     })
            {
                var (rated, good) = Count(rows);
                var stated = profile.Ratings.Stated(series, year)!;
                stated.MetBy(good, rated).ShouldBeTrue($"{series} {year}: {good}/{rated} for {stated}");
                var share = RatingReport.Share(good, rated)!.Value;
                (decimal.Round(share, stated.Decimals), decimal.Truncate(share * stated.Unit) / stated.Unit).ShouldBe((stated.Value, stated.Value), $"{series} {year}");
            }
        }

        // The denominators vary with the organizations not rated: 96,58 % of 150 cannot be met without some.
        var tccsd2023 = g.OrgRatings.Where(r => r.Year == 2023 && r.SubjectKind.IsBaseOrganization()).ToList();
        tccsd2023.Count.ShouldBe(150);
        tccsd2023.Count(r => r.NotRatedReason == NotRatedReason.Reorganized).ShouldBeGreaterThan(0);

        // Years the profile does not state get plausible shares; every row is published, in closed rounds.
        var (r2021, g2021) = Count(g.MemberRatings.Where(r => r.Year == 2021));
        ((double)g2021 / r2021).ShouldBeInRange(0.85, 0.95);
        g.MemberRatings.ShouldAllBe(r => r.State == RatingState.Published && r.Source == RatingSource.Generated && r.DecidedOn <= profile.AsOf);
        g.RatingRounds.ShouldAllBe(r => r.Status == RoundStatus.Closed);
    }

    [Fact]
    public void Generate_Ratings_KeepThePolicyOfEachYear_AndTheTalliesOfTheirChiBo()
    {
        var profile = ProvinceProfile.Parse(Stated);
        var g = new ProvinceGenerator(profile, 5, IdStart.One).Generate();
        var members = g.Members.ToDictionary(m => m.Id);
        var orgs = g.Organizations.ToDictionary(o => o.Id);
        var periods = g.MemberPeriods.ToLookup(p => p.MemberId);
        foreach (var round in g.RatingRounds)
        {
            var policy = RatingPolicy.For(round.Year);
            round.PolicyVersion.ShouldBe(policy.Version);
            var rows = g.MemberRatings.Where(r => r.Year == round.Year).ToList();

            // Everyone in the Party on the review date, once; the new ones not rated.
            rows.Select(r => r.MemberId).ShouldBeUnique();
            rows.Count.ShouldBe(g.MemberPeriods.Count(p => p.ValidFrom <= round.ReviewDate && p.ValidTo > round.ReviewDate));
            foreach (var r in rows)
            {
                var p = periods[r.MemberId].Single();
                var reason = policy.MemberNotRatedOn(round.ReviewDate, false, members[r.MemberId].AdmittedOn, p.OfficialOn);
                if (reason is not null)
                {
                    r.NotRatedReason.ShouldBe(reason);
                }

                r.CellPath.ShouldBe(orgs[r.CellId].Path);
            }

            // The disciplined of the year are KHTNV (or set aside as not rated).
            var disciplined = g.DisciplineDecisions.Where(d => d.MemberId is not null && !d.Annulled && d.DecidedOn.Year == round.Year && d.DecidedOn <= rows.Min(r => r.DecidedOn))
                .Select(d => d.MemberId!.Value).ToHashSet();
            rows.Where(r => disciplined.Contains(r.MemberId) && r.Level is not null).ShouldAllBe(r => r.Level == RatingLevel.NotFulfilled);

            // HTXSNV members within the cap of their TCCSĐ.
            foreach (var group in rows.Where(r => r.Level is not null).GroupBy(r => BaseOf(orgs, orgs[r.CellId]).Id))
            {
                policy.MemberCap!.Allows(group.Count(r => r.Level == RatingLevel.Excellent), group.Count(r => r.Level == RatingLevel.Good)).ShouldBeTrue();
            }

            // Each chi bộ's row counts its members' rows.
            var orgRows = g.OrgRatings.Where(r => r.Year == round.Year).ToDictionary(r => r.OrganizationId);
            foreach (var cell in rows.GroupBy(r => r.CellId))
            {
                var t = orgRows[cell.Key];
                (t.MembersExcellent, t.MembersGood, t.MembersFulfilled, t.MembersNotFulfilled, t.MembersNotRated).ShouldBe((
                    cell.Count(r => r.Level == RatingLevel.Excellent), cell.Count(r => r.Level == RatingLevel.Good), cell.Count(r => r.Level == RatingLevel.Fulfilled),
                    cell.Count(r => r.Level == RatingLevel.NotFulfilled), cell.Count(r => r.NotRatedReason is not null)));
            }

            // An HTXSNV chi bộ has no member KHTNV and at least 80 % HTTNV+; no organization disciplined that year is above KHTNV.
            foreach (var r in orgRows.Values.Where(r => r.Level == RatingLevel.Excellent && r.SubjectKind.HoldsMembers()))
            {
                policy.CrossLevel!.Allows(r.MembersExcellent, r.MembersGood, r.MembersFulfilled, r.MembersNotFulfilled).ShouldBeTrue();
            }

            var disciplinedOrgs = g.DisciplineDecisions.Where(d => d.OrganizationId is not null && !d.Annulled && d.DecidedOn.Year == round.Year && d.DecidedOn < round.ReviewDate.AddDays(3))
                .Select(d => d.OrganizationId!.Value);
            foreach (var id in disciplinedOrgs.Where(orgRows.ContainsKey))
            {
                orgRows[id].Level.ShouldBeOneOf(RatingLevel.NotFulfilled, null);
            }

            // Decided bottom-up by the level the policy names.
            foreach (var r in orgRows.Values.Where(r => r.Level is not null && r.SubjectKind == OrgKind.Cell))
            {
                orgs[r.DecidedByOrgId!.Value].Kind.ShouldBe(OrgKind.BaseCommittee);
            }
        }
    }

    private static Organization BaseOf(Dictionary<int, Organization> orgs, Organization cell)
    {
        for (var o = cell; ; o = orgs[o.ParentId!.Value])
        {
            if (o.Kind.IsBaseOrganization())
            {
                return o;
            }
        }
    }

    [Fact]
    public void Generate_AShareTheCountsCannotReach_IsRefusedNamingTheField()
    {
        var e = Should.Throw<ProfileException>(() => new ProvinceGenerator(ProvinceProfile.Parse("""
            { "code": "NH", "asOf": "2025-12-31", "members": { "total": 3000 }, "organizations": { "baseCommittees": 8, "baseCells": 12, "cells": 90 },
              "history": { "ratedGoodOrAbove": { "organizations": { "2025": "96.58%" } } } }
            """), 3, IdStart.One).Generate());
        e.Field.ShouldBe("history.ratedGoodOrAbove.organizations.2025");
        e.Message.ShouldContain("96.58%");
    }

    [Fact]
    public void Generate_ScaledDownProvince_ComesAsCloseAsItsCountsAllow()
    {
        var profile = DemoProvince.Profile("an-giang.json").Scale(0.02);
        profile.Ratings.Approximate.ShouldBeTrue();
        var g = new ProvinceGenerator(profile, 9, IdStart.One).Generate();
        var (rated, good) = Count(g.MemberRatings.Where(r => r.Year == 2021));
        ((decimal)good / rated).ShouldBeInRange(0.8862m - 0.002m, 0.8862m + 0.002m);
    }

    /// <summary>
    /// Any valid profile generates: a period that states one count only gets plausible defaults for the
    /// others (never 0 admissions, which left the young official members nowhere to be admitted), a
    /// profile of percentages only, one without periods, one without ratings, one with ratings only.
    /// </summary>
    [Theory]
    [InlineData("""{ "code": "P1", "asOf": "2025-12-31", "members": { "total": 4000 }, "history": { "periods": [ { "from": "2024-01-01", "to": "2024-12-31", "disciplinedMembers": 12 } ] } }""")]
    [InlineData("""{ "code": "P2", "asOf": "2025-12-31", "members": { "total": 4000 }, "history": { "periods": [ { "from": "2025-01-01", "to": "2025-12-31", "struckOff": 9 } ] } }""")]
    [InlineData("""{ "code": "P3", "asOf": "2025-12-31", "members": { "total": 4000 }, "history": { "periods": [ { "from": "2021-01-01", "to": "2025-12-31", "died": 150 } ] } }""")]
    [InlineData("""{ "code": "P4", "asOf": "2025-12-31", "members": { "total": 4000 }, "history": { "periods": [ { "from": "2023-07-01", "to": "2025-06-30", "disciplinedOrganizations": 2 } ] } }""")]
    [InlineData("""{ "code": "P5", "asOf": "2024-06-30", "members": { "total": 5000, "dimensions": { "gender": { "female": "38.5%" }, "status": { "probationary": "4%" }, "ageBand": { "18-30": "14%", "31-45": "36%", "46-60": "30%", "61+": "20%" } } } }""")]
    [InlineData("""{ "code": "P6", "asOf": "2025-12-31", "members": { "total": 3000 } }""")]
    [InlineData("""{ "code": "P7", "asOf": "2025-12-31", "members": { "total": 3000 }, "history": { "ratedGoodOrAbove": { "members": { "2024": "91%" } } } }""")]
    public void AnyValidProfile_Generates_WithEveryStatedCountAndDefaultsForTheRest(string json)
    {
        var profile = ProvinceProfile.Parse(json);
        foreach (var period in profile.Periods)
        {
            period["admitted"].ShouldBeGreaterThan(0);
            foreach (var name in new[] { "struckOff", "removed", "died", "transferredIn", "transferredOut", "disciplinedMembers" })
            {
                period[name].ShouldBeGreaterThan(0, name);
            }
        }

        var g = new ProvinceGenerator(profile, 4, IdStart.One).Generate();
        g.Members.Count(m => m.Status.IsActive()).ShouldBe(profile.Total);
        foreach (var period in profile.Periods)
        {
            g.MemberEvents.Count(e => e.Kind == MemberEventKind.Admitted && e.Date >= period.From && e.Date <= period.To).ShouldBe(period["admitted"]);
            g.DisciplineDecisions.Count(d => d.Subject == DisciplineSubject.Member && !d.Annulled && d.DecidedOn >= period.From && d.DecidedOn <= period.To)
                .ShouldBe(period["disciplinedMembers"]);
        }

        g.RatingRounds.Count.ShouldBe(5);
        g.MemberRatings.ShouldNotBeEmpty();
        foreach (var (year, share) in profile.Ratings.Series.GetValueOrDefault("members") ?? new Dictionary<int, StatedShare>())
        {
            var (rated, good) = Count(g.MemberRatings.Where(r => r.Year == year));
            share.MetBy(good, rated).ShouldBeTrue();
        }
    }

    [Fact]
    public void Profile_StatedCountsAreKept_AndOnlyTheOthersDefault()
    {
        var p = ProvinceProfile.Parse("""{ "members": { "total": 10000 }, "history": { "periods": [ { "from": "2024-01-01", "to": "2024-12-31", "disciplinedMembers": 12, "died": 0 } ] } }""");
        var period = p.Periods.Single();
        (period["disciplinedMembers"], period["died"]).ShouldBe((12, 0));
        period["admitted"].ShouldBe(281); // 2,8 % a year over 366 days; the period lies before the last 12 months
        period["expelled"].ShouldBe(2);
        period["transferredIn"].ShouldBe(30);
    }
}
