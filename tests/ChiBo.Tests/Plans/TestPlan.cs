namespace ChiBo.Tests.Plans;

/// <summary>A plan for province T of <see cref="PlanWorld"/> with an indicator of every family and kind.</summary>
internal static class TestPlan
{
    public const string Number = "9-KH/T";

    public static string Json(string title = "Kế hoạch thử nghiệm các chỉ tiêu") => $$"""
        {"plan": {"number": "{{Number}}", "title": "{{title}}", "issuedBy": "Ban Thường vụ Tỉnh ủy", "issuedOn": "2026-01-05",
                  "org": "root", "from": "2024-01-01", "to": "2030-12-31", "midTermReview": 2028, "finalReview": 2030},
         "indicators": [
          {"code": "A1", "text": "Hằng năm kết nạp từ 3 đảng viên", "numerator": "admitted", "operator": ">=", "target": 3, "fromYear": 2026,
           "allocations": [{"org": "T.01", "year": 2026, "target": 1, "source": "1-KH/TU"}]},
          {"code": "A2", "numerator": "meetings.cellsMeetingEveryMonth", "denominator": "meetings.cells", "operator": "=", "target": 100, "fromYear": 2026},
          {"code": "A3", "numerator": "meetings.attendancePresent", "denominator": "meetings.attendanceExpected", "operator": ">=", "target": 90, "fromYear": 2026},
          {"code": "A4", "numerator": "handbook.activeMembers", "denominator": "handbook.eligibleMembers", "operator": "=", "target": 100, "fromYear": 2026},
          {"code": "A5", "numerator": "dataQuality.complete", "denominator": "dataQuality.records", "operator": "=", "target": 100, "fromYear": 2026},
          {"code": "A6", "numerator": "admitted", "denominator": "members@start", "operator": "between", "target": [3, 4], "fromYear": 2026},
          {"code": "A7", "numerator": "reports.submittedOnTime", "denominator": "reports.due", "operator": "=", "target": 100, "fromYear": 2026},
          {"code": "A8", "manual": true, "text": "Đoàn kiểm tra", "operator": ">=", "target": 1, "fromYear": 2026},
          {"code": "A9", "numerator": "members.gender.female", "denominator": "members", "operator": ">=", "target": 30, "fromYear": 2026,
           "allocations": [{"org": "T.02", "target": 0}]},
          {"code": "A10", "numerator": "disciplinedMembers", "operator": "<=", "target": 0, "fromYear": 2026},
          {"code": "A11", "numerator": "orgs.tccsd", "operator": ">=", "fromYear": 2026},
          {"code": "A12", "numerator": "admitted", "operator": ">=", "target": 5, "period": "term", "fromYear": 2026, "toYear": 2030},
          {"code": "A13", "numerator": "died", "operator": "<=", "target": 0, "fromYear": 2024}
         ],
         "tasks": [
          {"no": 1, "content": "Ban hành kế hoạch", "lead": "Ban Tổ chức Tỉnh ủy", "deadline": "Q1/2026", "output": "Kế hoạch", "indicators": ["A1"]},
          {"no": 2, "content": "Tổ chức hội thi", "lead": "Các đảng ủy trực thuộc Tỉnh ủy", "deadline": "yearly", "output": "Hội thi"},
          {"no": 3, "content": "Sơ kết", "lead": "Ban Tổ chức Tỉnh ủy", "deadline": "2026-12-15", "output": "Báo cáo"}
         ]}
        """;
}
