using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Fees;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Fees;

/// <summary>A unit below the organization shown, with its cells' collection summed.</summary>
public sealed record UnitCollection(string Code, string Name, int Members, int Paid, long Amount);

/// <summary>
/// Đảng phí of a subtree for a month: in a cell, who paid what (the amount from the policy by group)
/// and one form to record the month for several members; above, the collection per cell or per unit.
/// Also the arrears (three unpaid months in a year flag xóa tên), the share kept at each level and the
/// year month by month.
/// </summary>
[Requires(Operation.MembersRead)]
public sealed class IndexModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    /// <summary>Above this many cells the collection is summed per unit directly below.</summary>
    public const int CellRowsLimit = 150;

    public DateOnly Today { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public bool IsCell => Org?.Kind.HoldsMembers() == true;
    public bool CanRecord { get; private set; }
    public IReadOnlyList<CellMonthMember> Members { get; private set; } = [];
    public FeeCollection? Collection { get; private set; }
    public IReadOnlyList<UnitCollection> Units { get; private set; } = [];
    public IReadOnlyList<FeeLevelShare> MonthShares { get; private set; } = [];
    public FeeYear? YearReport { get; private set; }

    /// <summary>Null when arrears are not computed here (the whole province: ask a unit below).</summary>
    public IReadOnlyList<FeeArrears>? Arrears { get; private set; }

    public int ArrearsThrough { get; private set; }
    public int Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, int? year, int? month, int? recorded, CancellationToken ct)
    {
        Recorded = recorded ?? 0;
        if (!await LoadAsync(org, year, month, ct))
        {
            Response.StatusCode = Error is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The month paid by the members ticked in the cell's list, all or none.</summary>
    public async Task<IActionResult> OnPostAsync(string? org, int? year, int? month, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, month, ct) || !IsCell)
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var f = new PostedForm(Request.Form, ModelState);
        var paidOn = f.Date("PaidOn", "Ngày nộp");
        var online = f.Bool("Online");
        var inputs = new List<FeePaymentInput>();
        foreach (var text in f.All("Pay"))
        {
            if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var memberId) || Members.All(m => m.MemberId != memberId))
            {
                ModelState.AddModelError(string.Empty, $"Đảng viên số {text} không thuộc chi bộ trong tháng này.");
                continue;
            }

            var group = f.Choice<FeeGroup>($"Group_{memberId}", "đối tượng đóng đảng phí");
            var basis = group is { } g && FeePolicy.UsesBasis(g) ? f.Number($"Basis_{memberId}", "Mức lương, trợ cấp, lương hưu (đồng)", required: false) ?? 0 : 0;
            inputs.Add(new FeePaymentInput(memberId, Year, Month, group ?? FeeGroup.Insured, basis, paidOn ?? Today, online));
        }

        if (inputs.Count == 0 && f.Valid)
        {
            ModelState.AddModelError(string.Empty, "Chưa chọn đảng viên nào đã nộp.");
        }

        if (f.Valid)
        {
            var batch = await FeeLedger.RecordManyAsync(db, clock, HttpContext.Actor(), inputs, ct);
            if (batch.Succeeded)
            {
                return Redirect($"/dang-phi?org={Uri.EscapeDataString(Code)}&year={Year}&month={Month}&recorded={batch.Saved.Count}");
            }

            foreach (var e in batch.Errors)
            {
                var key = e.Field is "Basis" ? $"Basis_{e.MemberId}" : e.Field is "PaidOn" ? "PaidOn" : $"Row_{e.MemberId}";
                if (key == "PaidOn" && ModelState.For("PaidOn") is not null)
                {
                    continue;
                }

                ModelState.AddModelError(key, e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string? org, int? year, int? month, CancellationToken ct)
    {
        Today = clock.Today();
        (Year, Month) = (year ?? Today.Year, month ?? Today.Month);
        if (Month is < 1 or > 12 || Year is < 1930 or > 9998)
        {
            ModelState.AddModelError("Month", "Tháng phải từ 1 đến 12 và năm hợp lệ.");
            (Year, Month) = (Today.Year, Today.Month);
        }

        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return false;
        }
        ViewData["Title"] = "Đảng phí – " + Name;
        ViewData["ScopeOrg"] = Code;
        if (IsCell)
        {
            Members = await FeeLedger.CellMonthAsync(db, Org!.Id, Year, Month, ct);
            CanRecord = await HttpContext.CanAsync(Operation.MembersWrite, lookup.Subtree);
        }
        else
        {
            Collection = await FeeLedger.CollectionAsync(db, lookup, Year, Month, ct);
            if (Collection.Cells.Count > CellRowsLimit && Org is { } above)
            {
                Units = await UnitsAsync(above, Collection, ct);
            }
        }

        MonthShares = await FeeLedger.SharesAsync(db, lookup.Subtree, Year, Month, ct);
        YearReport = await FeeLedger.YearAsync(db, lookup, Year, ct);

        // Arrears up to the chosen month, or the previous one while the chosen month is still running.
        var current = (Year * 12) + Month >= (Today.Year * 12) + Today.Month;
        ArrearsThrough = current ? (Year == Today.Year ? Today.Month - 1 : 12) : Month;
        if (Org is { Kind: not OrgKind.Province } && ArrearsThrough >= 1 && Year <= Today.Year)
        {
            Arrears = await FeeLedger.ArrearsAsync(db, lookup.Subtree, Year, ArrearsThrough, ct);
        }

        await HttpContext.AuditReadAsync("FeeList", Org?.ProvinceId, null, Org?.Id);
        return ModelState.IsValid;
    }

    /// <summary>The cells' collection summed per unit directly below the organization (by the cells' paths).</summary>
    private async Task<IReadOnlyList<UnitCollection>> UnitsAsync(Organization above, FeeCollection collection, CancellationToken ct)
    {
        var ids = collection.Cells.Select(c => c.CellId).ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var depth = Subtree.Ids(above.Path).Length;
        var childOf = collection.Cells.ToDictionary(c => c.CellId, c => Subtree.Ids(paths[c.CellId]) is var p && p.Length > depth ? p[depth] : c.CellId);
        var childIds = childOf.Values.Distinct().ToList();
        var children = await db.Organizations.AsNoTracking().Where(o => childIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return collection.Cells.GroupBy(c => childOf[c.CellId])
            .Select(g => new UnitCollection(children[g.Key].Code, children[g.Key].Name, g.Sum(c => c.Members), g.Sum(c => c.Paid), g.Sum(c => c.Amount)))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }
}
