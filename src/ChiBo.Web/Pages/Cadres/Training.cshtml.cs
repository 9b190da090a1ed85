using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Web.Access;
using ChiBo.Web.Cadres;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Web.Pages.Cadres;

/// <summary>
/// Đào tạo, bồi dưỡng: the courses the managing committees of a subtree organized or recorded in a
/// span of dates, who attended and completed them, and "every base committee member trained at
/// least once this term" (000:156, <see cref="CadreQueries.TrainingCoverageAsync"/>) with who is
/// still untrained; courses and attendance recorded through <see cref="CadreCommands"/>; as .xlsx.
/// </summary>
[Requires(Operation.CadresRead)]
public sealed class TrainingModel(ChiBoDb db, TimeProvider clock) : CadrePageModel
{
    public const string CourseForm = "course";

    /// <summary>Lines of the attendance form (more are added by posting it again).</summary>
    public const int AttendanceRows = 5;

    public static string AttendanceForm(int course) => $"course-{course}-attendance";

    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<AttendeeRow>> Attendees { get; private set; } = new Dictionary<int, IReadOnlyList<AttendeeRow>>();
    public TrainingCoverage? Coverage { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<Organization> Managers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, string Cell)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? org, string? from, string? to, string? da, CancellationToken ct)
    {
        Done = da;
        await LoadAsync(org, from, to, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? org, string? from, string? to, CancellationToken ct)
    {
        if (!await LoadAsync(org, from, to, ct) || Coverage is null)
        {
            return Page();
        }

        var courses = Courses.Select(c => new object?[]
        {
            c.Name, c.Kind, c.Provider, VietnameseFormats.Date(c.StartsOn), VietnameseFormats.Date(c.EndsOn), c.Organizer, c.Attended, c.Completed,
        });
        var attendees = Courses.SelectMany(c => Attendees[c.Id].Select(a => new object?[]
        {
            c.Name, a.FullName, a.MemberId is null ? "Ngoài danh sách đảng viên" : null, a.Completed ? "Hoàn thành" : "Chưa hoàn thành",
            VietnameseFormats.Date(a.CompletedOn), a.CertificateNumber,
        }));
        var untrained = Coverage.Untrained.Select(u => new object?[] { u.FullName, u.OrgCode, u.OrgName, u.Term, VietnameseFormats.Date(u.CongressOn) });
        return File(CadreWeb.Workbook(
            ("Lớp", ["Tên lớp", "Loại", "Cơ sở đào tạo", "Từ ngày", "Đến ngày", "Cấp tổ chức", "Số học viên", "Hoàn thành"], courses),
            ("Học viên", ["Lớp", "Họ và tên", "Ghi chú", "Kết quả", "Ngày hoàn thành", "Số chứng chỉ"], attendees),
            ("Chưa bồi dưỡng", ["Họ và tên", "Mã tổ chức", "Cấp ủy", "Nhiệm kỳ", "Ngày đại hội"], untrained)),
            CadreWeb.XlsxType, $"boi-duong-{Code}.xlsx");
    }

    public Task<IActionResult> OnPostCourseAsync(string? org, string? from, string? to, CancellationToken ct) =>
        WithPageAsync(org, from, to, ct, () => ActAsync(CourseForm, ["Organizer", "Kind", "Name", "Provider", "StartsOn", "EndsOn"],
            new Dictionary<string, string> { ["OrganizerId"] = "Organizer", ["On"] = "EndsOn" }, async f =>
            {
                var kind = f.Choice<TrainingKind>("Kind", "loại lớp");
                var (starts, ends) = (f.Date("StartsOn", "Ngày khai giảng"), f.Date("EndsOn", "Ngày bế giảng"));
                if (!f.Valid)
                {
                    return null;
                }

                var organizer = await OrgCodes.IdAsync(db, f.Text("Organizer"), ct) ?? throw new RuleViolationException("Organizer", "Chưa chọn cấp ủy tổ chức lớp.");
                var course = await (await CommandsAsync()).AddCourseAsync(new CourseNew(organizer, kind!.Value, f.Text("Name") ?? "", f.Text("Provider"), starts!.Value, ends!.Value), ct);
                return CadreWeb.Training(Code) + Range() + "&da=course#lop-" + CadreWeb.I(course.Id);
            }, () => LoadAsync(org, from, to, ct)));

    public Task<IActionResult> OnPostAttendanceAsync(string? org, string? from, string? to, int course, CancellationToken ct)
    {
        var inputs = Enumerable.Range(0, AttendanceRows).SelectMany(i => new[] { $"Lines[{i}].MemberId", $"Lines[{i}].FullName", $"Lines[{i}].CompletedOn", $"Lines[{i}].CertificateNumber" }).ToList();
        return WithPageAsync(org, from, to, ct, () => ActAsync(AttendanceForm(course), inputs, new Dictionary<string, string> { ["CourseId"] = "" }, async f =>
        {
            var lines = new List<Attendance>();
            for (var i = 0; i < AttendanceRows; i++)
            {
                var member = f.Int($"Lines[{i}].MemberId", $"Dòng {i + 1}: số đảng viên", required: false);
                var name = f.Text($"Lines[{i}].FullName");
                if (member is null && name is null)
                {
                    continue;
                }

                var completed = f.Bool($"Lines[{i}].Completed");
                var on = f.Date($"Lines[{i}].CompletedOn", $"Dòng {i + 1}: ngày hoàn thành", required: false);
                lines.Add(new Attendance(member, member is null ? name : null, completed, on, f.Text($"Lines[{i}].CertificateNumber")));
            }

            if (!f.Valid)
            {
                return null;
            }

            if (lines.Count == 0)
            {
                throw new RuleViolationException("", "Chưa có học viên nào: ghi số đảng viên hoặc họ và tên.");
            }

            var version = f.Int("Version", "Phiên bản", required: false) ?? 0;
            await (await CommandsAsync()).RecordAttendanceAsync(course, version, lines, ct);
            return CadreWeb.Training(Code) + Range() + "&da=attendance#lop-" + CadreWeb.I(course);
        }, () => LoadAsync(org, from, to, ct)));
    }

    public string Range() => "&from=" + FormErrors.Iso(From) + "&to=" + FormErrors.Iso(To);

    private async Task<CadreCommands> CommandsAsync() => new(db, clock, await HttpContext.ScopeAsync(), HttpContext.Actor());

    private async Task<IActionResult> WithPageAsync(string? org, string? from, string? to, CancellationToken ct, Func<Task<IActionResult>> act) =>
        await LoadAsync(org, from, to, ct) ? await act() : Page();

    private async Task<bool> LoadAsync(string? org, string? from, string? to, CancellationToken ct)
    {
        Today = clock.Today();
        if (CadreDates.Range(from, to, Today) is not { } range)
        {
            Error = CadreDates.BadRange;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        (From, To) = range;
        if (await FindSubtreeAsync(db, org, Operation.CadresRead) is not { } lookup)
        {
            return false;
        }

        var scope = await HttpContext.ScopeAsync();
        Courses = await CadreQueries.CoursesAsync(db, scope, lookup, From, To, ct);
        var attendees = new Dictionary<int, IReadOnlyList<AttendeeRow>>();
        foreach (var c in Courses)
        {
            attendees[c.Id] = await CadreQueries.AttendeesAsync(db, c.Id, ct);
        }

        Attendees = attendees;
        Coverage = await CadreQueries.TrainingCoverageAsync(db, lookup, Today, ct);
        Managers = await CadreAccess.VisibleManagersAsync(db, scope, Operation.CadresWrite, lookup.Subtree, ct);
        MayWrite = Managers.Count > 0;
        if (MayWrite)
        {
            People = await CadreWeb.PeopleAsync(db, lookup.Subtree, 500, ct);
        }

        await HttpContext.AuditReadAsync("TrainingCourses", Org?.ProvinceId, null, Org?.Id);
        ViewData["Title"] = "Đào tạo, bồi dưỡng cán bộ – " + Name;
        ViewData["ScopeOrg"] = Code;
        return true;
    }
}
