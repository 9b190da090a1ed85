using ChiBo.Organizations;

namespace ChiBo.Ratings;

/// <summary>What the stated shares of a task record mean for a band (all optional: unknown is not checked).</summary>
/// <param name="Score">Tổng điểm trên thang 100.</param>
/// <param name="OnTime">Share of the year's tasks done on time (0–1).</param>
/// <param name="Exceeded">Share of the tasks done beyond what was asked (vượt mức).</param>
/// <param name="Late">Share of the tasks done late or not done.</param>
/// <param name="Disciplined">The member, or the organization itself, was disciplined in the year.</param>
/// <param name="DisciplinedBelow">An organization or a member under the organization was disciplined in the year.</param>
public sealed record RatingFacts(decimal? Score, decimal? OnTime = null, decimal? Exceeded = null, decimal? Late = null, bool Disciplined = false, bool DisciplinedBelow = false);

/// <summary>A band of the 100-point scale: the lowest score and the conditions on tasks and discipline.</summary>
public sealed record ScoreBand(RatingLevel Level, decimal MinScore, decimal? MinOnTime = null, decimal? MinExceeded = null, decimal? MaxLate = null, bool RequiresNoDiscipline = false);

/// <summary>Where a criterion's points come from: typed by the committee, or suggested from the register's own data.</summary>
public enum CriterionSource
{
    Manual = 1,

    /// <summary>Share of the cell's held meetings attended (members) or months met (organizations).</summary>
    Attendance = 2,

    /// <summary>Share of the year's tasks done.</summary>
    TasksDone = 3,

    /// <summary>Share of the year's months of party fees paid.</summary>
    Fees = 4,

    /// <summary>Full points without a discipline decision in the year, none with one.</summary>
    NoDiscipline = 5,
}

public enum CriterionGroup
{
    /// <summary>Tiêu chí chung (30 điểm).</summary>
    General = 1,

    /// <summary>Kết quả thực hiện nhiệm vụ (70 điểm).</summary>
    TaskResults = 2,
}

public sealed record Criterion(string Code, string Name, CriterionGroup Group, int MaxPoints, CriterionSource Source = CriterionSource.Manual);

/// <summary>The 100-point scale: general criteria and task results, each group adding up to its points.</summary>
public sealed record RatingScale(int GeneralPoints, int TaskPoints, IReadOnlyList<ScoreBand> Bands, IReadOnlyList<Criterion> MemberCriteria, IReadOnlyList<Criterion> OrganizationCriteria)
{
    public int Total => GeneralPoints + TaskPoints;
}

/// <summary>What the cap on HTXSNV is counted against.</summary>
public enum CapBase
{
    /// <summary>Of those rated HTTNV (the wording of Hướng dẫn 21-HD/BTCTW).</summary>
    RatedGood = 1,

    /// <summary>Of those rated HTTNV or above.</summary>
    RatedGoodOrAbove = 2,
}

/// <summary>Where the cap is counted.</summary>
public enum CapScope
{
    /// <summary>Per tổ chức cơ sở đảng: all members of a đảng bộ cơ sở or chi bộ cơ sở.</summary>
    BaseOrganization = 1,

    /// <summary>Per chi bộ.</summary>
    Cell = 2,
}

/// <summary>HTXSNV members at most <see cref="Share"/> of <see cref="Base"/>, counted in each <see cref="Scope"/>.</summary>
public sealed record ExcellentCap(decimal Share, CapBase Base, CapScope Scope)
{
    /// <summary>Whether <paramref name="excellent"/> HTXSNV fit beside <paramref name="good"/> HTTNV: compared in integers, never on a rounded share.</summary>
    public bool Allows(int excellent, int good)
    {
        var denominator = Base == CapBase.RatedGood ? good : good + excellent;
        return excellent * 10_000 <= (long)decimal.Round(Share * 10_000) * denominator;
    }
}

/// <summary>An organization may be HTXSNV only when, of the subjects under it (its members, or the organizations it rates), these shares are met.</summary>
public sealed record CrossLevelRule(decimal MinFulfilledOrAbove, decimal MinGoodOrAbove)
{
    public bool Allows(int excellent, int good, int fulfilled, int notFulfilled)
    {
        var rated = excellent + good + fulfilled + notFulfilled;
        if (rated == 0)
        {
            return true;
        }

        static bool AtLeast(int part, int whole, decimal share) => part * 10_000L >= (long)decimal.Round(share * 10_000) * whole;
        return AtLeast(rated - notFulfilled, rated, MinFulfilledOrAbove) && AtLeast(excellent + good, rated, MinGoodOrAbove);
    }
}

/// <summary>The "bốn tốt" criteria the register fills in itself (003:71; Chỉ thị 50-CT/TW for the meetings).</summary>
/// <param name="MinAttendance">Chỉ thị 50-CT/TW and the plans (000:152): attendance at cell meetings from 90 %.</param>
/// <param name="MinMeetingsRatedGood">Share of held meetings rated tốt: the province's own yardstick (none is stated centrally).</param>
public sealed record FourGoodRules(decimal MinAttendance, decimal MinMeetingsRatedGood, RatingLevel MinLevel);

/// <summary>
/// Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm, as data: one version per regulation, each in
/// force for the years from <see cref="ValidFrom"/>. Sources: Quy định 366-QĐ/TW ngày 30/8/2025 của
/// Bộ Chính trị and Hướng dẫn 43-HD/BTCTW ngày 31/10/2025 (the 2025 review onward), replacing Quy
/// định 124-QĐ/TW ngày 2/10/2023 and Hướng dẫn 25-HD/BTCTW (with the same four level names; the
/// register also rates the years before 2023 under it, when 132-QĐ/TW used those names too). A
/// province adjusts <see cref="Versions"/>, not the commands.
/// </summary>
/// <param name="Version">Short name shown with every round and decision ("366-QĐ/TW").</param>
/// <param name="Source">The regulation and guidance, as cited.</param>
/// <param name="ValidFrom">Reviews of years ending on or after this date follow this version.</param>
/// <param name="Scale">
/// Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW: 100 points, 30 for the general criteria and 70 for the
/// results of the tasks; HTXSNV from 90 with every task on time, at least 30 % exceeded and no one
/// disciplined; HTTNV 70 to under 90 with every task on time; HTNV 50 to under 70 with at most 20 %
/// late; below that KHTNV. Null: the version has no point scale (124-QĐ/TW rates by the criteria in words).
/// The split of each group into criteria is this register's reading of the guidance's forms, for
/// the province to adjust.
/// </param>
/// <param name="MemberCap">
/// Hướng dẫn 21-HD/BTCTW (2019), kept by later guidance: HTXSNV members at most 20 % of those rated
/// HTTNV, counted per TCCSĐ. Hướng dẫn 43 does not restate it; kept as a setting with its scope.
/// </param>
/// <param name="CrossLevel">
/// Hướng dẫn 21-HD/BTCTW: an organization is HTXSNV only when all of its members (or the
/// organizations under it) are HTNV or above and at least 80 % HTTNV or above. A setting; null turns it off.
/// </param>
/// <param name="DisciplinedMemberMaxLevel">
/// Quy định 124-QĐ/TW Điều 9, Quy định 366-QĐ/TW: a member disciplined in the year (by the decision
/// date, each violation counted once) is rated KHTNV.
/// </param>
/// <param name="DisciplinedOrganizationMaxLevel">The same for an organization disciplined in the year.</param>
/// <param name="NewMemberMonths">
/// A probationary member admitted fewer months than this before the review date is reviewed but not
/// rated (không xếp loại); confirm against Hướng dẫn 43 locally.
/// </param>
/// <param name="NewOrganizationMonths">An organization founded fewer months than this before the review date is not rated.</param>
/// <param name="RatedKinds">Organizations rated in the register: TCCSĐ, chi bộ trực thuộc, đảng bộ bộ phận, đảng bộ trực thuộc (the province is rated by the centre).</param>
/// <param name="MemberReasons">"Không xếp loại" reasons a member may have.</param>
/// <param name="OrganizationReasons">"Không xếp loại" reasons an organization may have.</param>
/// <param name="FourGood">What the register checks for the "bốn tốt" criteria it fills in.</param>
/// <param name="RewardFormsBy">
/// Who gives which reward (khen thưởng tổ chức đảng, đảng viên): a chi bộ praises (biểu dương); a
/// đảng ủy cơ sở or chi bộ cơ sở gives giấy khen; the level above the base also giấy khen; the
/// province bằng khen and cờ. The province's own rules on emulation and rewards, as data.
/// </param>
public sealed record RatingPolicy(
    string Version,
    string Source,
    DateOnly ValidFrom,
    RatingScale? Scale,
    ExcellentCap? MemberCap,
    CrossLevelRule? CrossLevel,
    RatingLevel DisciplinedMemberMaxLevel,
    RatingLevel DisciplinedOrganizationMaxLevel,
    int NewMemberMonths,
    int NewOrganizationMonths,
    IReadOnlyList<OrgKind> RatedKinds,
    IReadOnlyList<NotRatedReason> MemberReasons,
    IReadOnlyList<NotRatedReason> OrganizationReasons,
    FourGoodRules FourGood,
    IReadOnlyDictionary<OrgKind, IReadOnlyList<RewardForm>> RewardFormsBy)
{
    private static readonly IReadOnlyList<Criterion> MemberCriteria =
    [
        new("C1", "Chính trị tư tưởng; đạo đức, lối sống; tác phong, lề lối làm việc", CriterionGroup.General, 12),
        new("C2", "Ý thức tổ chức kỷ luật: sinh hoạt chi bộ", CriterionGroup.General, 8, CriterionSource.Attendance),
        new("C3", "Đóng đảng phí đầy đủ, đúng hạn", CriterionGroup.General, 4, CriterionSource.Fees),
        new("C4", "Giữ mối liên hệ với chi ủy, nhân dân nơi cư trú; không vi phạm kỷ luật", CriterionGroup.General, 6, CriterionSource.NoDiscipline),
        new("K1", "Kết quả thực hiện nhiệm vụ được giao trong năm (sản phẩm cụ thể)", CriterionGroup.TaskResults, 50, CriterionSource.TasksDone),
        new("K2", "Thực hiện chương trình hành động, bản cam kết tu dưỡng, rèn luyện", CriterionGroup.TaskResults, 20),
    ];

    private static readonly IReadOnlyList<Criterion> OrganizationCriteria =
    [
        new("T1", "Lãnh đạo chính trị, tư tưởng; đoàn kết nội bộ", CriterionGroup.General, 10),
        new("T2", "Xây dựng tổ chức đảng, sinh hoạt chi bộ theo Chỉ thị 50-CT/TW", CriterionGroup.General, 10, CriterionSource.Attendance),
        new("T3", "Kiểm tra, giám sát; không có tổ chức, đảng viên bị kỷ luật", CriterionGroup.General, 10, CriterionSource.NoDiscipline),
        new("N1", "Kết quả lãnh đạo thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị", CriterionGroup.TaskResults, 50),
        new("N2", "Kết quả thực hiện nhiệm vụ được giao của các tổ chức, đảng viên trực thuộc", CriterionGroup.TaskResults, 20, CriterionSource.TasksDone),
    ];

    private static readonly IReadOnlyList<OrgKind> Rated = [OrgKind.SuperiorToBase, OrgKind.BaseCommittee, OrgKind.BaseCell, OrgKind.SectionCommittee, OrgKind.Cell];

    private static readonly IReadOnlyList<NotRatedReason> ForMembers =
        [NotRatedReason.Exempted, NotRatedReason.NewMember, NotRatedReason.LongLeave, NotRatedReason.Suspended, NotRatedReason.Other];

    private static readonly IReadOnlyList<NotRatedReason> ForOrganizations =
        [NotRatedReason.NewlyFounded, NotRatedReason.Reorganized, NotRatedReason.Other];

    /// <summary>Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW: the 2025 review onward.</summary>
    public static readonly RatingPolicy Default = new(
        "366-QĐ/TW",
        "Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị; Hướng dẫn 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương",
        new DateOnly(2025, 8, 30),
        new RatingScale(30, 70,
        [
            new ScoreBand(RatingLevel.Excellent, 90, MinOnTime: 1m, MinExceeded: 0.30m, RequiresNoDiscipline: true),
            new ScoreBand(RatingLevel.Good, 70, MinOnTime: 1m),
            new ScoreBand(RatingLevel.Fulfilled, 50, MaxLate: 0.20m),
            new ScoreBand(RatingLevel.NotFulfilled, 0),
        ], MemberCriteria, OrganizationCriteria),
        new ExcellentCap(0.20m, CapBase.RatedGood, CapScope.BaseOrganization),
        new CrossLevelRule(1m, 0.80m),
        RatingLevel.NotFulfilled,
        RatingLevel.NotFulfilled,
        NewMemberMonths: 6,
        NewOrganizationMonths: 6,
        Rated, ForMembers, ForOrganizations,
        new FourGoodRules(0.90m, 0.50m, RatingLevel.Good),
        new Dictionary<OrgKind, IReadOnlyList<RewardForm>>
        {
            [OrgKind.Cell] = [RewardForm.Praise],
            [OrgKind.SectionCommittee] = [RewardForm.Praise],
            [OrgKind.BaseCell] = [RewardForm.Praise, RewardForm.Certificate],
            [OrgKind.BaseCommittee] = [RewardForm.Praise, RewardForm.Certificate],
            [OrgKind.SuperiorToBase] = [RewardForm.Praise, RewardForm.Certificate, RewardForm.Other],
            [OrgKind.Province] = [RewardForm.Praise, RewardForm.Certificate, RewardForm.MeritCertificate, RewardForm.Banner, RewardForm.Other],
        });

    /// <summary>Quy định 124-QĐ/TW, Hướng dẫn 25-HD/BTCTW: reviews up to 2024, the same four levels, no point scale.</summary>
    public static readonly RatingPolicy Regulation124 = Default with
    {
        Version = "124-QĐ/TW",
        Source = "Quy định 124-QĐ/TW ngày 2/10/2023 của Bộ Chính trị; Hướng dẫn 25-HD/BTCTW của Ban Tổ chức Trung ương (các năm trước 2023: Quy định 132-QĐ/TW, cùng bốn mức xếp loại)",
        ValidFrom = DateOnly.MinValue,
        Scale = null,
    };

    /// <summary>Every version, oldest first.</summary>
    public static readonly IReadOnlyList<RatingPolicy> Versions = [Regulation124, Default];

    /// <summary>The version in force for the review of <paramref name="year"/>.</summary>
    public static RatingPolicy For(int year, IReadOnlyList<RatingPolicy>? versions = null) =>
        (versions ?? Versions).Where(v => v.ValidFrom <= new DateOnly(year, 12, 31)).MaxBy(v => v.ValidFrom)
        ?? (versions ?? Versions)[0];

    public static RatingPolicy? Named(string version) => Versions.FirstOrDefault(v => v.Version == version);

    /// <summary>
    /// The highest level the facts allow: the first band whose score and conditions are met (a
    /// condition on a share that is not known is not checked), then no higher than a disciplined
    /// subject may be. Without a scale only the discipline limit applies.
    /// </summary>
    public RatingLevel HighestFor(RatingFacts facts, RatingSubject subject)
    {
        var highest = RatingLevel.Excellent;
        if (Scale is { } scale && facts.Score is { } score)
        {
            highest = scale.Bands.First(b => Meets(b, facts, score)).Level;
        }

        // HTXSNV needs no one disciplined, under every version (Quy định 124-QĐ/TW and 366-QĐ/TW alike).
        if ((facts.Disciplined || facts.DisciplinedBelow) && highest == RatingLevel.Excellent)
        {
            highest = RatingLevel.Good;
        }

        if (facts.Disciplined)
        {
            var limit = subject == RatingSubject.Member ? DisciplinedMemberMaxLevel : DisciplinedOrganizationMaxLevel;
            highest = Lower(highest, limit);
        }

        return highest;
    }

    private static bool Meets(ScoreBand b, RatingFacts f, decimal score) =>
        score >= b.MinScore
        && (b.MinOnTime is not { } onTime || f.OnTime is not { } o || o >= onTime)
        && (b.MinExceeded is not { } exceeded || f.Exceeded is not { } e || e >= exceeded)
        && (b.MaxLate is not { } late || f.Late is not { } l || l <= late)
        && (!b.RequiresNoDiscipline || !(f.Disciplined || f.DisciplinedBelow));

    /// <summary>The lower (worse) of two levels.</summary>
    public static RatingLevel Lower(RatingLevel a, RatingLevel b) => (RatingLevel)Math.Max((int)a, (int)b);

    public static bool IsGoodOrAbove(RatingLevel level) => level <= RatingLevel.Good;

    public bool IsMemberReason(NotRatedReason reason) => MemberReasons.Contains(reason);

    public bool IsOrganizationReason(NotRatedReason reason) => OrganizationReasons.Contains(reason);

    /// <summary>The reason the policy itself gives a member on the review date, if any (exempted, admitted too recently).</summary>
    public NotRatedReason? MemberNotRatedOn(DateOnly reviewDate, bool exempted, DateOnly admittedOn, DateOnly? officialOn) =>
        exempted ? NotRatedReason.Exempted
        : (officialOn is null || officialOn > reviewDate) && admittedOn.AddMonths(NewMemberMonths) > reviewDate ? NotRatedReason.NewMember
        : null;

    /// <summary>An organization founded too recently before the review date is not rated.</summary>
    public NotRatedReason? OrganizationNotRatedOn(DateOnly reviewDate, DateOnly foundedOn) =>
        foundedOn.AddMonths(NewOrganizationMonths) > reviewDate ? NotRatedReason.NewlyFounded : null;
}

/// <summary>Vietnamese names and short codes of levels and reasons, as the forms and reports write them.</summary>
public static class RatingNames
{
    public static string Code(RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "HTXSNV",
        RatingLevel.Good => "HTTNV",
        RatingLevel.Fulfilled => "HTNV",
        _ => "KHTNV",
    };

    public static string Of(RatingLevel level) => level switch
    {
        RatingLevel.Excellent => "Hoàn thành xuất sắc nhiệm vụ",
        RatingLevel.Good => "Hoàn thành tốt nhiệm vụ",
        RatingLevel.Fulfilled => "Hoàn thành nhiệm vụ",
        _ => "Không hoàn thành nhiệm vụ",
    };

    public static RatingLevel? ParseCode(string? text)
    {
        var t = Text.VietnameseText.Fold(text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return Enum.GetValues<RatingLevel>().Where(l => Code(l) == t || Text.VietnameseText.Fold(Of(l)).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() == t)
            .Select(l => (RatingLevel?)l).FirstOrDefault();
    }

    public static string Of(RewardForm form) => form switch
    {
        RewardForm.Praise => "Biểu dương",
        RewardForm.Certificate => "Giấy khen",
        RewardForm.MeritCertificate => "Bằng khen",
        RewardForm.Banner => "Cờ thi đua",
        _ => "Hình thức khác",
    };

    public static string Of(NotRatedReason reason) => reason switch
    {
        NotRatedReason.Exempted => "Được miễn công tác và sinh hoạt đảng",
        NotRatedReason.NewMember => "Đảng viên mới kết nạp chưa đủ thời gian xếp loại",
        NotRatedReason.LongLeave => "Nghỉ ốm, thai sản, đi học dài ngày",
        NotRatedReason.Suspended => "Đang bị tạm đình chỉ sinh hoạt đảng",
        NotRatedReason.NewlyFounded => "Tổ chức đảng mới thành lập",
        NotRatedReason.Reorganized => "Giải thể, hợp nhất, sáp nhập, chia tách, kiện toàn trong năm",
        _ => "Lý do khác",
    };

    /// <summary>The report's name of a reason ("exempted", "newMember", …).</summary>
    public static string Key(NotRatedReason reason) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    public static NotRatedReason? ParseReason(string? text)
    {
        var t = Text.VietnameseText.Fold(text ?? "").Trim();
        if (t.Length == 0)
        {
            return null;
        }

        return Enum.GetValues<NotRatedReason>()
            .Where(r => Text.VietnameseText.Fold(Of(r)) == t || string.Equals(Key(r), t, StringComparison.OrdinalIgnoreCase))
            .Select(r => (NotRatedReason?)r).FirstOrDefault();
    }
}
