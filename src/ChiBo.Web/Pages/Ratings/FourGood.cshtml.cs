using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Ratings;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Ratings;

/// <summary>
/// "Chi bộ bốn tốt", "đảng bộ cơ sở bốn tốt" of a subtree's year (003:71): each chi bộ and đảng bộ cơ
/// sở with the four criteria and their evidence — meeting quality and discipline as the register shows
/// them unless the committee records otherwise, the two others entered — and the recognition by the
/// level that rates the organization (<see cref="RatingCommands.RecognizeFourGoodAsync"/> says who);
/// the counts of the subtree on top; an .xlsx of the list.
/// </summary>
[Requires(Operation.RatingsRead)]
public sealed class FourGoodModel(ChiBoDb db, TimeProvider clock) : RatingYearPageModel(db, clock)
{
    public const string Path = "/xep-loai/bon-tot";

    /// <summary>How many organizations the page lists before sending to a lower level (the export has them all).</summary>
    public const int ListLimit = 300;

    public FourGoodBoard? Board { get; private set; }

    /// <summary>The organization whose criteria form is open, with what the register shows for it.</summary>
    public string? Editing { get; private set; }

    public FourGoodPrefill? Prefill { get; private set; }

    private OrgScope? _scope;

    /// <summary>The caller writes ratings in the organization's subtree: the criteria form is shown (the command says whether it is theirs).</summary>
    public bool Assesses(FourGoodSubject s) => Org is { } o && _scope!.Can(Operation.RatingsWrite, o.ProvinceId, s.Path);

    /// <summary>The caller writes ratings at a level above the organization: the recognition form is shown (the command says whether that level recognises).</summary>
    public bool Recognizes(FourGoodSubject s) => Org is { } o && _scope!.Roles.Any(r =>
        AccessTable.Allows(r.Role, Operation.RatingsWrite) && r.Subtree.ProvinceId == o.ProvinceId && r.Subtree.Path != s.Path
        && s.Path.StartsWith(r.Subtree.Path, StringComparison.Ordinal));

    public async Task<IActionResult> OnGetAsync(string? org, string? year, string? sua, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, year, sua, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? year, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return Page();
        }

        var board = await RatingQueries.FourGoodBoardAsync(Db, Lookup, Year, Today, ct);
        return Xlsx(s => RatingExport.WriteFourGood(board, s), "bon-tot");
    }

    private static readonly string[] AssessInputs =
        ["PoliticalTask", "PoliticalTaskEvidence", "MeetingQuality", "MeetingQualityEvidence", "UnityDiscipline", "UnityDisciplineEvidence", "CadresMembers", "CadresMembersEvidence"];

    public Task<IActionResult> OnPostAssessAsync(string? org, string? year, string sub, CancellationToken ct) =>
        ActAsync($"fg-{sub}-assess", AssessInputs, new Dictionary<string, string>(StringComparer.Ordinal) { ["Organization"] = "PoliticalTask" },
            () => LoadAsync(org, year, sub, ct),
            async (c, f) =>
            {
                bool? Choice(string key) => f.Text(key) switch { "true" => true, "false" => false, _ => null };
                await c.AssessFourGoodAsync(await OrgIdAsync(sub, ct), new FourGoodInput(
                    Year, f.Int("Version", "Phiên bản", required: false) ?? 0,
                    Choice("PoliticalTask"), f.Text("PoliticalTaskEvidence"), Choice("MeetingQuality"), f.Text("MeetingQualityEvidence"),
                    Choice("UnityDiscipline"), f.Text("UnityDisciplineEvidence"), Choice("CadresMembers"), f.Text("CadresMembersEvidence")), ct);
                return true;
            },
            () => Link(Path, extra: "&da=assess#tc-" + sub), ct);

    public Task<IActionResult> OnPostRecognizeAsync(string? org, string? year, string sub, CancellationToken ct) =>
        ActAsync($"fg-{sub}-recognize", ["DecisionNumber", "RecognizedOn"], null,
            () => LoadAsync(org, year, null, ct),
            async (c, f) =>
            {
                var date = f.Date("RecognizedOn", "Ngày công nhận");
                if (!f.Valid)
                {
                    return false;
                }

                await c.RecognizeFourGoodAsync(await OrgIdAsync(sub, ct), Year, f.Int("Version", "Phiên bản", required: false) ?? 0, f.Text("DecisionNumber") ?? "", date!.Value, ct);
                return true;
            },
            () => Link(Path, extra: "&da=recognize#tc-" + sub), ct);

    private async Task<bool> LoadAsync(string? org, string? year, string? editing, CancellationToken ct)
    {
        if (!await FindYearAsync(org, year))
        {
            return false;
        }

        _scope = await HttpContext.ScopeAsync();
        Board = await RatingQueries.FourGoodBoardAsync(Db, Lookup, Year, Today, ct);

        // The criteria form is open for one organization at a time (the register's figures are a report
        // of its year); an organization's own page opens it at once.
        Editing = editing ?? (Board.Subjects.Count == 1 ? Board.Subjects[0].Code : null);
        if (Board.Subjects.FirstOrDefault(s => s.Code == Editing) is { } e && Assesses(e) && e.Title is not { Recognized: true })
        {
            var yearEnd = new DateOnly(Year, 12, 31);
            var id = await OrgIdAsync(e.Code, ct);
            if (await RatingLevels.OnAsync(Db, id, yearEnd < Today ? yearEnd : Today, ct) is { } place)
            {
                Prefill = await RatingQueries.FourGoodPrefillAsync(Db, place, Year, Today, ct);
            }
        }
        else
        {
            Editing = null;
        }

        ViewData["Title"] = $"\"Bốn tốt\" năm {Year} – {Name}";
        return true;
    }
}
