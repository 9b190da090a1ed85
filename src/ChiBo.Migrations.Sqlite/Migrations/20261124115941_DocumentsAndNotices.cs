using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: true),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    format = table.Column<int>(type: "INTEGER", nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organization_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    withdrawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_notices_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_files",
                columns: table => new
                {
                    document_id = table.Column<long>(type: "INTEGER", nullable: false),
                    province_id = table.Column<int>(type: "INTEGER", nullable: true),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_files", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_files_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_studies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    document_id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    studied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_studies", x => x.id);
                    table.ForeignKey(
                        name: "fk_document_studies_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_document_studies_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    province_id = table.Column<int>(type: "INTEGER", nullable: false),
                    meeting_id = table.Column<long>(type: "INTEGER", nullable: false),
                    document_id = table.Column<long>(type: "INTEGER", nullable: false),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_documents_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_documents_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_studies_document_id_member_id",
                table: "document_studies",
                columns: new[] { "document_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_document_studies_member_id",
                table: "document_studies",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_issued_on",
                table: "documents",
                column: "issued_on");

            migrationBuilder.CreateIndex(
                name: "ix_documents_organization_id",
                table: "documents",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_province_id_organization_id_issued_on",
                table: "documents",
                columns: new[] { "province_id", "organization_id", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_documents_document_id",
                table: "meeting_documents",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_documents_meeting_id_document_id",
                table: "meeting_documents",
                columns: new[] { "meeting_id", "document_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_organization_id_published_on",
                table: "notices",
                columns: new[] { "organization_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_province_id_published_on",
                table: "notices",
                columns: new[] { "province_id", "published_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_files");

            migrationBuilder.DropTable(
                name: "document_studies");

            migrationBuilder.DropTable(
                name: "meeting_documents");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "documents");
        }
    }
}
