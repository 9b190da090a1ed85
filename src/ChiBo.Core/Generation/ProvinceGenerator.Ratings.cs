using System.Globalization;
using ChiBo.Organizations;
using ChiBo.Ratings;

namespace ChiBo.Generation;

public sealed partial class ProvinceGenerator
{
    // The shape of a generated year where the profile says nothing: plausible proportions, not statistics from the seeds.
    private const double DefaultOrganizationShare = 0.95;
    private const double DefaultMemberShare = 0.90;
    private const double ExcellentShareOfGood = 0.14;
    private const double NotFulfilledShareOfMembers = 0.012;
    private const double NotFulfilledShareOfBelowGood = 0.15;

    /// <summary>An organization of the province as the ratings see it, with who decides it.</summary>
    private sealed record RatedOrg(Organization Org, Organization? Decider);

    /// <summary>A subject the policy rates, and whether it was disciplined in the year (then KHTNV).</summary>
    private sealed record RatingDraft(int Id, bool Disciplined);

    /// <summary>A share to meet: the stated one (exactly, unless the province was scaled down) or a plausible one.</summary>
    private sealed record ShareTarget(StatedShare? Stated, double Share, bool Exact);

    /// <summary>
    /// The years the generator rates: each year the profile states a share for, and the five years
    /// up to the last one reviewed by <c>asOf</c> (the review is held in December).
    /// </summary>
    private List<int> RatingYears()
    {
        var asOf = profile.AsOf;
        var last = asOf >= new DateOnly(asOf.Year, 12, 1) ? asOf.Year : asOf.Year - 1;
        return profile.Ratings.Years.Concat(Enumerable.Range(last - 4, 5)).Where(y => y <= last).Distinct().Order().ToList();
    }

    /// <summary>
    /// A closed round a year for the province, with every member and organization in it on the review
    /// date (15 December) rated bottom-up and published: members, then chi bộ, then TCCSĐ, then the
    /// đảng bộ trực thuộc. Each stated share of <c>history.ratedGoodOrAbove</c> is met to its stated
    /// precision (it rounds and truncates to it): the number rated is the largest one that can give
    /// the share exactly, those left over "không xếp loại" (nghỉ dài ngày; tổ chức đang kiện toàn),
    /// so the denominator varies with them as it does in the plans. The policy of the year holds:
    /// new members and new organizations are not rated, the disciplined are KHTNV, HTXSNV members stay
    /// within the cap of their TCCSĐ, an HTXSNV organization has no one disciplined and meets the
    /// cross-level rule. A random stream of its own keeps the rest of the province as it was.
    /// </summary>
    private void BuildRatings()
    {
        var years = RatingYears();
        if (years.Count == 0)
        {
            return;
        }

        var random = new Random(seed ^ 0x4A7E);
        var members = _result.Members.ToDictionary(m => m.Id);
        var orgs = _result.Organizations.ToDictionary(o => o.Id, o => new RatedOrg(o, DeciderOf(_nodes[o.Id])));
        // A member is decided by their TCCSĐ (the chi bộ cơ sở itself, or the đảng bộ cơ sở above the chi bộ), where the cap is counted too.
        var baseOf = _result.Organizations.Where(o => o.Kind.HoldsMembers())
            .ToDictionary(o => o.Id, o => o.Kind == OrgKind.BaseCell ? o : Above(_nodes[o.Id]).FirstOrDefault(a => a.Org.Kind == OrgKind.BaseCommittee)?.Org ?? o);
        var root = _result.Organizations[0];
        int roundId = ids.RatingRound;
        long orgRatingId = ids.OrgRating, memberRatingId = ids.MemberRating;
        foreach (var year in years)
        {
            var policy = RatingPolicy.For(year);
            var review = Min(new DateOnly(year, 12, 15), profile.AsOf);
            var end = Min(new DateOnly(year, 12, 31), profile.AsOf);
            var membersOn = Min(review.AddDays(random.Next(3, 6)), end);
            var cellsOn = Min(membersOn.AddDays(random.Next(2, 4)), end);
            var basesOn = Min(cellsOn.AddDays(random.Next(2, 4)), end);
            var superiorsOn = Min(basesOn.AddDays(random.Next(1, 3)), end);
            var round = new RatingRound
            {
                Id = roundId++, ProvinceId = root.ProvinceId, OrganizationId = root.Id, SubtreePath = root.Path, Year = year,
                OpenedOn = Min(new DateOnly(year, 11, 20), review), ReviewDate = review, Deadline = new DateOnly(year, 12, 31), PolicyVersion = policy.Version,
                Status = RoundStatus.Closed, ClosedOn = end, OpenedBy = RecordedBy, UpdatedAt = Stamp(end), Version = 2,
            };
            _result.RatingRounds.Add(round);

            // Discipline of the year, as the deciding levels knew it when they decided.
            var yearStart = new DateOnly(year, 1, 1);
            var decisions = _result.DisciplineDecisions.Where(d => !d.Annulled && d.DecidedOn >= yearStart && d.DecidedOn <= membersOn).ToList();
            var disciplinedMembers = decisions.Where(d => d.MemberId is not null).Select(d => d.MemberId!.Value).ToHashSet();
            var disciplinedOrgs = decisions.Where(d => d.OrganizationId is not null).Select(d => d.OrganizationId!.Value).ToHashSet();
            var disciplineBelow = new HashSet<int>();
            foreach (var d in decisions)
            {
                var path = Subtree.Ids(d.SubjectPath);
                foreach (var id in d.OrganizationId is { } self ? path.Where(x => x != self) : path)
                {
                    disciplineBelow.Add(id);
                }
            }

            // ------------------------------------------------ members
            var inRound = _spans.Where(s => s.From <= review && review < s.To).ToList();
            var outcomes = new Dictionary<int, Outcome>(inRound.Count);
            var pool = new List<RatingDraft>(inRound.Count);
            foreach (var s in inRound)
            {
                var m = members[s.MemberId];
                var reason = policy.MemberNotRatedOn(review, false, m.AdmittedOn, s.OfficialOn);
                if (reason is { } r)
                {
                    outcomes[s.MemberId] = Outcome.NotRated(r);
                }
                else
                {
                    pool.Add(new RatingDraft(s.MemberId, disciplinedMembers.Contains(s.MemberId)));
                }
            }

            var memberTarget = Target("members", year, DefaultMemberShare, random);
            var memberLevels = Allocate(pool, memberTarget, "members", year, "đảng viên", NotRatedReason.LongLeave, NotFulfilledShareOfMembers, random);
            foreach (var (id, outcome) in memberLevels)
            {
                outcomes[id] = outcome;
            }

            // HTXSNV among the HTTNV+, per TCCSĐ within the cap.
            var good = inRound.Where(s => outcomes[s.MemberId].Level == RatingLevel.Good).GroupBy(s => baseOf[s.Cell.Org.Id].Id);
            foreach (var group in good)
            {
                var list = group.ToList();
                Shuffle(list, random);
                var excellent = ExcellentCount(list.Count, policy.MemberCap, random);
                foreach (var s in list.Take(excellent))
                {
                    outcomes[s.MemberId] = Outcome.Rated(RatingLevel.Excellent);
                }
            }

            var tallies = new Dictionary<int, int[]>();
            foreach (var s in inRound)
            {
                var o = outcomes[s.MemberId];
                var cell = s.Cell.Org;
                if (!tallies.TryGetValue(cell.Id, out var t))
                {
                    tallies[cell.Id] = t = new int[5];
                }

                t[o.Bucket]++;
                _result.MemberRatings.Add(Row(new MemberRating
                {
                    Id = memberRatingId++, MemberId = s.MemberId, CellId = cell.Id, CellPath = cell.Path, RecordedBy = RecordedBy,
                }, round, o, cell.Id, baseOf[cell.Id], membersOn, policy, random));
            }

            // ------------------------------------------------ organizations, bottom-up
            var levels = new Dictionary<int, Outcome>();
            var existing = _result.Organizations.Where(o => o.FoundedOn <= review && policy.RatedKinds.Contains(o.Kind)).ToList();
            LevelCounts MembersOf(Organization o) => tallies.TryGetValue(o.Id, out var t) ? new LevelCounts(t[0], t[1], t[2], t[3], t[4]) : LevelCounts.Zero;
            LevelCounts DecidedBy(Organization o)
            {
                var below = existing.Where(x => orgs[x.Id].Decider?.Id == o.Id && levels.ContainsKey(x.Id)).Select(x => levels[x.Id]).ToList();
                return new LevelCounts(below.Count(x => x.Level == RatingLevel.Excellent), below.Count(x => x.Level == RatingLevel.Good),
                    below.Count(x => x.Level == RatingLevel.Fulfilled), below.Count(x => x.Level == RatingLevel.NotFulfilled), below.Count(x => x.Reason is not null));
            }

            bool MayExcel(Organization o) => !disciplinedOrgs.Contains(o.Id) && !disciplineBelow.Contains(o.Id)
                && (policy.CrossLevel is not { } rule || (o.Kind.HoldsMembers() ? MembersOf(o) : DecidedBy(o)) is var c && rule.Allows(c.Excellent, c.Good, c.Fulfilled, c.NotFulfilled));

            void Series(IReadOnlyList<Organization> subjects, string? series, string what, double fallback)
            {
                var draft = new List<RatingDraft>();
                foreach (var o in subjects)
                {
                    if (policy.OrganizationNotRatedOn(review, o.FoundedOn) is { } reason)
                    {
                        levels[o.Id] = Outcome.NotRated(reason);
                    }
                    else
                    {
                        draft.Add(new RatingDraft(o.Id, disciplinedOrgs.Contains(o.Id)));
                    }
                }

                var target = series is null ? Plausible(fallback, random) : Target(series, year, fallback, random);
                foreach (var (id, outcome) in Allocate(draft, target, series ?? "organizations", year, what, NotRatedReason.Reorganized, null, random))
                {
                    levels[id] = outcome;
                }

                var candidates = subjects.Where(o => levels[o.Id].Level == RatingLevel.Good && MayExcel(o)).ToList();
                Shuffle(candidates, random);
                var goodCount = subjects.Count(o => levels[o.Id].Level == RatingLevel.Good);
                foreach (var o in candidates.Take((int)Math.Round(goodCount * (ExcellentShareOfGood + 0.04) * (0.8 + 0.4 * random.NextDouble()))))
                {
                    levels[o.Id] = Outcome.Rated(RatingLevel.Excellent);
                }
            }

            Series(existing.Where(o => o.Kind == OrgKind.Cell).ToList(), "cells", "chi bộ trực thuộc", DefaultOrganizationShare);
            Series(existing.Where(o => o.Kind == OrgKind.SectionCommittee).ToList(), null, "đảng bộ bộ phận", DefaultOrganizationShare);
            Series(existing.Where(o => o.Kind.IsBaseOrganization()).ToList(), "organizations", "tổ chức cơ sở đảng", DefaultOrganizationShare);
            Series(existing.Where(o => o.Kind == OrgKind.SuperiorToBase).ToList(), null, "đảng bộ trực thuộc", 0.97);

            foreach (var o in _result.Organizations.Where(o => levels.ContainsKey(o.Id) || tallies.ContainsKey(o.Id)))
            {
                var t = tallies.GetValueOrDefault(o.Id) ?? new int[5];
                var decidedOn = o.Kind switch
                {
                    OrgKind.Cell or OrgKind.SectionCommittee => cellsOn,
                    OrgKind.BaseCommittee or OrgKind.BaseCell => basesOn,
                    _ => superiorsOn,
                };
                var row = new OrgRating
                {
                    Id = orgRatingId++, OrganizationId = o.Id, SubjectKind = o.Kind, SubjectPath = o.Path, RecordedBy = RecordedBy,
                    MembersExcellent = t[0], MembersGood = t[1], MembersFulfilled = t[2], MembersNotFulfilled = t[3], MembersNotRated = t[4],
                };
                if (levels.TryGetValue(o.Id, out var outcome))
                {
                    _result.OrgRatings.Add(Row(row, round, outcome, o.Id, orgs[o.Id].Decider, decidedOn, policy, random));
                }
                else
                {
                    // A chi bộ the policy does not rate still carries its members' tally.
                    row.ProvinceId = o.ProvinceId;
                    row.RoundId = round.Id;
                    row.Year = year;
                    row.State = RatingState.Pending;
                    row.Source = RatingSource.Generated;
                    row.UpdatedAt = Stamp(end);
                    row.Version = 1;
                    _result.OrgRatings.Add(row);
                }
            }
        }
    }

    /// <summary>What a subject ends up with: a level, or a "không xếp loại" reason.</summary>
    private readonly record struct Outcome(RatingLevel? Level, NotRatedReason? Reason)
    {
        public static Outcome Rated(RatingLevel level) => new(level, null);

        public static Outcome NotRated(NotRatedReason reason) => new(null, reason);

        /// <summary>The tally column: 0–3 the levels, 4 not rated.</summary>
        public int Bucket => Level is { } l ? (int)l - 1 : 4;
    }

    /// <summary>
    /// The share to meet: the profile's for the year (exact, or as close as a scaled province allows),
    /// else near the profile's other years of the series, else a plausible one.
    /// </summary>
    private ShareTarget Target(string series, int year, double fallback, Random random)
    {
        if (profile.Ratings.Stated(series, year) is { } stated)
        {
            return new ShareTarget(stated, (double)stated.Value, !profile.Ratings.Approximate);
        }

        var others = profile.Ratings.Series.TryGetValue(series, out var years) && years.Count > 0 ? (double)years.Values.Average(s => s.Value) : fallback;
        return Plausible(others, random);
    }

    private static ShareTarget Plausible(double around, Random random) =>
        new(null, Math.Clamp(around + (random.NextDouble() - 0.5) * 0.03, 0.75, 0.995), false);

    /// <summary>
    /// Levels for a pool of subjects the policy rates: how many are rated and how many HTTNV or above
    /// (<see cref="ShareTarget"/>), the rest "không xếp loại" for <paramref name="extraReason"/>;
    /// the disciplined among the lowest (KHTNV), then HTNV and KHTNV, the others HTTNV (HTXSNV is chosen after).
    /// </summary>
    private static List<(int Id, Outcome Outcome)> Allocate(
        List<RatingDraft> pool, ShareTarget target, string series, int year, string what, NotRatedReason extraReason,
        double? notFulfilledShare, Random random)
    {
        var result = new List<(int, Outcome)>(pool.Count);
        if (pool.Count == 0)
        {
            if (target.Stated is { } s && target.Exact)
            {
                throw new ProfileException(FieldOf(series, year), $"không có {what} nào để xếp loại năm {year} nhưng hồ sơ nêu tỉ lệ {s}.");
            }

            return result;
        }

        var disciplined = pool.Where(p => p.Disciplined).ToList();
        var others = pool.Where(p => !p.Disciplined).ToList();
        Shuffle(others, random);
        Shuffle(disciplined, random);
        var (rated, good) = Solve(target, pool.Count, series, year, what);

        // The disciplined are KHTNV: when fewer places lie below HTTNV than there are of them, the
        // rest are not rated this year (reason: other), and the numbers are solved again without them.
        var setAside = 0;
        while (disciplined.Count - setAside > rated - good)
        {
            setAside++;
            (rated, good) = Solve(target, pool.Count - setAside, series, year, what);
        }

        foreach (var d in disciplined.Take(setAside))
        {
            result.Add((d.Id, Outcome.NotRated(NotRatedReason.Other)));
        }

        var inPlay = disciplined.Skip(setAside).ToList();
        var extra = pool.Count - setAside - rated;
        foreach (var o in others.Take(extra))
        {
            result.Add((o.Id, Outcome.NotRated(extraReason)));
        }

        var ratedOthers = others.Skip(extra).ToList();
        var below = rated - good;
        var notFulfilled = Math.Clamp(
            (int)Math.Round(notFulfilledShare is { } share ? rated * share * (0.7 + 0.6 * random.NextDouble()) : below * NotFulfilledShareOfBelowGood),
            inPlay.Count, below);
        foreach (var d in inPlay)
        {
            result.Add((d.Id, Outcome.Rated(RatingLevel.NotFulfilled)));
        }

        var k = 0;
        for (; k < notFulfilled - inPlay.Count; k++)
        {
            result.Add((ratedOthers[k].Id, Outcome.Rated(RatingLevel.NotFulfilled)));
        }

        for (var j = 0; j < below - notFulfilled; j++, k++)
        {
            result.Add((ratedOthers[k].Id, Outcome.Rated(RatingLevel.Fulfilled)));
        }

        for (; k < ratedOthers.Count; k++)
        {
            result.Add((ratedOthers[k].Id, Outcome.Rated(RatingLevel.Good)));
        }

        return result;
    }

    /// <summary>
    /// How many of <paramref name="available"/> are rated and how many of them HTTNV or above: for a
    /// stated share to be met exactly, the largest number rated whose HTTNV+ count gives it (g/r both
    /// rounds and truncates to the stated decimals); otherwise all rated and the nearest count.
    /// </summary>
    private static (int Rated, int Good) Solve(ShareTarget target, int available, string series, int year, string what)
    {
        if (available <= 0)
        {
            return (0, 0);
        }

        if (target.Stated is not { } s || !target.Exact)
        {
            return (available, (int)Math.Round(target.Share * available, MidpointRounding.AwayFromZero));
        }

        for (var r = available; r >= 1; r--)
        {
            var g = (s.Numerator * r + s.Unit - 1) / s.Unit;
            if (g <= r && s.MetBy(g, r))
            {
                return (r, (int)g);
            }
        }

        throw new ProfileException(FieldOf(series, year),
            $"không thể đạt đúng tỉ lệ {s} với {available.ToString(CultureInfo.InvariantCulture)} {what} được xếp loại (cần nhiều {what} hơn, hoặc ghi tỉ lệ với ít chữ số thập phân hơn).");
    }

    private static string FieldOf(string series, int year) =>
        "history.ratedGoodOrAbove." + series + "." + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>HTXSNV of a TCCSĐ's HTTNV+ members: about one in seven, never beyond the cap.</summary>
    private static int ExcellentCount(int goodOrAbove, ExcellentCap? cap, Random random)
    {
        var wanted = (int)Math.Round(goodOrAbove * ExcellentShareOfGood * (0.7 + 0.6 * random.NextDouble()));
        while (wanted > 0 && cap is not null && !cap.Allows(wanted, goodOrAbove - wanted))
        {
            wanted--;
        }

        return wanted;
    }

    /// <summary>Who decides an organization (Quy định 366-QĐ/TW: the level directly above, a đảng bộ cơ sở for its chi bộ).</summary>
    private Organization? DeciderOf(Node node) => node.Org.Kind switch
    {
        OrgKind.Cell or OrgKind.SectionCommittee => Above(node).FirstOrDefault(a => a.Org.Kind == OrgKind.BaseCommittee)?.Org,
        OrgKind.BaseCommittee or OrgKind.BaseCell => Above(node).FirstOrDefault(a => a.Org.Kind is OrgKind.SuperiorToBase or OrgKind.Province)?.Org,
        OrgKind.SuperiorToBase => Above(node).FirstOrDefault(a => a.Org.Kind == OrgKind.Province)?.Org,
        _ => null,
    };

    /// <summary>The workflow fields of a generated, published rating.</summary>
    private T Row<T>(T r, RatingRound round, Outcome o, int proposer, Organization? decider, DateOnly decidedOn, RatingPolicy policy, Random random)
        where T : RatingBase
    {
        r.ProvinceId = round.ProvinceId;
        r.RoundId = round.Id;
        r.Year = round.Year;
        r.State = RatingState.Published;
        r.Source = RatingSource.Generated;
        r.ProposedLevel = o.Level;
        r.ProposedNotRated = o.Reason;
        r.ProposedOn = round.ReviewDate;
        r.ProposedByOrgId = proposer;
        r.Level = o.Level;
        r.NotRatedReason = o.Reason;
        r.NotRatedNote = o.Reason == NotRatedReason.Other ? "Đang xem xét, xử lý kỷ luật" : null;
        r.Score = policy.Scale is null || o.Level is not { } level ? null : level switch
        {
            RatingLevel.Excellent => 90 + random.Next(0, 9),
            RatingLevel.Good => 72 + random.Next(0, 17),
            RatingLevel.Fulfilled => 52 + random.Next(0, 17),
            _ => 30 + random.Next(0, 19),
        };
        r.DecidedByOrgId = decider?.Id;
        r.DecidedBy = decider?.Name ?? "Tỉnh ủy";
        r.DecisionNumber = (1 + random.Next(399)).ToString(CultureInfo.InvariantCulture) + (decider?.Kind == OrgKind.BaseCell ? "-NQ/CB" : "-QĐ/ĐU");
        r.DecidedOn = decidedOn;
        r.PublishedOn = Min(decidedOn.AddDays(random.Next(1, 4)), Min(new DateOnly(round.Year, 12, 31), profile.AsOf));
        r.UpdatedAt = Stamp(r.PublishedOn.Value);
        r.Version = 1;
        return r;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static void Shuffle<T>(IList<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
