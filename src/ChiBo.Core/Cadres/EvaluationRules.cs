using System.Globalization;
using System.Text.RegularExpressions;

namespace ChiBo.Cadres;

/// <summary>A template is usable: criteria with distinct codes, names and positive weights; bands from 0 up with labels.</summary>
public static partial class TemplateRules
{
    public static IEnumerable<IRule> For(IReadOnlyList<EvaluationCriterion> criteria, IReadOnlyList<EvaluationBand> bands)
    {
        yield return new Check("Criteria", "Cần ít nhất một tiêu chí.", criteria.Count == 0);
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            yield return new Check($"Criteria[{i}].Code", $"Tiêu chí {row}: mã gồm chữ thường, chữ số, dấu gạch (tối đa 40 ký tự).", !CodePattern().IsMatch(c.Code));
            yield return new Check($"Criteria[{i}].Code", $"Tiêu chí {row}: mã \"{c.Code}\" trùng với tiêu chí khác.", criteria.Take(i).Any(x => x.Code == c.Code));
            yield return new Check($"Criteria[{i}].Name", $"Tiêu chí {row}: cần tên tiêu chí (tối đa 300 ký tự).", c.Name.Length is 0 or > 300);
            yield return new Check($"Criteria[{i}].Component", $"Tiêu chí {row}: nguồn điểm không hợp lệ.", !Enum.IsDefined(c.Component));
            yield return new Check($"Criteria[{i}].Weight", $"Tiêu chí {row}: trọng số phải lớn hơn 0 và không quá 1000.", c.Weight is <= 0 or > 1000);
        }

        yield return new Check("Bands", "Cần các mức xếp loại, mức thấp nhất bắt đầu từ 0 điểm.", bands.Count == 0 || bands.All(b => b.Min != 0));
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            yield return new Check($"Bands[{i}].Min", $"Mức {row}: điểm từ 0 đến 100, không trùng mức khác.", b.Min is < 0 or > 100 || bands.Take(i).Any(x => x.Min == b.Min));
            yield return new Check($"Bands[{i}].Label", $"Mức {row}: cần tên mức (tối đa 100 ký tự).", b.Label.Length is 0 or > 100);
            yield return new Check($"Bands[{i}].Outcome", $"Mức {row}: cần hình thức (khuyến khích, nhắc nhở…; tối đa 100 ký tự).", b.Outcome.Length is 0 or > 100);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex CodePattern();

    private sealed record Check(string Field, string Message, bool Broken) : IRule
    {
        public bool IsBroken() => Broken;
    }
}

public sealed record TemplateDateIsFree(bool Taken, DateOnly From) : IRule
{
    public string Field => "ValidFrom";

    public string Message => $"Đã có bộ tiêu chí áp dụng từ ngày {Rules.Date(From)}.";

    public bool IsBroken() => Taken;
}

public sealed record QuarterIsValid(int Year, int Quarter) : IRule
{
    public string Field => "Quarter";

    public string Message => "Quý phải từ 1 đến 4, năm từ 2000 đến 9998.";

    public bool IsBroken() => Quarter is < 1 or > 4 || Year is < 2000 or > 9998;
}

public sealed record QuarterHasBegun(DateOnly First, DateOnly Today) : IRule
{
    public string Field => "Quarter";

    public string Message => $"Quý bắt đầu ngày {Rules.Date(First)}, chưa đến.";

    public bool IsBroken() => First > Today;
}

public sealed record TemplateIsInForce(bool Found, DateOnly First) : IRule
{
    public string Field => "PoolId";

    public string Message => $"Chưa có bộ tiêu chí đánh giá áp dụng từ ngày {Rules.Date(First)} cho diện cán bộ này.";

    public bool IsBroken() => !Found;
}

public sealed record PeriodIsNew(bool Exists, int Year, int Quarter) : IRule
{
    public string Field => "Quarter";

    public string Message => string.Create(CultureInfo.InvariantCulture, $"Đã mở kỳ đánh giá quý {Quarter}/{Year}.");

    public bool IsBroken() => Exists;
}

public sealed record PeriodStepIsAllowed(PeriodState From, PeriodState To, int NotConcluded) : IRule
{
    public string Field => "State";

    public string Message => (From, To) switch
    {
        (PeriodState.Open, PeriodState.Calibration) => string.Create(CultureInfo.InvariantCulture, $"Còn {NotConcluded} cán bộ chưa có kết luận: chưa chuyển sang rà soát được."),
        (PeriodState.Locked, _) => "Kỳ đánh giá đã khóa.",
        _ => "Chỉ chuyển được: đang đánh giá → rà soát → khóa, hoặc rà soát → đang đánh giá.",
    };

    public bool IsBroken() => (From, To) switch
    {
        (PeriodState.Open, PeriodState.Calibration) => NotConcluded > 0,
        (PeriodState.Calibration, PeriodState.Locked or PeriodState.Open) => false,
        _ => true,
    };
}

/// <summary>Work goes on while the evaluation is not concluded and its period is open.</summary>
public sealed record EvaluationIsOpen(CadreEvaluation Evaluation, EvaluationPeriod Period) : IRule
{
    public string Field => "State";

    public string Message => Evaluation.State == EvaluationState.Concluded
        ? "Cấp ủy đã kết luận đánh giá này."
        : "Kỳ đánh giá không còn mở.";

    public bool IsBroken() => Evaluation.State == EvaluationState.Concluded || Period.State != PeriodState.Open;
}

public sealed record SelfAssessedFirst(EvaluationState State) : IRule
{
    public string Field => "State";

    public string Message => "Cán bộ chưa tự đánh giá: ghi bản tự đánh giá trước.";

    public bool IsBroken() => State == EvaluationState.SelfAssessment;
}

/// <summary>Scores 0–100 for criteria of the template (of one component when named).</summary>
public sealed record ScoresFitTheCriteria(string Field, IReadOnlyDictionary<string, decimal>? Scores, IReadOnlyList<EvaluationCriterion> Criteria, EvaluationComponent? Component) : IRule
{
    private string? Problem => (Scores ?? new Dictionary<string, decimal>()).Select(s =>
        Criteria.FirstOrDefault(c => c.Code == s.Key) is not { } c || (Component is { } k && c.Component != k)
            ? $"Tiêu chí \"{s.Key}\" không có trong bộ tiêu chí" + (Component is null ? "." : " chấm kết quả thực hiện nhiệm vụ.")
            : s.Value is < 0 or > 100 ? $"Điểm tiêu chí \"{c.Name}\" phải từ 0 đến 100." : null).FirstOrDefault(p => p is not null);

    public string Message => Problem ?? "";

    public bool IsBroken() => Scores is null || Problem is not null;
}

public sealed record ProductsAreNamed(IReadOnlyList<Product> Products) : IRule
{
    public string Field => "Products";

    public string Message => "Mỗi sản phẩm cần tên (tối đa 300 ký tự), minh chứng tối đa 1000 ký tự; tối đa 100 sản phẩm.";

    public bool IsBroken() => Products.Count > 100 || Products.Any(p => p.Name.Length is 0 or > 300 || (p.Evidence?.Length ?? 0) > 1000);
}

public sealed record TrustCountsAreSound(int High, int Medium, int Low) : IRule
{
    public string Field => "TrustHigh";

    public string Message => "Số phiếu tín nhiệm không được âm.";

    public bool IsBroken() => High < 0 || Medium < 0 || Low < 0;
}

public sealed record ResultsAreScored(IReadOnlyList<string> Missing) : IRule
{
    public string Field => "Scores";

    public string Message => "Cấp ủy chưa chấm các tiêu chí kết quả: " + string.Join(", ", Missing) + ".";

    public bool IsBroken() => Missing.Count > 0;
}

public sealed record GroupIsAsked(EvaluationComponent Group, IReadOnlyList<EvaluationCriterion> Criteria) : IRule
{
    public string Field => "Group";

    public string Message => "Bộ tiêu chí không lấy ý kiến nhóm này (cấp trên, đồng cấp, cấp dưới, Nhân dân).";

    public bool IsBroken() => !EvaluationScoring.IsFeedback(Group) || Criteria.All(c => c.Component != Group);
}

public sealed record CodeCountIsSound(int Count, int Max) : IRule
{
    public string Field => "Count";

    public string Message => string.Create(CultureInfo.InvariantCulture, $"Số phiếu mỗi lần từ 1 đến {Max}.");

    public bool IsBroken() => Count < 1 || Count > Max;
}

/// <summary>Unknown and used codes get the same answer, so trying codes tells nothing.</summary>
public sealed record CodeIsUnused(FeedbackInvitation? Invitation) : IRule
{
    public string Field => "Code";

    public string Message => "Mã phiếu không đúng hoặc đã được dùng.";

    public bool IsBroken() => Invitation is not { Used: false };
}

public sealed record AnswersFitTheForm(IReadOnlyDictionary<string, int>? Answers, IReadOnlyList<EvaluationCriterion> Asked, int Top) : IRule
{
    public string Field => "Answers";

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Cần trả lời đủ các câu của phiếu, mỗi câu từ 1 đến {Top}: {string.Join(", ", Asked.Select(a => a.Name))}.");

    public bool IsBroken() => Answers is null || Asked.Count == 0 || Answers.Count != Asked.Count
        || Asked.Any(a => !Answers.TryGetValue(a.Code, out var v) || v < 1 || v > Top);
}
