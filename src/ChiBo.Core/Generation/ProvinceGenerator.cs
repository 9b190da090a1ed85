using System.Globalization;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Provinces;

namespace ChiBo.Generation;

/// <summary>Where a stage of seeding is: "Tổ chức", "Đảng viên", "Ghi CSDL"…</summary>
public readonly record struct GenerationProgress(string Stage, long Done, long Total);

/// <summary>The first id of each table for a generated province (ids are chosen by the generator because paths are made of them).</summary>
public sealed record IdStart(
    int Province, int Organization, long OrganizationPeriod, long OrganizationEvent, int Member, long MemberPeriod, long MemberEvent,
    int InspectionCase = 1, int DisciplineDecision = 1, int DisciplineAppeal = 1, int RatingRound = 1, long OrgRating = 1, long MemberRating = 1,
    int Cadre = 1)
{
    public static readonly IdStart One = new(1, 1, 1, 1, 1, 1, 1);

    /// <summary>The ids after a generated province, for the next one in the same database.</summary>
    public IdStart After(GeneratedProvince p) => new(
        p.Province.Id + 1,
        Organization + p.Organizations.Count,
        OrganizationPeriod + p.OrganizationPeriods.Count,
        OrganizationEvent + p.OrganizationEvents.Count,
        Member + p.Members.Count,
        MemberPeriod + p.MemberPeriods.Count,
        MemberEvent + p.MemberEvents.Count,
        InspectionCase + p.InspectionCases.Count,
        DisciplineDecision + p.DisciplineDecisions.Count,
        DisciplineAppeal + p.DisciplineAppeals.Count,
        RatingRound + p.RatingRounds.Count,
        OrgRating + p.OrgRatings.Count,
        MemberRating + p.MemberRatings.Count,
        Cadre + (int)p.Cadres.RowCount);
}

/// <summary>Every row of one generated province, ready for a bulk writer.</summary>
public sealed class GeneratedProvince
{
    public required Province Province { get; init; }
    public List<Organization> Organizations { get; } = [];
    public List<OrganizationPeriod> OrganizationPeriods { get; } = [];
    public List<OrganizationEvent> OrganizationEvents { get; } = [];
    public List<Member> Members { get; } = [];
    public List<MemberPeriod> MemberPeriods { get; } = [];
    public List<MemberEvent> MemberEvents { get; } = [];
    public List<Discipline.InspectionCase> InspectionCases { get; } = [];
    public List<Discipline.DisciplineDecision> DisciplineDecisions { get; } = [];
    public List<Discipline.DisciplineAppeal> DisciplineAppeals { get; } = [];
    public List<Ratings.RatingRound> RatingRounds { get; } = [];
    public List<Ratings.OrgRating> OrgRatings { get; } = [];
    public List<Ratings.MemberRating> MemberRatings { get; } = [];

    /// <summary>Committees, villages and cadre files (ProvinceGenerator.Committees.cs).</summary>
    public GeneratedCadres Cadres { get; } = new();

    /// <summary>What the load says about itself in the province's audit chain, written in the load's transaction.</summary>
    public List<Audit.AuditEntry> AuditLines { get; } = [];

    public long RowCount => 1L + Organizations.Count + OrganizationPeriods.Count + OrganizationEvents.Count
        + Members.Count + MemberPeriods.Count + MemberEvents.Count + InspectionCases.Count + DisciplineDecisions.Count + DisciplineAppeals.Count
        + RatingRounds.Count + OrgRatings.Count + MemberRatings.Count
        + Cadres.RowCount;
}

/// <summary>
/// Builds a synthetic province from a profile, deterministically from a seed: the organization
/// tree, members with their periods and events, so that the reports as of the profile's date
/// give back the profile's numbers exactly. <paramref name="ordinal"/> is the province's place
/// among the provinces of the database; it keeps CCCD numbers of several provinces apart.
/// </summary>
public sealed partial class ProvinceGenerator(ProvinceProfile profile, int seed, IdStart ids, int ordinal = 0)
{
    public const string RecordedBy = "generator";

    private readonly Random _random = new(seed);
    private readonly Region _region = Region.For(profile.Code, new Random(seed ^ 0x5EED));
    private readonly GeneratedProvince _result = new()
    {
        Province = new Province { Id = ids.Province, Code = profile.Code, Name = profile.Name },
    };

    private int _nextOrgId = ids.Organization;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Node> _nodes = [];

    /// <summary>An organization while the tree is built: its place name and the cells' counters.</summary>
    private sealed class Node(Organization org, string place)
    {
        public Organization Org { get; } = org;
        public string Place { get; } = place;
        public int Children { get; set; }
        public List<Node> Containers { get; } = [];
        public DateOnly EarliestMember { get; set; } = DateOnly.MaxValue;
    }

    public GeneratedProvince Generate(IProgress<GenerationProgress>? progress = null)
    {
        progress?.Report(new GenerationProgress("Tổ chức", 0, profile.Organizations.BaseOrganizations));
        var holders = BuildTree();
        progress?.Report(new GenerationProgress("Tổ chức", profile.Organizations.BaseOrganizations, profile.Organizations.BaseOrganizations));
        BuildMembers(holders, progress);
        FoundOrganizations();
        BuildDiscipline();
        BuildRatings();
        BuildCadres();
        return _result;
    }

    // ---------------------------------------------------------------- the tree

    private static readonly string[] PartyBodies =
    [
        "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
        "Ban Chính sách, chiến lược Tỉnh ủy", "Báo và Phát thanh, Truyền hình tỉnh", "Trường Chính trị tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Tỉnh đoàn", "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Liên đoàn Lao động tỉnh", "Hội Cựu chiến binh tỉnh", "Văn phòng Đoàn Đại biểu Quốc hội và HĐND tỉnh",
    ];

    private static readonly string[] StateBodies =
    [
        "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo",
        "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
        "Thuế tỉnh", "Kho bạc Nhà nước khu vực", "Bảo hiểm xã hội tỉnh", "Chi cục Hải quan", "Ngân hàng Nhà nước chi nhánh tỉnh",
    ];

    private static readonly string[] ProvincialServices =
    [
        "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản - Nhi tỉnh", "Bệnh viện Y học cổ truyền tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh", "Trường Cao đẳng Y tế",
        "Trường Đại học", "Trường Cao đẳng nghề", "Trung tâm Phục vụ hành chính công tỉnh", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Thư viện tỉnh",
    ];

    private static readonly string[] ArmedBodies =
    [
        "Phòng Cảnh sát hình sự", "Phòng Cảnh sát giao thông", "Phòng An ninh chính trị nội bộ", "Phòng Tham mưu", "Trại tạm giam",
        "Trung đoàn bộ binh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Chỉ huy Phòng thủ khu vực", "Đại đội Trinh sát", "Phòng Hậu cần - Kỹ thuật",
    ];

    private static readonly string[] Companies =
    [
        "Công ty Cổ phần Xuất nhập khẩu", "Công ty TNHH MTV Xổ số kiến thiết", "Công ty Cổ phần Điện nước", "Công ty TNHH Lương thực", "Công ty Cổ phần Thủy sản",
        "Công ty Cổ phần Dược phẩm", "Công ty TNHH Xây dựng", "Công ty Cổ phần Môi trường đô thị", "Hợp tác xã nông nghiệp", "Quỹ tín dụng nhân dân",
        "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh", "Công ty Cổ phần Bến xe", "Hợp tác xã dịch vụ", "Công ty Điện lực",
    ];

    private static readonly string[] OtherBodies = ["Hội Chữ thập đỏ", "Hội Luật gia", "Liên minh Hợp tác xã", "Hội Nhà báo", "Hội Văn học Nghệ thuật", "Hội Người cao tuổi"];

    /// <summary>Builds the tree; returns the member-holding cells (chi bộ cơ sở and chi bộ trực thuộc).</summary>
    private List<Node> BuildTree()
    {
        var o = profile.Organizations;
        var reformed = profile.AsOf >= ProvinceProfile.TwoLevelGovernment;
        var root = AddOrg(null, profile.Code, profile.Name, OrgKind.Province, Sector.PartyFrontUnions, _region.ProvinceWord);

        // Units directly under the province: the blocs first (as many as fit), then communes/wards
        // (after 1/7/2025) or districts (before).
        var blocs = new List<(string Name, Sector Sector)>
        {
            ("Đảng bộ các cơ quan Đảng tỉnh", Sector.PartyFrontUnions),
            ("Đảng bộ Ủy ban nhân dân tỉnh", Sector.StateAgency),
            ("Đảng bộ Quân sự tỉnh", Sector.ArmedForces),
            ("Đảng bộ Công an tỉnh", Sector.ArmedForces),
        };
        var blocCount = o.DirectUnits >= 8 ? 4 : o.DirectUnits / 2;
        var direct = new List<Node>();
        Node? partyBloc = null, stateBloc = null, militaryBloc = null, policeBloc = null;
        for (var i = 0; i < o.DirectUnits; i++)
        {
            var code = profile.Code + "." + (i + 1).ToString("000", CultureInfo.InvariantCulture);
            if (i < blocCount)
            {
                var (name, sector) = blocs[i];
                var node = AddOrg(root, code, name, OrgKind.SuperiorToBase, sector, _region.ProvinceWord);
                direct.Add(node);
                switch (i)
                {
                    case 0: partyBloc = node; break;
                    case 1: stateBloc = node; break;
                    case 2: militaryBloc = node; break;
                    default: policeBloc = node; break;
                }

                continue;
            }

            var place = NewPlace();
            var word = reformed
                ? (_random.NextDouble() < 0.2 ? "phường" : "xã")
                : (_random.NextDouble() < 0.12 ? "thành phố" : _random.NextDouble() < 0.1 ? "thị xã" : "huyện");
            direct.Add(AddOrg(root, code, "Đảng bộ " + word + " " + place, OrgKind.SuperiorToBase, Sector.Commune, place));
        }

        var territorial = direct.Where(d => d.Org.Sector == Sector.Commune).ToList();

        // TCCSĐ: exact counts by sector; the larger kinds of body become đảng bộ cơ sở first.
        var sectors = o.BaseBySector.OrderBy(s => s.Key).SelectMany(s => Enumerable.Repeat(s.Key, s.Value)).ToList();
        var scores = sectors.Select(s => BigPriority(s, reformed) + _random.NextDouble() * 3).ToArray();
        var order = Enumerable.Range(0, sectors.Count).ToArray();
        Array.Sort(scores, order);
        var isCommittee = new bool[sectors.Count];
        for (var k = 0; k < o.BaseCommittees; k++)
        {
            isCommittee[order[k]] = true;
        }

        var baseCommittees = new List<Node>();
        var holders = new List<Node>();
        for (var i = 0; i < sectors.Count; i++)
        {
            var sector = sectors[i];
            var kind = isCommittee[i] ? OrgKind.BaseCommittee : OrgKind.BaseCell;
            var parent = direct.Count == 0 ? root : ParentFor(sector, territorial, direct, partyBloc, stateBloc, militaryBloc, policeBloc);
            var (body, place) = BaseBody(sector, kind, parent, reformed);
            var node = AddChild(parent, (kind == OrgKind.BaseCommittee ? "Đảng bộ " : "Chi bộ ") + body, kind, sector, place);
            (kind == OrgKind.BaseCommittee ? baseCommittees : holders).Add(node);
        }

        // Section committees under base committees, then cells: one for each committee and section
        // while they last, the rest spread at random.
        foreach (var committee in baseCommittees)
        {
            committee.Containers.Add(committee);
        }

        for (var s = 0; s < o.SectionCommittees; s++)
        {
            var committee = baseCommittees[_random.Next(baseCommittees.Count)];
            var n = committee.Containers.Count;
            var name = committee.Org.Sector == Sector.Commune
                ? "Đảng bộ bộ phận khu vực " + RandomPlace()
                : "Đảng bộ bộ phận số " + n.ToString(CultureInfo.InvariantCulture);
            committee.Containers.Add(AddChild(committee, name, OrgKind.SectionCommittee, committee.Org.Sector, committee.Place));
        }

        var containers = baseCommittees.SelectMany(c => c.Containers).ToList();
        var cellParents = new List<Node>();
        for (var c = 0; c < o.Cells; c++)
        {
            if (c < containers.Count)
            {
                cellParents.Add(containers[c]);
            }
            else
            {
                var committee = baseCommittees[_random.Next(baseCommittees.Count)];
                cellParents.Add(committee.Containers[_random.Next(committee.Containers.Count)]);
            }
        }

        foreach (var parent in cellParents)
        {
            holders.Add(AddChild(parent, CellName(parent), OrgKind.Cell, parent.Org.Sector, parent.Place));
        }

        return holders;
    }

    private static double BigPriority(Sector sector, bool reformed) => sector switch
    {
        Sector.Commune => reformed ? 7 : 0,
        Sector.ArmedForces => 1,
        Sector.StateAgency => 2,
        Sector.PartyFrontUnions => 3,
        Sector.PublicService => 4,
        Sector.EnterpriseCoop => 5,
        _ => 6,
    };

    private Node ParentFor(Sector sector, List<Node> territorial, List<Node> direct, Node? party, Node? state, Node? military, Node? police)
    {
        var x = _random.NextDouble();
        Node? bloc = sector switch
        {
            Sector.PartyFrontUnions when x < 0.35 => party,
            Sector.StateAgency when x < 0.5 => state,
            Sector.PublicService when x < 0.15 => state,
            Sector.EnterpriseCoop when x < 0.25 => state,
            Sector.ArmedForces when x < 0.25 => military,
            Sector.ArmedForces when x < 0.5 => police,
            _ => null,
        };
        if (bloc is not null)
        {
            return bloc;
        }

        return territorial.Count > 0 ? territorial[_random.Next(territorial.Count)] : direct[_random.Next(direct.Count)];
    }

    /// <summary>The body a TCCSĐ is named after, fitting its sector and where it sits.</summary>
    private (string Body, string Place) BaseBody(Sector sector, OrgKind kind, Node parent, bool reformed)
    {
        var atProvince = parent.Org.Kind == OrgKind.Province || parent.Org.Sector != Sector.Commune;
        var commune = parent.Place;
        var unit = parent.Org.Kind == OrgKind.SuperiorToBase && parent.Org.Sector == Sector.Commune
            ? parent.Org.Name["Đảng bộ ".Length..]
            : "tỉnh " + _region.ProvinceWord;
        string body;
        var place = commune;
        switch (sector)
        {
            case Sector.PartyFrontUnions:
                body = atProvince ? Pick(PartyBodies) : Pick(["Cơ quan Đảng ", "Mặt trận và các đoàn thể ", "Cơ quan Đảng ủy "]) + unit;
                break;
            case Sector.StateAgency:
                body = atProvince ? Pick(StateBodies) : Pick(["Cơ quan Ủy ban nhân dân ", "Cơ quan HĐND và UBND ", "Phòng Kinh tế ", "Phòng Văn hóa - Xã hội "]) + unit;
                break;
            case Sector.PublicService:
                if (atProvince)
                {
                    body = Pick(ProvincialServices);
                }
                else
                {
                    var school = _random.NextDouble();
                    place = NewPlace();
                    body = school < 0.3 ? "Trường Tiểu học " + place
                        : school < 0.55 ? "Trường THCS " + place
                        : school < 0.7 ? "Trường THPT " + place
                        : school < 0.8 ? "Trường Mầm non " + place
                        : school < 0.9 ? "Trạm Y tế " + unit
                        : "Trung tâm Y tế khu vực " + place;
                }

                break;
            case Sector.EnterpriseCoop:
                body = Pick(Companies) + " " + (atProvince ? _region.ProvinceWord : commune);
                break;
            case Sector.ArmedForces:
                body = atProvince ? Pick(ArmedBodies) : Pick(["Công an ", "Quân sự "]) + unit;
                break;
            case Sector.Commune:
                if (!reformed && kind == OrgKind.BaseCommittee)
                {
                    place = NewPlace();
                    body = (_random.NextDouble() < 0.15 ? "thị trấn " : "xã ") + place;
                }
                else
                {
                    place = NewPlace();
                    body = Pick(_region.VillageWords) + " " + place;
                }

                break;
            default:
                body = Pick(OtherBodies) + " " + (atProvince ? "tỉnh" : unit);
                break;
        }

        return (Unique(body), place);
    }

    /// <summary>Cells are named within their parent (numbered there), not across the province.</summary>
    private string CellName(Node parent) => Text.VietnameseText.Clean(parent.Org.Sector switch
    {
        Sector.Commune => "Chi bộ " + Pick(_region.VillageWords) + " " + RandomPlace(),
        Sector.PublicService => "Chi bộ " + Pick(["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Khối văn phòng", "Khoa Nội", "Khoa Ngoại", "Khoa Khám bệnh", "Phòng Điều dưỡng", "Khối tiểu học", "Tổ chuyên môn"]),
        Sector.ArmedForces => "Chi bộ " + Pick(["Đội Cảnh sát", "Đội An ninh", "Đội Tham mưu", "Đại đội", "Trung đội", "Đồn Biên phòng", "Ban Tham mưu", "Ban Hậu cần"]),
        Sector.EnterpriseCoop => "Chi bộ " + Pick(["Phân xưởng", "Phòng Kinh doanh", "Phòng Kỹ thuật", "Xí nghiệp", "Chi nhánh", "Phòng giao dịch"]),
        Sector.StateAgency => "Chi bộ " + Pick(["Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ", "Thanh tra", "Văn phòng", "Chi cục"]),
        Sector.PartyFrontUnions => "Chi bộ " + Pick(["Văn phòng", "Phòng Tổng hợp", "Ban Phong trào", "Phòng Nghiệp vụ"]),
        _ => "Chi bộ số " + (parent.Children + 1).ToString(CultureInfo.InvariantCulture),
    } + (parent.Org.Sector == Sector.Commune ? "" : " " + (parent.Children + 1).ToString(CultureInfo.InvariantCulture)));

    private Node AddChild(Node parent, string name, OrgKind kind, Sector sector, string place)
    {
        parent.Children++;
        var code = parent.Org.Code + "." + parent.Children.ToString("00", CultureInfo.InvariantCulture);
        return AddOrg(parent, code, name, kind, sector, place);
    }

    private Node AddOrg(Node? parent, string code, string name, OrgKind kind, Sector sector, string place)
    {
        var id = _nextOrgId++;
        var org = new Organization
        {
            Id = id,
            ProvinceId = _result.Province.Id,
            Code = code,
            Name = Text.VietnameseText.Clean(name),
            Kind = kind,
            Sector = sector,
            ParentId = parent?.Org.Id,
            Path = Subtree.ChildPath(parent?.Org.Path ?? "/", id),
            Depth = parent is null ? 0 : parent.Org.Depth + 1,
        };
        _result.Organizations.Add(org);
        var node = new Node(org, place);
        _nodes[id] = node;
        return node;
    }

    /// <summary>
    /// Foundation dates: a plausible date (the province 1930–1955, the rest 1975–2000), but never after
    /// the first member period in the subtree nor after a child's, so that history stays consistent.
    /// </summary>
    private void FoundOrganizations()
    {
        var founded = new Dictionary<int, DateOnly>();
        var min = new DateOnly(1930, 2, 3);
        foreach (var org in _result.Organizations.AsEnumerable().Reverse())
        {
            var node = _nodes[org.Id];
            var plausible = org.Kind == OrgKind.Province
                ? RandomDate(new DateOnly(1930, 2, 3), new DateOnly(1955, 12, 31))
                : RandomDate(new DateOnly(1975, 1, 1), new DateOnly(2000, 12, 31));
            var date = plausible < node.EarliestMember ? plausible : node.EarliestMember;
            if (founded.TryGetValue(org.Id, out var child) && child < date)
            {
                date = child;
            }

            date = date < min ? min : date;
            founded[org.Id] = date;
            org.FoundedOn = date;
            if (org.ParentId is { } p)
            {
                founded[p] = founded.TryGetValue(p, out var other) && other < date ? other : date;
            }
        }

        long periodId = ids.OrganizationPeriod, eventId = ids.OrganizationEvent;
        foreach (var org in _result.Organizations)
        {
            _result.OrganizationPeriods.Add(new OrganizationPeriod
            {
                Id = periodId++,
                ProvinceId = org.ProvinceId,
                OrganizationId = org.Id,
                ValidFrom = org.FoundedOn,
                ValidTo = Dates.OpenEnd,
                Name = org.Name,
                Kind = org.Kind,
                Sector = org.Sector,
                ParentId = org.ParentId,
                Path = org.Path,
            });
            _result.OrganizationEvents.Add(new OrganizationEvent
            {
                Id = eventId++,
                ProvinceId = org.ProvinceId,
                OrganizationId = org.Id,
                Kind = OrganizationEventKind.Founded,
                Date = org.FoundedOn,
                After = org.Name,
                DecisionNumber = (1 + _random.Next(999)).ToString(CultureInfo.InvariantCulture)
                    + (org.Kind == OrgKind.Province ? "-QĐ/TW" : "-QĐ/TU"),
                RecordedBy = RecordedBy,
                RecordedAt = new DateTimeOffset(org.FoundedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });
        }
    }

    private static readonly string[] PlaceThird = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Nhất", "Nhì"];

    /// <summary>A place name not used yet in the province (communes, schools, villages that head a TCCSĐ).</summary>
    private string NewPlace()
    {
        for (var attempt = 0; ; attempt++)
        {
            var place = RandomPlace();
            if (attempt > 20)
            {
                // Two syllables run out after a few hundred names: villages split as "… Đông", "… Tây".
                place += " " + Pick(PlaceThird);
            }

            if (attempt > 60)
            {
                place += " " + (attempt - 60).ToString(CultureInfo.InvariantCulture);
            }

            if (_places.Add(place))
            {
                return place;
            }
        }
    }

    /// <summary>A place name that may repeat elsewhere in the province (villages inside a commune's cells).</summary>
    private string RandomPlace() => Pick(_region.PlaceFirst) + " " + Pick(_region.PlaceSecond);

    private string Unique(string name)
    {
        name = Text.VietnameseText.Clean(name);
        if (_names.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = name + " " + n.ToString(CultureInfo.InvariantCulture);
            if (_names.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private DateOnly RandomDate(DateOnly lo, DateOnly hi) => lo.AddDays(_random.Next(hi.DayNumber - lo.DayNumber + 1));
}
