using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Reports;

namespace ChiBo.Cli;

/// <summary>chibo report member-structure | org-structure | movements | meetings | ratings | ratings-summary.</summary>
internal static class ReportCommands
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        var which = cl.Words.Count > 1 ? cl.Words[1] : throw new UsageException("Cần tên báo cáo: member-structure, org-structure, movements, meetings, ratings, ratings-summary hoặc committees.");
        var format = cl.Optional("format") ?? "json";
        if (format != "json")
        {
            throw new UsageException($"--format {format}: chỉ hỗ trợ json.");
        }

        var target = ChiBoCli.Target(cl);
        await using var db = target.CreateContext();
        switch (which)
        {
            case "member-structure":
            {
                cl.Allow("db", "org", "as-of", "age-bands", "format");
                var bands = Bands(cl);
                var lookup = await FindAsync(db, cl, ct);
                Json.Print(io.Out, await MemberStructureReport.RunAsync(db, lookup, cl.Date("as-of"), bands, ChiBo.Access.OrgScope.System, ct));
                return 0;
            }

            case "committees":
            {
                cl.Allow("db", "org", "level", "as-of", "age-bands", "format");
                var levelName = cl.Required("level");
                var level = CommitteeLevel.Parse(levelName)
                    ?? throw new UsageException($"--level: cấp \"{levelName}\" không có (province, commune, base, villageCell).");
                var bands = Bands(cl);
                var lookup = await FindAsync(db, cl, ct);
                Json.Print(io.Out, await CommitteeComposition.RunAsync(db, lookup, level, cl.Date("as-of"), bands, ct));
                return 0;
            }

            case "org-structure":
            {
                cl.Allow("db", "org", "as-of", "format");
                var lookup = await FindAsync(db, cl, ct);
                Json.Print(io.Out, await OrgStructureReport.RunAsync(db, lookup, cl.Date("as-of"), ct));
                return 0;
            }

            case "movements":
            {
                cl.Allow("db", "org", "from", "to", "format");
                var lookup = await FindAsync(db, cl, ct);
                Json.Print(io.Out, await MovementsReport.RunAsync(db, lookup, cl.Date("from"), cl.Date("to"), ct));
                return 0;
            }

            case "meetings":
            {
                cl.Allow("db", "org", "year", "detail", "format");
                var yearText = cl.Required("year");
                if (!int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                    || year is < 1930 or > 9998)
                {
                    throw new UsageException($"--year: năm \"{yearText}\" không hợp lệ.");
                }

                var lookup = await FindAsync(db, cl, ct);
                var report = await ComplianceReport.RunAsync(db, lookup, year, TimeProvider.System.Today(), ct: ct);
                Json.Print(io.Out, cl.Has("detail") ? report : report.Summary());
                return 0;
            }

            case "ratings":
            case "ratings-summary":
            {
                cl.Allow("db", "org", "from-year", "to-year", "format");
                var from = Year(cl, "from-year");
                var to = Year(cl, "to-year");
                if (from > to || to - from >= 50)
                {
                    throw new UsageException("--from-year phải không sau --to-year, và cách nhau dưới 50 năm.");
                }

                var lookup = await FindAsync(db, cl, ct);
                if (which == "ratings")
                {
                    Json.Print(io.Out, await RatingReport.RunAsync(db, lookup, from, to, ct));
                }
                else
                {
                    Json.Print(io.Out, await RatingReport.SummaryAsync(db, lookup, from, to, ct));
                }

                return 0;
            }

            default:
                throw new UsageException($"Không có báo cáo \"{which}\".");
        }
    }

    private static int Year(CommandLine cl, string name)
    {
        var text = cl.Required(name);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1930 and <= 9998
            ? year
            : throw new UsageException($"--{name}: năm \"{text}\" không hợp lệ.");
    }

    private static IReadOnlyList<AgeBand> Bands(CommandLine cl)
    {
        try
        {
            return AgeBand.ParseList(cl.Optional("age-bands"));
        }
        catch (FormatException e)
        {
            throw new UsageException("--age-bands: " + e.Message);
        }
    }

    private static async Task<OrgLookup> FindAsync(ChiBoDb db, CommandLine cl, CancellationToken ct)
    {
        var code = cl.Optional("org") ?? "root";
        var lookup = await SubtreeQueries.FindAsync(db, code, ct);
        return lookup.Found ? lookup : throw new UsageException($"--org: không có tổ chức đảng mã \"{code}\".");
    }
}
