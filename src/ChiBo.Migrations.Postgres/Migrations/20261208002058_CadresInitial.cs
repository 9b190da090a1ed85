using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CadresInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cadre_profiles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    it = table.Column<int>(type: "integer", nullable: false),
                    government_post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    front_post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    village_post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    retired_cadre = table.Column<bool>(type: "boolean", nullable: false),
                    veteran = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_cadre_profiles_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    levels = table.Column<int>(type: "integer", nullable: false),
                    term = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    congress_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    formation = table.Column<int>(type: "integer", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                    table.ForeignKey(
                        name: "fk_committees_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_pools",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_pools", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_pools_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "planning_pools",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    managing_org_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<int>(type: "integer", nullable: false),
                    term_from = table.Column<int>(type: "integer", nullable: false),
                    term_to = table.Column<int>(type: "integer", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planning_pools", x => x.id);
                    table.ForeignKey(
                        name: "fk_planning_pools_organizations_managing_org_id",
                        column: x => x.managing_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_planning_pools_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rotations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    managing_org_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    from_org_id = table.Column<int>(type: "integer", nullable: false),
                    from_post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to_org_id = table.Column<int>(type: "integer", nullable: false),
                    to_post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rotations", x => x.id);
                    table.ForeignKey(
                        name: "fk_rotations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_organizations_from_org_id",
                        column: x => x.from_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_organizations_managing_org_id",
                        column: x => x.managing_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_organizations_to_org_id",
                        column: x => x.to_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_courses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organizer_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    provider = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_courses_organizations_organizer_id",
                        column: x => x.organizer_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "villages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    commune_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    merged_into_id = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_villages", x => x.id);
                    table.ForeignKey(
                        name: "fk_villages_organizations_commune_id",
                        column: x => x.commune_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_villages_villages_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "committee_memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    committee_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    org_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    levels = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    start_reason = table.Column<int>(type: "integer", nullable: true),
                    end_reason = table.Column<int>(type: "integer", nullable: true),
                    start_decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    end_decision = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_memberships_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_committee_memberships_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    pool_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    criteria = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    bands = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_templates_management_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "management_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_pool_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    pool_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    post = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_pool_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_pool_entries_management_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "management_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_management_pool_entries_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "planning_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    pool_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    added_on = table.Column<DateOnly>(type: "date", nullable: false),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    removal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planning_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_planning_entries_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_planning_entries_planning_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "planning_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    course_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_records_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_records_training_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "training_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "village_cells",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_cells", x => x.id);
                    table.ForeignKey(
                        name: "fk_village_cells_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_village_cells_villages_village_id",
                        column: x => x.village_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "village_heads",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    village_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_village_heads", x => x.id);
                    table.ForeignKey(
                        name: "fk_village_heads_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_village_heads_villages_village_id",
                        column: x => x.village_id,
                        principalTable: "villages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    pool_id = table.Column<int>(type: "integer", nullable: false),
                    template_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_periods_evaluation_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "evaluation_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evaluation_periods_management_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "management_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cadre_evaluations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    period_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    self_scores = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    self_summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    self_assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result_scores = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    products = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    trust_high = table.Column<int>(type: "integer", nullable: false),
                    trust_medium = table.Column<int>(type: "integer", nullable: false),
                    trust_low = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    band = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    behind = table.Column<bool>(type: "boolean", nullable: false),
                    conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cadre_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_cadre_evaluations_evaluation_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "evaluation_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cadre_evaluations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback_ballots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    evaluation_id = table.Column<int>(type: "integer", nullable: false),
                    respondent_group = table.Column<int>(type: "integer", nullable: false),
                    answers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_ballots_cadre_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "cadre_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_invitations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    evaluation_id = table.Column<int>(type: "integer", nullable: false),
                    respondent_group = table.Column<int>(type: "integer", nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    used = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_invitations_cadre_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "cadre_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cadre_evaluations_member_id",
                table: "cadre_evaluations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_cadre_evaluations_period_id_member_id",
                table: "cadre_evaluations",
                columns: new[] { "period_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cadre_profiles_member_id",
                table: "cadre_profiles",
                column: "member_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_committee_memberships_committee_id_valid_from",
                table: "committee_memberships",
                columns: new[] { "committee_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_memberships_member_id_valid_from",
                table: "committee_memberships",
                columns: new[] { "member_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_memberships_province_id_org_path_valid_from_valid~",
                table: "committee_memberships",
                columns: new[] { "province_id", "org_path", "valid_from", "valid_to" });

            migrationBuilder.CreateIndex(
                name: "ix_committees_organization_id_congress_on",
                table: "committees",
                columns: new[] { "organization_id", "congress_on" });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_periods_pool_id_year_quarter",
                table: "evaluation_periods",
                columns: new[] { "pool_id", "year", "quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_periods_template_id",
                table: "evaluation_periods",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_templates_pool_id_valid_from",
                table: "evaluation_templates",
                columns: new[] { "pool_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_ballots_evaluation_id_respondent_group",
                table: "feedback_ballots",
                columns: new[] { "evaluation_id", "respondent_group" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_invitations_code_hash",
                table: "feedback_invitations",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feedback_invitations_evaluation_id",
                table: "feedback_invitations",
                column: "evaluation_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_pool_entries_member_id",
                table: "management_pool_entries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_pool_entries_pool_id_valid_from",
                table: "management_pool_entries",
                columns: new[] { "pool_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_management_pools_organization_id",
                table: "management_pools",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_member_id",
                table: "planning_entries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_pool_id",
                table: "planning_entries",
                column: "pool_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_pools_managing_org_id_term_from",
                table: "planning_pools",
                columns: new[] { "managing_org_id", "term_from" });

            migrationBuilder.CreateIndex(
                name: "ix_planning_pools_organization_id",
                table: "planning_pools",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_rotations_from_org_id",
                table: "rotations",
                column: "from_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_rotations_managing_org_id_starts_on",
                table: "rotations",
                columns: new[] { "managing_org_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rotations_member_id",
                table: "rotations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_rotations_to_org_id",
                table: "rotations",
                column: "to_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_courses_organizer_id_starts_on",
                table: "training_courses",
                columns: new[] { "organizer_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_records_course_id",
                table: "training_records",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_records_member_id_completed_on",
                table: "training_records",
                columns: new[] { "member_id", "completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_village_cells_cell_id_valid_from",
                table: "village_cells",
                columns: new[] { "cell_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_village_cells_village_id_valid_from",
                table: "village_cells",
                columns: new[] { "village_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_village_heads_member_id",
                table: "village_heads",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_village_heads_village_id_role_valid_from",
                table: "village_heads",
                columns: new[] { "village_id", "role", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_villages_commune_id",
                table: "villages",
                column: "commune_id");

            migrationBuilder.CreateIndex(
                name: "ix_villages_merged_into_id",
                table: "villages",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_villages_province_id_commune_id",
                table: "villages",
                columns: new[] { "province_id", "commune_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadre_profiles");

            migrationBuilder.DropTable(
                name: "committee_memberships");

            migrationBuilder.DropTable(
                name: "feedback_ballots");

            migrationBuilder.DropTable(
                name: "feedback_invitations");

            migrationBuilder.DropTable(
                name: "management_pool_entries");

            migrationBuilder.DropTable(
                name: "planning_entries");

            migrationBuilder.DropTable(
                name: "rotations");

            migrationBuilder.DropTable(
                name: "training_records");

            migrationBuilder.DropTable(
                name: "village_cells");

            migrationBuilder.DropTable(
                name: "village_heads");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "cadre_evaluations");

            migrationBuilder.DropTable(
                name: "planning_pools");

            migrationBuilder.DropTable(
                name: "training_courses");

            migrationBuilder.DropTable(
                name: "villages");

            migrationBuilder.DropTable(
                name: "evaluation_periods");

            migrationBuilder.DropTable(
                name: "evaluation_templates");

            migrationBuilder.DropTable(
                name: "management_pools");
        }
    }
}
