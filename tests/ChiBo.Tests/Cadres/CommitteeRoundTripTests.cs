using System.Globalization;
using System.Text.Json;
using ChiBo.Cadres;
using ChiBo.Cli;
using ChiBo.Generation;
using ChiBo.Reports;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// A profile with a <c>committees</c> block for all four levels, seeded by <c>chibo seed</c>: <c>chibo
/// report committees</c> gives every stated count back, and the member structure still gives the
/// members' profile back (the exchanges that meet the committees keep every province-wide count).
/// </summary>
public sealed class CommitteeRoundTripTests
{
    internal const string Profile = """
        {
          "name": "Đảng bộ tỉnh Thử cấp ủy", "code": "TC", "asOf": "2025-12-31",
          "members": { "total": 6000, "meanAge": 44.5 },
          "organizations": { "directUnits": 10, "baseCommittees": 18, "baseCells": 30, "sectionCommittees": 2, "cells": 110,
            "baseBySector": { "commune": 24, "public-service": 10, "state-agency": 6, "party-front-unions": 4, "armed-forces": 4 } },
          "committees": {
            "province": { "members": 45, "dimensions": {
              "gender": { "female": 9 }, "ethnicity": { "minority": "10%" }, "ageBand": { "18-41": 4, "42-50": 18, "51+": 23 },
              "generalEducation": { "lowerSecondary": 0 }, "professional": { "universityPlus": 45 }, "politicalTheory": { "advanced": 45 },
              "postgraduate": { "yes": 30 }, "scienceTech": { "yes": 5 }, "grade": { "senior": 25, "principal": 18, "specialist": 2 },
              "position": { "secretary": 1, "deputySecretary": 3, "standing": 11 } } },
            "commune": { "members": 110, "dimensions": {
              "gender": { "female": "30%" }, "ageBand": { "18-41": 25, "42+": 85 }, "politicalTheory": { "advanced": 30, "intermediate": 80 },
              "postgraduate": { "yes": 12 }, "grade": { "principal": 40, "specialist": 60 },
              "position": { "secretary": 6, "deputySecretary": 12, "standing": 24 } } },
            "villageCell": { "members": 80, "dimensions": {
              "generalEducation": { "lowerSecondary": 10 }, "politicalTheory": { "intermediate": 20, "elementary": 55 },
              "professional": { "intermediateCollege": 40 }, "scienceTech": { "yes": 2 }, "position": { "secretary": 20, "deputySecretary": 15 } } },
            "base": { "members": 260, "dimensions": {
              "gender": { "female": 70 }, "professional": { "universityPlus": 150, "intermediateCollege": 60 }, "scienceTech": { "yes": 20 },
              "position": { "secretary": 40, "deputySecretary": 30 } } }
          }
        }
        """;

    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await ChiBoCli.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_WithACommitteesBlock_ReportCommitteesGivesItBackExactly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), "chibo-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Profile, TestContext.Current.CancellationToken);
        var (code, _, error) = await Cli("seed", "--profile", file, "--db", db.Target.ConnectionString, "--no-meetings");
        code.ShouldBe(0, error);

        var profile = ProvinceProfile.Parse(Profile);
        profile.Committees.Count.ShouldBe(4);
        foreach (var (level, target) in profile.Committees)
        {
            var bands = target.AgeBands is { } b ? string.Join(",", b.Select(x => x.Band.Label)) : "18-30,31-40,41-50,51-60,61+";
            var (c, output, err) = await Cli("report", "committees", "--db", db.Target.ConnectionString, "--org", "TC", "--level", target.Name,
                "--as-of", "2025-12-31", "--age-bands", bands, "--format", "json");
            c.ShouldBe(0, err);
            var report = JsonDocument.Parse(output).RootElement;
            report.GetProperty("level").GetString().ShouldBe(target.Name);
            report.GetProperty("members").GetInt32().ShouldBe(target.Members, target.Name);
            var dimensions = report.GetProperty("dimensions");
            foreach (var name in CommitteeComposition.DimensionNames)
            {
                dimensions.TryGetProperty(name, out _).ShouldBeTrue(name);
            }

            foreach (var (dimension, counts) in target.Dimensions)
            {
                foreach (var (category, count) in counts)
                {
                    dimensions.GetProperty(dimension).GetProperty(category).GetInt32().ShouldBe(count, $"{target.Name}.{dimension}.{category}");
                }
            }

            foreach (var (band, count) in target.AgeBands ?? [])
            {
                dimensions.GetProperty(MemberDimensions.AgeBand).GetProperty(band.Label).GetInt32().ShouldBe(count, $"{target.Name}.ageBand.{band.Label}");
            }

            _ = level;
        }

        // The members' own profile still comes back whole.
        var (mc, members, merr) = await Cli("report", "member-structure", "--db", db.Target.ConnectionString, "--org", "TC", "--as-of", "2025-12-31",
            "--age-bands", string.Join(",", profile.AgeBands.Select(x => x.Band.Label)), "--format", "json");
        mc.ShouldBe(0, merr);
        var structure = JsonDocument.Parse(members).RootElement;
        structure.GetProperty("total").GetInt32().ShouldBe(profile.Total);
        structure.GetProperty("meanAge").GetDecimal().ShouldBeInRange(profile.MeanAge!.Value - 0.1m, profile.MeanAge.Value + 0.1m);
        foreach (var (dimension, counts) in profile.Dimensions)
        {
            foreach (var (category, count) in counts)
            {
                structure.GetProperty("dimensions").GetProperty(dimension).GetProperty(category).GetInt32().ShouldBe(count, $"{dimension}.{category}");
            }
        }
    }
}
