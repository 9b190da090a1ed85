using ChiBo.Fees;
using ChiBo.Meetings;
using ChiBo.Portal;
using ChiBo.Web.Fees;

namespace ChiBo.Web.Pages.Portal;

/// <summary>The handbook's words for cell life, fees and dates (vi-VN).</summary>
public static class HandbookLabels
{
    private static readonly string[] Weekdays = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    /// <summary>"Thứ Năm, 12/03/2026".</summary>
    public static string Day(DateOnly d) => Weekdays[(int)d.DayOfWeek] + ", " + VietnameseFormats.Date(d);

    /// <summary>"hôm nay", "ngày mai", "còn 5 ngày", "quá hạn 2 ngày".</summary>
    public static string Until(DateOnly d, DateOnly today)
    {
        var days = d.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "hôm nay",
            1 => "ngày mai",
            > 1 => "còn " + days.ToString(VietnameseFormats.Culture) + " ngày",
            _ => "quá hạn " + (-days).ToString(VietnameseFormats.Culture) + " ngày",
        };
    }

    public static string Of(MeetingKind kind) => kind == MeetingKind.Thematic ? "Sinh hoạt chuyên đề" : "Sinh hoạt thường kỳ";

    public static string Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Scheduled => "Đã lên lịch",
        MeetingStatus.Held => "Đã họp",
        _ => "Đã hủy",
    };

    public static string Of(Presence presence) => presence switch
    {
        Presence.Present => "Có mặt",
        Presence.Excused => "Vắng có lý do",
        _ => "Vắng không lý do",
    };

    public static string Of(MemberTaskStatus status) => status switch
    {
        MemberTaskStatus.Assigned => "Đang thực hiện",
        MemberTaskStatus.Completed => "Hoàn thành",
        _ => "Không hoàn thành",
    };

    /// <summary>The fees page's name of the group and the policy's rule: one label set, the rates from <see cref="FeePolicy"/>.</summary>
    public static string Of(FeeGroup group) => $"{FeeNames.Of(group)} ({FeeNames.RuleOf(group)})";

    public static string Of(FeeMonthState state) => state switch
    {
        FeeMonthState.Paid => "Đã nộp",
        FeeMonthState.Unpaid => "Chưa nộp",
        FeeMonthState.Due => "Tháng này",
        FeeMonthState.NotMember => "Không tính",
        _ => "Chưa đến",
    };

    /// <summary>"15.000 đ".</summary>
    public static string Money(long dong) => VietnameseFormats.Number(dong) + " đ";

    /// <summary>"93,33 %" from a fraction 0–1.</summary>
    public static string Rate(decimal? fraction) =>
        fraction is { } f ? (100m * f).ToString("0.##", VietnameseFormats.Culture) + " %" : "–";
}
