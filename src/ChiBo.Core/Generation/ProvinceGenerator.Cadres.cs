using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChiBo.Cadres;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using ChiBo.Villages;

namespace ChiBo.Generation;

public sealed partial class ProvinceGenerator
{
    // The shape of the demo's cadre work: plausible proportions, not statistics from the seeds.
    private const double ReElected = 0.55;
    private const double ChangedMidTerm = 0.04;
    private const double PromotedMidTerm = 0.05;
    private const double Vacancy = 0.12;
    private const double CombinedCell = 0.08;
    private const double VillageWithoutCell = 0.03;
    private const double HeadIsMember = 0.82;
    private const double FrontHeadIsMember = 0.85;
    private const double TrainedThisTerm = 0.88;

    private static readonly EvaluationCriterion[] DemoCriteria =
    [
        new("ket-qua-nhiem-vu", "Kết quả thực hiện nhiệm vụ được giao", EvaluationComponent.WorkResults, 25),
        new("lanh-dao-chi-dao", "Năng lực lãnh đạo, chỉ đạo, điều hành", EvaluationComponent.WorkResults, 10),
        new("pham-chat", "Phẩm chất chính trị, đạo đức, lối sống", EvaluationComponent.WorkResults, 10),
        new("san-pham", "Sản phẩm cụ thể theo nhiệm vụ được giao", EvaluationComponent.Outputs, 20),
        new("tin-nhiem", "Chỉ số tín nhiệm", EvaluationComponent.Trust, 10),
        new("y-kien-cap-tren", "Ý kiến của cấp trên", EvaluationComponent.Superiors, 10),
        new("y-kien-dong-cap", "Ý kiến của đồng cấp", EvaluationComponent.Peers, 8),
        new("y-kien-cap-duoi", "Ý kiến của cấp dưới", EvaluationComponent.Subordinates, 7),
    ];

    private static readonly EvaluationCriterion PeopleCriterion =
        new("y-kien-nhan-dan", "Mức độ hài lòng của Nhân dân", EvaluationComponent.People, 10);

    /// <summary>001:30: khuyến khích, động viên, ghi nhận; nhắc nhở, cảnh báo, cảnh tỉnh.</summary>
    private static readonly EvaluationBand[] DemoBands =
    [
        new(90, "Xuất sắc", "Khuyến khích", false),
        new(75, "Tốt", "Động viên", false),
        new(60, "Đạt", "Ghi nhận", false),
        new(50, "Chưa đạt", "Nhắc nhở", true),
        new(35, "Yếu", "Cảnh báo", true),
        new(0, "Kém", "Cảnh tỉnh", true),
    ];

    private int _cadreId;

    private int NextCadreId() => _cadreId++;

    private int MemberIdOf(int draft) => ids.Member + draft;

    /// <summary>
    /// The rows of cadre work once the tree and the members are written: every planned committee
    /// with its seats (a few changed during the term, the previous term before it), cadre profiles,
    /// villages with their cells and heads, management pools with two quarters of evaluations,
    /// planning pools, a term of rotations and training. A random stream of its own.
    /// </summary>
    private void BuildCadres()
    {
        var random = new Random(seed ^ 0xCAD2E);
        var cadres = _result.Cadres;
        // Each table numbers from the same start; ids need only be unique within a table.
        var committeeIds = ids.Cadre;
        var seatIds = ids.Cadre;
        _cadreId = ids.Cadre;
        foreach (var plan in _plans)
        {
            var org = plan.Node.Org;
            var congress = plan.Congress < org.FoundedOn ? org.FoundedOn : plan.Congress;
            var previousCongress = CongressOn(org, plan.Cycle - 5);
            var hasPrevious = previousCongress >= org.FoundedOn && previousCongress < congress;
            if (hasPrevious)
            {
                var previous = NewCommittee(committeeIds++, plan, previousCongress, plan.Cycle - 5, congress, random);
                cadres.Committees.Add(previous);
                var used = new HashSet<int>();
                foreach (var (position, person) in plan.Seats)
                {
                    var who = random.NextDouble() < ReElected && IsEligible(_drafts[person], previousCongress) && used.Add(person)
                        ? person
                        : Pick(plan, previousCongress, used, random);
                    if (who >= 0)
                    {
                        cadres.Seats.Add(Seat(seatIds++, previous, org, who, position, previousCongress, congress, MembershipChange.Elected, MembershipChange.TermEnded));
                    }
                }
            }

            var committee = NewCommittee(committeeIds++, plan, congress, plan.Cycle, Dates.OpenEnd, random);
            cadres.Committees.Add(committee);
            var taken = plan.Seats.Select(s => s.Person).ToHashSet();
            var days = profile.AsOf.DayNumber - congress.DayNumber;
            foreach (var (position, person) in plan.Seats)
            {
                var roll = random.NextDouble();
                if (days > 120 && roll < ChangedMidTerm && Pick(plan, congress, taken, random) is var before and >= 0)
                {
                    // Bầu bổ sung: someone held the seat from the congress and left; this member came in later.
                    var on = congress.AddDays(60 + random.Next(days - 90));
                    cadres.Seats.Add(Seat(seatIds++, committee, org, before, position, congress, on,
                        MembershipChange.Elected, random.NextDouble() < 0.6 ? MembershipChange.Moved : MembershipChange.Resigned));
                    cadres.Seats.Add(Seat(seatIds++, committee, org, person, position, on, Dates.OpenEnd, MembershipChange.Added, null));
                }
                else if (days > 120 && position == CommitteePosition.DeputySecretary && roll < ChangedMidTerm + PromotedMidTerm)
                {
                    var on = congress.AddDays(60 + random.Next(days - 90));
                    cadres.Seats.Add(Seat(seatIds++, committee, org, person, CommitteePosition.Member, congress, on, MembershipChange.Elected, MembershipChange.PositionChanged));
                    cadres.Seats.Add(Seat(seatIds++, committee, org, person, position, on, Dates.OpenEnd, MembershipChange.PositionChanged, null));
                }
                else
                {
                    cadres.Seats.Add(Seat(seatIds++, committee, org, person, position, congress, Dates.OpenEnd, MembershipChange.Elected, null));
                }
            }
        }

        BuildProfiles(random);
        BuildVillages(random);
        var pools = BuildManagementPools();
        BuildEvaluations(pools, random);
        BuildPlanning(random);
        BuildRotations(random);
        BuildTraining(random);
    }

    private Committee NewCommittee(int id, CommitteePlan plan, DateOnly congress, int cycle, DateOnly validTo, Random random)
    {
        var org = plan.Node.Org;
        var suffix = org.Kind switch
        {
            OrgKind.Province => "-QĐ/TW",
            OrgKind.SuperiorToBase => "-QĐ/TU",
            _ => "-QĐ/ĐU",
        };
        return new Committee
        {
            Id = id, ProvinceId = org.ProvinceId, OrganizationId = org.Id, Levels = plan.Levels,
            Term = string.Create(CultureInfo.InvariantCulture, $"{cycle}–{cycle + 5}"), CongressOn = congress, TermEndsOn = congress.AddYears(5),
            ValidTo = validTo, Formation = CommitteeFormation.Elected,
            Seats = plan.Seats.Count + (random.NextDouble() < Vacancy ? 1 + random.Next(2) : 0),
            DecisionNumber = (1 + random.Next(999)).ToString(CultureInfo.InvariantCulture) + suffix,
            RecordedBy = RecordedBy, RecordedAt = new DateTimeOffset(congress.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Version = 1,
        };
    }

    private CommitteeMembership Seat(
        int id, Committee committee, Organization org, int person, CommitteePosition position, DateOnly from, DateOnly to,
        MembershipChange start, MembershipChange? end) => new()
        {
            Id = id, ProvinceId = org.ProvinceId, CommitteeId = committee.Id, OrganizationId = org.Id, OrgPath = org.Path, Levels = committee.Levels,
            MemberId = MemberIdOf(person), Position = position, ValidFrom = from, ValidTo = to, StartReason = start, EndReason = end,
            StartDecision = committee.DecisionNumber,
        };

    /// <summary>A member of the organization eligible on the date, not yet taken; -1 when none is found.</summary>
    private int Pick(CommitteePlan plan, DateOnly on, HashSet<int> taken, Random random)
    {
        var pool = _inSubtree.GetValueOrDefault(plan.Node.Org.Id) ?? [];
        var found = Sample(pool, 1, i => !taken.Contains(i) && !_seated[i] && IsEligible(_drafts[i], on), random);
        if (found.Count == 0)
        {
            return -1;
        }

        taken.Add(found[0]);
        return found[0];
    }

    /// <summary>Cadre profiles of the members on committees a level counts, with their posts outside the party.</summary>
    private void BuildProfiles(Random random)
    {
        var done = new HashSet<int>();
        foreach (var plan in _plans.Where(p => p.Levels != CommitteeLevels.None))
        {
            var org = plan.Node.Org;
            var village = (plan.Levels & CommitteeLevels.VillageCell) != 0;
            var place = org.Name.Replace("Đảng bộ ", "", StringComparison.Ordinal).Replace("Chi bộ ", "", StringComparison.Ordinal);
            var deputies = 0;
            foreach (var (position, person) in plan.Seats)
            {
                if (!done.Add(person))
                {
                    continue;
                }

                var d = _drafts[person];
                var age = Dates.AgeOn(d.Birth, profile.AsOf);
                var p = new CadreProfile
                {
                    Id = NextCadreId(), ProvinceId = org.ProvinceId, MemberId = MemberIdOf(person),
                    It = d.Professional >= ProfessionalLevel.University
                        ? (random.NextDouble() < 0.35 ? ItQualification.Advanced : ItQualification.Basic)
                        : age < 50 && random.NextDouble() < 0.7 ? ItQualification.Basic : ItQualification.None,
                    RetiredCadre = d.Retired, Veteran = village && d.Gender == Gender.Male && random.NextDouble() < 0.15,
                    UpdatedAt = new DateTimeOffset(profile.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Version = 1,
                };
                if (position == CommitteePosition.DeputySecretary)
                {
                    deputies++;
                }

                switch (org.Kind, position)
                {
                    case (OrgKind.Province, CommitteePosition.DeputySecretary):
                        p.GovernmentPost = deputies == 1 ? "Chủ tịch UBND tỉnh" : deputies == 2 ? "Chủ tịch HĐND tỉnh" : null;
                        break;
                    case (OrgKind.SuperiorToBase, CommitteePosition.Secretary) when org.Sector == Sector.Commune:
                        p.GovernmentPost = random.NextDouble() < 0.7 ? "Chủ tịch HĐND " + place : null;
                        break;
                    case (OrgKind.SuperiorToBase, CommitteePosition.DeputySecretary) when org.Sector == Sector.Commune:
                        if (deputies == 1)
                        {
                            p.GovernmentPost = "Chủ tịch UBND " + place;
                        }
                        else
                        {
                            p.FrontPost = "Chủ tịch Ủy ban MTTQ " + place;
                        }

                        break;
                    case (_, CommitteePosition.Secretary) when village:
                        var roll = random.NextDouble();
                        p.VillagePost = roll < 0.35 ? "Trưởng " + place : null;
                        p.FrontPost = roll is >= 0.35 and < 0.7 ? "Trưởng ban công tác Mặt trận " + place : null;
                        break;
                }

                _result.Cadres.Profiles.Add(p);
            }
        }
    }

    // ---------------------------------------------------------------- villages

    /// <summary>
    /// Villages of each commune: one for each of its village cells, a second for a few (chi bộ
    /// ghép), a few with no cell of their own yet; village heads and front-work heads, most of them
    /// party members of the village's cell, the others named outside the register. A commune with no
    /// village cell (a profile with no TCCSĐ of the commune sector) gets no villages.
    /// </summary>
    private void BuildVillages(Random random)
    {
        var reformed = profile.AsOf >= ProvinceProfile.TwoLevelGovernment;
        var cellsOf = new Dictionary<int, List<Node>>();
        foreach (var node in _nodes.Values.Where(n => n.Org.Kind.HoldsMembers() && n.Org.Sector == Sector.Commune).OrderBy(n => n.Org.Id))
        {
            var commune = CommuneOf(node, reformed);
            if (commune is null)
            {
                continue;
            }

            if (!cellsOf.TryGetValue(commune.Org.Id, out var list))
            {
                cellsOf[commune.Org.Id] = list = [];
            }

            list.Add(node);
        }

        var heads = _result.Cadres.Profiles.ToDictionary(p => p.MemberId);
        var secretaries = _plans.Where(p => (p.Levels & CommitteeLevels.VillageCell) != 0)
            .SelectMany(p => p.Seats.Where(s => s.Position == CommitteePosition.Secretary).Select(s => (p.Node.Org.Id, s.Person)))
            .ToDictionary(x => x.Id, x => x.Person);
        var headsFrom = profile.AsOf.AddYears(-2) is var f && f.Month > 6 ? new DateOnly(f.Year, 7, 1) : new DateOnly(f.Year, 1, 1);
        foreach (var (communeId, cells) in cellsOf)
        {
            var commune = _nodes[communeId].Org;
            var names = new HashSet<string>(StringComparer.Ordinal);
            Village NewVillage(string name, DateOnly established)
            {
                var unique = name;
                for (var n = 2; !names.Add(unique); n++)
                {
                    unique = name + " " + n.ToString(CultureInfo.InvariantCulture);
                }

                var village = new Village
                {
                    Id = NextCadreId(), ProvinceId = commune.ProvinceId, CommuneId = commune.Id, Kind = KindOf(unique), Name = VietnameseText.Clean(unique),
                    EstablishedOn = established, ValidTo = Dates.OpenEnd, Version = 1,
                };
                _result.Cadres.Villages.Add(village);
                return village;
            }

            void Cover(Village v, Node cell) => _result.Cadres.VillageCells.Add(new VillageCell
            {
                Id = NextCadreId(), ProvinceId = v.ProvinceId, VillageId = v.Id, CellId = cell.Org.Id,
                ValidFrom = v.EstablishedOn > cell.Org.FoundedOn ? v.EstablishedOn : cell.Org.FoundedOn, ValidTo = Dates.OpenEnd,
            });

            foreach (var cell in cells)
            {
                var name = cell.Org.Name.StartsWith("Chi bộ ", StringComparison.Ordinal) ? cell.Org.Name["Chi bộ ".Length..] : cell.Org.Name;
                var established = DateIn(random, new DateOnly(1976, 1, 1), new DateOnly(2005, 12, 31));
                var covered = new List<Village> { NewVillage(name, established) };
                if (random.NextDouble() < CombinedCell)
                {
                    covered.Add(NewVillage(VillageName(random), established));
                }

                foreach (var v in covered)
                {
                    Cover(v, cell);
                    var members = _inSubtree.GetValueOrDefault(cell.Org.Id) ?? [];
                    var secretary = secretaries.TryGetValue(cell.Org.Id, out var s) ? s : -1;
                    AddHead(v, VillageRole.Head, members, secretary, heads, headsFrom, HeadIsMember, random);
                    AddHead(v, VillageRole.FrontWorkHead, members, secretary, heads, headsFrom, FrontHeadIsMember, random);
                }
            }

            for (var k = 0; k < Math.Round(cells.Count * VillageWithoutCell); k++)
            {
                var v = NewVillage(VillageName(random), DateIn(random, new DateOnly(2005, 1, 1), new DateOnly(2015, 12, 31)));
                AddHead(v, VillageRole.Head, [], -1, heads, headsFrom, 0, random);
            }
        }
    }

    private string VillageName(Random random) =>
        _region.VillageWords[random.Next(_region.VillageWords.Length)] + " " + _region.PlaceFirst[random.Next(_region.PlaceFirst.Length)]
        + " " + _region.PlaceSecond[random.Next(_region.PlaceSecond.Length)];

    private static DateOnly DateIn(Random random, DateOnly lo, DateOnly hi) => lo.AddDays(random.Next(hi.DayNumber - lo.DayNumber + 1));

    /// <summary>The commune a village cell's villages belong to: the đảng bộ xã above it (after 1/7/2025 the đảng bộ trực thuộc; before, the xã đảng bộ cơ sở).</summary>
    private Node? CommuneOf(Node cell, bool reformed)
    {
        for (var n = cell; n is not null; n = n.Org.ParentId is { } p ? _nodes[p] : null)
        {
            if (n.Org.Sector == Sector.Commune && n.Org.Kind == (reformed ? OrgKind.SuperiorToBase : OrgKind.BaseCommittee))
            {
                return n;
            }
        }

        return null;
    }

    private static VillageKind KindOf(string name) => name.Split(' ')[0].ToLowerInvariant() switch
    {
        "ấp" => VillageKind.Ap,
        "khóm" => VillageKind.Khom,
        "xóm" => VillageKind.Xom,
        "bản" => VillageKind.Ban,
        "tổ" => VillageKind.ToDanPho,
        "khu" => VillageKind.KhuPho,
        _ => VillageKind.Thon,
    };

    /// <summary>A head: the cell's secretary when the cadre profile says so, else a member of the cell or someone outside the register.</summary>
    private void AddHead(Village v, VillageRole role, List<int> members, int secretary, Dictionary<int, CadreProfile> profiles, DateOnly from, double memberShare, Random random)
    {
        int? member = null;
        if (secretary >= 0 && profiles.TryGetValue(MemberIdOf(secretary), out var p)
            && (role == VillageRole.Head ? p.VillagePost : p.FrontPost) is not null)
        {
            member = secretary;
        }
        else if (members.Count > 0 && random.NextDouble() < memberShare)
        {
            member = members[random.Next(members.Count)];
        }

        var gender = random.NextDouble() < 0.2 ? Gender.Female : Gender.Male;
        _result.Cadres.VillageHeads.Add(new VillageHead
        {
            Id = NextCadreId(), ProvinceId = v.ProvinceId, VillageId = v.Id, Role = role,
            FullName = member is { } m ? _result.Members[m].FullName : VietnameseNames.Full(random, gender, Ethnicities.Kinh),
            MemberId = member is { } id ? MemberIdOf(id) : null,
            ValidFrom = from > v.EstablishedOn ? from : v.EstablishedOn, ValidTo = Dates.OpenEnd,
        });
    }

    // ---------------------------------------------------------------- management pools and evaluations

    /// <summary>
    /// Diện Ban Thường vụ Tỉnh ủy quản lý: the province committee and the secretaries and deputies of
    /// the đảng bộ trực thuộc; each đảng bộ trực thuộc manages its other committee members and the
    /// secretaries of its base organizations.
    /// </summary>
    private List<(ManagementPool Pool, List<(int Person, string Post, DateOnly From)> Cadres, bool People)> BuildManagementPools()
    {
        var pools = new List<(ManagementPool, List<(int, string, DateOnly)>, bool)>();
        var byOrg = _plans.ToDictionary(p => p.Node.Org.Id);
        var province = _result.Organizations.Single(o => o.Kind == OrgKind.Province);
        var direct = _result.Organizations.Where(o => o.Kind == OrgKind.SuperiorToBase).ToList();
        var (first, _) = EvaluatedQuarters();
        DateOnly From(CommitteePlan plan) => plan.Congress < first ? plan.Congress : first;
        var provinceCadres = new List<(int, string, DateOnly)>();
        if (byOrg.TryGetValue(province.Id, out var top))
        {
            provinceCadres.AddRange(top.Seats.Select(s => (s.Person, PostOf(s.Position, province), From(top))));
        }

        foreach (var org in direct.Where(o => byOrg.ContainsKey(o.Id)))
        {
            var plan = byOrg[org.Id];
            provinceCadres.AddRange(plan.Seats.Where(s => s.Position is CommitteePosition.Secretary or CommitteePosition.DeputySecretary)
                .Select(s => (s.Person, PostOf(s.Position, org), From(plan))));
        }

        pools.Add((NewPool(province, "Diện Ban Thường vụ Tỉnh ủy quản lý"), Distinct(provinceCadres), false));
        foreach (var org in direct.Where(o => byOrg.ContainsKey(o.Id)))
        {
            var plan = byOrg[org.Id];
            var cadres = plan.Seats.Where(s => s.Position is CommitteePosition.Standing or CommitteePosition.Member)
                .Select(s => (s.Person, PostOf(s.Position, org), From(plan))).ToList();
            foreach (var b in _plans.Where(p => p.Node.Org.Kind.IsBaseOrganization() && p.Node.Org.Path.StartsWith(org.Path, StringComparison.Ordinal)))
            {
                cadres.AddRange(b.Seats.Where(s => s.Position == CommitteePosition.Secretary).Select(s => (s.Person, PostOf(s.Position, b.Node.Org), From(b))));
            }

            var body = org.Name.Replace("Đảng bộ ", "Đảng ủy ", StringComparison.Ordinal);
            pools.Add((NewPool(org, "Diện Ban Thường vụ " + body + " quản lý"), Distinct(cadres), org.Sector == Sector.Commune));
        }

        foreach (var (pool, cadres, _) in pools)
        {
            foreach (var (person, post, from) in cadres)
            {
                _result.Cadres.ManagementEntries.Add(new ManagementPoolEntry
                {
                    Id = NextCadreId(), ProvinceId = pool.ProvinceId, PoolId = pool.Id, MemberId = MemberIdOf(person), Post = post,
                    ValidFrom = from < _drafts[person].Start ? _drafts[person].Start : from, ValidTo = Dates.OpenEnd,
                });
            }
        }

        return pools;
    }

    private static List<(int, string, DateOnly)> Distinct(List<(int Person, string Post, DateOnly From)> cadres) =>
        cadres.GroupBy(c => c.Person).Select(g => g.First()).ToList();

    private ManagementPool NewPool(Organization org, string name)
    {
        var pool = new ManagementPool { Id = NextCadreId(), ProvinceId = org.ProvinceId, OrganizationId = org.Id, Name = VietnameseText.Clean(name), Version = 1 };
        _result.Cadres.ManagementPools.Add(pool);
        return pool;
    }

    /// <summary>The last two whole quarters up to the profile's date.</summary>
    private (DateOnly First, (int Year, int Quarter)[] Quarters) EvaluatedQuarters()
    {
        var (year, quarter) = Quarters.Of(profile.AsOf);
        if (Quarters.Bounds(year, quarter).Last != profile.AsOf)
        {
            (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1);
        }

        var earlier = quarter == 1 ? (year - 1, 4) : (year, quarter - 1);
        return (Quarters.Bounds(earlier.Item1, earlier.Item2).First, [earlier, (year, quarter)]);
    }

    /// <summary>
    /// Two quarters for every pool: the earlier locked, the later still open with a tenth of its cadres
    /// not yet concluded. Each cadre has a quality that carries across quarters; scores, products, trust
    /// votes and ballots follow it, and the stored score is what the app's scoring computes.
    /// </summary>
    private void BuildEvaluations(List<(ManagementPool Pool, List<(int Person, string Post, DateOnly From)> Cadres, bool People)> pools, Random random)
    {
        var (first, quarters) = EvaluatedQuarters();
        var policy = EvaluationPolicy.Default;
        var quality = new Dictionary<int, double>();
        var codeSerial = 0;
        foreach (var (pool, cadres, people) in pools)
        {
            var criteria = people ? [.. DemoCriteria, PeopleCriterion] : DemoCriteria.ToList();
            var template = new EvaluationTemplate
            {
                Id = NextCadreId(), ProvinceId = pool.ProvinceId, PoolId = pool.Id, Name = "Bộ tiêu chí đánh giá cán bộ hằng quý",
                ValidFrom = new DateOnly(first.Year, 1, 1),
                Criteria = JsonSerializer.Serialize(criteria, EvaluationPolicy.Json), Bands = JsonSerializer.Serialize(DemoBands, EvaluationPolicy.Json),
                RecordedBy = RecordedBy, RecordedAt = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            };
            _result.Cadres.Templates.Add(template);
            for (var q = 0; q < quarters.Length; q++)
            {
                var (year, quarter) = quarters[q];
                var (start, end) = Quarters.Bounds(year, quarter);
                var last = q == quarters.Length - 1;
                var period = new EvaluationPeriod
                {
                    Id = NextCadreId(), ProvinceId = pool.ProvinceId, PoolId = pool.Id, TemplateId = template.Id, Year = year, Quarter = quarter,
                    State = last ? PeriodState.Open : PeriodState.Locked, Version = 1,
                };
                _result.Cadres.Periods.Add(period);
                foreach (var (person, _, _) in cadres.Where(c => c.From <= end))
                {
                    if (!quality.TryGetValue(person, out var level))
                    {
                        quality[person] = level = Math.Clamp(78 + Normal(random) * 11, 25, 99);
                    }

                    var open = last && random.NextDouble() < 0.1;
                    Evaluate(period, criteria, person, Math.Clamp(level + Normal(random) * 4, 10, 100), end, open, ref codeSerial, policy, random);
                }
            }
        }
    }

    private void Evaluate(
        EvaluationPeriod period, List<EvaluationCriterion> criteria, int person, double q, DateOnly quarterEnd, bool open,
        ref int codeSerial, EvaluationPolicy policy, Random random)
    {
        decimal Around(double mean, double spread) => Math.Clamp(Math.Round((decimal)(mean + Normal(random) * spread)), 0, 100);
        var self = criteria.Where(c => c.Component == EvaluationComponent.WorkResults).ToDictionary(c => c.Code, _ => Around(q + 6, 4));
        var results = criteria.Where(c => c.Component == EvaluationComponent.WorkResults).ToDictionary(c => c.Code, _ => Around(q, 5));
        var productCount = 3 + random.Next(3);
        var products = Enumerable.Range(1, productCount).Select(k =>
        {
            var delivered = random.NextDouble() * 100 < q + 10;
            return new Product(ProductNames[random.Next(ProductNames.Length)] + " " + k.ToString(CultureInfo.InvariantCulture),
                delivered, delivered && random.NextDouble() * 100 < q + 5, delivered ? "Văn bản, biên bản lưu tại cơ quan" : null);
        }).ToList();
        var votes = 15 + random.Next(30);
        var high = (int)Math.Round(votes * Math.Clamp((q - 40) / 60, 0.05, 0.98));
        var low = (int)Math.Round((votes - high) * Math.Clamp((70 - q) / 70, 0, 0.9));
        var evaluation = new CadreEvaluation
        {
            Id = NextCadreId(), ProvinceId = period.ProvinceId, PeriodId = period.Id, MemberId = MemberIdOf(person),
            State = open ? EvaluationState.Feedback : EvaluationState.Concluded,
            SelfScores = JsonSerializer.Serialize(self, EvaluationPolicy.Json), SelfSummary = "Hoàn thành các nhiệm vụ được giao trong quý.",
            SelfAssessedOn = quarterEnd.AddDays(3),
            ResultScores = open ? null : JsonSerializer.Serialize(results, EvaluationPolicy.Json),
            Products = JsonSerializer.Serialize(products, EvaluationPolicy.Json),
            TrustHigh = open ? 0 : high, TrustMedium = open ? 0 : votes - high - low, TrustLow = open ? 0 : low, Version = 1,
        };
        _result.Cadres.Evaluations.Add(evaluation);

        var feedback = new List<GroupFeedback>();
        foreach (var group in criteria.Select(c => c.Component).Where(EvaluationScoring.IsFeedback).Distinct())
        {
            var n = group switch { EvaluationComponent.Peers => 4, EvaluationComponent.People => 5, _ => 3 };
            var asked = criteria.Where(c => c.Component == group).ToList();
            var answers = new List<string>();
            for (var k = 0; k < n; k++)
            {
                codeSerial++;
                var code = string.Create(CultureInfo.InvariantCulture, $"{_result.Province.Code}-{seed}-{codeSerial}");
                _result.Cadres.Invitations.Add(new FeedbackInvitation
                {
                    Id = NextCadreId(), ProvinceId = period.ProvinceId, EvaluationId = evaluation.Id, RespondentGroup = group,
                    CodeHash = FeedbackCodes.Hash(code), Used = true,
                });
                var json = JsonSerializer.Serialize(asked.ToDictionary(c => c.Code, _ => Math.Clamp((int)Math.Round(1 + (q / 25) + Normal(random) * 0.6), 1, 5)), EvaluationPolicy.Json);
                answers.Add(json);
                // A key unique across the provinces of a database: the province's code is in the code hashed.
                var key = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(code + "/ballot")).AsSpan(0, 16));
                _result.Cadres.Ballots.Add(new FeedbackBallot { Id = key, ProvinceId = period.ProvinceId, EvaluationId = evaluation.Id, RespondentGroup = group, Answers = json });
            }

            feedback.Add(EvaluationScoring.Aggregate(group, answers, policy));
        }

        if (open)
        {
            return;
        }

        var scored = EvaluationScoring.Score(criteria, DemoBands, new ScoringInput(self, results, products, high, votes - high - low, low, feedback), policy);
        evaluation.Score = scored.Total;
        evaluation.Band = scored.Band?.Label;
        evaluation.Outcome = scored.Band?.Outcome;
        evaluation.Behind = scored.Band?.Behind ?? false;
        evaluation.Conclusion = evaluation.Behind
            ? "Cấp ủy đề nghị cán bộ khắc phục những hạn chế đã chỉ ra trong quý tới."
            : "Cấp ủy ghi nhận kết quả thực hiện nhiệm vụ trong quý.";
        evaluation.ConcludedOn = quarterEnd.AddDays(10 + random.Next(10));
    }

    private static readonly string[] ProductNames =
    [
        "Báo cáo chuyên đề", "Đề án", "Kế hoạch triển khai nghị quyết", "Kiểm tra, giám sát theo chương trình", "Hội nghị sơ kết",
        "Văn bản hướng dẫn", "Công trình dân sinh", "Mô hình dân vận khéo",
    ];

    /// <summary>A draw from the standard normal distribution (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // ---------------------------------------------------------------- planning, rotation, training

    /// <summary>Quy hoạch for the next term: the province committee's leading titles and each đảng bộ trực thuộc's, a few titles still without candidates.</summary>
    private void BuildPlanning(Random random)
    {
        var approved = profile.AsOf.AddDays(-20 - random.Next(60));
        foreach (var plan in _plans.Where(p => p.Node.Org.Kind is OrgKind.Province or OrgKind.SuperiorToBase))
        {
            var org = plan.Node.Org;
            var titles = org.Kind == OrgKind.Province
                ? new[] { (CommitteePosition.Secretary, 3), (CommitteePosition.DeputySecretary, 6), (CommitteePosition.Standing, 15) }
                : [(CommitteePosition.Secretary, 2), (CommitteePosition.DeputySecretary, 4)];
            var pool = (_inSubtree.GetValueOrDefault(org.Id) ?? []).Where(i => !_drafts[i].Probationary && Dates.AgeOn(_drafts[i].Birth, profile.AsOf) is >= 30 and <= 52).ToList();
            var inCommittee = plan.Seats.Select(s => s.Person).Where(i => Dates.AgeOn(_drafts[i].Birth, profile.AsOf) <= 55).ToList();
            foreach (var (title, count) in titles)
            {
                var planning = new PlanningPool
                {
                    Id = NextCadreId(), ProvinceId = org.ProvinceId, OrganizationId = org.Id, ManagingOrgId = org.Id, Title = title,
                    TermFrom = plan.Cycle + 5, TermTo = plan.Cycle + 10, ApprovedOn = approved < plan.Congress ? plan.Congress : approved,
                    DecisionNumber = (1 + random.Next(999)).ToString(CultureInfo.InvariantCulture) + (org.Kind == OrgKind.Province ? "-QĐ/TU" : "-QĐ/ĐU"), Version = 1,
                };
                _result.Cadres.PlanningPools.Add(planning);
                if (org.Kind != OrgKind.Province && random.NextDouble() < 0.08)
                {
                    continue; // a title without candidates, for the report to find
                }

                var candidates = inCommittee.OrderBy(_ => random.Next()).Take(count / 2 + 1)
                    .Concat(pool.Count == 0 ? [] : Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Count)]))
                    .Distinct().Take(count);
                foreach (var person in candidates)
                {
                    var removed = random.NextDouble() < 0.05;
                    var on = removed ? planning.ApprovedOn.AddDays(1 + random.Next(Math.Max(1, profile.AsOf.DayNumber - planning.ApprovedOn.DayNumber))) : (DateOnly?)null;
                    _result.Cadres.PlanningEntries.Add(new PlanningEntry
                    {
                        Id = NextCadreId(), ProvinceId = org.ProvinceId, PoolId = planning.Id, MemberId = MemberIdOf(person), AddedOn = planning.ApprovedOn,
                        RemovedOn = on > profile.AsOf ? null : on, RemovalReason = on is null || on > profile.AsOf ? null : "Không còn đủ tiêu chuẩn, điều kiện",
                    });
                }
            }
        }

    }

    /// <summary>A term of rotations decided by the province: cadres of its agencies sent to communes (luân chuyển), between communes (điều động), some seconded (biệt phái).</summary>
    private void BuildRotations(Random random)
    {
        var province = _result.Organizations.Single(o => o.Kind == OrgKind.Province);
        var communes = _result.Organizations.Where(o => o.Kind == OrgKind.SuperiorToBase && o.Sector == Sector.Commune).ToList();
        if (communes.Count == 0)
        {
            communes = _result.Organizations.Where(o => o.Kind == OrgKind.SuperiorToBase).ToList();
        }

        var agencies = _result.Organizations.Where(o => o.Kind.IsBaseOrganization() && o.Sector is Sector.StateAgency or Sector.PartyFrontUnions).ToList();
        if (communes.Count == 0 || agencies.Count == 0)
        {
            return;
        }

        var termStart = new DateOnly(profile.AsOf.Year - profile.AsOf.Year % 5 - 4, 1, 1);
        var span = profile.AsOf.AddDays(-30).DayNumber - termStart.DayNumber;
        var count = (int)Math.Round(communes.Count * 0.6);
        for (var k = 0; k < count && span > 0; k++)
        {
            var roll = random.NextDouble();
            var kind = roll < 0.6 ? RotationKind.Rotation : roll < 0.9 ? RotationKind.Transfer : RotationKind.Secondment;
            var from = kind == RotationKind.Transfer ? communes[random.Next(communes.Count)] : agencies[random.Next(agencies.Count)];
            var to = communes[random.Next(communes.Count)];
            if (to.Id == from.Id)
            {
                continue;
            }

            var starts = termStart.AddDays(random.Next(span));
            var pool = _inSubtree.GetValueOrDefault(from.Id) ?? [];
            var who = Sample(pool, 1, i => IsEligible(_drafts[i], starts) && Dates.AgeOn(_drafts[i].Birth, starts) is >= 28 and <= 55, random);
            if (who.Count == 0)
            {
                continue;
            }

            var plannedEnd = starts.AddYears(kind == RotationKind.Secondment ? 2 : 3);
            var toBody = to.Name.Replace("Đảng bộ ", "", StringComparison.Ordinal);
            _result.Cadres.Rotations.Add(new Rotation
            {
                Id = NextCadreId(), ProvinceId = province.ProvinceId, ManagingOrgId = province.Id, MemberId = MemberIdOf(who[0]), Kind = kind,
                FromOrgId = from.Id, FromPost = kind == RotationKind.Transfer ? "Phó Chủ tịch UBND " + from.Name.Replace("Đảng bộ ", "", StringComparison.Ordinal) : "Phó Trưởng phòng",
                ToOrgId = to.Id, ToPost = random.NextDouble() < 0.5 ? "Phó Bí thư Đảng ủy " + toBody : "Phó Chủ tịch UBND " + toBody,
                StartsOn = starts, PlannedEndOn = plannedEnd, EndedOn = plannedEnd <= profile.AsOf ? plannedEnd : null,
                DecisionNumber = (1 + random.Next(999)).ToString(CultureInfo.InvariantCulture) + "-QĐ/TU",
                RecordedBy = RecordedBy, RecordedAt = new DateTimeOffset(starts.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Version = 1,
            });
        }
    }

    /// <summary>
    /// Each đảng bộ trực thuộc trains its base committee members after their congress (most complete
    /// it, a few are missing, so "every base committee member trained this term" has someone left
    /// to find); the province runs a political-theory class and a digital-skills course.
    /// </summary>
    private void BuildTraining(Random random)
    {
        var certificate = 0;
        foreach (var manager in _result.Organizations.Where(o => o.Kind == OrgKind.SuperiorToBase))
        {
            var bases = _plans.Where(p => (p.Levels & CommitteeLevels.Base) != 0 && p.Node.Org.Path.StartsWith(manager.Path, StringComparison.Ordinal)).ToList();
            if (bases.Count == 0)
            {
                continue;
            }

            var starts = bases.Max(p => p.Congress).AddDays(30 + random.Next(30));
            if (starts.AddDays(4) > profile.AsOf)
            {
                continue;
            }

            var place = manager.Name.Replace("Đảng bộ ", "", StringComparison.Ordinal);
            var course = AddCourse(manager, TrainingKind.PartyWork,
                "Bồi dưỡng nghiệp vụ công tác Đảng cho cấp ủy viên cơ sở nhiệm kỳ " + string.Create(CultureInfo.InvariantCulture, $"{bases[0].Cycle}–{bases[0].Cycle + 5}"),
                "Trung tâm Chính trị " + place, starts, starts.AddDays(4));
            foreach (var person in bases.SelectMany(p => p.Seats.Select(s => s.Person)).Distinct())
            {
                var roll = random.NextDouble();
                if (roll >= TrainedThisTerm + 0.04)
                {
                    continue; // absent
                }

                var completed = roll < TrainedThisTerm;
                AddRecord(course, person, completed, ref certificate);
            }
        }

        var province = _result.Organizations.Single(o => o.Kind == OrgKind.Province);
        var leaders = _plans.Where(p => p.Node.Org.Kind == OrgKind.SuperiorToBase).SelectMany(p => p.Seats).Select(s => s.Person).Distinct().ToList();
        var theoryStart = new DateOnly(profile.AsOf.Year - 1, 3, 1);
        var theory = AddCourse(province, TrainingKind.TheoryIntermediate, "Trung cấp lý luận chính trị - hành chính", "Trường Chính trị tỉnh", theoryStart, theoryStart.AddMonths(8));
        foreach (var person in leaders.Where(i => _drafts[i].Theory == PoliticalTheory.Intermediate && _drafts[i].Start < theoryStart).OrderBy(_ => random.Next()).Take(40))
        {
            AddRecord(theory, person, true, ref certificate);
        }

        var itStart = profile.AsOf.AddMonths(-3);
        var it = AddCourse(province, TrainingKind.InformationTechnology, "Bồi dưỡng kỹ năng số, chuyển đổi số cho cán bộ chủ chốt", "Sở Khoa học và Công nghệ", itStart, itStart.AddDays(2));
        foreach (var person in leaders.Where(i => _drafts[i].Start < itStart).OrderBy(_ => random.Next()).Take(30))
        {
            AddRecord(it, person, random.NextDouble() < 0.95, ref certificate);
        }
    }

    private TrainingCourse AddCourse(Organization organizer, TrainingKind kind, string name, string provider, DateOnly starts, DateOnly ends)
    {
        var course = new TrainingCourse
        {
            Id = NextCadreId(), ProvinceId = organizer.ProvinceId, OrganizerId = organizer.Id, Kind = kind, Name = VietnameseText.Clean(name),
            Provider = VietnameseText.Clean(provider), StartsOn = starts, EndsOn = ends, Version = 1,
        };
        _result.Cadres.Courses.Add(course);
        return course;
    }

    private void AddRecord(TrainingCourse course, int person, bool completed, ref int certificate)
    {
        _result.Cadres.TrainingRecords.Add(new TrainingRecord
        {
            Id = NextCadreId(), ProvinceId = course.ProvinceId, CourseId = course.Id, MemberId = MemberIdOf(person), FullName = _result.Members[person].FullName,
            Completed = completed, CompletedOn = completed ? course.EndsOn : null,
            CertificateNumber = completed ? (++certificate).ToString("D5", CultureInfo.InvariantCulture) + "/CC" : null,
        });
    }
}
