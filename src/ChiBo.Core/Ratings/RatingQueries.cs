using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Meetings;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Ratings;

public sealed record RoundView(
    int Id, string Org, string OrgName, int Year, DateOnly OpenedOn, DateOnly ReviewDate, DateOnly Deadline, string PolicyVersion, string PolicySource,
    string Status, DateOnly? ClosedOn, string? Note, int Version);

/// <summary>One step of a rating, as the timeline shows it.</summary>
public sealed record RatingEventView(string Kind, DateOnly Date, string? From, string? To, decimal? Score, string? DecisionNumber, string? ActingBody, string? Reason, string RecordedBy);

/// <summary>A rating's workflow fields as the pages and API show them (codes HTXSNV…; reasons by key).</summary>
public sealed record RatingView(
    long Id, int Year, string State, string? SelfLevel, decimal? SelfScore, string? SelfAssessment, DateOnly? SelfAssessedOn,
    string? ProposedLevel, string? ProposedNotRated, decimal? ProposedScore, string? ProposalNote, DateOnly? ProposedOn, string? ReturnedReason,
    string? Level, string? NotRated, string? NotRatedNote, decimal? Score, string? DecidedBy, string? DecisionNumber, DateOnly? DecidedOn,
    DateOnly? PublishedOn, string Source, int Version)
{
    public static RatingView Of(RatingBase r) => new(
        r.Id, r.Year, r.State.ToString(), Code(r.SelfLevel), r.SelfScore, r.SelfAssessment, r.SelfAssessedOn,
        Code(r.ProposedLevel), Key(r.ProposedNotRated), r.ProposedScore, r.ProposalNote, r.ProposedOn, r.ReturnedReason,
        Code(r.Level), Key(r.NotRatedReason), r.NotRatedNote, r.Score, r.DecidedBy, r.DecisionNumber, r.DecidedOn, r.PublishedOn, r.Source.ToString(), r.Version);

    internal static string? Code(RatingLevel? l) => l is { } x ? RatingNames.Code(x) : null;

    internal static string? Key(NotRatedReason? r) => r is { } x ? RatingNames.Key(x) : null;
}

/// <summary>A member on a desk: their rating (null: not begun), what the policy says, and — for callers with Discipline.Read — whether they were disciplined in the year.</summary>
public sealed record MemberRatingRow(int MemberId, string FullName, string Cell, string? PolicyNotRated, bool? Disciplined, RatingView? Rating);

public sealed record OrgRatingRow(string Code, string Name, string Kind, string? PolicyNotRated, LevelCounts Members, int MembersOnReviewDate, RatingView? Rating);

/// <summary>The cap in a scope as the decisions stand: how many HTXSNV there are and may be.</summary>
public sealed record CapView(string Scope, decimal Share, string Base, int Excellent, int Good, int MaxExcellent);

/// <summary>
/// A level's desk for a year: the round, the organization's own rating, the members it proposes or
/// decides for (a chi bộ), the organizations it decides, and the distribution with the cap, live.
/// </summary>
public sealed record RatingBoard(
    string Org, string OrgName, string Kind, int Year, RoundView? Round, RatingView? Own,
    IReadOnlyList<MemberRatingRow> Members, IReadOnlyList<OrgRatingRow> Organizations,
    LevelCounts MemberDistribution, CapView? Cap, LevelCounts OrganizationDistribution);

public sealed record MemberRatingDetails(int MemberId, string FullName, string Cell, int Year, RatingView? Rating, IReadOnlyList<RatingEventView> Events);

public sealed record OrgRatingDetails(string Code, string Name, string Kind, int Year, LevelCounts Members, RatingView? Rating, IReadOnlyList<RatingEventView> Events);

/// <summary>The signed-in member's published results and own reviews.</summary>
public sealed record MyRating(int Year, string State, string? Level, string LevelName, string? DecidedBy, string? DecisionNumber, DateOnly? DecidedOn, DateOnly? PublishedOn, DateOnly? SelfAssessedOn);

public sealed record FollowUpMember(int MemberId, string FullName, string CellCode, string CellName, int Year, string? DecisionNumber, string? DecidedBy, int NotFulfilledYears);

public sealed record FollowUpOrganization(string Code, string Name, string Kind, int Year, string? DecisionNumber, string? DecidedBy);

/// <summary>Đảng viên, tổ chức KHTNV of a year: to be helped, and watched the next year (000:188).</summary>
public sealed record FollowUpList(string Org, int Year, IReadOnlyList<FollowUpMember> Members, IReadOnlyList<FollowUpOrganization> Organizations);

public sealed record OutstandingMember(int MemberId, string FullName, string CellCode, string CellName, string? DecisionNumber, int ExcellentYears, IReadOnlyList<string> Rewards);

/// <summary>Đảng viên HTXSNV of a year with how many of the last five years they were, and their rewards of the year (000:188).</summary>
public sealed record OutstandingList(string Org, int Year, IReadOnlyList<OutstandingMember> Members);

public sealed record FourGoodPrefill(
    bool PoliticalTask, string? PoliticalTaskEvidence, bool MeetingQuality, string MeetingQualityEvidence, bool UnityDiscipline, string UnityDisciplineEvidence);

public sealed record FourGoodRow(
    string Code, string Name, string Kind, bool PoliticalTask, string? PoliticalTaskEvidence, bool MeetingQuality, string? MeetingQualityEvidence,
    bool UnityDiscipline, string? UnityDisciplineEvidence, bool CadresMembers, string? CadresMembersEvidence, bool Recognized, string? RecognizedBy,
    string? DecisionNumber, DateOnly? RecognizedOn, int Version);

/// <summary>Titles of a subtree and year with the counts: chi bộ and đảng bộ cơ sở assessed and recognised.</summary>
public sealed record FourGoodList(string Org, int Year, int CellsRecognized, int BaseCommitteesRecognized, IReadOnlyList<FourGoodRow> Titles);

/// <summary>A chi bộ or đảng bộ cơ sở of the subtree at the year's end: its decided level (a code, null: not decided) and its "bốn tốt" title (null: not assessed).</summary>
public sealed record FourGoodSubject(string Code, string Name, string Kind, string Path, string? Level, string? NotRated, FourGoodRow? Title);

/// <summary>
/// Every organization that may hold the "bốn tốt" title in a subtree and year, with the counts: chi
/// bộ (trực thuộc and cơ sở) and đảng bộ cơ sở, how many were assessed, met all four, were recognised.
/// </summary>
public sealed record FourGoodBoard(
    string Org, int Year, int Cells, int BaseCommittees, int Assessed, int AllFourMet, int CellsRecognized, int BaseCommitteesRecognized,
    IReadOnlyList<FourGoodSubject> Subjects);

public sealed record RewardRow(long Id, string Subject, int? MemberId, string? OrgCode, string Name, int Year, string Form, string Title, string DecidedBy, string DecisionNumber, DateOnly DecidedOn);

public static class RatingQueries
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static RoundView View(RatingRound r, Organization org)
    {
        var policy = RatingPolicy.Named(r.PolicyVersion) ?? RatingPolicy.For(r.Year);
        return new RoundView(r.Id, org.Code, org.Name, r.Year, r.OpenedOn, r.ReviewDate, r.Deadline, r.PolicyVersion, policy.Source,
            r.Status.ToString(), r.ClosedOn, r.Note, r.Version);
    }

    /// <summary>Rounds whose subtree lies in, or holds, what the caller asks for.</summary>
    public static async Task<IReadOnlyList<RoundView>> RoundsAsync(ChiBoDb db, OrgLookup lookup, int? year, CancellationToken ct)
    {
        var subtree = lookup.Subtree;
        var q = db.RatingRounds.AsNoTracking().AsQueryable();
        if (subtree.ProvinceId is { } p)
        {
            q = q.Where(r => r.ProvinceId == p);
        }

        if (year is { } y)
        {
            q = q.Where(r => r.Year == y);
        }

        var rounds = (await q.OrderByDescending(r => r.Year).ThenBy(r => r.SubtreePath).ToListAsync(ct))
            .Where(r => subtree.ProvinceId is null || r.SubtreePath.StartsWith(subtree.Path, StringComparison.Ordinal) || subtree.Path.StartsWith(r.SubtreePath, StringComparison.Ordinal))
            .ToList();
        var orgs = await OrgsAsync(db, rounds.Select(r => r.OrganizationId), ct);
        return rounds.Select(r => View(r, orgs[r.OrganizationId])).ToList();
    }

    /// <summary>The desk of an organization for a year (see <see cref="RatingBoard"/>).</summary>
    public static async Task<RatingBoard> BoardAsync(ChiBoDb db, OrgScope caller, Organization org, int year, CancellationToken ct)
    {
        var rounds = await db.RatingRounds.AsNoTracking().Where(r => r.ProvinceId == org.ProvinceId && r.Year == year).ToListAsync(ct);
        var round = rounds.FirstOrDefault(r => org.Path.StartsWith(r.SubtreePath, StringComparison.Ordinal));
        var review = round?.ReviewDate ?? new DateOnly(year, 12, 31);
        var policy = round is null ? RatingPolicy.For(year) : RatingPolicy.Named(round.PolicyVersion) ?? RatingPolicy.For(year);
        var place = await RatingLevels.OnAsync(db, org.Id, review, ct) ?? new Place(org, org.Name, org.Kind, org.Path);
        var own = await db.OrgRatings.AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == org.Id && r.Year == year, ct);

        var members = new List<MemberRatingRow>();
        if (place.Kind.HoldsMembers())
        {
            var people = await db.MemberPeriods.AsNoTracking()
                .Where(p => p.CellId == org.Id && p.ValidFrom <= review && p.ValidTo > review)
                .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { m.Id, m.FullName, m.AdmittedOn, p.OfficialOn, p.Exempted })
                .OrderBy(x => x.FullName).ToListAsync(ct);
            var ids = people.Select(p => p.Id).ToList();
            var ratings = await db.MemberRatings.AsNoTracking().Where(r => ids.Contains(r.MemberId) && r.Year == year).ToDictionaryAsync(r => r.MemberId, ct);
            HashSet<int>? disciplined = null;
            if (caller.Can(Operation.DisciplineRead, place.Subtree))
            {
                var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                disciplined = (await db.DisciplineDecisions.AsNoTracking()
                    .Where(d => d.MemberId != null && ids.Contains(d.MemberId.Value) && !d.Annulled && d.DecidedOn >= from && d.DecidedOn <= to)
                    .Select(d => d.MemberId!.Value).ToListAsync(ct)).ToHashSet();
            }

            members = people.Select(p => new MemberRatingRow(p.Id, p.FullName, org.Code,
                policy.MemberNotRatedOn(review, p.Exempted, p.AdmittedOn, p.OfficialOn) is { } reason ? RatingNames.Key(reason) : null,
                disciplined?.Contains(p.Id), ratings.TryGetValue(p.Id, out var r) ? RatingView.Of(r) : null)).ToList();
        }

        // Organizations this one decides: chi bộ and đảng bộ bộ phận of a đảng bộ cơ sở; TCCSĐ of the level above.
        var kinds = RatingLevels.KindsDecidedBy(place.Kind);
        var direct = place.Kind is OrgKind.SuperiorToBase or OrgKind.Province;
        var (lo, hi) = (place.Path, place.Subtree.UpperBound);
        var below = kinds.Count == 0 ? [] : await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == org.ProvinceId && string.Compare(p.Path, lo) > 0 && string.Compare(p.Path, hi) < 0
                        && p.ValidFrom <= review && p.ValidTo > review && kinds.Contains(p.Kind) && (!direct || p.ParentId == org.Id))
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { o.Id, o.Code, p.Name, p.Kind, o.FoundedOn, p.Path })
            .OrderBy(x => x.Path).ToListAsync(ct);
        var belowIds = below.Select(b => b.Id).ToList();
        var belowRatings = await db.OrgRatings.AsNoTracking().Where(r => belowIds.Contains(r.OrganizationId) && r.Year == year).ToDictionaryAsync(r => r.OrganizationId, ct);
        var onRoll = await db.MemberPeriods.AsNoTracking()
            .Where(p => belowIds.Contains(p.CellId) && p.ValidFrom <= review && p.ValidTo > review)
            .GroupBy(p => p.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var organizations = below.Select(b =>
        {
            var r = belowRatings.GetValueOrDefault(b.Id);
            return new OrgRatingRow(b.Code, b.Name, b.Kind.ToString(),
                policy.OrganizationNotRatedOn(review, b.FoundedOn) is { } reason ? RatingNames.Key(reason) : null,
                r is null ? LevelCounts.Zero : Tally(r), onRoll.GetValueOrDefault(b.Id), r is null ? null : RatingView.Of(r));
        }).ToList();

        var memberCounts = await MemberTallyAsync(db, place.Subtree, year, ct);
        CapView? cap = null;
        if (policy.MemberCap is { } c && (place.Kind.IsBaseOrganization() || (c.Scope == CapScope.Cell && place.Kind.HoldsMembers())))
        {
            var max = MaxExcellent(c, memberCounts.Good + memberCounts.Excellent, memberCounts.Good);
            cap = new CapView(place.Name, c.Share, c.Base.ToString(), memberCounts.Excellent, memberCounts.Good, max);
        }

        var decided = organizations.Where(o => o.Rating is { } r && r.DecidedOn is not null).Select(o => o.Rating!).ToList();
        var orgCounts = new LevelCounts(
            decided.Count(r => r.Level == "HTXSNV"), decided.Count(r => r.Level == "HTTNV"), decided.Count(r => r.Level == "HTNV"),
            decided.Count(r => r.Level == "KHTNV"), decided.Count(r => r.NotRated is not null));
        var roundOrg = round is null ? null : await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == round.OrganizationId, ct);
        return new RatingBoard(org.Code, place.Name, place.Kind.ToString(), year, round is null ? null : View(round, roundOrg!),
            own is null ? null : RatingView.Of(own), members, organizations, memberCounts, cap, orgCounts);
    }

    /// <summary>The most HTXSNV the cap allows beside the HTTNV decided so far (or within the HTTNV+ pool).</summary>
    private static int MaxExcellent(ExcellentCap cap, int goodOrAbove, int good)
    {
        var share = (long)decimal.Round(cap.Share * 10_000);
        return (int)(share * (cap.Base == CapBase.RatedGood ? good : goodOrAbove) / 10_000);
    }

    /// <summary>Decided members of a subtree for a year, from the chi bộ tallies.</summary>
    internal static async Task<LevelCounts> MemberTallyAsync(ChiBoDb db, Subtree subtree, int year, CancellationToken ct)
    {
        var rows = await db.OrgRatings.AsNoTracking()
            .Where(r => r.ProvinceId == subtree.ProvinceId && r.Year == year
                        && string.Compare(r.SubjectPath, subtree.Path) >= 0 && string.Compare(r.SubjectPath, subtree.UpperBound) < 0
                        && (r.SubjectKind == OrgKind.Cell || r.SubjectKind == OrgKind.BaseCell))
            .Select(r => new LevelCounts(r.MembersExcellent, r.MembersGood, r.MembersFulfilled, r.MembersNotFulfilled, r.MembersNotRated))
            .ToListAsync(ct);
        return new LevelCounts(rows.Sum(r => r.Excellent), rows.Sum(r => r.Good), rows.Sum(r => r.Fulfilled), rows.Sum(r => r.NotFulfilled), rows.Sum(r => r.NotRated));
    }

    internal static LevelCounts Tally(OrgRating r) => new(r.MembersExcellent, r.MembersGood, r.MembersFulfilled, r.MembersNotFulfilled, r.MembersNotRated);

    /// <summary>A member's rating of a year with its steps; null when the member is outside the caller's subtrees (by the cell then, or now).</summary>
    public static async Task<MemberRatingDetails?> MemberAsync(ChiBoDb db, OrgScope caller, int memberId, int year, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => new { m.FullName, m.ProvinceId, o.Code, o.Path }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var r = await db.MemberRatings.AsNoTracking().FirstOrDefaultAsync(x => x.MemberId == memberId && x.Year == year, ct);
        if (!caller.Can(Operation.RatingsRead, member.ProvinceId, r?.CellPath ?? member.Path) && !caller.Can(Operation.RatingsRead, member.ProvinceId, member.Path))
        {
            return null;
        }

        if (r is null)
        {
            return new MemberRatingDetails(memberId, member.FullName, member.Code, year, null, []);
        }

        var cell = await db.Organizations.AsNoTracking().Where(o => o.Id == r.CellId).Select(o => o.Code).SingleAsync(ct);
        return new MemberRatingDetails(memberId, member.FullName, cell, year, RatingView.Of(r), await EventsAsync(db, RatingSubject.Member, r.Id, ct));
    }

    public static async Task<OrgRatingDetails?> OrganizationAsync(ChiBoDb db, OrgScope caller, Organization org, int year, CancellationToken ct)
    {
        if (!caller.Can(Operation.RatingsRead, Subtree.Of(org)))
        {
            return null;
        }

        var r = await db.OrgRatings.AsNoTracking().FirstOrDefaultAsync(x => x.OrganizationId == org.Id && x.Year == year, ct);
        return r is null
            ? new OrgRatingDetails(org.Code, org.Name, org.Kind.ToString(), year, LevelCounts.Zero, null, [])
            : new OrgRatingDetails(org.Code, org.Name, r.SubjectKind.ToString(), year, Tally(r), RatingView.Of(r), await EventsAsync(db, RatingSubject.Organization, r.Id, ct));
    }

    private static async Task<IReadOnlyList<RatingEventView>> EventsAsync(ChiBoDb db, RatingSubject subject, long id, CancellationToken ct) =>
        (await db.RatingEvents.AsNoTracking().Where(e => e.Subject == subject && e.RatingId == id).OrderBy(e => e.Id).ToListAsync(ct))
        .Select(e => new RatingEventView(e.Kind.ToString(), e.Date, Outcome(e.FromLevel, e.FromNotRated), Outcome(e.ToLevel, e.ToNotRated),
            e.Score, e.DecisionNumber, e.ActingBody, e.Reason, e.RecordedBy)).ToList();

    private static string? Outcome(RatingLevel? level, NotRatedReason? reason) =>
        level is { } l ? RatingNames.Code(l) : reason is { } r ? "notRated:" + RatingNames.Key(r) : null;

    /// <summary>
    /// The member's own ratings: published results (Quy định 366-QĐ/TW: the result is made known to
    /// the person) and the years they reviewed themselves; a result not yet published shows as pending.
    /// </summary>
    public static async Task<IReadOnlyList<MyRating>> MineAsync(ChiBoDb db, int memberId, CancellationToken ct) =>
        (await db.MemberRatings.AsNoTracking().Where(r => r.MemberId == memberId).OrderByDescending(r => r.Year).ToListAsync(ct))
        .Select(r => r.State == RatingState.Published
            ? new MyRating(r.Year, r.State.ToString(), r.Level is { } l ? RatingNames.Code(l) : null,
                r.Level is { } l2 ? RatingNames.Of(l2) : r.NotRatedReason is { } nr ? "Không xếp loại: " + RatingNames.Of(nr) : "",
                r.DecidedBy, r.DecisionNumber, r.DecidedOn, r.PublishedOn, r.SelfAssessedOn)
            : new MyRating(r.Year, r.State < RatingState.Decided ? r.State.ToString() : nameof(RatingState.Decided), null, "Chưa công bố kết quả",
                null, null, null, null, r.SelfAssessedOn))
        .ToList();

    /// <summary>KHTNV members and organizations of a subtree's year (by their path then), with how many of the last five years a member was KHTNV.</summary>
    public static async Task<FollowUpList> FollowUpAsync(ChiBoDb db, OrgLookup lookup, int year, CancellationToken ct)
    {
        var subtree = lookup.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var members = await db.MemberRatings.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.CellPath, lo) >= 0 && string.Compare(r.CellPath, hi) < 0
                        && r.Year == year && r.State >= RatingState.Decided && r.Level == RatingLevel.NotFulfilled)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.MemberId, m.FullName, r.CellId, r.DecisionNumber, r.DecidedBy })
            .OrderBy(x => x.FullName).Take(5000).ToListAsync(ct);
        var ids = members.Select(m => m.MemberId).ToList();
        var history = await db.MemberRatings.AsNoTracking()
            .Where(r => ids.Contains(r.MemberId) && r.Year > year - 5 && r.Year <= year && r.Level == RatingLevel.NotFulfilled && r.State >= RatingState.Decided)
            .GroupBy(r => r.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var cells = await OrgsAsync(db, members.Select(m => m.CellId), ct);
        var orgs = await db.OrgRatings.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.SubjectPath, lo) >= 0 && string.Compare(r.SubjectPath, hi) < 0
                        && r.Year == year && r.State >= RatingState.Decided && r.Level == RatingLevel.NotFulfilled)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { o.Code, o.Name, r.SubjectKind, r.DecisionNumber, r.DecidedBy, r.SubjectPath })
            .OrderBy(x => x.SubjectPath).ToListAsync(ct);
        return new FollowUpList(AsOfLabel(lookup), year,
            members.Select(m => new FollowUpMember(m.MemberId, m.FullName, cells[m.CellId].Code, cells[m.CellId].Name, year, m.DecisionNumber, m.DecidedBy,
                history.GetValueOrDefault(m.MemberId))).ToList(),
            orgs.Select(o => new FollowUpOrganization(o.Code, o.Name, o.SubjectKind.ToString(), year, o.DecisionNumber, o.DecidedBy)).ToList());
    }

    /// <summary>HTXSNV members of a subtree's year, with their HTXSNV years among the last five and the year's rewards.</summary>
    public static async Task<OutstandingList> OutstandingAsync(ChiBoDb db, OrgLookup lookup, int year, CancellationToken ct)
    {
        var subtree = lookup.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var members = await db.MemberRatings.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.CellPath, lo) >= 0 && string.Compare(r.CellPath, hi) < 0
                        && r.Year == year && r.State >= RatingState.Decided && r.Level == RatingLevel.Excellent)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.MemberId, m.FullName, r.CellId, r.DecisionNumber })
            .OrderBy(x => x.FullName).Take(5000).ToListAsync(ct);
        var ids = members.Select(m => m.MemberId).ToList();
        var years = await db.MemberRatings.AsNoTracking()
            .Where(r => ids.Contains(r.MemberId) && r.Year > year - 5 && r.Year <= year && r.Level == RatingLevel.Excellent && r.State >= RatingState.Decided)
            .GroupBy(r => r.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rewards = (await db.Rewards.AsNoTracking().Where(r => r.MemberId != null && ids.Contains(r.MemberId.Value) && r.Year == year).ToListAsync(ct))
            .ToLookup(r => r.MemberId!.Value);
        var cells = await OrgsAsync(db, members.Select(m => m.CellId), ct);
        return new OutstandingList(AsOfLabel(lookup), year, members.Select(m => new OutstandingMember(
            m.MemberId, m.FullName, cells[m.CellId].Code, cells[m.CellId].Name, m.DecisionNumber, years.GetValueOrDefault(m.MemberId),
            rewards[m.MemberId].Select(r => $"{RatingNames.Of(r.Form)} ({r.DecidedBy}, số {r.DecisionNumber}): {r.Title}").ToList())).ToList());
    }

    /// <summary>
    /// What the register itself shows for the "bốn tốt" criteria of an organization's year: the level
    /// decided (hoàn thành tốt nhiệm vụ chính trị), the cell-life compliance of its chi bộ (every month
    /// met, a thematic meeting every quarter, attendance and the share of meetings rated tốt), and
    /// no discipline decision in its subtree in the year.
    /// </summary>
    public static async Task<FourGoodPrefill> FourGoodPrefillAsync(ChiBoDb db, Place org, int year, DateOnly today, CancellationToken ct)
    {
        var rules = RatingPolicy.For(year).FourGood;
        var rating = await db.OrgRatings.AsNoTracking().Where(r => r.OrganizationId == org.Org.Id && r.Year == year && r.State >= RatingState.Decided)
            .Select(r => new { r.Level, r.DecisionNumber, r.DecidedBy }).FirstOrDefaultAsync(ct);
        var political = rating?.Level is { } l && l <= rules.MinLevel;
        var politicalEvidence = rating is null ? null
            : $"Xếp loại năm {year.ToString(CultureInfo.InvariantCulture)}: {(rating.Level is { } x ? RatingNames.Of(x) : "không xếp loại")} (quyết định số {rating.DecisionNumber}, {rating.DecidedBy})";

        var compliance = await ComplianceReport.RunAsync(db, new OrgLookup(true, org.Org), year, today, ct: ct);
        var meetings = compliance.Cells > 0
                       && compliance.CellsMeetingEveryMonth == compliance.Cells
                       && compliance.CellsWithThematicEveryQuarter == compliance.Cells
                       && compliance.Meetings > 0
                       && compliance.AttendanceRate >= rules.MinAttendance
                       && compliance.MeetingsRatedGoodShare >= rules.MinMeetingsRatedGood;
        var meetingEvidence = string.Create(Vi,
            $"{compliance.CellsMeetingEveryMonth}/{compliance.Cells} chi bộ sinh hoạt đủ các tháng, {compliance.CellsWithThematicEveryQuarter}/{compliance.Cells} chi bộ sinh hoạt chuyên đề đủ các quý; {compliance.Meetings} buổi; tỉ lệ dự {compliance.AttendanceRate * 100:0.##} %; buổi xếp loại tốt {compliance.MeetingsRatedGoodShare * 100:0.##} % (năm {year.ToString(CultureInfo.InvariantCulture)}, số liệu sinh hoạt chi bộ)");

        var (from, to, lo, hi) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), org.Path, org.Subtree.UpperBound);
        var disciplined = await db.DisciplineDecisions.AsNoTracking()
            .CountAsync(d => d.ProvinceId == org.Org.ProvinceId && !d.Annulled && d.DecidedOn >= from && d.DecidedOn <= to
                             && string.Compare(d.SubjectPath, lo) >= 0 && string.Compare(d.SubjectPath, hi) < 0, ct);
        var unityEvidence = disciplined == 0
            ? $"Không có tổ chức, đảng viên bị kỷ luật trong năm {year.ToString(CultureInfo.InvariantCulture)}"
            : $"Có {disciplined.ToString(CultureInfo.InvariantCulture)} quyết định kỷ luật trong năm {year.ToString(CultureInfo.InvariantCulture)}";
        return new FourGoodPrefill(political, politicalEvidence, meetings, meetingEvidence, disciplined == 0, unityEvidence);
    }

    public static async Task<FourGoodList> FourGoodAsync(ChiBoDb db, OrgLookup lookup, int year, CancellationToken ct)
    {
        var titles = await FourGoodTitlesAsync(db, lookup.Subtree, year, ct);
        return new FourGoodList(AsOfLabel(lookup), year,
            titles.Count(x => x.Row.Recognized && x.Kind != OrgKind.BaseCommittee),
            titles.Count(x => x.Row.Recognized && x.Kind == OrgKind.BaseCommittee),
            titles.Select(x => x.Row).ToList());
    }

    private static async Task<List<(string Path, OrgKind Kind, FourGoodRow Row)>> FourGoodTitlesAsync(ChiBoDb db, Subtree subtree, int year, CancellationToken ct)
    {
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var titles = await db.FourGoodTitles.AsNoTracking()
            .Where(t => (subtree.ProvinceId == null || t.ProvinceId == subtree.ProvinceId) && string.Compare(t.SubjectPath, lo) >= 0 && string.Compare(t.SubjectPath, hi) < 0 && t.Year == year)
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { t, o.Code, o.Name })
            .OrderBy(x => x.t.SubjectPath).ToListAsync(ct);
        return titles.Select(x => (x.t.SubjectPath, x.t.SubjectKind, new FourGoodRow(x.Code, x.Name, x.t.SubjectKind.ToString(), x.t.PoliticalTask, x.t.PoliticalTaskEvidence,
            x.t.MeetingQuality, x.t.MeetingQualityEvidence, x.t.UnityDiscipline, x.t.UnityDisciplineEvidence, x.t.CadresMembers, x.t.CadresMembersEvidence,
            x.t.Recognized, x.t.RecognizedBy, x.t.DecisionNumber, x.t.RecognizedOn, x.t.Version))).ToList();
    }

    /// <summary>
    /// The chi bộ and đảng bộ cơ sở of a subtree on the year's last day (today, for the current year)
    /// with their title of the year — and those no longer there that were assessed — in path order.
    /// </summary>
    public static async Task<FourGoodBoard> FourGoodBoardAsync(ChiBoDb db, OrgLookup lookup, int year, DateOnly today, CancellationToken ct)
    {
        var subtree = lookup.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var yearEnd = new DateOnly(year, 12, 31);
        var on = yearEnd < today ? yearEnd : today;
        var kinds = new[] { OrgKind.Cell, OrgKind.BaseCell, OrgKind.BaseCommittee };
        var present = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => (subtree.ProvinceId == null || p.ProvinceId == subtree.ProvinceId) && string.Compare(p.Path, lo) >= 0 && string.Compare(p.Path, hi) < 0
                        && p.ValidFrom <= on && p.ValidTo > on && kinds.Contains(p.Kind))
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { o.Code, p.Name, p.Kind, p.Path })
            .ToListAsync(ct);
        var titles = (await FourGoodTitlesAsync(db, subtree, year, ct)).ToDictionary(t => t.Row.Code, StringComparer.Ordinal);
        var levels = await db.OrgRatings.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.SubjectPath, lo) >= 0 && string.Compare(r.SubjectPath, hi) < 0
                        && r.Year == year && r.State >= RatingState.Decided && kinds.Contains(r.SubjectKind))
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { o.Code, r.Level, r.NotRatedReason })
            .ToListAsync(ct);
        var levelOf = levels.ToDictionary(l => l.Code, l => (Level: RatingView.Code(l.Level), NotRated: RatingView.Key(l.NotRatedReason)), StringComparer.Ordinal);
        var subjects = present.Select(p => new FourGoodSubject(p.Code, p.Name, p.Kind.ToString(), p.Path, levelOf.GetValueOrDefault(p.Code).Level, levelOf.GetValueOrDefault(p.Code).NotRated,
            titles.TryGetValue(p.Code, out var t) ? t.Row : null)).ToList();
        var here = subjects.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        subjects.AddRange(titles.Values.Where(t => !here.Contains(t.Row.Code))
            .Select(t => new FourGoodSubject(t.Row.Code, t.Row.Name, t.Row.Kind, t.Path, levelOf.GetValueOrDefault(t.Row.Code).Level, levelOf.GetValueOrDefault(t.Row.Code).NotRated, t.Row)));
        subjects = subjects.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        static bool IsBase(FourGoodSubject s) => s.Kind == nameof(OrgKind.BaseCommittee);
        return new FourGoodBoard(AsOfLabel(lookup), year,
            subjects.Count(s => !IsBase(s)), subjects.Count(IsBase), subjects.Count(s => s.Title is not null),
            subjects.Count(s => s.Title is { PoliticalTask: true, MeetingQuality: true, UnityDiscipline: true, CadresMembers: true }),
            subjects.Count(s => !IsBase(s) && s.Title is { Recognized: true }), subjects.Count(s => IsBase(s) && s.Title is { Recognized: true }),
            subjects);
    }

    public static async Task<IReadOnlyList<RewardRow>> RewardsAsync(ChiBoDb db, OrgLookup lookup, int year, CancellationToken ct)
    {
        var subtree = lookup.Subtree;
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var rows = await db.Rewards.AsNoTracking()
            .Where(r => (subtree.ProvinceId == null || r.ProvinceId == subtree.ProvinceId) && string.Compare(r.SubjectPath, lo) >= 0 && string.Compare(r.SubjectPath, hi) < 0 && r.Year == year)
            .OrderBy(r => r.DecidedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var memberIds = rows.Where(r => r.MemberId is not null).Select(r => r.MemberId!.Value).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var orgs = await OrgsAsync(db, rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value), ct);
        return rows.Select(r => new RewardRow(r.Id, r.Subject.ToString(), r.MemberId, r.OrganizationId is { } o ? orgs[o].Code : null,
            r.MemberId is { } m ? names[m] : orgs[r.OrganizationId!.Value].Name, r.Year, RatingNames.Of(r.Form), r.Title, r.DecidedBy, r.DecisionNumber, r.DecidedOn)).ToList();
    }

    private static async Task<Dictionary<int, Organization>> OrgsAsync(ChiBoDb db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    private static string AsOfLabel(OrgLookup lookup) => lookup.Organization?.Code ?? "root";
}
