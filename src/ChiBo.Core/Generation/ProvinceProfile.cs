using System.Globalization;
using System.Text.Json;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Text;

namespace ChiBo.Generation;

/// <summary>A profile that cannot be used; the message names the JSON field, in Vietnamese.</summary>
public sealed class ProfileException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
}

/// <summary>Counts of one history period [From, To] by the names of <see cref="MovementsReport.Names"/>.</summary>
public sealed record HistoryPeriod(DateOnly From, DateOnly To, IReadOnlyDictionary<string, int> Counts)
{
    public int this[string kind] => Counts.GetValueOrDefault(kind);
}

/// <summary>The profile's <c>organizations</c> block with every count resolved (TCCSĐ by sector in <see cref="Sector"/> order).</summary>
public sealed record OrganizationCounts(
    int DirectUnits, int BaseCommittees, int BaseCells, int SectionCommittees, int Cells,
    IReadOnlyDictionary<Sector, int> BaseBySector)
{
    public int BaseOrganizations => BaseCommittees + BaseCells;
}

/// <summary>
/// A province profile (shared/profiles/README.md) resolved to whole counts: every category of every
/// dimension (the remainder included), the age bands, the organization counts and the history.
/// What the profile leaves out is filled with the defaults documented below; the generator meets
/// every number here exactly, and the round-trip tests compare the reports with these numbers.
/// </summary>
public sealed partial record ProvinceProfile(
    string Name,
    string Code,
    DateOnly AsOf,
    int Total,
    decimal? MeanAge,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions,
    IReadOnlyList<(AgeBand Band, int Count)> AgeBands,
    OrganizationCounts Organizations,
    IReadOnlyList<HistoryPeriod> Periods)
{
    /// <summary>history.ratedGoodOrAbove: the stated yearly shares of the three series (ProvinceProfile.Ratings.cs).</summary>
    public RatingHistory Ratings { get; init; } = RatingHistory.None;

    /// <summary>Oldest age the generator gives a member in an open band ("56+").</summary>
    public const int MaxAge = 95;

    /// <summary>The date of the two-level local government: before it, communes are base committees under districts.</summary>
    public static readonly DateOnly TwoLevelGovernment = new(2025, 7, 1);

    public static ProvinceProfile Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ProfileException("profile", $"không đọc được tệp \"{path}\": {e.Message}");
        }

        return Parse(json);
    }

    public static ProvinceProfile Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ProfileException("profile", $"JSON không hợp lệ (dòng {e.LineNumber + 1}): {e.Message}");
        }

        using (doc)
        {
            return new ProfileParser().Read(doc.RootElement);
        }
    }

    /// <summary>
    /// One province scaled down by <paramref name="factor"/> (0 &lt; F ≤ 1): totals × F, each dimension
    /// re-apportioned by largest remainder over its counts' shares (so percentages stay as they were).
    /// </summary>
    public ProvinceProfile Scale(double factor)
    {
        if (factor <= 0 || factor > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), "0 < F ≤ 1");
        }

        if (factor == 1)
        {
            return this;
        }

        var f = (decimal)factor;
        var total = Math.Max(1, (int)decimal.Round(Total * f, MidpointRounding.AwayFromZero));
        int[] Reshare(IReadOnlyList<int> counts, int oldBase, int newBase) => oldBase == 0
            ? new int[counts.Count]
            : LargestRemainder.Apportion(newBase, counts.Select(c => (decimal)c / oldBase).ToList());

        var dims = Dimensions.ToDictionary(
            d => d.Key,
            d =>
            {
                var names = d.Value.Keys.ToList();
                var counts = Reshare(d.Value.Values.ToList(), Total, total);
                return (IReadOnlyDictionary<string, int>)names.Select((n, i) => (n, counts[i])).ToDictionary(x => x.n, x => x.Item2);
            });
        var bandCounts = Reshare(AgeBands.Select(b => b.Count).ToList(), Total, total);
        int S(int n) => (int)decimal.Round(n * f, MidpointRounding.AwayFromZero);
        var o = Organizations;
        var baseCommittees = S(o.BaseCommittees);

        // A scaled province still needs somewhere to put members: a chi bộ cơ sở when no đảng bộ cơ
        // sở is left, and at least one cell under each đảng bộ cơ sở.
        var baseCells = Math.Max(S(o.BaseCells), baseCommittees == 0 ? 1 : 0);
        var sectors = o.BaseBySector.Keys.ToList();
        var sectorCounts = Reshare(o.BaseBySector.Values.ToList(), o.BaseOrganizations, baseCommittees + baseCells);
        var orgs = new OrganizationCounts(
            Math.Max(S(o.DirectUnits), o.DirectUnits > 0 ? 1 : 0), baseCommittees, baseCells, S(o.SectionCommittees),
            Math.Max(S(o.Cells), baseCommittees), sectors.Select((s, i) => (s, sectorCounts[i])).ToDictionary(x => x.s, x => x.Item2));
        var periods = Periods.Select(p => p with { Counts = p.Counts.ToDictionary(c => c.Key, c => S(c.Value)) }).ToList();
        return this with
        {
            Total = total,
            Dimensions = dims,
            AgeBands = AgeBands.Select((b, i) => (b.Band, bandCounts[i])).ToList(),
            Organizations = orgs,
            Periods = periods,

            // A province a fiftieth the size cannot reach 96,58 % of 19 TCCSĐ: the shares are then met as closely as its counts allow.
            Ratings = Ratings with { Approximate = true },
            Committees = NoCommittees,
        };
    }

    /// <summary>Copy number <paramref name="copy"/> (2, 3, …) of a province: same numbers, its own code and name.</summary>
    public ProvinceProfile AsCopy(int copy) => copy <= 1
        ? this
        : this with
        {
            Code = Code + copy.ToString("00", CultureInfo.InvariantCulture),
            Name = Name + " (bản sao " + copy.ToString(CultureInfo.InvariantCulture) + ")",
        };
}

/// <summary>Reads the JSON by hand so that every error names its field and unknown names are refused.</summary>
internal sealed partial class ProfileParser
{
    private static readonly string[] TopLevel = ["name", "code", "asOf", "members", "organizations", "history", "committees"];
    private static readonly string[] OrgFields = ["directUnits", "baseCommittees", "baseCells", "sectionCommittees", "cells", "baseBySector"];
    private static readonly string[] PeriodFields =
        [.. MovementsReport.Names, "from", "to"];

    /// <summary>
    /// Yearly shares of the members for each count a history period does not state, so that a
    /// period gets plausible events of every kind and never a silent zero. The register's own
    /// assumptions, near what the plans publish: admissions 2,8 % (An Giang 2021–2025 2,4 %, Hà Giang
    /// 3,4 %), xóa tên 0,2 % and cho ra khỏi Đảng 0,28 % (An Giang 0,21 % and 0,28 %), members
    /// disciplined 0,3 % (An Giang 0,32 %) of whom khai trừ 0,02 %; a membership older than the
    /// population gives about 0,8 % deaths a year; transfers across provincial lines about 0,3 % each way.
    /// </summary>
    private static readonly (string Kind, decimal Rate)[] DefaultYearlyRates =
    [
        ("admitted", 0.028m), ("struckOff", 0.002m), ("removed", 0.0028m), ("expelled", 0.0002m), ("disciplinedMembers", 0.003m),
        ("died", 0.008m), ("transferredOut", 0.003m), ("transferredIn", 0.003m),
    ];

    /// <summary>Organizations disciplined a year, per TCCSĐ (An Giang 2021–2025: 90 of 955, 1,9 % a year).</summary>
    private const decimal DefaultOrganizationsDisciplined = 0.019m;

    /// <summary>
    /// Shares used when a profile leaves a whole dimension out, close to the published provincial
    /// tables (An Giang, Hà Giang 2020–2025). A dimension that is present but lists only some
    /// categories puts everything else in its remainder, as the format says.
    /// </summary>
    private static readonly Dictionary<string, (string Category, decimal Share)[]> DefaultShares = new()
    {
        ["gender"] = [("female", 0.35m)],
        ["ethnicity"] = [("minority", 0.05m)],
        ["religion"] = [("religious", 0.10m)],
        ["enterprise"] = [("yes", 0.04m)],
        ["youthUnion"] = [("yes", 0.08m)],
        ["retired"] = [("yes", 0.15m)],
        ["status"] = [("probationary", 0.035m)],
        ["generalEducation"] = [("literate", 0.01m), ("primary", 0.03m), ("lowerSecondary", 0.11m)],
        ["professional"] = [("elementary", 0.04m), ("intermediateCollege", 0.22m), ("universityPlus", 0.50m)],
        ["politicalTheory"] = [("elementary", 0.40m), ("intermediate", 0.28m), ("advanced", 0.08m)],
    };

    /// <summary>
    /// Minority share by province code where the 5 % default would be implausible: in the northern
    /// mountain provinces most party members belong to minority peoples.
    /// </summary>
    private static readonly Dictionary<string, decimal> MinorityShareByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HG"] = 0.75m, ["CB"] = 0.80m, ["BK"] = 0.75m, ["LS"] = 0.70m, ["LC"] = 0.55m, ["LCH"] = 0.75m, ["DB"] = 0.65m, ["SL"] = 0.70m,
    };

    /// <summary>Age structure of a typical provincial party organization, for the default bands.</summary>
    private static readonly decimal[] DefaultAgeShares = [0.15m, 0.28m, 0.24m, 0.18m, 0.09m, 0.06m];

    /// <summary>TCCSĐ by sector when the profile gives none (remainder: other).</summary>
    private static readonly (Sector Sector, decimal Share)[] DefaultSectors =
    [
        (Sector.PartyFrontUnions, 0.08m), (Sector.StateAgency, 0.10m), (Sector.PublicService, 0.30m),
        (Sector.EnterpriseCoop, 0.07m), (Sector.ArmedForces, 0.06m), (Sector.Commune, 0.35m),
    ];

    public ProvinceProfile Read(JsonElement root)
    {
        RequireObject(root, "profile");
        CheckNames(root, "", TopLevel);

        var code = OptionalString(root, "code", "code") ?? "XX";
        if (code.Length is < 1 or > 12 || !code.All(char.IsAsciiLetterOrDigit))
        {
            throw new ProfileException("code", $"mã tỉnh \"{code}\" phải gồm 1–12 chữ cái hoặc chữ số.");
        }

        var name = VietnameseText.Clean(OptionalString(root, "name", "name") ?? "Đảng bộ tỉnh " + code);
        var asOf = OptionalDate(root, "asOf", "asOf") ?? new DateOnly(2025, 12, 31);

        var members = root.TryGetProperty("members", out var m) ? m : default;
        if (members.ValueKind != JsonValueKind.Undefined)
        {
            RequireObject(members, "members");
            CheckNames(members, "members.", ["total", "meanAge", "dimensions"]);
        }

        var total = members.ValueKind == JsonValueKind.Object && members.TryGetProperty("total", out var t)
            ? Count(t, "members.total")
            : 100_000;
        if (total == 0)
        {
            throw new ProfileException("members.total", "tỉnh phải có ít nhất một đảng viên.");
        }

        decimal? meanAge = null;
        if (members.ValueKind == JsonValueKind.Object && members.TryGetProperty("meanAge", out var ma))
        {
            if (ma.ValueKind != JsonValueKind.Number || !ma.TryGetDecimal(out var mean) || mean < 18 || mean > ProvinceProfile.MaxAge)
            {
                throw new ProfileException("members.meanAge", $"tuổi bình quân phải là số từ 18 đến {ProvinceProfile.MaxAge}.");
            }

            meanAge = mean;
        }

        var dimsElement = members.ValueKind == JsonValueKind.Object && members.TryGetProperty("dimensions", out var de) ? de : default;
        if (dimsElement.ValueKind != JsonValueKind.Undefined)
        {
            RequireObject(dimsElement, "members.dimensions");
            foreach (var p in dimsElement.EnumerateObject())
            {
                if (!MemberDimensions.Names.Contains(p.Name))
                {
                    throw new ProfileException("members.dimensions." + p.Name,
                        "chiều thống kê không có trong từ vựng (" + string.Join(", ", MemberDimensions.Names) + ").");
                }
            }
        }

        var dimensions = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var dimension in MemberDimensions.Fixed)
        {
            var field = "members.dimensions." + dimension.Name;
            dimensions[dimension.Name] = dimsElement.ValueKind == JsonValueKind.Object && dimsElement.TryGetProperty(dimension.Name, out var d)
                ? ReadDimension(d, field, dimension.Categories.Select(c => c.Name).ToList(), dimension.Remainder, total)
                : Apportion(total, dimension.Categories.Select(c => c.Name).ToList(), dimension.Remainder,
                    DefaultShares[dimension.Name].ToDictionary(
                        x => x.Category,
                        x => dimension.Name == "ethnicity" && MinorityShareByCode.TryGetValue(StemOf(code), out var share) ? share : x.Share),
                    new Dictionary<string, int>(), field);
        }

        var bands = dimsElement.ValueKind == JsonValueKind.Object && dimsElement.TryGetProperty(MemberDimensions.AgeBand, out var ab)
            ? ReadAgeBands(ab, total)
            : AgeBand.Default.Zip(LargestRemainder.Apportion(total, [.. DefaultAgeShares]), (b, c) => (b, c)).ToList();
        var ageField = "members.dimensions.ageBand";
        CheckAgeFeasible(bands, meanAge, ageField);

        var orgs = ReadOrganizations(root, total, asOf);
        var periods = ReadHistory(root, asOf, total, dimensions["status"]["probationary"], orgs.BaseOrganizations);
        return new ProvinceProfile(name, code, asOf, total, meanAge, dimensions, bands, orgs, periods) {
            Ratings = ReadRatings(root, asOf),
            Committees = ReadCommittees(root),
        };
    }

    /// <summary>"HG02" → "HG": copies share their province's defaults.</summary>
    private static string StemOf(string code) => new(code.TakeWhile(char.IsAsciiLetter).ToArray());

    private static void CheckAgeFeasible(IReadOnlyList<(AgeBand Band, int Count)> bands, decimal? meanAge, string field)
    {
        foreach (var (band, count) in bands)
        {
            if (band.From < 18 && count > 0)
            {
                throw new ProfileException(field + "." + band.Label, "đảng viên phải từ 18 tuổi trở lên.");
            }

            if (band.To is 18 && count > 0)
            {
                throw new ProfileException(field + "." + band.Label, "bộ sinh dữ liệu cần nhóm tuổi có cả người từ 19 tuổi (nhóm chỉ gồm tuổi 18 chưa được hỗ trợ).");
            }

            if (band.From > ProvinceProfile.MaxAge && count > 0)
            {
                throw new ProfileException(field + "." + band.Label, $"bộ sinh dữ liệu không tạo đảng viên trên {ProvinceProfile.MaxAge} tuổi.");
            }
        }

        if (meanAge is { } mean)
        {
            var total = bands.Sum(b => b.Count);
            var min = bands.Sum(b => (decimal)Math.Max(19, b.Band.From) * b.Count) / total;
            var max = bands.Sum(b => (decimal)Math.Min(b.Band.To ?? ProvinceProfile.MaxAge, ProvinceProfile.MaxAge) * b.Count) / total;
            if (mean < min || mean > max)
            {
                throw new ProfileException("members.meanAge",
                    string.Create(CultureInfo.InvariantCulture, $"tuổi bình quân {mean} không đạt được với các nhóm tuổi đã cho (chỉ từ {min:0.00} đến {max:0.00})."));
            }
        }
    }

    private static IReadOnlyDictionary<string, int> ReadDimension(JsonElement e, string field, IReadOnlyList<string> categories, string remainder, int total)
    {
        RequireObject(e, field);
        var shares = new Dictionary<string, decimal>();
        var counts = new Dictionary<string, int>();
        foreach (var p in e.EnumerateObject())
        {
            var f = field + "." + p.Name;
            if (!categories.Contains(p.Name))
            {
                throw new ProfileException(f, "hạng mục không có trong từ vựng (" + string.Join(", ", categories) + ").");
            }

            ReadValue(p.Value, f, shares, counts, p.Name);
        }

        return Apportion(total, categories, remainder, shares, counts, field);
    }

    /// <summary>A count (integer ≥ 0) or a percentage ("41.3%", 0–100).</summary>
    private static void ReadValue(JsonElement v, string field, Dictionary<string, decimal> shares, Dictionary<string, int> counts, string key)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            var text = v.GetString()!.Trim();
            if (!text.EndsWith('%')
                || !decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct))
            {
                throw new ProfileException(field, $"\"{text}\" không phải số lượng hay tỉ lệ phần trăm (ví dụ \"41.3%\").");
            }

            if (pct > 100)
            {
                throw new ProfileException(field, $"tỉ lệ {text} vượt quá 100%.");
            }

            shares[key] = pct / 100m;
        }
        else
        {
            counts[key] = Count(v, field);
        }
    }

    /// <summary>
    /// Percentages and the remainder's share are apportioned together by largest remainder, so the
    /// categories add up to the base; explicit counts are then taken out of the remainder.
    /// </summary>
    private static Dictionary<string, int> Apportion(
        int total, IReadOnlyList<string> categories, string remainder,
        IReadOnlyDictionary<string, decimal> shares, IReadOnlyDictionary<string, int> counts, string field)
    {
        // The remainder may be stated too; it must then agree with what is left (checked below).
        var listed = shares.Keys.Where(k => k != remainder).ToList();
        var shareSum = listed.Sum(k => shares[k]);
        if (shareSum > 1)
        {
            throw new ProfileException(field, string.Create(CultureInfo.InvariantCulture, $"tổng các tỉ lệ {shareSum * 100:0.##}% vượt quá 100%."));
        }

        var apportioned = LargestRemainder.Apportion(total, [.. listed.Select(k => shares[k]), 1 - shareSum]);
        var result = categories.ToDictionary(c => c, _ => 0);
        for (var i = 0; i < listed.Count; i++)
        {
            result[listed[i]] = apportioned[i];
        }

        var rest = apportioned[^1];
        foreach (var (k, c) in counts.Where(c => c.Key != remainder))
        {
            result[k] = c;
            rest -= c;
        }

        if (rest < 0)
        {
            throw new ProfileException(field, $"tổng các hạng mục ({total - rest}) vượt quá tổng số ({total}).");
        }

        if (counts.TryGetValue(remainder, out var statedRest) && statedRest != rest)
        {
            throw new ProfileException(field + "." + remainder, $"số {statedRest} không khớp với phần còn lại ({rest}).");
        }

        if (shares.TryGetValue(remainder, out var restShare)
            && Math.Abs(restShare * total - rest) >= 1)
        {
            throw new ProfileException(field + "." + remainder, $"tỉ lệ không khớp với phần còn lại ({rest}).");
        }

        result[remainder] = rest;
        return result;
    }

    private static List<(AgeBand Band, int Count)> ReadAgeBands(JsonElement e, int total, string field = "members.dimensions.ageBand")
    {
        RequireObject(e, field);
        var bands = new List<AgeBand>();
        var shares = new Dictionary<string, decimal>();
        var counts = new Dictionary<string, int>();
        foreach (var p in e.EnumerateObject())
        {
            try
            {
                bands.Add(AgeBand.Parse(p.Name));
            }
            catch (FormatException ex)
            {
                throw new ProfileException(field + "." + p.Name, ex.Message);
            }

            ReadValue(p.Value, field + "." + p.Name, shares, counts, p.Name);
        }

        if (bands.Count == 0)
        {
            throw new ProfileException(field, "cần ít nhất một nhóm tuổi.");
        }

        var order = bands.Select((b, i) => (b, i)).OrderBy(x => x.b.From).ToList();
        if (AgeBand.CheckCoverage(order.Select(x => x.b).ToList()) is { } problem)
        {
            throw new ProfileException(field, problem);
        }

        var names = e.EnumerateObject().Select(p => p.Name).ToList();
        var shareSum = shares.Values.Sum();
        if (shareSum > 1)
        {
            throw new ProfileException(field, "tổng các tỉ lệ vượt quá 100%.");
        }

        var fromShares = LargestRemainder.Apportion(total, [.. names.Where(shares.ContainsKey).Select(n => shares[n]), 1 - shareSum]);
        var result = new Dictionary<string, int>();
        var k = 0;
        foreach (var n in names.Where(shares.ContainsKey))
        {
            result[n] = fromShares[k++];
        }

        foreach (var (n, c) in counts)
        {
            result[n] = c;
        }

        var sum = result.Values.Sum();
        if (sum != total)
        {
            throw new ProfileException(field, $"các nhóm tuổi phải cộng lại bằng tổng số ({total}), đang là {sum}.");
        }

        return order.Select(x => (x.b, result[names[x.i]])).ToList();
    }

    /// <summary>
    /// Defaults from the two profiles' ratios: a TCCSĐ per ~140 members (≈ 45 % base committees),
    /// a cell under a base committee per ~24 members, a section committee per 7 base committees,
    /// and units directly under the province: one per 9 TCCSĐ after the two-level reform of
    /// 1/7/2025 (communes, wards, blocs), one per 60 before it (districts, blocs).
    /// </summary>
    private static OrganizationCounts ReadOrganizations(JsonElement root, int total, DateOnly asOf)
    {
        var e = root.TryGetProperty("organizations", out var o) ? o : default;
        if (e.ValueKind != JsonValueKind.Undefined)
        {
            RequireObject(e, "organizations");
            CheckNames(e, "organizations.", OrgFields);
        }

        int? Get(string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Count(v, "organizations." + name) : null;
        var tccsd = Math.Max(1, (int)Math.Round(total / 140.0));
        var baseCommittees = Get("baseCommittees") ?? (int)Math.Round(tccsd * 0.45);
        var baseCells = Get("baseCells") ?? Math.Max(0, tccsd - baseCommittees);
        var bases = baseCommittees + baseCells;
        var sections = Get("sectionCommittees") ?? baseCommittees / 7;
        var cells = Get("cells") ?? (baseCommittees == 0 ? 0 : Math.Max(baseCommittees, (int)Math.Round(total / 24.0)));
        var direct = Get("directUnits")
            ?? Math.Max(bases == 0 ? 0 : 1, (int)Math.Round(bases / (asOf >= ProvinceProfile.TwoLevelGovernment ? 9.0 : 60.0)));

        if (bases == 0)
        {
            throw new ProfileException("organizations.baseCells", "tỉnh cần ít nhất một tổ chức cơ sở đảng.");
        }

        if (baseCells + cells == 0)
        {
            throw new ProfileException("organizations.cells", "cần ít nhất một chi bộ để sinh hoạt đảng viên.");
        }

        if (baseCommittees == 0 && (sections > 0 || cells > 0))
        {
            throw new ProfileException(sections > 0 ? "organizations.sectionCommittees" : "organizations.cells",
                "đảng bộ bộ phận và chi bộ trực thuộc cần có đảng bộ cơ sở (baseCommittees = 0).");
        }

        var sectorNames = OrgStructureReport.SectorNames.Select(s => s.Name).ToList();
        IReadOnlyDictionary<string, int> bySector;
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("baseBySector", out var bs))
        {
            const string field = "organizations.baseBySector";
            RequireObject(bs, field);
            var shares = new Dictionary<string, decimal>();
            var counts = new Dictionary<string, int>();
            foreach (var p in bs.EnumerateObject())
            {
                if (!sectorNames.Contains(p.Name))
                {
                    throw new ProfileException(field + "." + p.Name, "loại hình không có trong từ vựng (" + string.Join(", ", sectorNames) + ").");
                }

                ReadValue(p.Value, field + "." + p.Name, shares, counts, p.Name);
            }

            bySector = Apportion(bases, sectorNames, "other", shares, counts, field);
        }
        else
        {
            bySector = Apportion(bases, sectorNames, "other",
                DefaultSectors.ToDictionary(s => OrgStructureReport.NameOf(s.Sector), s => s.Share), new Dictionary<string, int>(), "organizations.baseBySector");
        }

        return new OrganizationCounts(direct, baseCommittees, baseCells, sections, cells,
            bySector.ToDictionary(s => OrgStructureReport.SectorOf(s.Key)!.Value, s => s.Value));
    }

    /// <summary>
    /// history.periods: non-overlapping windows inside [.., asOf]. Every khai trừ is a discipline
    /// decision, so <c>disciplinedMembers</c> counts the <c>expelled</c> too: it may not be smaller,
    /// and a period that states <c>expelled</c> but not <c>disciplinedMembers</c> has as many
    /// members disciplined as expelled at least. A count the period does not state gets a plausible
    /// default (<see cref="AddDefaults"/>), never 0; what it states is kept exactly. ratedGoodOrAbove
    /// is read by <see cref="ReadRatings"/>.
    /// </summary>
    private static List<HistoryPeriod> ReadHistory(JsonElement root, DateOnly asOf, int total, int probationary, int bases)
    {
        var result = new List<HistoryPeriod>();
        if (!root.TryGetProperty("history", out var h))
        {
            return result;
        }

        RequireObject(h, "history");
        CheckNames(h, "history.", ["periods", "ratedGoodOrAbove"]);
        if (!h.TryGetProperty("periods", out var ps))
        {
            return result;
        }

        if (ps.ValueKind != JsonValueKind.Array)
        {
            throw new ProfileException("history.periods", "phải là một mảng.");
        }

        var i = 0;
        foreach (var p in ps.EnumerateArray())
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"history.periods[{i}]");
            RequireObject(p, field);
            CheckNames(p, field + ".", PeriodFields);
            var from = OptionalDate(p, "from", field + ".from") ?? throw new ProfileException(field + ".from", "thiếu ngày bắt đầu.");
            var to = OptionalDate(p, "to", field + ".to") ?? throw new ProfileException(field + ".to", "thiếu ngày kết thúc.");
            if (to < from)
            {
                throw new ProfileException(field + ".to", "ngày kết thúc trước ngày bắt đầu.");
            }

            if (to > asOf)
            {
                throw new ProfileException(field + ".to",
                    "kỳ phải kết thúc trước hoặc đúng ngày số liệu asOf (" + asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ").");
            }

            if (from < new DateOnly(1945, 1, 1))
            {
                throw new ProfileException(field + ".from", "ngày bắt đầu quá sớm (trước 1945).");
            }

            foreach (var other in result)
            {
                if (from <= other.To && other.From <= to)
                {
                    throw new ProfileException(field + ".from", "các kỳ lịch sử không được chồng lên nhau.");
                }
            }

            var counts = new Dictionary<string, int>();
            foreach (var prop in p.EnumerateObject().Where(x => x.Name is not ("from" or "to")))
            {
                var count = Count(prop.Value, field + "." + prop.Name);
                if (MovementsReport.Names.Contains(prop.Name))
                {
                    counts[prop.Name] = count;
                }
            }

            if (counts.ContainsKey("recognizedOfficial"))
            {
                throw new ProfileException(field + ".recognizedOfficial",
                    "bộ sinh dữ liệu chưa hỗ trợ đặt trước số công nhận đảng viên chính thức; hãy bỏ trường này (số này được suy ra từ ngày kết nạp).");
            }

            if (counts.TryGetValue("disciplinedMembers", out var disciplined) && disciplined < counts.GetValueOrDefault("expelled"))
            {
                throw new ProfileException(field + ".disciplinedMembers",
                    $"mỗi đảng viên bị khai trừ là một đảng viên bị kỷ luật: số bị kỷ luật ({disciplined}) không được nhỏ hơn số bị khai trừ ({counts["expelled"]}).");
            }

            AddDefaults(counts, from, to, asOf, total, probationary, bases);
            result.Add(new HistoryPeriod(from, to, counts));
            i++;
        }

        return result;
    }

    /// <summary>
    /// Every count the period does not state, from <see cref="DefaultYearlyRates"/> over its length.
    /// Admissions also hold the probationary members admitted in the part of the last 12 months the
    /// period covers (they were admitted then), and the members disciplined hold the expelled.
    /// </summary>
    private static void AddDefaults(Dictionary<string, int> counts, DateOnly from, DateOnly to, DateOnly asOf, int total, int probationary, int bases)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var recentFrom = asOf.AddMonths(-12).AddDays(1);
        var recentDays = asOf.DayNumber - recentFrom.DayNumber + 1;
        var overlap = Math.Max(0, Math.Min(to.DayNumber, asOf.DayNumber) - Math.Max(from.DayNumber, recentFrom.DayNumber) + 1);
        int Yearly(decimal rate, int count, int span) => (int)decimal.Round(count * rate * span / 365.25m, MidpointRounding.AwayFromZero);
        foreach (var (kind, rate) in DefaultYearlyRates.Where(r => !counts.ContainsKey(r.Kind)))
        {
            counts[kind] = kind == "admitted"
                ? Yearly(rate, total, days - overlap) + (int)Math.Ceiling((decimal)probationary * overlap / recentDays)
                : Yearly(rate, total, days);
        }

        counts["disciplinedMembers"] = Math.Max(counts["disciplinedMembers"], counts["expelled"]);
        counts.TryAdd("disciplinedOrganizations", Yearly(DefaultOrganizationsDisciplined, bases, days));
    }

    private static int Count(JsonElement v, string field)
    {
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n))
        {
            throw new ProfileException(field, "phải là một số nguyên" + (v.ValueKind == JsonValueKind.String ? " (tỉ lệ phần trăm không dùng được ở đây)." : "."));
        }

        if (n < 0)
        {
            throw new ProfileException(field, "không được âm.");
        }

        if (n > 50_000_000)
        {
            throw new ProfileException(field, "số quá lớn.");
        }

        return (int)n;
    }

    private static string? OptionalString(JsonElement e, string name, string field)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()
            : throw new ProfileException(field, "phải là một chuỗi không rỗng.");
    }

    private static DateOnly? OptionalDate(JsonElement e, string name, string field)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ProfileException(field, $"ngày \"{v}\" không hợp lệ, cần dạng yyyy-MM-dd.");
    }

    private static void RequireObject(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileException(field, "phải là một đối tượng JSON { … }.");
        }
    }

    private static void CheckNames(JsonElement e, string prefix, IReadOnlyCollection<string> allowed)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                throw new ProfileException(prefix + p.Name, "trường không có trong định dạng hồ sơ tỉnh (" + string.Join(", ", allowed) + ").");
            }
        }
    }
}
