using System.Globalization;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Text;

namespace ChiBo.Web.Members;

/// <summary>
/// What a member list asks for, parsed once from the query string for the page and the API:
/// <c>org, q, page, status, gender, ageBand, generalEducation, sector</c>. Status defaults to the
/// active members (dự bị, chính thức, miễn sinh hoạt); <c>status=all</c> lists every record.
/// </summary>
public sealed record MemberFilter
{
    public const int PageSize = 50;
    public const string ActiveStatuses = "active";
    public const string AllStatuses = "all";

    public string Org { get; init; } = "root";
    public string? Query { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>"active", "all" or one status.</summary>
    public string Status { get; init; } = ActiveStatuses;

    public Gender? Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public GeneralEducation? GeneralEducation { get; init; }

    /// <summary>Loại hình of the cell's TCCSĐ (cells carry their TCCSĐ's sector).</summary>
    public Sector? Sector { get; init; }

    public IReadOnlyList<MemberStatus> Statuses => Status switch
    {
        ActiveStatuses => [MemberStatus.Probationary, MemberStatus.Official, MemberStatus.Exempted],
        AllStatuses => [],
        _ => [Enum.Parse<MemberStatus>(Status, ignoreCase: true)],
    };

    /// <summary>Digits only, 12 of them: a CCCD number rather than a name.</summary>
    public string? Cccd => Query is { } q && q.Trim().Length == 12 && q.Trim().All(char.IsAsciiDigit) ? q.Trim() : null;

    /// <summary>The folded words of a name query ("Nguyễn  Văn-An" → nguyen, van, an).</summary>
    public IReadOnlyList<string> Words => Query is null || Cccd is not null
        ? []
        : new string(VietnameseText.Fold(Query).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(6)
            .ToList();

    /// <summary>Parses the query string; on bad input returns null with the field and a Vietnamese message.</summary>
    public static MemberFilter? Parse(IQueryCollection query, out string? field, out string? error)
    {
        field = null;
        error = null;
        var filter = new MemberFilter();

        if (Text(query, "org") is { } org)
        {
            filter = filter with { Org = org };
        }

        if (Text(query, "q") is { } q)
        {
            if (q.Length > 100)
            {
                return Fail("q", "Từ khóa tìm kiếm dài quá 100 ký tự.", out field, out error);
            }

            filter = filter with { Query = q };
        }

        if (Text(query, "page") is { } page)
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1 || p > 100_000)
            {
                return Fail("page", $"Số trang \"{page}\" không hợp lệ: cần một số nguyên từ 1.", out field, out error);
            }

            filter = filter with { Page = p };
        }

        if (Text(query, "status") is { } status)
        {
            if (status is ActiveStatuses or AllStatuses)
            {
                filter = filter with { Status = status };
            }
            else if (Labels.TryParseApiName<MemberStatus>(status, out var s))
            {
                filter = filter with { Status = Labels.ApiName(s) };
            }
            else
            {
                return Fail("status", $"Trạng thái \"{status}\" không hợp lệ: dùng active, all, probationary, official, exempted, transferredOut, struckOff, removed, expelled hoặc died.", out field, out error);
            }
        }

        if (Text(query, "gender") is { } gender)
        {
            if (!Labels.TryParseApiName<Gender>(gender, out var g))
            {
                return Fail("gender", $"Giới tính \"{gender}\" không hợp lệ: dùng male hoặc female.", out field, out error);
            }

            filter = filter with { Gender = g };
        }

        if (Text(query, "ageBand") is { } band)
        {
            try
            {
                filter = filter with { AgeBand = ChiBo.Reports.AgeBand.Parse(band) };
            }
            catch (FormatException e)
            {
                return Fail("ageBand", e.Message, out field, out error);
            }
        }

        if (Text(query, "generalEducation") is { } education)
        {
            if (!Labels.TryParseApiName<GeneralEducation>(education, out var e))
            {
                return Fail("generalEducation", $"Trình độ giáo dục phổ thông \"{education}\" không hợp lệ: dùng literate, primary, lowerSecondary hoặc upperSecondary.", out field, out error);
            }

            filter = filter with { GeneralEducation = e };
        }

        if (Text(query, "sector") is { } sector)
        {
            if (!Labels.TryParseApiName<Sector>(sector, out var s))
            {
                return Fail("sector", $"Loại hình \"{sector}\" không hợp lệ: dùng partyFrontUnions, stateAgency, publicService, enterpriseCoop, armedForces, commune hoặc other.", out field, out error);
            }

            filter = filter with { Sector = s };
        }

        return filter;
    }

    /// <summary>The query string of this filter on another page (for the pager's links).</summary>
    public Dictionary<string, string?> RouteValues(int page) => new()
    {
        ["org"] = Org == "root" ? null : Org,
        ["q"] = Query,
        ["status"] = Status == ActiveStatuses ? null : Status,
        ["gender"] = Gender is { } g ? Labels.ApiName(g) : null,
        ["ageBand"] = AgeBand?.Label,
        ["generalEducation"] = GeneralEducation is { } e ? Labels.ApiName(e) : null,
        ["sector"] = Sector is { } s ? Labels.ApiName(s) : null,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.LastOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static MemberFilter? Fail(string name, string message, out string? field, out string? error)
    {
        field = name;
        error = message;
        return null;
    }
}
