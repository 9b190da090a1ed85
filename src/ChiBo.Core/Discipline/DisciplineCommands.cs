using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Discipline;

/// <summary>Quyết định kiểm tra, giám sát: who inspects whom, from when, about what.</summary>
public sealed record CaseOpening(
    InspectionKind Kind, int? MemberId, int? OrganizationId, int? InspectingOrgId, DecidingBody InspectingBody,
    string DecisionNumber, DateOnly OpenedOn, DateOnly? DueOn, string Content);

/// <summary>Kết luận kiểm tra, giám sát.</summary>
public sealed record CaseFindings(int Version, DateOnly ConcludedOn, CaseConclusion Conclusion, string Findings);

/// <summary>
/// Quyết định thi hành kỷ luật. <see cref="SubjectVersion"/> is the member record's or the
/// organization's version the caller read (checked for khai trừ and giải tán, which change them);
/// <see cref="MoveMembersToCellId"/>: for giải tán of a cell, where its members go first.
/// </summary>
public sealed record DecisionInput(
    int? MemberId, int? OrganizationId, DisciplineForm Form, string DecisionNumber, DateOnly DecidedOn,
    int? DecidingOrgId, DecidingBody DecidingBody, string Reason,
    int? CaseId = null, DateOnly? ReceivedOn = null, DateOnly? ViolationOn = null, string? Position = null,
    int? SubjectVersion = null, int? MoveMembersToCellId = null);

/// <summary>Đơn khiếu nại kỷ luật, to the level that will answer it.</summary>
public sealed record AppealFiling(DateOnly FiledOn, int? ResolvingOrgId, DecidingBody ResolvingBody, string? Content);

/// <summary>Kết quả giải quyết khiếu nại. <see cref="MemberVersion"/>: checked when the answer lifts or imposes a khai trừ.</summary>
public sealed record AppealResolution(
    int Version, AppealOutcome Outcome, DateOnly ResolvedOn, string ResolutionNumber, DisciplineForm? NewForm = null, string? Reason = null, int? MemberVersion = null);

/// <summary>The body of a level that inspects or decides is one it has.</summary>
public sealed record BodyBelongsToTheLevel(Organization Org, DecidingBody Body, string Field) : IRule
{
    public string Message => $"{Org.Name} không có {DisciplineNames.Of(Body).ToLowerInvariant()} để quyết định.";

    public bool IsBroken() => !DisciplinePolicy.BodiesOf(Org.Kind).Contains(Body);
}

/// <summary>
/// Who records discipline at which level. A role with Discipline.Write acts for the bodies of the
/// organizations of its subtree — the committee of a đảng bộ decides in it and records the
/// decisions of its cells (see <see cref="AccessTable"/>) — never for a level above it; the centre's
/// decisions reach the register through the province, so only a grant on the province's root
/// records them (or the administrator's).
/// </summary>
public static class DisciplineActing
{
    /// <param name="levelPath">The deciding (inspecting, answering) organization's path now; null for the centre.</param>
    public static bool ActsFor(OrgScope caller, int provinceId, string? levelPath) =>
        caller.Roles.Any(r => AccessTable.Allows(r.Role, Operation.DisciplineWrite) && (levelPath is null
            ? r.Subtree.ProvinceId is null || (r.Subtree.ProvinceId == provinceId && Subtree.Ids(r.Subtree.Path).Length == 1)
            : OrgScope.Covers(r.Subtree, new Subtree(provinceId, levelPath))));

    /// <summary>Refuses (403) a caller who does not act for the level, naming it.</summary>
    public static void Require(OrgScope caller, int provinceId, string? levelPath, string what, string levelName)
    {
        if (!ActsFor(caller, provinceId, levelPath))
        {
            throw new ForbiddenException(
                $"{what} của {levelName} do tài khoản ở cấp đó (hoặc cấp trên) ghi nhận; tài khoản của bạn không giữ vai trò ở cấp đó.");
        }
    }
}

/// <summary>
/// Kiểm tra, giám sát and kỷ luật. Each command is one transaction; a khai trừ also ends the
/// member's membership through <see cref="MemberCommands.ExpelAsync"/>, a giải tán dissolves the
/// organization through <see cref="OrganizationCommands.DissolveAsync"/>, in the same transaction.
/// Every decision on a member is an event on their timeline. Each command finds its subject in the
/// caller's subtrees (else "not found") and records only for a level the caller acts at
/// (<see cref="DisciplineActing"/>, else 403).
/// </summary>
public sealed class DisciplineCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, DisciplinePolicy? policy = null)
{
    private const string Record = "Hồ sơ kỷ luật";

    private readonly DisciplinePolicy _policy = policy ?? DisciplinePolicy.Default;

    public DateOnly Today => clock.Today();

    /// <summary>Mở cuộc kiểm tra, giám sát.</summary>
    public Task<InspectionCase> OpenCaseAsync(CaseOpening o, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            Rules.Check(new OneSubjectIsNamed(o.MemberId, o.OrganizationId));
            var province = await RequireSubjectAsync(o.MemberId, o.OrganizationId, ct);
            var inspecting = await LevelOnAsync(o.InspectingOrgId, o.InspectingBody, o.OpenedOn, "InspectingOrgId", ct);
            RequireActs(inspecting, province, "Quyết định kiểm tra, giám sát");
            Rules.Check(
                new TextIsGiven("DecisionNumber", "Số quyết định kiểm tra, giám sát", o.DecisionNumber),
                new TextIsGiven("Content", "Nội dung kiểm tra, giám sát", o.Content),
                new DateIsNotInTheFuture("OpenedOn", "Ngày bắt đầu", o.OpenedOn, Today),
                new DueDateAfterOpening(o.OpenedOn, o.DueOn));
            var subject = await SubjectOnAsync(o.MemberId, o.OrganizationId, o.OpenedOn, "OpenedOn", ct);
            var level = inspecting;
            Rules.Check(
                new InspectionKindFitsTheSubject(subject.Kind, o.Kind),
                new LevelMayInspect(subject.Kind, level.Level, o.InspectingBody, level.Name),
                new LevelIsAboveTheSubject(subject.Kind, level.Path, o.InspectingBody, subject.Path, level.Name, "InspectingOrgId"));
            var now = clock.GetUtcNow();
            var c = new InspectionCase
            {
                ProvinceId = subject.ProvinceId, Kind = o.Kind, Subject = subject.Kind, MemberId = o.MemberId, OrganizationId = o.OrganizationId,
                SubjectPath = subject.Path, InspectingOrgId = level.Org?.Id, InspectingBody = o.InspectingBody,
                DecisionNumber = VietnameseText.Clean(o.DecisionNumber), OpenedOn = o.OpenedOn, DueOn = o.DueOn, Content = o.Content.Trim(),
                RecordedBy = actor, RecordedAt = now, UpdatedAt = now, Version = 1,
            };
            db.InspectionCases.Add(c);
            await db.SaveChangesAsync(ct);
            return c;
        }, ct);

    /// <summary>Ghi kết luận kiểm tra, giám sát.</summary>
    public Task<InspectionCase> ConcludeCaseAsync(int caseId, CaseFindings f, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var c = await db.InspectionCases.SingleOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null || await InScopeAsync(c.MemberId, c.OrganizationId, ct) is null)
            {
                throw new NotFoundException($"Không có vụ kiểm tra, giám sát số {caseId} trong phạm vi của bạn.");
            }

            RequireActs(await LevelOnAsync(c.InspectingOrgId, c.InspectingBody, c.OpenedOn, "InspectingOrgId", ct), c.ProvinceId, "Kết luận kiểm tra, giám sát");
            Concurrency.CheckVersion($"Vụ kiểm tra số {c.DecisionNumber}", f.Version, c.Version);
            Rules.Check(
                new CaseIsOpen(c),
                new TextIsGiven("Findings", "Nội dung kết luận", f.Findings),
                new DateIsNotInTheFuture("ConcludedOn", "Ngày kết luận", f.ConcludedOn, Today),
                new ConclusionNotBeforeOpening(c.OpenedOn, f.ConcludedOn));
            c.ConcludedOn = f.ConcludedOn;
            c.Conclusion = f.Conclusion;
            c.Findings = f.Findings.Trim();
            c.UpdatedAt = clock.GetUtcNow();
            c.Version++;
            await db.SaveChangesAsync(ct);
            return c;
        }, ct);

    /// <summary>Quyết định thi hành kỷ luật, with its effect on the member or the organization.</summary>
    public Task<DisciplineDecision> DecideAsync(DecisionInput i, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var received = i.ReceivedOn ?? i.DecidedOn;
            Rules.Check(new OneSubjectIsNamed(i.MemberId, i.OrganizationId));
            var province = await RequireSubjectAsync(i.MemberId, i.OrganizationId, ct);
            var deciding = await LevelOnAsync(i.DecidingOrgId, i.DecidingBody, i.DecidedOn, "DecidingOrgId", ct);
            RequireActs(deciding, province, "Quyết định kỷ luật");
            Rules.Check(
                new TextIsGiven("DecisionNumber", "Số quyết định kỷ luật", i.DecisionNumber),
                new TextIsGiven("Reason", "Nội dung vi phạm", i.Reason),
                new DateIsNotInTheFuture("DecidedOn", "Ngày quyết định", i.DecidedOn, Today),
                new ReceivedAfterDecided(received, i.DecidedOn),
                new DateIsNotInTheFuture("ReceivedOn", "Ngày nhận quyết định", received, Today),
                new ViolationIsBeforeTheDecision(i.ViolationOn, i.DecidedOn));
            var subject = await SubjectOnAsync(i.MemberId, i.OrganizationId, i.DecidedOn, "DecidedOn", ct);
            var level = deciding;
            Rules.Check(
                new FormFitsTheSubject(subject.Kind, subject.Probationary, i.Form),
                new LevelIsAboveTheSubject(subject.Kind, level.Path, i.DecidingBody, subject.Path, level.Name),
                new LevelMayDecideTheForm(_policy, subject.Kind, level.Level, i.DecidingBody, level.Name, i.Form),
                new DissolutionIsDecidedTwoLevelsUp(i.Form, level.Depth, subject.Depth),
                new DismissalNamesThePost(i.Form, i.Position),
                new WithinTheLimitationPeriod(_policy, subject.Kind, i.Form, i.ViolationOn, i.DecidedOn));
            if (i.CaseId is { } caseId)
            {
                var c = await db.InspectionCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct)
                    ?? throw new RuleViolationException("CaseId", $"Không tìm thấy vụ kiểm tra số {caseId}.");
                Rules.Check(new DecisionFollowsTheCase(c, subject.Kind, i.MemberId, i.OrganizationId, i.DecidedOn));
            }

            var now = clock.GetUtcNow();
            var decision = new DisciplineDecision
            {
                ProvinceId = subject.ProvinceId, Subject = subject.Kind, MemberId = i.MemberId, OrganizationId = i.OrganizationId,
                SubjectPath = subject.Path, CellId = subject.CellId, CaseId = i.CaseId, Form = i.Form, OriginalForm = i.Form,
                Position = string.IsNullOrWhiteSpace(i.Position) ? null : VietnameseText.Clean(i.Position),
                DecisionNumber = VietnameseText.Clean(i.DecisionNumber), DecidedOn = i.DecidedOn, ReceivedOn = received,
                DecidingOrgId = level.Org?.Id, DecidingBody = i.DecidingBody, Reason = i.Reason.Trim(), ViolationOn = i.ViolationOn,
                RecordedBy = actor, RecordedAt = now, UpdatedAt = now, Version = 1,
            };
            db.DisciplineDecisions.Add(decision);
            await db.SaveChangesAsync(ct);

            var why = new Decision(decision.DecisionNumber, decision.Reason, level.Name);
            if (subject.Member is { } m)
            {
                if (i.Form == DisciplineForm.Expulsion)
                {
                    // Khai trừ: the member leaves the Party on the decision date (Điều lệ Đảng, Điều 39.9: carried out at once, appeal or not).
                    await new MemberCommands(db, clock, actor).ExpelAsync(m.Id, i.SubjectVersion ?? m.Version, i.DecidedOn, why, ct);
                }
                else
                {
                    db.MemberEvents.Add(Event(m, MemberEventKind.Disciplined, i.DecidedOn, subject.CellId!.Value, subject.Path, why,
                        "Hình thức: " + DisciplineNames.Of(i.Form) + (decision.Position is { } p ? " (chức vụ: " + p + ")" : "")));
                    await db.SaveChangesAsync(ct);
                }
            }
            else if (i.Form == DisciplineForm.Dissolution && subject.Organization is { } org)
            {
                await DissolveAsync(org, i, why, ct);
            }

            return decision;
        }, ct);

    /// <summary>Khiếu nại kỷ luật: within the window, to a higher level, one at a time.</summary>
    public Task<DisciplineAppeal> AppealAsync(int decisionId, AppealFiling a, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var d = await LoadDecisionAsync(decisionId, ct);
            var earlier = await db.DisciplineAppeals.AsNoTracking().Where(x => x.DecisionId == d.Id).OrderBy(x => x.FiledOn).ThenBy(x => x.Id).ToListAsync(ct);
            var last = earlier.LastOrDefault();

            // A further appeal runs from the previous answer; the first from receiving the decision.
            var received = last?.ResolvedOn ?? d.ReceivedOn;
            Rules.Check(
                new DecisionStands(d),
                new NoAppealIsPending(earlier.Any(x => x.Outcome is null)),
                new DateIsNotInTheFuture("FiledOn", "Ngày khiếu nại", a.FiledOn, Today),
                new AppealAfterTheDecision(received, a.FiledOn),
                new AppealWithinTheWindow(_policy, received, a.FiledOn));
            var resolver = await LevelOnAsync(a.ResolvingOrgId, a.ResolvingBody, a.FiledOn, "ResolvingOrgId", ct);
            var lowerOrg = last is null ? d.DecidingOrgId : last.ResolvingOrgId;
            var lowerBody = last is null ? d.DecidingBody : last.ResolvingBody;
            var lower = await LevelOnAsync(lowerOrg, lowerBody, a.FiledOn, "ResolvingOrgId", ct);
            Rules.Check(new AppealGoesHigher(resolver.Path, a.ResolvingBody, lower.Path, lowerBody, lower.Name));
            var now = clock.GetUtcNow();
            var appeal = new DisciplineAppeal
            {
                ProvinceId = d.ProvinceId, DecisionId = d.Id, FiledOn = a.FiledOn, Content = string.IsNullOrWhiteSpace(a.Content) ? null : a.Content.Trim(),
                ResolvingOrgId = resolver.Org?.Id, ResolvingBody = a.ResolvingBody, DueOn = _policy.ResolutionDue(resolver.Level, a.FiledOn),
                FormBefore = d.Form, RecordedBy = actor, RecordedAt = now, UpdatedAt = now, Version = 1,
            };
            db.DisciplineAppeals.Add(appeal);
            await db.SaveChangesAsync(ct);
            return appeal;
        }, ct);

    /// <summary>Giải quyết khiếu nại: giữ nguyên, thay đổi or xóa bỏ, with what that does to the member.</summary>
    public Task<DisciplineAppeal> ResolveAppealAsync(int appealId, AppealResolution r, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var appeal = await db.DisciplineAppeals.SingleOrDefaultAsync(x => x.Id == appealId, ct);
            var d = appeal is null ? null : await db.DisciplineDecisions.SingleOrDefaultAsync(x => x.Id == appeal.DecisionId, ct);
            if (appeal is null || d is null || await InScopeAsync(d.MemberId, d.OrganizationId, ct) is null)
            {
                throw new NotFoundException($"Không có khiếu nại kỷ luật số {appealId} trong phạm vi của bạn.");
            }

            // Answered by the level the appeal went to: never by the level complained about, nor by one below it.
            RequireActs(await LevelOnAsync(appeal.ResolvingOrgId, appeal.ResolvingBody, appeal.FiledOn, "ResolvingOrgId", ct), d.ProvinceId, "Giải quyết khiếu nại kỷ luật");
            Concurrency.CheckVersion("Khiếu nại kỷ luật", r.Version, appeal.Version);
            Rules.Check(
                new AppealIsPending(appeal),
                new TextIsGiven("ResolutionNumber", "Số văn bản giải quyết", r.ResolutionNumber),
                new DateIsNotInTheFuture("ResolvedOn", "Ngày giải quyết", r.ResolvedOn, Today),
                new ResolvedAfterFiling(appeal.FiledOn, r.ResolvedOn),
                new NewFormFitsTheOutcome(r.Outcome, r.NewForm, d.Form),
                new DissolutionIsNotUndoneHere(d.Form, r.Outcome, r.NewForm));
            var resolver = await LevelOnAsync(appeal.ResolvingOrgId, appeal.ResolvingBody, r.ResolvedOn, "ResolvingOrgId", ct);
            // As the subject stood when decided: a member expelled that day is no longer in a period covering it.
            var subject = await SubjectOnAsync(d.MemberId, d.OrganizationId, d.DecidedOn, "DecidedOn", ct, d.SubjectPath);
            if (r.NewForm is { } newForm)
            {
                Rules.Check(
                    new FormFitsTheSubject(subject.Kind, subject.Probationary, newForm),
                    new LevelMayDecideTheForm(_policy, subject.Kind, resolver.Level, appeal.ResolvingBody, resolver.Name, newForm, "NewForm"),
                    new DismissalNamesThePost(newForm, d.Position));
            }

            var before = d.Form;
            appeal.Outcome = r.Outcome;
            appeal.NewForm = r.NewForm;
            appeal.ResolvedOn = r.ResolvedOn;
            appeal.ResolutionNumber = VietnameseText.Clean(r.ResolutionNumber);
            appeal.ResolutionReason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
            appeal.UpdatedAt = clock.GetUtcNow();
            appeal.Version++;
            if (r.Outcome == AppealOutcome.Changed)
            {
                d.Form = r.NewForm!.Value;
            }
            else if (r.Outcome == AppealOutcome.Annulled)
            {
                d.Annulled = true;
            }

            d.UpdatedAt = appeal.UpdatedAt;
            d.Version++;
            await db.SaveChangesAsync(ct);

            if (subject.Member is { } m)
            {
                var why = new Decision(appeal.ResolutionNumber, appeal.ResolutionReason, resolver.Name);
                var members = new MemberCommands(db, clock, actor);
                var lifted = before == DisciplineForm.Expulsion && r.Outcome != AppealOutcome.Upheld;
                if (lifted)
                {
                    m = await members.ReinstateAsync(m.Id, r.MemberVersion ?? m.Version, d.DecidedOn, r.ResolvedOn, why, ct);
                }

                var at = await db.MemberPeriods.AsNoTracking().Where(p => p.MemberId == m.Id && p.ValidFrom <= r.ResolvedOn)
                    .OrderByDescending(p => p.ValidFrom).FirstOrDefaultAsync(ct);
                var details = $"Khiếu nại quyết định số {d.DecisionNumber} ({DisciplineNames.Of(before)}): {DisciplineNames.Of(r.Outcome)}"
                    + (r.NewForm is { } f ? " → " + DisciplineNames.Of(f) : "");
                db.MemberEvents.Add(Event(m, MemberEventKind.DisciplineReviewed, r.ResolvedOn, at?.CellId ?? m.CellId, at?.CellPath ?? d.SubjectPath, why, details));
                await db.SaveChangesAsync(ct);
                if (r.NewForm == DisciplineForm.Expulsion)
                {
                    await members.ExpelAsync(m.Id, r.MemberVersion ?? m.Version, r.ResolvedOn, why, ct);
                }
            }

            return appeal;
        }, ct);

    private async Task DissolveAsync(Organization org, DecisionInput i, Decision why, CancellationToken ct)
    {
        if (i.MoveMembersToCellId is { } target)
        {
            var cell = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == target, ct);
            if (cell is null || !caller.Can(Operation.MembersWrite, Subtree.Of(cell)))
            {
                throw new RuleViolationException(nameof(DecisionInput.MoveMembersToCellId), $"Không có chi bộ số {target} trong phạm vi của bạn để chuyển đảng viên đến.");
            }

            var members = await db.MemberPeriods.AsNoTracking()
                .Where(p => p.CellId == org.Id && p.ValidTo == Dates.OpenEnd)
                .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { m.Id, m.Version })
                .ToListAsync(ct);
            var commands = new MemberCommands(db, clock, actor);
            var moveWhy = why with { Reason = $"Giải tán {org.Name}: chuyển sinh hoạt" };
            foreach (var m in members)
            {
                await commands.MoveCellAsync(m.Id, m.Version, target, i.DecidedOn, moveWhy, ct);
            }
        }

        await new OrganizationCommands(db, clock, actor).DissolveAsync(org.Id, i.SubjectVersion ?? org.Version, i.DecidedOn, why, ct);
    }

    private async Task<DisciplineDecision> LoadDecisionAsync(int id, CancellationToken ct) =>
        await db.DisciplineDecisions.SingleOrDefaultAsync(x => x.Id == id, ct) is { } d && await InScopeAsync(d.MemberId, d.OrganizationId, ct) is not null
            ? d
            : throw new NotFoundException($"Không có quyết định kỷ luật số {id} trong phạm vi của bạn.");

    /// <summary>Where the subject is now (the member's cell, or the organization), when that is in the caller's subtrees for Discipline.Write.</summary>
    private async Task<Organization?> InScopeAsync(int? memberId, int? orgId, CancellationToken ct)
    {
        var at = memberId is { } m
            ? await db.Members.AsNoTracking().Where(x => x.Id == m).Join(db.Organizations, x => x.CellId, o => o.Id, (x, o) => o).FirstOrDefaultAsync(ct)
            : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        return at is not null && caller.Can(Operation.DisciplineWrite, Subtree.Of(at)) ? at : null;
    }

    /// <summary>The subject's province, or "not found" when the subject is not in the caller's subtrees.</summary>
    private async Task<int> RequireSubjectAsync(int? memberId, int? orgId, CancellationToken ct) =>
        (await InScopeAsync(memberId, orgId, ct))?.ProvinceId
        ?? throw (memberId is { } m
            ? new NotFoundException($"Không có đảng viên mã số {m} trong phạm vi của bạn.")
            : new NotFoundException($"Không có tổ chức đảng số {orgId} trong phạm vi của bạn."));

    private void RequireActs(LevelThen level, int provinceId, string what) =>
        DisciplineActing.Require(caller, level.Org?.ProvinceId ?? provinceId, level.Org?.Path, what, level.Name);

    private MemberEvent Event(Member m, MemberEventKind kind, DateOnly date, int cellId, string cellPath, Decision why, string details) => new()
    {
        ProvinceId = m.ProvinceId, MemberId = m.Id, Kind = kind, Date = date, CellId = cellId, CellPath = cellPath, Details = details,
        DecisionNumber = why.Number, DecidedBy = why.Level, Reason = why.Reason, RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
    };

    /// <summary>A subject as it stood on a date: its path then, whether it was there, a member's probation.</summary>
    private sealed record SubjectThen(
        DisciplineSubject Kind, int ProvinceId, Member? Member, Organization? Organization, string Path, int? CellId, int Depth, bool Probationary);

    /// <param name="recorded">The path recorded with an earlier decision: the subject is then taken as it was, without checking it is still there.</param>
    private async Task<SubjectThen> SubjectOnAsync(int? memberId, int? orgId, DateOnly date, string field, CancellationToken ct, string? recorded = null)
    {
        if (memberId is { } id)
        {
            var m = await db.Members.SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {id}.");
            var period = await db.MemberPeriods.AsNoTracking()
                .Where(p => p.MemberId == id && p.ValidFrom <= date && p.ValidTo > date)
                .OrderByDescending(p => p.ValidFrom).FirstOrDefaultAsync(ct);
            var probationary = m.OfficialOn is not { } official || official > date;
            if (period is null && recorded is not null)
            {
                return new SubjectThen(DisciplineSubject.Member, m.ProvinceId, m, null, recorded, null, Subtree.Ids(recorded).Length - 1, probationary);
            }

            Rules.Check(new MemberWasInThePartyThen(m.FullName, date, period is not null, field));
            return new SubjectThen(DisciplineSubject.Member, m.ProvinceId, m, null, period!.CellPath, period.CellId, Subtree.Ids(period.CellPath).Length - 1, probationary);
        }

        var org = await db.Organizations.SingleOrDefaultAsync(x => x.Id == orgId, ct)
            ?? throw new RuleViolationException("OrganizationId", $"Không tìm thấy tổ chức đảng số {orgId}.");
        var path = await PathOnAsync(org.Id, date, ct) ?? recorded;
        Rules.Check(new OrganizationExistedThen(org, date, path is not null, field));
        return new SubjectThen(DisciplineSubject.Organization, org.ProvinceId, null, org, path!, null, Subtree.Ids(path!).Length - 1, false);
    }

    private sealed record LevelThen(Organization? Org, string? Path, int? Depth, DisciplineLevel Level, string Name);

    /// <summary>The deciding or inspecting level on a date: its organization's path then, its level, its name as written.</summary>
    private async Task<LevelThen> LevelOnAsync(int? orgId, DecidingBody body, DateOnly date, string field, CancellationToken ct)
    {
        if (body == DecidingBody.Central)
        {
            return new LevelThen(null, null, null, DisciplineLevel.Central, DisciplineNames.Level(body, null));
        }

        if (orgId is not { } id)
        {
            throw new RuleViolationException(field, "Cần chọn tổ chức đảng của cấp quyết định (hoặc chọn cấp Trung ương).");
        }

        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new RuleViolationException(field, $"Không tìm thấy tổ chức đảng số {id}.");
        var path = await PathOnAsync(org.Id, date, ct);
        Rules.Check(new OrganizationExistedThen(org, date, path is not null, field), new BodyBelongsToTheLevel(org, body, field));
        return new LevelThen(org, path, Subtree.Ids(path!).Length - 1, DisciplinePolicy.LevelOf(org.Kind, body), DisciplineNames.Level(body, org.Name));
    }

    private Task<string?> PathOnAsync(int orgId, DateOnly date, CancellationToken ct) =>
        db.OrganizationPeriods.AsNoTracking()
            .Where(p => p.OrganizationId == orgId && p.ValidFrom <= date && p.ValidTo > date)
            .Select(p => p.Path).FirstOrDefaultAsync(ct);
}
