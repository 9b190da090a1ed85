using System.Globalization;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Members;
using ChiBo.Notifications;
using ChiBo.Organizations;
using ChiBo.Text;
using ChiBo.Transfers;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Procedures;

/// <summary>An approval: the version read, the acting committee's comment, and on the last step the number it records.</summary>
public sealed record ProcedureDecision(int Version, string? Comment = null, string? Number = null);

/// <summary>
/// The life of a request, one transaction per command: the member starts or withdraws it; the
/// committee that holds the step's role over the step's organization approves or rejects it. Each
/// transition leaves an event (who, when, what, comment), inbox lines for the member and for the
/// committee that must act next, and — on the last approval — the effect through the feature that
/// owns it (<see cref="FeeLedger"/>, <see cref="TransferCommands"/>, <see cref="MemberCommands"/>).
/// Every row written is audited by the interceptor in the same transaction.
/// </summary>
public sealed class ProcedureCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, CccdPolicy? cccd = null)
{
    private const string What = "Hồ sơ thủ tục";
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public DateOnly Today => clock.Today();

    /// <summary>The signed-in member starts a request about themselves.</summary>
    public Task<ProcedureRequest> StartAsync(ProcedureStart start, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            if (caller.MemberId is not { } memberId)
            {
                throw new RuleViolationException("MemberId", "Tài khoản của bạn chưa gắn với hồ sơ đảng viên nên không gửi được hồ sơ thủ tục.");
            }

            if (!Enum.IsDefined(start.Kind))
            {
                throw new RuleViolationException(nameof(ProcedureStart.Kind), "Loại thủ tục không hợp lệ.");
            }

            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == memberId, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {memberId}.");
            var reason = CleanText(start.Reason);
            Rules.Check(new MemberIsActive(m), new TextFits(nameof(ProcedureStart.Reason), "Lý do", reason, 1000));
            if (start.Kind != ProcedureKind.FeePayment)
            {
                var group = ProcedurePolicy.Group(start.Kind);
                var kinds = Enum.GetValues<ProcedureKind>().Where(k => ProcedurePolicy.Group(k) == group).ToList();
                var other = await db.ProcedureRequests
                    .Where(r => r.MemberId == m.Id && r.Status == ProcedureStatus.InProgress && kinds.Contains(r.Kind))
                    .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
                Rules.Check(new NoOtherRequestInProgress(start.Kind, other));
            }

            var cell = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == m.CellId, ct);
            var (payload, residence) = await PayloadAsync(start with { Reason = reason }, m, cell, ct);
            var plan = await ProcedureRouting.PlanAsync(db, ProcedurePolicy.Of(start.Kind), cell, residence, ct);
            var now = clock.GetUtcNow();
            var r = new ProcedureRequest
            {
                ProvinceId = m.ProvinceId,
                MemberId = m.Id,
                Kind = start.Kind,
                Status = ProcedureStatus.InProgress,
                SubmittedOn = Today,
                SubmittedAt = now,
                SubmittedBy = actor,
                Reason = reason,
                Payload = payload.ToJson(),
                Plan = PlannedStep.ToJson(plan),
                UpdatedAt = now,
                Version = 1,
            };
            db.ProcedureRequests.Add(r);
            await db.SaveChangesAsync(ct); // the id goes into the inbox links

            AddEvent(r, ProcedureAction.Submitted, null, reason);
            Inbox.ToMember(db, r.ProvinceId, r.MemberId,
                $"Đã gửi hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}); hồ sơ chuyển đến {plan[0].OrganizationName}.", Link(r), now);
            await EnterStepAsync(r, plan, 0, m.FullName, ct);
            await db.SaveChangesAsync(ct);
            return r;
        }, ct);

    /// <summary>The committee of the waiting step approves; on the last step the request takes effect.</summary>
    public Task<ProcedureRequest> ApproveAsync(int id, ProcedureDecision decision, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (r, plan, step) = await LoadForStepAsync(id, decision.Version, "chấp thuận", ct);
            var definition = ProcedurePolicy.Of(r.Kind);
            var last = r.StepIndex == plan.Count - 1;
            var comment = CleanText(decision.Comment);
            var number = Clean(decision.Number);
            Rules.Check(new TextFits("Comment", "Ý kiến, nhận xét", comment, 4000), new TextFits("Number", "Số văn bản", number, 100));
            if (step.CommentRequired)
            {
                Rules.Check(new TextIsGiven("Comment", "Nội dung nhận xét", comment));
            }

            if (last && definition.Number is { Required: true } required)
            {
                Rules.Check(new TextIsGiven("Number", required.Label, number));
            }

            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == r.MemberId, ct);
            AddEvent(r, ProcedureAction.Approved, step, comment, r.StepIndex);
            Touch(r);
            var now = clock.GetUtcNow();
            if (last)
            {
                r.Outcome = await TakeEffectAsync(r, step, member, comment, number, ct);
                Close(r, ProcedureStatus.Completed);
                AddEvent(r, ProcedureAction.Completed, null, r.Outcome);
                Inbox.ToMember(db, r.ProvinceId, r.MemberId, $"Hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}) đã hoàn thành: {r.Outcome}", Link(r), now);
            }
            else
            {
                var next = plan[r.StepIndex!.Value + 1];
                Inbox.ToMember(db, r.ProvinceId, r.MemberId,
                    $"Hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}): {step.OrganizationName} đã chấp thuận; hồ sơ chuyển đến {next.OrganizationName}.", Link(r), now);
                await EnterStepAsync(r, plan, r.StepIndex!.Value + 1, member.FullName, ct);
            }

            await db.SaveChangesAsync(ct);
            return r;
        }, ct);

    /// <summary>The committee of the waiting step refuses, with a reason: the request ends.</summary>
    public Task<ProcedureRequest> RejectAsync(int id, int version, string? reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var (r, _, step) = await LoadForStepAsync(id, version, "từ chối", ct);
            var why = CleanText(reason);
            Rules.Check(new TextIsGiven("Reason", "Lý do từ chối", why), new TextFits("Reason", "Lý do từ chối", why, 1000));
            AddEvent(r, ProcedureAction.Rejected, step, why, r.StepIndex);
            r.Outcome = $"{step.OrganizationName} từ chối ở bước \"{step.Name}\": {why}";
            Close(r, ProcedureStatus.Rejected);
            Touch(r);
            Inbox.ToMember(db, r.ProvinceId, r.MemberId,
                $"Hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}) bị từ chối: {why}", Link(r), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return r;
        }, ct);

    /// <summary>The member takes the request back while it waits; the committee that was to act is told.</summary>
    public Task<ProcedureRequest> WithdrawAsync(int id, int version, string? reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var r = await db.ProcedureRequests.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (r is null || caller.MemberId is null || r.MemberId != caller.MemberId)
            {
                throw new ProcedureNotFoundException(id);
            }

            Concurrency.CheckVersion($"Hồ sơ thủ tục số {Id(r)}", version, r.Version);
            Rules.Check(new RequestIsInProgress(r, "rút"));
            var why = CleanText(reason);
            Rules.Check(new TextFits("Reason", "Lý do", why, 1000));
            var plan = PlannedStep.Parse(r.Plan);
            var step = plan[r.StepIndex!.Value];
            var (orgId, path, role) = (r.StepOrganizationId!.Value, r.StepOrgPath!, r.StepRole!.Value);
            AddEvent(r, ProcedureAction.Withdrawn, step, why, r.StepIndex);
            r.Outcome = why is null ? "Đảng viên rút hồ sơ." : $"Đảng viên rút hồ sơ: {why}";
            Close(r, ProcedureStatus.Withdrawn);
            Touch(r);
            var now = clock.GetUtcNow();
            var name = await db.Members.Where(m => m.Id == r.MemberId).Select(m => m.FullName).SingleAsync(ct);
            Inbox.ToCommittee(db, r.ProvinceId, orgId, path, role,
                $"Đồng chí {name} đã rút hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}) đang chờ bước \"{step.Name}\".", Link(r), now);
            Inbox.ToMember(db, r.ProvinceId, r.MemberId, $"Bạn đã rút hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}).", Link(r), now);
            await db.SaveChangesAsync(ct);
            return r;
        }, ct);

    /// <summary>
    /// The request as the acting committee reaches it: not found outside the caller's subtrees
    /// (neither the member's cell nor the step's organization in them), a conflict on a stale
    /// version, refused when the caller does not hold the step's role over its organization.
    /// </summary>
    private async Task<(ProcedureRequest Request, IReadOnlyList<PlannedStep> Plan, PlannedStep Step)> LoadForStepAsync(
        int id, int version, string action, CancellationToken ct)
    {
        var r = await db.ProcedureRequests.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new ProcedureNotFoundException(id);
        var cellPath = await db.Members.Where(m => m.Id == r.MemberId)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o.Path).SingleAsync(ct);
        var inScope = caller.Can(Operation.ProceduresAct, new Subtree(r.ProvinceId, cellPath))
                      || (r.StepOrgPath is { } p && caller.Can(Operation.ProceduresAct, new Subtree(r.ProvinceId, p)));
        if (!inScope)
        {
            throw new ProcedureNotFoundException(id);
        }

        Concurrency.CheckVersion($"Hồ sơ thủ tục số {Id(r)}", version, r.Version);
        Rules.Check(new RequestIsInProgress(r, action));
        var plan = PlannedStep.Parse(r.Plan);
        var step = plan[r.StepIndex!.Value];
        if (!ProcedureAccess.HoldsStepRole(caller, r))
        {
            throw new ProcedureForbiddenException(ProcedureAccess.WrongActor(step));
        }

        if (ProcedureAccess.IsOwnRequest(caller, r))
        {
            throw new ProcedureForbiddenException(ProcedureAccess.OwnRequest);
        }

        return (r, plan, step);
    }

    /// <summary>The request arrives at a step: its organization, role and time limit, and a line in that committee's inbox.</summary>
    private async Task EnterStepAsync(ProcedureRequest r, IReadOnlyList<PlannedStep> plan, int index, string memberName, CancellationToken ct)
    {
        var step = plan[index];
        var path = await db.Organizations.Where(o => o.Id == step.OrganizationId).Select(o => o.Path).SingleAsync(ct);
        r.StepIndex = index;
        r.StepRole = step.Role;
        r.StepOrganizationId = step.OrganizationId;
        r.StepOrgPath = path;
        r.StepStartedOn = Today;
        r.StepDueOn = ProcedurePolicy.DueOn(Today, step.WorkingDays);
        Inbox.ToCommittee(db, r.ProvinceId, step.OrganizationId, path, step.Role,
            $"Hồ sơ số {Id(r)} ({ProcedureNames.Of(r.Kind)}) của đồng chí {memberName} chờ: {step.Name}. Hạn xử lý: {Rules.Date(r.StepDueOn.Value)}.",
            Link(r), clock.GetUtcNow());
    }

    /// <summary>What the last approval does, through the feature that owns it; returns the outcome in words.</summary>
    private async Task<string> TakeEffectAsync(ProcedureRequest r, PlannedStep step, Member member, string? comment, string? number, CancellationToken ct)
    {
        var payload = ProcedurePayload.Parse(r.Payload);
        var now = clock.GetUtcNow();
        switch (r.Kind)
        {
            case ProcedureKind.FeePayment:
            {
                var months = payload.Months ?? [];
                foreach (var month in months)
                {
                    await FeeLedger.RecordAsync(db, clock, actor,
                        new FeePaymentInput(r.MemberId, month.Year, month.Month, payload.FeeGroup!.Value, payload.Basis ?? 0, r.SubmittedOn, Online: true), ct);
                }

                var list = string.Join(", ", months.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Month:00}/{x.Year}")));
                return $"Đã ghi nhận đảng phí {months.Count.ToString(CultureInfo.InvariantCulture)} tháng ({list}), tổng {Money(payload.Total ?? 0)}, nộp trực tuyến ngày {Rules.Date(r.SubmittedOn)}.";
            }

            case ProcedureKind.ResidenceComment:
            {
                var cell = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == member.CellId, ct);
                Inbox.ToCommittee(db, r.ProvinceId, cell.Id, cell.Path, Role.CellCommittee,
                    $"{step.OrganizationName} đã gửi nhận xét về đồng chí {member.FullName} (hồ sơ số {Id(r)}).", Link(r), now);
                return $"Nhận xét của {step.OrganizationName}: {comment}";
            }

            case ProcedureKind.OfficialTransfer or ProcedureKind.TemporaryTransfer:
            {
                var kind = r.Kind == ProcedureKind.OfficialTransfer ? TransferKind.Official : TransferKind.Temporary;
                var t = await new TransferCommands(db, clock, caller, actor, cccd).IssueAsync(
                    new TransferIssue(r.MemberId, kind, payload.ToCellId!.Value, number!, Today, payload.Until), ct);
                r.TransferId = t.Id;
                var to = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == t.ToCellId, ct);
                var by = TransferPolicy.ConfirmBy(t.LetterDate);
                Inbox.ToCommittee(db, r.ProvinceId, to.Id, to.Path, Role.CellCommittee,
                    $"Đồng chí {member.FullName} được giới thiệu chuyển sinh hoạt đảng {TransferNames.Of(kind).ToLower(Vi)} đến {to.Name} (giấy giới thiệu số {t.LetterNumber}); xác nhận khi đảng viên đến báo cáo, hạn {Rules.Date(by)}.",
                    Link(r), now);
                return $"Đã cấp giấy giới thiệu số {t.LetterNumber} ngày {Rules.Date(t.LetterDate)} đến {to.Name}; chi bộ nơi đến xác nhận trước ngày {Rules.Date(by)}.";
            }

            case ProcedureKind.CardReissue:
            {
                await new MemberCommands(db, clock, actor).ReissueCardAsync(r.MemberId, member.Version, number!, Today,
                    new Decision(null, $"Cấp lại thẻ đảng viên ({ProcedureNames.Of(payload.CardLoss ?? CardLoss.Lost).ToLower(Vi)}), hồ sơ thủ tục số {Id(r)}"), ct);
                return $"Đã cấp lại thẻ đảng viên số {number}.";
            }

            case ProcedureKind.Correction:
            {
                var corrections = payload.Corrections ?? [];
                var corrected = MemberProfile.Of(member);
                foreach (var c in corrections)
                {
                    corrected = CorrectableFields.Find(c.Field)?.Apply(corrected, c.After)
                        ?? throw new RuleViolationException(nameof(ProcedureStart.Corrections), $"{c.Label}: giá trị \"{c.After}\" không còn hợp lệ.");
                }

                await new MemberCommands(db, clock, actor).CorrectFieldsAsync(member.Id, member.Version, corrected,
                    new Decision(number, $"Đính chính theo đề nghị của đảng viên, hồ sơ thủ tục số {Id(r)}"), ct);
                var fields = string.Join(", ", corrections.Select(c => c.Label.ToLower(Vi)));
                return number is null ? $"Đã đính chính {fields}." : $"Đã đính chính {fields} theo văn bản số {number}.";
            }

            default:
                throw new InvalidOperationException($"Unknown procedure {r.Kind}.");
        }
    }

    /// <summary>Checks what the member asked for and completes it (cells resolved, amounts computed from <see cref="FeePolicy"/>).</summary>
    private async Task<(ProcedurePayload Payload, Organization? Residence)> PayloadAsync(ProcedureStart start, Member m, Organization cell, CancellationToken ct)
    {
        switch (start.Kind)
        {
            case ProcedureKind.FeePayment:
                return (await FeePayloadAsync(start, m, ct), null);

            case ProcedureKind.ResidenceComment:
            {
                var residence = await FindCellAsync(start.ResidenceCell, ct);
                Rules.Check(new CellCodeIsKnown(nameof(ProcedureStart.ResidenceCell), "chi bộ nơi cư trú", start.ResidenceCell, residence, m.ProvinceId));
                Rules.Check(new ResidenceCellIsElsewhere(cell.Id, residence!.Id));
                return (new ProcedurePayload { ResidenceCellId = residence.Id, ResidenceCellName = residence.Name }, residence);
            }

            case ProcedureKind.OfficialTransfer or ProcedureKind.TemporaryTransfer:
            {
                var kind = start.Kind == ProcedureKind.OfficialTransfer ? TransferKind.Official : TransferKind.Temporary;
                var to = await FindCellAsync(start.ToCell, ct);
                var pending = await db.PartyTransfers.Where(t => t.MemberId == m.Id && t.Status == TransferStatus.Issued)
                    .Select(t => t.LetterNumber).FirstOrDefaultAsync(ct);
                Rules.Check(
                    new TextIsGiven(nameof(ProcedureStart.Reason), "Lý do chuyển sinh hoạt đảng", start.Reason),
                    new CellCodeIsKnown(nameof(ProcedureStart.ToCell), "chi bộ nơi đến", start.ToCell, to, m.ProvinceId));
                Rules.Check(
                    new CellIsDifferent(m.CellId, to!.Id),
                    new NoOtherPendingTransfer(m.FullName, pending),
                    new TemporaryTransferHasAnEnd(kind, Today, start.Until));
                return (new ProcedurePayload
                {
                    ToCellId = to.Id, ToCellName = to.Name, Until = kind == TransferKind.Temporary ? start.Until : null,
                }, null);
            }

            case ProcedureKind.CardReissue:
                Rules.Check(new CardLossIsGiven(start.CardLoss));
                return (new ProcedurePayload { CardLoss = start.CardLoss, OldCardNumber = m.PartyCardNumber }, null);

            case ProcedureKind.Correction:
                return (await CorrectionPayloadAsync(start, m, ct), null);

            default:
                throw new RuleViolationException(nameof(ProcedureStart.Kind), "Loại thủ tục không hợp lệ.");
        }
    }

    private async Task<ProcedurePayload> FeePayloadAsync(ProcedureStart start, Member m, CancellationToken ct)
    {
        var months = (start.Months ?? []).OrderBy(x => x.Year).ThenBy(x => x.Month).ToList();
        Rules.Check(new FeeGroupIsGiven(start.FeeGroup), new FeeMonthsAreGiven(months.Count, months.Distinct().Count()));
        var group = start.FeeGroup!.Value;
        var basis = FeePolicy.UsesBasis(group) ? start.Basis ?? 0 : 0;
        Rules.Check(new BasisIsGiven(group, basis));
        foreach (var x in months)
        {
            Rules.Check(new MonthIsValid(x.Year, x.Month, Today), new FeeMonthNotBeforeAdmission(x, m.AdmittedOn));
        }

        var years = months.Select(x => x.Year).Distinct().ToList();
        var paid = (await db.FeePayments.Where(p => p.MemberId == m.Id && years.Contains(p.Year))
            .Select(p => new { p.Year, p.Month }).ToListAsync(ct)).Select(p => new FeeMonth(p.Year, p.Month)).ToHashSet();
        var pending = await db.ProcedureRequests
            .Where(r => r.MemberId == m.Id && r.Kind == ProcedureKind.FeePayment && r.Status == ProcedureStatus.InProgress)
            .Select(r => new { r.Id, r.Payload }).ToListAsync(ct);
        var declared = pending.SelectMany(r => (ProcedurePayload.Parse(r.Payload).Months ?? []).Select(x => (Month: new FeeMonth(x.Year, x.Month), r.Id)))
            .ToDictionary(x => x.Month, x => x.Id);
        foreach (var x in months)
        {
            Rules.Check(new MonthIsPaidOnce(x.Year, x.Month, paid.Contains(x)), new FeeMonthNotDeclaredTwice(x, declared.TryGetValue(x, out var other) ? other : null));
        }

        var amount = FeePolicy.Amount(group, basis);
        return new ProcedurePayload
        {
            FeeGroup = group,
            Basis = basis,
            Months = months.Select(x => new FeeMonthAmount(x.Year, x.Month, amount)).ToList(),
            Total = amount * months.Count,
        };
    }

    private async Task<ProcedurePayload> CorrectionPayloadAsync(ProcedureStart start, Member m, CancellationToken ct)
    {
        var asked = start.Corrections ?? [];
        Rules.Check(
            new CorrectionsAreGiven(asked.Count),
            new CorrectionFieldsAreDistinct(asked.Count, asked.Select(c => c.Field?.Trim().ToLowerInvariant()).Distinct().Count()));
        var before = MemberProfile.Of(m);
        var after = before;
        var proposed = new List<ProposedCorrection>();
        foreach (var c in asked)
        {
            var field = CorrectableFields.Find(c.Field);
            Rules.Check(new CorrectionFieldIsKnown(c.Field, field));
            var changed = field!.Apply(after, c.Value ?? "");
            Rules.Check(new CorrectionValueIsValid(field, c.Value, changed is not null));
            var (was, willBe) = (field.Read(before), field.Read(changed!));
            Rules.Check(new CorrectionChangesTheValue(field, was, willBe));
            after = changed!;
            proposed.Add(new ProposedCorrection(field.Name, field.Label, was, willBe ?? "(trống)", field.Sensitive));
        }

        Rules.Check(MemberRules.ForProfile(after.Cleaned()));
        if (after.Cleaned().Cccd is { } number && number != before.Cccd)
        {
            await new CccdRegister(db, clock, caller, cccd).RequireFreeAsync(number, m.ProvinceId, "Đề nghị đính chính hồ sơ đảng viên", exceptMember: m.Id, candidates: false, ct: ct);
        }

        return new ProcedurePayload { Corrections = proposed };
    }

    private async Task<Organization?> FindCellAsync(string? code, CancellationToken ct)
    {
        var c = code?.Trim();
        return string.IsNullOrEmpty(c) ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == c, ct);
    }

    private void AddEvent(ProcedureRequest r, ProcedureAction action, PlannedStep? step, string? comment, int? stepIndex = null) =>
        db.ProcedureEvents.Add(new ProcedureEvent
        {
            ProvinceId = r.ProvinceId,
            RequestId = r.Id,
            MemberId = r.MemberId,
            Action = action,
            StepIndex = stepIndex,
            StepName = step?.Name,
            At = clock.GetUtcNow(),
            Actor = actor,
            Comment = comment,
        });

    private void Close(ProcedureRequest r, ProcedureStatus status)
    {
        r.Status = status;
        r.ClosedOn = Today;
        r.StepIndex = null;
        r.StepRole = null;
        r.StepOrganizationId = null;
        r.StepOrgPath = null;
        r.StepStartedOn = null;
        r.StepDueOn = null;
    }

    private void Touch(ProcedureRequest r)
    {
        r.Version++;
        r.UpdatedAt = clock.GetUtcNow();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Clean(s);

    /// <summary>A comment or reason: NFC, each line cleaned, paragraphs kept (a residence comment runs to several lines).</summary>
    private static string? CleanText(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var lines = s.ReplaceLineEndings("\n").Split('\n').Select(VietnameseText.Clean).ToList();
        var kept = lines.Where((l, i) => l.Length > 0 || (i > 0 && lines[i - 1].Length > 0));
        return string.Join('\n', kept).Trim('\n');
    }

    private static string Id(ProcedureRequest r) => r.Id.ToString(CultureInfo.InvariantCulture);

    internal static string Link(ProcedureRequest r) => "/thu-tuc/" + Id(r);

    internal static string Money(long amount) => amount.ToString("#,0", Vi) + " đ";
}
