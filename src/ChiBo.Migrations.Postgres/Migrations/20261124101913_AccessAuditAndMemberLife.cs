using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccessAuditAndMemberLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from",
                table: "member_periods");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    totp_secret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    last_totp_step = table.Column<long>(type: "bigint", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    security_stamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "admission_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admission_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_admission_targets_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    chain = table.Column<int>(type: "integer", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    organization_id = table.Column<int>(type: "integer", nullable: true),
                    changes = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "badge_awards",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    years = table.Column<int>(type: "integer", nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    early = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_badge_awards", x => x.id);
                    table.ForeignKey(
                        name: "fk_badge_awards_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "candidates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    cccd = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    profile_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    step_since = table.Column<DateOnly>(type: "date", nullable: false),
                    nominated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    course_certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    course_certificate_date = table.Column<DateOnly>(type: "date", nullable: true),
                    application_date = table.Column<DateOnly>(type: "date", nullable: true),
                    cv_date = table.Column<DateOnly>(type: "date", nullable: true),
                    introduction_kind = table.Column<int>(type: "integer", nullable: true),
                    introducer1_id = table.Column<int>(type: "integer", nullable: true),
                    introducer2_id = table.Column<int>(type: "integer", nullable: true),
                    union_resolution_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    introduced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    provincial_consent_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cell_resolution_date = table.Column<DateOnly>(type: "date", nullable: true),
                    cell_official_members = table.Column<int>(type: "integer", nullable: true),
                    cell_votes_for = table.Column<int>(type: "integer", nullable: true),
                    base_committee_date = table.Column<DateOnly>(type: "date", nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    ceremony_date = table.Column<DateOnly>(type: "date", nullable: true),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    new_member_course_certificate_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    new_member_course_date = table.Column<DateOnly>(type: "date", nullable: true),
                    recognition_resolution_date = table.Column<DateOnly>(type: "date", nullable: true),
                    recognition_official_members = table.Column<int>(type: "integer", nullable: true),
                    recognition_votes_for = table.Column<int>(type: "integer", nullable: true),
                    recognition_decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recognition_decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidates_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_candidates_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fee_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    group = table.Column<int>(type: "integer", nullable: false),
                    basis = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_payments_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_fee_payments_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_transfers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    scope = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    from_cell_id = table.Column<int>(type: "integer", nullable: false),
                    to_cell_id = table.Column<int>(type: "integer", nullable: true),
                    other_organization = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    letter_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancelled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    package_json = table.Column<string>(type: "text", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_party_transfers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_party_transfers_organizations_from_cell_id",
                        column: x => x.from_cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_party_transfers_organizations_to_cell_id",
                        column: x => x.to_cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_grants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_grants_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_grants_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_search_name_trgm",
                table: "members",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from_valid_to",
                table: "member_periods",
                columns: new[] { "province_id", "cell_path", "valid_from", "valid_to" })
                .Annotation("Npgsql:IndexInclude", new[] { "official_on", "exempted", "gender", "birth_date", "minority", "religious", "general_education", "professional", "political_theory", "enterprise", "youth_union", "retired" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_user_name",
                table: "accounts",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admission_targets_organization_id_year",
                table: "admission_targets",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_at",
                table: "audit_entries",
                columns: new[] { "actor", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_chain_seq",
                table: "audit_entries",
                columns: new[] { "chain", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_member_id",
                table: "audit_entries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organization_id",
                table: "audit_entries",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_badge_awards_member_id_years",
                table: "badge_awards",
                columns: new[] { "member_id", "years" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_cccd",
                table: "candidates",
                column: "cccd");

            migrationBuilder.CreateIndex(
                name: "ix_candidates_cell_id_step_step_since",
                table: "candidates",
                columns: new[] { "cell_id", "step", "step_since" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_member_id",
                table: "candidates",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_cell_id_year_month",
                table: "fee_payments",
                columns: new[] { "cell_id", "year", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_member_id_year_month",
                table: "fee_payments",
                columns: new[] { "member_id", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_party_transfers_from_cell_id",
                table: "party_transfers",
                column: "from_cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_transfers_member_id_letter_date",
                table: "party_transfers",
                columns: new[] { "member_id", "letter_date" });

            migrationBuilder.CreateIndex(
                name: "ix_party_transfers_one_pending",
                table: "party_transfers",
                column: "member_id",
                unique: true,
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_party_transfers_status_letter_date",
                table: "party_transfers",
                columns: new[] { "status", "letter_date" });

            migrationBuilder.CreateIndex(
                name: "ix_party_transfers_to_cell_id",
                table: "party_transfers",
                column: "to_cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_account_id",
                table: "role_grants",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_organization_id",
                table: "role_grants",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admission_targets");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "badge_awards");

            migrationBuilder.DropTable(
                name: "candidates");

            migrationBuilder.DropTable(
                name: "fee_payments");

            migrationBuilder.DropTable(
                name: "party_transfers");

            migrationBuilder.DropTable(
                name: "role_grants");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_members_search_name_trgm",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from_valid_to",
                table: "member_periods");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from",
                table: "member_periods",
                columns: new[] { "province_id", "cell_path", "valid_from" })
                .Annotation("Npgsql:IndexInclude", new[] { "valid_to", "official_on", "exempted", "gender", "birth_date", "minority", "religious", "general_education", "professional", "political_theory", "enterprise", "youth_union", "retired" });
        }
    }
}
