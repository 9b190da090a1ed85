using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Procedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "party_card_issued_on",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: true),
                    org_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    role = table.Column<int>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    read_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procedure_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    payload = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    step_index = table.Column<int>(type: "INTEGER", nullable: true),
                    step_role = table.Column<int>(type: "INTEGER", nullable: true),
                    step_organization_id = table.Column<int>(type: "INTEGER", nullable: true),
                    step_org_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    step_started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    step_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    transfer_id = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedure_requests_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procedure_requests_organizations_step_organization_id",
                        column: x => x.step_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procedure_requests_party_transfers_transfer_id",
                        column: x => x.transfer_id,
                        principalTable: "party_transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "procedure_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    request_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    step_index = table.Column<int>(type: "INTEGER", nullable: true),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_procedure_events_procedure_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "procedure_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_party_card_number",
                table: "members",
                column: "party_card_number");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_member_id_created_at",
                table: "notifications",
                columns: new[] { "member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_organization_id",
                table: "notifications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_province_id_role_org_path",
                table: "notifications",
                columns: new[] { "province_id", "role", "org_path" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_events_request_id_at",
                table: "procedure_events",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_requests_member_id_submitted_on",
                table: "procedure_requests",
                columns: new[] { "member_id", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_requests_province_id_step_org_path",
                table: "procedure_requests",
                columns: new[] { "province_id", "step_org_path" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_requests_status_step_due_on",
                table: "procedure_requests",
                columns: new[] { "status", "step_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_requests_step_organization_id",
                table: "procedure_requests",
                column: "step_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_procedure_requests_transfer_id",
                table: "procedure_requests",
                column: "transfer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "procedure_events");

            migrationBuilder.DropTable(
                name: "procedure_requests");

            migrationBuilder.DropIndex(
                name: "ix_members_party_card_number",
                table: "members");

            migrationBuilder.DropColumn(
                name: "party_card_issued_on",
                table: "members");
        }
    }
}
