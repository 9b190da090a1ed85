using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CellLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_meeting_attendances_unexcused",
                table: "meeting_attendances");

            migrationBuilder.CreateTable(
                name: "member_commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    action_programme = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    commitment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_commitments_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_commitments_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "residence_confirmations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    confirmed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residence_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_residence_confirmations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_residence_confirmations_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_unexcused",
                table: "meetings",
                columns: new[] { "province_id", "cell_path", "date", "status", "unexcused_count", "id" },
                filter: "status = 2 AND unexcused_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendances_meeting_id_member_id",
                table: "meeting_attendances",
                columns: new[] { "meeting_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendances_unexcused",
                table: "meeting_attendances",
                columns: new[] { "meeting_id", "member_id" },
                filter: "presence = 3");

            migrationBuilder.CreateIndex(
                name: "ix_member_commitments_cell_id",
                table: "member_commitments",
                column: "cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_commitments_member_id_year",
                table: "member_commitments",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_commitments_province_id_year_cell_path_cell_id_member_id",
                table: "member_commitments",
                columns: new[] { "province_id", "year", "cell_path", "cell_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_residence_confirmations_cell_id",
                table: "residence_confirmations",
                column: "cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_residence_confirmations_member_id_year",
                table: "residence_confirmations",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_residence_confirmations_province_id_year_cell_path_cell_id_member_id",
                table: "residence_confirmations",
                columns: new[] { "province_id", "year", "cell_path", "cell_id", "member_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_commitments");

            migrationBuilder.DropTable(
                name: "residence_confirmations");

            migrationBuilder.DropIndex(
                name: "ix_meetings_unexcused",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_meeting_attendances_meeting_id_member_id",
                table: "meeting_attendances");

            migrationBuilder.DropIndex(
                name: "ix_meeting_attendances_unexcused",
                table: "meeting_attendances");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_attendances_unexcused",
                table: "meeting_attendances",
                columns: new[] { "meeting_id", "member_id" },
                unique: true,
                filter: "presence = 3");
        }
    }
}
