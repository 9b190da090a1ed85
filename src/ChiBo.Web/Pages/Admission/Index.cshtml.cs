using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Admission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Admission;

/// <summary>
/// Kết nạp đảng viên of a subtree: files at each step of the procedure, overdue ones, admissions of
/// the year against the year's target (set here by those who may write on the organization), and the
/// list of files with their current step.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    /// <summary>Beyond this many files the list asks to narrow by step or organization.</summary>
    public const int ListLimit = 300;

    public DateOnly Today { get; private set; }
    public AdmissionPipeline Pipeline { get; private set; } = null!;
    public IReadOnlyList<OverdueCandidate> Overdue { get; private set; } = [];
    public IReadOnlyList<CandidateRow> Rows { get; private set; } = [];
    public int RowCount { get; private set; }
    public CandidateStep? Step { get; private set; }
    public bool CanSetTarget { get; private set; }
    public bool CanNominate { get; private set; }
    public bool TargetSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? step, bool saved, CancellationToken ct)
    {
        TargetSaved = saved;
        return await LoadAsync(org, step, ct) ? Page() : Missing();
    }

    /// <summary>Chỉ tiêu kết nạp of the year for this organization.</summary>
    public async Task<IActionResult> OnPostTargetAsync(string? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, null, ct))
        {
            return NotFound();
        }

        if (!CanSetTarget)
        {
            return Forbid();
        }

        var form = new PostedForm(Request.Form, ModelState);
        if (form.Int("Target", "Chỉ tiêu kết nạp") is { } target && form.Valid)
        {
            try
            {
                await AdmissionQueries.SetTargetAsync(db, Org!.Id, Today.Year, target, ct);
                return Redirect($"/ket-nap?org={Uri.EscapeDataString(Code)}&saved=true");
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, ["Target"]);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IActionResult Missing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(string? org, string? step, CancellationToken ct)
    {
        Today = clock.Today();
        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return false;
        }
        if (Labels.TryParseApiName<CandidateStep>(step, out var s))
        {
            Step = s;
        }

        Pipeline = await AdmissionQueries.PipelineAsync(db, lookup, Today, ct);
        Overdue = await AdmissionQueries.OverdueAsync(db, lookup.Subtree, Today, ct);
        var rows = await AdmissionQueries.ListAsync(db, lookup.Subtree, Step, ct);
        RowCount = rows.Count;
        Rows = rows.Take(ListLimit).ToList();
        CanSetTarget = Org is not null && await HttpContext.CanAsync(Operation.MembersWrite, lookup.Subtree);
        if (Org is { } cell && cell.Kind.HoldsMembers())
        {
            var levels = AdmissionProcedure.LevelsOf(await HttpContext.ScopeAsync(), await CandidateChain.OfAsync(db, cell, ct));
            CanNominate = levels.Contains(AdmissionLevel.Cell);
        }

        await HttpContext.AuditReadAsync("CandidateList", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Kết nạp đảng viên – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
