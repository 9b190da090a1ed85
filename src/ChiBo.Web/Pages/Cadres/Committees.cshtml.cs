using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Cấp ủy of a subtree valid on a date (the current terms by default), optionally of one level:
/// each committee with its term, congress date, seats and vacancies and who holds the posts; as
/// .xlsx. The level above records a new term here through <see cref="CommitteeCommands.FormAsync"/>,
/// which decides who may.
/// </summary>
[Requires(Operation.OrgsRead)]
public sealed class CommitteesModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string FormForm = "form";

    /// <summary>Seat rows of the form (a larger committee adds the rest of its members one by one on its page).</summary>
    public const int SeatRows = 9;

    private static readonly string[] Inputs = ["Organization", "Term", "CongressOn", "TermEndsOn", "Formation", "Seats", "DecisionNumber", "Members"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["OrganizationId"] = "Organization", ["MemberId"] = "Members", ["Position"] = "Members",
    };

    public DateOnly Today { get; private set; }
    public DateOnly AsOf { get; private set; }
    public string? Level { get; private set; }
    public CommitteeList? List { get; private set; }

    /// <summary>The caller records committees somewhere in this subtree (the command decides for which organization).</summary>
    public bool MayForm { get; private set; }

    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? asOf, string? level, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, asOf, level, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? asOf, string? level, CancellationToken ct)
    {
        if (!await LoadAsync(org, asOf, level, ct) || List is null)
        {
            return Page();
        }

        var rows = List.Committees.Select(c => new object?[]
        {
            c.OrgCode, c.OrgName, c.Term, VietnameseFormats.Date(c.CongressOn), VietnameseFormats.Date(c.TermEndsOn), c.Formation, c.DecisionNumber,
            c.Seats, c.Members.Count, c.Vacancies,
            string.Join("; ", c.Members.Where(m => m.Position == CadreNames.Of(CommitteePosition.Secretary)).Select(m => m.FullName)),
            string.Join("; ", c.Members.Where(m => m.Position == CadreNames.Of(CommitteePosition.DeputySecretary)).Select(m => m.FullName)),
        });
        var seats = List.Committees.SelectMany(c => c.Members.Select(m => new object?[]
        {
            c.OrgCode, c.OrgName, c.Term, m.FullName, m.Position, VietnameseFormats.Date(m.Since), m.Reason,
        }));
        var bytes = CadreWeb.Workbook(
            ("Cấp ủy", ["Mã tổ chức", "Tổ chức đảng", "Nhiệm kỳ", "Ngày đại hội", "Hết nhiệm kỳ", "Hình thức", "Quyết định", "Số lượng", "Hiện có", "Còn thiếu", "Bí thư", "Phó Bí thư"], rows),
            ("Cấp ủy viên", ["Mã tổ chức", "Tổ chức đảng", "Nhiệm kỳ", "Họ và tên", "Chức vụ", "Từ ngày", "Hình thức"], seats));
        return File(bytes, CadreWeb.XlsxType, $"cap-uy-{List.Org}-{AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    public Task<IActionResult> OnPostFormAsync(string? org, string? asOf, string? level, CancellationToken ct) =>
        WithPageAsync(org, asOf, level, ct, () => ActAsync(FormForm, Inputs, Aliases, async f =>
        {
            var code = f.Text("Organization");
            var (congress, ends) = (f.Date("CongressOn", "Ngày đại hội"), f.Date("TermEndsOn", "Ngày hết nhiệm kỳ"));
            var formation = f.Choice<CommitteeFormation>("Formation", "hình thức");
            var seats = f.Int("Seats", "Số lượng cấp ủy viên");
            var members = new List<CommitteeSeat>();
            for (var i = 0; i < SeatRows; i++)
            {
                var id = f.Int($"MemberId{i}", $"Dòng {i + 1}: số đảng viên", required: false);
                if (id is { } m)
                {
                    var position = f.Choice<CommitteePosition>($"Position{i}", $"chức vụ dòng {i + 1}", CommitteePosition.Member);
                    members.Add(new CommitteeSeat(m, position ?? CommitteePosition.Member));
                }
            }

            if (!f.Valid)
            {
                return null;
            }

            var orgId = code is null ? null : await OrgCodes.IdAsync(db, code, ct);
            if (orgId is null || !await HttpContext.CanAsync(Operation.OrgsRead, Subtree.Of(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct))))
            {
                throw new RuleViolationException("Organization", code is null ? "Chưa chọn tổ chức đảng." : $"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn.");
            }

            var committee = await new CommitteeCommands(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor()).FormAsync(new CommitteeForming(
                orgId.Value, f.Text("Term") ?? "", congress!.Value, ends!.Value, formation!.Value, seats!.Value, f.Text("DecisionNumber"), members), ct);
            return CadreWeb.Committee(committee.Id) + "?da=formed";
        }, () => LoadAsync(org, asOf, level, ct)));

    /// <summary>A post is answered on the page it came from: 404 when the subtree itself is not found.</summary>
    private async Task<IActionResult> WithPageAsync(string? org, string? asOf, string? level, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(org, asOf, level, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(string? org, string? asOf, string? level, CancellationToken ct)
    {
        Today = clock.Today();
        if (CadreDates.Parse(asOf, Today) is not { } date)
        {
            Error = $"Ngày \"{asOf}\" không hợp lệ: cần dạng ngày/tháng/năm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        AsOf = date;
        CommitteeLevels? committeeLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            committeeLevel = CommitteeLevel.Parse(level);
            if (committeeLevel is null)
            {
                Error = $"Cấp \"{level}\" không hợp lệ.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return false;
            }

            Level = level.Trim();
        }

        if (await FindSubtreeAsync(db, org, Operation.OrgsRead) is not { } lookup)
        {
            return false;
        }

        List = await CommitteeQueries.ListAsync(db, lookup, AsOf, committeeLevel, ct: ct);
        var scope = await HttpContext.ScopeAsync();
        MayForm = scope.Can(Operation.CommitteesWrite, lookup.Subtree);
        if (MayForm)
        {
            People = await CadreWeb.PeopleAsync(db, lookup.Subtree, 500, ct);
            Orgs = await CadreWeb.OrgsAsync(db, lookup.Subtree, 300, ct);
        }

        ViewData["Title"] = "Cấp ủy – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
