using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Postgres.Migrations
{
    /// <summary>PostgreSQL tsvector table and GIN index of the documents library (see ChiBo.Documents.DocumentIndex).</summary>
    public partial class DocumentSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The documents library's full-text index over folded text (ChiBo.Documents.DocumentIndex
            // writes its rows): not part of the EF model, so kept in this hand-written migration.
            migrationBuilder.Sql("""
                CREATE TABLE document_search (
                    document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
                    vector tsvector NOT NULL
                );
                CREATE INDEX ix_document_search_vector ON document_search USING gin (vector);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS document_search;");
        }
    }
}
