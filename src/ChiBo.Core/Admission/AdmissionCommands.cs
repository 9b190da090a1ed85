using System.Text.Json;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Admission;

/// <summary>A cell puts forward an outstanding candidate (quần chúng ưu tú).</summary>
public sealed record CandidateNomination(MemberProfile Profile, int CellId, DateOnly NominatedOn);

/// <summary>One introducer (3-KNĐ) and since when they have worked with the candidate.</summary>
public sealed record Introducer(int MemberId, DateOnly KnownSince);

/// <summary>Two official members, or the resolution (4-KNĐ) of the Youth Union / Trade Union.</summary>
public sealed record Introduction(IntroductionKind Kind, DateOnly Date, IReadOnlyList<Introducer> Introducers, string? ResolutionNumber = null);

/// <summary>A cell's vote (nghị quyết): the official members who may vote are counted from the register, not typed in.</summary>
public sealed record CellVote(DateOnly Date, int VotesFor);

/// <summary>
/// The admission procedure (kết nạp đảng viên) step by step. Each command is one transaction; at
/// the ceremony and at the recognition the member record is written by <see cref="MemberCommands"/>
/// in the same transaction, so a candidate is never admitted without a member record or the reverse.
/// Each step first finds the file in the caller's subtrees (else "not found") and then checks that
/// the caller acts at the step's level (<see cref="AdmissionProcedure.ActsAt(OrgScope, AdmissionLevel, CandidateChain)"/>):
/// a page, the API and any later import get the same answer.
/// </summary>
public sealed class AdmissionCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, CccdPolicy? cccd = null)
{
    private const string File = "Hồ sơ kết nạp";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly MemberCommands _members = new(db, clock, actor);
    private readonly CccdRegister _cccd = new(db, clock, caller, cccd);

    public DateOnly Today => _members.Today;

    public Task<Candidate> NominateAsync(CandidateNomination nomination, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var profile = nomination.Profile.Cleaned();
            var cell = await FindCellAsync(nomination.CellId, ct);
            AdmissionProcedure.RequireActsAt(caller, AdmissionLevel.Cell, await CandidateChain.OfAsync(db, cell, ct), AdmissionProcedure.Nominate.Act);
            Rules.Check(MemberRules.ForProfile(profile).Concat(
            [
                new CellHoldsMembers(cell),
                new DateIsNotInTheFuture("NominatedOn", "Ngày giới thiệu quần chúng ưu tú", nomination.NominatedOn, Today),
            ]));
            await _cccd.RequireFreeAsync(profile.Cccd, cell.ProvinceId, AdmissionProcedure.Nominate.Act, ct: ct);
            var candidate = new Candidate
            {
                ProvinceId = cell.ProvinceId,
                CellId = cell.Id,
                FullName = profile.FullName,
                BirthDate = profile.BirthDate,
                Cccd = profile.Cccd,
                ProfileJson = JsonSerializer.Serialize(profile, Json),
                Step = CandidateStep.Nominated,
                StepSince = nomination.NominatedOn,
                NominatedOn = nomination.NominatedOn,
                UpdatedBy = actor,
                UpdatedAt = clock.GetUtcNow(),
                Version = 1,
            };
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync(ct);
            return candidate;
        }, ct);

    /// <summary>
    /// Corrects the candidate's CV data (lý lịch) before the ceremony; afterwards the member record
    /// is corrected through <see cref="MemberCommands.CorrectFieldsAsync"/>.
    /// </summary>
    public Task<Candidate> CorrectProfileAsync(int id, int version, MemberProfile corrected, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, AdmissionLevel.Cell, CorrectionAct, ct);
            var profile = corrected.Cleaned();
            Rules.Check(MemberRules.ForProfile(profile).Append(new CandidateIsAtStepBefore(c, CandidateStep.OnProbation, "sửa lý lịch")));
            if (profile.Cccd != c.Cccd)
            {
                await _cccd.RequireFreeAsync(profile.Cccd, c.ProvinceId, CorrectionAct, exceptCandidate: c.Id, ct: ct);
            }

            c.FullName = profile.FullName;
            c.BirthDate = profile.BirthDate;
            c.Cccd = profile.Cccd;
            c.ProfileJson = JsonSerializer.Serialize(profile, Json);
            await SaveAsync(c, ct);
            return c;
        }, ct);

    /// <summary>Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.</summary>
    public Task<Candidate> RecordCourseAsync(int id, int version, string certificateNumber, DateOnly date, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Course, CandidateStep.Nominated, CandidateStep.Trained, date, "ghi nhận lớp bồi dưỡng", c =>
        {
            Rules.Check(new TextIsGiven(nameof(Candidate.CourseCertificateNumber), "Số giấy chứng nhận", certificateNumber));
            c.CourseCertificateNumber = certificateNumber.Trim();
            c.CourseCertificateDate = date;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Đơn xin vào Đảng (1-KNĐ) and lý lịch (2-KNĐ); the step dates from the later of the two.</summary>
    public Task<Candidate> RecordApplicationAsync(int id, int version, DateOnly applicationDate, DateOnly cvDate, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Application, CandidateStep.Trained, CandidateStep.Applied, applicationDate > cvDate ? applicationDate : cvDate, "ghi nhận đơn và lý lịch", c =>
        {
            Rules.Check(new StepIsNotBeforePrevious(applicationDate, c.StepSince), new StepIsNotBeforePrevious(cvDate, c.StepSince));
            c.ApplicationDate = applicationDate;
            c.CvDate = cvDate;
            return Task.CompletedTask;
        }, ct);

    public Task<Candidate> RecordIntroductionAsync(int id, int version, Introduction introduction, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Introduction, CandidateStep.Applied, CandidateStep.Introduced, introduction.Date, "ghi nhận người giới thiệu", async c =>
        {
            var profile = ProfileOf(c);
            Rules.Check(new YouthUnionIntroducesItsMember(introduction.Kind, profile.YouthUnion));
            if (introduction.Kind == IntroductionKind.TwoMembers)
            {
                var ids = introduction.Introducers.Select(i => i.MemberId).ToList();
                Rules.Check(new TwoDifferentIntroducers(ids));
                var found = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
                foreach (var i in introduction.Introducers)
                {
                    var m = found.GetValueOrDefault(i.MemberId);
                    Rules.Check(new IntroducerIsOfficialMember(m, i.MemberId), new IntroducerKnewCandidateLongEnough(m?.FullName ?? "", i.KnownSince, introduction.Date));
                }

                c.Introducer1Id = ids[0];
                c.Introducer2Id = ids[1];
                c.UnionResolutionNumber = null;
            }
            else
            {
                Rules.Check(new TextIsGiven(nameof(Candidate.UnionResolutionNumber), "Số nghị quyết giới thiệu (4-KNĐ)", introduction.ResolutionNumber));
                c.UnionResolutionNumber = introduction.ResolutionNumber!.Trim();
                c.Introducer1Id = c.Introducer2Id = null;
            }

            c.IntroductionKind = introduction.Kind;
            c.IntroducedOn = introduction.Date;
        }, ct);

    /// <summary>Thẩm tra lý lịch người vào Đảng.</summary>
    public Task<Candidate> RecordVerificationAsync(int id, int version, DateOnly date, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Verification, CandidateStep.Introduced, CandidateStep.Verified, date, "ghi nhận thẩm tra lý lịch", c =>
        {
            c.VerifiedOn = date;
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Nghị quyết chi bộ đề nghị kết nạp: every condition of admission is checked here, on the day the
    /// cell decides, and the official members are those of the register on that day.
    /// </summary>
    public Task<Candidate> RecordCellResolutionAsync(int id, int version, CellVote vote, string? provincialConsentNumber = null, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.CellResolution, CandidateStep.Verified, CandidateStep.CellResolved, vote.Date, "ghi nghị quyết chi bộ", async c =>
        {
            var profile = ProfileOf(c);
            var official = await OfficialMembersAsync(c.CellId, vote.Date, ct);
            Rules.Check(
                new CandidateAgeWithinLimits(c.BirthDate, vote.Date, provincialConsentNumber ?? c.ProvincialConsentNumber),
                new CandidateHasLowerSecondaryEducation(profile.GeneralEducation),
                new CourseCertificateIsValid(c.CourseCertificateDate, vote.Date),
                new VotesWithinOfficialMembers(vote.VotesFor, official),
                new AdmissionNeedsTwoThirdsOfOfficialMembers(vote.VotesFor, official));
            if (!string.IsNullOrWhiteSpace(provincialConsentNumber))
            {
                c.ProvincialConsentNumber = provincialConsentNumber.Trim();
            }

            c.CellResolutionDate = vote.Date;
            c.CellOfficialMembers = official;
            c.CellVotesFor = vote.VotesFor;
        }, ct);

    /// <summary>Đảng ủy cơ sở: agrees and proposes to the competent committee, or stops the file.</summary>
    public Task<Candidate> RecordBaseCommitteeOpinionAsync(int id, int version, DateOnly date, bool agreed, string? reason = null, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.BaseCommittee, CandidateStep.CellResolved, agreed ? CandidateStep.BaseCommitteeAgreed : CandidateStep.Stopped, date, "ghi ý kiến đảng ủy cơ sở", c =>
        {
            if (!agreed)
            {
                Rules.Check(new TextIsGiven(nameof(Candidate.StopReason), "Lý do không đồng ý", reason));
                c.StopReason = reason!.Trim();
            }

            c.BaseCommitteeDate = date;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Quyết định kết nạp (9-KNĐ) of the competent committee.</summary>
    public Task<Candidate> RecordDecisionAsync(int id, int version, string number, DateOnly date, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Decision, CandidateStep.BaseCommitteeAgreed, CandidateStep.Decided, date, "ghi quyết định kết nạp", c =>
        {
            Rules.Check(new TextIsGiven(nameof(Candidate.DecisionNumber), "Số quyết định kết nạp", number));
            c.DecisionNumber = number.Trim();
            c.DecisionDate = date;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Lễ kết nạp: the member record is created (dự bị, an Admitted event dated the ceremony).</summary>
    public Task<Candidate> HoldCeremonyAsync(int id, int version, DateOnly date, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.Ceremony, CandidateStep.Decided, CandidateStep.OnProbation, date, "tổ chức lễ kết nạp", async c =>
        {
            var member = await _members.RegisterAsync(
                new MemberRegistration(ProfileOf(c), c.CellId, date, null),
                new Decision(c.DecisionNumber, "Kết nạp đảng viên"),
                RegistrationKind.Admission, ct);
            c.CeremonyDate = date;
            c.MemberId = member.Id;
        }, ct);

    /// <summary>Lớp bồi dưỡng đảng viên mới, required before the recognition.</summary>
    public Task<Candidate> RecordNewMemberCourseAsync(int id, int version, string certificateNumber, DateOnly date, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, AdmissionProcedure.NewMemberCourse, ct);
            Rules.Check(
                new CandidateIsAtStep(c, CandidateStep.OnProbation, "ghi nhận lớp đảng viên mới"),
                new TextIsGiven(nameof(Candidate.NewMemberCourseCertificateNumber), "Số giấy chứng nhận", certificateNumber),
                new DateIsNotInTheFuture("Date", "Ngày cấp giấy chứng nhận", date, Today),
                new StepIsNotBeforePrevious(date, c.StepSince));
            c.NewMemberCourseCertificateNumber = certificateNumber.Trim();
            c.NewMemberCourseDate = date;
            await SaveAsync(c, ct);
            return c;
        }, ct);

    /// <summary>
    /// Công nhận đảng viên chính thức: the cell votes after the 12 months of probation, the committee
    /// decides; official membership counts from the end of probation (Điều lệ Đảng, Điều 5.4), not
    /// from the decision. Both in one transaction, recorded by the competent committee with the
    /// cell's resolution it received; <see cref="RecordRecognitionVoteAsync"/> and
    /// <see cref="DecideRecognitionAsync"/> are the same two acts recorded by each level in turn.
    /// </summary>
    public Task<Candidate> RecognizeOfficialAsync(int id, int version, CellVote vote, string decisionNumber, DateOnly decisionDate, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, AdmissionProcedure.RecognitionDecision, ct);
            await RecognitionVoteAsync(c, vote, ct);
            await SaveAsync(c, ct);
            await StepAsync(c, CandidateStep.OnProbation, CandidateStep.Official, decisionDate, "công nhận đảng viên chính thức",
                x => RecognitionDecisionAsync(x, decisionNumber, decisionDate, ct), ct);
            return c;
        }, ct);

    /// <summary>
    /// Nghị quyết chi bộ đề nghị công nhận đảng viên chính thức: after the 12 months of probation and
    /// the new-member course, at least two thirds of the official members on the day. The member
    /// stays dự bị until the competent committee decides.
    /// </summary>
    public Task<Candidate> RecordRecognitionVoteAsync(int id, int version, CellVote vote, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, AdmissionProcedure.RecognitionVote, ct);
            await RecognitionVoteAsync(c, vote, ct);
            await SaveAsync(c, ct);
            return c;
        }, ct);

    private async Task RecognitionVoteAsync(Candidate c, CellVote vote, CancellationToken ct)
    {
        Rules.Check(
            new CandidateIsAtStep(c, CandidateStep.OnProbation, "ghi nghị quyết chi bộ đề nghị công nhận chính thức"),
            new RecognitionNotYetVoted(c));
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == c.MemberId, ct);
        var official = await OfficialMembersAsync(member.CellId, vote.Date, ct);
        Rules.Check(
            new TextIsGiven(nameof(Candidate.NewMemberCourseDate), "Giấy chứng nhận lớp bồi dưỡng đảng viên mới", c.NewMemberCourseCertificateNumber),
            new DateIsNotInTheFuture("Date", "Ngày", vote.Date, Today),
            new StepIsNotBeforePrevious(vote.Date, c.StepSince),
            new RecognitionAfterProbation(member.AdmittedOn, vote.Date),
            new VotesWithinOfficialMembers(vote.VotesFor, official),
            new AdmissionNeedsTwoThirdsOfOfficialMembers(vote.VotesFor, official, "công nhận đảng viên chính thức"));
        c.RecognitionResolutionDate = vote.Date;
        c.RecognitionOfficialMembers = official;
        c.RecognitionVotesFor = vote.VotesFor;
    }

    /// <summary>Quyết định công nhận đảng viên chính thức, on the cell's resolution.</summary>
    public Task<Candidate> DecideRecognitionAsync(int id, int version, string decisionNumber, DateOnly decisionDate, CancellationToken ct = default) =>
        Step(id, version, AdmissionProcedure.RecognitionDecision, CandidateStep.OnProbation, CandidateStep.Official, decisionDate, "công nhận đảng viên chính thức",
            c => RecognitionDecisionAsync(c, decisionNumber, decisionDate, ct), ct);

    private async Task RecognitionDecisionAsync(Candidate c, string decisionNumber, DateOnly decisionDate, CancellationToken ct)
    {
        Rules.Check(
            new RecognitionVoted(c),
            new TextIsGiven(nameof(Candidate.RecognitionDecisionNumber), "Số quyết định công nhận", decisionNumber),
            new StepIsNotBeforePrevious(decisionDate, c.RecognitionResolutionDate!.Value));
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == c.MemberId, ct);
        var ends = AdmissionPolicy.ProbationEnds(member.AdmittedOn);
        await _members.RecognizeOfficialAsync(member.Id, member.Version, ends, new Decision(decisionNumber, "Công nhận đảng viên chính thức"), ct);
        c.RecognitionDecisionNumber = decisionNumber.Trim();
        c.RecognitionDecisionDate = decisionDate;
    }

    /// <summary>
    /// Văn bản đồng ý của Ban Thường vụ Tỉnh ủy for a candidate over 60 (Quy định 24-QĐ/TW point
    /// 3.1), recorded by the province before the cell votes.
    /// </summary>
    public Task<Candidate> RecordProvincialConsentAsync(int id, int version, string number, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, AdmissionProcedure.ProvincialConsent, ct);
            Rules.Check(
                new CandidateIsAtStepBefore(c, CandidateStep.CellResolved, "ghi văn bản đồng ý của Ban Thường vụ Tỉnh ủy"),
                new TextIsGiven(nameof(Candidate.ProvincialConsentNumber), "Số văn bản đồng ý", number));
            c.ProvincialConsentNumber = number.Trim();
            await SaveAsync(c, ct);
            return c;
        }, ct);

    /// <summary>
    /// Stops a file before the ceremony; during probation the member is struck off (xóa tên khỏi danh
    /// sách đảng viên dự bị). The statute allows no extension of probation (Điều lệ Đảng, Điều 5.4),
    /// so there is no "extend" command.
    /// </summary>
    public Task<Candidate> StopAsync(int id, int version, DateOnly date, string reason, string? decisionNumber = null, CancellationToken ct = default) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, x => AdmissionProcedure.StopLevel(x, Today), StopAct, ct);
            Rules.Check(
                new CandidateIsInProgress(c),
                new TextIsGiven(nameof(Candidate.StopReason), "Lý do", reason),
                new DateIsNotInTheFuture("Date", "Ngày", date, Today),
                new StepIsNotBeforePrevious(date, c.StepSince));
            if (c.Step == CandidateStep.OnProbation)
            {
                var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == c.MemberId, ct);
                await _members.StrikeOffAsync(member.Id, member.Version, date, new Decision(decisionNumber, reason), ct);
                c.Step = CandidateStep.StruckOff;
            }
            else
            {
                c.Step = CandidateStep.Stopped;
            }

            c.StopReason = reason.Trim();
            c.StepSince = date;
            await SaveAsync(c, ct);
            return c;
        }, ct);

    public static MemberProfile ProfileOf(Candidate c) =>
        JsonSerializer.Deserialize<MemberProfile>(c.ProfileJson, Json) ?? throw new InvalidOperationException($"Candidate {c.Id} has no profile.");

    /// <summary>Official members (not probationary; exempted members do not vote) of a cell on a date, from the periods.</summary>
    internal Task<int> OfficialMembersAsync(int cellId, DateOnly on, CancellationToken ct) => AdmissionQueries.OfficialMembersAsync(db, cellId, on, ct);

    /// <summary>The frame of a step: the file and the caller's level, version, order, dates, the change, one save.</summary>
    private Task<Candidate> Step(
        int id, int version, ProcedureAct act, CandidateStep from, CandidateStep to, DateOnly date, string action, Func<Candidate, Task> change, CancellationToken ct) =>
        Transactions.RunAsync(db, File, async () =>
        {
            var c = await LoadAsync(id, version, act, ct);
            await StepAsync(c, from, to, date, action, change, ct);
            return c;
        }, ct);

    private async Task StepAsync(Candidate c, CandidateStep from, CandidateStep to, DateOnly date, string action, Func<Candidate, Task> change, CancellationToken ct)
    {
        Rules.Check(
            new CandidateIsAtStep(c, from, action),
            new DateIsNotInTheFuture("Date", "Ngày", date, Today),
            new StepIsNotBeforePrevious(date, c.StepSince));
        await change(c);
        c.Step = to;
        c.StepSince = date;
        await SaveAsync(c, ct);
    }

    private async Task SaveAsync(Candidate c, CancellationToken ct)
    {
        c.Version++;
        c.UpdatedAt = clock.GetUtcNow();
        c.UpdatedBy = actor;
        await db.SaveChangesAsync(ct);
    }

    private const string CorrectionAct = "Sửa lý lịch người vào Đảng";
    private const string StopAct = "Dừng xét hồ sơ kết nạp";

    private Task<Candidate> LoadAsync(int id, int version, ProcedureAct act, CancellationToken ct) =>
        LoadAsync(id, version, _ => act.Level, act.Act, ct);

    private Task<Candidate> LoadAsync(int id, int version, AdmissionLevel level, string act, CancellationToken ct) =>
        LoadAsync(id, version, _ => level, act, ct);

    /// <summary>
    /// The file as the caller reaches it: not found outside the caller's subtrees (as if it did not
    /// exist), refused when the caller does not act at the level, then a conflict on a stale version.
    /// </summary>
    private async Task<Candidate> LoadAsync(int id, int version, Func<Candidate, AdmissionLevel> levelOf, string act, CancellationToken ct)
    {
        var c = await db.Candidates.SingleOrDefaultAsync(x => x.Id == id, ct);
        var cell = c is null ? null : await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == c.CellId, ct);
        if (c is null || cell is null || !caller.Can(Operation.MembersWrite, Subtree.Of(cell)))
        {
            throw new NotFoundException($"Không có hồ sơ kết nạp số {id} trong phạm vi của bạn.");
        }

        AdmissionProcedure.RequireActsAt(caller, levelOf(c), await CandidateChain.OfAsync(db, cell, ct), act);
        Concurrency.CheckVersion($"Hồ sơ kết nạp của {c.FullName}", version, c.Version);
        return c;
    }

    /// <summary>A cell the caller writes members of; any other is not found.</summary>
    private async Task<Organization> FindCellAsync(int cellId, CancellationToken ct) =>
        await db.Organizations.SingleOrDefaultAsync(o => o.Id == cellId, ct) is { } cell && caller.Can(Operation.MembersWrite, Subtree.Of(cell))
            ? cell
            : throw new NotFoundException($"Không có chi bộ số {cellId} trong phạm vi của bạn.");
}
