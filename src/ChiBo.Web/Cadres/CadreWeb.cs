using System.Globalization;
using ChiBo.Cadres;
using ChiBo.Data;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Web.Cadres;

/// <summary>Links, choices and number formats the cadre pages share.</summary>
public static class CadreWeb
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Q(string code) => Uri.EscapeDataString(code);

    public static string Committees(string org) => "/can-bo/cap-uy?org=" + Q(org);

    public static string Committee(int id) => "/can-bo/cap-uy/" + I(id);

    public static string Composition(string org, string level) => "/can-bo/co-cau?org=" + Q(org) + "&level=" + Q(level);

    public static string Planning(string org) => "/can-bo/quy-hoach?org=" + Q(org);

    public static string Rotations(string org) => "/can-bo/luan-chuyen?org=" + Q(org);

    public static string Training(string org) => "/can-bo/boi-duong?org=" + Q(org);

    public static string Evaluations(string org) => "/can-bo/danh-gia?org=" + Q(org);

    public static string Period(int id) => "/can-bo/danh-gia/ky/" + I(id);

    public static string Evaluation(int id) => "/can-bo/danh-gia/" + I(id);

    public static string Quarters(int memberId) => "/can-bo/danh-gia/can-bo/" + I(memberId);

    public static string File(int memberId) => "/can-bo/ho-so/" + I(memberId);

    /// <summary>A score or a weight as vi-VN writes it: 85,5.</summary>
    public static string Score(decimal? d) => d is { } v ? v.ToString("0.##", VietnameseFormats.Culture) : "–";

    /// <summary>A decimal typed as 85,5 or 85.5.</summary>
    public static decimal? ParseDecimal(string? text) =>
        text is not null && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;

    public static readonly IReadOnlyList<(CommitteePosition Value, string Label)> Positions =
        Enum.GetValues<CommitteePosition>().Select(p => (p, CadreNames.Of(p))).ToList();

    public static readonly IReadOnlyList<(RotationKind Value, string Label)> RotationKinds =
        Enum.GetValues<RotationKind>().Select(k => (k, CadreQueries.Name(k))).ToList();

    public static readonly IReadOnlyList<(TrainingKind Value, string Label)> TrainingKinds =
        Enum.GetValues<TrainingKind>().Select(k => (k, CadreQueries.Name(k))).ToList();

    /// <summary>Why a seat begins during the term (the congress's own seats are written when the term is formed).</summary>
    public static readonly IReadOnlyList<(MembershipChange Value, string Label)> StartReasons =
        [(MembershipChange.Added, CadreNames.Of(MembershipChange.Added)), (MembershipChange.Appointed, CadreNames.Of(MembershipChange.Appointed))];

    public static readonly IReadOnlyList<(MembershipChange Value, string Label)> EndReasons =
        new[] { MembershipChange.Moved, MembershipChange.Resigned, MembershipChange.Disciplined, MembershipChange.Died }.Select(c => (c, CadreNames.Of(c))).ToList();

    public static readonly IReadOnlyList<(EvaluationComponent Value, string Label)> Components =
        Enum.GetValues<EvaluationComponent>().Select(c => (c, EvaluationQueries.GroupName(c))).ToList();

    /// <summary>
    /// The members of a subtree in the Party today (for the choice of a person by number): at most
    /// <paramref name="take"/>, by name. The command checks the person again.
    /// </summary>
    public static async Task<IReadOnlyList<(int Id, string Name, string Cell)>> PeopleAsync(ChiBoDb db, Subtree subtree, int take, CancellationToken ct)
    {
        var rows = await (from m in db.Members.AsNoTracking()
                          join o in db.Organizations.AsNoTracking().In(subtree) on m.CellId equals o.Id
                          where m.Status == ChiBo.Members.MemberStatus.Official || m.Status == ChiBo.Members.MemberStatus.Probationary
                              || m.Status == ChiBo.Members.MemberStatus.Exempted
                          orderby m.SearchName
                          select new { m.Id, m.FullName, o.Name }).Take(take).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.FullName, r.Name)).ToList();
    }

    /// <summary>Organizations of a subtree for a choice by code (at most <paramref name="take"/>, in tree order).</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> OrgsAsync(ChiBoDb db, Subtree subtree, int take, CancellationToken ct, params OrgKind[] kinds)
    {
        var query = db.Organizations.AsNoTracking().In(subtree).Where(o => o.DissolvedOn == null);
        if (kinds.Length > 0)
        {
            query = query.Where(o => kinds.Contains(o.Kind));
        }

        var rows = await query.OrderBy(o => o.Path).Select(o => new { o.Code, o.Name }).Take(take).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>A workbook of named sheets, each a header row and rows; numbers stay numbers, text is neutralised.</summary>
    public static byte[] Workbook(params (string Name, string[] Headers, IEnumerable<object?[]> Rows)[] sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var (name, headers, rows) in sheets)
        {
            book[name] = new[] { headers.Cast<object?>().ToArray() }.Concat(rows).Select(Row).ToList();
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(book, printHeader: false);
        return buffer.ToArray();
    }

    private static Dictionary<string, object?> Row(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row["c" + i.ToString("000", CultureInfo.InvariantCulture)] = cells[i] is string s ? MemberSheet.Neutralise(s) : cells[i];
        }

        return row;
    }
}

/// <summary>Dates in query strings: yyyy-MM-dd as a date input sends, or dd/MM/yyyy as typed; empty means today.</summary>
public static class CadreDates
{
    public const string BadRange = "Khoảng ngày không hợp lệ: cần dạng ngày/tháng/năm, từ ngày trước đến ngày.";

    /// <summary>A from–to range of a list page: from 1 January four years back and to today when empty; null when unreadable or reversed.</summary>
    public static (DateOnly From, DateOnly To)? Range(string? from, string? to, DateOnly today) =>
        Parse(from, new DateOnly(today.Year - 4, 1, 1)) is { } f && Parse(to, today) is { } t && t >= f ? (f, t) : null;

    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static DateOnly? Parse(string? text, DateOnly fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : null;
}
