using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Transfers;

/// <summary>
/// Tiếp nhận đảng viên từ tỉnh khác: the package the other province exported is uploaded, checked
/// (format, the record's rules, CCCD not already here) and the member registered in the chosen cell
/// from the day of arrival; a refused package writes nothing and says why.
/// </summary>
[Requires(Operation.MembersWrite)]
public sealed class ImportModel(ChiBoDb db, TimeProvider clock, PackageKeys keys) : PageModel
{
    public const long MaxBytes = TransferPackage.MaxBytes;

    private static readonly string[] Inputs = ["Cell", "Date", "Package"];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["CellId"] = "Cell",
        ["Schema"] = "Package",
        ["FullName"] = "Package",
        ["Cccd"] = "Package",
        ["Ethnicity"] = "Package",
        ["BirthDate"] = "Package",
        ["AdmittedOn"] = "Package",
        ["OfficialOn"] = "Package",
    };

    public string? Cell { get; private set; }
    public DateOnly Today { get; private set; }
    public MemberView? Imported { get; private set; }
    public DateOnly? ImportedOn { get; private set; }

    /// <summary>The form; a cell named in the address must be one the caller may write to (else not found).</summary>
    public async Task<IActionResult> OnGetAsync(string? cell)
    {
        Today = clock.Today();
        Cell = cell;
        ViewData["Title"] = "Tiếp nhận đảng viên từ tỉnh khác";
        if (cell is not null && (await HttpContext.FindAsync(db, cell, Operation.MembersWrite)).Organization is null)
        {
            ModelState.AddModelError("Cell", $"Không có chi bộ mã \"{cell}\" trong phạm vi bạn được cập nhật.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Today = clock.Today();
        ViewData["Title"] = "Tiếp nhận đảng viên từ tỉnh khác";
        var f = new PostedForm(Request.Form, ModelState);
        Cell = f.Text("Cell");
        var date = f.Date("Date", "Ngày đảng viên đến sinh hoạt");
        var lookup = await HttpContext.FindAsync(db, Cell, Operation.MembersWrite);
        if (Cell is null || lookup.Organization is not { } cell)
        {
            ModelState.AddModelError("Cell", $"Không có chi bộ mã \"{Cell}\" trong phạm vi bạn được cập nhật.");
        }

        var file = Request.Form.Files.GetFile("Package");
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Package", "Chưa chọn tệp gói hồ sơ (.json) do tỉnh nơi đi xuất.");
        }
        else if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("Package", $"Tệp {file.FileName} quá lớn ({VietnameseFormats.Number(file.Length)} byte): một gói hồ sơ đảng viên không quá {VietnameseFormats.Number(MaxBytes)} byte.");
        }

        if (f.Valid)
        {
            using var bytes = new MemoryStream();
            await file!.CopyToAsync(bytes, ct);
            try
            {
                var json = TransferPackage.Decode(bytes.ToArray());
                var scope = await HttpContext.ScopeAsync();
                Imported = MemberView.Of(
                    await new TransferCommands(db, clock, scope, HttpContext.Actor(), HttpContext.CccdPolicy()).ImportAsync(json, lookup.Organization!.Id, date!.Value, keys, ct),
                    MemberSight.On(scope, lookup.Subtree));
                ImportedOn = date;
                return Page();
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
        return Page();
    }
}
