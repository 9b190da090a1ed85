using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using ChiBo.Web.Meetings;
using ChiBo.Web.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// Bàn xếp loại of one organization and year: the round, the organization's own rating, its members
/// (a chi bộ) or the organizations it decides (a đảng bộ cơ sở, the level above), the live
/// distribution with the cap on HTXSNV, and publication. Every step is a <see cref="RatingCommands"/>
/// call with the caller's scope; the page shows a form to the level that takes the step and only
/// translates the answer: not found 404, another level's step 403, a rule 400 next to its field, a
/// stale version 409.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class DeskModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public DateOnly Today { get; private set; }
    public int Year { get; private set; }
    public RatingBoard? Board { get; private set; }
    public Place? Here { get; private set; }
    public IReadOnlyList<OrgCrumb> Crumbs { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The level that decides this organization's own rating (null: the province, rated by the centre).</summary>
    public Place? OwnDecider { get; private set; }

    /// <summary>The level that decides this chi bộ's members.</summary>
    public Place? MemberDecider { get; private set; }

    /// <summary>The caller holds the role of this organization itself: it proposes for itself and its members, decides those below it, publishes.</summary>
    public bool ActsHere { get; private set; }

    public bool DecidesMembers { get; private set; }
    public bool CorrectsMembers { get; private set; }
    public bool CorrectsOwn { get; private set; }

    /// <summary>The caller acts here or above: it may correct the results this organization decided.</summary>
    public bool CorrectsBelow { get; private set; }
    public bool ManagesRound { get; private set; }
    public bool MayOpenRound { get; private set; }

    /// <summary>Which form was posted and refused ("member-12-decision"…): its messages are shown inside it.</summary>
    public string? Posted { get; private set; }

    /// <summary>What was just done, from the redirect after a successful post.</summary>
    public string? Done { get; private set; }

    public bool RoundOpen => Board?.Round is { Status: nameof(RoundStatus.Open) };

    public RatingPolicy Policy => Board?.Round is { } r ? RatingPolicy.Named(r.PolicyVersion) ?? RatingPolicy.For(Year) : RatingPolicy.For(Year);

    public async Task<IActionResult> OnGetAsync(string? org, string? year, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, year, ct);
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync(org, year, "round-open", ["ReviewDate", "Deadline", "Note"], new() { ["Organization"] = "ReviewDate" }, async (c, f) =>
        {
            var (review, deadline) = (f.Date("ReviewDate", "Ngày chốt danh sách"), f.Date("Deadline", "Hạn hoàn thành"));
            if (!f.Valid)
            {
                return false;
            }

            await c.OpenRoundAsync(new RoundOpening(Org!.Id, Year, review!.Value, deadline!.Value, f.Text("Note")), ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostCloseAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync(org, year, "round-close", [], null, async (c, f) =>
        {
            var roundOrg = Board!.Round is { } r ? await OrgIdAsync(r.Org, ct) : Org!.Id;
            await c.CloseRoundAsync(roundOrg, Year, f.Int("Version", "Phiên bản") ?? 0, ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostProposeOwnAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync(org, year, "own-proposal", OutcomeInputs, null, async (c, f) =>
        {
            var (level, reason) = Outcome(f);
            var score = Score(f);
            if (!f.Valid)
            {
                return false;
            }

            await c.ProposeOrganizationAsync(Org!.Id, new ProposalInput(Year, Version(f), level, reason, score, f.Text("Note"), f.Text("SelfAssessment")), ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostProposeMemberAsync(string? org, string? year, int member, CancellationToken ct) =>
        ActAsync(org, year, $"member-{member}-proposal", OutcomeInputs, null, async (c, f) =>
        {
            var (level, reason) = Outcome(f);
            var score = Score(f);
            if (!f.Valid)
            {
                return false;
            }

            await c.ProposeMemberAsync(member, new ProposalInput(Year, Version(f), level, reason, score, f.Text("Note")), ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostDecideMemberAsync(string? org, string? year, int member, CancellationToken ct) =>
        ActAsync(org, year, $"member-{member}-decision", DecisionInputs, null, async (c, f) =>
        {
            var (level, reason) = Outcome(f);
            var (score, date) = (Score(f), f.Date("DecidedOn", "Ngày quyết định"));
            if (!f.Valid)
            {
                return false;
            }

            await c.DecideMemberAsync(member, new RatingDecision(Year, Version(f), level, reason, f.Text("DecisionNumber") ?? "", date!.Value, score, f.Text("Note")), ct);
            return true;
        }, ct);

    /// <summary>
    /// One decision for many members of the chi bộ (one number and date, a level each), all or nothing
    /// as <see cref="RatingCommands.DecideMembersAsync"/> takes it; a line's refusal is shown on its row.
    /// </summary>
    public Task<IActionResult> OnPostDecideMembersAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync(org, year, "batch-decision", ["DecisionNumber", "DecidedOn", "Lines"], null, async (c, f) =>
        {
            var date = f.Date("DecidedOn", "Ngày quyết định");
            var lines = new List<MemberDecisionLine>();
            foreach (var text in f.All("Member"))
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    var key = "Level-" + id.ToString(CultureInfo.InvariantCulture);
                    var (level, reason) = Outcome(f, key);
                    lines.Add(new MemberDecisionLine(id, f.Int("Version-" + id.ToString(CultureInfo.InvariantCulture), "Phiên bản", required: false) ?? 0, level, reason));
                }
            }

            if (!f.Valid)
            {
                return false;
            }

            await c.DecideMembersAsync(Org!.Id, Year, f.Text("DecisionNumber") ?? "", date!.Value, lines, ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostReturnMemberAsync(string? org, string? year, int member, CancellationToken ct) =>
        ActAsync(org, year, $"member-{member}-return", ["Reason"], null, async (c, f) =>
        {
            await c.ReturnMemberAsync(member, Year, Version(f), f.Text("Reason") ?? "", ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostCorrectMemberAsync(string? org, string? year, int member, CancellationToken ct) =>
        ActAsync(org, year, $"member-{member}-correction", CorrectionInputs, null, async (c, f) =>
        {
            var correction = Correction(f);
            if (correction is null)
            {
                return false;
            }

            await c.CorrectMemberAsync(member, correction, ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostDecideOrgAsync(string? org, string? year, string sub, CancellationToken ct) =>
        ActAsync(org, year, $"org-{sub}-decision", DecisionInputs, null, async (c, f) =>
        {
            var (level, reason) = Outcome(f);
            var (score, date) = (Score(f), f.Date("DecidedOn", "Ngày quyết định"));
            if (!f.Valid)
            {
                return false;
            }

            await c.DecideOrganizationAsync(await OrgIdAsync(sub, ct),
                new RatingDecision(Year, Version(f), level, reason, f.Text("DecisionNumber") ?? "", date!.Value, score, f.Text("Note")), ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostReturnOrgAsync(string? org, string? year, string sub, CancellationToken ct) =>
        ActAsync(org, year, $"org-{sub}-return", ["Reason"], null, async (c, f) =>
        {
            await c.ReturnOrganizationAsync(await OrgIdAsync(sub, ct), Year, Version(f), f.Text("Reason") ?? "", ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostCorrectOrgAsync(string? org, string? year, string sub, CancellationToken ct) =>
        ActAsync(org, year, $"org-{sub}-correction", CorrectionInputs, null, async (c, f) =>
        {
            var correction = Correction(f);
            if (correction is null)
            {
                return false;
            }

            await c.CorrectOrganizationAsync(await OrgIdAsync(sub, ct), correction, ct);
            return true;
        }, ct);

    public Task<IActionResult> OnPostPublishAsync(string? org, string? year, CancellationToken ct) =>
        ActAsync(org, year, "publish", ["PublishedOn"], new() { ["Organization"] = "PublishedOn" }, async (c, f) =>
        {
            var date = f.Date("PublishedOn", "Ngày công khai");
            if (!f.Valid)
            {
                return false;
            }

            Published = await c.PublishAsync(Org!.Id, Year, date!.Value, ct);
            return true;
        }, ct);

    /// <summary>Why a step was refused as another level's (403).</summary>
    public string? Refusal { get; private set; }

    /// <summary>How many results the last publication made known (shown after the redirect).</summary>
    public int? Published { get; private set; }

    private static readonly string[] OutcomeInputs = ["Level", "Score", "Note", "SelfAssessment"];
    private static readonly string[] DecisionInputs = ["Level", "Score", "Note", "DecisionNumber", "DecidedOn"];
    private static readonly string[] CorrectionInputs = ["Level", "Score", "DecisionNumber", "DecidedOn", "Reason"];

    /// <summary>The rules name a level or a reason; the form has one choice for both.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["NotRated"] = "Level", ["Text"] = "SelfAssessment", ["MemberId"] = "Level", ["Criteria"] = "Level",
    };

    /// <summary>
    /// The frame of every step: the desk loaded in the caller's scope, the form read, the command run
    /// as the caller; its refusal is shown next to the input it is about, with the status it means.
    /// </summary>
    private async Task<IActionResult> ActAsync(
        string? org, string? year, string posted, string[] inputs, Dictionary<string, string>? aliases,
        Func<RatingCommands, PostedForm, Task<bool>> run, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ct))
        {
            return Page();
        }

        Posted = posted;
        var names = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        foreach (var (k, v) in aliases ?? [])
        {
            names[k] = v;
        }

        var form = new PostedForm(Request.Form, ModelState);
        var scope = await HttpContext.ScopeAsync();
        try
        {
            if (await run(new RatingCommands(db, clock, scope, HttpContext.Actor()), form))
            {
                var done = posted[(posted.LastIndexOf('-') + 1)..];
                var published = Published is { } n ? "&cong-khai=" + n.ToString(CultureInfo.InvariantCulture) : "";
                return Redirect($"{Link(Code, Year)}&da={done}{published}#{Anchor(posted)}");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RatingNotFoundException e)
        {
            (Error, Board, Response.StatusCode) = (e.Message, null, StatusCodes.Status404NotFound);
            return Page();
        }
        catch (RatingForbiddenException e)
        {
            // The step is another level's: its form is usually not on this caller's page, so the reason is also said on top.
            Refusal = e.Message;
            ModelState.AddModelError(inputs.Contains(names.GetValueOrDefault(e.Field) ?? e.Field) ? names.GetValueOrDefault(e.Field) ?? e.Field : string.Empty, e.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (EditConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message + " Trang đã được tải lại với dữ liệu mới nhất.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (BatchLineViolation e)
        {
            // Nothing of the decision was written; the line is named on its row and above the form.
            var message = e.Message.Contains(e.MemberName, StringComparison.Ordinal) ? e.Message : $"{e.MemberName}: {e.Message}";
            ModelState.AddModelError(LineKey(e.MemberId), message);
            ModelState.AddModelError(string.Empty, "Chưa ghi quyết định cho đảng viên nào. " + message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RuleViolationException e)
        {
            ModelState.Show(e, inputs, names);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        db.ChangeTracker.Clear();
        await LoadAsync(org, year, ct);
        return Page();
    }

    /// <summary>Where a form sits on the page, so that the answer scrolls back to it.</summary>
    public static string Anchor(string posted) =>
        posted.StartsWith("member-", StringComparison.Ordinal) ? "dv-" + posted.Split('-')[1]
        : posted.StartsWith("org-", StringComparison.Ordinal) ? "tc-" + posted[4..posted.LastIndexOf('-')]
        : posted.StartsWith("round", StringComparison.Ordinal) ? "dot"
        : posted == "publish" ? "cong-khai"
        : posted == "batch-decision" ? "quyet-dinh-chung"
        : "tu-danh-gia";

    public int? JustPublished => int.TryParse(Request.Query["cong-khai"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private async Task<bool> LoadAsync(string? org, string? year, CancellationToken ct)
    {
        Today = clock.Today();
        if (await FindSubtreeAsync(db, org, Operation.RatingsRead) is not { } lookup)
        {
            return false;
        }

        if (Org is not { } o)
        {
            Error = "Hãy chọn một đảng bộ tỉnh để xem đánh giá, xếp loại.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var rounds = await RatingQueries.RoundsAsync(db, lookup, null, ct);
        Years = rounds.Select(r => r.Year).Distinct().OrderDescending().ToList();
        if (string.IsNullOrWhiteSpace(year))
        {
            // The most recent round in or over this organization; without one, this year's review.
            Year = Years.Count > 0 ? Years[0] : Today.Year;
        }
        else if (CellLifeWeb.Year(year, Today) is { } y)
        {
            Year = y;
        }
        else
        {
            Error = $"Năm \"{year}\" không hợp lệ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        Board = await RatingQueries.BoardAsync(db, scope, o, Year, ct);
        var review = Board.Round?.ReviewDate ?? new DateOnly(Year, 12, 31);
        Here = await RatingLevels.OnAsync(db, o.Id, review, ct) ?? new Place(o, o.Name, o.Kind, o.Path);
        var ancestors = await RatingLevels.AncestorsAsync(db, o.ProvinceId, Here.Path, review, ct);
        Crumbs = await OrgTree.AncestorsAsync(db, await HttpContext.SubtreeAsync(Operation.RatingsRead), o, ct);

        ActsHere = RatingLevels.ActsAs(scope, o);
        var chain = ancestors.Append(Here).ToList();
        bool ActsAtOrAbove(Place? level) => level is not null && chain.TakeWhile(p => p.Org.Id != level.Org.Id).Append(level).Any(p => RatingLevels.ActsAs(scope, p.Org));
        OwnDecider = RatingLevels.DeciderOfOrganization(Here, ancestors);
        CorrectsOwn = ActsAtOrAbove(OwnDecider);
        CorrectsBelow = ActsAtOrAbove(Here);
        if (Here.Kind.HoldsMembers())
        {
            MemberDecider = RatingLevels.DeciderOfMember(Here, ancestors);
            DecidesMembers = MemberDecider is not null && RatingLevels.ActsAs(scope, MemberDecider.Org);
            CorrectsMembers = ActsAtOrAbove(MemberDecider);
        }

        var roundOrg = Board.Round is { } round ? chain.FirstOrDefault(p => p.Org.Code == round.Org) : null;
        ManagesRound = roundOrg is not null && RatingLevels.ActsAs(scope, roundOrg.Org);
        MayOpenRound = Board.Round is null && ActsHere && Here.Kind is OrgKind.Province or OrgKind.SuperiorToBase;
        await HttpContext.AuditReadAsync("RatingBoard", o.ProvinceId, null, o.Id);
        ViewData["Title"] = $"Xếp loại năm {Year.ToString(CultureInfo.InvariantCulture)} – {Here.Name}";
        ViewData["ScopeOrg"] = Code;
        return true;
    }

    private async Task<int> OrgIdAsync(string code, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(x => x.Code == code).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
        ?? throw new RatingNotFoundException($"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn.");

    private static int Version(PostedForm f) => f.Int("Version", "Phiên bản", required: false) ?? 0;

    /// <summary>The one choice of the form: a level code (HTTNV) or "kxl:" and a reason's key.</summary>
    private (RatingLevel? Level, NotRatedReason? Reason) Outcome(PostedForm f, string input = "Level")
    {
        var text = f.Text(input);
        if (text is null)
        {
            return (null, null); // the command says that one is needed, next to the field
        }

        if (text.StartsWith(NotRatedPrefix, StringComparison.Ordinal))
        {
            if (RatingNames.ParseReason(text[NotRatedPrefix.Length..]) is { } reason)
            {
                return (null, reason);
            }
        }
        else if (RatingNames.ParseCode(text) is { } level)
        {
            return (level, null);
        }

        ModelState.AddModelError(input, $"Mức xếp loại \"{text}\" không hợp lệ.");
        return (null, null);
    }

    public const string NotRatedPrefix = "kxl:";

    /// <summary>Where a line of the decision on many members shows its refusal.</summary>
    public static string LineKey(int memberId) => "Line-" + memberId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A score as written in Vietnamese (85,5) or with a point.</summary>
    private decimal? Score(PostedForm f)
    {
        var text = f.Text("Score");
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score))
        {
            return score;
        }

        ModelState.AddModelError("Score", $"Điểm \"{text}\" không phải là số.");
        return null;
    }

    private RatingCorrection? Correction(PostedForm f)
    {
        var (level, reason) = Outcome(f);
        var (score, date) = (Score(f), f.Date("DecidedOn", "Ngày quyết định"));
        return f.Valid
            ? new RatingCorrection(Year, Version(f), level, reason, f.Text("DecisionNumber") ?? "", date!.Value, f.Text("Reason") ?? "", score, f.Text("Note"))
            : null;
    }

    public static string Link(string code, int year) =>
        "/xep-loai?org=" + Uri.EscapeDataString(code) + "&year=" + year.ToString(CultureInfo.InvariantCulture);
}
