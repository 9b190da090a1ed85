using System.Text.Json;
using ChiBo.Members;
using ChiBo.Organizations;

namespace ChiBo.Web;

/// <summary>
/// The Vietnamese words the users read for the register's vocabulary, in one place, and the
/// camelCase names the JSON API uses for the same enums.
/// </summary>
public static class Labels
{
    /// <summary>"BaseCommittee" → "baseCommittee": how enums travel in the JSON API and query strings.</summary>
    public static string ApiName<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses an API name ("baseCommittee", case-insensitive); numbers and unknown names are refused.</summary>
    public static bool TryParseApiName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsAsciiDigit(text.Trim()[0]) || text.Trim()[0] == '-')
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Of(OrgKind kind) => kind switch
    {
        OrgKind.Province => "Đảng bộ tỉnh",
        OrgKind.SuperiorToBase => "Đảng bộ trực thuộc",
        OrgKind.BaseCommittee => "Đảng bộ cơ sở",
        OrgKind.BaseCell => "Chi bộ cơ sở",
        OrgKind.SectionCommittee => "Đảng bộ bộ phận",
        OrgKind.Cell => "Chi bộ trực thuộc",
        _ => kind.ToString(),
    };

    public static string Of(Sector sector) => sector switch
    {
        Sector.PartyFrontUnions => "Cơ quan Đảng, Mặt trận, đoàn thể",
        Sector.StateAgency => "Cơ quan nhà nước",
        Sector.PublicService => "Đơn vị sự nghiệp",
        Sector.EnterpriseCoop => "Doanh nghiệp, hợp tác xã",
        Sector.ArmedForces => "Quân đội, Công an",
        Sector.Commune => "Xã, phường, thôn, tổ dân phố",
        Sector.Other => "Khác",
        _ => sector.ToString(),
    };

    public static string Of(OrganizationEventKind kind) => kind switch
    {
        OrganizationEventKind.Founded => "Thành lập",
        OrganizationEventKind.Renamed => "Đổi tên",
        OrganizationEventKind.Moved => "Chuyển trực thuộc",
        OrganizationEventKind.MergedInto => "Hợp nhất, sáp nhập",
        OrganizationEventKind.Dissolved => "Giải thể",
        OrganizationEventKind.Reclassified => "Thay đổi loại hình, cấp",
        _ => kind.ToString(),
    };

    public static string Of(MemberStatus status) => status switch
    {
        MemberStatus.Probationary => "Dự bị",
        MemberStatus.Official => "Chính thức",
        MemberStatus.Exempted => "Miễn sinh hoạt",
        MemberStatus.TransferredOut => "Chuyển đi",
        MemberStatus.StruckOff => "Xóa tên",
        MemberStatus.Removed => "Ra khỏi Đảng",
        MemberStatus.Expelled => "Khai trừ",
        MemberStatus.Died => "Từ trần",
        _ => status.ToString(),
    };

    public static string Of(Gender gender) => gender switch
    {
        Gender.Male => "Nam",
        Gender.Female => "Nữ",
        _ => gender.ToString(),
    };

    public static string Of(GeneralEducation education) => education switch
    {
        GeneralEducation.Literate => "Biết đọc, biết viết",
        GeneralEducation.Primary => "Tiểu học",
        GeneralEducation.LowerSecondary => "Trung học cơ sở",
        GeneralEducation.UpperSecondary => "Trung học phổ thông",
        _ => education.ToString(),
    };

    public static string Of(ProfessionalLevel level) => level switch
    {
        ProfessionalLevel.None => "Chưa qua đào tạo",
        ProfessionalLevel.Elementary => "Sơ cấp",
        ProfessionalLevel.Intermediate => "Trung cấp",
        ProfessionalLevel.College => "Cao đẳng",
        ProfessionalLevel.University => "Đại học",
        ProfessionalLevel.Master => "Thạc sĩ",
        ProfessionalLevel.Doctor => "Tiến sĩ",
        _ => level.ToString(),
    };

    public static string Of(PoliticalTheory theory) => theory switch
    {
        PoliticalTheory.None => "Chưa qua đào tạo",
        PoliticalTheory.Elementary => "Sơ cấp",
        PoliticalTheory.Intermediate => "Trung cấp",
        PoliticalTheory.Advanced => "Cao cấp",
        PoliticalTheory.Bachelor => "Cử nhân",
        _ => theory.ToString(),
    };

    public static string Of(Religion religion) => religion switch
    {
        Religion.None => "Không",
        Religion.Buddhism => "Phật giáo",
        Religion.Catholicism => "Công giáo",
        Religion.Protestantism => "Tin Lành",
        Religion.CaoDai => "Cao Đài",
        Religion.HoaHao => "Phật giáo Hòa Hảo",
        Religion.Islam => "Hồi giáo",
        Religion.Other => "Tôn giáo khác",
        _ => religion.ToString(),
    };

    public static string Of(CivilServiceGrade grade) => grade switch
    {
        CivilServiceGrade.None => "Không",
        CivilServiceGrade.Officer => "Chuyên viên",
        CivilServiceGrade.Principal => "Chuyên viên chính",
        CivilServiceGrade.Senior => "Chuyên viên cao cấp",
        _ => grade.ToString(),
    };

    public static string Of(MemberEventKind kind) => kind switch
    {
        MemberEventKind.Admitted => "Kết nạp",
        MemberEventKind.RecognizedOfficial => "Công nhận đảng viên chính thức",
        MemberEventKind.TransferredIn => "Chuyển sinh hoạt đến",
        MemberEventKind.TransferredOut => "Chuyển sinh hoạt đi",
        MemberEventKind.MovedCell => "Chuyển sinh hoạt trong tỉnh",
        MemberEventKind.Exempted => "Miễn công tác và sinh hoạt đảng",
        MemberEventKind.ExemptionEnded => "Hết miễn sinh hoạt",
        MemberEventKind.StruckOff => "Xóa tên",
        MemberEventKind.Removed => "Cho ra khỏi Đảng",
        MemberEventKind.Expelled => "Khai trừ",
        MemberEventKind.Died => "Từ trần",
        MemberEventKind.FieldCorrected => "Đính chính thông tin",
        MemberEventKind.AttributesChanged => "Thay đổi thông tin",
        MemberEventKind.Registered => "Tạo hồ sơ từ dữ liệu cũ",
        MemberEventKind.Disciplined => "Thi hành kỷ luật",
        MemberEventKind.DisciplineReviewed => "Giải quyết khiếu nại kỷ luật",
        MemberEventKind.Reinstated => "Khôi phục đảng tịch",
        MemberEventKind.CardReissued => "Cấp lại thẻ đảng viên",
        _ => kind.ToString(),
    };

    public static string Of(ExemptionGround ground) => ExemptionPolicy.NameOf(ground);

    public static string Of(ChiBo.Discipline.DisciplineForm form) => ChiBo.Discipline.DisciplineNames.Of(form);

    public static string Of(ChiBo.Discipline.DecidingBody body) => ChiBo.Discipline.DisciplineNames.Of(body);

    public static string Of(ChiBo.Discipline.InspectionKind kind) => ChiBo.Discipline.DisciplineNames.Of(kind);

    public static string Of(ChiBo.Discipline.CaseConclusion conclusion) => ChiBo.Discipline.DisciplineNames.Of(conclusion);

    public static string Of(ChiBo.Discipline.AppealOutcome outcome) => ChiBo.Discipline.DisciplineNames.Of(outcome);

    public static string Of(ChiBo.Discipline.DisciplineSubject subject) => ChiBo.Discipline.DisciplineNames.Of(subject);

    public static string YesNo(bool value) => value ? "Có" : "Không";
}
