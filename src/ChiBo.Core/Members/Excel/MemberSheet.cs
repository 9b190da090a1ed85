using System.Globalization;
using MiniExcelLibs;

namespace ChiBo.Members.Excel;

/// <summary>
/// The member sheet's columns, with the Vietnamese headers users know. Every cell is written as
/// text (dates as dd/MM/yyyy, CCCD keeps its leading zeros) so that a file read back is the file written.
/// </summary>
public static class MemberSheet
{
    public const string FullName = "Họ và tên";
    public const string OtherNames = "Tên gọi khác";
    public const string Gender = "Giới tính";
    public const string BirthDate = "Ngày sinh (dd/MM/yyyy)";
    public const string BirthPlace = "Nơi sinh";
    public const string HomeTown = "Quê quán";
    public const string Residence = "Nơi ở hiện nay";
    public const string Cccd = "Số CCCD";
    public const string Ethnicity = "Dân tộc";
    public const string Religion = "Tôn giáo";
    public const string Occupation = "Nghề nghiệp";
    public const string Workplace = "Nơi làm việc";
    public const string Position = "Chức vụ";
    public const string CellCode = "Mã chi bộ";
    public const string AdmittedOn = "Ngày vào Đảng (dd/MM/yyyy)";
    public const string OfficialOn = "Ngày chính thức (dd/MM/yyyy)";
    public const string GeneralEducation = "Trình độ giáo dục phổ thông";
    public const string Professional = "Chuyên môn";
    public const string ProfessionalField = "Ngành chuyên môn";
    public const string ScienceTechnology = "Khoa học - công nghệ";
    public const string PoliticalTheory = "Lý luận chính trị";
    public const string ForeignLanguage = "Ngoại ngữ";
    public const string CivilServiceGrade = "Ngạch công chức";
    public const string YouthUnion = "Đoàn viên";
    public const string Enterprise = "Làm việc trong doanh nghiệp";
    public const string Retired = "Đã nghỉ hưu";
    public const string PartyCardNumber = "Số thẻ đảng viên";
    public const string Status = "Trạng thái";

    public const string DateFormat = "dd/MM/yyyy";
    public const string SheetName = "Đảng viên";

    /// <summary>The columns of the template and the import, in order.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        FullName, OtherNames, Gender, BirthDate, BirthPlace, HomeTown, Residence, Cccd, Ethnicity, Religion,
        Occupation, Workplace, Position, CellCode, AdmittedOn, OfficialOn, GeneralEducation, Professional,
        ProfessionalField, ScienceTechnology, PoliticalTheory, ForeignLanguage, CivilServiceGrade, YouthUnion,
        Enterprise, Retired, PartyCardNumber,
    ];

    /// <summary>Columns an import cannot do without.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string>
    {
        FullName, Gender, BirthDate, Cccd, Ethnicity, CellCode, AdmittedOn, GeneralEducation,
    };

    /// <summary>The export adds the status.</summary>
    public static readonly IReadOnlyList<string> ExportHeaders = [.. Headers, Status];

    /// <summary>Which column a rule's field is about, to point an import error at it.</summary>
    public static string ColumnOf(string field) => field switch
    {
        nameof(Member.FullName) => FullName,
        nameof(Member.OtherNames) => OtherNames,
        nameof(Member.BirthPlace) => BirthPlace,
        nameof(Member.HomeTown) => HomeTown,
        nameof(Member.Residence) => Residence,
        nameof(Member.Occupation) => Occupation,
        nameof(Member.Workplace) => Workplace,
        nameof(Member.Position) => Position,
        nameof(Member.ProfessionalField) => ProfessionalField,
        nameof(Member.ForeignLanguage) => ForeignLanguage,
        nameof(Member.PartyCardNumber) => PartyCardNumber,
        nameof(Member.BirthDate) => BirthDate,
        nameof(Member.Cccd) => Cccd,
        nameof(Member.Ethnicity) => Ethnicity,
        nameof(Member.AdmittedOn) => AdmittedOn,
        nameof(Member.OfficialOn) => OfficialOn,
        nameof(Member.CellId) => CellCode,
        nameof(Member.Gender) => Gender,
        _ => "",
    };

    /// <summary>
    /// Text that a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe in
    /// front. The apostrophe is part of the stored text: the cell shows it, nothing is evaluated,
    /// and <see cref="Unneutralise"/> takes it off when the file is imported again.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    public static string Unneutralise(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;

    public static string Date(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes rows of texts under the headers; the first row of the sheet is the header row.</summary>
    internal static void Write(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<IReadOnlyList<string>>? guide = null)
    {
        static Dictionary<string, object?> Row(IReadOnlyList<string?> cells)
        {
            var row = new Dictionary<string, object?>(cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                row["c" + i.ToString("000", CultureInfo.InvariantCulture)] = cells[i] is { } c ? Neutralise(c) : null;
            }

            return row;
        }

        var sheet = new[] { Row(headers) }.Concat(rows.Select(Row));
        var sheets = new Dictionary<string, object> { [SheetName] = sheet };
        if (guide is not null)
        {
            sheets["Hướng dẫn"] = guide.Select(Row);
        }

        output.SaveAs(sheets, printHeader: false);
    }

    /// <summary>The accepted words of each coded column, for the template's second sheet.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Guide() =>
    [
        ["Cột", "Bắt buộc", "Giá trị hợp lệ"],
        [FullName, "Có", "Họ tên đầy đủ, có dấu"],
        [Gender, "Có", VietnameseNames.List(VietnameseNames.Genders)],
        [BirthDate, "Có", "Ngày dạng dd/MM/yyyy, ví dụ 14/03/1985"],
        [Cccd, "Có", "12 chữ số, khớp năm sinh và giới tính"],
        [Ethnicity, "Có", string.Join(", ", Ethnicities.Names)],
        [Religion, "Không (trống = Không)", VietnameseNames.List(VietnameseNames.Religions)],
        [CellCode, "Có", "Mã chi bộ cơ sở hoặc chi bộ trực thuộc, trong phạm vi đơn vị nhập"],
        [AdmittedOn, "Có", "dd/MM/yyyy; đảng viên phải đủ 18 tuổi"],
        [OfficialOn, "Không (trống = dự bị)", "dd/MM/yyyy; sau ngày vào Đảng ít nhất 12 tháng"],
        [GeneralEducation, "Có", VietnameseNames.List(VietnameseNames.GeneralEducations) + " (hoặc THCS, THPT)"],
        [Professional, "Không (trống = Không)", VietnameseNames.List(VietnameseNames.ProfessionalLevels)],
        [PoliticalTheory, "Không (trống = Không)", VietnameseNames.List(VietnameseNames.PoliticalTheories)],
        [CivilServiceGrade, "Không (trống = Không)", VietnameseNames.List(VietnameseNames.CivilServiceGrades)],
        [ScienceTechnology + ", " + YouthUnion + ", " + Enterprise + ", " + Retired, "Không (trống = Không)", "Có, Không"],
    ];

    /// <summary>The empty form: headers, and a second sheet explaining each column.</summary>
    public static void WriteTemplate(Stream output) => Write(output, Headers, [], Guide());
}
