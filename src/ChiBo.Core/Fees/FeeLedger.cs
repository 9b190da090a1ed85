using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Fees;

public sealed record FeePaymentInput(int MemberId, int Year, int Month, FeeGroup Group, long Basis, DateOnly PaidOn, bool Online = false);

/// <summary>A member with months unpaid in the year; <see cref="StrikeOffCandidate"/> at three or more.</summary>
public sealed record FeeArrears(int MemberId, string FullName, string CellCode, int MonthsOwed, int MonthsPaid, int MonthsUnpaid, bool StrikeOffCandidate);

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
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
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
    /// <paramref name="throughMonth"/>. Months owed start at the member's first day in the province
    /// that year (admission or arrival); payments are counted in one grouped query.
    /// </summary>
    public static async Task<IReadOnlyList<FeeArrears>> ArrearsAsync(ChiBoDb db, Subtree subtree, int year, int throughMonth, CancellationToken ct = default)
    {
        var (jan, end) = (new DateOnly(year, 1, 1), new DateOnly(year, throughMonth, 1).AddMonths(1));
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var rows = await db.Members.AsNoTracking()
            .Where(m => (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official || m.Status == MemberStatus.Exempted) && cells.Contains(m.CellId))
            .Select(m => new
            {
                m.Id, m.FullName,
                Cell = db.Organizations.Where(o => o.Id == m.CellId).Select(o => o.Code).First(),
                Since = db.MemberPeriods.Where(p => p.MemberId == m.Id && p.ValidTo > jan && p.ValidFrom < end).Min(p => (DateOnly?)p.ValidFrom),
                Paid = db.FeePayments.Count(p => p.MemberId == m.Id && p.Year == year && p.Month <= throughMonth),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.Since is not null).Select(r =>
        {
            var start = r.Since!.Value < jan ? 1 : r.Since.Value.Month;
            var owed = throughMonth - start + 1;
            var unpaid = Math.Max(0, owed - r.Paid);
            return new FeeArrears(r.Id, r.FullName, r.Cell, owed, r.Paid, unpaid, unpaid >= FeePolicy.UnpaidMonthsForStrikeOff);
        }).Where(a => a.MonthsUnpaid > 0).OrderByDescending(a => a.MonthsUnpaid).ThenBy(a => a.CellCode, StringComparer.Ordinal).ToList();
    }

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
