using ChiBo.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Admission;

/// <summary>Where a candidate's file stands (DOMAIN.md §4); the steps happen in this order.</summary>
public enum CandidateStep
{
    /// <summary>Quần chúng ưu tú được chi bộ giới thiệu.</summary>
    Nominated = 1,

    /// <summary>Đã có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.</summary>
    Trained = 2,

    /// <summary>Đã nộp đơn xin vào Đảng (1-KNĐ) và lý lịch (2-KNĐ).</summary>
    Applied = 3,

    /// <summary>Có hai đảng viên chính thức giới thiệu (3-KNĐ) hoặc nghị quyết giới thiệu của Đoàn / Công đoàn (4-KNĐ).</summary>
    Introduced = 4,

    /// <summary>Đã thẩm tra lý lịch.</summary>
    Verified = 5,

    /// <summary>Chi bộ ra nghị quyết đề nghị kết nạp (6-KNĐ).</summary>
    CellResolved = 6,

    /// <summary>Đảng ủy cơ sở đồng ý, đề nghị cấp trên (8-KNĐ).</summary>
    BaseCommitteeAgreed = 7,

    /// <summary>Cấp ủy có thẩm quyền quyết định kết nạp (9-KNĐ).</summary>
    Decided = 8,

    /// <summary>Đã kết nạp, đang dự bị.</summary>
    OnProbation = 9,

    /// <summary>Đã được công nhận đảng viên chính thức.</summary>
    Official = 10,

    /// <summary>Dừng xem xét kết nạp (before the ceremony).</summary>
    Stopped = 11,

    /// <summary>Không được công nhận chính thức: xóa tên khỏi danh sách đảng viên dự bị.</summary>
    StruckOff = 12,
}

/// <summary>Who introduces the candidate (Điều lệ Đảng, Điều 4.2).</summary>
public enum IntroductionKind
{
    /// <summary>Hai đảng viên chính thức (3-KNĐ).</summary>
    TwoMembers = 1,

    /// <summary>Nghị quyết của Ban Chấp hành Đoàn cơ sở (4-KNĐ).</summary>
    YouthUnion = 2,

    /// <summary>Nghị quyết của Ban Chấp hành Công đoàn cơ sở (4-KNĐ).</summary>
    TradeUnion = 3,
}

/// <summary>
/// A candidate for admission (quần chúng ưu tú, người vào Đảng) followed by a cell from nomination
/// to official membership. The profile the CV (lý lịch) gives is kept as JSON until the ceremony,
/// when it becomes a <see cref="Member"/> record; the columns that queries and rules need are
/// copied out of it.
/// </summary>
public sealed class Candidate
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public int CellId { get; set; }
    public required string FullName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Cccd { get; set; }

    /// <summary>The <see cref="MemberProfile"/> as JSON.</summary>
    public required string ProfileJson { get; set; }

    public CandidateStep Step { get; set; }

    /// <summary>The day the current step was reached: deadlines count from it.</summary>
    public DateOnly StepSince { get; set; }

    public DateOnly NominatedOn { get; set; }
    public string? CourseCertificateNumber { get; set; }
    public DateOnly? CourseCertificateDate { get; set; }
    public DateOnly? ApplicationDate { get; set; }
    public DateOnly? CvDate { get; set; }
    public IntroductionKind? IntroductionKind { get; set; }
    public int? Introducer1Id { get; set; }
    public int? Introducer2Id { get; set; }

    /// <summary>Number of the Youth Union / Trade Union resolution (4-KNĐ).</summary>
    public string? UnionResolutionNumber { get; set; }

    public DateOnly? IntroducedOn { get; set; }
    public DateOnly? VerifiedOn { get; set; }

    /// <summary>Văn bản đồng ý của Ban Thường vụ Tỉnh ủy for a candidate over 60.</summary>
    public string? ProvincialConsentNumber { get; set; }

    public DateOnly? CellResolutionDate { get; set; }
    public int? CellOfficialMembers { get; set; }
    public int? CellVotesFor { get; set; }
    public DateOnly? BaseCommitteeDate { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? CeremonyDate { get; set; }

    /// <summary>The member record made at the ceremony.</summary>
    public int? MemberId { get; set; }

    public string? NewMemberCourseCertificateNumber { get; set; }
    public DateOnly? NewMemberCourseDate { get; set; }
    public DateOnly? RecognitionResolutionDate { get; set; }
    public int? RecognitionOfficialMembers { get; set; }
    public int? RecognitionVotesFor { get; set; }
    public string? RecognitionDecisionNumber { get; set; }
    public DateOnly? RecognitionDecisionDate { get; set; }
    public string? StopReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>Chỉ tiêu kết nạp đảng viên of an organization for a year (the plans set them per subtree).</summary>
public sealed class AdmissionTarget
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public int Target { get; set; }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.Property(c => c.FullName).HasMaxLength(150);
        b.Property(c => c.Cccd).HasMaxLength(12);
        b.Property(c => c.ProfileJson).HasMaxLength(8000);
        b.Property(c => c.CourseCertificateNumber).HasMaxLength(50);
        b.Property(c => c.UnionResolutionNumber).HasMaxLength(100);
        b.Property(c => c.ProvincialConsentNumber).HasMaxLength(100);
        b.Property(c => c.DecisionNumber).HasMaxLength(100);
        b.Property(c => c.NewMemberCourseCertificateNumber).HasMaxLength(50);
        b.Property(c => c.RecognitionDecisionNumber).HasMaxLength(100);
        b.Property(c => c.StopReason).HasMaxLength(1000);
        b.Property(c => c.UpdatedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.CellId, c.Step, c.StepSince });
        b.HasIndex(c => c.Cccd);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdmissionTargetConfiguration : IEntityTypeConfiguration<AdmissionTarget>
{
    public void Configure(EntityTypeBuilder<AdmissionTarget> b)
    {
        b.HasIndex(t => new { t.OrganizationId, t.Year }).IsUnique();
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
