namespace ChiBo.Discipline;

/// <summary>The Vietnamese words of the discipline vocabulary, for rule messages, timelines and pages.</summary>
public static class DisciplineNames
{
    public static string Of(DisciplineForm form) => form switch
    {
        DisciplineForm.Reprimand => "Khiển trách",
        DisciplineForm.Warning => "Cảnh cáo",
        DisciplineForm.Dismissal => "Cách chức",
        DisciplineForm.Expulsion => "Khai trừ",
        DisciplineForm.Dissolution => "Giải tán",
        _ => form.ToString(),
    };

    public static string Of(DecidingBody body) => body switch
    {
        DecidingBody.Cell => "Chi bộ",
        DecidingBody.Committee => "Cấp ủy",
        DecidingBody.StandingCommittee => "Ban Thường vụ",
        DecidingBody.InspectionCommission => "Ủy ban Kiểm tra",
        DecidingBody.Central => "Trung ương",
        _ => body.ToString(),
    };

    public static string Of(InspectionKind kind) => kind switch
    {
        InspectionKind.ViolationSigns => "Kiểm tra khi có dấu hiệu vi phạm",
        InspectionKind.ThematicSupervision => "Giám sát chuyên đề",
        InspectionKind.Accusation => "Giải quyết tố cáo",
        InspectionKind.DisciplineWork => "Kiểm tra thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật",
        InspectionKind.Finance => "Kiểm tra tài chính đảng",
        _ => kind.ToString(),
    };

    public static string Of(CaseConclusion conclusion) => conclusion switch
    {
        CaseConclusion.NoViolation => "Không có vi phạm",
        CaseConclusion.ViolationNoDiscipline => "Có vi phạm, chưa đến mức kỷ luật",
        CaseConclusion.DisciplineWarranted => "Vi phạm đến mức phải xem xét kỷ luật",
        _ => conclusion.ToString(),
    };

    public static string Of(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Upheld => "Giữ nguyên hình thức kỷ luật",
        AppealOutcome.Changed => "Thay đổi hình thức kỷ luật",
        AppealOutcome.Annulled => "Xóa bỏ hình thức kỷ luật",
        _ => outcome.ToString(),
    };

    public static string Of(DisciplineSubject subject) => subject == DisciplineSubject.Member ? "Đảng viên" : "Tổ chức đảng";

    /// <summary>"Ủy ban Kiểm tra Đảng ủy xã An Hòa", "Chi bộ ấp Một", "Ban Thường vụ Tỉnh ủy"…: the level as people write it.</summary>
    public static string Level(DecidingBody body, string? orgName) => body switch
    {
        DecidingBody.Central => "Trung ương",
        DecidingBody.Cell => orgName ?? "Chi bộ",
        DecidingBody.Committee => Committee(orgName),
        _ => Of(body) + " " + Committee(orgName),
    };

    /// <summary>"Đảng bộ xã An Hòa" → "Đảng ủy xã An Hòa"; "Đảng bộ tỉnh An Giang" → "Tỉnh ủy An Giang".</summary>
    private static string Committee(string? orgName)
    {
        if (orgName is null)
        {
            return "Cấp ủy";
        }

        if (orgName.StartsWith("Đảng bộ tỉnh ", StringComparison.Ordinal))
        {
            return "Tỉnh ủy " + orgName["Đảng bộ tỉnh ".Length..];
        }

        return orgName.StartsWith("Đảng bộ ", StringComparison.Ordinal) ? "Đảng ủy " + orgName["Đảng bộ ".Length..] : "Cấp ủy " + orgName;
    }
}
