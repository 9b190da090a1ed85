using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Admission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Admission;

/// <summary>Where an act of the procedure stands in a file.</summary>
public enum LineState
{
    Done,
    Next,
    Later,
    NotTaken,
}

/// <summary>One act of the procedure as the file shows it: when, with which document, by whom.</summary>
public sealed record StepLine(ProcedureAct Act, DateOnly? Date, string? Detail, string Who, LineState State);

/// <summary>
/// Hồ sơ kết nạp: every act of the procedure with its date, document and level; the introducers,
/// the cell's votes against the two-thirds rule; and the form of the next act only, for the level
/// that performs it (<see cref="AdmissionProcedure.LevelsOf"/>; the command checks that level itself).
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class CandidateModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    public int Id { get; private set; }
    public Candidate? Case { get; private set; }
    public CandidateChain Chain { get; private set; } = null!;
    public ChiBo.Members.ProfileView Profile { get; private set; } = null!;
    public bool ShowSensitive { get; private set; }
    public DateOnly Today { get; private set; }
    public ProcedureAct? Next { get; private set; }
    public IReadOnlySet<AdmissionLevel> Levels { get; private set; } = new HashSet<AdmissionLevel>();
    public IReadOnlyList<StepLine> Lines { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, DateOnly AdmittedOn)> Officials { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public int OfficialMembersToday { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public ChiBo.Members.Member? Member { get; private set; }

    /// <summary>The form that was posted and refused (its errors are shown inside it).</summary>
    public string? Posted { get; private set; }

    /// <summary>The act just recorded, from the redirect after a successful post.</summary>
    public ProcedureAct? Done { get; private set; }

    public bool CanActNext => Next is not null && Levels.Contains(Next.Level);

    public bool IsOpen => Case is { Step: <= CandidateStep.OnProbation };

    public bool CanStop => Case is { } f && IsOpen && Levels.Contains(AdmissionProcedure.StopLevel(f, Today));

    public bool Overdue => DueOn is { } due && due < Today && IsOpen;

    public DateOnly? CertificateExpires => Case?.CourseCertificateDate?.AddYears(AdmissionPolicy.CourseCertificateValidYears);

    public async Task<IActionResult> OnGetAsync(int id, string? da, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Done = AdmissionProcedure.Acts.FirstOrDefault(a => a.Key == da);
        await HttpContext.AuditReadAsync(nameof(Candidate), Case!.ProvinceId, Case.MemberId, Case.CellId);
        return Page();
    }

    public Task<IActionResult> OnPostCourseAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Course, ["CertificateNumber", "Date"], new() { ["CourseCertificateNumber"] = "CertificateNumber" }, async (a, c, f, v) =>
        {
            var (number, date) = (f.Text("CertificateNumber"), f.Date("Date", "Ngày cấp giấy chứng nhận"));
            return f.Valid ? await a.RecordCourseAsync(c.Id, v, number ?? "", date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostApplicationAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Application, ["ApplicationDate", "CvDate"], new() { ["Date"] = "ApplicationDate" }, async (a, c, f, v) =>
        {
            var (application, cv) = (f.Date("ApplicationDate", "Ngày làm đơn"), f.Date("CvDate", "Ngày khai lý lịch"));
            return f.Valid ? await a.RecordApplicationAsync(c.Id, v, application!.Value, cv!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostIntroductionAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Introduction, ["Kind", "Date", "Introducers", "ResolutionNumber"],
            new() { ["IntroductionKind"] = "Kind", ["IntroducerIds"] = "Introducers", ["KnownSince"] = "Introducers", ["UnionResolutionNumber"] = "ResolutionNumber" },
            async (a, c, f, v) =>
            {
                var kind = f.Choice<IntroductionKind>("Kind", "người giới thiệu");
                var date = f.Date("Date", "Ngày giới thiệu");
                var introducers = new List<Introducer>();
                if (kind == IntroductionKind.TwoMembers)
                {
                    foreach (var n in new[] { "1", "2" })
                    {
                        if (f.Int("Introducer" + n, "Người giới thiệu", required: false) is { } memberId)
                        {
                            var since = f.Date("KnownSince" + n, "Ngày bắt đầu cùng công tác");
                            introducers.Add(new Introducer(memberId, since ?? default));
                        }
                    }
                }

                return f.Valid ? await a.RecordIntroductionAsync(c.Id, v, new Introduction(kind!.Value, date!.Value, introducers, f.Text("ResolutionNumber")), ct) : null;
            }, ct);

    public Task<IActionResult> OnPostVerificationAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Verification, ["Date"], null, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày hoàn thành thẩm tra");
            return f.Valid ? await a.RecordVerificationAsync(c.Id, v, date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostConsentAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.ProvincialConsent, ["Number"], new() { ["ProvincialConsentNumber"] = "Number" }, async (a, c, f, v) =>
            await a.RecordProvincialConsentAsync(c.Id, v, f.Text("Number") ?? "", ct), ct);

    public Task<IActionResult> OnPostCellResolutionAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.CellResolution, ["Date", "VotesFor"], null, async (a, c, f, v) =>
        {
            var (date, votes) = (f.Date("Date", "Ngày nghị quyết"), f.Int("VotesFor", "Số đảng viên tán thành"));
            return f.Valid ? await a.RecordCellResolutionAsync(c.Id, v, new CellVote(date!.Value, votes!.Value), ct: ct) : null;
        }, ct);

    public Task<IActionResult> OnPostBaseCommitteeAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.BaseCommittee, ["Date", "Agreed", "Reason"], new() { ["StopReason"] = "Reason" }, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày họp đảng ủy");
            var agreed = f.Text("Agreed") switch
            {
                "yes" => true,
                "no" => (bool?)false,
                _ => null,
            };
            if (agreed is null)
            {
                ModelState.AddModelError("Agreed", "Chưa chọn đồng ý hay không đồng ý.");
            }

            return f.Valid ? await a.RecordBaseCommitteeOpinionAsync(c.Id, v, date!.Value, agreed!.Value, f.Text("Reason"), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Decision, ["Number", "Date"], new() { ["DecisionNumber"] = "Number" }, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày quyết định");
            return f.Valid ? await a.RecordDecisionAsync(c.Id, v, f.Text("Number") ?? "", date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostCeremonyAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.Ceremony, ["Date"], new() { ["AdmittedOn"] = "Date" }, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày tổ chức lễ kết nạp");
            return f.Valid ? await a.HoldCeremonyAsync(c.Id, v, date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostNewMemberCourseAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.NewMemberCourse, ["CertificateNumber", "Date"], new() { ["NewMemberCourseCertificateNumber"] = "CertificateNumber" }, async (a, c, f, v) =>
        {
            var (number, date) = (f.Text("CertificateNumber"), f.Date("Date", "Ngày cấp giấy chứng nhận"));
            return f.Valid ? await a.RecordNewMemberCourseAsync(c.Id, v, number ?? "", date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostRecognitionVoteAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.RecognitionVote, ["Date", "VotesFor"], new() { ["OfficialOn"] = "Date" }, async (a, c, f, v) =>
        {
            var (date, votes) = (f.Date("Date", "Ngày nghị quyết"), f.Int("VotesFor", "Số đảng viên tán thành"));
            return f.Valid ? await a.RecordRecognitionVoteAsync(c.Id, v, new CellVote(date!.Value, votes!.Value), ct) : null;
        }, ct);

    public Task<IActionResult> OnPostRecognitionDecisionAsync(int id, CancellationToken ct) =>
        ActAsync(id, AdmissionProcedure.RecognitionDecision, ["Number", "Date"], new() { ["RecognitionDecisionNumber"] = "Number" }, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày quyết định");
            return f.Valid ? await a.DecideRecognitionAsync(c.Id, v, f.Text("Number") ?? "", date!.Value, ct) : null;
        }, ct);

    public Task<IActionResult> OnPostStopAsync(int id, CancellationToken ct) =>
        ActAsync(id, null, ["Date", "Reason", "DecisionNumber"], new() { ["StopReason"] = "Reason" }, async (a, c, f, v) =>
        {
            var date = f.Date("Date", "Ngày");
            return f.Valid ? await a.StopAsync(c.Id, v, date!.Value, f.Text("Reason") ?? "", f.Text("DecisionNumber"), ct) : null;
        }, ct);

    /// <summary>
    /// The frame of every act: the file in the caller's scope, the form read, the command run (it
    /// refuses a caller who does not act at the act's level: 403); a refusal is shown next to its input.
    /// </summary>
    private async Task<IActionResult> ActAsync(
        int id, ProcedureAct? act, string[] inputs, Dictionary<string, string>? aliases,
        Func<AdmissionCommands, Candidate, PostedForm, int, Task<Candidate?>> run, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The command decides (403 below); asking the same question first answers a post from a level
        // that was never shown the form with 403 rather than with the form's missing fields.
        if (!Levels.Contains(act?.Level ?? AdmissionProcedure.StopLevel(Case!, Today)))
        {
            return Forbid();
        }

        Posted = act?.Key ?? "stop";
        var form = new PostedForm(Request.Form, ModelState);
        var version = form.Int("Version", "Phiên bản hồ sơ") ?? 0;
        try
        {
            var commands = new AdmissionCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor(), HttpContext.CccdPolicy());
            if (await run(commands, Case!, form, version) is not null)
            {
                return Redirect($"/ket-nap/{id}?da={Posted}");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (EditConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (RuleViolationException e)
        {
            ModelState.Show(e, inputs, aliases);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        Today = clock.Today();
        var row = await db.Candidates.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Organizations, c => c.CellId, o => o.Id, (c, o) => new { Candidate = c, Cell = o })
            .FirstOrDefaultAsync(ct);
        if (row is null || !await HttpContext.CanAsync(Operation.MembersRead, Subtree.Of(row.Cell)))
        {
            Case = null;
            return false;
        }

        var c = Case = row.Candidate;
        Chain = await CandidateChain.OfAsync(db, row.Cell, ct);
        var scope = await HttpContext.ScopeAsync();
        var sight = ChiBo.Members.MemberSight.On(scope, Subtree.Of(row.Cell));
        Profile = ChiBo.Members.ProfileView.Of(AdmissionCommands.ProfileOf(c), sight);
        ShowSensitive = sight.Sensitive;
        Levels = AdmissionProcedure.LevelsOf(scope, Chain);
        Next = AdmissionProcedure.Next(c, Today);
        DueOn = AdmissionPolicy.DueOn(c.Step, c.StepSince);
        OfficialMembersToday = await AdmissionQueries.OfficialMembersAsync(db, c.CellId, Today, ct);
        Officials = (await db.Members.AsNoTracking()
                .Where(m => m.CellId == c.CellId && m.Status == ChiBo.Members.MemberStatus.Official)
                .Select(m => new { m.Id, m.FullName, m.AdmittedOn }).ToListAsync(ct))
            .OrderBy(m => m.FullName, StringComparer.Create(VietnameseFormats.Culture, false))
            .Select(m => (m.Id, m.FullName, m.AdmittedOn)).ToList();
        int[] named = [c.Introducer1Id ?? 0, c.Introducer2Id ?? 0];
        Names = await db.Members.AsNoTracking().Where(m => named.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        Member = c.MemberId is { } memberId ? await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) : null;
        Lines = BuildLines(c);
        ViewData["Title"] = "Hồ sơ kết nạp – " + c.FullName;
        ViewData["ScopeOrg"] = row.Cell.Code;
        return true;
    }

    private List<StepLine> BuildLines(Candidate c)
    {
        var consentMatters = c.ProvincialConsentNumber is not null || AdmissionPolicy.NeedsProvincialConsent(c.BirthDate, c.CellResolutionDate ?? Today);
        var lines = new List<StepLine>();
        foreach (var act in AdmissionProcedure.Acts.Where(a => a != AdmissionProcedure.ProvincialConsent || consentMatters))
        {
            var (date, detail) = Of(c, act);
            var done = date is not null || (act == AdmissionProcedure.ProvincialConsent && c.ProvincialConsentNumber is not null);
            var state = done ? LineState.Done : act == Next ? LineState.Next : IsOpen ? LineState.Later : LineState.NotTaken;
            lines.Add(new StepLine(act, date, detail, AdmissionActors.Who(Chain, act.Level), state));
        }

        return lines;
    }

    private (DateOnly? Date, string? Detail) Of(Candidate c, ProcedureAct act)
    {
        string Name(int? id) => id is { } i && Names.TryGetValue(i, out var n) ? n : "?";
        string Votes(int? votes, int? of) => votes is { } v && of is { } o
            ? $"{v}/{o} đảng viên chính thức tán thành (cần ít nhất {AdmissionPolicy.VotesNeeded(o)})"
            : "";
        return act.Key switch
        {
            "nominate" => (c.NominatedOn, null),
            "course" => (c.CourseCertificateDate, c.CourseCertificateNumber is { } n ? $"Giấy chứng nhận số {n}, giá trị đến {VietnameseFormats.Date(CertificateExpires)}" : null),
            "application" => (c.CvDate is { } cv && c.ApplicationDate is { } ap ? (cv > ap ? cv : ap) : null,
                c.ApplicationDate is { } a ? $"Đơn ngày {VietnameseFormats.Date(a)}, lý lịch ngày {VietnameseFormats.Date(c.CvDate)}" : null),
            "introduction" => (c.IntroducedOn, c.IntroductionKind switch
            {
                IntroductionKind.TwoMembers => $"Đồng chí {Name(c.Introducer1Id)} và đồng chí {Name(c.Introducer2Id)} (3-KNĐ)",
                IntroductionKind.YouthUnion => $"Nghị quyết số {c.UnionResolutionNumber} của Ban Chấp hành Đoàn cơ sở (4-KNĐ)",
                IntroductionKind.TradeUnion => $"Nghị quyết số {c.UnionResolutionNumber} của Ban Chấp hành Công đoàn cơ sở (4-KNĐ)",
                _ => null,
            }),
            "verification" => (c.VerifiedOn, null),
            "consent" => (null, c.ProvincialConsentNumber is { } p ? $"Văn bản số {p}" : $"Người vào Đảng trên {AdmissionPolicy.MaximumAgeWithoutProvincialConsent} tuổi"),
            "cell-resolution" => (c.CellResolutionDate, Votes(c.CellVotesFor, c.CellOfficialMembers)),
            "base-committee" => (c.BaseCommitteeDate, c.BaseCommitteeDate is null ? null : c.Step == CandidateStep.Stopped ? $"Không đồng ý: {c.StopReason}" : "Đồng ý, đề nghị cấp ủy có thẩm quyền"),
            "decision" => (c.DecisionDate, c.DecisionNumber is { } d ? $"Quyết định số {d}" : null),
            "ceremony" => (c.CeremonyDate, c.CeremonyDate is { } cd ? $"Dự bị từ {VietnameseFormats.Date(cd)} đến {VietnameseFormats.Date(AdmissionPolicy.ProbationEnds(cd))}" : null),
            "new-member-course" => (c.NewMemberCourseDate, c.NewMemberCourseCertificateNumber is { } g ? $"Giấy chứng nhận số {g}" : null),
            "recognition-vote" => (c.RecognitionResolutionDate, Votes(c.RecognitionVotesFor, c.RecognitionOfficialMembers)),
            "recognition-decision" => (c.RecognitionDecisionDate, c.RecognitionDecisionNumber is { } r
                ? $"Quyết định số {r}; chính thức từ {VietnameseFormats.Date(Member?.OfficialOn)}"
                : null),
            _ => (null, null),
        };
    }
}
