using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringAsOfIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from_valid_to",
                table: "member_periods");

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_as_of",
                table: "member_periods",
                columns: new[] { "province_id", "cell_path", "valid_from", "valid_to", "official_on", "exempted", "gender", "birth_date", "minority", "religious", "general_education", "professional", "political_theory", "enterprise", "youth_union", "retired" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_member_periods_as_of",
                table: "member_periods");

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from_valid_to",
                table: "member_periods",
                columns: new[] { "province_id", "cell_path", "valid_from", "valid_to" });
        }
    }
}
