using ChiBo.Cadres;
using ChiBo.Villages;
using NpgsqlTypes;

namespace ChiBo.Generation;

/// <summary>The tables of cadre work (<see cref="GeneratedCadres"/>), written after the discipline records, in this order.</summary>
public static partial class BulkWriter
{
    /// <summary>Tables whose ids start at <see cref="IdStart.Cadre"/> (feedback ballots have random keys).</summary>
    private static readonly string[] CadreTables =
    [
        "committees", "committee_memberships", "cadre_profiles", "villages", "village_cells", "village_heads", "management_pools",
        "management_pool_entries", "planning_pools", "planning_entries", "rotations", "training_courses", "training_records",
        "evaluation_templates", "evaluation_periods", "cadre_evaluations", "feedback_invitations",
    ];

    private static readonly Table<Committee> Committees = new("committees",
    [
        Col<Committee>.Int("id", c => c.Id), Col<Committee>.Int("province_id", c => c.ProvinceId), Col<Committee>.Int("organization_id", c => c.OrganizationId),
        Col<Committee>.Int("levels", c => (int)c.Levels), Col<Committee>.Text("term", c => c.Term), Col<Committee>.Date("congress_on", c => c.CongressOn),
        Col<Committee>.Date("term_ends_on", c => c.TermEndsOn), Col<Committee>.Date("valid_to", c => c.ValidTo), Col<Committee>.Int("formation", c => (int)c.Formation),
        Col<Committee>.Int("seats", c => c.Seats), Col<Committee>.Text("decision_number", c => c.DecisionNumber), Col<Committee>.Text("recorded_by", c => c.RecordedBy),
        Col<Committee>.Stamp("recorded_at", c => c.RecordedAt), Col<Committee>.Int("version", c => c.Version),
    ], g => g.Cadres.Committees);

    private static readonly Table<CommitteeMembership> Seats = new("committee_memberships",
    [
        Col<CommitteeMembership>.Int("id", m => m.Id), Col<CommitteeMembership>.Int("province_id", m => m.ProvinceId), Col<CommitteeMembership>.Int("committee_id", m => m.CommitteeId),
        Col<CommitteeMembership>.Int("organization_id", m => m.OrganizationId), Col<CommitteeMembership>.Text("org_path", m => m.OrgPath),
        Col<CommitteeMembership>.Int("levels", m => (int)m.Levels), Col<CommitteeMembership>.Int("member_id", m => m.MemberId), Col<CommitteeMembership>.Int("position", m => (int)m.Position),
        Col<CommitteeMembership>.Date("valid_from", m => m.ValidFrom), Col<CommitteeMembership>.Date("valid_to", m => m.ValidTo),
        Col<CommitteeMembership>.Int("start_reason", m => (int?)m.StartReason), Col<CommitteeMembership>.Int("end_reason", m => (int?)m.EndReason),
        Col<CommitteeMembership>.Text("start_decision", m => m.StartDecision), Col<CommitteeMembership>.Text("end_decision", m => m.EndDecision),
    ], g => g.Cadres.Seats);

    private static readonly Table<CadreProfile> Profiles = new("cadre_profiles",
    [
        Col<CadreProfile>.Int("id", p => p.Id), Col<CadreProfile>.Int("province_id", p => p.ProvinceId), Col<CadreProfile>.Int("member_id", p => p.MemberId),
        Col<CadreProfile>.Int("it", p => (int)p.It), Col<CadreProfile>.Text("government_post", p => p.GovernmentPost), Col<CadreProfile>.Text("front_post", p => p.FrontPost),
        Col<CadreProfile>.Text("village_post", p => p.VillagePost), Col<CadreProfile>.Bool("retired_cadre", p => p.RetiredCadre), Col<CadreProfile>.Bool("veteran", p => p.Veteran),
        Col<CadreProfile>.Stamp("updated_at", p => p.UpdatedAt), Col<CadreProfile>.Int("version", p => p.Version),
    ], g => g.Cadres.Profiles);

    private static readonly Table<Village> VillageRows = new("villages",
    [
        Col<Village>.Int("id", v => v.Id), Col<Village>.Int("province_id", v => v.ProvinceId), Col<Village>.Int("commune_id", v => v.CommuneId),
        Col<Village>.Int("kind", v => (int)v.Kind), Col<Village>.Text("name", v => v.Name), Col<Village>.Date("established_on", v => v.EstablishedOn),
        Col<Village>.Date("valid_to", v => v.ValidTo), Col<Village>.Int("merged_into_id", v => v.MergedIntoId), Col<Village>.Int("version", v => v.Version),
    ], g => g.Cadres.Villages);

    private static readonly Table<VillageCell> VillageCellRows = new("village_cells",
    [
        Col<VillageCell>.Int("id", c => c.Id), Col<VillageCell>.Int("province_id", c => c.ProvinceId), Col<VillageCell>.Int("village_id", c => c.VillageId),
        Col<VillageCell>.Int("cell_id", c => c.CellId), Col<VillageCell>.Date("valid_from", c => c.ValidFrom), Col<VillageCell>.Date("valid_to", c => c.ValidTo),
    ], g => g.Cadres.VillageCells);

    private static readonly Table<VillageHead> VillageHeadRows = new("village_heads",
    [
        Col<VillageHead>.Int("id", h => h.Id), Col<VillageHead>.Int("province_id", h => h.ProvinceId), Col<VillageHead>.Int("village_id", h => h.VillageId),
        Col<VillageHead>.Int("role", h => (int)h.Role), Col<VillageHead>.Text("full_name", h => h.FullName), Col<VillageHead>.Int("member_id", h => h.MemberId),
        Col<VillageHead>.Date("valid_from", h => h.ValidFrom), Col<VillageHead>.Date("valid_to", h => h.ValidTo),
    ], g => g.Cadres.VillageHeads);

    private static readonly Table<ManagementPool> ManagementPoolRows = new("management_pools",
    [
        Col<ManagementPool>.Int("id", p => p.Id), Col<ManagementPool>.Int("province_id", p => p.ProvinceId), Col<ManagementPool>.Int("organization_id", p => p.OrganizationId),
        Col<ManagementPool>.Text("name", p => p.Name), Col<ManagementPool>.Int("version", p => p.Version),
    ], g => g.Cadres.ManagementPools);

    private static readonly Table<ManagementPoolEntry> ManagementEntryRows = new("management_pool_entries",
    [
        Col<ManagementPoolEntry>.Int("id", e => e.Id), Col<ManagementPoolEntry>.Int("province_id", e => e.ProvinceId), Col<ManagementPoolEntry>.Int("pool_id", e => e.PoolId),
        Col<ManagementPoolEntry>.Int("member_id", e => e.MemberId), Col<ManagementPoolEntry>.Text("post", e => e.Post),
        Col<ManagementPoolEntry>.Date("valid_from", e => e.ValidFrom), Col<ManagementPoolEntry>.Date("valid_to", e => e.ValidTo),
    ], g => g.Cadres.ManagementEntries);

    private static readonly Table<PlanningPool> PlanningPoolRows = new("planning_pools",
    [
        Col<PlanningPool>.Int("id", p => p.Id), Col<PlanningPool>.Int("province_id", p => p.ProvinceId), Col<PlanningPool>.Int("organization_id", p => p.OrganizationId),
        Col<PlanningPool>.Int("managing_org_id", p => p.ManagingOrgId), Col<PlanningPool>.Int("title", p => (int)p.Title), Col<PlanningPool>.Int("term_from", p => p.TermFrom),
        Col<PlanningPool>.Int("term_to", p => p.TermTo), Col<PlanningPool>.Date("approved_on", p => p.ApprovedOn), Col<PlanningPool>.Text("decision_number", p => p.DecisionNumber),
        Col<PlanningPool>.Int("version", p => p.Version),
    ], g => g.Cadres.PlanningPools);

    private static readonly Table<PlanningEntry> PlanningEntryRows = new("planning_entries",
    [
        Col<PlanningEntry>.Int("id", e => e.Id), Col<PlanningEntry>.Int("province_id", e => e.ProvinceId), Col<PlanningEntry>.Int("pool_id", e => e.PoolId),
        Col<PlanningEntry>.Int("member_id", e => e.MemberId), Col<PlanningEntry>.Date("added_on", e => e.AddedOn), Col<PlanningEntry>.Date("removed_on", e => e.RemovedOn),
        Col<PlanningEntry>.Text("removal_reason", e => e.RemovalReason),
    ], g => g.Cadres.PlanningEntries);

    private static readonly Table<Rotation> RotationRows = new("rotations",
    [
        Col<Rotation>.Int("id", r => r.Id), Col<Rotation>.Int("province_id", r => r.ProvinceId), Col<Rotation>.Int("managing_org_id", r => r.ManagingOrgId),
        Col<Rotation>.Int("member_id", r => r.MemberId), Col<Rotation>.Int("kind", r => (int)r.Kind), Col<Rotation>.Int("from_org_id", r => r.FromOrgId),
        Col<Rotation>.Text("from_post", r => r.FromPost), Col<Rotation>.Int("to_org_id", r => r.ToOrgId), Col<Rotation>.Text("to_post", r => r.ToPost),
        Col<Rotation>.Date("starts_on", r => r.StartsOn), Col<Rotation>.Date("planned_end_on", r => r.PlannedEndOn), Col<Rotation>.Date("ended_on", r => r.EndedOn),
        Col<Rotation>.Text("decision_number", r => r.DecisionNumber), Col<Rotation>.Text("recorded_by", r => r.RecordedBy),
        Col<Rotation>.Stamp("recorded_at", r => r.RecordedAt), Col<Rotation>.Int("version", r => r.Version),
    ], g => g.Cadres.Rotations);

    private static readonly Table<TrainingCourse> CourseRows = new("training_courses",
    [
        Col<TrainingCourse>.Int("id", c => c.Id), Col<TrainingCourse>.Int("province_id", c => c.ProvinceId), Col<TrainingCourse>.Int("organizer_id", c => c.OrganizerId),
        Col<TrainingCourse>.Int("kind", c => (int)c.Kind), Col<TrainingCourse>.Text("name", c => c.Name), Col<TrainingCourse>.Text("provider", c => c.Provider),
        Col<TrainingCourse>.Date("starts_on", c => c.StartsOn), Col<TrainingCourse>.Date("ends_on", c => c.EndsOn), Col<TrainingCourse>.Int("version", c => c.Version),
    ], g => g.Cadres.Courses);

    private static readonly Table<TrainingRecord> TrainingRecordRows = new("training_records",
    [
        Col<TrainingRecord>.Int("id", r => r.Id), Col<TrainingRecord>.Int("province_id", r => r.ProvinceId), Col<TrainingRecord>.Int("course_id", r => r.CourseId),
        Col<TrainingRecord>.Int("member_id", r => r.MemberId), Col<TrainingRecord>.Text("full_name", r => r.FullName), Col<TrainingRecord>.Bool("completed", r => r.Completed),
        Col<TrainingRecord>.Date("completed_on", r => r.CompletedOn), Col<TrainingRecord>.Text("certificate_number", r => r.CertificateNumber),
    ], g => g.Cadres.TrainingRecords);

    private static readonly Table<EvaluationTemplate> TemplateRows = new("evaluation_templates",
    [
        Col<EvaluationTemplate>.Int("id", t => t.Id), Col<EvaluationTemplate>.Int("province_id", t => t.ProvinceId), Col<EvaluationTemplate>.Int("pool_id", t => t.PoolId),
        Col<EvaluationTemplate>.Text("name", t => t.Name), Col<EvaluationTemplate>.Date("valid_from", t => t.ValidFrom), Col<EvaluationTemplate>.Text("criteria", t => t.Criteria),
        Col<EvaluationTemplate>.Text("bands", t => t.Bands), Col<EvaluationTemplate>.Text("recorded_by", t => t.RecordedBy), Col<EvaluationTemplate>.Stamp("recorded_at", t => t.RecordedAt),
    ], g => g.Cadres.Templates);

    private static readonly Table<EvaluationPeriod> PeriodRows = new("evaluation_periods",
    [
        Col<EvaluationPeriod>.Int("id", p => p.Id), Col<EvaluationPeriod>.Int("province_id", p => p.ProvinceId), Col<EvaluationPeriod>.Int("pool_id", p => p.PoolId),
        Col<EvaluationPeriod>.Int("template_id", p => p.TemplateId), Col<EvaluationPeriod>.Int("year", p => p.Year), Col<EvaluationPeriod>.Int("quarter", p => p.Quarter),
        Col<EvaluationPeriod>.Int("state", p => (int)p.State), Col<EvaluationPeriod>.Int("version", p => p.Version),
    ], g => g.Cadres.Periods);

    private static readonly Table<CadreEvaluation> EvaluationRows = new("cadre_evaluations",
    [
        Col<CadreEvaluation>.Int("id", e => e.Id), Col<CadreEvaluation>.Int("province_id", e => e.ProvinceId), Col<CadreEvaluation>.Int("period_id", e => e.PeriodId),
        Col<CadreEvaluation>.Int("member_id", e => e.MemberId), Col<CadreEvaluation>.Int("state", e => (int)e.State), Col<CadreEvaluation>.Text("self_scores", e => e.SelfScores),
        Col<CadreEvaluation>.Text("self_summary", e => e.SelfSummary), Col<CadreEvaluation>.Date("self_assessed_on", e => e.SelfAssessedOn),
        Col<CadreEvaluation>.Text("result_scores", e => e.ResultScores), Col<CadreEvaluation>.Text("products", e => e.Products),
        Col<CadreEvaluation>.Int("trust_high", e => e.TrustHigh), Col<CadreEvaluation>.Int("trust_medium", e => e.TrustMedium), Col<CadreEvaluation>.Int("trust_low", e => e.TrustLow),
        new("score", e => e.Score, (w, e) =>
        {
            if (e.Score is { } s)
            {
                w.Write(s, NpgsqlDbType.Numeric);
            }
            else
            {
                w.WriteNull();
            }
        }),
        Col<CadreEvaluation>.Text("band", e => e.Band), Col<CadreEvaluation>.Text("outcome", e => e.Outcome), Col<CadreEvaluation>.Bool("behind", e => e.Behind),
        Col<CadreEvaluation>.Text("conclusion", e => e.Conclusion), Col<CadreEvaluation>.Date("concluded_on", e => e.ConcludedOn), Col<CadreEvaluation>.Int("version", e => e.Version),
    ], g => g.Cadres.Evaluations);

    private static readonly Table<FeedbackInvitation> InvitationRows = new("feedback_invitations",
    [
        Col<FeedbackInvitation>.Int("id", i => i.Id), Col<FeedbackInvitation>.Int("province_id", i => i.ProvinceId), Col<FeedbackInvitation>.Int("evaluation_id", i => i.EvaluationId),
        Col<FeedbackInvitation>.Int("respondent_group", i => (int)i.RespondentGroup), Col<FeedbackInvitation>.Text("code_hash", i => i.CodeHash), Col<FeedbackInvitation>.Bool("used", i => i.Used),
    ], g => g.Cadres.Invitations);

    private static readonly Table<FeedbackBallot> BallotRows = new("feedback_ballots",
    [
        new("id", b => b.Id, (w, b) => w.Write(b.Id, NpgsqlDbType.Uuid)), Col<FeedbackBallot>.Int("province_id", b => b.ProvinceId),
        Col<FeedbackBallot>.Int("evaluation_id", b => b.EvaluationId), Col<FeedbackBallot>.Int("respondent_group", b => (int)b.RespondentGroup), Col<FeedbackBallot>.Text("answers", b => b.Answers),
    ], g => g.Cadres.Ballots);

    private static readonly IReadOnlyList<Table<object>> CadreRows =
    [
        Erase(Committees), Erase(Seats), Erase(Profiles), Erase(VillageRows), Erase(VillageCellRows), Erase(VillageHeadRows), Erase(ManagementPoolRows),
        Erase(ManagementEntryRows), Erase(PlanningPoolRows), Erase(PlanningEntryRows), Erase(RotationRows), Erase(CourseRows), Erase(TrainingRecordRows),
        Erase(TemplateRows), Erase(PeriodRows), Erase(EvaluationRows), Erase(InvitationRows), Erase(BallotRows),
    ];

    /// <summary>Writes the cadre tables through the sink's own table writer (prepared INSERTs or COPY).</summary>
    private static async Task LoadCadresAsync(Func<Table<object>, Task> load)
    {
        foreach (var table in CadreRows)
        {
            await load(table);
        }
    }

    /// <summary>One writer for every table of cadre work: the rows as objects, each column casting back.</summary>
    private static Table<object> Erase<T>(Table<T> table) where T : class => new(
        table.Name,
        table.Columns.Select(c => new Column<object>(c.Name, o => c.Value((T)o), (w, o) => c.Write(w, (T)o))).ToList(),
        g => table.Rows(g));
}
