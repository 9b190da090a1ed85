using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Fees;

/// <summary>
/// A member of a cell in a month: paid or not, and the group and basis to propose in the form
/// (those of the member's latest payment, else a guess from the record).
/// </summary>
public sealed record CellMonthMember(int MemberId, string FullName, MemberStatus Status, FeePayment? Payment, FeeGroup Group, long Basis);

/// <summary>A row of a batch that was refused, with the rule's field and message.</summary>
public sealed record FeeRowError(int MemberId, string Field, string Message);

/// <summary>A batch of payments: either all saved, or none and every row's problem.</summary>
public sealed record FeeBatch(IReadOnlyList<FeePayment> Saved, IReadOnlyList<FeeRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public sealed record FeeMonth(int Month, int Members, int Paid, long Amount);

/// <summary>What each level of the chain keeps of the fees collected in a subtree.</summary>
public sealed record FeeLevelShare(OrgKind Level, long Kept);

/// <summary>The year of a subtree month by month, with the shares kept at each level.</summary>
public sealed record FeeYear(string Org, int Year, IReadOnlyList<FeeMonth> Months, int Paid, long Amount, IReadOnlyList<FeeLevelShare> Shares);

public static partial class FeeLedger
{
    /// <summary>
    /// The members of a cell in a month (any period in the cell overlapping the month), each with
    /// the month's payment if any.
    /// </summary>
    public static async Task<IReadOnlyList<CellMonthMember>> CellMonthAsync(ChiBoDb db, int cellId, int year, int month, CancellationToken ct = default)
    {
        var (first, next) = (new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));
        var ids = db.MemberPeriods.Where(p => p.CellId == cellId && p.ValidFrom < next && p.ValidTo > first).Select(p => p.MemberId);
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.Status, m.Retired, m.Workplace, m.Occupation }).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var since = (year * 12) + month - 12;
        var payments = await db.FeePayments.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId) && (p.Year * 12) + p.Month >= since && (p.Year * 12) + p.Month <= (year * 12) + month)
            .ToListAsync(ct);
        var byMember = payments.ToLookup(p => p.MemberId);
        return members
            .Select(m =>
            {
                var mine = byMember[m.Id].OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).ToList();
                var paid = mine.FirstOrDefault(p => p.Year == year && p.Month == month);
                var last = mine.FirstOrDefault();
                var group = last?.Group ?? (m.Retired ? FeeGroup.Pensioner : m.Workplace is null && m.Occupation is null ? FeeGroup.NoRegularWage : FeeGroup.Insured);
                return new CellMonthMember(m.Id, m.FullName, m.Status, paid, group, last?.Basis ?? 0);
            })
            .OrderBy(m => m.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
    }

    /// <summary>
    /// Records several months paid at once (a cell's collection): one transaction; if any row breaks
    /// a rule nothing is written and every refused row is returned with its reason.
    /// </summary>
    public static async Task<FeeBatch> RecordManyAsync(ChiBoDb db, TimeProvider clock, string actor, IReadOnlyList<FeePaymentInput> inputs, CancellationToken ct = default)
    {
        try
        {
            var saved = await Transactions.RunAsync(db, "Đảng phí", async () =>
            {
                var done = new List<FeePayment>();
                var errors = new List<FeeRowError>();
                foreach (var input in inputs)
                {
                    try
                    {
                        done.Add(await RecordAsync(db, clock, actor, input, ct));
                    }
                    catch (RuleViolationException e)
                    {
                        // A month someone else recorded meanwhile is refused like any other row.
                        errors.Add(new FeeRowError(input.MemberId, e.Field, e.Message));
                    }
                }

                return errors.Count == 0 ? done : throw new BatchRefused(errors);
            }, ct);
            return new FeeBatch(saved, []);
        }
        catch (BatchRefused refused)
        {
            return new FeeBatch([], refused.Errors);
        }
        catch (EditConflictException conflict)
        {
            // Two collections of the same month at once: the later one is refused whole.
            return new FeeBatch([], inputs.Select(i => new FeeRowError(i.MemberId, conflict.Field, conflict.Message)).ToList());
        }
    }

    /// <summary>
    /// The year of a subtree: members at each month's end (from the periods), payments recorded for
    /// its cells and their amounts, and what each level keeps of them (<see cref="FeePolicy.Shares"/>
    /// along each paying cell's chain).
    /// </summary>
    public static async Task<FeeYear> YearAsync(ChiBoDb db, OrgLookup org, int year, CancellationToken ct = default)
    {
        var subtree = org.Subtree;
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var byMonth = await db.FeePayments.AsNoTracking().Where(p => p.Year == year && cells.Contains(p.CellId))
            .GroupBy(p => p.Month).Select(g => new { Month = g.Key, Paid = g.Count(), Amount = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(g => g.Month, ct);
        // Members by the path their cell had then (the as-of index), as the structure report counts them.
        var periods = db.MemberPeriods.AsNoTracking();
        if (subtree.ProvinceId is { } province)
        {
            var (lo, hi) = (subtree.Path, subtree.UpperBound);
            periods = periods.Where(p => p.ProvinceId == province && string.Compare(p.CellPath, lo) >= 0 && string.Compare(p.CellPath, hi) < 0);
        }

        var months = new List<FeeMonth>();
        for (var month = 1; month <= 12; month++)
        {
            var last = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            var members = await periods.CountAsync(p => p.ValidFrom <= last && p.ValidTo > last, ct);
            var paid = byMonth.GetValueOrDefault(month);
            months.Add(new FeeMonth(month, members, paid?.Paid ?? 0, paid?.Amount ?? 0));
        }

        var shares = await SharesAsync(db, subtree, year, null, ct);
        return new FeeYear(org.Organization?.Code ?? "root", year, months, months.Sum(m => m.Paid), months.Sum(m => m.Amount), shares);
    }

    /// <summary>
    /// What each level keeps of the fees paid to the subtree's cells in a year (or one month of it),
    /// summed by the kind of organization: cells, base organizations, the level above, the province.
    /// </summary>
    public static async Task<IReadOnlyList<FeeLevelShare>> SharesAsync(ChiBoDb db, Subtree subtree, int year, int? month, CancellationToken ct = default)
    {
        var cells = db.Organizations.In(subtree).Select(o => o.Id);
        var paid = db.FeePayments.AsNoTracking().Where(p => p.Year == year && cells.Contains(p.CellId));
        if (month is { } m)
        {
            paid = paid.Where(p => p.Month == m);
        }

        var perCell = await paid.GroupBy(p => p.CellId).Select(g => new { CellId = g.Key, Amount = g.Sum(p => p.Amount) }).ToListAsync(ct);
        var cellIds = perCell.Select(c => c.CellId).ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var chainIds = paths.Values.SelectMany(Subtree.Ids).Distinct().ToList();
        var kinds = await db.Organizations.AsNoTracking().Where(o => chainIds.Contains(o.Id)).Select(o => new { o.Id, o.Kind }).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        var totals = new Dictionary<OrgKind, long>();
        foreach (var c in perCell)
        {
            var chain = Subtree.Ids(paths[c.CellId]).Reverse().Select(id => kinds[id]).ToList();
            foreach (var (level, kept) in FeePolicy.Shares(chain, c.Amount))
            {
                totals[level] = totals.GetValueOrDefault(level) + kept;
            }
        }

        OrgKind[] order = [OrgKind.Cell, OrgKind.BaseCell, OrgKind.SectionCommittee, OrgKind.BaseCommittee, OrgKind.SuperiorToBase, OrgKind.Province];
        return order.Where(totals.ContainsKey).Select(k => new FeeLevelShare(k, totals[k])).ToList();
    }

    private sealed class BatchRefused(IReadOnlyList<FeeRowError> errors) : Exception("Một số dòng đảng phí không hợp lệ.")
    {
        public IReadOnlyList<FeeRowError> Errors { get; } = errors;
    }
}
