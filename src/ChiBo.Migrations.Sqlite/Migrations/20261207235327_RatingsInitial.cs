using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    political_task = table.Column<bool>(type: "INTEGER", nullable: false),
                    political_task_evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    meeting_quality = table.Column<bool>(type: "INTEGER", nullable: false),
                    meeting_quality_evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    unity_discipline = table.Column<bool>(type: "INTEGER", nullable: false),
                    unity_discipline_evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    cadres_members = table.Column<bool>(type: "INTEGER", nullable: false),
                    cadres_members_evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recognized = table.Column<bool>(type: "INTEGER", nullable: false),
                    recognized_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    recognized_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recognized_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cell_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    round_id = table.Column<int>(type: "INTEGER", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    self_score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    self_level = table.Column<int>(type: "INTEGER", nullable: true),
                    self_assessment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    self_assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    proposed_score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    proposed_level = table.Column<int>(type: "INTEGER", nullable: true),
                    proposed_not_rated = table.Column<int>(type: "INTEGER", nullable: true),
                    proposal_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    proposed_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    returned_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    not_rated_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    not_rated_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    decided_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    members_excellent = table.Column<int>(type: "INTEGER", nullable: false),
                    members_good = table.Column<int>(type: "INTEGER", nullable: false),
                    members_fulfilled = table.Column<int>(type: "INTEGER", nullable: false),
                    members_not_fulfilled = table.Column<int>(type: "INTEGER", nullable: false),
                    members_not_rated = table.Column<int>(type: "INTEGER", nullable: false),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    round_id = table.Column<int>(type: "INTEGER", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    self_score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    self_level = table.Column<int>(type: "INTEGER", nullable: true),
                    self_assessment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    self_assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    proposed_score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    proposed_level = table.Column<int>(type: "INTEGER", nullable: true),
                    proposed_not_rated = table.Column<int>(type: "INTEGER", nullable: true),
                    proposal_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    proposed_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    returned_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    not_rated_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    not_rated_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    decided_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<int>(type: "INTEGER", nullable: false),
                    rating_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    from_level = table.Column<int>(type: "INTEGER", nullable: true),
                    from_not_rated = table.Column<int>(type: "INTEGER", nullable: true),
                    to_level = table.Column<int>(type: "INTEGER", nullable: true),
                    to_not_rated = table.Column<int>(type: "INTEGER", nullable: true),
                    score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    acting_body = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rating_rounds",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subtree_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    review_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: true),
                    subject_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    form = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    decided_by_org_id = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
