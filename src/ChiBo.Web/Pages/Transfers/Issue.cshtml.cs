using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Transfers;

/// <summary>A cell the letter may send the member to, with what it belongs to (names repeat across communes).</summary>
public sealed record CellChoice(int Id, string Code, string Name, string? Parent);

/// <summary>
/// Cấp giấy giới thiệu sinh hoạt đảng, from the member's page: official or temporary, to a cell of
/// the province (found by name or code) or, officially, to another province with the member's
/// package. The receiving cell then confirms on the transfers page.
/// </summary>
[Requires(Operation.MembersWrite)]
public sealed class IssueModel(ChiBoDb db, TimeProvider clock, PackageKeys keys) : PageModel
{
    private static readonly string[] Inputs = ["Kind", "Destination", "ToCell", "OtherDestination", "LetterNumber", "LetterDate", "Until"];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["CellId"] = "ToCell",
        ["OtherOrganization"] = "OtherDestination",
        ["Status"] = "Kind",
        ["MemberId"] = "Kind",
    };

    public MemberView? Member { get; private set; }
    public Organization? Cell { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Query { get; private set; }
    public IReadOnlyList<CellChoice> Choices { get; private set; } = [];
    public int? Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int member, string? q, int? to, CancellationToken ct)
    {
        if (!await LoadAsync(member, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Query = q?.Trim();
        Chosen = to;
        Choices = await SearchAsync(Query, to, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int member, CancellationToken ct)
    {
        if (!await LoadAsync(member, ct))
        {
            return NotFound();
        }

        var f = new PostedForm(Request.Form, ModelState);
        var kind = f.Choice<TransferKind>("Kind", "hình thức chuyển");
        var outside = f.Text("Destination") == "other";
        var letter = f.Text("LetterNumber") ?? "";
        var date = f.Date("LetterDate", "Ngày cấp giấy giới thiệu");
        var until = kind == TransferKind.Temporary ? f.Date("Until", "Ngày kết thúc sinh hoạt tạm thời") : null;
        var toCell = outside ? null : f.Int("ToCell", "Chi bộ nơi đến", required: false);
        Chosen = toCell;
        if (!outside && toCell is null)
        {
            ModelState.AddModelError("ToCell", "Chưa chọn chi bộ nơi đến: tìm theo tên hoặc mã rồi chọn một chi bộ.");
        }

        if (outside && kind == TransferKind.Temporary)
        {
            ModelState.AddModelError("Kind", "Chuyển sinh hoạt tạm thời chỉ cấp đến chi bộ trong tỉnh; đi tỉnh khác dùng chuyển sinh hoạt chính thức kèm gói hồ sơ.");
        }

        if (f.Valid)
        {
            try
            {
                var commands = new TransferCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor(), HttpContext.CccdPolicy());
                int id;
                if (outside)
                {
                    var version = f.Int("MemberVersion", "Phiên bản hồ sơ") ?? 0;
                    await commands.ExportAsync(new TransferExport(member, version, f.Text("OtherDestination") ?? "", letter, date!.Value), keys, ct);
                    id = await db.PartyTransfers.Where(t => t.MemberId == member && t.Scope == TransferScope.Outgoing)
                        .OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync(ct);
                }
                else
                {
                    id = (await commands.IssueAsync(new TransferIssue(member, kind!.Value, toCell!.Value, letter, date!.Value, until), ct)).Id;
                }

                return Redirect($"/chuyen-sinh-hoat/{id}/giay-gioi-thieu?da=issued");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (EditConflictException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
            catch (RuleViolationException e)
            {
                ModelState.Show(e, Inputs, Aliases);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(member, ct);
        Choices = await SearchAsync(null, Chosen, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.Today();
        var row = await db.Members.AsNoTracking().Where(m => m.Id == id)
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => new { Member = m, Cell = o }).FirstOrDefaultAsync(ct);
        if (row is null || !await HttpContext.CanAsync(Operation.MembersWrite, Subtree.Of(row.Cell)))
        {
            return false;
        }

        (Member, Cell) = (MemberView.Of(row.Member, MemberSight.Basic), row.Cell);
        ViewData["Title"] = "Giấy giới thiệu sinh hoạt đảng – " + Member.FullName;
        ViewData["ScopeOrg"] = Cell.Code;
        return true;
    }

    /// <summary>Cells of the member's province by code (prefix) or name (diacritics ignored), at most 20; the chosen one kept first.</summary>
    private async Task<IReadOnlyList<CellChoice>> SearchAsync(string? q, int? chosen, CancellationToken ct)
    {
        var cells = db.Organizations.AsNoTracking()
            .Where(o => o.ProvinceId == Member!.ProvinceId && o.DissolvedOn == null && (o.Kind == OrgKind.Cell || o.Kind == OrgKind.BaseCell) && o.Id != Member.CellId);
        var found = new List<Organization>();
        if (chosen is { } c)
        {
            found.AddRange(await cells.Where(o => o.Id == c).ToListAsync(ct));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var byCode = await cells.Where(o => o.Code.StartsWith(q)).OrderBy(o => o.Code).Take(20).ToListAsync(ct);
            if (byCode.Count > 0)
            {
                found.AddRange(byCode);
            }
            else
            {
                var folded = VietnameseText.Fold(q);
                var all = await cells.Select(o => new { o.Id, o.Name }).ToListAsync(ct);
                var ids = all.Where(o => VietnameseText.Fold(o.Name).Contains(folded, StringComparison.Ordinal)).Select(o => o.Id).Take(20).ToList();
                found.AddRange(await cells.Where(o => ids.Contains(o.Id)).ToListAsync(ct));
            }
        }

        var distinct = found.DistinctBy(o => o.Id).ToList();
        var parentIds = distinct.Where(o => o.ParentId != null).Select(o => o.ParentId!.Value).Distinct().ToList();
        var parents = await db.Organizations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return distinct.Select(o => new CellChoice(o.Id, o.Code, o.Name, o.ParentId is { } p ? parents.GetValueOrDefault(p) : null)).ToList();
    }
}
