using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Text;
using ChiBo.Villages;

namespace ChiBo.Generation;

/// <summary>The generated rows of cadre work: committees and their seats, villages, cadre files, evaluations.</summary>
public sealed class GeneratedCadres
{
    public List<Committee> Committees { get; } = [];
    public List<CommitteeMembership> Seats { get; } = [];
    public List<CadreProfile> Profiles { get; } = [];
    public List<Village> Villages { get; } = [];
    public List<VillageCell> VillageCells { get; } = [];
    public List<VillageHead> VillageHeads { get; } = [];
    public List<ManagementPool> ManagementPools { get; } = [];
    public List<ManagementPoolEntry> ManagementEntries { get; } = [];
    public List<PlanningPool> PlanningPools { get; } = [];
    public List<PlanningEntry> PlanningEntries { get; } = [];
    public List<Rotation> Rotations { get; } = [];
    public List<TrainingCourse> Courses { get; } = [];
    public List<TrainingRecord> TrainingRecords { get; } = [];
    public List<EvaluationTemplate> Templates { get; } = [];
    public List<EvaluationPeriod> Periods { get; } = [];
    public List<CadreEvaluation> Evaluations { get; } = [];
    public List<FeedbackInvitation> Invitations { get; } = [];
    public List<FeedbackBallot> Ballots { get; } = [];

    private IEnumerable<int> Counts =>
    [
        Committees.Count, Seats.Count, Profiles.Count, Villages.Count, VillageCells.Count, VillageHeads.Count, ManagementPools.Count,
        ManagementEntries.Count, PlanningPools.Count, PlanningEntries.Count, Rotations.Count, Courses.Count, TrainingRecords.Count,
        Templates.Count, Periods.Count, Evaluations.Count, Invitations.Count,
    ];

    /// <summary>
    /// Every row. The tables share one id start (<see cref="IdStart.Cadre"/>) and no id goes beyond
    /// it by more than this, so the next province starts after it.
    /// </summary>
    public long RowCount => Counts.Sum(c => (long)c) + Ballots.Count;
}

public sealed partial class ProvinceGenerator
{
    /// <summary>A committee planned for an organization's current term: its seats in order of position.</summary>
    private sealed class CommitteePlan(Node node, CommitteeLevels levels, DateOnly congress, int cycle)
    {
        public Node Node { get; } = node;
        public CommitteeLevels Levels { get; } = levels;
        public DateOnly Congress { get; } = congress;
        public int Cycle { get; } = cycle;
        public List<(CommitteePosition Position, int Person)> Seats { get; } = [];
    }

    private readonly List<CommitteePlan> _plans = [];
    private Draft[] _drafts = [];
    private Dictionary<int, List<int>> _inSubtree = [];
    private bool[] _seated = [];

    /// <summary>The order in which levels are met: a seat counted in two levels (a village chi bộ cơ sở) is fixed by the first.</summary>
    private static readonly CommitteeLevels[] LevelOrder = [CommitteeLevels.Province, CommitteeLevels.Commune, CommitteeLevels.VillageCell, CommitteeLevels.Base];

    // ---------------------------------------------------------------- seats (before member rows)

    /// <summary>
    /// Chooses every committee's members for the current term among the organization's official
    /// members, the best-qualified for secretary and deputies. Where the profile states a level's
    /// composition, sizes and positions are set to its counts, then each stated dimension is met by
    /// exchanging that attribute (or the birth date) between a committee member and a member on no
    /// committee of any level: every province-wide count and the mean age stay as they were. A
    /// person sits on at most one committee that a level counts (plus any number of others, such as
    /// an agency's chi ủy), so each exchange changes one level's count only. A random stream of its
    /// own keeps the rest of the province as it was.
    /// </summary>
    private void SeatCommittees(Draft[] drafts)
    {
        _drafts = drafts;
        var random = new Random(seed ^ 0xC0AA);
        var inSubtree = new Dictionary<int, List<int>>();
        for (var i = 0; i < drafts.Length; i++)
        {
            for (var node = drafts[i].Cell; node is not null; node = node.Org.ParentId is { } p ? _nodes[p] : null)
            {
                if (!inSubtree.TryGetValue(node.Org.Id, out var list))
                {
                    inSubtree[node.Org.Id] = list = [];
                }

                list.Add(i);
            }
        }

        var seated = new bool[drafts.Length];
        _inSubtree = inSubtree;
        _seated = seated;
        var planned = new Dictionary<int, CommitteePlan>();
        var orgs = _result.Organizations.Select(o => _nodes[o.Id]).ToList();
        foreach (var level in LevelOrder)
        {
            var ofLevel = orgs.Where(n => (LevelsOf(n) & level) != 0).ToList();
            var fresh = ofLevel.Where(n => !planned.ContainsKey(n.Org.Id)).ToList();
            var fixedPlans = ofLevel.Where(n => planned.ContainsKey(n.Org.Id)).Select(n => planned[n.Org.Id]).ToList();
            profile.Committees.TryGetValue(level, out var target);
            var plans = fresh.Select(n => NewPlan(n)).ToList();
            var eligible = plans.Select(p => Eligible(inSubtree.GetValueOrDefault(p.Node.Org.Id) ?? [], p.Congress, seated).Count).ToList();
            var sizes = target is null
                ? plans.Select((p, k) => Math.Min(NaturalSize(p.Node, eligible[k]), eligible[k])).ToList()
                : Apportion(target, plans, eligible, fixedPlans.Sum(p => p.Seats.Count));
            var positions = target?["position"] is { } stated
                ? DistributePositions(target, stated, plans, sizes, fixedPlans)
                : plans.Select((p, k) => NaturalPositions(p.Node, sizes[k])).ToList();
            for (var k = 0; k < plans.Count; k++)
            {
                if (sizes[k] == 0)
                {
                    continue;
                }

                Fill(plans[k], positions[k], inSubtree.GetValueOrDefault(plans[k].Node.Org.Id) ?? [], seated, random, countsForLevel: true);
                planned[plans[k].Node.Org.Id] = plans[k];
            }

            var frozen = fixedPlans.SelectMany(p => p.Seats.Select(s => s.Person)).ToList();
            if (target is not null)
            {
                MeetDimensions(target, plans.Where(p => p.Seats.Count > 0).ToList(), frozen, seated, random);
            }

            var seats = plans.Where(p => p.Seats.Count > 0).SelectMany(p => p.Seats.Select(s => (Plan: p, s.Position, s.Person))).ToList();

            CadreAttributes(target, level, seats.Select(s => (s.Person, s.Position)).ToList(), frozen, seated, random);
            foreach (var (plan, position, person) in seats)
            {
                drafts[person].Post = PostOf(position, plan.Node.Org);
            }
        }

        // Committees no level counts (blocs, section committees, agencies' cells): members may also sit elsewhere.
        foreach (var node in orgs.Where(n => LevelsOf(n) == CommitteeLevels.None))
        {
            var plan = NewPlan(node);
            var pool = inSubtree.GetValueOrDefault(node.Org.Id) ?? [];
            var size = Math.Min(NaturalSize(node, Eligible(pool, plan.Congress, null).Count), Eligible(pool, plan.Congress, null).Count);
            if (size > 0)
            {
                Fill(plan, NaturalPositions(node, size), pool, seated, random, countsForLevel: false);
                planned[node.Org.Id] = plan;
            }
        }

        _plans.AddRange(_result.Organizations.Where(o => planned.ContainsKey(o.Id)).Select(o => planned[o.Id]));
    }

    private CommitteeLevels LevelsOf(Node n) => CommitteeLevel.Of(n.Org.Kind, n.Org.Sector);

    /// <summary>The current term's congress: the latest five-year cycle whose congress at this kind of organization is on or before the profile's date.</summary>
    private CommitteePlan NewPlan(Node n)
    {
        var cycle = profile.AsOf.Year - profile.AsOf.Year % 5;
        var congress = CongressOn(n.Org, cycle);
        if (congress > profile.AsOf)
        {
            cycle -= 5;
            congress = CongressOn(n.Org, cycle);
        }

        return new CommitteePlan(n, LevelsOf(n), congress, cycle);
    }

    /// <summary>Cells meet first in a congress year, then base organizations, the đảng bộ trực thuộc, the province last.</summary>
    private static DateOnly CongressOn(Organization org, int year)
    {
        var spread = (org.Id * 37 + year) % 60;
        return org.Kind switch
        {
            OrgKind.Province => new DateOnly(year, 10, 10).AddDays(spread % 10),
            OrgKind.SuperiorToBase => new DateOnly(year, 7, 1).AddDays(spread),
            OrgKind.BaseCommittee => new DateOnly(year, 4, 15).AddDays(spread),
            OrgKind.SectionCommittee => new DateOnly(year, 3, 20).AddDays(spread % 40),
            _ => new DateOnly(year, 3, 1).AddDays(spread),
        };
    }

    /// <summary>Official members of the subtree on the date (admitted a year before it), not already on a committee a level counts.</summary>
    private List<int> Eligible(List<int> pool, DateOnly on, bool[]? seated) =>
        pool.Where(i => IsEligible(_drafts[i], on) && (seated is null || !seated[i])).ToList();

    private static bool IsEligible(Draft d, DateOnly on) => !d.Probationary && d.Start <= on && d.Admitted.AddMonths(12) <= on;

    /// <summary>Usual sizes: Ban Chấp hành tỉnh 55, đảng bộ trực thuộc 11–27, đảng ủy cơ sở 5–15, chi ủy 3 (5 from 30 members; bí thư alone under 9).</summary>
    private static int NaturalSize(Node n, int eligible) => n.Org.Kind switch
    {
        OrgKind.Province => 55,
        OrgKind.SuperiorToBase => Math.Clamp(eligible / 60, 11, 27),
        OrgKind.BaseCommittee => Math.Clamp(eligible / 25, 5, 15),
        OrgKind.SectionCommittee => 5,
        _ => eligible >= 30 ? 5 : eligible >= 9 ? 3 : eligible >= 5 ? 2 : Math.Min(1, eligible),
    };

    /// <summary>Positions of a committee of a size: bí thư, phó bí thư, ủy viên ban thường vụ, then ủy viên.</summary>
    private static List<CommitteePosition> NaturalPositions(Node n, int size)
    {
        var (deputies, standing) = n.Org.Kind switch
        {
            OrgKind.Province => (3, 11),
            OrgKind.SuperiorToBase => (2, size >= 11 ? 4 : 0),
            OrgKind.BaseCommittee => (size >= 11 ? 2 : 1, size >= 9 ? 2 : 0),
            _ => (size >= 2 ? 1 : 0, 0),
        };
        var list = new List<CommitteePosition>();
        for (var k = 0; k < size; k++)
        {
            list.Add(k == 0 ? CommitteePosition.Secretary
                : k <= deputies ? CommitteePosition.DeputySecretary
                : k <= deputies + standing ? CommitteePosition.Standing
                : CommitteePosition.Member);
        }

        return list;
    }

    /// <summary>The level's seats less those already fixed, shared by natural size within what each organization can seat.</summary>
    private static List<int> Apportion(CommitteeTarget target, List<CommitteePlan> plans, List<int> eligible, int fixedSeats)
    {
        var need = target.Members - fixedSeats;
        var field = "committees." + target.Name + ".members";
        if (need < 0 || eligible.Sum() < need)
        {
            throw new ProfileException(field, need < 0
                ? $"số cấp ủy viên đã có ở cấp khác ({fixedSeats}) vượt quá {target.Members}."
                : $"không đủ đảng viên chính thức trong các tổ chức của cấp này để có {target.Members} cấp ủy viên.");
        }

        var weights = plans.Select((p, k) => (decimal)Math.Max(1, Math.Min(NaturalSize(p.Node, eligible[k]), eligible[k]))).ToList();
        var sum = weights.Sum();
        var sizes = plans.Count == 0 ? [] : LargestRemainder.Apportion(need, weights.Select(w => w / sum).ToList()).ToList();
        var spare = 0;
        for (var k = 0; k < sizes.Count; k++)
        {
            if (sizes[k] > eligible[k])
            {
                spare += sizes[k] - eligible[k];
                sizes[k] = eligible[k];
            }
        }

        for (var k = 0; spare > 0; k = (k + 1) % sizes.Count)
        {
            if (sizes[k] < eligible[k])
            {
                sizes[k]++;
                spare--;
            }
        }

        return sizes;
    }

    /// <summary>
    /// The stated positions less those of seats already fixed, over the committees: one secretary
    /// each at most, up to three deputies, standing members in committees of seven or more first.
    /// </summary>
    private static List<List<CommitteePosition>> DistributePositions(
        CommitteeTarget target, IReadOnlyDictionary<string, int> stated, List<CommitteePlan> plans, List<int> sizes, List<CommitteePlan> fixedPlans)
    {
        int Fixed(CommitteePosition p) => fixedPlans.Sum(f => f.Seats.Count(s => s.Position == p));
        var field = "committees." + target.Name + ".dimensions.position";
        var want = new Dictionary<CommitteePosition, int>
        {
            [CommitteePosition.Secretary] = stated["secretary"] - Fixed(CommitteePosition.Secretary),
            [CommitteePosition.DeputySecretary] = stated["deputySecretary"] - Fixed(CommitteePosition.DeputySecretary),
            [CommitteePosition.Standing] = stated["standing"] - Fixed(CommitteePosition.Standing),
        };
        if (want.Values.Any(v => v < 0))
        {
            throw new ProfileException(field, "các tổ chức đã tính ở cấp khác có nhiều chức vụ hơn số đã nêu.");
        }

        var result = sizes.Select(_ => new List<CommitteePosition>()).ToList();
        var order = Enumerable.Range(0, plans.Count).OrderByDescending(k => sizes[k]).ToList();
        void Place(CommitteePosition position, int perCommittee, int minSize)
        {
            var left = want[position];
            for (var round = 0; round < perCommittee && left > 0; round++)
            {
                foreach (var k in order.Where(k => sizes[k] >= minSize))
                {
                    if (left == 0)
                    {
                        break;
                    }

                    if (result[k].Count < sizes[k] && result[k].Count(x => x == position) == round)
                    {
                        result[k].Add(position);
                        left--;
                    }
                }
            }

            if (left > 0 && minSize > 1)
            {
                want[position] = left;
                Place(position, perCommittee, 1);
                return;
            }

            if (left > 0)
            {
                throw new ProfileException(field + "." + position switch
                {
                    CommitteePosition.Secretary => "secretary",
                    CommitteePosition.DeputySecretary => "deputySecretary",
                    _ => "standing",
                }, "không xếp đủ chức vụ này vào các cấp ủy của cấp (mỗi cấp ủy một bí thư, tối đa ba phó bí thư).");
            }
        }

        Place(CommitteePosition.Secretary, 1, 1);
        Place(CommitteePosition.DeputySecretary, 3, 2);
        Place(CommitteePosition.Standing, int.MaxValue, 7);
        for (var k = 0; k < result.Count; k++)
        {
            result[k] = [.. result[k].OrderBy(p => p), .. Enumerable.Repeat(CommitteePosition.Member, sizes[k] - result[k].Count)];
        }

        return result;
    }

    /// <summary>Chooses the committee's members: the best-qualified of a sample take the leading positions, the rest are drawn.</summary>
    private void Fill(CommitteePlan plan, List<CommitteePosition> positions, List<int> pool, bool[] seated, Random random, bool countsForLevel)
    {
        var size = positions.Count;
        var need = Math.Min(size * 3 + 5, pool.Count);
        var village = (plan.Levels & CommitteeLevels.VillageCell) != 0;
        bool Ok(int i) => IsEligible(_drafts[i], plan.Congress) && (!countsForLevel || !seated[i]);
        var candidates = Sample(pool, need, Ok, random);
        if (candidates.Count < size)
        {
            candidates = pool.Where(Ok).ToList();
        }

        double Lead(int i)
        {
            var d = _drafts[i];
            var age = Dates.AgeOn(d.Birth, plan.Congress);
            return (int)d.Theory * 2 + (d.Professional >= ProfessionalLevel.University ? 2 : 0) + (age is >= 35 and <= 58 ? 2 : 0)
                + (d.Retired && !village ? -4 : 0) + random.NextDouble() * 2;
        }

        var ranked = candidates.OrderByDescending(Lead).ToList();
        var leading = positions.Count(p => p != CommitteePosition.Member);
        var rest = ranked.Skip(leading).OrderBy(_ => random.Next()).ToList();
        var chosen = ranked.Take(leading).Concat(rest).Take(size).ToList();
        for (var k = 0; k < chosen.Count; k++)
        {
            plan.Seats.Add((positions[k], chosen[k]));
            if (countsForLevel)
            {
                seated[chosen[k]] = true;
            }
        }
    }

    /// <summary>Up to <paramref name="need"/> distinct indices of the pool passing the test: sampled for a large pool, all of a small one.</summary>
    private static List<int> Sample(List<int> pool, int need, Func<int, bool> ok, Random random)
    {
        if (pool.Count <= need * 4 + 50)
        {
            return pool.Where(ok).OrderBy(_ => random.Next()).Take(need).ToList();
        }

        var found = new HashSet<int>();
        for (var attempt = 0; attempt < need * 20 && found.Count < need; attempt++)
        {
            var i = pool[random.Next(pool.Count)];
            if (ok(i))
            {
                found.Add(i);
            }
        }

        return [.. found];
    }

    // ---------------------------------------------------------------- meeting a stated composition

    /// <summary>A dimension as the generator sees a draft: its category, and how two drafts exchange it.</summary>
    private sealed record Trait(string Name, Func<Draft, string> Category, Action<Draft, Draft> Exchange);

    private static readonly string[] EducationNames = ["literate", "primary", "lowerSecondary", "upperSecondary"];

    private static string ProfessionalName(ProfessionalLevel p) => p switch
    {
        ProfessionalLevel.None => "none",
        ProfessionalLevel.Elementary => "elementary",
        ProfessionalLevel.Intermediate or ProfessionalLevel.College => "intermediateCollege",
        _ => "universityPlus",
    };

    private static string TheoryName(PoliticalTheory t) => t switch
    {
        PoliticalTheory.None => "none",
        PoliticalTheory.Elementary => "elementary",
        PoliticalTheory.Intermediate => "intermediate",
        _ => "advanced",
    };

    private static readonly Trait[] Traits =
    [
        new("gender", d => d.Gender == Gender.Female ? "female" : "male", (a, b) => (a.Gender, b.Gender) = (b.Gender, a.Gender)),
        new("ethnicity", d => d.Minority ? "minority" : "kinh", (a, b) => (a.Minority, b.Minority) = (b.Minority, a.Minority)),
        new("generalEducation", d => EducationNames[(int)d.Education - 1], (a, b) => (a.Education, b.Education) = (b.Education, a.Education)),
        new("professional", d => ProfessionalName(d.Professional), (a, b) => (a.Professional, b.Professional) = (b.Professional, a.Professional)),
        new("politicalTheory", d => TheoryName(d.Theory), (a, b) => (a.Theory, b.Theory) = (b.Theory, a.Theory)),
    ];

    /// <summary>
    /// Meets each stated member dimension of a level on its adjustable seats: the target less what
    /// the fixed seats already count. Age bands first, by giving a seat to another member of the same
    /// organization in the band wanted (a birth date cannot move: the admission date hangs on it);
    /// then each attribute by exchanges with members on no counted committee.
    /// </summary>
    private void MeetDimensions(CommitteeTarget target, List<CommitteePlan> plans, List<int> frozen, bool[] seated, Random random)
    {
        if (target.AgeBands is { } bands)
        {
            MeetAges(target, bands, plans, frozen, seated, random);
        }

        var seats = plans.SelectMany(p => p.Seats.Select(s => s.Person)).ToList();
        var donors = Enumerable.Range(0, _drafts.Length).Where(i => !seated[i]).ToList();
        foreach (var trait in Traits)
        {
            if (target[trait.Name] is { } counts)
            {
                Meet(target, trait, counts, seats, frozen, donors, random);
            }
        }
    }

    private void MeetAges(CommitteeTarget target, IReadOnlyList<(AgeBand Band, int Count)> bands, List<CommitteePlan> plans, List<int> frozen, bool[] seated, Random random)
    {
        // Someone younger than the first band (it need not start at 18) belongs to none: "" must hold nobody.
        string BandOf(int i) => bands.FirstOrDefault(b => b.Band.Contains(Dates.AgeOn(_drafts[i].Birth, profile.AsOf))).Band?.Label ?? "";
        var field = "committees." + target.Name + ".dimensions." + MemberDimensions.AgeBand;
        var want = bands.ToDictionary(b => b.Band.Label, b => b.Count - frozen.Count(i => BandOf(i) == b.Band.Label));
        want[""] = 0;
        if (want.Values.Any(v => v < 0))
        {
            throw new ProfileException(field, "các cấp ủy đã tính ở cấp khác có nhiều người thuộc nhóm tuổi này hơn số đã nêu.");
        }

        var byBand = want.Keys.ToDictionary(k => k, _ => new List<(CommitteePlan Plan, int At)>());
        foreach (var plan in plans)
        {
            for (var k = 0; k < plan.Seats.Count; k++)
            {
                byBand[BandOf(plan.Seats[k].Person)].Add((plan, k));
            }
        }

        foreach (var band in want.Keys.Where(k => byBand[k].Count < want[k]).ToList())
        {
            while (byBand[band].Count < want[band])
            {
                var over = want.Keys.First(k => byBand[k].Count > want[k]);
                var moved = false;
                for (var attempt = 0; attempt < 30 && !moved; attempt++)
                {
                    var at = random.Next(byBand[over].Count);
                    var (plan, k) = byBand[over][at];
                    var pool = _inSubtree.GetValueOrDefault(plan.Node.Org.Id) ?? [];
                    var found = Sample(pool, 1, i => !seated[i] && IsEligible(_drafts[i], plan.Congress) && BandOf(i) == band, random);
                    if (found.Count == 0)
                    {
                        found = pool.Where(i => !seated[i] && IsEligible(_drafts[i], plan.Congress) && BandOf(i) == band).Take(1).ToList();
                    }

                    if (found.Count == 0)
                    {
                        continue;
                    }

                    seated[plan.Seats[k].Person] = false;
                    seated[found[0]] = true;
                    plan.Seats[k] = (plan.Seats[k].Position, found[0]);
                    RemoveAt(byBand[over], at);
                    byBand[band].Add((plan, k));
                    moved = true;
                }

                if (!moved)
                {
                    throw new ProfileException(field + "." + band, "các tổ chức của cấp này không có đủ đảng viên chính thức ở nhóm tuổi này.");
                }
            }
        }
    }

    private void Meet(CommitteeTarget target, Trait trait, IReadOnlyDictionary<string, int> counts, List<int> seats, List<int> frozen, List<int> donors, Random random)
    {
        var field = "committees." + target.Name + ".dimensions." + trait.Name;
        var want = counts.ToDictionary(c => c.Key, c => c.Value - frozen.Count(i => trait.Category(_drafts[i]) == c.Key));
        want.TryAdd("", 0);
        if (want.Values.Any(v => v < 0))
        {
            throw new ProfileException(field, "các cấp ủy đã tính ở cấp khác có nhiều người thuộc hạng mục này hơn số đã nêu.");
        }

        var bySeat = want.Keys.ToDictionary(k => k, _ => new List<int>());
        foreach (var s in seats)
        {
            bySeat[trait.Category(_drafts[s])].Add(s);
        }

        var byDonor = want.Keys.ToDictionary(k => k, _ => new List<int>());
        foreach (var d in donors)
        {
            byDonor[trait.Category(_drafts[d])].Add(d);
        }

        foreach (var (short_, _) in want.Where(w => bySeat[w.Key].Count < w.Value).ToList())
        {
            while (bySeat[short_].Count < want[short_])
            {
                var over = want.Keys.First(k => bySeat[k].Count > want[k]);
                var seatAt = random.Next(bySeat[over].Count);
                var seat = bySeat[over][seatAt];
                var donorAt = FindDonor(byDonor[short_], seat, random);
                if (donorAt < 0)
                {
                    throw new ProfileException(field + "." + short_, "không đủ đảng viên thuộc hạng mục này để đổi vào cấp ủy mà vẫn giữ đúng số liệu đảng viên của tỉnh.");
                }

                var donor = byDonor[short_][donorAt];
                trait.Exchange(_drafts[seat], _drafts[donor]);
                RemoveAt(bySeat[over], seatAt);
                bySeat[short_].Add(seat);
                RemoveAt(byDonor[short_], donorAt);
                byDonor[over].Add(donor);
            }
        }
    }

    /// <summary>A donor for the seat: one with the same retired and youth-union standing when one is found quickly, else any.</summary>
    private int FindDonor(List<int> donors, int seat, Random random)
    {
        if (donors.Count == 0)
        {
            return -1;
        }

        var s = _drafts[seat];
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var k = random.Next(donors.Count);
            var d = _drafts[donors[k]];
            if (d.Retired == s.Retired && d.YouthUnion == s.YouthUnion)
            {
                return k;
            }
        }

        return random.Next(donors.Count);
    }

    private static void RemoveAt<T>(List<T> list, int at)
    {
        list[at] = list[^1];
        list.RemoveAt(list.Count - 1);
    }

    /// <summary>
    /// Postgraduate degrees, science-technology background and civil-service grade of a level's new
    /// seats: exactly as stated (less the fixed seats), else plausible for the level. None of them is
    /// a member-profile count, except that a postgraduate must be "universityPlus": when too few are
    /// and the profile leaves professional free, that is exchanged first.
    /// </summary>
    private void CadreAttributes(CommitteeTarget? target, CommitteeLevels level, List<(int Person, CommitteePosition Position)> seats, List<int> frozen, bool[] seated, Random random)
    {
        var people = seats.Select(s => s.Person).ToList();
        var senior = seats.OrderBy(s => s.Position).ThenByDescending(s => (int)_drafts[s.Person].Theory).ThenByDescending(s => _drafts[s.Person].Age)
            .Select(s => s.Person).ToList();
        int Frozen(Func<Draft, bool> test) => frozen.Count(i => test(_drafts[i]));

        if (target?["postgraduate"] is { } post)
        {
            var field = "committees." + target.Name + ".dimensions.postgraduate";
            var need = post["yes"] - Frozen(d => d.Professional >= ProfessionalLevel.Master);
            var holders = people.Where(i => _drafts[i].Professional >= ProfessionalLevel.University).ToList();
            if (holders.Count < need && target["professional"] is null)
            {
                var donors = Enumerable.Range(0, _drafts.Length).Where(i => !seated[i]).ToList();
                var want = new Dictionary<string, int>
                {
                    ["universityPlus"] = need + Frozen(d => d.Professional >= ProfessionalLevel.University),
                };
                var others = people.Count + frozen.Count - want["universityPlus"];
                foreach (var name in new[] { "none", "elementary", "intermediateCollege" })
                {
                    var c = people.Concat(frozen).Count(i => ProfessionalName(_drafts[i].Professional) == name);
                    var take = Math.Min(c, others);
                    want[name] = take;
                    others -= take;
                }

                Meet(target, Traits[3], want, people, frozen, donors, random);
                holders = people.Where(i => _drafts[i].Professional >= ProfessionalLevel.University).ToList();
            }

            if (need < 0 || holders.Count < need)
            {
                throw new ProfileException(field, "số thạc sĩ trở lên vượt số cấp ủy viên có trình độ đại học trở lên.");
            }

            var chosen = senior.Where(holders.Contains).Take(need).ToHashSet();
            foreach (var i in holders)
            {
                _drafts[i].Professional = chosen.Contains(i)
                    ? (_drafts[i].Professional == ProfessionalLevel.Doctor || random.NextDouble() < 0.08 ? ProfessionalLevel.Doctor : ProfessionalLevel.Master)
                    : ProfessionalLevel.University;
            }
        }

        if (target?["scienceTech"] is { } science)
        {
            var need = science["yes"] - Frozen(d => d.ScienceTech == true);
            if (need < 0)
            {
                throw new ProfileException("committees." + target.Name + ".dimensions.scienceTech", "các cấp ủy đã tính ở cấp khác có nhiều người hơn số đã nêu.");
            }

            var chosen = people.OrderByDescending(i => _drafts[i].Professional >= ProfessionalLevel.University ? 1 : 0).ThenBy(_ => random.Next()).Take(need).ToHashSet();
            foreach (var i in people)
            {
                _drafts[i].ScienceTech = chosen.Contains(i);
            }
        }
        else
        {
            // Decided now, so that a later level sharing these seats counts a known value.
            foreach (var i in people)
            {
                _drafts[i].ScienceTech ??= _drafts[i].Professional >= ProfessionalLevel.Intermediate && random.NextDouble() < 0.2;
            }
        }

        var grades = target?["grade"] is { } stated
            ? new (CivilServiceGrade Grade, int Count)[]
            {
                (CivilServiceGrade.Senior, stated["senior"] - Frozen(d => d.Grade == CivilServiceGrade.Senior)),
                (CivilServiceGrade.Principal, stated["principal"] - Frozen(d => d.Grade == CivilServiceGrade.Principal)),
                (CivilServiceGrade.Officer, stated["specialist"] - Frozen(d => d.Grade == CivilServiceGrade.Officer)),
                (CivilServiceGrade.None, stated["none"] - Frozen(d => d.Grade is null or CivilServiceGrade.None)),
            }
            : NaturalGrades(level, people.Count);
        if (grades.Any(g => g.Count < 0) || grades.Sum(g => g.Count) != people.Count)
        {
            throw new ProfileException("committees." + target!.Name + ".dimensions.grade", "các cấp ủy đã tính ở cấp khác có nhiều người thuộc một ngạch hơn số đã nêu.");
        }

        var at = 0;
        foreach (var (grade, count) in grades)
        {
            foreach (var i in senior.Skip(at).Take(count))
            {
                _drafts[i].Grade = grade;
            }

            at += count;
        }
    }

    /// <summary>Grades by level when the profile states none: senior and principal at the province, few at all in villages.</summary>
    private static (CivilServiceGrade Grade, int Count)[] NaturalGrades(CommitteeLevels level, int n)
    {
        decimal[] shares = level switch
        {
            CommitteeLevels.Province => [0.40m, 0.55m, 0.05m, 0m],
            CommitteeLevels.Commune => [0.05m, 0.45m, 0.45m, 0.05m],
            CommitteeLevels.Base => [0m, 0.15m, 0.50m, 0.35m],
            _ => [0m, 0m, 0.05m, 0.95m],
        };
        var counts = n == 0 ? new int[4] : LargestRemainder.Apportion(n, shares);
        return [(CivilServiceGrade.Senior, counts[0]), (CivilServiceGrade.Principal, counts[1]), (CivilServiceGrade.Officer, counts[2]), (CivilServiceGrade.None, counts[3])];
    }

    /// <summary>"Bí thư Đảng ủy xã An Hòa", "Chi ủy viên Chi bộ ấp Một"…</summary>
    private static string PostOf(CommitteePosition position, Organization org)
    {
        if (org.Kind == OrgKind.Province)
        {
            return position switch
            {
                CommitteePosition.Secretary => "Bí thư Tỉnh ủy",
                CommitteePosition.DeputySecretary => "Phó Bí thư Tỉnh ủy",
                CommitteePosition.Standing => "Ủy viên Ban Thường vụ Tỉnh ủy",
                _ => "Tỉnh ủy viên",
            };
        }

        var cell = org.Kind.HoldsMembers();
        var body = cell ? org.Name : org.Name.Replace("Đảng bộ ", "Đảng ủy ", StringComparison.Ordinal);
        return position switch
        {
            CommitteePosition.Secretary => "Bí thư " + body,
            CommitteePosition.DeputySecretary => "Phó Bí thư " + body,
            CommitteePosition.Standing => "Ủy viên Ban Thường vụ " + body,
            _ => (cell ? "Chi ủy viên " : "Ủy viên Ban Chấp hành ") + org.Name,
        };
    }
}
