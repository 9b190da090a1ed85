using System.Globalization;
using ChiBo.Fees;
using ChiBo.Organizations;

namespace ChiBo.Web.Fees;

/// <summary>The words of the fee pages for the policy's groups and levels.</summary>
public static class FeeNames
{
    public static string Of(FeeGroup group) => group switch
    {
        FeeGroup.Insured => "Hưởng lương, đóng BHXH",
        FeeGroup.SicknessOrMaternity => "Hưởng trợ cấp ốm đau, thai sản",
        FeeGroup.Pensioner => "Hưởng lương hưu",
        FeeGroup.Student => "Học sinh, sinh viên",
        FeeGroup.NoRegularWage => "Không có thu nhập thường xuyên từ lương",
        FeeGroup.LongTermAllowance => "Hưởng trợ cấp BHXH hằng tháng (mất sức lao động…)",
        _ => group.ToString(),
    };

    /// <summary>"1 % lương đóng BHXH tháng trước", "5.000 đ/tháng": the policy's rule for a group.</summary>
    public static string RuleOf(FeeGroup group) => FeePolicy.Rates.TryGetValue(group, out var rate)
        ? (rate * 100).ToString("0.##", VietnameseFormats.Culture) + " % " + (group switch
        {
            FeeGroup.Insured => "tiền lương đóng BHXH tháng trước",
            FeeGroup.SicknessOrMaternity => "trợ cấp",
            FeeGroup.Pensioner => "lương hưu",
            FeeGroup.LongTermAllowance => "trợ cấp",
            _ => "",
        })
        : Money(FeePolicy.FixedAmounts[group]) + "/tháng";

    /// <summary>Who keeps a share: "Chi bộ trực thuộc", "Đảng bộ cơ sở"…</summary>
    public static string Level(OrgKind kind) => kind == OrgKind.Province ? "Đảng bộ tỉnh (Tỉnh ủy)" : Labels.Of(kind);

    public static string Money(long dong) => VietnameseFormats.Number(dong) + " đ";

    public static string Share(OrgKind kind) => FeePolicy.KeptShare.TryGetValue(kind, out var s)
        ? (s * 100).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + " %"
        : "";
}
