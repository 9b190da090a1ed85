using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RatingsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "four_good_titles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    year = table.Column<int>(type: "integer", nullable: false),
                    political_task = table.Column<bool>(type: "boolean", nullable: false),
                    political_task_evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    meeting_quality = table.Column<bool>(type: "boolean", nullable: false),
                    meeting_quality_evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    unity_discipline = table.Column<bool>(type: "boolean", nullable: false),
                    unity_discipline_evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cadres_members = table.Column<bool>(type: "boolean", nullable: false),
                    cadres_members_evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recognized = table.Column<bool>(type: "boolean", nullable: false),
                    recognized_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    recognized_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recognized_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_four_good_titles", x => x.id);
                    table.ForeignKey(
                        name: "fk_four_good_titles_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_four_good_titles_organizations_recognized_by_org_id",
                        column: x => x.recognized_by_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    cell_id = table.Column<int>(type: "integer", nullable: false),
                    cell_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<int>(type: "integer", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    self_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    self_level = table.Column<int>(type: "integer", nullable: true),
                    self_assessment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    self_assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    proposed_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    proposed_level = table.Column<int>(type: "integer", nullable: true),
                    proposed_not_rated = table.Column<int>(type: "integer", nullable: true),
                    proposal_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    proposed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    proposed_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    returned_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    not_rated_reason = table.Column<int>(type: "integer", nullable: true),
                    not_rated_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    decided_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_ratings_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_ratings_organizations_cell_id",
                        column: x => x.cell_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_ratings_organizations_decided_by_org_id",
                        column: x => x.decided_by_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "org_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    members_excellent = table.Column<int>(type: "integer", nullable: false),
                    members_good = table.Column<int>(type: "integer", nullable: false),
                    members_fulfilled = table.Column<int>(type: "integer", nullable: false),
                    members_not_fulfilled = table.Column<int>(type: "integer", nullable: false),
                    members_not_rated = table.Column<int>(type: "integer", nullable: false),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    round_id = table.Column<int>(type: "integer", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    self_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    self_level = table.Column<int>(type: "integer", nullable: true),
                    self_assessment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    self_assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    proposed_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    proposed_level = table.Column<int>(type: "integer", nullable: true),
                    proposed_not_rated = table.Column<int>(type: "integer", nullable: true),
                    proposal_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    proposed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    proposed_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    returned_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    not_rated_reason = table.Column<int>(type: "integer", nullable: true),
                    not_rated_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    decided_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_ratings_organizations_decided_by_org_id",
                        column: x => x.decided_by_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_ratings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rating_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    rating_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    from_level = table.Column<int>(type: "integer", nullable: true),
                    from_not_rated = table.Column<int>(type: "integer", nullable: true),
                    to_level = table.Column<int>(type: "integer", nullable: true),
                    to_not_rated = table.Column<int>(type: "integer", nullable: true),
                    score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    acting_body = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rating_rounds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<int>(type: "integer", nullable: false),
                    subtree_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    year = table.Column<int>(type: "integer", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    policy_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    opened_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_rating_rounds_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rewards",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: true),
                    organization_id = table.Column<int>(type: "integer", nullable: true),
                    subject_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    year = table.Column<int>(type: "integer", nullable: false),
                    form = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decided_by_org_id = table.Column<int>(type: "integer", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rewards", x => x.id);
                    table.ForeignKey(
                        name: "fk_rewards_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rewards_organizations_decided_by_org_id",
                        column: x => x.decided_by_org_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rewards_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_four_good_titles_organization_id_year",
                table: "four_good_titles",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_four_good_titles_province_id_subject_path_year_recognized",
                table: "four_good_titles",
                columns: new[] { "province_id", "subject_path", "year", "recognized" });

            migrationBuilder.CreateIndex(
                name: "ix_four_good_titles_recognized_by_org_id",
                table: "four_good_titles",
                column: "recognized_by_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_cell_id_year",
                table: "member_ratings",
                columns: new[] { "cell_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_decided_by_org_id_year",
                table: "member_ratings",
                columns: new[] { "decided_by_org_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_member_id_year",
                table: "member_ratings",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_subtree",
                table: "member_ratings",
                columns: new[] { "province_id", "cell_path", "year", "state", "level", "not_rated_reason" });

            migrationBuilder.CreateIndex(
                name: "ix_org_ratings_decided_by_org_id_year",
                table: "org_ratings",
                columns: new[] { "decided_by_org_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_org_ratings_organization_id_year",
                table: "org_ratings",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_ratings_report",
                table: "org_ratings",
                columns: new[] { "province_id", "subject_path", "year", "subject_kind", "state", "level", "not_rated_reason", "members_excellent", "members_good", "members_fulfilled", "members_not_fulfilled", "members_not_rated" });

            migrationBuilder.CreateIndex(
                name: "ix_rating_events_subject_rating_id",
                table: "rating_events",
                columns: new[] { "subject", "rating_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rating_rounds_organization_id",
                table: "rating_rounds",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_rating_rounds_province_id_year_subtree_path",
                table: "rating_rounds",
                columns: new[] { "province_id", "year", "subtree_path" });

            migrationBuilder.CreateIndex(
                name: "ix_rewards_decided_by_org_id",
                table: "rewards",
                column: "decided_by_org_id");

            migrationBuilder.CreateIndex(
                name: "ix_rewards_member_id",
                table: "rewards",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_rewards_organization_id",
                table: "rewards",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_rewards_province_id_subject_path_year",
                table: "rewards",
                columns: new[] { "province_id", "subject_path", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "four_good_titles");

            migrationBuilder.DropTable(
                name: "member_ratings");

            migrationBuilder.DropTable(
                name: "org_ratings");

            migrationBuilder.DropTable(
                name: "rating_events");

            migrationBuilder.DropTable(
                name: "rating_rounds");

            migrationBuilder.DropTable(
                name: "rewards");
        }
    }
}
