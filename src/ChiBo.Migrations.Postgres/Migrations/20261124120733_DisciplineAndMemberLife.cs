using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DisciplineAndMemberLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "exemption_ground",
                table: "members",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "exemption_review_on",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by",
                table: "member_events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inspection_cases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    organization_id = table.Column<int>(type: "integer", nullable: true),
                    subject_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    inspecting_org_id = table.Column<int>(type: "integer", nullable: true),
                    inspecting_body = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_cases_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspection_cases_organizations_inspecting_org_id",
                        column: x => x.inspecting_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inspection_cases_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "discipline_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    organization_id = table.Column<int>(type: "integer", nullable: true),
                    subject_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    cell_id = table.Column<int>(type: "integer", nullable: true),
                    case_id = table.Column<int>(type: "integer", nullable: true),
                    form = table.Column<int>(type: "integer", nullable: false),
                    original_form = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    deciding_org_id = table.Column<int>(type: "integer", nullable: true),
                    deciding_body = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    violation_on = table.Column<DateOnly>(type: "date", nullable: true),
                    annulled = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_discipline_decisions_inspection_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "inspection_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_discipline_decisions_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discipline_decisions_organizations_deciding_org_id",
                        column: x => x.deciding_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_discipline_decisions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "discipline_appeals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    decision_id = table.Column<int>(type: "integer", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolving_org_id = table.Column<int>(type: "integer", nullable: true),
                    resolving_body = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: true),
                    form_before = table.Column<int>(type: "integer", nullable: false),
                    new_form = table.Column<int>(type: "integer", nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolution_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolution_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_discipline_appeals_discipline_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "discipline_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_discipline_appeals_organizations_resolving_org_id",
                        column: x => x.resolving_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_discipline_appeals_decision_id",
                table: "discipline_appeals",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_appeals_province_id_due_on",
                table: "discipline_appeals",
                columns: new[] { "province_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_discipline_appeals_resolving_org_id",
                table: "discipline_appeals",
                column: "resolving_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_decisions_case_id",
                table: "discipline_decisions",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_decisions_deciding_org_id",
                table: "discipline_decisions",
                column: "deciding_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_decisions_member_id",
                table: "discipline_decisions",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_decisions_organization_id",
                table: "discipline_decisions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_decisions_province_id_subject_path_decided_on",
                table: "discipline_decisions",
                columns: new[] { "province_id", "subject_path", "decided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_cases_inspecting_org_id",
                table: "inspection_cases",
                column: "inspecting_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_cases_member_id",
                table: "inspection_cases",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_cases_organization_id",
                table: "inspection_cases",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_cases_province_id_subject_path_opened_on",
                table: "inspection_cases",
                columns: new[] { "province_id", "subject_path", "opened_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "discipline_appeals");

            migrationBuilder.DropTable(
                name: "discipline_decisions");

            migrationBuilder.DropTable(
                name: "inspection_cases");

            migrationBuilder.DropColumn(
                name: "exemption_ground",
                table: "members");

            migrationBuilder.DropColumn(
                name: "exemption_review_on",
                table: "members");

            migrationBuilder.DropColumn(
                name: "decided_by",
                table: "member_events");
        }
    }
}
