using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Procedures;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Procedures;

/// <summary>What a member's form sends; each kind's form fills its own fields (plain text, parsed here in vi-VN terms).</summary>
public sealed class StartForm
{
    public ProcedureKind Kind { get; set; }
    public string? Reason { get; set; }
    public FeeGroup? FeeGroup { get; set; }
    public string? Basis { get; set; }

    /// <summary>"05/2026, 06/2026".</summary>
    public string? Months { get; set; }

    public string? ResidenceCell { get; set; }
    public string? ToCell { get; set; }
    public string? Until { get; set; }
    public CardLoss? CardLoss { get; set; }
    public string?[] Fields { get; set; } = [];
    public string?[] Values { get; set; } = [];
}

/// <summary>
/// Thủ tục trực tuyến: for a member, their requests with each step's state and a form per kind;
/// for a committee, what waits for its action in its subtrees and what is late there.
/// </summary>
[Requires(Operation.SignedIn)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : PageModel
{
    /// <summary>A member's requests shown with their steps (the most recent ones).</summary>
    public const int DetailedRequests = 10;

    public OrgScope Scope { get; private set; } = OrgScope.Anonymous;
    public DateOnly Today { get; private set; }
    public bool IsMember => Scope.MemberId is not null && Scope.Can(Operation.SelfRead);
    public bool CanAct => Scope.Can(Operation.ProceduresAct);
    public IReadOnlyList<ProcedureDetails> Mine { get; private set; } = [];
    public int MineTotal { get; private set; }
    public IReadOnlyList<ProcedureRow> Queue { get; private set; } = [];
    public IReadOnlyList<ProcedureRow> Overdue { get; private set; } = [];
    public string? Problem { get; private set; }
    public ProcedureKind? ProblemKind { get; private set; }

    /// <summary>"/thu-tuc?loai=correction" opens that kind's form (the record page's "request a correction" link).</summary>
    [BindProperty(SupportsGet = true, Name = "loai")]
    public ProcedureKind? Open { get; set; }

    /// <summary>The member's record as it stands, shown beside the correction form.</summary>
    public IReadOnlyList<(string Label, string? Value)> Record { get; private set; } = [];

    [BindProperty]
    public StartForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        Scope = await HttpContext.ScopeAsync();
        if (!IsMember)
        {
            return Forbid();
        }

        try
        {
            var r = await new ProcedureCommands(db, clock, Scope, HttpContext.Actor(), HttpContext.CccdPolicy()).StartAsync(ToStart(Form), ct);
            return Redirect("/thu-tuc/" + r.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (RuleViolationException e)
        {
            Problem = e.Message;
            ProblemKind = Form.Kind;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await HttpContext.ScopeAsync();
        Today = clock.Today();
        if (IsMember)
        {
            var rows = await ProcedureQueries.ForMemberAsync(db, Scope.MemberId!.Value, Today, ct);
            MineTotal = rows.Count;
            var details = new List<ProcedureDetails>();
            foreach (var row in rows.Take(DetailedRequests))
            {
                if (await ProcedureQueries.GetAsync(db, row.Id, Scope, Today, ct) is { } d)
                {
                    details.Add(d);
                }
            }

            Mine = details;
            var me = await db.Members.AsNoTracking().SingleAsync(m => m.Id == Scope.MemberId, ct);
            var profile = ChiBo.Members.MemberProfile.Of(me);
            Record = CorrectableFields.All.Select(f => (f.Label, f.Read(profile))).ToList();
        }

        if (CanAct)
        {
            Queue = await ProcedureQueries.QueueAsync(db, Scope, ChiBo.Organizations.Subtree.Everything, Today, ct);
            var home = await HttpContext.SubtreeAsync(Operation.ProceduresAct);
            Overdue = await ProcedureQueries.OverdueAsync(db, home, Today, ct);
        }

        ViewData["Title"] = "Thủ tục trực tuyến";
    }

    /// <summary>The form's words to the command's input; what cannot be read is refused naming the field.</summary>
    internal static ProcedureStart ToStart(StartForm f)
    {
        var months = new List<ChiBo.Procedures.FeeMonth>();
        foreach (var part in (f.Months ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact("01/" + part.Trim(), ["dd/MM/yyyy", "dd/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new RuleViolationException(nameof(ProcedureStart.Months), $"Tháng \"{part.Trim()}\" không hợp lệ: cần dạng MM/yyyy, ví dụ 05/2026.");
            }

            months.Add(new ChiBo.Procedures.FeeMonth(d.Year, d.Month));
        }

        long? basis = null;
        if (!string.IsNullOrWhiteSpace(f.Basis))
        {
            var digits = new string(f.Basis.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not ',').ToArray());
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                throw new RuleViolationException(nameof(ProcedureStart.Basis), $"Mức \"{f.Basis}\" không phải số tiền (đồng).");
            }

            basis = b;
        }

        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(f.Until))
        {
            until = CorrectableFields.ParseDate(f.Until)
                ?? throw new RuleViolationException(nameof(ProcedureStart.Until), $"Ngày \"{f.Until}\" không hợp lệ: cần dạng dd/MM/yyyy.");
        }

        var corrections = f.Fields.Select((field, i) => (field, value: i < f.Values.Length ? f.Values[i] : null))
            .Where(x => !string.IsNullOrWhiteSpace(x.field))
            .Select(x => new FieldCorrection(x.field!, x.value ?? ""))
            .ToList();
        return new ProcedureStart
        {
            Kind = f.Kind,
            Reason = f.Reason,
            FeeGroup = f.FeeGroup,
            Basis = basis,
            Months = months,
            ResidenceCell = f.ResidenceCell,
            ToCell = f.ToCell,
            Until = until,
            CardLoss = f.CardLoss,
            Corrections = corrections,
        };
    }
}
