using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ApiChangedSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_InstitutionId_UpdatedAt",
                table: "MediaInteractions",
                columns: new[] { "InstitutionId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_InstitutionId_UpdatedAt",
                table: "MediaCoverage",
                columns: new[] { "InstitutionId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMeetings_UpdatedAt",
                table: "CouncilMeetings",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisionOwners_InstitutionId_UpdatedAt",
                table: "CouncilDecisionOwners",
                columns: new[] { "InstitutionId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPlans_InstitutionId_UpdatedAt",
                table: "CampaignPlans",
                columns: new[] { "InstitutionId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MediaInteractions_InstitutionId_UpdatedAt",
                table: "MediaInteractions");

            migrationBuilder.DropIndex(
                name: "IX_MediaCoverage_InstitutionId_UpdatedAt",
                table: "MediaCoverage");

            migrationBuilder.DropIndex(
                name: "IX_CouncilMeetings_UpdatedAt",
                table: "CouncilMeetings");

            migrationBuilder.DropIndex(
                name: "IX_CouncilDecisionOwners_InstitutionId_UpdatedAt",
                table: "CouncilDecisionOwners");

            migrationBuilder.DropIndex(
                name: "IX_CampaignPlans_InstitutionId_UpdatedAt",
                table: "CampaignPlans");
        }
    }
}
