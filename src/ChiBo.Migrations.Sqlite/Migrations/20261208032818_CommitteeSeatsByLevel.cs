using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommitteeSeatsByLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_committee_memberships_level_path",
                table: "committee_memberships",
                columns: new[] { "province_id", "levels", "org_path", "valid_from", "valid_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_committee_memberships_level_path",
                table: "committee_memberships");
        }
    }
}
