using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Web.Access;
using ChiBo.Web.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Web.Pages.Members;

/// <summary>Đề nghị xóa tên: members of a subtree with three months of unexcused absence or unpaid fees in the year.</summary>
[Requires(Operation.MembersRead)]
public sealed class StrikeOffSuggestionsModel(ChiBoDb db, TimeProvider clock) : SubtreePageModel
{
    public int Year { get; private set; }
    public int Through { get; private set; }
    public IReadOnlyList<StrikeOffSuggestion> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(string? org, int? year, int? through, CancellationToken ct)
    {
        ViewData["Title"] = "Đề nghị xóa tên";
        var (y, m, error) = MemberLifeApi.Period(clock, year, through);
        (Year, Through) = (y, m);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (await FindSubtreeAsync(db, org, Operation.MembersRead) is not { } lookup)
        {
            return;
        }

        Rows = await StrikeOffSuggestions.ForAsync(db, lookup.Subtree, y, m, ct);
        CanWrite = await HttpContext.CanAsync(Operation.MembersWrite, lookup.Subtree);
        await HttpContext.AuditReadAsync("StrikeOffSuggestions", lookup.Organization?.ProvinceId, null, lookup.Organization?.Id);
        ViewData["Title"] = "Đề nghị xóa tên – " + Name;
        ViewData["ScopeOrg"] = Code;
    }

    public static string Months(IReadOnlyList<int> months, int year) =>
        string.Join(", ", months.Select(m => m.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The reason the strike-off form starts with.</summary>
    public string Reason(StrikeOffSuggestion s)
    {
        var parts = new List<string>();
        if (s.ForAbsence)
        {
            parts.Add("bỏ sinh hoạt đảng không có lý do chính đáng các tháng " + Months(s.AbsentMonths, Year));
        }

        if (s.ForFees)
        {
            parts.Add("không đóng đảng phí các tháng " + Months(s.UnpaidMonths, Year));
        }

        return "Đảng viên " + string.Join("; ", parts) + " (Điều lệ Đảng, Điều 8).";
    }
}
