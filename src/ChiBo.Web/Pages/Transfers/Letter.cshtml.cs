using System.Globalization;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Transfers;

/// <summary>
/// Giấy giới thiệu sinh hoạt đảng as a Party document (Hướng dẫn 36-HD/VPTW) on an A4 page: printed
/// from the browser (Chromium's "Lưu dưới dạng PDF" gives the PDF from the same print styles). For
/// a transfer to another province, the package that travels with the member is downloaded here.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class LetterModel(ChiBoDb db, PackageKeys keys) : PageModel
{
    public int Id { get; private set; }
    public TransferLetter? Letter { get; private set; }
    public PartyTransfer? Transfer { get; private set; }

    /// <summary>The base organization whose committee signs (the sending cell's TCCSĐ).</summary>
    public Organization? Issuer { get; private set; }

    /// <summary>The đảng bộ above the issuer, printed above its name.</summary>
    public Organization? Superior { get; private set; }

    public bool JustIssued { get; private set; }

    /// <summary>Whether the caller may download the package (the link is shown only then).</summary>
    public bool CanDownloadPackage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? da, CancellationToken ct)
    {
        JustIssued = da == "issued";
        if (!await LoadAsync(id, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>
    /// The package of a transfer to another province, signed, as the receiving province imports it:
    /// for callers who may see all it carries (<see cref="PackageNeedsSensitiveAndDisciplineRead"/>).
    /// </summary>
    public async Task<IActionResult> OnGetPackageAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Transfer is not { Scope: TransferScope.Outgoing, PackageJson: not null })
        {
            return NotFound();
        }

        string? json;
        try
        {
            json = await TransferQueries.PackageAsync(db, id, await HttpContext.ScopeAsync(), keys, ct);
        }
        catch (RuleViolationException)
        {
            return Forbid();
        }

        if (json is null)
        {
            return NotFound();
        }

        await HttpContext.AuditReadAsync("TransferPackage", Transfer.ProvinceId, Transfer.MemberId, Transfer.FromCellId);
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json",
            string.Create(CultureInfo.InvariantCulture, $"chuyen-sinh-hoat-{Transfer.MemberId}-{Transfer.LetterDate:yyyyMMdd}.json"));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Id = id;
        var t = await db.PartyTransfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return false;
        }

        int[] cellIds = [t.FromCellId, t.ToCellId ?? t.FromCellId];
        var cells = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).ToListAsync(ct);
        var visible = false;
        foreach (var cell in cells)
        {
            visible |= await HttpContext.CanAsync(Operation.MembersRead, Subtree.Of(cell));
        }

        if (!visible)
        {
            return false;
        }

        Transfer = t;
        var memberCell = await db.Members.Where(m => m.Id == t.MemberId).Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => o).FirstAsync(ct);
        CanDownloadPackage = !new PackageNeedsSensitiveAndDisciplineRead(ChiBo.Members.MemberSight.On(await HttpContext.ScopeAsync(), Subtree.Of(memberCell))).IsBroken();
        Letter = await TransferQueries.LetterAsync(db, id, await HttpContext.ScopeAsync(), ct);
        var chain = await CandidateChain.OfAsync(db, cells.First(c => c.Id == t.FromCellId), ct);
        Issuer = chain.Base ?? chain.Cell;
        Superior = chain.Base is null ? null : chain.Competent;
        await HttpContext.AuditReadAsync("TransferLetter", t.ProvinceId, t.MemberId, t.FromCellId);
        return true;
    }
}
