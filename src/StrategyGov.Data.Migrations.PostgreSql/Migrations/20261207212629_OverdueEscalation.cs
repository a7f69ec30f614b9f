using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OverdueEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OverdueEscalationDays",
                table: "Periods",
                type: "integer",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverdueEscalationDays",
                table: "Periods");
        }
    }
}
