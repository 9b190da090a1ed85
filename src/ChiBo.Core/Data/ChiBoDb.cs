using System.Text;
using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Admission;
using ChiBo.Cadres;
using ChiBo.Discipline;
using ChiBo.Documents;
using ChiBo.Fees;
using ChiBo.Transfers;
using ChiBo.Meetings;
using ChiBo.Members;
using ChiBo.Notices;
using ChiBo.Notifications;
using ChiBo.Organizations;
using ChiBo.Procedures;
using ChiBo.Provinces;
using ChiBo.Ratings;
using ChiBo.Villages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChiBo.Data;

/// <summary>The one model of the register, migrated for SQLite (embedded default) and PostgreSQL.</summary>
public sealed class ChiBoDb(DbContextOptions<ChiBoDb> options) : DbContext(options)
{
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationPeriod> OrganizationPeriods => Set<OrganizationPeriod>();
    public DbSet<OrganizationEvent> OrganizationEvents => Set<OrganizationEvent>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberPeriod> MemberPeriods => Set<MemberPeriod>();
    public DbSet<MemberEvent> MemberEvents => Set<MemberEvent>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<AdmissionTarget> AdmissionTargets => Set<AdmissionTarget>();
    public DbSet<PartyTransfer> PartyTransfers => Set<PartyTransfer>();
    public DbSet<BadgeAward> BadgeAwards => Set<BadgeAward>();
    public DbSet<FeePayment> FeePayments => Set<FeePayment>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendances => Set<MeetingAttendance>();
    public DbSet<MemberTask> MemberTasks => Set<MemberTask>();
    public DbSet<InspectionCase> InspectionCases => Set<InspectionCase>();
    public DbSet<DisciplineDecision> DisciplineDecisions => Set<DisciplineDecision>();
    public DbSet<DisciplineAppeal> DisciplineAppeals => Set<DisciplineAppeal>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();
    public DbSet<DocumentStudy> DocumentStudies => Set<DocumentStudy>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<ProcedureRequest> ProcedureRequests => Set<ProcedureRequest>();
    public DbSet<ProcedureEvent> ProcedureEvents => Set<ProcedureEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<MemberCommitment> MemberCommitments => Set<MemberCommitment>();
    public DbSet<ResidenceConfirmation> ResidenceConfirmations => Set<ResidenceConfirmation>();
    public DbSet<RatingRound> RatingRounds => Set<RatingRound>();
    public DbSet<MemberRating> MemberRatings => Set<MemberRating>();
    public DbSet<OrgRating> OrgRatings => Set<OrgRating>();
    public DbSet<RatingEvent> RatingEvents => Set<RatingEvent>();
    public DbSet<FourGoodTitle> FourGoodTitles => Set<FourGoodTitle>();
    public DbSet<Reward> Rewards => Set<Reward>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeMembership> CommitteeMemberships => Set<CommitteeMembership>();
    public DbSet<CadreProfile> CadreProfiles => Set<CadreProfile>();
    public DbSet<ManagementPool> ManagementPools => Set<ManagementPool>();
    public DbSet<ManagementPoolEntry> ManagementPoolEntries => Set<ManagementPoolEntry>();
    public DbSet<PlanningPool> PlanningPools => Set<PlanningPool>();
    public DbSet<PlanningEntry> PlanningEntries => Set<PlanningEntry>();
    public DbSet<Rotation> Rotations => Set<Rotation>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<EvaluationTemplate> EvaluationTemplates => Set<EvaluationTemplate>();
    public DbSet<EvaluationPeriod> EvaluationPeriods => Set<EvaluationPeriod>();
    public DbSet<CadreEvaluation> CadreEvaluations => Set<CadreEvaluation>();
    public DbSet<FeedbackInvitation> FeedbackInvitations => Set<FeedbackInvitation>();
    public DbSet<FeedbackBallot> FeedbackBallots => Set<FeedbackBallot>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<VillageCell> VillageCells => Set<VillageCell>();
    public DbSet<VillageHead> VillageHeads => Set<VillageHead>();
    public DbSet<ChiBo.Plans.Plan> Plans => Set<ChiBo.Plans.Plan>();
    public DbSet<ChiBo.Plans.PlanIndicator> PlanIndicators => Set<ChiBo.Plans.PlanIndicator>();
    public DbSet<ChiBo.Plans.IndicatorAllocation> IndicatorAllocations => Set<ChiBo.Plans.IndicatorAllocation>();
    public DbSet<ChiBo.Plans.IndicatorEntry> IndicatorEntries => Set<ChiBo.Plans.IndicatorEntry>();
    public DbSet<ChiBo.Plans.PlanTask> PlanTasks => Set<ChiBo.Plans.PlanTask>();
    public DbSet<ChiBo.Plans.PlanTaskReport> PlanTaskReports => Set<ChiBo.Plans.PlanTaskReport>();
    public DbSet<ChiBo.Plans.PlanTaskReminder> PlanTaskReminders => Set<ChiBo.Plans.PlanTaskReminder>();
    public DbSet<Portal.HandbookActivity> HandbookActivities => Set<Portal.HandbookActivity>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChiBoDb).Assembly);
        ChiBo.Plans.DataQualityMeasures.MapRecordQuality(modelBuilder, IsPostgres);
        if (IsPostgres)
        {
            // Paths compare byte by byte so that a subtree is one B-tree range.
            foreach (var (entity, property) in PathColumns)
            {
                modelBuilder.Entity(entity).Property(property).UseCollation("C");
            }

            // Name search: every word of the query matches inside the folded name (LIKE '%…%').
            modelBuilder.HasPostgresExtension("pg_trgm");
            modelBuilder.Entity<Member>().HasIndex(m => m.SearchName, "ix_members_search_name_trgm")
                .HasMethod("gin").HasOperators("gin_trgm_ops");

            // Reports "as of" a date read only this index (index-only scan) for a subtree.
            modelBuilder.Entity<MemberPeriod>()
                .HasIndex(p => new { p.ProvinceId, p.CellPath, p.ValidFrom, p.ValidTo })
                .IncludeProperties(p => new
                {
                    p.OfficialOn, p.Exempted, p.Gender, p.BirthDate, p.Minority, p.Religious,
                    p.GeneralEducation, p.Professional, p.PoliticalTheory, p.Enterprise, p.YouthUnion, p.Retired,
                });
        }
        else
        {
            // SQLite has no INCLUDE: every column the "as of" reports read is in the key, so a
            // province's report is an index-only range scan (510 ms → 90 ms on An Giang, bench/RESULTS.md).
            modelBuilder.Entity<MemberPeriod>().HasIndex(p => new
            {
                p.ProvinceId, p.CellPath, p.ValidFrom, p.ValidTo, p.OfficialOn, p.Exempted, p.Gender, p.BirthDate,
                p.Minority, p.Religious, p.GeneralEducation, p.Professional, p.PoliticalTheory, p.Enterprise,
                p.YouthUnion, p.Retired,
            }, Reports.MemberStructureReport.AsOfIndex);
        }

        UseSnakeCaseNames(modelBuilder);
    }

    private static readonly (Type, string)[] PathColumns =
    [
        (typeof(Organization), nameof(Organization.Path)),
        (typeof(OrganizationPeriod), nameof(OrganizationPeriod.Path)),
        (typeof(MemberPeriod), nameof(MemberPeriod.CellPath)),
        (typeof(MemberEvent), nameof(MemberEvent.CellPath)),
        (typeof(Meeting), nameof(Meeting.CellPath)),
        (typeof(MemberTask), nameof(MemberTask.CellPath)),
        (typeof(InspectionCase), nameof(InspectionCase.SubjectPath)),
        (typeof(DisciplineDecision), nameof(DisciplineDecision.SubjectPath)),
        (typeof(ProcedureRequest), nameof(ProcedureRequest.StepOrgPath)),
        (typeof(Notification), nameof(Notification.OrgPath)),
        (typeof(MemberCommitment), nameof(MemberCommitment.CellPath)),
        (typeof(ResidenceConfirmation), nameof(ResidenceConfirmation.CellPath)),
        (typeof(RatingRound), nameof(RatingRound.SubtreePath)),
        (typeof(MemberRating), nameof(MemberRating.CellPath)),
        (typeof(OrgRating), nameof(OrgRating.SubjectPath)),
        (typeof(FourGoodTitle), nameof(FourGoodTitle.SubjectPath)),
        (typeof(Reward), nameof(Reward.SubjectPath)),
        (typeof(CommitteeMembership), nameof(CommitteeMembership.OrgPath)),
    ];

    /// <summary>snake_case tables and columns, so hand-written SQL reads the same on both providers.</summary>
    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (IMutableEntityType entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(SnakeCase(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
