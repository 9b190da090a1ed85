using System.Globalization;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Text;

namespace ChiBo.Generation;

public sealed partial class ProvinceGenerator
{
    /// <summary>A member while being built: the attributes that the reports count.</summary>
    private sealed class Draft
    {
        public int Age;
        public DateOnly Birth;
        public Gender Gender;
        public bool Minority, Religious, Enterprise, YouthUnion, Retired, Probationary;
        public GeneralEducation Education;
        public ProfessionalLevel Professional;
        public PoliticalTheory Theory;
        public double Schooling;
        public DateOnly Admitted;

        /// <summary>First day in this province: the admission, or the transfer in.</summary>
        public DateOnly Start;

        public bool TransferredIn;
        public MemberEventKind? Left;
        public DateOnly LeftOn;
        public Node? Cell;

        /// <summary>Set for committee members (<see cref="SeatCommittees"/>): what the member record then says.</summary>
        public CivilServiceGrade? Grade;

        public bool? ScienceTech;
        public string? Post;

        public DateOnly Adult => Birth.AddYears(18);
    }

    private static readonly string[] LeaveKinds = ["transferredOut", "struckOff", "removed", "expelled", "died"];

    private void BuildMembers(List<Node> holders, IProgress<GenerationProgress>? progress)
    {
        var asOf = profile.AsOf;
        var n = profile.Total;
        var drafts = new Draft[n];
        for (var i = 0; i < n; i++)
        {
            drafts[i] = new Draft();
        }

        AssignAges(drafts);
        foreach (var d in drafts)
        {
            d.Birth = BirthFor(d.Age, asOf);
        }

        var dims = profile.Dimensions;
        Assign(drafts, dims["gender"], ["female", "male"], _ => _random.NextDouble(), (d, c) => d.Gender = c == 0 ? Gender.Female : Gender.Male);
        Assign(drafts, dims["ethnicity"], ["minority", "kinh"], _ => _random.NextDouble(), (d, c) => d.Minority = c == 0);
        Assign(drafts, dims["religion"], ["religious", "none"], d => (d.Minority ? -0.5 : 0) + _random.NextDouble(), (d, c) => d.Religious = c == 0);
        Assign(drafts, dims["youthUnion"], ["yes", "no"], d => d.Age + _random.NextDouble() * 12, (d, c) => d.YouthUnion = c == 0);
        Assign(drafts, dims["retired"], ["yes", "no"], d => -d.Age - _random.NextDouble() * 10, (d, c) => d.Retired = c == 0);
        Assign(drafts, dims["enterprise"], ["yes", "no"], d => (d.Retired ? 100 : 0) + _random.NextDouble(), (d, c) => d.Enterprise = c == 0);
        Assign(drafts, dims["status"], ["probationary", "official"], d => d.Age + _random.NextDouble() * 25, (d, c) => d.Probationary = c == 0);
        foreach (var d in drafts)
        {
            // Lower is more schooling: the young and the Kinh majority went to school longer.
            d.Schooling = _random.NextDouble() + d.Age / 60.0 + (d.Minority ? 0.25 : 0);
        }

        Assign(drafts, dims["generalEducation"], ["upperSecondary", "lowerSecondary", "primary", "literate"], d => d.Schooling,
            (d, c) => d.Education = (GeneralEducation)(4 - c));
        Assign(drafts, dims["professional"], ["universityPlus", "intermediateCollege", "elementary", "none"], d => d.Schooling + _random.NextDouble() * 0.3,
            (d, c) => d.Professional = c switch
            {
                0 => _random.NextDouble() switch { < 0.85 => ProfessionalLevel.University, < 0.98 => ProfessionalLevel.Master, _ => ProfessionalLevel.Doctor },
                1 => _random.NextDouble() < 0.6 ? ProfessionalLevel.Intermediate : ProfessionalLevel.College,
                2 => ProfessionalLevel.Elementary,
                _ => ProfessionalLevel.None,
            });
        Assign(drafts, dims["politicalTheory"], ["advanced", "intermediate", "elementary", "none"],
            d => d.Schooling * 0.5 - d.Age / 40.0 + _random.NextDouble() * 0.5 + (d.Probationary ? 5 : 0) + (d.YouthUnion ? 0.5 : 0),
            (d, c) => d.Theory = c switch
            {
                0 => _random.NextDouble() < 0.75 ? PoliticalTheory.Advanced : PoliticalTheory.Bachelor,
                1 => PoliticalTheory.Intermediate,
                2 => PoliticalTheory.Elementary,
                _ => PoliticalTheory.None,
            });

        progress?.Report(new GenerationProgress("Đảng viên", n / 3, n));
        var leavers = PlanHistory(drafts);
        AssignCells(drafts, holders);
        foreach (var d in leavers)
        {
            d.Cell = holders[_random.Next(holders.Count)];
        }

        // Before any row is written: committee members are chosen and, where the profile states a
        // committee composition, attributes are exchanged with other members so that every count holds.
        SeatCommittees(drafts);
        progress?.Report(new GenerationProgress("Đảng viên", 2 * n / 3, n));
        WriteMembers(drafts.Concat(leavers));
        progress?.Report(new GenerationProgress("Đảng viên", n, n));
    }

    // ---------------------------------------------------------------- ages

    /// <summary>
    /// Ages in completed years inside each band, then nudged one year at a time (inside the band)
    /// until the mean is within 0.02 of the target. Nobody is 18: an 18-year-old cannot be official
    /// and could only be probationary, which would couple two dimensions.
    /// </summary>
    private void AssignAges(Draft[] drafts)
    {
        var lows = new int[drafts.Length];
        var highs = new int[drafts.Length];
        var i = 0;
        foreach (var (band, count) in profile.AgeBands)
        {
            var lo = Math.Max(19, band.From);
            var hi = Math.Min(band.To ?? ProvinceProfile.MaxAge, ProvinceProfile.MaxAge);
            var weights = Enumerable.Range(lo, hi - lo + 1).Select(a =>
                band.To is null ? Math.Exp(-(a - lo) / 7.0)
                : band.From <= 19 ? Math.Min(1.0, 0.2 + 0.1 * (a - 19))
                : 1.0).ToArray();
            var total = weights.Sum();
            for (var k = 0; k < count; k++, i++)
            {
                var x = _random.NextDouble() * total;
                var a = lo;
                for (var w = 0; w < weights.Length; w++)
                {
                    x -= weights[w];
                    if (x < 0)
                    {
                        a = lo + w;
                        break;
                    }

                    a = lo + w;
                }

                drafts[i].Age = a;
                lows[i] = lo;
                highs[i] = hi;
            }
        }

        if (profile.MeanAge is not { } mean)
        {
            return;
        }

        var n = drafts.Length;
        var target = (double)mean * n;
        var sum = drafts.Sum(d => (double)d.Age);
        var tolerance = 0.02 * n;
        for (long step = 0; Math.Abs(sum - target) > tolerance; step++)
        {
            if (step > 200L * n + 1_000_000)
            {
                throw new ProfileException("members.meanAge", "không đạt được tuổi bình quân với các nhóm tuổi đã cho.");
            }

            var k = _random.Next(n);
            if (sum < target && drafts[k].Age < highs[k])
            {
                drafts[k].Age++;
                sum++;
            }
            else if (sum > target && drafts[k].Age > lows[k])
            {
                drafts[k].Age--;
                sum--;
            }
        }
    }

    /// <summary>A birth date giving exactly <paramref name="age"/> completed years on <paramref name="asOf"/>.</summary>
    private DateOnly BirthFor(int age, DateOnly asOf)
    {
        var birth = RandomDate(asOf.AddYears(-(age + 1)).AddDays(1), asOf.AddYears(-age));
        return Dates.AgeOn(birth, asOf) == age ? birth : asOf.AddYears(-age);
    }

    /// <summary>
    /// Gives each member a category so that the counts are exact: members sorted by a key (lower
    /// first) take the categories in the order given, which is how the correlations come in
    /// (youth union to the young, retirement to the old…) without changing any count.
    /// </summary>
    private static void Assign(Draft[] drafts, IReadOnlyDictionary<string, int> counts, string[] order, Func<Draft, double> key, Action<Draft, int> set)
    {
        var keys = drafts.Select(key).ToArray();
        var index = Enumerable.Range(0, drafts.Length).ToArray();
        Array.Sort(keys, index);
        var at = 0;
        for (var c = 0; c < order.Length; c++)
        {
            var count = counts.GetValueOrDefault(order[c]);
            for (var k = 0; k < count && at < index.Length; k++)
            {
                set(drafts[index[at++]], c);
            }
        }

        if (at != drafts.Length)
        {
            throw new InvalidOperationException($"Dimension counts add up to {at}, not {drafts.Length}.");
        }
    }

    // ---------------------------------------------------------------- history

    /// <summary>
    /// Admission dates and the history windows. Probationary members were admitted in the last 12
    /// months; each window gets exactly its admissions (some of them probationary when the window
    /// reaches into those 12 months); every other admission falls outside all windows. Leavers are
    /// extra members admitted outside the windows who leave inside theirs.
    /// </summary>
    private List<Draft> PlanHistory(Draft[] drafts)
    {
        var asOf = profile.AsOf;
        var windows = profile.Periods.OrderBy(p => p.From).ToList();

        // The last 12 months [loI, asOf]: admitted then = still probationary on asOf.
        var loI = asOf.AddMonths(-12);
        while (loI.AddMonths(12) > asOf)
        {
            loI = loI.AddDays(-1);
        }

        while (loI.AddMonths(12) <= asOf)
        {
            loI = loI.AddDays(1);
        }

        var hiOfficial = loI.AddDays(-1);
        var outside = new DateSet(new DateOnly(1940, 1, 1), hiOfficial);
        var freeRecent = new DateSet(loI, asOf);
        foreach (var w in windows)
        {
            outside = outside.Minus(w.From, w.To);
            freeRecent = freeRecent.Minus(w.From, w.To);
        }

        // How many of each window's admissions fall in the last 12 months (probationary).
        var probationary = drafts.Where(d => d.Probationary).ToList();
        var p = probationary.Count;
        var inRecent = new int[windows.Count];
        var recentDays = new DateSet(loI, asOf).Days;
        for (var k = 0; k < windows.Count; k++)
        {
            var w = windows[k];
            var overlap = new DateSet(loI, asOf).Within(w.From, w.To).Days;
            var earlier = new DateSet(w.From, w.To).Within(w.From, hiOfficial).Days;
            var admitted = w["admitted"];
            inRecent[k] = overlap == 0 ? 0
                : earlier == 0 ? admitted
                : freeRecent.IsEmpty ? 0
                : Math.Min(admitted, (int)Math.Round((double)p * overlap / recentDays));
        }

        if (freeRecent.IsEmpty && windows.Count > 0)
        {
            // No day of the last 12 months is outside a window: every probationary admission is counted
            // by some window. Share them by overlap, within what each window admits.
            var open = Enumerable.Range(0, windows.Count).Where(k => new DateSet(loI, asOf).Within(windows[k].From, windows[k].To).Days > 0).ToList();
            var left = p - inRecent.Sum();
            foreach (var k in open.Where(k => new DateSet(windows[k].From, windows[k].To).Within(windows[k].From, hiOfficial).Days > 0))
            {
                var add = Math.Min(left, windows[k]["admitted"] - inRecent[k]);
                inRecent[k] += add;
                left -= add;
            }
        }

        var recentTotal = inRecent.Sum();
        if (recentTotal > p || (freeRecent.IsEmpty && recentTotal != p))
        {
            throw new ProfileException("history.periods",
                $"số kết nạp trong 12 tháng trước ngày số liệu không khớp với số đảng viên dự bị ({p}).");
        }

        // Probationary members: admission dates in the recent windows' overlap or the free recent days.
        var probationarySlots = new List<DateOnly>();
        for (var k = 0; k < windows.Count; k++)
        {
            var overlap = new DateSet(loI, asOf).Within(windows[k].From, windows[k].To);
            for (var j = 0; j < inRecent[k]; j++)
            {
                probationarySlots.Add(overlap.Random(_random));
            }
        }

        while (probationarySlots.Count < p)
        {
            probationarySlots.Add(freeRecent.Random(_random));
        }

        Shuffle(probationarySlots);
        for (var j = 0; j < p; j++)
        {
            probationary[j].Admitted = probationarySlots[j];
            probationary[j].Start = probationarySlots[j];
        }

        // Official members admitted inside a window (before its last 12 months of probation): how
        // many each window takes, and the days it has for them.
        var capacity = new int[windows.Count];
        var earlierParts = new DateSet[windows.Count];
        for (var k = 0; k < windows.Count; k++)
        {
            earlierParts[k] = new DateSet(windows[k].From, windows[k].To).Within(windows[k].From, hiOfficial);
            capacity[k] = windows[k]["admitted"] - inRecent[k];
            if (capacity[k] > 0 && earlierParts[k].IsEmpty)
            {
                throw new ProfileException(Field(windows[k], "admitted"), "không có ngày nào trong kỳ để kết nạp số đảng viên còn lại.");
            }
        }

        var slotCount = capacity.Sum();
        var official = drafts.Where(d => !d.Probationary).ToList();

        // Members too young to have been admitted outside every window must take a window's admission.
        var forced = official.Where(d => outside.Within(d.Adult, hiOfficial).IsEmpty).ToList();
        if (forced.Count > slotCount)
        {
            throw new ProfileException("history.periods",
                $"{forced.Count} đảng viên chính thức quá trẻ để kết nạp ngoài các kỳ, nhưng các kỳ chỉ kết nạp {slotCount} người chính thức.");
        }

        var forcedSet = forced.ToHashSet();
        var optional = official.Where(d => !forcedSet.Contains(d)).ToList();
        var optionalKeys = optional.Select(d => d.Age + _random.NextDouble() * 20).ToArray();
        var optionalArray = optional.ToArray();
        Array.Sort(optionalKeys, optionalArray);
        var chosen = forced.Concat(optionalArray.Take(slotCount - forced.Count)).OrderByDescending(d => d.Adult).ToList();
        var spare = new Queue<Draft>(optionalArray.Skip(slotCount - forced.Count).OrderBy(d => d.Adult));
        var taken = new HashSet<Draft>();

        // The youngest first, each into the latest window that still has room on a day after their
        // 18th birthday; someone who fits nowhere gives the place to an older member not chosen.
        foreach (var candidate in chosen)
        {
            var d = candidate;
            var k = LatestWindowFor(d, earlierParts, capacity);
            if (k < 0)
            {
                if (forcedSet.Contains(d) || spare.Count == 0)
                {
                    throw new ProfileException("history.periods", "không xếp được ngày kết nạp trong kỳ cho các đảng viên trẻ; kiểm tra nhóm tuổi và số kết nạp.");
                }

                d = spare.Dequeue();
                k = LatestWindowFor(d, earlierParts, capacity);
                if (k < 0)
                {
                    throw new ProfileException("history.periods", "không xếp được ngày kết nạp trong kỳ; kiểm tra nhóm tuổi và số kết nạp.");
                }
            }

            capacity[k]--;
            d.Admitted = earlierParts[k].Within(d.Adult, hiOfficial).Random(_random);
            d.Start = d.Admitted;
            taken.Add(d);
        }

        var rest = official.Where(d => !taken.Contains(d)).ToList();
        Shuffle(rest);
        var restQueue = new Queue<Draft>(rest);

        // Transferred in: official members admitted elsewhere who arrived inside a window.
        var deferred = new List<Draft>();
        foreach (var w in windows)
        {
            for (var j = 0; j < w["transferredIn"]; j++)
            {
                var arrival = RandomDate(w.From, w.To);
                Draft? d = null;
                while (restQueue.Count > 0)
                {
                    var candidate = restQueue.Dequeue();
                    if (!forcedSet.Contains(candidate) && candidate.Adult.AddMonths(12) <= arrival && candidate.Adult.AddMonths(12) <= hiOfficial)
                    {
                        d = candidate;
                        break;
                    }

                    deferred.Add(candidate);
                }

                if (d is null)
                {
                    throw new ProfileException(Field(w, "transferredIn"), "không đủ đảng viên chính thức để chuyển đến.");
                }

                d.TransferredIn = true;
                d.Start = arrival;
                var latest = arrival.AddMonths(-12) < hiOfficial ? arrival.AddMonths(-12) : hiOfficial;
                d.Admitted = RandomDate(d.Adult, latest);
            }
        }

        foreach (var d in restQueue.Concat(deferred))
        {
            var window = outside.Within(d.Adult, hiOfficial);
            d.Admitted = Near(window, d.Adult.AddDays(_random.Next(2 * 365, 17 * 365)));
            d.Start = d.Admitted;
        }

        // Leavers: extra members, admitted outside every window, who leave inside theirs.
        var leavers = new List<Draft>();
        foreach (var w in windows)
        {
            foreach (var kind in LeaveKinds)
            {
                for (var j = 0; j < w[kind]; j++)
                {
                    var leftOn = RandomDate(w.From, w.To);
                    var age = kind == "died" ? _random.Next(60, 91) : _random.Next(28, 61);
                    var d = new Draft { Age = age, Birth = BirthFor(age, leftOn) };
                    var window = outside.Within(d.Adult, leftOn.AddMonths(-13));
                    if (window.IsEmpty)
                    {
                        throw new ProfileException(Field(w, kind), "không có ngày kết nạp nào ngoài các kỳ cho người rời Đảng trong kỳ này.");
                    }

                    d.Admitted = Near(window, d.Adult.AddDays(_random.Next(2 * 365, 15 * 365)));
                    d.Start = d.Admitted;
                    d.Left = kind switch
                    {
                        "transferredOut" => MemberEventKind.TransferredOut,
                        "struckOff" => MemberEventKind.StruckOff,
                        "removed" => MemberEventKind.Removed,
                        "expelled" => MemberEventKind.Expelled,
                        _ => MemberEventKind.Died,
                    };
                    d.LeftOn = leftOn;
                    RandomAttributes(d);
                    leavers.Add(d);
                }
            }
        }

        return leavers;
    }

    private static int LatestWindowFor(Draft d, DateSet[] parts, int[] capacity)
    {
        for (var k = parts.Length - 1; k >= 0; k--)
        {
            if (capacity[k] > 0 && !parts[k].IsEmpty && parts[k].Last >= d.Adult)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// The target date when the set has it; else a day drawn from the six years of the set nearest
    /// to it, so that admissions pushed out of a window do not pile up on the day before it.
    /// </summary>
    private DateOnly Near(DateSet set, DateOnly target)
    {
        var nearest = set.Nearest(target);
        if (nearest == target)
        {
            return target;
        }

        var around = set.Within(nearest.AddYears(-6), nearest.AddYears(6));
        return around.Random(_random);
    }

    private static string Field(HistoryPeriod period, string kind) =>
        "history.periods[" + period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "]." + kind;

    /// <summary>Attributes of someone who is not counted on the as-of date: drawn by the profile's shares.</summary>
    private void RandomAttributes(Draft d)
    {
        bool Share(string dimension, string category) =>
            _random.NextDouble() * profile.Total < profile.Dimensions[dimension][category];
        d.Gender = Share("gender", "female") ? Gender.Female : Gender.Male;
        d.Minority = Share("ethnicity", "minority");
        d.Religious = Share("religion", "religious");
        d.Enterprise = d.Age < 60 && Share("enterprise", "yes");
        d.Retired = d.Age >= 60;
        d.Education = Share("generalEducation", "upperSecondary") ? GeneralEducation.UpperSecondary : GeneralEducation.LowerSecondary;
        d.Professional = Share("professional", "universityPlus") ? ProfessionalLevel.University : ProfessionalLevel.None;
        d.Theory = Share("politicalTheory", "intermediate") ? PoliticalTheory.Intermediate : PoliticalTheory.Elementary;
    }

    // ---------------------------------------------------------------- cells

    /// <summary>
    /// Cell sizes by weight (village cells larger), then members into them: enterprise staff to
    /// enterprise cells, retired members to village cells where there is room.
    /// </summary>
    private void AssignCells(Draft[] drafts, List<Node> holders)
    {
        var weights = holders.Select(h => (decimal)((h.Org.Sector == Sector.Commune ? 1.6 : 1.0) * (0.5 + _random.NextDouble()))).ToList();
        var sum = weights.Sum();
        var sizes = LargestRemainder.Apportion(drafts.Length, weights.Select(w => w / sum).ToList());
        var slots = new List<(double Key, Node Cell)>(drafts.Length);
        for (var h = 0; h < holders.Count; h++)
        {
            var group = holders[h].Org.Sector switch { Sector.EnterpriseCoop => 0, Sector.Commune => 2, _ => 1 };
            for (var k = 0; k < sizes[h]; k++)
            {
                slots.Add((group + _random.NextDouble(), holders[h]));
            }
        }

        slots.Sort((a, b) => a.Key.CompareTo(b.Key));
        var keys = drafts.Select(d => (d.Enterprise ? 0 : d.Retired ? 2 : 1) + _random.NextDouble()).ToArray();
        var order = drafts.ToArray();
        Array.Sort(keys, order);
        for (var i = 0; i < order.Length; i++)
        {
            order[i].Cell = slots[i].Cell;
        }
    }

    // ---------------------------------------------------------------- rows

    private void WriteMembers(IEnumerable<Draft> drafts)
    {
        var memberId = ids.Member;
        long periodId = ids.MemberPeriod, eventId = ids.MemberEvent;
        var serials = new Dictionary<int, int>();
        var updatedAt = new DateTimeOffset(profile.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var provinceId = _result.Province.Id;
        foreach (var d in drafts)
        {
            var cell = d.Cell!;
            var ethnicity = d.Minority ? VietnameseNames.PickWeighted(_random, _region.Minorities) : Ethnicities.Kinh;
            var religion = !d.Religious ? Religion.None
                : ethnicity == 5 ? Religion.Buddhism
                : ethnicity == 17 ? Religion.Islam
                : VietnameseNames.PickWeighted(_random, _region.Religions);
            var name = VietnameseNames.Full(_random, d.Gender, ethnicity);
            var officialOn = d.Probationary ? (DateOnly?)null : d.Admitted.AddMonths(12);
            var status = d.Left switch
            {
                MemberEventKind.TransferredOut => MemberStatus.TransferredOut,
                MemberEventKind.StruckOff => MemberStatus.StruckOff,
                MemberEventKind.Removed => MemberStatus.Removed,
                MemberEventKind.Expelled => MemberStatus.Expelled,
                MemberEventKind.Died => MemberStatus.Died,
                _ => d.Probationary ? MemberStatus.Probationary : MemberStatus.Official,
            };
            var born = _random.NextDouble() < 0.9 ? _region.CccdCode : Cccd.ProvinceCodes.ElementAt(_random.Next(Cccd.ProvinceCodes.Count));
            var serialKey = born * 1000 + Cccd.CenturyGenderDigit(d.Birth.Year, d.Gender) * 100 + d.Birth.Year % 100;
            var serial = serials.GetValueOrDefault(serialKey);
            serials[serialKey] = serial + 1;
            if (serial >= 20_000)
            {
                throw new InvalidOperationException("CCCD serial space exhausted for one birth year.");
            }

            var workplace = WorkplaceOf(cell);
            var member = new Member
            {
                Id = memberId++,
                ProvinceId = provinceId,
                FullName = name,
                SearchName = VietnameseText.Fold(name),
                Gender = d.Gender,
                BirthDate = d.Birth,
                BirthPlace = cell.Place + ", " + _region.ProvinceWord,
                HomeTown = _random.NextDouble() < 0.8 ? cell.Place + ", " + _region.ProvinceWord : null,
                Residence = cell.Place + ", " + _region.ProvinceWord,
                Cccd = Cccd.Compose(born, d.Birth, d.Gender, (ordinal % 50) * 20_000 + serial),
                Ethnicity = ethnicity,
                Religion = religion,
                Occupation = d.Retired ? "Hưu trí" : OccupationOf(cell.Org.Sector),
                Workplace = d.Retired ? null : workplace,
                GeneralEducation = d.Education,
                Professional = d.Professional,
                ProfessionalField = d.Professional >= ProfessionalLevel.Intermediate
                    ? VietnameseNames.Pick(_random, ["Kinh tế", "Luật", "Sư phạm", "Y khoa", "Nông nghiệp", "Kỹ thuật", "Quản lý nhà nước", "Công nghệ thông tin"])
                    : null,
                ScienceTechnology = d.ScienceTech ?? (d.Professional >= ProfessionalLevel.Intermediate && _random.NextDouble() < 0.2),
                PoliticalTheory = d.Theory,
                CivilServiceGrade = d.Grade ?? (cell.Org.Sector is Sector.StateAgency or Sector.PartyFrontUnions && !d.Retired
                    ? (d.Theory >= PoliticalTheory.Advanced ? CivilServiceGrade.Principal : CivilServiceGrade.Officer)
                    : CivilServiceGrade.None),
                Position = d.Post,
                YouthUnion = d.YouthUnion,
                Enterprise = d.Enterprise,
                Retired = d.Retired,
                PartyCardNumber = (ordinal % 100).ToString("00", CultureInfo.InvariantCulture) + memberId.ToString("D8", CultureInfo.InvariantCulture),
                AdmittedOn = d.Admitted,
                OfficialOn = officialOn,
                Status = status,
                CellId = cell.Org.Id,
                UpdatedAt = updatedAt,
            };
            _result.Members.Add(member);

            var period = MemberPeriod.Open(member, cell.Org, d.Start);
            period.Id = periodId++;
            if (d.Left is not null)
            {
                period.ValidTo = d.LeftOn;
            }

            _result.MemberPeriods.Add(period);
            _spans.Add(new Span(member.Id, cell, period.ValidFrom, period.ValidTo, officialOn, d.Left));
            if (d.Start < cell.EarliestMember)
            {
                cell.EarliestMember = d.Start;
            }

            void Event(MemberEventKind kind, DateOnly date, string? decision) => _result.MemberEvents.Add(new MemberEvent
            {
                Id = eventId++,
                ProvinceId = provinceId,
                MemberId = member.Id,
                Kind = kind,
                Date = date,
                CellId = cell.Org.Id,
                CellPath = cell.Org.Path,
                DecisionNumber = decision,
                RecordedBy = RecordedBy,
                RecordedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });

            string Decision(string suffix) => (1 + _random.Next(9999)).ToString(CultureInfo.InvariantCulture) + suffix;
            if (d.TransferredIn)
            {
                Event(MemberEventKind.TransferredIn, d.Start, Decision("-GGT/TU"));
            }
            else
            {
                Event(MemberEventKind.Admitted, d.Admitted, Decision("-QĐ/ĐU"));
                if (officialOn is { } on && (d.Left is null || on < d.LeftOn))
                {
                    Event(MemberEventKind.RecognizedOfficial, on, Decision("-QĐ/ĐU"));
                }
            }

            if (d.Left is { } left)
            {
                Event(left, d.LeftOn, Decision(left == MemberEventKind.TransferredOut ? "-GGT/TU" : "-QĐ/ĐU"));
            }
        }
    }

    private static string WorkplaceOf(Node cell) => cell.Org.Name.StartsWith("Chi bộ ", StringComparison.Ordinal)
        ? cell.Org.Name["Chi bộ ".Length..]
        : cell.Org.Name;

    private string OccupationOf(Sector sector) => sector switch
    {
        Sector.PartyFrontUnions or Sector.StateAgency => "Cán bộ, công chức",
        Sector.PublicService => "Viên chức",
        Sector.EnterpriseCoop => _random.NextDouble() < 0.5 ? "Công nhân" : "Nhân viên doanh nghiệp",
        Sector.ArmedForces => _random.NextDouble() < 0.5 ? "Quân nhân" : "Công an",
        Sector.Commune => _random.NextDouble() < 0.6 ? "Nông dân" : "Buôn bán",
        _ => "Lao động tự do",
    };

    private void Shuffle<T>(IList<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
