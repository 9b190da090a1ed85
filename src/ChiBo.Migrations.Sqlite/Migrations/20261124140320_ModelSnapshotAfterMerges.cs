using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChiBo.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// No schema change: brings the model snapshot up to date after branches that each added
    /// migrations (documents, procedures, discipline, cell life) were merged. Their tables are
    /// created by those migrations.
    /// </summary>
    public partial class ModelSnapshotAfterMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
