using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Discipline;
using TextIsGiven = ChiBo.Discipline.TextIsGiven;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Ratings;

/// <summary>Mở đợt đánh giá, xếp loại of a year for a subtree (the province, or a đảng bộ trực thuộc).</summary>
public sealed record RoundOpening(int OrganizationId, int Year, DateOnly ReviewDate, DateOnly Deadline, string? Note = null);

/// <summary>A member's own review (bản tự kiểm điểm) with the level and score they give themselves; <see cref="Version"/> of the rating read (0: none yet).</summary>
public sealed record SelfAssessmentInput(int Year, int Version, string Text, RatingLevel? Level = null, decimal? Score = null);

/// <summary>Đề xuất: the chi bộ for a member, or an organization for itself (with its own review text).</summary>
public sealed record ProposalInput(
    int Year, int Version, RatingLevel? Level, NotRatedReason? NotRated = null, decimal? Score = null, string? Note = null, string? SelfAssessment = null);

/// <summary>
/// Quyết định xếp loại: a level or a "không xếp loại" reason, the score, the decision's number and
/// date; the shares of tasks on time, exceeded and late when known (the 366-QĐ/TW bands use them).
/// </summary>
public sealed record RatingDecision(
    int Year, int Version, RatingLevel? Level, NotRatedReason? NotRated, string DecisionNumber, DateOnly DecidedOn,
    decimal? Score = null, string? Note = null, decimal? OnTime = null, decimal? Exceeded = null, decimal? Late = null);

/// <summary>One member of a batch decision (a cell's members in one decision document).</summary>
public sealed record MemberDecisionLine(int MemberId, int Version, RatingLevel? Level, NotRatedReason? NotRated = null, decimal? Score = null, string? Note = null);

/// <summary>Quyết định điều chỉnh kết quả xếp loại: a new outcome, with the decision and the reason (mandatory).</summary>
public sealed record RatingCorrection(
    int Year, int Version, RatingLevel? Level, NotRatedReason? NotRated, string DecisionNumber, DateOnly DecidedOn, string Reason,
    decimal? Score = null, string? Note = null);

/// <summary>
/// The steps of a rating round, one transaction each, audited by the interceptor: a round is opened
/// and closed by the body it is for; a member self-assesses; the chi bộ proposes for its members and
/// itself, a TCCSĐ for itself; the deciding level (<see cref="RatingLevels"/>) decides, returns a
/// proposal with a reason, publishes, and corrects a decision with a reason. The caller's
/// <see cref="OrgScope"/> is checked here: outside its subtrees a subject is not found
/// (<see cref="RatingNotFoundException"/>); a step of another level is refused
/// (<see cref="RatingForbiddenException"/>); a broken rule is a <see cref="RuleViolationException"/>.
/// Decided ratings are locked; the tallies of a chi bộ's members are kept in the same transaction.
/// </summary>
public sealed partial class RatingCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, IReadOnlyList<RatingPolicy>? versions = null)
{
    private const string What = "Kết quả xếp loại";

    public DateOnly Today => clock.Today();

    private RatingPolicy PolicyOf(RatingRound? round, int year) =>
        round is not null && (versions ?? RatingPolicy.Versions).FirstOrDefault(v => v.Version == round.PolicyVersion) is { } named
            ? named
            : RatingPolicy.For(year, versions);

    // ---------------------------------------------------------------- rounds

    /// <summary>Mở đợt: by the body of the subtree's top (the province board, or a đảng bộ trực thuộc for its own).</summary>
    public Task<RatingRound> OpenRoundAsync(RoundOpening o, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Đợt đánh giá, xếp loại", async () =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == o.OrganizationId, ct);
            if (org is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(org)))
            {
                throw new RatingNotFoundException($"Không có tổ chức đảng số {o.OrganizationId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
            }

            Rules.Check(new RoundDatesFit(o.Year, o.ReviewDate, o.Deadline), new DateNotBeforeTheYear("ReviewDate", "Ngày chốt danh sách", o.ReviewDate, o.Year));
            var root = await RatingLevels.OnAsync(db, o.OrganizationId, o.ReviewDate, ct)
                ?? throw new RuleViolationException("Organization", $"{org.Name} chưa thành lập hoặc đã giải thể vào ngày chốt danh sách ({Rules.Date(o.ReviewDate)}).");
            if (root.Kind is not (OrgKind.Province or OrgKind.SuperiorToBase) || !RatingLevels.ActsAs(caller, root.Org))
            {
                throw new RatingForbiddenException("Organization",
                    $"Đợt đánh giá, xếp loại do Tỉnh ủy hoặc đảng ủy trực thuộc Tỉnh ủy mở cho phạm vi của mình; tài khoản của bạn không giữ vai trò của {root.Name} để mở đợt.");
            }

            var others = await db.RatingRounds.AsNoTracking().Where(r => r.ProvinceId == root.Org.ProvinceId && r.Year == o.Year).ToListAsync(ct);
            var overlapping = others.FirstOrDefault(r => root.Path.StartsWith(r.SubtreePath, StringComparison.Ordinal) || r.SubtreePath.StartsWith(root.Path, StringComparison.Ordinal));
            var overlappingName = overlapping is null ? null : await db.Organizations.Where(x => x.Id == overlapping.OrganizationId).Select(x => x.Name).SingleAsync(ct);
            Rules.Check(new RoundsDoNotOverlap(overlappingName, o.Year));
            var now = clock.GetUtcNow();
            var round = new RatingRound
            {
                ProvinceId = root.Org.ProvinceId, OrganizationId = root.Org.Id, SubtreePath = root.Path, Year = o.Year, OpenedOn = Today,
                ReviewDate = o.ReviewDate, Deadline = o.Deadline, PolicyVersion = RatingPolicy.For(o.Year, versions).Version, Status = RoundStatus.Open,
                Note = Clean(o.Note), OpenedBy = actor, UpdatedAt = now, Version = 1,
            };
            db.RatingRounds.Add(round);
            await db.SaveChangesAsync(ct);
            return round;
        }, ct);

    /// <summary>Kết thúc đợt of the year opened for this organization: afterwards only corrections change a result.</summary>
    public Task<RatingRound> CloseRoundAsync(int orgId, int year, int version, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Đợt đánh giá, xếp loại", async () =>
        {
            var root = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
            if (root is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(root)))
            {
                throw new RatingNotFoundException($"Không có tổ chức đảng số {orgId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
            }

            var round = await db.RatingRounds.SingleOrDefaultAsync(r => r.OrganizationId == orgId && r.Year == year, ct)
                ?? throw new RuleViolationException("Year", $"{root.Name} không mở đợt đánh giá, xếp loại năm {year.ToString(CultureInfo.InvariantCulture)}.");
            Concurrency.CheckVersion("Đợt đánh giá, xếp loại", version, round.Version);
            if (!RatingLevels.ActsAs(caller, root))
            {
                throw new RatingForbiddenException("Round", $"Đợt đánh giá, xếp loại do {root.Name} mở thì {root.Name} kết thúc.");
            }

            Rules.Check(new RoundIsOpen(round));
            round.Status = RoundStatus.Closed;
            round.ClosedOn = Today;
            round.UpdatedAt = clock.GetUtcNow();
            round.Version++;
            await db.SaveChangesAsync(ct);
            return round;
        }, ct);

    // ---------------------------------------------------------------- members

    /// <summary>The signed-in member writes their own review (tự kiểm điểm, tự đánh giá) for the year.</summary>
    public Task<MemberRating> SelfAssessAsync(SelfAssessmentInput input, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            if (caller.MemberId is not { } memberId)
            {
                throw new RatingForbiddenException("MemberId", "Tài khoản của bạn chưa gắn với hồ sơ đảng viên nên không tự đánh giá được.");
            }

            var s = await MemberSubjectAsync(memberId, input.Year, null, ct);
            var r = await MemberRowAsync(s, input.Version, ct);
            var text = Clean(input.Text);
            Rules.Check(
                new RoundIsOpen(s.Round),
                new RatingIsNotDecidedYet(r.State, s.Name),
                new TextIsGiven("Text", "Nội dung tự kiểm điểm", text),
                new ScoreIsOnTheScale(input.Score, s.Policy),
                new LevelIsValid(input.Level));
            r.SelfAssessment = text;
            r.SelfLevel = input.Level;
            r.SelfScore = input.Score;
            r.SelfAssessedOn = Today;
            r.ReturnedReason = null;
            if (r.State < RatingState.SelfAssessed)
            {
                r.State = RatingState.SelfAssessed;
            }

            Touch(r);
            AddEvent(RatingSubject.Member, r, RatingEventKind.SelfAssessed, Today, null, null, input.Level, null, input.Score, null, s.Name, null);
            await SaveAsync(ct);
            return r;
        }, ct);

    /// <summary>Đề xuất of the chi bộ for one of its members.</summary>
    public Task<MemberRating> ProposeMemberAsync(int memberId, ProposalInput p, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await MemberSubjectAsync(memberId, p.Year, Operation.RatingsWrite, ct);
            var r = await MemberRowAsync(s, p.Version, ct);
            RequireActsAs(s.Cell, "Level", $"Đề xuất mức xếp loại đảng viên {s.Name}");
            Rules.Check(
                new RoundIsOpen(s.Round),
                new RatingIsNotDecidedYet(r.State, s.Name),
                new OutcomeIsOneOfLevelOrReason(p.Level, p.NotRated, p.Note, s.Policy, RatingSubject.Member),
                new ScoreIsOnTheScale(p.Score, s.Policy),
                new PolicyReasonApplies(s.PolicyReason, p.Level, s.Name));
            Propose(r, p, s.Cell.Org.Id);
            AddEvent(RatingSubject.Member, r, RatingEventKind.Proposed, Today, null, null, p.Level, p.NotRated, p.Score, null, s.Cell.Name, Clean(p.Note));
            await SaveAsync(ct);
            return r;
        }, ct);

    /// <summary>Quyết định xếp loại one member (by their TCCSĐ).</summary>
    public Task<MemberRating> DecideMemberAsync(int memberId, RatingDecision d, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await MemberSubjectAsync(memberId, d.Year, Operation.RatingsWrite, ct);
            var r = await MemberRowAsync(s, d.Version, ct);
            var decider = RequireDecider(s.Decider, s.Name);
            RequireActsAs(decider, "Level", $"Quyết định xếp loại đảng viên {s.Name}");
            CheckDecisionText(d.DecisionNumber, d.DecidedOn, d.Year);
            await DecideMemberCoreAsync(s, r, decider, new MemberDecisionLine(memberId, d.Version, d.Level, d.NotRated, d.Score, d.Note),
                d.DecisionNumber, d.DecidedOn, new RatingFacts(d.Score, d.OnTime, d.Exceeded, d.Late), ct);
            await CheckCapAsync(s, ct);
            return r;
        }, ct);

    /// <summary>
    /// Quyết định xếp loại the members of one chi bộ in one decision document: every line is checked,
    /// and the cap is checked once all are in (a batch may put its HTTNV before its HTXSNV).
    /// </summary>
    public Task<IReadOnlyList<MemberRating>> DecideMembersAsync(int cellId, int year, string decisionNumber, DateOnly decidedOn,
        IReadOnlyList<MemberDecisionLine> lines, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var cell = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, ct);
            if (cell is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(cell)))
            {
                throw new RatingNotFoundException($"Không có chi bộ số {cellId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
            }

            CheckDecisionText(decisionNumber, decidedOn, year);
            if (lines.Count == 0)
            {
                throw new RuleViolationException("Lines", "Chưa có đảng viên nào trong quyết định.");
            }

            var result = new List<MemberRating>();
            MemberSubject? last = null;
            foreach (var line in lines)
            {
                var s = await MemberSubjectAsync(line.MemberId, year, Operation.RatingsWrite, ct);
                try
                {
                    if (s.Cell.Org.Id != cellId)
                    {
                        throw new RuleViolationException("MemberId", $"Đồng chí {s.Name} không sinh hoạt ở chi bộ này vào ngày chốt danh sách.");
                    }

                    var r = await MemberRowAsync(s, line.Version, ct);
                    var decider = RequireDecider(s.Decider, s.Name);
                    RequireActsAs(decider, "Level", $"Quyết định xếp loại đảng viên {s.Name}");
                    await DecideMemberCoreAsync(s, r, decider, line, decisionNumber, decidedOn, new RatingFacts(line.Score), ct);
                    result.Add(r);
                }
                catch (RuleViolationException e) when (e is not EditConflictException)
                {
                    // The whole decision is refused; the line that broke the rule is named, so that a form shows it there.
                    throw new BatchLineViolation(line.MemberId, s.Name, e);
                }

                last = s;
            }

            if (last is not null)
            {
                await CheckCapAsync(last, ct);
            }

            return (IReadOnlyList<MemberRating>)result;
        }, ct);

    private async Task DecideMemberCoreAsync(
        MemberSubject s, MemberRating r, Place decider, MemberDecisionLine line, string number, DateOnly decidedOn, RatingFacts facts, CancellationToken ct)
    {
        var disciplined = await MemberDisciplinedAsync(s.Member.Id, s.Round.Year, ct);
        facts = facts with { Disciplined = disciplined };
        var highest = s.Policy.HighestFor(facts, RatingSubject.Member);
        Rules.Check(
            new RoundIsOpen(s.Round),
            new RatingIsNotDecidedYet(r.State, s.Name),
            new DecisionFollowsAProposal(r.State, decider.Org.Id == s.Cell.Org.Id, s.Name),
            new OutcomeIsOneOfLevelOrReason(line.Level, line.NotRated, line.Note, s.Policy, RatingSubject.Member),
            new ScoreIsOnTheScale(line.Score, s.Policy),
            new PolicyReasonApplies(s.PolicyReason, line.Level, s.Name),
            new LevelWithinWhatThePolicyAllows(line.Level, highest, facts, "Đồng chí " + s.Name));
        Decide(r, line.Level, line.NotRated, line.Note, line.Score, decider, number, decidedOn);
        AddEvent(RatingSubject.Member, r, RatingEventKind.Decided, decidedOn, null, null, line.Level, line.NotRated, line.Score, r.DecisionNumber, decider.Name, Clean(line.Note));
        await SaveAsync(ct);
        await TallyAsync(s.CellRowId, null, Bucket(r), ct);
    }

    /// <summary>Trả lại: the deciding level sends a proposal back to the chi bộ, with the reason.</summary>
    public Task<MemberRating> ReturnMemberAsync(int memberId, int year, int version, string reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await MemberSubjectAsync(memberId, year, Operation.RatingsWrite, ct);
            var r = await MemberRowAsync(s, version, ct);
            var decider = RequireDecider(s.Decider, s.Name);
            RequireActsAs(decider, "Reason", $"Trả lại đề xuất xếp loại đảng viên {s.Name}");
            Return(r, reason, s.Name, s.Round);
            AddEvent(RatingSubject.Member, r, RatingEventKind.Returned, Today, null, null, null, null, null, null, decider.Name, r.ReturnedReason);
            await SaveAsync(ct);
            return r;
        }, ct);

    /// <summary>Quyết định điều chỉnh a member's decided rating (by the level that decided it, or one above), with its reason.</summary>
    public Task<MemberRating> CorrectMemberAsync(int memberId, RatingCorrection c, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await MemberSubjectAsync(memberId, c.Year, Operation.RatingsWrite, ct);
            var r = await MemberRowAsync(s, c.Version, ct);
            Rules.Check(new RatingIsDecided(r.State, s.Name));
            var level = await CorrectingLevelAsync(r, s.Name, ct);
            var disciplined = await MemberDisciplinedAsync(s.Member.Id, c.Year, ct);
            var facts = new RatingFacts(c.Score, Disciplined: disciplined);
            CheckCorrection(c, r, s.Policy, RatingSubject.Member);
            Rules.Check(
                new PolicyReasonApplies(s.PolicyReason, c.Level, s.Name),
                new LevelWithinWhatThePolicyAllows(c.Level, s.Policy.HighestFor(facts, RatingSubject.Member), facts, "Đồng chí " + s.Name));
            var before = Bucket(r);
            var (fromLevel, fromReason) = (r.Level, r.NotRatedReason);
            Apply(r, c);
            AddEvent(RatingSubject.Member, r, RatingEventKind.Corrected, c.DecidedOn, fromLevel, fromReason, c.Level, c.NotRated, c.Score, r.DecisionNumber, level.Name, c.Reason.Trim());
            await SaveAsync(ct);
            await TallyAsync(s.CellRowId, before, Bucket(r), ct);
            await CheckCapAsync(s, ct);
            return r;
        }, ct);

    // ---------------------------------------------------------------- organizations

    /// <summary>An organization's own review and proposed level (a chi bộ "proposes for itself"; a TCCSĐ likewise to the level above).</summary>
    public Task<OrgRating> ProposeOrganizationAsync(int orgId, ProposalInput p, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await OrgSubjectAsync(orgId, p.Year, Operation.RatingsWrite, ct);
            var r = await OrgRowAsync(s, p.Version, ct);
            RequireActsAs(s.Org, "Level", $"Tự đánh giá, đề xuất mức xếp loại của {s.Name}");
            Rules.Check(
                new RoundIsOpen(s.Round),
                new RatingIsNotDecidedYet(r.State, s.Name),
                new OutcomeIsOneOfLevelOrReason(p.Level, p.NotRated, p.Note, s.Policy, RatingSubject.Organization),
                new ScoreIsOnTheScale(p.Score, s.Policy),
                new PolicyReasonApplies(s.PolicyReason, p.Level, s.Name));
            if (Clean(p.SelfAssessment) is { } text)
            {
                r.SelfAssessment = text;
                r.SelfAssessedOn = Today;
                r.SelfLevel = p.Level;
                r.SelfScore = p.Score;
            }

            Propose(r, p, s.Org.Org.Id);
            AddEvent(RatingSubject.Organization, r, RatingEventKind.Proposed, Today, null, null, p.Level, p.NotRated, p.Score, null, s.Name, Clean(p.Note));
            await SaveAsync(ct);
            return r;
        }, ct);

    /// <summary>Quyết định xếp loại an organization, once everyone under it is decided.</summary>
    public Task<OrgRating> DecideOrganizationAsync(int orgId, RatingDecision d, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await OrgSubjectAsync(orgId, d.Year, Operation.RatingsWrite, ct);
            var r = await OrgRowAsync(s, d.Version, ct);
            var decider = RequireDecider(s.Decider, s.Name);
            RequireActsAs(decider, "Level", $"Quyết định xếp loại {s.Name}");
            CheckDecisionText(d.DecisionNumber, d.DecidedOn, d.Year);
            var (expected, decided, what) = await BelowProgressAsync(s, ct);
            var below = await CountsBelowAsync(s, r, ct);
            var (self, under) = await OrganizationDisciplinedAsync(s.Org, d.Year, ct);
            var facts = new RatingFacts(d.Score, d.OnTime, d.Exceeded, d.Late, self, under);
            Rules.Check(
                new RoundIsOpen(s.Round),
                new RatingIsNotDecidedYet(r.State, s.Name),
                new DecisionFollowsAProposal(r.State, false, s.Name),
                new OutcomeIsOneOfLevelOrReason(d.Level, d.NotRated, d.Note, s.Policy, RatingSubject.Organization),
                new ScoreIsOnTheScale(d.Score, s.Policy),
                new PolicyReasonApplies(s.PolicyReason, d.Level, s.Name),
                new SubjectsBelowAreDecided(expected, decided, what, s.Name),
                new LevelWithinWhatThePolicyAllows(d.Level, s.Policy.HighestFor(facts, RatingSubject.Organization), facts, s.Name),
                new ExcellentOrganizationNeedsItsSubjects(d.Level, s.Policy.CrossLevel, below, s.Name));
            Decide(r, d.Level, d.NotRated, d.Note, d.Score, decider, d.DecisionNumber, d.DecidedOn);
            AddEvent(RatingSubject.Organization, r, RatingEventKind.Decided, d.DecidedOn, null, null, d.Level, d.NotRated, d.Score, r.DecisionNumber, decider.Name, Clean(d.Note));
            await SaveAsync(ct);
            return r;
        }, ct);

    public Task<OrgRating> ReturnOrganizationAsync(int orgId, int year, int version, string reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await OrgSubjectAsync(orgId, year, Operation.RatingsWrite, ct);
            var r = await OrgRowAsync(s, version, ct);
            var decider = RequireDecider(s.Decider, s.Name);
            RequireActsAs(decider, "Reason", $"Trả lại đề xuất xếp loại của {s.Name}");
            Return(r, reason, s.Name, s.Round);
            AddEvent(RatingSubject.Organization, r, RatingEventKind.Returned, Today, null, null, null, null, null, null, decider.Name, r.ReturnedReason);
            await SaveAsync(ct);
            return r;
        }, ct);

    public Task<OrgRating> CorrectOrganizationAsync(int orgId, RatingCorrection c, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var s = await OrgSubjectAsync(orgId, c.Year, Operation.RatingsWrite, ct);
            var r = await OrgRowAsync(s, c.Version, ct);
            Rules.Check(new RatingIsDecided(r.State, s.Name));
            var level = await CorrectingLevelAsync(r, s.Name, ct);
            var (self, under) = await OrganizationDisciplinedAsync(s.Org, c.Year, ct);
            var facts = new RatingFacts(c.Score, Disciplined: self, DisciplinedBelow: under);
            CheckCorrection(c, r, s.Policy, RatingSubject.Organization);
            Rules.Check(
                new PolicyReasonApplies(s.PolicyReason, c.Level, s.Name),
                new LevelWithinWhatThePolicyAllows(c.Level, s.Policy.HighestFor(facts, RatingSubject.Organization), facts, s.Name),
                new ExcellentOrganizationNeedsItsSubjects(c.Level, s.Policy.CrossLevel, await CountsBelowAsync(s, r, ct), s.Name));
            var (fromLevel, fromReason) = (r.Level, r.NotRatedReason);
            Apply(r, c);
            AddEvent(RatingSubject.Organization, r, RatingEventKind.Corrected, c.DecidedOn, fromLevel, fromReason, c.Level, c.NotRated, c.Score, r.DecisionNumber, level.Name, c.Reason.Trim());
            await SaveAsync(ct);
            return r;
        }, ct);

    /// <summary>
    /// Công khai: the deciding level publishes every result it decided for the year (members see
    /// theirs in the handbook). Returns how many were published.
    /// </summary>
    public Task<int> PublishAsync(int deciderOrgId, int year, DateOnly publishedOn, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == deciderOrgId, ct);
            if (org is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(org)))
            {
                throw new RatingNotFoundException($"Không có tổ chức đảng số {deciderOrgId} trong phạm vi của bạn.");
            }

            Rules.Check(
                new DateIsNotInTheFuture("PublishedOn", "Ngày công khai", publishedOn, Today),
                new DateNotBeforeTheYear("PublishedOn", "Ngày công khai", publishedOn, year));
            if (!RatingLevels.ActsAs(caller, org))
            {
                throw new RatingForbiddenException("Organization", $"Kết quả do {org.Name} quyết định thì {org.Name} công khai; tài khoản của bạn không giữ vai trò của tổ chức này.");
            }
            var members = await db.MemberRatings.Where(r => r.DecidedByOrgId == org.Id && r.Year == year && r.State == RatingState.Decided).ToListAsync(ct);
            var orgs = await db.OrgRatings.Where(r => r.DecidedByOrgId == org.Id && r.Year == year && r.State == RatingState.Decided).ToListAsync(ct);
            foreach (var r in members.Cast<RatingBase>().Concat(orgs))
            {
                if (r.DecidedOn > publishedOn)
                {
                    throw new RuleViolationException("PublishedOn", $"Ngày công khai không được trước ngày quyết định ({Rules.Date(r.DecidedOn!.Value)}).");
                }

                r.State = RatingState.Published;
                r.PublishedOn = publishedOn;
                Touch(r);
                AddEvent(r is MemberRating ? RatingSubject.Member : RatingSubject.Organization, r, RatingEventKind.Published, publishedOn,
                    null, null, r.Level, r.NotRatedReason, null, r.DecisionNumber, org.Name, null);
            }

            await SaveAsync(ct);
            return members.Count + orgs.Count;
        }, ct);

    // ---------------------------------------------------------------- subjects

    /// <summary>A member in a round: their cell on the review date and who proposes and decides for them.</summary>
    private sealed record MemberSubject(
        Member Member, string Name, RatingRound Round, RatingPolicy Policy, Place Cell, IReadOnlyList<Place> Ancestors, Place? Decider,
        NotRatedReason? PolicyReason, long CellRowId, string CellRowPath);

    /// <param name="operation">The operation the caller needs on the member's cell; null: the caller is the member (self-assessment).</param>
    private async Task<MemberSubject> MemberSubjectAsync(int memberId, int year, string? operation, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        var notFound = new RatingNotFoundException($"Không có đảng viên số {memberId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
        if (member is null)
        {
            throw notFound;
        }

        bool Allowed(int provinceId, string path) => operation is null ? caller.MemberId == memberId : caller.Can(operation, provinceId, path);

        // The round is the one whose subtree held the member's cell on its review date; a rating
        // already begun keeps the round and cell it was begun in.
        var existing = await db.MemberRatings.AsNoTracking().Where(r => r.MemberId == memberId && r.Year == year)
            .Select(r => new { r.RoundId, r.CellId }).FirstOrDefaultAsync(ct);
        var rounds = await db.RatingRounds.AsNoTracking().Where(r => r.ProvinceId == member.ProvinceId && r.Year == year).ToListAsync(ct);
        RatingRound? round = null;
        MemberPeriod? period = null;
        Place? cell = null;
        foreach (var candidate in rounds.Where(r => existing?.RoundId is not { } id || r.Id == id))
        {
            var p = await db.MemberPeriods.AsNoTracking()
                .Where(x => x.MemberId == memberId && x.ValidFrom <= candidate.ReviewDate && x.ValidTo > candidate.ReviewDate)
                .OrderByDescending(x => x.ValidFrom).FirstOrDefaultAsync(ct);
            var cellId = existing?.CellId ?? p?.CellId;
            var c = cellId is { } id2 ? await RatingLevels.OnAsync(db, id2, candidate.ReviewDate, ct) : null;
            if (c is not null && c.Path.StartsWith(candidate.SubtreePath, StringComparison.Ordinal))
            {
                (round, period, cell) = (candidate, p, c);
                break;
            }
        }

        if (round is null || cell is null)
        {
            var cellNow = await db.Organizations.AsNoTracking().Where(o => o.Id == member.CellId).Select(o => o.Path).SingleAsync(ct);
            if (!Allowed(member.ProvinceId, cellNow))
            {
                throw notFound;
            }

            throw new RuleViolationException("Year", rounds.Count == 0
                ? $"Chưa mở đợt đánh giá, xếp loại năm {year.ToString(CultureInfo.InvariantCulture)} cho chi bộ của đồng chí {member.FullName}."
                : $"Đồng chí {member.FullName} không sinh hoạt đảng trong phạm vi đợt đánh giá, xếp loại năm {year.ToString(CultureInfo.InvariantCulture)} vào ngày chốt danh sách.");
        }

        if (!Allowed(cell.Org.ProvinceId, cell.Path) && !Allowed(cell.Org.ProvinceId, cell.Org.Path))
        {
            throw notFound;
        }

        var policy = PolicyOf(round, year);
        var ancestors = await RatingLevels.AncestorsAsync(db, member.ProvinceId, cell.Path, round.ReviewDate, ct);
        var reason = period is null ? null : policy.MemberNotRatedOn(round.ReviewDate, period.Exempted, member.AdmittedOn, period.OfficialOn);
        var (rowId, rowPath) = await CellRowAsync(cell, round, year, ct);
        return new MemberSubject(member, member.FullName, round, policy, cell, ancestors, RatingLevels.DeciderOfMember(cell, ancestors), reason, rowId, rowPath);
    }

    /// <summary>An organization in a round: its kind and path on the review date, who decides it.</summary>
    private sealed record OrgSubject(Place Org, string Name, RatingRound Round, RatingPolicy Policy, IReadOnlyList<Place> Ancestors, Place? Decider, NotRatedReason? PolicyReason);

    private async Task<OrgSubject> OrgSubjectAsync(int orgId, int year, string operation, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !caller.Can(operation, Subtree.Of(org)))
        {
            throw new RatingNotFoundException($"Không có tổ chức đảng số {orgId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
        }

        var existingRound = await db.OrgRatings.AsNoTracking().Where(r => r.OrganizationId == orgId && r.Year == year).Select(r => r.RoundId).FirstOrDefaultAsync(ct);
        var round = existingRound is { } rid
            ? await db.RatingRounds.AsNoTracking().SingleAsync(x => x.Id == rid, ct)
            : await RoundCoveringAsync(org.ProvinceId, year, org.Path, ct);
        if (round is null)
        {
            throw new RuleViolationException("Year", $"Chưa mở đợt đánh giá, xếp loại năm {year.ToString(CultureInfo.InvariantCulture)} cho {org.Name}.");
        }

        var place = await RatingLevels.OnAsync(db, orgId, round.ReviewDate, ct)
            ?? throw new RuleViolationException("Organization", $"{org.Name} chưa thành lập hoặc đã giải thể vào ngày chốt danh sách ({Rules.Date(round.ReviewDate)}).");
        var policy = PolicyOf(round, year);
        if (!policy.RatedKinds.Contains(place.Kind))
        {
            throw new RuleViolationException("Organization", $"{place.Name} không thuộc diện đánh giá, xếp loại trong hệ thống (Đảng bộ tỉnh do Trung ương xếp loại).");
        }

        var ancestors = await RatingLevels.AncestorsAsync(db, org.ProvinceId, place.Path, round.ReviewDate, ct);
        return new OrgSubject(place, place.Name, round, policy, ancestors, RatingLevels.DeciderOfOrganization(place, ancestors),
            policy.OrganizationNotRatedOn(round.ReviewDate, org.FoundedOn));
    }

    /// <summary>The round of the year whose subtree holds the path (rounds of a year do not overlap).</summary>
    private async Task<RatingRound?> RoundCoveringAsync(int provinceId, int year, string path, CancellationToken ct)
    {
        var rounds = await db.RatingRounds.AsNoTracking().Where(r => r.ProvinceId == provinceId && r.Year == year).ToListAsync(ct);
        return rounds.FirstOrDefault(r => path.StartsWith(r.SubtreePath, StringComparison.Ordinal));
    }

    /// <summary>The chi bộ's own row for the year, holding its members' tally: found, or created pending.</summary>
    private async Task<(long Id, string Path)> CellRowAsync(Place cell, RatingRound? round, int year, CancellationToken ct)
    {
        var row = await db.OrgRatings.AsNoTracking().Where(r => r.OrganizationId == cell.Org.Id && r.Year == year)
            .Select(r => new { r.Id, r.SubjectPath }).FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            return (row.Id, row.SubjectPath);
        }

        var created = NewOrgRow(cell, round, year);
        db.OrgRatings.Add(created);
        await db.SaveChangesAsync(ct);
        return (created.Id, created.SubjectPath);
    }

    private OrgRating NewOrgRow(Place org, RatingRound? round, int year) => new()
    {
        ProvinceId = org.Org.ProvinceId, RoundId = round?.Id, OrganizationId = org.Org.Id, Year = year, SubjectKind = org.Kind, SubjectPath = org.Path,
        State = RatingState.Pending, Source = RatingSource.Workflow, RecordedBy = actor, UpdatedAt = clock.GetUtcNow(), Version = 1,
    };

    /// <summary>The member's row for the year, tracked: the version read is checked (0 = no row yet, which is then created).</summary>
    private async Task<MemberRating> MemberRowAsync(MemberSubject s, int version, CancellationToken ct)
    {
        var r = await db.MemberRatings.SingleOrDefaultAsync(x => x.MemberId == s.Member.Id && x.Year == s.Round.Year, ct);
        Concurrency.CheckVersion("Kết quả xếp loại của đồng chí " + s.Name, version, r?.Version ?? 0);
        if (r is not null)
        {
            return r;
        }

        r = new MemberRating
        {
            ProvinceId = s.Member.ProvinceId, RoundId = s.Round.Id, MemberId = s.Member.Id, Year = s.Round.Year, CellId = s.Cell.Org.Id,
            CellPath = s.CellRowPath, State = RatingState.Pending, Source = RatingSource.Workflow, RecordedBy = actor,
            UpdatedAt = clock.GetUtcNow(), Version = 0,
        };
        db.MemberRatings.Add(r);
        return r;
    }

    private async Task<OrgRating> OrgRowAsync(OrgSubject s, int version, CancellationToken ct)
    {
        var r = await db.OrgRatings.SingleOrDefaultAsync(x => x.OrganizationId == s.Org.Org.Id && x.Year == s.Round.Year, ct);
        Concurrency.CheckVersion("Kết quả xếp loại của " + s.Name, version, r?.Version ?? 0);
        if (r is not null)
        {
            return r;
        }

        r = NewOrgRow(s.Org, s.Round, s.Round.Year);
        r.Version = 0;
        db.OrgRatings.Add(r);
        return r;
    }

    private static Place RequireDecider(Place? decider, string name) =>
        decider ?? throw new RuleViolationException("Organization", $"Không xác định được cấp quyết định xếp loại của {name} trong cây tổ chức.");

    private void RequireActsAs(Place level, string field, string step)
    {
        if (!RatingLevels.ActsAs(caller, level.Org))
        {
            throw new RatingForbiddenException(field, $"{step} là việc của {level.Name}; tài khoản của bạn không giữ vai trò của tổ chức này.");
        }
    }

    /// <summary>A correction is the act of the level that decided, or of a level above it (xem xét lại).</summary>
    private async Task<Organization> CorrectingLevelAsync(RatingBase r, string name, CancellationToken ct)
    {
        var decider = r.DecidedByOrgId is { } id ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        var acting = decider is null
            ? null
            : caller.Roles.Where(g => AccessTable.Allows(g.Role, Operation.RatingsWrite) && g.Subtree.ProvinceId == decider.ProvinceId
                                      && decider.Path.StartsWith(g.Subtree.Path, StringComparison.Ordinal) && g.OrganizationId is not null)
                .OrderByDescending(g => g.Subtree.Path.Length).Select(g => g.OrganizationId).FirstOrDefault();
        if (acting is not { } actingId)
        {
            throw new RatingForbiddenException("Level",
                $"Điều chỉnh kết quả xếp loại của {name} là việc của {(decider?.Name ?? "cấp đã quyết định")} hoặc cấp trên; tài khoản của bạn không giữ vai trò đó.");
        }

        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actingId, ct);
    }

    // ---------------------------------------------------------------- state changes

    private void Propose(RatingBase r, ProposalInput p, int proposerId)
    {
        r.ProposedLevel = p.Level;
        r.ProposedNotRated = p.NotRated;
        r.ProposedScore = p.Score;
        r.ProposalNote = Clean(p.Note);
        r.ProposedOn = Today;
        r.ProposedByOrgId = proposerId;
        r.ReturnedReason = null;
        r.State = RatingState.Proposed;
        Touch(r);
    }

    private void Decide(RatingBase r, RatingLevel? level, NotRatedReason? notRated, string? note, decimal? score, Place decider, string number, DateOnly on)
    {
        r.Level = level;
        r.NotRatedReason = notRated;
        r.NotRatedNote = notRated is null ? null : Clean(note);
        r.Score = score;
        r.DecidedByOrgId = decider.Org.Id;
        r.DecidedBy = decider.Name;
        r.DecisionNumber = VietnameseText.Clean(number);
        r.DecidedOn = on;
        r.ReturnedReason = null;
        r.State = RatingState.Decided;
        Touch(r);
    }

    private void Return(RatingBase r, string reason, string name, RatingRound round)
    {
        var why = Clean(reason);
        Rules.Check(
            new RoundIsOpen(round),
            new RatingIsNotDecidedYet(r.State, name),
            new TextIsGiven("Reason", "Lý do trả lại", why),
            new ProposalIsThere(r.State, name));
        r.ReturnedReason = why;
        r.ProposedLevel = null;
        r.ProposedNotRated = null;
        r.ProposedScore = null;
        r.ProposedOn = null;
        r.State = r.SelfAssessedOn is null ? RatingState.Pending : RatingState.SelfAssessed;
        Touch(r);
    }

    private void Apply(RatingBase r, RatingCorrection c)
    {
        r.Level = c.Level;
        r.NotRatedReason = c.NotRated;
        r.NotRatedNote = c.NotRated is null ? null : Clean(c.Note);
        r.Score = c.Score;
        r.DecisionNumber = VietnameseText.Clean(c.DecisionNumber);
        r.DecidedOn = c.DecidedOn;
        Touch(r);
    }

    private void CheckDecisionText(string number, DateOnly on, int year) => Rules.Check(
        new TextIsGiven("DecisionNumber", "Số quyết định", number),
        new DateIsNotInTheFuture("DecidedOn", "Ngày quyết định", on, Today),
        new DateNotBeforeTheYear("DecidedOn", "Ngày quyết định", on, year));

    private void CheckCorrection(RatingCorrection c, RatingBase r, RatingPolicy policy, RatingSubject subject)
    {
        CheckDecisionText(c.DecisionNumber, c.DecidedOn, c.Year);
        Rules.Check(
            new TextIsGiven("Reason", "Lý do điều chỉnh", c.Reason),
            new OutcomeIsOneOfLevelOrReason(c.Level, c.NotRated, c.Note, policy, subject),
            new ScoreIsOnTheScale(c.Score, policy),
            new CorrectionChangesTheOutcome(c.Level != r.Level || c.NotRated != r.NotRatedReason || c.Score != r.Score));
    }

    private void Touch(RatingBase r)
    {
        r.UpdatedAt = clock.GetUtcNow();
        r.RecordedBy = actor;
        r.Version++;
    }

    private void AddEvent(RatingSubject subject, RatingBase r, RatingEventKind kind, DateOnly date, RatingLevel? fromLevel, NotRatedReason? fromReason,
        RatingLevel? toLevel, NotRatedReason? toReason, decimal? score, string? number, string? body, string? reason) =>
        _pending.Add((r, new RatingEvent
        {
            ProvinceId = r.ProvinceId, Subject = subject, Kind = kind, Date = date, FromLevel = fromLevel, FromNotRated = fromReason,
            ToLevel = toLevel, ToNotRated = toReason, Score = score, DecisionNumber = number, ActingBody = body, Reason = reason,
            RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
        }));

    /// <summary>Events wait for their rating's id (a new row gets it on save); <see cref="SaveAsync"/> writes them.</summary>
    private readonly List<(RatingBase Rating, RatingEvent Event)> _pending = [];

    /// <summary>Saves the ratings, then their events with the ratings' ids, in the command's transaction.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var (rating, e) in _pending)
        {
            e.RatingId = rating.Id;
            db.RatingEvents.Add(e);
        }

        _pending.Clear();
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- tallies and counts

    /// <summary>Which tally a decided member rating counts in (0–3 the levels, 4 not rated); null when undecided.</summary>
    internal static int? Bucket(RatingBase r) => !r.IsDecided ? null
        : r.NotRatedReason is not null ? 4
        : r.Level is { } level ? (int)level - 1
        : null;

    /// <summary>
    /// Moves one member from a tally to another on the chi bộ's row, as one UPDATE of the stored
    /// values (never values read earlier), so two committees deciding members of the same chi bộ at
    /// once both count. The member's own row carries the audit; the tally is derived from it.
    /// </summary>
    private async Task TallyAsync(long cellRowId, int? from, int? to, CancellationToken ct)
    {
        if (from == to)
        {
            return;
        }

        var d = new int[5];
        if (from is { } f)
        {
            d[f]--;
        }

        if (to is { } t)
        {
            d[t]++;
        }

        var (e, g, h, k, n) = (d[0], d[1], d[2], d[3], d[4]);
        await db.OrgRatings.Where(r => r.Id == cellRowId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.MembersExcellent, r => r.MembersExcellent + e)
            .SetProperty(r => r.MembersGood, r => r.MembersGood + g)
            .SetProperty(r => r.MembersFulfilled, r => r.MembersFulfilled + h)
            .SetProperty(r => r.MembersNotFulfilled, r => r.MembersNotFulfilled + k)
            .SetProperty(r => r.MembersNotRated, r => r.MembersNotRated + n), ct);
    }

    /// <summary>The cap on HTXSNV members, in its scope, as the decisions now stand.</summary>
    private async Task CheckCapAsync(MemberSubject s, CancellationToken ct)
    {
        if (s.Policy.MemberCap is not { } cap)
        {
            return;
        }

        var scope = cap.Scope == CapScope.Cell ? s.Cell : RatingLevels.BaseOrganizationOf(s.Cell, s.Ancestors) ?? s.Cell;
        var counts = await RatingQueries.MemberTallyAsync(db, scope.Subtree, s.Round.Year, ct);
        Rules.Check(new ExcellentMembersWithinTheCap(cap, counts.Excellent, counts.Good, scope.Name));
    }

    /// <summary>How many of those under an organization are decided, of how many were there on the review date.</summary>
    private async Task<(int Expected, int Decided, string What)> BelowProgressAsync(OrgSubject s, CancellationToken ct)
    {
        var year = s.Round.Year;
        var review = s.Round.ReviewDate;
        if (s.Org.Kind.HoldsMembers())
        {
            var expected = await db.MemberPeriods.CountAsync(p => p.CellId == s.Org.Org.Id && p.ValidFrom <= review && p.ValidTo > review, ct);
            var tally = await db.OrgRatings.AsNoTracking().Where(r => r.OrganizationId == s.Org.Org.Id && r.Year == year)
                .Select(r => r.MembersExcellent + r.MembersGood + r.MembersFulfilled + r.MembersNotFulfilled + r.MembersNotRated).FirstOrDefaultAsync(ct);
            return (expected, tally, "đảng viên");
        }

        // A đảng bộ cơ sở decides the chi bộ and đảng bộ bộ phận anywhere below it; the levels above
        // decide the organizations directly under them (TCCSĐ sit right under them, by the tree's rules).
        var kinds = s.Org.Kind == OrgKind.SectionCommittee ? [OrgKind.Cell] : RatingLevels.KindsDecidedBy(s.Org.Kind).ToList();
        var direct = s.Org.Kind is OrgKind.SuperiorToBase or OrgKind.Province;
        var (lo, hi, id) = (s.Org.Path, s.Org.Subtree.UpperBound, s.Org.Org.Id);
        var expectedOrgs = await db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == s.Org.Org.ProvinceId && string.Compare(p.Path, lo) > 0 && string.Compare(p.Path, hi) < 0
                        && p.ValidFrom <= review && p.ValidTo > review && kinds.Contains(p.Kind) && (!direct || p.ParentId == id))
            .Select(p => p.OrganizationId).ToListAsync(ct);
        var decided = await db.OrgRatings.AsNoTracking()
            .CountAsync(r => expectedOrgs.Contains(r.OrganizationId) && r.Year == year && r.State >= RatingState.Decided, ct);
        return (expectedOrgs.Count, decided, "tổ chức đảng");
    }

    /// <summary>The decided levels under an organization: its members (a chi bộ), or the organizations it decided.</summary>
    private async Task<LevelCounts> CountsBelowAsync(OrgSubject s, OrgRating r, CancellationToken ct)
    {
        if (s.Org.Kind.HoldsMembers())
        {
            var own = await db.OrgRatings.AsNoTracking().Where(x => x.Id == r.Id)
                .Select(x => new LevelCounts(x.MembersExcellent, x.MembersGood, x.MembersFulfilled, x.MembersNotFulfilled, x.MembersNotRated))
                .FirstOrDefaultAsync(ct);
            return own ?? LevelCounts.Zero;
        }

        var levels = await db.OrgRatings.AsNoTracking()
            .Where(x => x.DecidedByOrgId == s.Org.Org.Id && x.Year == s.Round.Year && x.State >= RatingState.Decided)
            .Select(x => new { x.Level, x.NotRatedReason }).ToListAsync(ct);
        return new LevelCounts(
            levels.Count(l => l.Level == RatingLevel.Excellent), levels.Count(l => l.Level == RatingLevel.Good),
            levels.Count(l => l.Level == RatingLevel.Fulfilled), levels.Count(l => l.Level == RatingLevel.NotFulfilled),
            levels.Count(l => l.NotRatedReason is not null));
    }

    private Task<bool> MemberDisciplinedAsync(int memberId, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.DisciplineDecisions.AnyAsync(d => d.MemberId == memberId && !d.Annulled && d.DecidedOn >= from && d.DecidedOn <= to, ct);
    }

    /// <summary>Whether the organization itself, and whether someone under it, was disciplined in the year.</summary>
    private async Task<(bool Self, bool Below)> OrganizationDisciplinedAsync(Place org, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var (lo, hi) = (org.Path, org.Subtree.UpperBound);
        var found = await db.DisciplineDecisions.AsNoTracking()
            .Where(d => d.ProvinceId == org.Org.ProvinceId && !d.Annulled && d.DecidedOn >= from && d.DecidedOn <= to
                        && string.Compare(d.SubjectPath, lo) >= 0 && string.Compare(d.SubjectPath, hi) < 0)
            .Select(d => new { d.OrganizationId, d.Subject }).ToListAsync(ct);
        return (found.Any(d => d.OrganizationId == org.Org.Id), found.Any(d => d.OrganizationId != org.Org.Id));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Clean(text);
}
