using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChiBo.Ratings;

/// <summary>
/// The sheet of past ratings, with Vietnamese headers. A row with a CCCD is a member's rating; a row
/// without one is an organization's, which for a chi bộ may also give its members' counts per level
/// (the aggregates a province kept when it has no list by name).
/// </summary>
public static class RatingSheet
{
    public const string Year = "Năm";
    public const string OrgCode = "Mã tổ chức đảng";
    public const string Cccd = "Số CCCD";
    public const string FullName = "Họ và tên";
    public const string Level = "Mức xếp loại";
    public const string NotRated = "Lý do không xếp loại";
    public const string Score = "Điểm";
    public const string DecisionNumber = "Số quyết định";
    public const string DecidedOn = "Ngày quyết định (dd/MM/yyyy)";
    public const string DecidedBy = "Cấp quyết định";
    public const string Note = "Ghi chú";
    public const string MembersExcellent = "Số đảng viên HTXSNV";
    public const string MembersGood = "Số đảng viên HTTNV";
    public const string MembersFulfilled = "Số đảng viên HTNV";
    public const string MembersNotFulfilled = "Số đảng viên KHTNV";
    public const string MembersNotRated = "Số đảng viên không xếp loại";

    public const string SheetName = "Xếp loại";

    public static readonly IReadOnlyList<string> Headers =
    [
        Year, OrgCode, Cccd, FullName, Level, NotRated, Score, DecisionNumber, DecidedOn, DecidedBy, Note,
        MembersExcellent, MembersGood, MembersFulfilled, MembersNotFulfilled, MembersNotRated,
    ];

    public static readonly IReadOnlyList<string> Counts = [MembersExcellent, MembersGood, MembersFulfilled, MembersNotFulfilled, MembersNotRated];

    /// <summary>Which column a rule's field is about.</summary>
    public static string ColumnOf(string field) => field switch
    {
        "Level" => Level,
        "Score" => Score,
        "DecisionNumber" => DecisionNumber,
        "DecidedOn" => DecidedOn,
        _ => "",
    };

    /// <summary>The empty form and a second sheet explaining each column.</summary>
    public static void WriteTemplate(Stream output)
    {
        static Dictionary<string, object?> Row(IReadOnlyList<string> cells) =>
            cells.Select((c, i) => ("c" + i.ToString("000", CultureInfo.InvariantCulture), (object?)c)).ToDictionary(x => x.Item1, x => x.Item2);
        var reasons = string.Join("; ", Enum.GetValues<NotRatedReason>().Select(RatingNames.Of));
        var guide = new List<IReadOnlyList<string>>
        {
            new[] { "Cột", "Bắt buộc", "Giá trị hợp lệ" },
            new[] { Year, "Có", "Năm đánh giá, xếp loại (đã kết thúc), ví dụ 2023" },
            new[] { OrgCode, "Có với dòng tổ chức", "Mã tổ chức đảng; với dòng đảng viên là mã chi bộ của đảng viên năm đó (để trống: lấy theo hồ sơ)" },
            new[] { Cccd, "Có với dòng đảng viên", "12 chữ số; để trống là dòng của tổ chức đảng" },
            new[] { FullName, "Không", "Để đối chiếu với hồ sơ" },
            new[] { Level, "Một trong hai", "HTXSNV, HTTNV, HTNV, KHTNV (hoặc ghi đủ: Hoàn thành tốt nhiệm vụ…)" },
            new[] { NotRated, "Một trong hai", reasons },
            new[] { Score, "Không", "Từ 0 đến 100 (năm có thang điểm)" },
            new[] { DecisionNumber + ", " + DecidedOn, "Có khi có mức xếp loại hoặc lý do", "Số quyết định; ngày dd/MM/yyyy, trong năm đánh giá hoặc sau" },
            new[] { DecidedBy, "Không", "Tên cấp quyết định (để trống: theo cây tổ chức)" },
            new[] { string.Join(", ", Counts), "Không", "Chỉ với dòng của chi bộ: số đảng viên theo từng mức khi không có danh sách từng người" },
        };
        var sheets = new Dictionary<string, object>
        {
            [SheetName] = new[] { Row(Headers) },
            ["Hướng dẫn"] = guide.Select(Row),
        };
        output.SaveAs(sheets, printHeader: false);
    }
}

/// <summary>
/// Nhập kết quả xếp loại các năm trước từ Excel: every row checked and every problem reported with
/// its row and column; only a file without any problem is written, in one transaction. Rows go in
/// as published results (Source = Import) with an "imported" event each, for members and
/// organizations of the importer's subtree, for years without an open round.
/// </summary>
public sealed class RatingImport(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor)
{
    public const int MaxRows = 20_000;

    private sealed record Parsed(
        int Row, int Year, string? OrgCode, string? Cccd, string? FullName, RatingLevel? Level, NotRatedReason? NotRated, decimal? Score,
        string? DecisionNumber, DateOnly? DecidedOn, string? DecidedBy, string? Note, int[]? Counts);

    public async Task<ImportResult> ImportAsync(Stream xlsx, Subtree scope, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        List<IDictionary<string, object?>> sheet;
        try
        {
            var buffer = new MemoryStream();
            await xlsx.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            sheet = buffer.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(1, "", "Tệp không phải tệp Excel (.xlsx) đọc được. Hãy dùng mẫu tải về từ hệ thống.");
        }

        if (sheet.Count == 0)
        {
            return Failed(1, "", "Tệp không có dữ liệu: dòng 1 phải là dòng tiêu đề của mẫu.");
        }

        var columns = new Dictionary<string, string>();
        foreach (var (letter, value) in sheet[0])
        {
            var header = MemberImport.Text(value);
            if (RatingSheet.Headers.FirstOrDefault(h => VietnameseText.Fold(h) == VietnameseText.Fold(header)) is { } known)
            {
                columns.TryAdd(known, letter);
            }
        }

        foreach (var required in new[] { RatingSheet.Year, RatingSheet.OrgCode, RatingSheet.Cccd, RatingSheet.Level, RatingSheet.NotRated, RatingSheet.DecisionNumber, RatingSheet.DecidedOn }
                     .Where(h => !columns.ContainsKey(h)))
        {
            errors.Add(new ImportError(1, required, $"Thiếu cột \"{required}\" ở dòng tiêu đề."));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }

        if (sheet.Count > MaxRows + 1)
        {
            return Failed(MaxRows + 2, "", $"Mỗi lần nhập tối đa {MaxRows} dòng: hãy chia tệp.");
        }

        var today = clock.Today();
        var rows = new List<Parsed>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var reader = new Reader(i + 1, sheet[i], columns, errors, today);
            if (!reader.IsEmpty && reader.Read() is { } row)
            {
                rows.Add(row);
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            return Failed(2, "", "Tệp không có dòng dữ liệu nào.");
        }

        var plan = await CheckAsync(rows, scope, errors, ct);
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors.OrderBy(e => e.Row).ToList());
        }

        await WriteAsync(plan, ct);
        return new ImportResult(rows.Count, []);
    }

    private static ImportResult Failed(int row, string column, string message) => new(0, [new ImportError(row, column, message)]);

    /// <summary>A row ready to write: the subject as it stood at the end of its year.</summary>
    private sealed record Ready(Parsed Row, int? MemberId, Place Org, IReadOnlyList<Place> Ancestors);

    private async Task<List<Ready>> CheckAsync(List<Parsed> rows, Subtree scope, List<ImportError> errors, CancellationToken ct)
    {
        var codes = rows.Where(r => r.OrgCode is not null).Select(r => r.OrgCode!).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        var numbers = rows.Where(r => r.Cccd is not null).Select(r => r.Cccd!).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.Cccd != null && numbers.Contains(m.Cccd)).ToDictionaryAsync(m => m.Cccd!, ct);
        var seen = new Dictionary<(bool, int, int), int>();
        var ready = new List<Ready>();
        var rounds = new Dictionary<(int, int), List<RatingRound>>();
        foreach (var r in rows)
        {
            void Error(string column, string message) => errors.Add(new ImportError(r.Row, column, message));
            var yearEnd = new DateOnly(r.Year, 12, 31);
            int? memberId = null;
            Place? place;
            if (r.Cccd is { } cccd)
            {
                if (!members.TryGetValue(cccd, out var m))
                {
                    Error(RatingSheet.Cccd, $"Không có đảng viên số CCCD {cccd}.");
                    continue;
                }

                if (r.FullName is { } name && VietnameseText.Fold(name) != m.SearchName)
                {
                    Error(RatingSheet.FullName, $"Họ tên \"{name}\" không khớp với hồ sơ số CCCD {cccd} ({m.FullName}).");
                }

                memberId = m.Id;
                var periods = await db.MemberPeriods.AsNoTracking()
                    .Where(p => p.MemberId == m.Id && p.ValidFrom <= yearEnd && p.ValidTo > new DateOnly(r.Year, 1, 1))
                    .OrderByDescending(p => p.ValidFrom).ToListAsync(ct);
                var cellId = r.OrgCode is { } code ? orgs.GetValueOrDefault(code)?.Id : periods.FirstOrDefault()?.CellId;
                if (periods.Count == 0 || cellId is null || periods.All(p => p.CellId != cellId))
                {
                    Error(r.OrgCode is null ? RatingSheet.Cccd : RatingSheet.OrgCode, r.OrgCode is null
                        ? $"Đồng chí {m.FullName} không sinh hoạt đảng trong năm {r.Year}."
                        : $"Đồng chí {m.FullName} không sinh hoạt ở chi bộ mã \"{r.OrgCode}\" trong năm {r.Year}.");
                    continue;
                }

                var period = periods.First(p => p.CellId == cellId);
                place = await RatingLevels.OnAsync(db, cellId.Value, period.ValidTo <= yearEnd ? period.ValidTo.AddDays(-1) : yearEnd, ct);
            }
            else
            {
                if (r.OrgCode is null || !orgs.TryGetValue(r.OrgCode, out var org))
                {
                    Error(RatingSheet.OrgCode, r.OrgCode is null ? "Bắt buộc với dòng của tổ chức đảng (dòng không có số CCCD)." : $"Không có tổ chức đảng mã \"{r.OrgCode}\".");
                    continue;
                }

                place = await RatingLevels.OnAsync(db, org.Id, yearEnd, ct)
                        ?? await RatingLevels.OnAsync(db, org.Id, org.DissolvedOn is { } d && d.Year == r.Year ? d.AddDays(-1) : yearEnd, ct);
            }

            if (place is null)
            {
                Error(RatingSheet.OrgCode, $"Tổ chức đảng không tồn tại trong năm {r.Year}.");
                continue;
            }

            if (!scope.Contains(place.Path) && !scope.Contains(place.Org.Path) || (scope.ProvinceId is { } p && place.Org.ProvinceId != p)
                || !(caller.Can(Operation.RatingsWrite, place.Subtree) || caller.Can(Operation.RatingsWrite, Subtree.Of(place.Org))))
            {
                Error(memberId is null ? RatingSheet.OrgCode : RatingSheet.Cccd, $"{(memberId is null ? place.Name : "Đảng viên")} không thuộc phạm vi đơn vị đang nhập.");
                continue;
            }

            var policy = RatingPolicy.For(r.Year);
            var subject = memberId is null ? RatingSubject.Organization : RatingSubject.Member;
            if (memberId is null && !policy.RatedKinds.Contains(place.Kind))
            {
                Error(RatingSheet.OrgCode, $"{place.Name} không thuộc diện đánh giá, xếp loại trong hệ thống.");
                continue;
            }

            if (r.Level is not null || r.NotRated is not null || memberId is not null)
            {
                foreach (var broken in Rules.Broken([
                             new OutcomeIsOneOfLevelOrReason(r.Level, r.NotRated, r.Note, policy, subject),
                             new ScoreIsOnTheScale(r.Score, policy)]))
                {
                    Error(broken is ScoreIsOnTheScale ? RatingSheet.Score : r.Level is null ? RatingSheet.NotRated : RatingSheet.Level, broken.Message);
                }

                if (r.DecisionNumber is null)
                {
                    Error(RatingSheet.DecisionNumber, "Bắt buộc khi có mức xếp loại hoặc lý do không xếp loại.");
                }

                if (r.DecidedOn is null)
                {
                    Error(RatingSheet.DecidedOn, "Bắt buộc khi có mức xếp loại hoặc lý do không xếp loại.");
                }
                else if (r.DecidedOn.Value.Year < r.Year)
                {
                    Error(RatingSheet.DecidedOn, $"Ngày quyết định không được trước năm đánh giá {r.Year}.");
                }
            }
            else if (r.Counts is null)
            {
                Error(RatingSheet.Level, "Cần mức xếp loại, lý do không xếp loại, hoặc số đảng viên theo từng mức.");
            }

            if (r.Counts is not null && (memberId is not null || !place.Kind.HoldsMembers()))
            {
                Error(RatingSheet.MembersExcellent, "Số đảng viên theo từng mức chỉ ghi ở dòng của chi bộ.");
            }

            var key = (memberId is not null, memberId ?? place.Org.Id, r.Year);
            if (seen.TryGetValue(key, out var first))
            {
                Error(memberId is null ? RatingSheet.OrgCode : RatingSheet.Cccd, $"Trùng với dòng {first} (cùng đối tượng, cùng năm).");
                continue;
            }

            seen[key] = r.Row;
            var existing = memberId is { } id
                ? await db.MemberRatings.AsNoTracking().AnyAsync(x => x.MemberId == id && x.Year == r.Year, ct)
                : await db.OrgRatings.AsNoTracking().AnyAsync(x => x.OrganizationId == place.Org.Id && x.Year == r.Year
                    && (x.State >= RatingState.Decided || x.MembersExcellent + x.MembersGood + x.MembersFulfilled + x.MembersNotFulfilled + x.MembersNotRated > 0), ct);
            if (existing)
            {
                Error(memberId is null ? RatingSheet.OrgCode : RatingSheet.Cccd, $"Đã có kết quả xếp loại năm {r.Year} trong hệ thống: điều chỉnh bằng quyết định điều chỉnh, không nhập lại.");
                continue;
            }

            if (!rounds.TryGetValue((place.Org.ProvinceId, r.Year), out var open))
            {
                rounds[(place.Org.ProvinceId, r.Year)] = open = await db.RatingRounds.AsNoTracking()
                    .Where(x => x.ProvinceId == place.Org.ProvinceId && x.Year == r.Year && x.Status == RoundStatus.Open).ToListAsync(ct);
            }

            if (open.Any(x => place.Path.StartsWith(x.SubtreePath, StringComparison.Ordinal)))
            {
                Error(RatingSheet.Year, $"Năm {r.Year} đang có đợt đánh giá, xếp loại: kết quả ghi qua đợt, không nhập từ tệp.");
                continue;
            }

            ready.Add(new Ready(r, memberId, place, await RatingLevels.AncestorsAsync(db, place.Org.ProvinceId, place.Path, yearEnd, ct)));
        }

        // Members by name and their chi bộ's counts are two ways of saying the same thing: not both for one chi bộ and year.
        var byName = ready.Where(x => x.MemberId is not null).Select(x => (x.Org.Org.Id, x.Row.Year)).ToHashSet();
        foreach (var x in ready.Where(x => x.Row.Counts is not null && byName.Contains((x.Org.Org.Id, x.Row.Year))))
        {
            errors.Add(new ImportError(x.Row.Row, RatingSheet.MembersExcellent, $"Chi bộ này đã có đảng viên nhập theo từng người năm {x.Row.Year}: không ghi thêm số theo mức."));
        }

        return ready;
    }

    private Task WriteAsync(List<Ready> plan, CancellationToken ct) =>
        Transactions.RunAsync(db, "Nhập kết quả xếp loại", async () =>
        {
            var now = clock.GetUtcNow();
            var cellRows = new Dictionary<(int, int), OrgRating>();
            async Task<OrgRating> OrgRowAsync(Place org, int year)
            {
                if (cellRows.TryGetValue((org.Org.Id, year), out var row))
                {
                    return row;
                }

                row = await db.OrgRatings.SingleOrDefaultAsync(x => x.OrganizationId == org.Org.Id && x.Year == year, ct);
                if (row is null)
                {
                    row = new OrgRating
                    {
                        ProvinceId = org.Org.ProvinceId, OrganizationId = org.Org.Id, Year = year, SubjectKind = org.Kind, SubjectPath = org.Path,
                        State = RatingState.Pending, Source = RatingSource.Import, RecordedBy = actor, UpdatedAt = now,
                    };
                    db.OrgRatings.Add(row);
                }

                row.Version++;
                return cellRows[(org.Org.Id, year)] = row;
            }

            var events = new List<(RatingBase, RatingEvent)>();
            foreach (var (r, memberId, place, ancestors) in plan)
            {
                RatingBase rating;
                if (memberId is { } id)
                {
                    var cellRow = await OrgRowAsync(place, r.Year);
                    var m = new MemberRating
                    {
                        ProvinceId = place.Org.ProvinceId, MemberId = id, Year = r.Year, CellId = place.Org.Id, CellPath = cellRow.SubjectPath,
                        RecordedBy = actor, Version = 1,
                    };
                    Fill(m, r, RatingLevels.DeciderOfMember(place, ancestors));
                    db.MemberRatings.Add(m);
                    Count(cellRow, m.Level, m.NotRatedReason, 1);
                    rating = m;
                }
                else
                {
                    var row = await OrgRowAsync(place, r.Year);
                    if (r.Level is not null || r.NotRated is not null)
                    {
                        Fill(row, r, RatingLevels.DeciderOfOrganization(place, ancestors));
                    }

                    if (r.Counts is { } c)
                    {
                        (row.MembersExcellent, row.MembersGood, row.MembersFulfilled, row.MembersNotFulfilled, row.MembersNotRated) = (c[0], c[1], c[2], c[3], c[4]);
                    }

                    rating = row;
                }

                events.Add((rating, new RatingEvent
                {
                    ProvinceId = place.Org.ProvinceId, Subject = memberId is null ? RatingSubject.Organization : RatingSubject.Member, Kind = RatingEventKind.Imported,
                    Date = r.DecidedOn ?? clock.Today(), ToLevel = r.Level, ToNotRated = r.NotRated, Score = r.Score,
                    DecisionNumber = r.DecisionNumber, ActingBody = rating.DecidedBy, Reason = "Nhập từ tệp Excel (dòng " + r.Row.ToString(CultureInfo.InvariantCulture) + ")",
                    RecordedBy = actor, RecordedAt = now,
                }));
            }

            await db.SaveChangesAsync(ct);
            foreach (var (rating, e) in events)
            {
                e.RatingId = rating.Id;
                db.RatingEvents.Add(e);
            }

            await db.SaveChangesAsync(ct);
            return plan.Count;
        }, ct);

    private void Fill(RatingBase r, Parsed row, Place? decider)
    {
        r.Level = row.Level;
        r.NotRatedReason = row.NotRated;
        r.NotRatedNote = row.NotRated is null ? null : row.Note;
        r.Score = row.Score;
        r.DecidedByOrgId = row.DecidedBy is null ? decider?.Org.Id : null;
        r.DecidedBy = row.DecidedBy ?? decider?.Name;
        r.DecisionNumber = row.DecisionNumber;
        r.DecidedOn = row.DecidedOn;
        r.PublishedOn = row.DecidedOn;
        r.State = RatingState.Published;
        r.Source = RatingSource.Import;
        r.RecordedBy = actor;
        r.UpdatedAt = clock.GetUtcNow();
    }

    private static void Count(OrgRating cell, RatingLevel? level, NotRatedReason? reason, int by)
    {
        switch (level)
        {
            case RatingLevel.Excellent: cell.MembersExcellent += by; break;
            case RatingLevel.Good: cell.MembersGood += by; break;
            case RatingLevel.Fulfilled: cell.MembersFulfilled += by; break;
            case RatingLevel.NotFulfilled: cell.MembersNotFulfilled += by; break;
            default:
                if (reason is not null)
                {
                    cell.MembersNotRated += by;
                }

                break;
        }
    }

    /// <summary>Reads one row, adding an error for each cell it cannot read.</summary>
    private sealed class Reader(int row, IDictionary<string, object?> cells, IReadOnlyDictionary<string, string> columns, List<ImportError> errors, DateOnly today)
    {
        private bool _ok = true;

        public bool IsEmpty => columns.Values.All(letter => MemberImport.Text(cells.TryGetValue(letter, out var v) ? v : null).Length == 0);

        public Parsed? Read()
        {
            var yearText = Optional(RatingSheet.Year);
            int year = 0;
            if (yearText is null)
            {
                Error(RatingSheet.Year, "Bắt buộc, đang để trống.");
            }
            else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 1930 || year > today.Year)
            {
                Error(RatingSheet.Year, $"\"{yearText}\" không phải năm hợp lệ (từ 1930 đến {today.Year.ToString(CultureInfo.InvariantCulture)}).");
            }

            var cccd = Cccd();
            var levelText = Optional(RatingSheet.Level);
            var level = levelText is null ? null : RatingNames.ParseCode(levelText);
            if (levelText is not null && level is null)
            {
                Error(RatingSheet.Level, $"\"{levelText}\" không hợp lệ: ghi HTXSNV, HTTNV, HTNV hoặc KHTNV.");
            }

            var reasonText = Optional(RatingSheet.NotRated);
            var reason = reasonText is null ? null : RatingNames.ParseReason(reasonText);
            if (reasonText is not null && reason is null)
            {
                Error(RatingSheet.NotRated, $"\"{reasonText}\" không có trong danh mục lý do (xem trang Hướng dẫn).");
            }

            var scoreText = Optional(RatingSheet.Score);
            decimal? score = null;
            if (scoreText is not null)
            {
                if (decimal.TryParse(scoreText.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
                {
                    score = s;
                }
                else
                {
                    Error(RatingSheet.Score, $"\"{scoreText}\" không phải số điểm.");
                }
            }

            var decidedOn = Date(RatingSheet.DecidedOn);
            if (decidedOn is { } d && d > today)
            {
                Error(RatingSheet.DecidedOn, $"Ngày quyết định ({Rules.Date(d)}) không được sau ngày hôm nay.");
            }

            int[]? counts = null;
            if (RatingSheet.Counts.Any(h => Optional(h) is not null))
            {
                counts = RatingSheet.Counts.Select(h => Int(h) ?? 0).ToArray();
            }

            return _ok
                ? new Parsed(row, year, Optional(RatingSheet.OrgCode), cccd, Optional(RatingSheet.FullName), level, reason, score,
                    Optional(RatingSheet.DecisionNumber) is { } n ? VietnameseText.Clean(n) : null, decidedOn,
                    Optional(RatingSheet.DecidedBy) is { } b ? VietnameseText.Clean(b) : null, Optional(RatingSheet.Note), counts)
                : null;
        }

        private object? Value(string header) => columns.TryGetValue(header, out var letter) && cells.TryGetValue(letter, out var v) ? v : null;

        private string? Optional(string header) => MemberImport.Text(Value(header)) is { Length: > 0 } s ? s : null;

        private void Error(string header, string message)
        {
            errors.Add(new ImportError(row, header, message));
            _ok = false;
        }

        private string? Cccd()
        {
            var raw = Value(RatingSheet.Cccd);
            var text = raw is double d && d >= 0 && d < 1e12 && d == Math.Floor(d)
                ? ((long)d).ToString("000000000000", CultureInfo.InvariantCulture)
                : MemberImport.Text(raw).Replace(" ", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return null;
            }

            if (text.Length != 12 || !text.All(char.IsAsciiDigit))
            {
                Error(RatingSheet.Cccd, $"\"{text}\" không phải số CCCD (12 chữ số).");
            }

            return text;
        }

        private int? Int(string header)
        {
            var text = Optional(header);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000)
            {
                return n;
            }

            Error(header, $"\"{text}\" không phải số nguyên không âm.");
            return null;
        }

        private DateOnly? Date(string header)
        {
            var raw = Value(header);
            switch (raw)
            {
                case DateTime dt:
                    return DateOnly.FromDateTime(dt);
                case double serial when serial is > 0 and < 2_958_466:
                    return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }

            var text = MemberImport.Text(raw);
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(header, $"\"{text}\" không phải ngày hợp lệ dạng dd/MM/yyyy.");
            return null;
        }
    }
}
