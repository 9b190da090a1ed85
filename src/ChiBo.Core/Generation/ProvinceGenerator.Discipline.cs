using System.Globalization;
using ChiBo.Discipline;
using ChiBo.Members;
using ChiBo.Organizations;

namespace ChiBo.Generation;

public sealed partial class ProvinceGenerator
{
    /// <summary>A member's one stretch in a cell, as written: what discipline may be decided on, and when.</summary>
    private sealed record Span(int MemberId, Node Cell, DateOnly From, DateOnly To, DateOnly? OfficialOn, MemberEventKind? Left);

    private readonly List<Span> _spans = [];

    // The shape of the demo discipline history: plausible proportions, not statistics from the seeds.
    private const double CellDecides = 0.45;
    private const double BaseDecides = 0.30;
    private const double DecisionsAfterInspection = 0.45;
    private const double DecisionsAppealed = 0.04;
    private const double AppealsChangingTheForm = 0.2;
    private const double ExtraDecisionsAnnulled = 0.01;
    private const double SupervisionsPerDecision = 0.35;

    private static readonly string[] MemberViolations =
    [
        "Vi phạm quy định về những điều đảng viên không được làm",
        "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao, gây hậu quả",
        "Vi phạm nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
        "Vi phạm quy định về quản lý, sử dụng tài chính, tài sản công",
        "Vi phạm trong quản lý đất đai, trật tự xây dựng",
        "Vi phạm chính sách dân số và kế hoạch hóa gia đình",
        "Không gương mẫu, vi phạm quy định nơi cư trú",
        "Vi phạm quy định về kê khai tài sản, thu nhập",
    ];

    private static readonly string[] ExpulsionViolations =
    [
        "Vi phạm pháp luật, bị kết án hình sự",
        "Lợi dụng chức vụ, quyền hạn trong khi thi hành công vụ",
        "Tham nhũng, chiếm đoạt tài sản",
        "Tổ chức đánh bạc, vi phạm pháp luật nghiêm trọng",
        "Suy thoái về tư tưởng chính trị, đạo đức, lối sống",
    ];

    private static readonly string[] OrganizationViolations =
    [
        "Buông lỏng lãnh đạo, chỉ đạo, để đảng viên vi phạm kéo dài",
        "Vi phạm nguyên tắc tập trung dân chủ trong lãnh đạo",
        "Thiếu kiểm tra, giám sát để xảy ra sai phạm trong quản lý đất đai",
        "Vi phạm quy định về quản lý tài chính đảng",
        "Không thực hiện đúng chế độ sinh hoạt đảng",
    ];

    private static readonly string[] Posts = ["Chi ủy viên", "Phó Bí thư chi bộ", "Bí thư chi bộ", "Ủy viên Ban Chấp hành Đảng bộ"];

    /// <summary>
    /// Discipline history for each period: exactly its <c>disciplinedMembers</c> and
    /// <c>disciplinedOrganizations</c> (as the movements report counts them: decision date in the
    /// period, not annulled). Every expelled member of the period gets the khai trừ decision behind
    /// the leaving; the rest are khiển trách, cảnh cáo and cách chức of members in the Party that
    /// day (dự bị members only the first two), some after an inspection, a few appealed (some
    /// changed to a lighter form); a few extra decisions annulled on appeal, which are not counted;
    /// organizations get khiển trách or cảnh cáo from the level above the base (no giải tán: the tree
    /// must keep its counts). Supervision cases without a decision fill in the rest of the work.
    /// A random stream of its own keeps the rest of the province as it was.
    /// </summary>
    private void BuildDiscipline()
    {
        var windows = profile.Periods.OrderBy(p => p.From).ToList();
        if (windows.All(w => w["disciplinedMembers"] == 0 && w["disciplinedOrganizations"] == 0))
        {
            return;
        }

        var random = new Random(seed ^ 0xD15C);
        var state = new DisciplineState(ids.MemberEvent + _result.MemberEvents.Count, ids.InspectionCase, ids.DisciplineDecision, ids.DisciplineAppeal);
        var expelledEvents = _result.MemberEvents.Where(e => e.Kind == MemberEventKind.Expelled).ToDictionary(e => e.MemberId);
        var active = _spans.Where(s => s.Left != MemberEventKind.Expelled).ToList();
        var subjects = _result.Organizations.Where(o => o.Kind is OrgKind.BaseCommittee or OrgKind.BaseCell or OrgKind.Cell or OrgKind.SectionCommittee
            && Above(_nodes[o.Id]).Any(a => a.Org.Kind is OrgKind.SuperiorToBase or OrgKind.Province)).ToList();
        foreach (var w in windows)
        {
            var expelled = _spans.Where(s => s.Left == MemberEventKind.Expelled && s.To >= w.From && s.To <= w.To).ToList();
            foreach (var s in expelled)
            {
                var (org, body) = Superior(s.Cell, random, expulsion: true);
                var d = MemberDecision(state, random, s, s.To, DisciplineForm.Expulsion, org, body, inspected: true);
                var e = expelledEvents[s.MemberId];
                e.DecisionNumber = d.DecisionNumber;
                e.DecidedBy = DisciplineNames.Level(body, org.Name);
                e.Reason = d.Reason;
            }

            var others = w["disciplinedMembers"] - expelled.Count;
            var extra = (int)Math.Round(others * ExtraDecisionsAnnulled);
            for (var j = 0; j < others + extra; j++)
            {
                var (span, date) = ActiveOn(active, w, random);
                var probationary = span.OfficialOn is not { } o || o > date;
                var roll = random.NextDouble();
                var form = j >= others ? DisciplineForm.Reprimand
                    : probationary ? (roll < 0.65 ? DisciplineForm.Reprimand : DisciplineForm.Warning)
                    : roll < 0.55 ? DisciplineForm.Reprimand : roll < 0.90 ? DisciplineForm.Warning : DisciplineForm.Dismissal;
                var (org, body) = Decider(span.Cell, form, random);
                var d = MemberDecision(state, random, span, date, form, org, body, inspected: random.NextDouble() < DecisionsAfterInspection);
                if (j >= others)
                {
                    Appeal(state, random, d, span, AppealOutcome.Annulled);
                }
                else if (random.NextDouble() < DecisionsAppealed)
                {
                    var change = random.NextDouble() < AppealsChangingTheForm && form != DisciplineForm.Reprimand;
                    Appeal(state, random, d, span, change ? AppealOutcome.Changed : AppealOutcome.Upheld);
                }
            }

            for (var j = 0; j < w["disciplinedOrganizations"]; j++)
            {
                OrganizationDecision(state, random, subjects, w);
            }

            var supervisions = (int)Math.Round((w["disciplinedMembers"] + w["disciplinedOrganizations"]) * SupervisionsPerDecision);
            for (var j = 0; j < supervisions; j++)
            {
                var (span, date) = ActiveOn(active, w, random);
                var (org, body) = Superior(span.Cell, random, expulsion: false);
                AddCase(state, random, DisciplineSubject.Member, span.MemberId, null, span.Cell.Org.Path, org, body,
                    random.NextDouble() < 0.6 ? InspectionKind.ThematicSupervision : InspectionKind.Accusation, date,
                    random.NextDouble() < 0.7 ? CaseConclusion.NoViolation : CaseConclusion.ViolationNoDiscipline);
            }
        }
    }

    private sealed class DisciplineState(long eventId, int caseId, int decisionId, int appealId)
    {
        public long EventId = eventId;
        public int CaseId = caseId;
        public int DecisionId = decisionId;
        public int AppealId = appealId;
    }

    /// <summary>A member in the Party on a random day of the window (at most 200 tries, then the first one found).</summary>
    private static (Span Span, DateOnly Date) ActiveOn(List<Span> spans, HistoryPeriod w, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var date = w.From.AddDays(random.Next(w.To.DayNumber - w.From.DayNumber + 1));
            var s = spans[random.Next(spans.Count)];
            if (s.From <= date && date < s.To)
            {
                return (s, date);
            }

            if (attempt > 200)
            {
                var found = spans.FirstOrDefault(x => x.From <= date && date < x.To)
                    ?? throw new ProfileException(Field(w, "disciplinedMembers"), "không có đảng viên nào sinh hoạt trong kỳ để thi hành kỷ luật.");
                return (found, date);
            }
        }
    }

    private IEnumerable<Node> Above(Node node)
    {
        for (var id = node.Org.ParentId; id is { } p; id = _nodes[p].Org.ParentId)
        {
            yield return _nodes[p];
        }
    }

    /// <summary>The level directly above the base (or the province when the TCCSĐ sits under it), by its inspection commission or standing committee.</summary>
    private (Organization Org, DecidingBody Body) Superior(Node node, Random random, bool expulsion)
    {
        var superior = Above(node).FirstOrDefault(a => a.Org.Kind == OrgKind.SuperiorToBase) ?? Above(node).Last();
        if (expulsion && random.NextDouble() < 0.15)
        {
            superior = Above(node).Last();
        }

        return (superior.Org, random.NextDouble() < 0.65 ? DecidingBody.InspectionCommission : DecidingBody.StandingCommittee);
    }

    /// <summary>Who decides a form on a member of this cell, within the Charter's powers (<see cref="DisciplinePolicy.FormsDecidedBy"/>).</summary>
    private (Organization Org, DecidingBody Body) Decider(Node cell, DisciplineForm form, Random random)
    {
        var baseCommittee = Above(cell).FirstOrDefault(a => a.Org.Kind == OrgKind.BaseCommittee);
        var roll = random.NextDouble();
        if (form == DisciplineForm.Dismissal)
        {
            return baseCommittee is not null && roll < 0.6
                ? (baseCommittee.Org, random.NextDouble() < 0.5 ? DecidingBody.Committee : DecidingBody.StandingCommittee)
                : Superior(cell, random, expulsion: false);
        }

        if (roll < CellDecides)
        {
            return (cell.Org, DecidingBody.Cell);
        }

        if (roll < CellDecides + BaseDecides && baseCommittee is not null)
        {
            var body = random.NextDouble() switch { < 0.4 => DecidingBody.StandingCommittee, < 0.7 => DecidingBody.Committee, _ => DecidingBody.InspectionCommission };
            return (baseCommittee.Org, body);
        }

        return Superior(cell, random, expulsion: false);
    }

    private static string Number(Random random, DecidingBody body, Organization org) =>
        (1 + random.Next(499)).ToString(CultureInfo.InvariantCulture) + body switch
        {
            DecidingBody.Cell => "-QĐ/CB",
            DecidingBody.InspectionCommission => org.Kind == OrgKind.Province ? "-QĐ/UBKTTU" : "-QĐ/UBKTĐU",
            _ => org.Kind == OrgKind.Province ? "-QĐ/TU" : "-QĐ/ĐU",
        };

    private DisciplineDecision MemberDecision(
        DisciplineState state, Random random, Span span, DateOnly date, DisciplineForm form, Organization org, DecidingBody body, bool inspected)
    {
        int? caseId = null;
        if (inspected)
        {
            var (inspector, inspectorBody) = body == DecidingBody.Cell ? (org, DecidingBody.Cell) : (org, body == DecidingBody.InspectionCommission ? body : DecidingBody.InspectionCommission);
            if (!DisciplinePolicy.BodiesOf(inspector.Kind).Contains(inspectorBody))
            {
                inspectorBody = DisciplinePolicy.BodiesOf(inspector.Kind)[0];
            }

            caseId = AddCase(state, random, DisciplineSubject.Member, span.MemberId, null, span.Cell.Org.Path, inspector, inspectorBody,
                InspectionKind.ViolationSigns, date, CaseConclusion.DisciplineWarranted, decidedOn: date).Id;
        }

        var reason = form == DisciplineForm.Expulsion ? ExpulsionViolations[random.Next(ExpulsionViolations.Length)] : MemberViolations[random.Next(MemberViolations.Length)];
        var at = Stamp(date);
        var d = new DisciplineDecision
        {
            Id = state.DecisionId++, ProvinceId = _result.Province.Id, Subject = DisciplineSubject.Member, MemberId = span.MemberId,
            SubjectPath = span.Cell.Org.Path, CellId = span.Cell.Org.Id, CaseId = caseId, Form = form, OriginalForm = form,
            Position = form == DisciplineForm.Dismissal ? Posts[random.Next(Posts.Length)] : null,
            DecisionNumber = Number(random, body, org), DecidedOn = date, ReceivedOn = date.AddDays(random.Next(0, 4)),
            DecidingOrgId = org.Id, DecidingBody = body, Reason = reason, ViolationOn = date.AddDays(-random.Next(20, 400)),
            RecordedBy = RecordedBy, RecordedAt = at, UpdatedAt = at, Version = 1,
        };
        if (d.ReceivedOn > profile.AsOf)
        {
            d.ReceivedOn = date;
        }

        _result.DisciplineDecisions.Add(d);
        if (form != DisciplineForm.Expulsion)
        {
            AddEvent(state, span, MemberEventKind.Disciplined, date, d.DecisionNumber, DisciplineNames.Level(body, org.Name), reason,
                "Hình thức: " + DisciplineNames.Of(form) + (d.Position is { } p ? " (chức vụ: " + p + ")" : ""));
        }

        return d;
    }

    /// <summary>An appeal to the level above the decider; answered (when its answer falls by the as-of date) as asked.</summary>
    private void Appeal(DisciplineState state, Random random, DisciplineDecision d, Span span, AppealOutcome outcome)
    {
        var filed = d.ReceivedOn.AddDays(random.Next(3, 26));
        if (filed > profile.AsOf)
        {
            if (outcome == AppealOutcome.Annulled)
            {
                filed = d.ReceivedOn; // an extra decision must be annulled to stay out of the counts
            }
            else
            {
                return;
            }
        }

        var decider = _nodes[d.DecidingOrgId!.Value];
        var (resolver, body, level) = decider.Org.Kind switch
        {
            OrgKind.Province => ((Organization?)null, DecidingBody.Central, DisciplineLevel.Central),
            OrgKind.SuperiorToBase => (Above(decider).Last().Org, DecidingBody.InspectionCommission, DisciplineLevel.Province),
            _ => (Superior(decider, random, expulsion: false).Org, DecidingBody.InspectionCommission, DisciplineLevel.Superior),
        };
        if (resolver?.Kind == OrgKind.Province)
        {
            level = DisciplineLevel.Province;
        }

        var due = DisciplinePolicy.Default.ResolutionDue(level, filed);
        var resolved = filed.AddDays(random.Next(10, 50));
        if (resolved > profile.AsOf)
        {
            resolved = outcome == AppealOutcome.Annulled ? filed : DateOnly.MaxValue;
        }

        var answered = resolved != DateOnly.MaxValue;
        var newForm = outcome == AppealOutcome.Changed ? (DisciplineForm?)(d.Form == DisciplineForm.Dismissal ? DisciplineForm.Warning : DisciplineForm.Reprimand) : null;
        var at = Stamp(answered ? resolved : filed);
        var a = new DisciplineAppeal
        {
            Id = state.AppealId++, ProvinceId = d.ProvinceId, DecisionId = d.Id, FiledOn = filed, Content = "Đề nghị xem xét lại hình thức kỷ luật",
            ResolvingOrgId = resolver?.Id, ResolvingBody = body, DueOn = due, FormBefore = d.Form,
            Outcome = answered ? outcome : null, NewForm = answered ? newForm : null, ResolvedOn = answered ? resolved : null,
            ResolutionNumber = answered ? (1 + random.Next(299)).ToString(CultureInfo.InvariantCulture) + (resolver is null ? "-QĐ/UBKTTW" : "-QĐ/UBKT") : null,
            ResolutionReason = answered ? outcome switch
            {
                AppealOutcome.Upheld => "Quyết định kỷ luật đúng người, đúng vi phạm",
                AppealOutcome.Changed => "Hình thức kỷ luật nặng hơn mức độ vi phạm",
                _ => "Vi phạm chưa đến mức phải kỷ luật",
            } : null,
            RecordedBy = RecordedBy, RecordedAt = Stamp(filed), UpdatedAt = at, Version = answered ? 2 : 1,
        };
        _result.DisciplineAppeals.Add(a);
        if (!answered)
        {
            return;
        }

        if (newForm is { } f)
        {
            d.Form = f;
        }

        d.Annulled = outcome == AppealOutcome.Annulled;
        d.Version = 2;
        d.UpdatedAt = at;
        AddEvent(state, span, MemberEventKind.DisciplineReviewed, resolved, a.ResolutionNumber!, DisciplineNames.Level(body, resolver?.Name), a.ResolutionReason,
            $"Khiếu nại quyết định số {d.DecisionNumber} ({DisciplineNames.Of(a.FormBefore)}): {DisciplineNames.Of(outcome)}" + (newForm is { } nf ? " → " + DisciplineNames.Of(nf) : ""));
    }

    private void OrganizationDecision(DisciplineState state, Random random, List<Organization> subjects, HistoryPeriod w)
    {
        Organization org;
        DateOnly date;
        var attempt = 0;
        do
        {
            if (subjects.Count == 0 || attempt++ > 500)
            {
                throw new ProfileException(Field(w, "disciplinedOrganizations"), "không có tổ chức đảng nào dưới cấp trên cơ sở để thi hành kỷ luật trong kỳ.");
            }

            org = subjects[random.Next(subjects.Count)];
            date = w.From.AddDays(random.Next(w.To.DayNumber - w.From.DayNumber + 1));
        }
        while (org.FoundedOn > date);

        var decider = Above(_nodes[org.Id]).First(a => a.Org.Kind is OrgKind.SuperiorToBase or OrgKind.Province).Org;
        var body = random.NextDouble() switch { < 0.4 => DecidingBody.StandingCommittee, < 0.6 => DecidingBody.Committee, _ => DecidingBody.InspectionCommission };
        var form = random.NextDouble() < 0.7 ? DisciplineForm.Reprimand : DisciplineForm.Warning;
        int? caseId = null;
        if (random.NextDouble() < 0.6)
        {
            caseId = AddCase(state, random, DisciplineSubject.Organization, null, org.Id, org.Path, decider, DecidingBody.InspectionCommission,
                random.NextDouble() < 0.7 ? InspectionKind.ViolationSigns : InspectionKind.DisciplineWork, date, CaseConclusion.DisciplineWarranted, decidedOn: date).Id;
        }

        var at = Stamp(date);
        _result.DisciplineDecisions.Add(new DisciplineDecision
        {
            Id = state.DecisionId++, ProvinceId = _result.Province.Id, Subject = DisciplineSubject.Organization, OrganizationId = org.Id,
            SubjectPath = org.Path, CaseId = caseId, Form = form, OriginalForm = form, DecisionNumber = Number(random, body, decider),
            DecidedOn = date, ReceivedOn = date, DecidingOrgId = decider.Id, DecidingBody = body,
            Reason = OrganizationViolations[random.Next(OrganizationViolations.Length)], ViolationOn = date.AddDays(-random.Next(30, 500)),
            RecordedBy = RecordedBy, RecordedAt = at, UpdatedAt = at, Version = 1,
        });
    }

    /// <summary>
    /// A case: opened some weeks before <paramref name="around"/>; concluded a little before the
    /// decision when one follows (<paramref name="decidedOn"/>), else near that day — or still open
    /// when that falls after the as-of date.
    /// </summary>
    private InspectionCase AddCase(
        DisciplineState state, Random random, DisciplineSubject subject, int? memberId, int? orgId, string path, Organization inspector,
        DecidingBody body, InspectionKind kind, DateOnly around, CaseConclusion conclusion, DateOnly? decidedOn = null)
    {
        var opened = around.AddDays(-random.Next(25, 120));
        var concluded = decidedOn is { } d ? d.AddDays(-random.Next(1, 15)) : around.AddDays(random.Next(0, 60));
        if (concluded < opened)
        {
            concluded = opened;
        }

        var open = concluded > profile.AsOf;
        var at = Stamp(opened);
        var c = new InspectionCase
        {
            Id = state.CaseId++, ProvinceId = _result.Province.Id, Kind = kind, Subject = subject, MemberId = memberId, OrganizationId = orgId,
            SubjectPath = path, InspectingOrgId = inspector.Id, InspectingBody = body,
            DecisionNumber = (1 + random.Next(499)).ToString(CultureInfo.InvariantCulture) + (body == DecidingBody.Cell ? "-QĐ/CB" : "-QĐ/UBKT"),
            OpenedOn = opened, DueOn = opened.AddDays(60), Content = DisciplineNames.Of(kind),
            ConcludedOn = open ? null : concluded, Conclusion = open ? null : conclusion,
            Findings = open ? null : DisciplineNames.Of(conclusion),
            RecordedBy = RecordedBy, RecordedAt = at, UpdatedAt = open ? at : Stamp(concluded), Version = open ? 1 : 2,
        };
        _result.InspectionCases.Add(c);
        return c;
    }

    private void AddEvent(DisciplineState state, Span span, MemberEventKind kind, DateOnly date, string number, string decidedBy, string? reason, string details) =>
        _result.MemberEvents.Add(new MemberEvent
        {
            Id = state.EventId++, ProvinceId = _result.Province.Id, MemberId = span.MemberId, Kind = kind, Date = date,
            CellId = span.Cell.Org.Id, CellPath = span.Cell.Org.Path, Details = details, DecisionNumber = number, DecidedBy = decidedBy,
            Reason = reason, RecordedBy = RecordedBy, RecordedAt = Stamp(date),
        });

    private static DateTimeOffset Stamp(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
