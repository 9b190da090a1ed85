using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Transfers;

/// <summary>
/// Chuyển sinh hoạt đảng of a subtree: letters leaving it and arriving in it, those waiting past the
/// time limit flagged; the receiving cell confirms here (the member moves that day), the sending
/// cell may cancel a letter still waiting.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<TransferRow> Rows { get; private set; } = [];
    public IReadOnlySet<int> WritableCells { get; private set; } = new HashSet<int>();

    /// <summary>The transfer whose form was posted and refused.</summary>
    public int? Posted { get; private set; }

    public string? Done { get; private set; }

    public IEnumerable<TransferRow> Outgoing => Rows.Where(r => r.Outgoing);

    public IEnumerable<TransferRow> Incoming => Rows.Where(r => r.Incoming);

    public async Task<IActionResult> OnGetAsync(string? org, string? da, CancellationToken ct)
    {
        Done = da switch
        {
            "confirmed" => "Đã xác nhận đảng viên đến sinh hoạt.",
            "cancelled" => "Đã hủy giấy giới thiệu.",
            _ => null,
        };
        if (!await LoadAsync(org, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The receiving cell confirms that the member reported (on the date given).</summary>
    public Task<IActionResult> OnPostConfirmAsync(string? org, int transfer, CancellationToken ct) =>
        ActAsync(org, transfer, t => t.ToCellId, "confirmed", ["Date"], async (commands, f, version) =>
        {
            var date = f.Date("Date", "Ngày đảng viên đến sinh hoạt");
            return f.Valid && await commands.ConfirmAsync(transfer, version, date!.Value, ct) is not null;
        }, ct);

    /// <summary>The sending cell withdraws a letter the member did not use.</summary>
    public Task<IActionResult> OnPostCancelAsync(string? org, int transfer, CancellationToken ct) =>
        ActAsync(org, transfer, t => t.FromCellId, "cancelled", ["Date", "Reason"], async (commands, f, version) =>
        {
            var date = f.Date("Date", "Ngày hủy");
            return f.Valid && await commands.CancelAsync(transfer, version, date!.Value, f.Text("Reason") ?? "", ct) is not null;
        }, ct);

    private async Task<IActionResult> ActAsync(
        string? org, int transfer, Func<PartyTransfer, int?> cellOf, string done, string[] inputs,
        Func<TransferCommands, PostedForm, int, Task<bool>> run, CancellationToken ct)
    {
        var t = await db.PartyTransfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == transfer, ct);
        var cell = cellOf(t ?? new PartyTransfer { LetterNumber = "", RecordedBy = "" }) is { } id
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
        if (t is null || cell is null || !await HttpContext.CanAsync(Operation.MembersRead, Subtree.Of(cell)) || !await LoadAsync(org, ct))
        {
            return NotFound();
        }

        if (!await HttpContext.CanAsync(Operation.MembersWrite, Subtree.Of(cell)))
        {
            return Forbid();
        }

        Posted = transfer;
        var form = new PostedForm(Request.Form, ModelState);
        var version = form.Int("Version", "Phiên bản") ?? 0;
        try
        {
            if (await run(new TransferCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor(), HttpContext.CccdPolicy()), form, version))
            {
                return Redirect($"/chuyen-sinh-hoat?org={Uri.EscapeDataString(Code)}&da={done}");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
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
            ModelState.Show(e, inputs);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(org, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string? org, CancellationToken ct)
    {
        Today = clock.Today();
        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return false;
        }
        Rows = await TransferQueries.ListAsync(db, lookup.Subtree, Today, ct: ct);
        var ids = Rows.Select(r => r.FromCellId).Concat(Rows.Where(r => r.ToCellId != null).Select(r => r.ToCellId!.Value)).Distinct().ToList();
        var cells = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.ProvinceId, o.Path }).ToListAsync(ct);
        var scope = await HttpContext.ScopeAsync();
        WritableCells = cells.Where(c => scope.Can(Operation.MembersWrite, c.ProvinceId, c.Path)).Select(c => c.Id).ToHashSet();
        await HttpContext.AuditReadAsync("TransferList", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Chuyển sinh hoạt đảng – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
