using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <summary>SQLite FTS5 table of the documents library (see ChiBo.Documents.DocumentIndex).</summary>
    public partial class DocumentSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The documents library's full-text index over folded text (ChiBo.Documents.DocumentIndex
            // writes its rows): not part of the EF model, so kept in this hand-written migration.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE document_search USING fts5(head, body, tokenize = 'unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS document_search;");
        }
    }
}
