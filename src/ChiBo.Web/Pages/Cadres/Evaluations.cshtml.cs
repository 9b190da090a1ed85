using System.Globalization;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Đánh giá cán bộ hằng quý (001:30): the management pools of the managing committees in a subtree
/// the caller may see, their cadres, criteria sets and quarters, and the cadres falling behind in a
/// quarter. The pool's committee (or the province board) keeps the pool, adds a version of its
/// criteria and opens a quarter, each through <see cref="CadreCommands"/> / <see cref="EvaluationCommands"/>.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class EvaluationsModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string PoolForm = "pool";

    public static string EntryForm(int pool) => $"pool-{pool}-entry";

    public static string TemplateForm(int pool) => $"pool-{pool}-template";

    public static string PeriodForm(int pool) => $"pool-{pool}-period";

    public DateOnly Today { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public IReadOnlyList<ManagementPoolView> Pools { get; private set; } = [];
    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];
    public IReadOnlyList<BehindRow> Behind { get; private set; } = [];
    public IReadOnlyList<ChiBo.Organizations.Organization> Managers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];
    public bool Loaded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, int? year, int? quarter, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, year, quarter, ct);
        return Page();
    }

    /// <summary>The management pools with their cadres, the quarters and the cadres falling behind, as a workbook.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? org, int? year, int? quarter, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, quarter, ct))
        {
            return Page();
        }

        var bytes = CadreWeb.Workbook(
            ("Diện quản lý", ["Diện quản lý", "Cấp ủy quản lý", "Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày"],
                Pools.SelectMany(p => p.Cadres.Select(c => new object?[] { p.Name, p.OrgName, c.FullName, c.Post, VietnameseFormats.Date(c.From), c.To is { } to ? VietnameseFormats.Date(to) : null }))),
            ("Các quý", ["Diện quản lý", "Năm", "Quý", "Tình trạng", "Số cán bộ", "Đã kết luận"],
                Periods.Select(p => new object?[] { Pools.FirstOrDefault(x => x.Id == p.PoolId)?.Name, p.Year, p.Quarter, p.State, p.Evaluations, p.Concluded })),
            ($"Chậm tiến bộ Q{Quarter} {Year}", ["Họ và tên", "Diện quản lý", "Cấp ủy quản lý", "Điểm", "Mức", "Kết quả", "Số quý liên tiếp"],
                Behind.Select(b => new object?[] { b.FullName, b.Pool, b.ManagingOrg, b.Score, b.Band, b.Outcome, b.QuartersInARow })));
        return File(bytes, CadreWeb.XlsxType, $"danh-gia-can-bo-{Code}-{CadreWeb.I(Year)}-q{CadreWeb.I(Quarter)}.xlsx");
    }

    public Task<IActionResult> OnPostPoolAsync(string? org, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(PoolForm, ["Organization", "Name"], new Dictionary<string, string> { ["OrganizationId"] = "Organization" }, async f =>
        {
            var orgId = await OrgCodes.IdAsync(db, f.Text("Organization"), ct) ?? throw new RuleViolationException("Organization", "Chưa chọn cấp ủy quản lý.");
            var pool = await (await CadresAsync()).AddManagementPoolAsync(new ManagementPoolNew(orgId, f.Text("Name") ?? ""), ct);
            return CadreWeb.Evaluations(Code) + "&da=pool#dien-" + CadreWeb.I(pool.Id);
        }, () => LoadAsync(org, null, null, ct)));

    public Task<IActionResult> OnPostEntryAsync(string? org, int pool, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(EntryForm(pool), ["MemberId", "Post", "From"], new Dictionary<string, string> { ["PoolId"] = "MemberId" }, async f =>
        {
            var (member, from) = (f.Int("MemberId", "Số đảng viên"), f.Date("From", "Ngày vào diện quản lý"));
            if (!f.Valid)
            {
                return null;
            }

            await (await CadresAsync()).AddToManagementPoolAsync(pool, new PoolEntryNew(member!.Value, f.Text("Post") ?? "", from!.Value), ct);
            return CadreWeb.Evaluations(Code) + "&da=entry#dien-" + CadreWeb.I(pool);
        }, () => LoadAsync(org, null, null, ct)));

    /// <summary>
    /// A criteria set written one line per criterion ("mã; tên; nguồn; trọng số") and per band
    /// ("từ điểm; mức; hình thức; chậm tiến bộ"), the way a committee drafts it on paper.
    /// </summary>
    public Task<IActionResult> OnPostTemplateAsync(string? org, int pool, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(TemplateForm(pool), ["Name", "ValidFrom", "Criteria", "Bands"], new Dictionary<string, string> { ["PoolId"] = "Name" }, async f =>
        {
            var from = f.Date("ValidFrom", "Ngày áp dụng");
            var criteria = ParseCriteria(f.Text("Criteria"));
            var bands = ParseBands(f.Text("Bands"));
            if (!f.Valid)
            {
                return null;
            }

            await new EvaluationCommands(db, clock, await HttpContext.ScopeAsync()).AddTemplateAsync(pool, new TemplateNew(f.Text("Name") ?? "", from!.Value, criteria, bands), HttpContext.Actor(), ct);
            return CadreWeb.Evaluations(Code) + "&da=template#dien-" + CadreWeb.I(pool);
        }, () => LoadAsync(org, null, null, ct)));

    public Task<IActionResult> OnPostPeriodAsync(string? org, int pool, CancellationToken ct) =>
        WithPageAsync(org, ct, () => ActAsync(PeriodForm(pool), ["Year", "Quarter"], new Dictionary<string, string> { ["PoolId"] = "Quarter" }, async f =>
        {
            var (year, quarter) = (f.Int("Year", "Năm"), f.Int("Quarter", "Quý"));
            if (!f.Valid)
            {
                return null;
            }

            var period = await new EvaluationCommands(db, clock, await HttpContext.ScopeAsync()).OpenPeriodAsync(pool, year!.Value, quarter!.Value, ct);
            return CadreWeb.Period(period.Id) + "?da=opened";
        }, () => LoadAsync(org, null, null, ct)));

    private List<EvaluationCriterion> ParseCriteria(string? text)
    {
        var list = new List<EvaluationCriterion>();
        foreach (var (line, i) in Lines(text))
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            var component = parts.Length > 2 ? Component(parts[2]) : null;
            var weight = parts.Length > 3 ? CadreWeb.ParseDecimal(parts[3]) : null;
            if (parts.Length != 4 || component is null || weight is null)
            {
                ModelState.AddModelError("Criteria", $"Dòng {i + 1}: cần \"mã; tên; nguồn điểm; trọng số\", nguồn điểm là một trong: {string.Join(", ", CadreWeb.Components.Select(c => c.Label.ToLowerInvariant()))}.");
                continue;
            }

            list.Add(new EvaluationCriterion(parts[0], parts[1], component.Value, weight.Value));
        }

        return list;
    }

    private List<EvaluationBand> ParseBands(string? text)
    {
        var list = new List<EvaluationBand>();
        foreach (var (line, i) in Lines(text))
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            var min = parts.Length > 0 ? CadreWeb.ParseDecimal(parts[0]) : null;
            if (parts.Length is < 3 or > 4 || min is null)
            {
                ModelState.AddModelError("Bands", $"Dòng {i + 1}: cần \"từ điểm; tên mức; hình thức\" và, với mức chậm tiến bộ, thêm \"; chậm tiến bộ\".");
                continue;
            }

            list.Add(new EvaluationBand(min.Value, parts[1], parts[2], parts.Length == 4 && parts[3].Length > 0 && !parts[3].Equals("không", StringComparison.OrdinalIgnoreCase)));
        }

        return list;
    }

    private static IEnumerable<(string Line, int Index)> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select((l, i) => (l, i));

    /// <summary>A criterion's source by its Vietnamese name (any case) or its number.</summary>
    private static EvaluationComponent? Component(string text) =>
        CadreWeb.Components.Where(c => string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase)).Select(c => (EvaluationComponent?)c.Value).FirstOrDefault()
        ?? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined(typeof(EvaluationComponent), n) ? (EvaluationComponent)n : null);

    private async Task<CadreCommands> CadresAsync() => new(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());

    private async Task<IActionResult> WithPageAsync(string? org, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(org, null, null, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(string? org, int? year, int? quarter, CancellationToken ct)
    {
        Today = clock.Today();
        var (y, q) = ChiBo.Cadres.Quarters.Of(Today.AddMonths(-3));
        (Year, Quarter) = (year ?? y, quarter ?? q);
        if (Quarter is < 1 or > 4 || Year is < 2000 or > 9998)
        {
            Error = "Quý phải từ 1 đến 4, năm từ 2000 đến 9998.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        if (await FindSubtreeAsync(db, org, Operation.CadresRead) is not { } lookup)
        {
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        Pools = await CadreQueries.ManagementPoolsAsync(db, scope, lookup.Subtree, Today, ct);
        Periods = await EvaluationQueries.PeriodsAsync(db, Pools.Select(p => p.Id).ToList(), ct);
        Behind = await EvaluationQueries.BehindAsync(db, scope, lookup.Subtree, Year, Quarter, ct);
        Managers = await CadreAccess.VisibleManagersAsync(db, scope, Operation.CadresWrite, lookup.Subtree, ct);
        if (Managers.Count > 0)
        {
            People = await CadreWeb.PeopleAsync(db, lookup.Subtree, 500, ct);
        }

        Loaded = true;
        await HttpContext.AuditReadAsync("CadreEvaluations", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Đánh giá cán bộ hằng quý – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }

    /// <summary>The caller keeps this pool (its managing committee or the province board).</summary>
    public bool Keeps(ManagementPoolView pool) => Managers.Any(m => m.Code == pool.OrgCode);
}
