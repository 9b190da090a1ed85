using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    search_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    other_names = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    birth_place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    home_town = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    residence = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    cccd = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ethnicity = table.Column<int>(type: "integer", nullable: false),
                    religion = table.Column<int>(type: "integer", nullable: false),
                    occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    workplace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    general_education = table.Column<int>(type: "integer", nullable: false),
                    professional = table.Column<int>(type: "integer", nullable: false),
                    professional_field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    science_technology = table.Column<bool>(type: "boolean", nullable: false),
                    political_theory = table.Column<int>(type: "integer", nullable: false),
                    foreign_language = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    civil_service_grade = table.Column<int>(type: "integer", nullable: false),
                    youth_union = table.Column<bool>(type: "boolean", nullable: false),
                    enterprise = table.Column<bool>(type: "boolean", nullable: false),
                    retired = table.Column<bool>(type: "boolean", nullable: false),
                    party_card_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    admitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    official_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    before = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    after = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    cell_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    other_cell_id = table.Column<int>(type: "integer", nullable: true),
                    details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    cell_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    official_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exempted = table.Column<bool>(type: "boolean", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    minority = table.Column<bool>(type: "boolean", nullable: false),
                    religious = table.Column<bool>(type: "boolean", nullable: false),
                    general_education = table.Column<int>(type: "integer", nullable: false),
                    professional = table.Column<int>(type: "integer", nullable: false),
                    political_theory = table.Column<int>(type: "integer", nullable: false),
                    enterprise = table.Column<bool>(type: "boolean", nullable: false),
                    youth_union = table.Column<bool>(type: "boolean", nullable: false),
                    retired = table.Column<bool>(type: "boolean", nullable: false)
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
                columns: new[] { "province_id", "cell_path", "valid_from" })
                .Annotation("Npgsql:IndexInclude", new[] { "valid_to", "official_on", "exempted", "gender", "birth_date", "minority", "religious", "general_education", "professional", "political_theory", "enterprise", "youth_union", "retired" });

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
