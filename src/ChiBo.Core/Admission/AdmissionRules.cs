using ChiBo.Members;

namespace ChiBo.Admission;

/// <summary>Ít nhất hai phần ba số đảng viên chính thức của chi bộ tán thành (Điều lệ Đảng, Điều 4.3 and 5.3).</summary>
public sealed record AdmissionNeedsTwoThirdsOfOfficialMembers(int VotesFor, int OfficialMembers, string What = "kết nạp") : IRule
{
    public string Field => "VotesFor";

    public string Message => OfficialMembers == 0
        ? $"Chi bộ chưa có đảng viên chính thức nên không thể biểu quyết {What}."
        : $"Nghị quyết {What} cần ít nhất hai phần ba số đảng viên chính thức tán thành: {VotesFor}/{OfficialMembers} tán thành, cần ít nhất {AdmissionPolicy.VotesNeeded(OfficialMembers)}.";

    public bool IsBroken() => !AdmissionPolicy.EnoughVotes(VotesFor, OfficialMembers);
}

/// <summary>Votes cannot exceed the official members who may vote.</summary>
public sealed record VotesWithinOfficialMembers(int VotesFor, int OfficialMembers) : IRule
{
    public string Field => "VotesFor";

    public string Message => $"Số phiếu tán thành ({VotesFor}) không thể lớn hơn số đảng viên chính thức của chi bộ ({OfficialMembers}).";

    public bool IsBroken() => VotesFor < 0 || VotesFor > OfficialMembers;
}

/// <summary>Tuổi đời từ 18 đến 60; trên 60 phải có ý kiến của Ban Thường vụ Tỉnh ủy.</summary>
public sealed record CandidateAgeWithinLimits(DateOnly BirthDate, DateOnly On, string? ProvincialConsent) : IRule
{
    public string Field => nameof(Candidate.BirthDate);

    private int Age => Dates.AgeOn(BirthDate, On);

    public string Message => Age < AdmissionPolicy.MinimumAge
        ? $"Người vào Đảng phải đủ {AdmissionPolicy.MinimumAge} tuổi khi chi bộ xét: ngày {Rules.Date(On)} mới {Age} tuổi."
        : $"Người vào Đảng {Age} tuổi (trên {AdmissionPolicy.MaximumAgeWithoutProvincialConsent}): cần văn bản đồng ý của Ban Thường vụ Tỉnh ủy.";

    public bool IsBroken() => !AdmissionPolicy.IsOldEnough(BirthDate, On)
        || (AdmissionPolicy.NeedsProvincialConsent(BirthDate, On) && string.IsNullOrWhiteSpace(ProvincialConsent));
}

public sealed record CandidateHasLowerSecondaryEducation(GeneralEducation Education) : IRule
{
    public string Field => nameof(MemberProfile.GeneralEducation);

    public string Message => $"Người vào Đảng phải tốt nghiệp trung học cơ sở trở lên (hiện: {VietnameseNames.Of(Education)}).";

    public bool IsBroken() => Education < AdmissionPolicy.MinimumEducation;
}

/// <summary>The course certificate (giấy chứng nhận bồi dưỡng nhận thức về Đảng) is valid for 5 years.</summary>
public sealed record CourseCertificateIsValid(DateOnly? Issued, DateOnly On) : IRule
{
    public string Field => nameof(Candidate.CourseCertificateDate);

    public string Message => Issued is { } d
        ? $"Giấy chứng nhận bồi dưỡng nhận thức về Đảng cấp ngày {Rules.Date(d)} đã hết hạn {AdmissionPolicy.CourseCertificateValidYears} năm vào ngày {Rules.Date(On)}."
        : "Chưa có giấy chứng nhận bồi dưỡng nhận thức về Đảng.";

    public bool IsBroken() => Issued is not { } d || d > On || !AdmissionPolicy.CertificateIsValid(d, On);
}

public sealed record CandidateIsAtStep(Candidate Candidate, CandidateStep Required, string Action) : IRule
{
    public string Field => nameof(Candidate.Step);

    public string Message => $"Chỉ {Action} khi hồ sơ của {Candidate.FullName} ở bước \"{AdmissionNames.Of(Required)}\"; hồ sơ đang ở bước \"{AdmissionNames.Of(Candidate.Step)}\".";

    public bool IsBroken() => Candidate.Step != Required;
}

public sealed record CandidateIsAtStepBefore(Candidate Candidate, CandidateStep Before, string Action) : IRule
{
    public string Field => nameof(Candidate.Step);

    public string Message => $"Chỉ {Action} trước bước \"{AdmissionNames.Of(Before)}\"; hồ sơ của {Candidate.FullName} đang ở bước \"{AdmissionNames.Of(Candidate.Step)}\".";

    public bool IsBroken() => Candidate.Step >= Before;
}

/// <summary>A file that is closed (admitted and recognized, stopped, struck off) takes no more steps.</summary>
public sealed record CandidateIsInProgress(Candidate Candidate) : IRule
{
    public string Field => nameof(Candidate.Step);

    public string Message => $"Hồ sơ của {Candidate.FullName} đã kết thúc (bước \"{AdmissionNames.Of(Candidate.Step)}\").";

    public bool IsBroken() => Candidate.Step > CandidateStep.OnProbation;
}

/// <summary>Steps are recorded in order: a step cannot be dated before the previous one.</summary>
public sealed record StepIsNotBeforePrevious(DateOnly Date, DateOnly Previous) : IRule
{
    public string Field => "Date";

    public string Message => $"Ngày {Rules.Date(Date)} trước ngày của bước trước ({Rules.Date(Previous)}).";

    public bool IsBroken() => Date < Previous;
}

/// <summary>An introducer is an official member (not probationary) still active, and not the same person twice.</summary>
public sealed record IntroducerIsOfficialMember(Member? Introducer, int Id) : IRule
{
    public string Field => "IntroducerIds";

    public string Message => Introducer is null
        ? $"Không tìm thấy đảng viên giới thiệu số {Id}."
        : $"Người giới thiệu {Introducer.FullName} phải là đảng viên chính thức đang sinh hoạt (trạng thái: {VietnameseNames.Of(Introducer.Status)}).";

    public bool IsBroken() => Introducer is null || Introducer.Status is not (MemberStatus.Official or MemberStatus.Exempted);
}

/// <summary>Người giới thiệu phải cùng công tác với người vào Đảng ít nhất 12 tháng.</summary>
public sealed record IntroducerKnewCandidateLongEnough(string Name, DateOnly KnownSince, DateOnly On) : IRule
{
    public string Field => "KnownSince";

    public string Message => $"Người giới thiệu {Name} phải cùng công tác với người vào Đảng ít nhất {AdmissionPolicy.IntroducerKnownMonths} tháng (từ {Rules.Date(KnownSince)} đến {Rules.Date(On)} chưa đủ).";

    public bool IsBroken() => KnownSince.AddMonths(AdmissionPolicy.IntroducerKnownMonths) > On;
}

public sealed record TwoDifferentIntroducers(IReadOnlyList<int> Ids) : IRule
{
    public string Field => "IntroducerIds";

    public string Message => $"Cần {AdmissionPolicy.Introducers} đảng viên chính thức khác nhau giới thiệu.";

    public bool IsBroken() => Ids.Distinct().Count() != AdmissionPolicy.Introducers;
}

/// <summary>Only a Youth Union member can be introduced by the Youth Union.</summary>
public sealed record YouthUnionIntroducesItsMember(IntroductionKind Kind, bool YouthUnion) : IRule
{
    public string Field => nameof(Candidate.IntroductionKind);

    public string Message => "Chỉ đoàn viên mới được Ban Chấp hành Đoàn cơ sở giới thiệu vào Đảng.";

    public bool IsBroken() => Kind == IntroductionKind.YouthUnion && !YouthUnion;
}

/// <summary>The cell considers the recognition only once the 12 months of probation are over (Điều lệ Đảng, Điều 5.4).</summary>
public sealed record RecognitionAfterProbation(DateOnly AdmittedOn, DateOnly VoteDate) : IRule
{
    public string Field => "Date";

    public string Message => $"Chi bộ chỉ xét công nhận đảng viên chính thức khi đã hết {AdmissionPolicy.ProbationMonths} tháng dự bị: từ ngày {Rules.Date(AdmissionPolicy.ProbationEnds(AdmittedOn))} (ngày nghị quyết đã nhập: {Rules.Date(VoteDate)}).";

    public bool IsBroken() => VoteDate < AdmissionPolicy.ProbationEnds(AdmittedOn);
}

/// <summary>The cell votes once on the recognition; a second vote would hide the first.</summary>
public sealed record RecognitionNotYetVoted(Candidate Candidate) : IRule
{
    public string Field => "Date";

    public string Message => $"Chi bộ đã ra nghị quyết đề nghị công nhận chính thức cho {Candidate.FullName} ngày {Rules.Date(Candidate.RecognitionResolutionDate ?? default)}: chờ quyết định của cấp ủy có thẩm quyền.";

    public bool IsBroken() => Candidate.RecognitionResolutionDate is not null;
}

/// <summary>The competent committee decides on the cell's resolution, not without it.</summary>
public sealed record RecognitionVoted(Candidate Candidate) : IRule
{
    public string Field => nameof(Candidate.RecognitionResolutionDate);

    public string Message => $"Chưa có nghị quyết của chi bộ đề nghị công nhận {Candidate.FullName} là đảng viên chính thức.";

    public bool IsBroken() => Candidate.RecognitionResolutionDate is null;
}

public sealed record TextIsGiven(string Field, string Label, string? Value) : IRule
{
    public string Message => $"{Label} không được để trống.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Value);
}

public static class AdmissionNames
{
    public static string Of(CandidateStep step) => step switch
    {
        CandidateStep.Nominated => "Quần chúng ưu tú",
        CandidateStep.Trained => "Đã học lớp bồi dưỡng nhận thức về Đảng",
        CandidateStep.Applied => "Đã có đơn và lý lịch",
        CandidateStep.Introduced => "Đã có người giới thiệu",
        CandidateStep.Verified => "Đã thẩm tra lý lịch",
        CandidateStep.CellResolved => "Chi bộ đề nghị kết nạp",
        CandidateStep.BaseCommitteeAgreed => "Đảng ủy cơ sở đề nghị",
        CandidateStep.Decided => "Đã có quyết định kết nạp",
        CandidateStep.OnProbation => "Đảng viên dự bị",
        CandidateStep.Official => "Đảng viên chính thức",
        CandidateStep.Stopped => "Dừng xem xét kết nạp",
        CandidateStep.StruckOff => "Xóa tên khỏi danh sách đảng viên dự bị",
        _ => step.ToString(),
    };
}
