using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberHandbookCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "record_correction_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    field = table.Column<int>(type: "INTEGER", nullable: false),
                    current_value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    proposed_value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    resolution_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_correction_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_record_correction_requests_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_record_correction_requests_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_correction_requests_cell_id_status",
                table: "record_correction_requests",
                columns: new[] { "cell_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_record_correction_requests_member_id_status",
                table: "record_correction_requests",
                columns: new[] { "member_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "record_correction_requests");
        }
    }
}
