using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Members.Excel;

/// <summary>One problem of an import: the row number as Excel shows it, the column header, the reason.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Nhập danh sách đảng viên từ Excel: every row is checked and every problem reported; only a
/// file without any problem is written, in one transaction (all or nothing). Records enter as
/// legacy records (a Registered event) in cells of the importer's subtree. A CCCD already in the
/// register is answered as the importer may know it (<see cref="CccdRegister"/>).
/// </summary>
public sealed class MemberImport(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor, CccdPolicy? cccd = null)
{
    /// <summary>A sheet this long is a mistake, not a cell's list.</summary>
    public const int MaxRows = 20_000;

    internal static readonly string TooManyRows = $"Mỗi lần nhập tối đa {MaxRows} dòng: hãy chia tệp (hoặc xóa các dòng trống ở cuối trang tính).";

    /// <summary>
    /// Who may import: a row becomes an official member with the admission date it states, which is
    /// the decision of the committee competent to admit (cấp ủy cấp trên trực tiếp của tổ chức cơ
    /// sở đảng, Điều lệ Đảng Điều 4 and Quy định 24-QĐ/TW point 3) — so the superior committees, the
    /// province board that keeps the province's records, and the system administrator; not the
    /// cell or base committees, who propose admissions but do not decide them.
    /// </summary>
    public static readonly IReadOnlySet<Role> Importers = new HashSet<Role> { Role.Admin, Role.ProvinceBoard, Role.SuperiorCommittee };

    /// <summary>Imports into <paramref name="scope"/>, for a caller holding one of <see cref="Importers"/> over all of it.</summary>
    public async Task<ImportResult> ImportAsync(Stream xlsx, Subtree scope, CancellationToken ct = default)
    {
        var competent = new LegacyImportIsForTheCompetentCommittees(caller.Roles.Any(r => Importers.Contains(r.Role) && OrgScope.Covers(r.Subtree, scope)));
        if (competent.IsBroken())
        {
            return Failed(new ImportError(0, "", competent.Message));
        }

        var errors = new List<ImportError>();
        List<IDictionary<string, object?>> sheet;
        try
        {
            var buffer = new MemoryStream();
            await CopyAtMostAsync(xlsx, buffer, SheetLimits.MaxFileSize, ct);
            if (buffer.Length > SheetLimits.MaxFileSize)
            {
                return Failed(new ImportError(0, "",
                    $"Tệp Excel lớn hơn {SheetLimits.MaxFileSize / 1024 / 1024} MB: mỗi lần nhập tối đa {MaxRows} dòng, hãy chia tệp."));
            }

            // Size and shape first: MiniExcel would build every declared column of every row.
            if (SheetLimits.Check(buffer.ToArray()) is { } tooBig)
            {
                return Failed(tooBig);
            }

            buffer.Position = 0;
            sheet = buffer.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(SheetLimits.NotExcel);
        }

        if (sheet.Count == 0)
        {
            return Failed(new ImportError(1, "", "Tệp không có dữ liệu: dòng 1 phải là dòng tiêu đề của mẫu."));
        }

        // Columns are found by their header, so a user may reorder or add columns.
        var columns = new Dictionary<string, string>();
        foreach (var (letter, value) in sheet[0])
        {
            var header = Text(value);
            var known = MemberSheet.ExportHeaders.FirstOrDefault(h => VietnameseText.Fold(h) == VietnameseText.Fold(header));
            if (known is not null)
            {
                columns.TryAdd(known, letter);
            }
        }

        foreach (var required in MemberSheet.Required.Where(h => !columns.ContainsKey(h)))
        {
            errors.Add(new ImportError(1, required, $"Thiếu cột \"{required}\" ở dòng tiêu đề."));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }

        if (sheet.Count > MaxRows + 1)
        {
            return Failed(new ImportError(MaxRows + 2, "", TooManyRows));
        }

        var parsed = new List<(int Row, MemberRegistration Registration, string CellCode)>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var reader = new RowReader(i + 1, sheet[i], columns, errors);
            if (reader.IsEmpty)
            {
                continue;
            }

            if (reader.Read() is { } row)
            {
                parsed.Add(row);
            }
        }

        if (parsed.Count == 0 && errors.Count == 0)
        {
            return Failed(new ImportError(2, "", "Tệp không có dòng dữ liệu nào."));
        }

        // Cells by code, and only those of the importer's subtree.
        var codes = parsed.Select(p => p.CellCode).Distinct().ToList();
        var cells = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        var numbers = parsed.Select(p => p.Registration.Profile.Cccd).OfType<string>().Distinct().ToList();
        var chain = scope.ProvinceId ?? cells.Values.Select(c => (int?)c.ProvinceId).FirstOrDefault() ?? 0;
        var register = await new CccdRegister(db, clock, caller, cccd).CheckManyAsync(numbers, chain, "Nhập danh sách đảng viên từ Excel", ct);
        if (register.Whole is { } whole)
        {
            errors.Add(new ImportError(1, MemberSheet.Cccd, whole));
        }

        var firstRowOf = new Dictionary<string, int>();
        var today = clock.Today();
        var ready = new List<(MemberRegistration, Organization)>();
        foreach (var (row, registration, code) in parsed)
        {
            var rowErrors = errors.Count;
            // A code that does not exist and one outside the importer's subtree get the same answer,
            // so an import cannot be used to learn which organization codes exist elsewhere.
            if (!cells.TryGetValue(code, out var cell) || !scope.Contains(cell.Path) || (scope.ProvinceId is { } p && cell.ProvinceId != p))
            {
                errors.Add(new ImportError(row, MemberSheet.CellCode, $"Không có tổ chức đảng mã \"{code}\" trong phạm vi của bạn."));
                cell = null;
            }

            var number = registration.Profile.Cccd!;
            if (firstRowOf.TryGetValue(number, out var first))
            {
                errors.Add(new ImportError(row, MemberSheet.Cccd, $"Số CCCD {number} trùng với dòng {first} trong tệp."));
            }
            else
            {
                firstRowOf[number] = row;
                if (register.Refused.TryGetValue(number, out var refusal))
                {
                    errors.Add(new ImportError(row, MemberSheet.Cccd, refusal));
                }
            }

            var rules = cell is null ? MemberRules.ForProfile(registration.Profile) : MemberRules.ForRegistration(registration, cell, today);
            foreach (var broken in Rules.Broken(rules))
            {
                errors.Add(new ImportError(row, MemberSheet.ColumnOf(broken.Field), broken.Message));
            }

            if (cell is not null && errors.Count == rowErrors)
            {
                ready.Add((registration, cell));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, errors.OrderBy(e => e.Row).ToList());
        }

        var commands = new MemberCommands(db, clock, actor);
        var members = await commands.RegisterManyAsync(ready, new Decision(Reason: "Nhập từ tệp Excel"), RegistrationKind.Legacy, ct);
        return new ImportResult(members.Count, []);
    }

    private static ImportResult Failed(ImportError error) => new(0, [error]);

    /// <summary>Copies at most one byte more than <paramref name="limit"/>, so an endless upload is not read to its end.</summary>
    private static async Task CopyAtMostAsync(Stream from, MemoryStream to, long limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while (to.Length <= limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit + 1 - to.Length)), ct)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => MemberSheet.Unneutralise(s.Trim()),
        DateTime d => MemberSheet.Date(DateOnly.FromDateTime(d)),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads one row, adding an error for each cell it cannot read.</summary>
    private sealed class RowReader(int row, IDictionary<string, object?> cells, IReadOnlyDictionary<string, string> columns, List<ImportError> errors)
    {
        private bool _ok = true;

        public bool IsEmpty => columns.Values.All(letter => Text(Raw(letter)).Length == 0);

        public (int, MemberRegistration, string)? Read()
        {
            var fullName = Required(MemberSheet.FullName);
            var gender = Coded(MemberSheet.Gender, VietnameseNames.Genders, required: true);
            var birth = Date(MemberSheet.BirthDate, required: true);
            var cccd = Cccd();
            var ethnicity = Ethnicity();
            var religion = Coded(MemberSheet.Religion, VietnameseNames.Religions, required: false) ?? Members.Religion.None;
            var cellCode = Required(MemberSheet.CellCode);
            var admitted = Date(MemberSheet.AdmittedOn, required: true);
            var official = Date(MemberSheet.OfficialOn, required: false);
            var general = GeneralEducation();
            var professional = Coded(MemberSheet.Professional, VietnameseNames.ProfessionalLevels, required: false) ?? ProfessionalLevel.None;
            var theory = Coded(MemberSheet.PoliticalTheory, VietnameseNames.PoliticalTheories, required: false) ?? Members.PoliticalTheory.None;
            var grade = Coded(MemberSheet.CivilServiceGrade, VietnameseNames.CivilServiceGrades, required: false) ?? Members.CivilServiceGrade.None;
            var science = Bool(MemberSheet.ScienceTechnology);
            var youth = Bool(MemberSheet.YouthUnion);
            var enterprise = Bool(MemberSheet.Enterprise);
            var retired = Bool(MemberSheet.Retired);
            if (!_ok)
            {
                return null;
            }

            var profile = new MemberProfile
            {
                FullName = fullName!,
                OtherNames = Optional(MemberSheet.OtherNames),
                Gender = gender!.Value,
                BirthDate = birth!.Value,
                BirthPlace = Optional(MemberSheet.BirthPlace),
                HomeTown = Optional(MemberSheet.HomeTown),
                Residence = Optional(MemberSheet.Residence),
                Cccd = cccd,
                Ethnicity = ethnicity!.Value,
                Religion = religion,
                Occupation = Optional(MemberSheet.Occupation),
                Workplace = Optional(MemberSheet.Workplace),
                Position = Optional(MemberSheet.Position),
                GeneralEducation = general!.Value,
                Professional = professional,
                ProfessionalField = Optional(MemberSheet.ProfessionalField),
                ScienceTechnology = science,
                PoliticalTheory = theory,
                ForeignLanguage = Optional(MemberSheet.ForeignLanguage),
                CivilServiceGrade = grade,
                YouthUnion = youth,
                Enterprise = enterprise,
                Retired = retired,
                PartyCardNumber = Optional(MemberSheet.PartyCardNumber),
            };
            return (row, new MemberRegistration(profile.Cleaned(), 0, admitted!.Value, official), cellCode!);
        }

        private object? Raw(string letter) => cells.TryGetValue(letter, out var v) ? v : null;

        private object? Value(string header) => columns.TryGetValue(header, out var letter) ? Raw(letter) : null;

        private string? Optional(string header) => Text(Value(header)) is { Length: > 0 } s ? s : null;

        private void Error(string header, string message)
        {
            errors.Add(new ImportError(row, header, message));
            _ok = false;
        }

        private string? Required(string header)
        {
            var s = Optional(header);
            if (s is null)
            {
                Error(header, "Bắt buộc, đang để trống.");
            }

            return s;
        }

        private DateOnly? Date(string header, bool required)
        {
            var raw = Value(header);
            switch (raw)
            {
                case DateTime d:
                    return DateOnly.FromDateTime(d);
                case double serial when serial is > 0 and < 2_958_466:
                    return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }

            var text = Text(raw);
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(header, "Bắt buộc, đang để trống.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(header, $"\"{text}\" không phải ngày hợp lệ dạng dd/MM/yyyy.");
            return null;
        }

        private T? Coded<T>(string header, IReadOnlyList<(T Value, string Name)> names, bool required)
            where T : struct, Enum
        {
            var text = Text(Value(header));
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(header, $"Bắt buộc, đang để trống (ghi một trong: {VietnameseNames.List(names)}).");
                }

                return null;
            }

            var value = VietnameseNames.Parse(names, text);
            if (value is null)
            {
                Error(header, $"\"{text}\" không hợp lệ: ghi một trong {VietnameseNames.List(names)}.");
            }

            return value;
        }

        private GeneralEducation? GeneralEducation()
        {
            var text = Text(Value(MemberSheet.GeneralEducation));
            if (text.Length == 0)
            {
                Error(MemberSheet.GeneralEducation, "Bắt buộc, đang để trống.");
                return null;
            }

            var value = VietnameseNames.ParseGeneralEducation(text);
            if (value is null)
            {
                Error(MemberSheet.GeneralEducation, $"\"{text}\" không hợp lệ: ghi một trong {VietnameseNames.List(VietnameseNames.GeneralEducations)}.");
            }

            return value;
        }

        private int? Ethnicity()
        {
            var text = Text(Value(MemberSheet.Ethnicity));
            if (text.Length == 0)
            {
                Error(MemberSheet.Ethnicity, "Bắt buộc, đang để trống.");
                return null;
            }

            var code = Ethnicities.CodeOf(text);
            if (code is null)
            {
                Error(MemberSheet.Ethnicity, $"\"{text}\" không có trong danh mục 54 dân tộc Việt Nam.");
            }

            return code;
        }

        private string? Cccd()
        {
            var raw = Value(MemberSheet.Cccd);

            // A CCCD typed as a number has lost its leading zeros.
            var text = raw is double d && d >= 0 && d < 1e12 && d == Math.Floor(d)
                ? ((long)d).ToString("000000000000", CultureInfo.InvariantCulture)
                : Text(raw).Replace(" ", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                Error(MemberSheet.Cccd, "Bắt buộc, đang để trống.");
                return null;
            }

            return text;
        }

        private bool Bool(string header)
        {
            var text = Text(Value(header));
            var value = VietnameseNames.ParseBool(text);
            if (value is null)
            {
                Error(header, $"\"{text}\" không hợp lệ: ghi Có hoặc Không.");
            }

            return value ?? false;
        }
    }
}

/// <summary>The legacy import is for <see cref="MemberImport.Importers"/> only.</summary>
public sealed record LegacyImportIsForTheCompetentCommittees(bool CallerMay) : IRule
{
    public string Field => "File";

    public string Message => "Nhập danh sách đảng viên từ Excel tạo hồ sơ đảng viên với ngày vào Đảng ghi trong tệp, "
        + "nên chỉ Ban Tổ chức Tỉnh ủy và đảng ủy cấp trên trực tiếp cơ sở (cấp có thẩm quyền kết nạp) được nhập, trên đơn vị mình phụ trách.";

    public bool IsBroken() => !CallerMay;
}
