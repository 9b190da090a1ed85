using ChiBo.Organizations;

namespace ChiBo.Fees;

/// <summary>Which rule sets a member's monthly fee (đối tượng đóng đảng phí).</summary>
public enum FeeGroup
{
    /// <summary>Hưởng lương, đóng BHXH: 1 % of the previous month's social-insurance wage.</summary>
    Insured = 1,

    /// <summary>Đang hưởng trợ cấp ốm đau, thai sản: 1 % of the allowance.</summary>
    SicknessOrMaternity = 2,

    /// <summary>Hưởng lương hưu: 0,5 % of the pension.</summary>
    Pensioner = 3,

    /// <summary>Học sinh, sinh viên: a fixed amount.</summary>
    Student = 4,

    /// <summary>Không có thu nhập thường xuyên từ lương (nông dân, lao động tự do…): a fixed amount.</summary>
    NoRegularWage = 5,

    /// <summary>
    /// Hưởng trợ cấp bảo hiểm xã hội hằng tháng (mất sức lao động, tai nạn lao động, bệnh nghề
    /// nghiệp): 0,5 % of the allowance, as for pensions.
    /// </summary>
    LongTermAllowance = 6,
}

/// <summary>
/// Party fees (đảng phí) *(configurable)*. Source: Quy định 01-QĐ/TW of 3/2/2026 as DOMAIN.md §4
/// summarises it (replacing Quyết định 342-QĐ/TW of 28/12/2010 and its 2016 guidance): 1 % of the
/// previous month's social-insurance wage, 1 % of sickness/maternity allowance, 0,5 % of the
/// pension, fixed amounts for other groups (students 5.000 đ). Checked against DOMAIN.md and the
/// 2010 rules: the percentages and the student amount agree; long-term social-insurance allowances
/// pay 0,5 % like pensions (342-QĐ/TW point 1.2, "lương bảo hiểm xã hội"), a group DOMAIN.md's
/// summary does not list and that is added here; the cell's share of 30 % is 342-QĐ/TW point II.1
/// (chi bộ trực thuộc nộp lên 70 %). Chosen here and still to be checked against the text of
/// 01-QĐ/TW: 10.000 đ for members without a regular wage, amounts rounded to the đồng, and the
/// shares of the base organization and the level above it (the 2010 proportions).
/// </summary>
public static class FeePolicy
{
    /// <summary>Percent of the basis (wage, allowance, pension) per group.</summary>
    public static readonly IReadOnlyDictionary<FeeGroup, decimal> Rates = new Dictionary<FeeGroup, decimal>
    {
        [FeeGroup.Insured] = 0.01m,
        [FeeGroup.SicknessOrMaternity] = 0.01m,
        [FeeGroup.Pensioner] = 0.005m,
        [FeeGroup.LongTermAllowance] = 0.005m,
    };

    /// <summary>Fixed monthly amounts in đồng per group.</summary>
    public static readonly IReadOnlyDictionary<FeeGroup, long> FixedAmounts = new Dictionary<FeeGroup, long>
    {
        [FeeGroup.Student] = 5_000,
        [FeeGroup.NoRegularWage] = 10_000,
    };

    /// <summary>Three months unpaid in a year without good reason leads to xóa tên (Điều lệ Đảng, Điều 8).</summary>
    public const int UnpaidMonthsForStrikeOff = 3;

    /// <summary>
    /// The share of what an organization collects or receives that it keeps; the rest goes up one
    /// level. Cells keep 30 %, the base organization half of what reaches it, the level above the
    /// base half again, the province the rest (Quyết định 342-QĐ/TW 2010 proportions, kept until
    /// 01-QĐ/TW's table is entered).
    /// </summary>
    public static readonly IReadOnlyDictionary<OrgKind, decimal> KeptShare = new Dictionary<OrgKind, decimal>
    {
        [OrgKind.Cell] = 0.30m,
        [OrgKind.BaseCell] = 0.50m,
        [OrgKind.SectionCommittee] = 0m,
        [OrgKind.BaseCommittee] = 0.50m,
        [OrgKind.SuperiorToBase] = 0.50m,
        [OrgKind.Province] = 1m,
    };

    public static bool UsesBasis(FeeGroup group) => Rates.ContainsKey(group);

    /// <summary>The monthly fee in đồng for a group and, for the percentage groups, the basis in đồng.</summary>
    public static long Amount(FeeGroup group, long basis) => Rates.TryGetValue(group, out var rate)
        ? (long)Math.Round(basis * rate, MidpointRounding.AwayFromZero)
        : FixedAmounts[group];

    /// <summary>
    /// How an amount collected by a cell is shared along the chain above it (the cell first, the
    /// province last): each level keeps its share of what reaches it and sends the rest up; the top
    /// of the chain keeps what is left, so the shares add up to the amount.
    /// </summary>
    public static IReadOnlyList<(OrgKind Level, long Kept)> Shares(IReadOnlyList<OrgKind> chainFromCellUp, long amount)
    {
        var shares = new List<(OrgKind, long)>(chainFromCellUp.Count);
        var left = amount;
        for (var i = 0; i < chainFromCellUp.Count; i++)
        {
            var kept = i == chainFromCellUp.Count - 1 ? left : Kept(chainFromCellUp[i], left);
            shares.Add((chainFromCellUp[i], kept));
            left -= kept;
        }

        return shares;
    }

    /// <summary>What a level keeps of an amount that reaches it.</summary>
    public static long Kept(OrgKind level, long amount) =>
        (long)Math.Round(amount * KeptShare.GetValueOrDefault(level, 0m), MidpointRounding.AwayFromZero);
}
