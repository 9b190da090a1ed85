using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "provinces",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    sector = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    depth = table.Column<int>(type: "INTEGER", nullable: false),
                    founded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organizations_organizations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_organizations_provinces_province_id",
                        column: x => x.province_id,
                        principalTable: "provinces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    other_names = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    gender = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    birth_place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    home_town = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    residence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    cccd = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ethnicity = table.Column<int>(type: "INTEGER", nullable: false),
                    religion = table.Column<int>(type: "INTEGER", nullable: false),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    workplace = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    general_education = table.Column<int>(type: "INTEGER", nullable: false),
                    professional = table.Column<int>(type: "INTEGER", nullable: false),
                    professional_field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    science_technology = table.Column<bool>(type: "INTEGER", nullable: false),
                    political_theory = table.Column<int>(type: "INTEGER", nullable: false),
                    foreign_language = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    civil_service_grade = table.Column<int>(type: "INTEGER", nullable: false),
                    youth_union = table.Column<bool>(type: "INTEGER", nullable: false),
                    enterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    party_card_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    admitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    official_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organization_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    after = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_events_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organization_periods",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    sector = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_periods_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    other_cell_id = table.Column<int>(type: "INTEGER", nullable: true),
                    details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_events_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_periods",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    official_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    exempted = table.Column<bool>(type: "INTEGER", nullable: false),
                    gender = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    minority = table.Column<bool>(type: "INTEGER", nullable: false),
                    religious = table.Column<bool>(type: "INTEGER", nullable: false),
                    general_education = table.Column<int>(type: "INTEGER", nullable: false),
                    professional = table.Column<int>(type: "INTEGER", nullable: false),
                    political_theory = table.Column<int>(type: "INTEGER", nullable: false),
                    enterprise = table.Column<bool>(type: "INTEGER", nullable: false),
                    youth_union = table.Column<bool>(type: "INTEGER", nullable: false),
                    retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_periods_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_member_events_member_id_date",
                table: "member_events",
                columns: new[] { "member_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_member_events_province_id_cell_path_date",
                table: "member_events",
                columns: new[] { "province_id", "cell_path", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_member_id_valid_from",
                table: "member_periods",
                columns: new[] { "member_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_member_periods_province_id_cell_path_valid_from",
                table: "member_periods",
                columns: new[] { "province_id", "cell_path", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_members_cccd",
                table: "members",
                column: "cccd",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_cell_id",
                table: "members",
                column: "cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_province_id_cell_id",
                table: "members",
                columns: new[] { "province_id", "cell_id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_province_id_search_name",
                table: "members",
                columns: new[] { "province_id", "search_name" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_events_organization_id_date",
                table: "organization_events",
                columns: new[] { "organization_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_periods_organization_id_valid_from",
                table: "organization_periods",
                columns: new[] { "organization_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_periods_province_id_path_valid_from",
                table: "organization_periods",
                columns: new[] { "province_id", "path", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_code",
                table: "organizations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_parent_id",
                table: "organizations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_province_id_path",
                table: "organizations",
                columns: new[] { "province_id", "path" });

            migrationBuilder.CreateIndex(
                name: "ix_provinces_code",
                table: "provinces",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_events");

            migrationBuilder.DropTable(
                name: "member_periods");

            migrationBuilder.DropTable(
                name: "organization_events");

            migrationBuilder.DropTable(
                name: "organization_periods");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "provinces");
        }
    }
}
