using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    organization_id = table.Column<int>(type: "integer", nullable: true),
                    org_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    role = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    payload = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    step_index = table.Column<int>(type: "integer", nullable: true),
                    step_role = table.Column<int>(type: "integer", nullable: true),
                    step_organization_id = table.Column<int>(type: "integer", nullable: true),
                    step_org_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    step_started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    step_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    transfer_id = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    step_index = table.Column<int>(type: "integer", nullable: true),
                    step_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
