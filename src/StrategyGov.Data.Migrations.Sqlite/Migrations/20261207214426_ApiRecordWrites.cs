using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ApiRecordWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "MediaInteractions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "MediaCoverage",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_InstitutionId_ExternalId",
                table: "MediaInteractions",
                columns: new[] { "InstitutionId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_InstitutionId_ExternalId",
                table: "MediaCoverage",
                columns: new[] { "InstitutionId", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MediaInteractions_InstitutionId_ExternalId",
                table: "MediaInteractions");

            migrationBuilder.DropIndex(
                name: "IX_MediaCoverage_InstitutionId_ExternalId",
                table: "MediaCoverage");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "MediaInteractions");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "MediaCoverage");
        }
    }
}
