using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BandColours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Color",
                table: "MaturityBands",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "#6b7280");

            // Existing versions keep the colours their bands were drawn in before the center could choose them
            // (MaturityBandDefinition.DefaultColor); any other band starts grey.
            migrationBuilder.Sql("""
                UPDATE "MaturityBands" SET "Color" = CASE "Code"
                    WHEN 'Initial' THEN '#b3261e'
                    WHEN 'Developing' THEN '#b35f00'
                    WHEN 'Defined' THEN '#c9a400'
                    WHEN 'Managed' THEN '#3f7a22'
                    WHEN 'Leading' THEN '#0b6e4f'
                    ELSE '#6b7280' END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Color",
                table: "MaturityBands");
        }
    }
}
