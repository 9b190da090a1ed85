using System.Globalization;
using ChiBo.Data;
using ChiBo.Discipline;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Provinces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChiBo.Generation;

/// <summary>One column of a bulk load: its snake_case name, its value (for SQLite) and its typed binary write (for COPY).</summary>
internal sealed record Column<T>(string Name, Func<T, object?> Value, Action<NpgsqlBinaryImporter, T> Write);

/// <summary>Typed columns: COPY writes each value without boxing or per-value type resolution.</summary>
internal static class Col<T>
{
    public static Column<T> Int(string name, Func<T, int?> get) => new(name, r => get(r), (w, r) => Put(w, get(r), NpgsqlDbType.Integer));

    public static Column<T> Long(string name, Func<T, long> get) => new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Bigint));

    public static Column<T> Text(string name, Func<T, string?> get) => new(name, get, (w, r) =>
    {
        if (get(r) is { } v)
        {
            w.Write(v, NpgsqlDbType.Varchar);
        }
        else
        {
            w.WriteNull();
        }
    });

    public static Column<T> Date(string name, Func<T, DateOnly?> get) => new(name, r => get(r), (w, r) => Put(w, get(r), NpgsqlDbType.Date));

    public static Column<T> Bool(string name, Func<T, bool> get) => new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.Boolean));

    public static Column<T> Stamp(string name, Func<T, DateTimeOffset> get) => new(name, r => get(r), (w, r) => w.Write(get(r), NpgsqlDbType.TimestampTz));

    public static Column<T> Decimal(string name, Func<T, decimal?> get) => new(name, r => get(r), (w, r) => Put(w, get(r), NpgsqlDbType.Numeric));

    private static void Put<TValue>(NpgsqlBinaryImporter w, TValue? value, NpgsqlDbType type)
        where TValue : struct
    {
        if (value is { } v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }
}

/// <summary>Where generated provinces go: written one after the other, then completed (committed) once.</summary>
public interface IProvinceSink : IAsyncDisposable
{
    Task WriteAsync(GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct);

    Task CompleteAsync(IProgress<GenerationProgress>? progress, CancellationToken ct);
}

/// <summary>A table written in bulk, with the columns of the EF model's snake_case mapping.</summary>
internal sealed record Table<T>(string Name, IReadOnlyList<Column<T>> Columns, Func<GeneratedProvince, IReadOnlyList<T>> Rows);

/// <summary>
/// Writes generated provinces straight to the database, bypassing EF change tracking: SQLite with
/// prepared INSERTs in one transaction, PostgreSQL with binary COPY. Ids come from the generator
/// (see <see cref="ReadStateAsync"/>), so PostgreSQL identity sequences are moved past them at the end.
/// </summary>
public static partial class BulkWriter
{
    /// <summary>
    /// PostgreSQL, for a load whose rows are consistent by construction: the foreign-key triggers
    /// are off until the transaction ends (session_replication_role = replica) when the role may do
    /// so; otherwise the checks stay, only slower.
    /// </summary>
    internal static async Task SkipForeignKeyChecksAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await tx.SaveAsync("replica", ct);
        try
        {
            await using var cmd = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, tx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException)
        {
            await tx.RollbackAsync("replica", ct);
        }
    }

    private static readonly Table<Province> Provinces = new("provinces",
    [
        Col<Province>.Int("id", p => p.Id), Col<Province>.Text("code", p => p.Code), Col<Province>.Text("name", p => p.Name),
    ], g => [g.Province]);

    private static readonly Table<Organization> Organizations = new("organizations",
    [
        Col<Organization>.Int("id", o => o.Id), Col<Organization>.Int("province_id", o => o.ProvinceId), Col<Organization>.Text("code", o => o.Code), Col<Organization>.Text("name", o => o.Name),
        Col<Organization>.Int("kind", o => (int)o.Kind), Col<Organization>.Int("sector", o => (int)o.Sector), Col<Organization>.Int("parent_id", o => o.ParentId),
        Col<Organization>.Text("path", o => o.Path), Col<Organization>.Int("depth", o => o.Depth), Col<Organization>.Date("founded_on", o => o.FoundedOn),
        Col<Organization>.Date("dissolved_on", o => o.DissolvedOn), Col<Organization>.Int("version", o => o.Version),
    ], g => g.Organizations);

    private static readonly Table<OrganizationPeriod> OrganizationPeriods = new("organization_periods",
    [
        Col<OrganizationPeriod>.Long("id", o => o.Id), Col<OrganizationPeriod>.Int("province_id", o => o.ProvinceId), Col<OrganizationPeriod>.Int("organization_id", o => o.OrganizationId),
        Col<OrganizationPeriod>.Date("valid_from", o => o.ValidFrom), Col<OrganizationPeriod>.Date("valid_to", o => o.ValidTo), Col<OrganizationPeriod>.Text("name", o => o.Name),
        Col<OrganizationPeriod>.Int("kind", o => (int)o.Kind), Col<OrganizationPeriod>.Int("sector", o => (int)o.Sector), Col<OrganizationPeriod>.Int("parent_id", o => o.ParentId),
        Col<OrganizationPeriod>.Text("path", o => o.Path),
    ], g => g.OrganizationPeriods);

    private static readonly Table<OrganizationEvent> OrganizationEvents = new("organization_events",
    [
        Col<OrganizationEvent>.Long("id", e => e.Id), Col<OrganizationEvent>.Int("province_id", e => e.ProvinceId), Col<OrganizationEvent>.Int("organization_id", e => e.OrganizationId),
        Col<OrganizationEvent>.Int("kind", e => (int)e.Kind), Col<OrganizationEvent>.Date("date", e => e.Date), Col<OrganizationEvent>.Text("before", e => e.Before), Col<OrganizationEvent>.Text("after", e => e.After),
        Col<OrganizationEvent>.Text("decision_number", e => e.DecisionNumber), Col<OrganizationEvent>.Text("reason", e => e.Reason), Col<OrganizationEvent>.Text("recorded_by", e => e.RecordedBy),
        Col<OrganizationEvent>.Stamp("recorded_at", e => e.RecordedAt),
    ], g => g.OrganizationEvents);

    private static readonly Table<Member> Members = new("members",
    [
        Col<Member>.Int("id", m => m.Id), Col<Member>.Int("province_id", m => m.ProvinceId), Col<Member>.Text("full_name", m => m.FullName),
        Col<Member>.Text("search_name", m => m.SearchName), Col<Member>.Text("other_names", m => m.OtherNames), Col<Member>.Int("gender", m => (int)m.Gender),
        Col<Member>.Date("birth_date", m => m.BirthDate), Col<Member>.Text("birth_place", m => m.BirthPlace), Col<Member>.Text("home_town", m => m.HomeTown),
        Col<Member>.Text("residence", m => m.Residence), Col<Member>.Text("cccd", m => m.Cccd), Col<Member>.Int("ethnicity", m => m.Ethnicity),
        Col<Member>.Int("religion", m => (int)m.Religion), Col<Member>.Text("occupation", m => m.Occupation), Col<Member>.Text("workplace", m => m.Workplace),
        Col<Member>.Text("position", m => m.Position), Col<Member>.Int("general_education", m => (int)m.GeneralEducation),
        Col<Member>.Int("professional", m => (int)m.Professional), Col<Member>.Text("professional_field", m => m.ProfessionalField),
        Col<Member>.Bool("science_technology", m => m.ScienceTechnology), Col<Member>.Int("political_theory", m => (int)m.PoliticalTheory),
        Col<Member>.Text("foreign_language", m => m.ForeignLanguage), Col<Member>.Int("civil_service_grade", m => (int)m.CivilServiceGrade),
        Col<Member>.Bool("youth_union", m => m.YouthUnion), Col<Member>.Bool("enterprise", m => m.Enterprise), Col<Member>.Bool("retired", m => m.Retired),
        Col<Member>.Text("party_card_number", m => m.PartyCardNumber), Col<Member>.Date("admitted_on", m => m.AdmittedOn),
        Col<Member>.Date("official_on", m => m.OfficialOn), Col<Member>.Int("status", m => (int)m.Status), Col<Member>.Int("cell_id", m => m.CellId),
        Col<Member>.Stamp("updated_at", m => m.UpdatedAt), Col<Member>.Int("version", m => m.Version),
    ], g => g.Members);

    private static readonly Table<MemberPeriod> MemberPeriods = new("member_periods",
    [
        Col<MemberPeriod>.Long("id", p => p.Id), Col<MemberPeriod>.Int("province_id", p => p.ProvinceId), Col<MemberPeriod>.Int("member_id", p => p.MemberId),
        Col<MemberPeriod>.Date("valid_from", p => p.ValidFrom), Col<MemberPeriod>.Date("valid_to", p => p.ValidTo), Col<MemberPeriod>.Int("cell_id", p => p.CellId),
        Col<MemberPeriod>.Text("cell_path", p => p.CellPath), Col<MemberPeriod>.Date("official_on", p => p.OfficialOn), Col<MemberPeriod>.Bool("exempted", p => p.Exempted),
        Col<MemberPeriod>.Int("gender", p => (int)p.Gender), Col<MemberPeriod>.Date("birth_date", p => p.BirthDate), Col<MemberPeriod>.Bool("minority", p => p.Minority),
        Col<MemberPeriod>.Bool("religious", p => p.Religious), Col<MemberPeriod>.Int("general_education", p => (int)p.GeneralEducation),
        Col<MemberPeriod>.Int("professional", p => (int)p.Professional), Col<MemberPeriod>.Int("political_theory", p => (int)p.PoliticalTheory),
        Col<MemberPeriod>.Bool("enterprise", p => p.Enterprise), Col<MemberPeriod>.Bool("youth_union", p => p.YouthUnion), Col<MemberPeriod>.Bool("retired", p => p.Retired),
    ], g => g.MemberPeriods);

    private static readonly Table<MemberEvent> MemberEvents = new("member_events",
    [
        Col<MemberEvent>.Long("id", e => e.Id), Col<MemberEvent>.Int("province_id", e => e.ProvinceId), Col<MemberEvent>.Int("member_id", e => e.MemberId),
        Col<MemberEvent>.Int("kind", e => (int)e.Kind), Col<MemberEvent>.Date("date", e => e.Date), Col<MemberEvent>.Int("cell_id", e => e.CellId),
        Col<MemberEvent>.Text("cell_path", e => e.CellPath), Col<MemberEvent>.Int("other_cell_id", e => e.OtherCellId), Col<MemberEvent>.Text("details", e => e.Details),
        Col<MemberEvent>.Text("decision_number", e => e.DecisionNumber), Col<MemberEvent>.Text("decided_by", e => e.DecidedBy),
        Col<MemberEvent>.Text("reason", e => e.Reason), Col<MemberEvent>.Text("recorded_by", e => e.RecordedBy),
        Col<MemberEvent>.Stamp("recorded_at", e => e.RecordedAt),
    ], g => g.MemberEvents);

    private static readonly Table<InspectionCase> InspectionCases = new("inspection_cases",
    [
        Col<InspectionCase>.Int("id", c => c.Id), Col<InspectionCase>.Int("province_id", c => c.ProvinceId), Col<InspectionCase>.Int("kind", c => (int)c.Kind),
        Col<InspectionCase>.Int("subject", c => (int)c.Subject), Col<InspectionCase>.Int("member_id", c => c.MemberId), Col<InspectionCase>.Int("organization_id", c => c.OrganizationId),
        Col<InspectionCase>.Text("subject_path", c => c.SubjectPath), Col<InspectionCase>.Int("inspecting_org_id", c => c.InspectingOrgId),
        Col<InspectionCase>.Int("inspecting_body", c => (int)c.InspectingBody), Col<InspectionCase>.Text("decision_number", c => c.DecisionNumber),
        Col<InspectionCase>.Date("opened_on", c => c.OpenedOn), Col<InspectionCase>.Date("due_on", c => c.DueOn), Col<InspectionCase>.Text("content", c => c.Content),
        Col<InspectionCase>.Date("concluded_on", c => c.ConcludedOn), Col<InspectionCase>.Int("conclusion", c => (int?)c.Conclusion), Col<InspectionCase>.Text("findings", c => c.Findings),
        Col<InspectionCase>.Text("recorded_by", c => c.RecordedBy), Col<InspectionCase>.Stamp("recorded_at", c => c.RecordedAt),
        Col<InspectionCase>.Stamp("updated_at", c => c.UpdatedAt), Col<InspectionCase>.Int("version", c => c.Version),
    ], g => g.InspectionCases);

    private static readonly Table<DisciplineDecision> DisciplineDecisions = new("discipline_decisions",
    [
        Col<DisciplineDecision>.Int("id", d => d.Id), Col<DisciplineDecision>.Int("province_id", d => d.ProvinceId), Col<DisciplineDecision>.Int("subject", d => (int)d.Subject),
        Col<DisciplineDecision>.Int("member_id", d => d.MemberId), Col<DisciplineDecision>.Int("organization_id", d => d.OrganizationId),
        Col<DisciplineDecision>.Text("subject_path", d => d.SubjectPath), Col<DisciplineDecision>.Int("cell_id", d => d.CellId), Col<DisciplineDecision>.Int("case_id", d => d.CaseId),
        Col<DisciplineDecision>.Int("form", d => (int)d.Form), Col<DisciplineDecision>.Int("original_form", d => (int)d.OriginalForm),
        Col<DisciplineDecision>.Text("position", d => d.Position), Col<DisciplineDecision>.Text("decision_number", d => d.DecisionNumber),
        Col<DisciplineDecision>.Date("decided_on", d => d.DecidedOn), Col<DisciplineDecision>.Date("received_on", d => d.ReceivedOn),
        Col<DisciplineDecision>.Int("deciding_org_id", d => d.DecidingOrgId), Col<DisciplineDecision>.Int("deciding_body", d => (int)d.DecidingBody),
        Col<DisciplineDecision>.Text("reason", d => d.Reason), Col<DisciplineDecision>.Date("violation_on", d => d.ViolationOn), Col<DisciplineDecision>.Bool("annulled", d => d.Annulled),
        Col<DisciplineDecision>.Text("recorded_by", d => d.RecordedBy), Col<DisciplineDecision>.Stamp("recorded_at", d => d.RecordedAt),
        Col<DisciplineDecision>.Stamp("updated_at", d => d.UpdatedAt), Col<DisciplineDecision>.Int("version", d => d.Version),
    ], g => g.DisciplineDecisions);

    private static readonly Table<DisciplineAppeal> DisciplineAppeals = new("discipline_appeals",
    [
        Col<DisciplineAppeal>.Int("id", a => a.Id), Col<DisciplineAppeal>.Int("province_id", a => a.ProvinceId), Col<DisciplineAppeal>.Int("decision_id", a => a.DecisionId),
        Col<DisciplineAppeal>.Date("filed_on", a => a.FiledOn), Col<DisciplineAppeal>.Text("content", a => a.Content), Col<DisciplineAppeal>.Int("resolving_org_id", a => a.ResolvingOrgId),
        Col<DisciplineAppeal>.Int("resolving_body", a => (int)a.ResolvingBody), Col<DisciplineAppeal>.Date("due_on", a => a.DueOn), Col<DisciplineAppeal>.Int("outcome", a => (int?)a.Outcome),
        Col<DisciplineAppeal>.Int("form_before", a => (int)a.FormBefore), Col<DisciplineAppeal>.Int("new_form", a => (int?)a.NewForm),
        Col<DisciplineAppeal>.Date("resolved_on", a => a.ResolvedOn), Col<DisciplineAppeal>.Text("resolution_number", a => a.ResolutionNumber),
        Col<DisciplineAppeal>.Text("resolution_reason", a => a.ResolutionReason), Col<DisciplineAppeal>.Text("recorded_by", a => a.RecordedBy),
        Col<DisciplineAppeal>.Stamp("recorded_at", a => a.RecordedAt), Col<DisciplineAppeal>.Stamp("updated_at", a => a.UpdatedAt), Col<DisciplineAppeal>.Int("version", a => a.Version),
    ], g => g.DisciplineAppeals);

    /// <summary>The load's own audit lines; their ids come from the table (the chain is the province's own, new and empty).</summary>
    private static readonly Table<Audit.AuditEntry> AuditLines = new("audit_entries",
    [
        Col<Audit.AuditEntry>.Int("chain", a => a.Chain), Col<Audit.AuditEntry>.Long("seq", a => a.Seq), Col<Audit.AuditEntry>.Stamp("at", a => a.At),
        Col<Audit.AuditEntry>.Text("actor", a => a.Actor), Col<Audit.AuditEntry>.Text("actor_address", a => a.ActorAddress),
        Col<Audit.AuditEntry>.Text("action", a => a.Action), Col<Audit.AuditEntry>.Text("entity_type", a => a.EntityType),
        Col<Audit.AuditEntry>.Text("entity_id", a => a.EntityId), Col<Audit.AuditEntry>.Int("member_id", a => a.MemberId),
        Col<Audit.AuditEntry>.Int("organization_id", a => a.OrganizationId), Col<Audit.AuditEntry>.Text("changes", a => a.Changes),
        Col<Audit.AuditEntry>.Text("reason", a => a.Reason), Col<Audit.AuditEntry>.Text("decision_number", a => a.DecisionNumber),
        Col<Audit.AuditEntry>.Text("previous_hash", a => a.PreviousHash), Col<Audit.AuditEntry>.Text("hash", a => a.Hash),
    ], g => g.AuditLines);

    private static readonly Table<Ratings.RatingRound> RatingRounds = new("rating_rounds",
    [
        Col<Ratings.RatingRound>.Int("id", r => r.Id), Col<Ratings.RatingRound>.Int("province_id", r => r.ProvinceId),
        Col<Ratings.RatingRound>.Int("organization_id", r => r.OrganizationId), Col<Ratings.RatingRound>.Text("subtree_path", r => r.SubtreePath),
        Col<Ratings.RatingRound>.Int("year", r => r.Year), Col<Ratings.RatingRound>.Date("opened_on", r => r.OpenedOn),
        Col<Ratings.RatingRound>.Date("review_date", r => r.ReviewDate), Col<Ratings.RatingRound>.Date("deadline", r => r.Deadline),
        Col<Ratings.RatingRound>.Text("policy_version", r => r.PolicyVersion), Col<Ratings.RatingRound>.Int("status", r => (int)r.Status),
        Col<Ratings.RatingRound>.Date("closed_on", r => r.ClosedOn), Col<Ratings.RatingRound>.Text("note", r => r.Note),
        Col<Ratings.RatingRound>.Text("opened_by", r => r.OpenedBy), Col<Ratings.RatingRound>.Stamp("updated_at", r => r.UpdatedAt),
        Col<Ratings.RatingRound>.Int("version", r => r.Version),
    ], g => g.RatingRounds);

    /// <summary>The workflow columns every rating row has (<see cref="Ratings.RatingBase"/>).</summary>
    private static IEnumerable<Column<T>> RatingColumns<T>()
        where T : Ratings.RatingBase =>
    [
        Col<T>.Long("id", r => r.Id), Col<T>.Int("province_id", r => r.ProvinceId), Col<T>.Int("round_id", r => r.RoundId), Col<T>.Int("year", r => r.Year),
        Col<T>.Int("state", r => (int)r.State), Col<T>.Int("source", r => (int)r.Source), Col<T>.Decimal("self_score", r => r.SelfScore),
        Col<T>.Int("self_level", r => (int?)r.SelfLevel), Col<T>.Text("self_assessment", r => r.SelfAssessment), Col<T>.Date("self_assessed_on", r => r.SelfAssessedOn),
        Col<T>.Decimal("proposed_score", r => r.ProposedScore), Col<T>.Int("proposed_level", r => (int?)r.ProposedLevel),
        Col<T>.Int("proposed_not_rated", r => (int?)r.ProposedNotRated), Col<T>.Text("proposal_note", r => r.ProposalNote),
        Col<T>.Date("proposed_on", r => r.ProposedOn), Col<T>.Int("proposed_by_org_id", r => r.ProposedByOrgId), Col<T>.Text("returned_reason", r => r.ReturnedReason),
        Col<T>.Int("level", r => (int?)r.Level), Col<T>.Int("not_rated_reason", r => (int?)r.NotRatedReason), Col<T>.Text("not_rated_note", r => r.NotRatedNote),
        Col<T>.Decimal("score", r => r.Score), Col<T>.Int("decided_by_org_id", r => r.DecidedByOrgId), Col<T>.Text("decided_by", r => r.DecidedBy),
        Col<T>.Text("decision_number", r => r.DecisionNumber), Col<T>.Date("decided_on", r => r.DecidedOn), Col<T>.Date("published_on", r => r.PublishedOn),
        Col<T>.Text("recorded_by", r => r.RecordedBy), Col<T>.Stamp("updated_at", r => r.UpdatedAt), Col<T>.Int("version", r => r.Version),
    ];

    private static readonly Table<Ratings.OrgRating> OrgRatings = new("org_ratings",
    [
        .. RatingColumns<Ratings.OrgRating>(),
        Col<Ratings.OrgRating>.Int("organization_id", r => r.OrganizationId), Col<Ratings.OrgRating>.Int("subject_kind", r => (int)r.SubjectKind),
        Col<Ratings.OrgRating>.Text("subject_path", r => r.SubjectPath), Col<Ratings.OrgRating>.Int("members_excellent", r => r.MembersExcellent),
        Col<Ratings.OrgRating>.Int("members_good", r => r.MembersGood), Col<Ratings.OrgRating>.Int("members_fulfilled", r => r.MembersFulfilled),
        Col<Ratings.OrgRating>.Int("members_not_fulfilled", r => r.MembersNotFulfilled), Col<Ratings.OrgRating>.Int("members_not_rated", r => r.MembersNotRated),
    ], g => g.OrgRatings);

    private static readonly Table<Ratings.MemberRating> MemberRatings = new("member_ratings",
    [
        .. RatingColumns<Ratings.MemberRating>(),
        Col<Ratings.MemberRating>.Int("member_id", r => r.MemberId), Col<Ratings.MemberRating>.Int("cell_id", r => r.CellId),
        Col<Ratings.MemberRating>.Text("cell_path", r => r.CellPath),
    ], g => g.MemberRatings);

    private static readonly string[] IdTables =
    [
        "provinces", "organizations", "organization_periods", "organization_events", "members", "member_periods", "member_events",
        "inspection_cases", "discipline_decisions", "discipline_appeals", "rating_rounds", "org_ratings", "member_ratings",
    ];

    /// <summary>What a new province must avoid in the database: the ids in use, the province codes, how many provinces there are.</summary>
    public sealed record DatabaseState(IdStart Next, IReadOnlySet<string> ProvinceCodes)
    {
        /// <summary>About how many members the database holds (ids are dense after generated loads).</summary>
        public long Members => Next.Member - 1;
    }

    public static async Task<DatabaseState> ReadStateAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var db = target.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var max = new long[IdTables.Length];
        for (var i = 0; i < IdTables.Length; i++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(max(id), 0) FROM {IdTables[i]}";
            max[i] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT code FROM provinces";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                codes.Add(reader.GetString(0));
            }
        }

        var cadre = 0L;
        foreach (var table in CadreTables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(max(id), 0) FROM {table}";
            cadre = Math.Max(cadre, Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture));
        }

        return new DatabaseState(new IdStart(
            (int)max[0] + 1, (int)max[1] + 1, max[2] + 1, max[3] + 1, (int)max[4] + 1, max[5] + 1, max[6] + 1,
            (int)max[7] + 1, (int)max[8] + 1, (int)max[9] + 1, (int)max[10] + 1, max[11] + 1, max[12] + 1,
            (int)cadre + 1), codes);
    }

    /// <summary>
    /// Opens a bulk load. <paramref name="rebuildIndexes"/>: the load is larger than what the tables
    /// hold, so (on PostgreSQL) indexes are rebuilt once at the end rather than maintained row by row.
    /// </summary>
    public static async Task<IProvinceSink> OpenAsync(DatabaseTarget target, bool rebuildIndexes, CancellationToken ct) =>
        target.Provider == DatabaseProvider.Postgres
            ? await PostgresSink.OpenAsync(target, rebuildIndexes, ct)
            : new SqliteSink(target);

    private const string Stage = "Ghi CSDL";

    private static async Task WriteSqliteAsync(DatabaseTarget target, GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await Exec(connection, "PRAGMA synchronous=OFF;", ct);
        await Exec(connection, "PRAGMA foreign_keys=ON;", ct);
        var done = 0L;
        var total = province.RowCount;
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            async Task Load<T>(Table<T> table)
            {
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
                var parameters = table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
                cmd.Prepare();
                foreach (var row in table.Rows(province))
                {
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = SqliteValue(table.Columns[i].Value(row));
                    }

                    await cmd.ExecuteNonQueryAsync(ct);
                    if (++done % 20_000 == 0)
                    {
                        progress?.Report(new GenerationProgress(Stage, done, total));
                    }
                }
            }

            await Load(Provinces);
            await Load(Organizations);
            await Load(OrganizationPeriods);
            await Load(OrganizationEvents);
            await Load(Members);
            await Load(MemberPeriods);
            await Load(MemberEvents);
            await Load(InspectionCases);
            await Load(DisciplineDecisions);
            await Load(DisciplineAppeals);
            await Load(RatingRounds);
            await Load(OrgRatings);
            await Load(MemberRatings);
            await LoadCadresAsync(Load);
            await Load(AuditLines);
            await tx.CommitAsync(ct);
        }

        await Exec(connection, "PRAGMA synchronous=NORMAL;", ct);
        progress?.Report(new GenerationProgress(Stage, total, total));
    }

    /// <summary>Values as EF Core's SQLite provider stores them: dates as ISO text, flags as 0/1.</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Provinces into PostgreSQL in ONE transaction, so that a failed run leaves nothing behind:
    /// binary COPY per table; foreign-key triggers off when the role may do so (the generator's
    /// rows are consistent by construction); for a load larger than what the tables hold, the
    /// secondary indexes are dropped first and rebuilt once at the end (one sort instead of
    /// millions of B-tree insertions), from their own definitions read from pg_indexes.
    /// </summary>
    private sealed class PostgresSink(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<string> dropped) : IProvinceSink
    {
        private bool _done;

        public static async Task<PostgresSink> OpenAsync(DatabaseTarget target, bool rebuildIndexes, CancellationToken ct)
        {
            var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(ct);
            var tx = await connection.BeginTransactionAsync(ct);
            await SkipForeignKeyChecksAsync(connection, tx, ct);

            var definitions = new List<string>();
            if (rebuildIndexes)
            {
                var names = new List<string>();
                await using (var cmd = new NpgsqlCommand(
                    """
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
                    ORDER BY i.indexname
                    """, connection, tx))
                {
                    cmd.Parameters.AddWithValue("tables", IdTables);
                    await using var reader = await cmd.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        names.Add(reader.GetString(0));
                        definitions.Add(reader.GetString(1));
                    }
                }

                foreach (var name in names)
                {
                    await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection, tx);
                    await drop.ExecuteNonQueryAsync(ct);
                }
            }

            return new PostgresSink(connection, tx, definitions);
        }

        public async Task WriteAsync(GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct)
        {
            var done = 0L;
            var total = province.RowCount;

            async Task Copy<T>(Table<T> table)
            {
                var sql = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
                await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
                var columns = table.Columns.Select(c => c.Write).ToArray();
                foreach (var row in table.Rows(province))
                {
                    // Synchronous writes: the importer buffers, and an await per value costs more than the I/O.
                    importer.StartRow();
                    foreach (var write in columns)
                    {
                        write(importer, row);
                    }

                    if (++done % 50_000 == 0)
                    {
                        progress?.Report(new GenerationProgress(Stage, done, total));
                    }
                }

                await importer.CompleteAsync(ct);
            }

            await Copy(Provinces);
            await Copy(Organizations);
            await Copy(OrganizationPeriods);
            await Copy(OrganizationEvents);
            await Copy(Members);
            await Copy(MemberPeriods);
            await Copy(MemberEvents);
            await Copy(InspectionCases);
            await Copy(DisciplineDecisions);
            await Copy(DisciplineAppeals);
            await Copy(RatingRounds);
            await Copy(OrgRatings);
            await Copy(MemberRatings);
            await LoadCadresAsync(Copy);
            await Copy(AuditLines);
            progress?.Report(new GenerationProgress(Stage, total, total));
        }

        public async Task CompleteAsync(IProgress<GenerationProgress>? progress, CancellationToken ct)
        {
            for (var i = 0; i < dropped.Count; i++)
            {
                progress?.Report(new GenerationProgress("Tạo chỉ mục", i, dropped.Count));
                await using var cmd = new NpgsqlCommand(dropped[i], connection, tx) { CommandTimeout = 3600 };
                await cmd.ExecuteNonQueryAsync(ct);
            }

            // Ids were given by the generator: later inserts through EF must start after them.
            foreach (var table in IdTables.Concat(CadreTables))
            {
                await using var cmd = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", connection, tx);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            _done = true;
            progress?.Report(new GenerationProgress("Tạo chỉ mục", dropped.Count, dropped.Count));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
            {
                await tx.RollbackAsync();
            }

            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>SQLite: each province in its own transaction (a file database has no concurrent readers to spare).</summary>
    private sealed class SqliteSink(DatabaseTarget target) : IProvinceSink
    {
        public Task WriteAsync(GeneratedProvince province, IProgress<GenerationProgress>? progress, CancellationToken ct) =>
            WriteSqliteAsync(target, province, progress, ct);

        public Task CompleteAsync(IProgress<GenerationProgress>? progress, CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Fresh planner statistics after a large load (PostgreSQL; SQLite's ANALYZE is cheap too).</summary>
    public static async Task AnalyzeAsync(DatabaseTarget target, CancellationToken ct)
    {
        await using var db = target.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        // On SQLite, also fold the write-ahead log of the bulk load into the file: left behind
        // (the web app keeps the file open, so it is never checkpointed), every read had to
        // consult ~100 MB of log and the province report took 145 ms instead of 95 ms.
        // On PostgreSQL, VACUUM sets the visibility map of the freshly loaded pages: without it the
        // covering index cannot be read alone and a province's report in the 6 M register took
        // 278 ms instead of 103 ms (bench/RESULTS.md).
        cmd.CommandText = target.Provider == DatabaseProvider.Sqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "VACUUM (ANALYZE)";
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
