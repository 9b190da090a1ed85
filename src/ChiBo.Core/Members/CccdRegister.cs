using System.Globalization;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members;

/// <summary>
/// How often an account may meet a CCCD that belongs to a record it may not see. Each such
/// collision tells that the number is a party member's (or a candidate's) somewhere, so a caller
/// who meets too many in a day is probing: from then until the end of the day every CCCD check of
/// that account is refused. A deployment sets it with <see cref="Setting"/>; the register's default
/// is its own choice (no regulation sets it): a cell entering its records by hand meets a handful
/// of duplicates, not dozens.
/// </summary>
/// <param name="RefusalsPerDay">Collisions outside the account's scope it may meet in a (local) day.</param>
public sealed record CccdPolicy(int RefusalsPerDay)
{
    public const string Setting = "CHIBO_CCCD_REFUSALS_PER_DAY";

    public static readonly CccdPolicy Default = new(20);

    /// <summary>The setting's value, or the default when it is not a positive whole number.</summary>
    public static CccdPolicy From(string? setting) =>
        int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? new CccdPolicy(n) : Default;
}

/// <summary>A CCCD refused without saying why; its audit lines are written after the command's transaction is rolled back.</summary>
public sealed class CccdRefusedException(string field, string message, IReadOnlyList<AuditEntry> lines)
    : RuleViolationException(field, message), IAuditedRefusal
{
    public IReadOnlyList<AuditEntry> Lines { get; } = lines;
}

/// <summary>What an import learns about its numbers: a message per number that cannot be used, or one for the whole file.</summary>
public sealed record CccdVerdicts(IReadOnlyDictionary<string, string> Refused, string? Whole);

/// <summary>
/// One CCCD, one record, checked register-wide — but answered as the caller may know it. A number
/// held by a record the caller may read sensitive data of (Members.ReadSensitive on its cell) is
/// named with that record; any other collision gets a message that reveals nothing and sends the
/// caller to the province board, leaves an audit line naming the caller and the number tried (not
/// the record it met), and counts towards <see cref="CccdPolicy.RefusalsPerDay"/>. Every path that
/// takes a CCCD from a caller goes through here: nomination and correction of a candidate, a
/// member's correction request, the Excel import, a transfer package.
/// </summary>
public sealed class CccdRegister(ChiBoDb db, TimeProvider clock, OrgScope caller, CccdPolicy? policy = null)
{
    public const string RefusedAction = "cccd-refused";

    private readonly CccdPolicy _policy = policy ?? CccdPolicy.Default;

    public static string Unusable(string number) =>
        $"Số CCCD {number} không dùng được cho hồ sơ này; liên hệ Ban Tổ chức Tỉnh ủy để được kiểm tra.";

    public string TooMany => string.Create(CultureInfo.InvariantCulture,
        $"Hôm nay tài khoản của bạn đã nhập {_policy.RefusalsPerDay} số CCCD không dùng được; việc kiểm tra số CCCD của tài khoản tạm dừng đến hết ngày. Liên hệ Ban Tổ chức Tỉnh ủy.");

    /// <summary>
    /// Refuses a number another record holds (a member, or a candidate not yet admitted when
    /// <paramref name="candidates"/>). Inside a transaction the refusal carries its audit line for
    /// the transaction's owner to write once it has rolled back.
    /// </summary>
    /// <param name="what">What the caller was doing, for the audit line ("Giới thiệu quần chúng ưu tú").</param>
    public async Task RequireFreeAsync(
        string? number, int provinceId, string what, int? exceptMember = null, int? exceptCandidate = null, bool candidates = true, CancellationToken ct = default)
    {
        if (number is null)
        {
            return;
        }

        const string field = nameof(Member.Cccd);
        if (await BlockedAsync(ct))
        {
            throw await RefusalAsync(field, TooMany, [Line(provinceId, $"{what}: số CCCD {number} (tài khoản đã quá số lần trong ngày)")], ct);
        }

        var held = await HoldersAsync([number], exceptMember, exceptCandidate, candidates, ct);
        if (held.Count == 0)
        {
            return;
        }

        if (held.All(Visible))
        {
            throw new RuleViolationException(field, Named(held[0]));
        }

        throw await RefusalAsync(field, Unusable(number), [Line(provinceId, $"{what}: số CCCD {number}")], ct);
    }

    /// <summary>
    /// The numbers of an import, checked at once against members and candidates not yet admitted.
    /// Collisions outside the caller's scope are recorded one line each; when they would take the
    /// account past its daily limit, the file is refused as a whole without saying which rows
    /// collided (the list itself would be the answer).
    /// </summary>
    public async Task<CccdVerdicts> CheckManyAsync(IReadOnlyCollection<string> numbers, int provinceId, string what, CancellationToken ct = default)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        if (numbers.Count == 0)
        {
            return new CccdVerdicts(refused, null);
        }

        var today = await RefusalsTodayAsync(ct);
        if (today >= _policy.RefusalsPerDay)
        {
            await AuditedRefusals.RecordAsync(db, [Line(provinceId, string.Create(CultureInfo.InvariantCulture,
                $"{what}: {numbers.Count} số CCCD không được kiểm tra (tài khoản đã quá số lần trong ngày)"))], ct);
            return new CccdVerdicts(refused, TooMany);
        }

        var held = await HoldersAsync(numbers, null, null, true, ct);
        var outside = new List<string>();
        foreach (var byNumber in held.GroupBy(h => h.Number, StringComparer.Ordinal))
        {
            if (byNumber.All(Visible))
            {
                refused[byNumber.Key] = Named(byNumber.First());
            }
            else
            {
                outside.Add(byNumber.Key);
            }
        }

        if (outside.Count == 0)
        {
            return new CccdVerdicts(refused, null);
        }

        // Past the limit: enough lines to stop the account for the day, the last one counting the rest.
        var room = _policy.RefusalsPerDay - today;
        var over = outside.Count > room;
        var lines = outside.Take(over ? room : outside.Count).Select(n => Line(provinceId, $"{what}: số CCCD {n}")).ToList();
        if (over)
        {
            lines.Add(Line(provinceId, string.Create(CultureInfo.InvariantCulture,
                $"{what}: thêm {outside.Count - room} số CCCD không dùng được trong cùng tệp (tài khoản đã quá số lần trong ngày)")));
        }

        await AuditedRefusals.RecordAsync(db, lines, ct);
        if (over)
        {
            return new CccdVerdicts(refused, TooMany);
        }

        foreach (var n in outside)
        {
            refused[n] = Unusable(n);
        }

        return new CccdVerdicts(refused, null);
    }

    private sealed record Holder(string Number, string Name, bool Candidate, int ProvinceId, string CellPath, string CellName);

    private async Task<List<Holder>> HoldersAsync(IReadOnlyCollection<string> numbers, int? exceptMember, int? exceptCandidate, bool candidates, CancellationToken ct)
    {
        var list = numbers.ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.Cccd != null && list.Contains(m.Cccd) && m.Id != (exceptMember ?? 0))
            .Join(db.Organizations, m => m.CellId, o => o.Id, (m, o) => new Holder(m.Cccd!, m.FullName, false, m.ProvinceId, o.Path, o.Name))
            .ToListAsync(ct);
        if (!candidates)
        {
            return members;
        }

        var inProgress = await db.Candidates.AsNoTracking()
            .Where(c => c.Cccd != null && list.Contains(c.Cccd) && c.Step < CandidateStep.OnProbation && c.Id != (exceptCandidate ?? 0))
            .Join(db.Organizations, c => c.CellId, o => o.Id, (c, o) => new Holder(c.Cccd!, c.FullName, true, c.ProvinceId, o.Path, o.Name))
            .ToListAsync(ct);
        return [.. members, .. inProgress];
    }

    private bool Visible(Holder h) => caller.Can(Operation.MembersReadSensitive, h.ProvinceId, h.CellPath);

    private static string Named(Holder h) => h.Candidate
        ? $"Số CCCD {h.Number} đã có trong hồ sơ kết nạp đang xét của {h.Name} ({h.CellName})."
        : $"Số CCCD {h.Number} đã có trong hồ sơ của đảng viên {h.Name} ({h.CellName}).";

    private async Task<bool> BlockedAsync(CancellationToken ct) => await RefusalsTodayAsync(ct) >= _policy.RefusalsPerDay;

    /// <summary>
    /// Lines of this account's refusals since local midnight. The newest lines by id are read and
    /// their times compared here: SQLite cannot compare DateTimeOffset columns in SQL.
    /// </summary>
    private async Task<int> RefusalsTodayAsync(CancellationToken ct)
    {
        var now = clock.GetLocalNow();
        var midnight = new DateTimeOffset(now.Date, now.Offset);
        var times = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Actor == caller.UserName && e.Action == RefusedAction)
            .OrderByDescending(e => e.Id).Take(_policy.RefusalsPerDay)
            .Select(e => e.At).ToListAsync(ct);
        return times.Count(at => at >= midnight);
    }

    private AuditEntry Line(int provinceId, string details) =>
        AuditedRefusals.Line(db, caller.UserName, RefusedAction, "Cccd", details, provinceId, clock.GetUtcNow());

    /// <summary>Inside a transaction the owner writes the lines after rolling back; outside one they are written here.</summary>
    private async Task<RuleViolationException> RefusalAsync(string field, string message, IReadOnlyList<AuditEntry> lines, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new CccdRefusedException(field, message, lines);
        }

        await AuditedRefusals.RecordAsync(db, lines, ct);
        return new RuleViolationException(field, message);
    }
}
