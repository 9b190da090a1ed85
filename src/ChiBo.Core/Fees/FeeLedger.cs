using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Fees;

public sealed record FeePaymentInput(int MemberId, int Year, int Month, FeeGroup Group, long Basis, DateOnly PaidOn, bool Online = false);

/// <summary>A member with months unpaid in the year; <see cref="StrikeOffCandidate"/> at three or more.</summary>
public sealed record FeeArrears(int MemberId, string FullName, string CellCode, int MonthsOwed, int MonthsPaid, int MonthsUnpaid, bool StrikeOffCandidate);

public sealed record FeeArrearsPage(int Total, int Page, int PageSize, IReadOnlyList<FeeArrears> Items);

public sealed record CellCollection(int CellId, string CellCode, string CellName, int Members, int Paid, long Amount, long KeptByCell, long SentUp);

public sealed record FeeCollection(string Org, int Year, int Month, IReadOnlyList<CellCollection> Cells, int Members, int Paid, long Amount);

public sealed record BasisIsGiven(FeeGroup Group, long Basis) : IRule
{
    public string Field => "Basis";

    public string Message => "Cần nhập mức lương đóng BHXH, trợ cấp hoặc lương hưu (đồng) để tính đảng phí.";

    public bool IsBroken() => FeePolicy.UsesBasis(Group) ? Basis <= 0 : Basis < 0;
}

public sealed record MonthIsPaidOnce(int Year, int Month, bool Paid) : IRule
{
    public string Field => "Month";

    public string Message => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Đảng phí tháng {Month:00}/{Year} đã được ghi nhận.");

    public bool IsBroken() => Paid;
}

public sealed record MemberInThePartyThatMonth(int Year, int Month, int? CellId) : IRule
{
    public string Field => "Month";

    public string Message => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tháng {Month:00}/{Year} đảng viên không sinh hoạt ở chi bộ nào trong tỉnh.");

    public bool IsBroken() => CellId is null;
}

public sealed record MonthIsValid(int Year, int Month, DateOnly Today) : IRule
{
    public string Field => "Month";

    public string Message => "Tháng đóng đảng phí không hợp lệ hoặc ở tương lai.";

    public bool IsBroken() => Month is < 1 or > 12 || Year < 1930 || new DateOnly(Year, Month, 1) > Today;
}

/// <summary>Đảng phí: payments, arrears and collection reports.</summary>
public static partial class FeeLedger
{
    /// <summary>Records a month paid (one transaction); the amount comes from <see cref="FeePolicy"/>, never typed in.</summary>
    public static async Task<FeePayment> RecordAsync(ChiBoDb db, TimeProvider clock, string actor, FeePaymentInput input, CancellationToken ct = default)
    {
        var outermost = db.Database.CurrentTransaction is null;
        try
        {
            return await RecordInTransactionAsync(db, clock, actor, input, ct);
        }
        catch (EditConflictException e) when (outermost && e.Current is null)
        {
            // The month was inserted by someone else between our check and our insert: name that payment.
            var paid = await db.FeePayments.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == input.MemberId && p.Year == input.Year && p.Month == input.Month, ct);
            throw paid is null ? e : MonthTaken(input, paid);
        }
    }

    /// <summary>The month is paid already: a conflict that names the payment (written once, never edited, it has no version to reload).</summary>
    private static EditConflictException MonthTaken(FeePaymentInput input, FeePayment paid) => new(
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"),
            $"Đảng phí tháng {input.Month:00}/{input.Year} đã được ghi nhận (mã {paid.Id}, {paid.Amount:N0} đồng, người ghi {paid.RecordedBy})."),
        field: "Month", current: new { paymentId = paid.Id, paid.Amount, paid.PaidOn, paid.RecordedBy, paid.RecordedAt });

    private static Task<FeePayment> RecordInTransactionAsync(ChiBoDb db, TimeProvider clock, string actor, FeePaymentInput input, CancellationToken ct) =>
        Transactions.RunAsync(db, "Đảng phí", async () =>
        {
            var today = clock.Today();
            Rules.Check(new MonthIsValid(input.Year, input.Month, today), new BasisIsGiven(input.Group, input.Basis),
                new DateIsNotInTheFuture("PaidOn", "Ngày nộp", input.PaidOn, today));
            var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == input.MemberId, ct)
                ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {input.MemberId}.");
            var (first, next) = (new DateOnly(input.Year, input.Month, 1), new DateOnly(input.Year, input.Month, 1).AddMonths(1));

            // The cell of the month: the latest period that overlaps it.
            var cellId = await db.MemberPeriods.Where(p => p.MemberId == m.Id && p.ValidFrom < next && p.ValidTo > first)
                .OrderByDescending(p => p.ValidFrom).Select(p => (int?)p.CellId).FirstOrDefaultAsync(ct);
            Rules.Check(new MemberInThePartyThatMonth(input.Year, input.Month, cellId));
            var paid = await db.FeePayments.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == m.Id && p.Year == input.Year && p.Month == input.Month, ct);
            if (paid is not null)
            {
                throw MonthTaken(input, paid);
            }

            var payment = new FeePayment
            {
                ProvinceId = m.ProvinceId, MemberId = m.Id, CellId = cellId!.Value, Year = input.Year, Month = input.Month,
                Group = input.Group, Basis = FeePolicy.UsesBasis(input.Group) ? input.Basis : 0,
                Amount = FeePolicy.Amount(input.Group, input.Basis), PaidOn = input.PaidOn, Online = input.Online,
                RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
            };
            db.FeePayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return payment;
        }, ct);

    /// <summary>
    /// Current members of the subtree with unpaid months in <paramref name="year"/> up to
    /// <paramref name="throughMonth"/>, most months unpaid first. Months owed start at the
    /// member's first day in the province that year (admission or arrival).
    /// </summary>
    public static async Task<IReadOnlyList<FeeArrears>> ArrearsAsync(ChiBoDb db, Subtree subtree, int year, int throughMonth, CancellationToken ct = default) =>
        (await ArrearsPageAsync(db, subtree, year, throughMonth, 1, null, ct)).Items;

    /// <summary>
    /// One page of <see cref="ArrearsAsync"/>, counted, ordered and cut in the database: the whole
    /// province's arrears (a hundred thousand members) never sit in memory at once.
    /// <paramref name="pageSize"/> null: every row.
    /// </summary>
    public static async Task<FeeArrearsPage> ArrearsPageAsync(
        ChiBoDb db, Subtree subtree, int year, int throughMonth, int page, int? pageSize, CancellationToken ct = default)
    {
        var sql = new RawSql(db);
        var (jan, end) = (new DateOnly(year, 1, 1), new DateOnly(year, throughMonth, 1).AddMonths(1));
        var janParam = sql.Param(jan);
        var through = sql.Param(throughMonth);
        var limit = pageSize is { } size
            ? $"LIMIT {sql.Param(size)} OFFSET {sql.Param((long)(page - 1) * size)}"
            : "";
        var text = $"""
            WITH active AS (
                SELECT m.id AS member_id, m.full_name, c.code AS cell_code,
                    (SELECT min(p.valid_from) FROM member_periods p
                      WHERE p.member_id = m.id AND p.valid_to > {janParam} AND p.valid_from < {sql.Param(end)}) AS since,
                    (SELECT count(*) FROM fee_payments f
                      WHERE f.member_id = m.id AND f.year = {sql.Param(year)} AND f.month <= {through}) AS paid
                FROM members m JOIN organizations c ON c.id = m.cell_id
                WHERE {sql.SubtreePredicate(subtree, "c.path", "c.province_id")}
                  AND m.status IN ({(int)MemberStatus.Probationary}, {(int)MemberStatus.Official}, {(int)MemberStatus.Exempted})
            ), owing AS (
                SELECT member_id, full_name, cell_code, paid,
                    {through} - (CASE WHEN since < {janParam} THEN 1 ELSE {sql.MonthOf("since")} END) + 1 AS owed
                FROM active WHERE since IS NOT NULL
            )
            SELECT member_id, full_name, cell_code, owed, paid, count(*) OVER () AS total
            FROM owing WHERE owed > paid
            ORDER BY owed - paid DESC, cell_code, member_id
            {limit}
            """;
        var (total, items) = await sql.QueryAsync(text, async reader =>
        {
            var rows = new List<FeeArrears>();
            var count = 0;
            while (await reader.ReadAsync(ct))
            {
                // count(*) is a bigint on PostgreSQL, an integer on SQLite.
                var (owed, paid) = (Int(reader, 3), Int(reader, 4));
                rows.Add(new FeeArrears(Int(reader, 0), reader.GetString(1), reader.GetString(2), owed, paid, owed - paid,
                    owed - paid >= FeePolicy.UnpaidMonthsForStrikeOff));
                count = Int(reader, 5);
            }

            return (count, rows);
        }, ct);
        if (items.Count == 0 && page > 1)
        {
            // Past the last page: the rows are gone, and the count with them.
            total = (await ArrearsPageAsync(db, subtree, year, throughMonth, 1, 1, ct)).Total;
        }

        return new FeeArrearsPage(total, page, pageSize ?? total, items);
    }

    private static int Int(System.Data.Common.DbDataReader reader, int ordinal) =>
        Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Collection of a month per cell of the subtree: members of the cell on the month's last day
    /// (from the periods), payments recorded for the cell, and the share the cell keeps.
    /// </summary>
    public static async Task<FeeCollection> CollectionAsync(ChiBoDb db, OrgLookup org, int year, int month, CancellationToken ct = default)
    {
        var last = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        var cellRows = await db.Organizations.AsNoTracking().In(org.Subtree).Where(o => o.Kind == OrgKind.Cell || o.Kind == OrgKind.BaseCell)
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind }).ToListAsync(ct);
        var ids = cellRows.Select(c => c.Id).ToList();
        var members = await db.MemberPeriods.AsNoTracking().Where(p => ids.Contains(p.CellId) && p.ValidFrom <= last && p.ValidTo > last)
            .GroupBy(p => p.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var paid = await db.FeePayments.AsNoTracking().Where(p => ids.Contains(p.CellId) && p.Year == year && p.Month == month)
            .GroupBy(p => p.CellId).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, ct);
        var cells = cellRows.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c =>
        {
            var p = paid.GetValueOrDefault(c.Id);
            var amount = p?.Amount ?? 0;
            var kept = FeePolicy.Kept(c.Kind, amount);
            return new CellCollection(c.Id, c.Code, c.Name, members.GetValueOrDefault(c.Id), p?.Count ?? 0, amount, kept, amount - kept);
        }).ToList();
        return new FeeCollection(org.Organization?.Code ?? "root", year, month, cells, cells.Sum(c => c.Members), cells.Sum(c => c.Paid), cells.Sum(c => c.Amount));
    }
}
