using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlansInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "record_complete",
                table: "members",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "cccd IS NOT NULL AND cccd <> '' AND birth_place IS NOT NULL AND birth_place <> '' AND home_town IS NOT NULL AND home_town <> '' AND residence IS NOT NULL AND residence <> '' AND occupation IS NOT NULL AND occupation <> '' AND (official_on IS NULL OR (party_card_number IS NOT NULL AND party_card_number <> ''))",
                stored: false);

            migrationBuilder.AddColumn<bool>(
                name: "record_valid",
                table: "members",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CASE WHEN length(cccd) = 12 AND cccd NOT GLOB '*[^0-9]*' THEN CAST(substr(cccd, 1, 3) AS integer) IN (1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96)\nAND CAST(substr(cccd, 4, 1) AS integer) = (CAST(substr(birth_date, 1, 4) AS integer) / 100 - 19) * 2 + CASE WHEN gender = 2 THEN 1 ELSE 0 END\nAND CAST(substr(cccd, 5, 2) AS integer) = CAST(substr(birth_date, 1, 4) AS integer) % 100 ELSE 0 END\nAND CAST(replace(admitted_on, '-', '') AS integer) >= CAST(replace(birth_date, '-', '') AS integer) + 180000\nAND (official_on IS NULL OR official_on >= admitted_on)\nAND birth_date > '1900-01-01'",
                stored: false);

            migrationBuilder.CreateTable(
                name: "handbook_activities",
                columns: table => new
                {
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_active_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handbook_activities", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_handbook_activities_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    mid_term_review = table.Column<int>(type: "INTEGER", nullable: true),
                    final_review = table.Column<int>(type: "INTEGER", nullable: true),
                    parent_plan_id = table.Column<int>(type: "INTEGER", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plans_plans_parent_plan_id",
                        column: x => x.parent_plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "plan_indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    numerator = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    denominator = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    factor = table.Column<int>(type: "INTEGER", nullable: false),
                    @operator = table.Column<int>(name: "operator", type: "INTEGER", nullable: false),
                    target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    target_high = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false),
                    to_year = table.Column<int>(type: "INTEGER", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    at_risk = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    at_risk_high = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    levels = table.Column<int>(type: "INTEGER", nullable: false),
                    manual = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_indicators_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_task_id = table.Column<int>(type: "INTEGER", nullable: true),
                    no = table.Column<int>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    lead = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    lead_organization_id = table.Column<int>(type: "INTEGER", nullable: true),
                    partners = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    deadline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    deadline_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    responsible_head = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    responsible_collective = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    authority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    output = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    indicator_codes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    fans_out = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_tasks_organizations_lead_organization_id",
                        column: x => x.lead_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_tasks_plan_tasks_parent_task_id",
                        column: x => x.parent_task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_tasks_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_allocations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    target_high = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_allocations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_allocations_plan_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "plan_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    numerator = table.Column<long>(type: "INTEGER", nullable: false),
                    denominator = table.Column<long>(type: "INTEGER", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_entries_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_entries_plan_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "plan_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<int>(type: "INTEGER", nullable: false),
                    due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_task_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_task_reminders_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    evidence_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    evidence_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document_id = table.Column<long>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_task_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_task_reports_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_plan_task_reports_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_record_quality",
                table: "members",
                columns: new[] { "province_id", "cell_id", "status", "record_complete", "record_valid", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handbook_activities_province_id_last_active_on_member_id",
                table: "handbook_activities",
                columns: new[] { "province_id", "last_active_on", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_allocations_indicator_id_organization_id_year",
                table: "indicator_allocations",
                columns: new[] { "indicator_id", "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_allocations_organization_id",
                table: "indicator_allocations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_entries_indicator_id_organization_id_year",
                table: "indicator_entries",
                columns: new[] { "indicator_id", "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_entries_organization_id",
                table: "indicator_entries",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_indicators_plan_id_code",
                table: "plan_indicators",
                columns: new[] { "plan_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_task_reminders_task_id_due_overdue",
                table: "plan_task_reminders",
                columns: new[] { "task_id", "due", "overdue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_task_reports_document_id",
                table: "plan_task_reports",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_task_reports_task_id_year_id",
                table: "plan_task_reports",
                columns: new[] { "task_id", "year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_lead_organization_id",
                table: "plan_tasks",
                column: "lead_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_parent_task_id",
                table: "plan_tasks",
                column: "parent_task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_plan_id_no",
                table: "plan_tasks",
                columns: new[] { "plan_id", "no" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_organization_id",
                table: "plans",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_parent_plan_id",
                table: "plans",
                column: "parent_plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_province_id_number",
                table: "plans",
                columns: new[] { "province_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handbook_activities");

            migrationBuilder.DropTable(
                name: "indicator_allocations");

            migrationBuilder.DropTable(
                name: "indicator_entries");

            migrationBuilder.DropTable(
                name: "plan_task_reminders");

            migrationBuilder.DropTable(
                name: "plan_task_reports");

            migrationBuilder.DropTable(
                name: "plan_indicators");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropIndex(
                name: "ix_members_record_quality",
                table: "members");

            migrationBuilder.DropColumn(
                name: "record_complete",
                table: "members");

            migrationBuilder.DropColumn(
                name: "record_valid",
                table: "members");
        }
    }
}
