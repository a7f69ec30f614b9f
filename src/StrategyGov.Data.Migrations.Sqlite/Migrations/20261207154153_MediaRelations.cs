using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediaRelations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CampaignPlanId",
                table: "CalendarEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PillarId = table.Column<int>(type: "INTEGER", nullable: true),
                    AudienceCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AudienceInsight = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    KeyMessages = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImplementationNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BudgetPlanned = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    BudgetSpent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    LaunchedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedAtLaunch = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignPlans_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CampaignPlans_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignPlans_Pillars_PillarId",
                        column: x => x.PillarId,
                        principalTable: "Pillars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediaOutlets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedByInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaOutlets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaOutlets_Institutions_ProposedByInstitutionId",
                        column: x => x.ProposedByInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaOutlets_MediaOutlets_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "MediaOutlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignEvaluationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Result = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignEvaluationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignEvaluationItems_CampaignPlans_CampaignPlanId",
                        column: x => x.CampaignPlanId,
                        principalTable: "CampaignPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignEvaluationItems_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignObjectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Met = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignObjectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignObjectives_CampaignPlans_CampaignPlanId",
                        column: x => x.CampaignPlanId,
                        principalTable: "CampaignPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignObjectives_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPartners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignPartners_CampaignPlans_CampaignPlanId",
                        column: x => x.CampaignPlanId,
                        principalTable: "CampaignPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignPartners_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediaInteractions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PillarId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SeniorOfficial = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CampaignPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaInteractions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaInteractions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MediaInteractions_CampaignPlans_CampaignPlanId",
                        column: x => x.CampaignPlanId,
                        principalTable: "CampaignPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MediaInteractions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaInteractions_Pillars_PillarId",
                        column: x => x.PillarId,
                        principalTable: "Pillars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Journalists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Beat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Handle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccreditationNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AccreditedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedByInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journalists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Journalists_Institutions_ProposedByInstitutionId",
                        column: x => x.ProposedByInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Journalists_Journalists_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Journalists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Journalists_MediaOutlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "MediaOutlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediaCoverage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    InteractionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CampaignPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Tone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reach = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaCoverage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaCoverage_CampaignPlans_CampaignPlanId",
                        column: x => x.CampaignPlanId,
                        principalTable: "CampaignPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MediaCoverage_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaCoverage_MediaInteractions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "MediaInteractions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MediaCoverage_MediaOutlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "MediaOutlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InteractionParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InteractionId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    JournalistId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InteractionParticipants_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InteractionParticipants_Journalists_JournalistId",
                        column: x => x.JournalistId,
                        principalTable: "Journalists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InteractionParticipants_MediaInteractions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "MediaInteractions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InteractionParticipants_MediaOutlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "MediaOutlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarEntries_CampaignPlanId",
                table: "CalendarEntries",
                column: "CampaignPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEvaluationItems_CampaignPlanId_Stage",
                table: "CampaignEvaluationItems",
                columns: new[] { "CampaignPlanId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignEvaluationItems_InstitutionId",
                table: "CampaignEvaluationItems",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignObjectives_CampaignPlanId_Order",
                table: "CampaignObjectives",
                columns: new[] { "CampaignPlanId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignObjectives_InstitutionId",
                table: "CampaignObjectives",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPartners_CampaignPlanId_InstitutionId",
                table: "CampaignPartners",
                columns: new[] { "CampaignPlanId", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPartners_InstitutionId",
                table: "CampaignPartners",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPlans_CreatedById",
                table: "CampaignPlans",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPlans_InstitutionId_Status",
                table: "CampaignPlans",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPlans_PillarId",
                table: "CampaignPlans",
                column: "PillarId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipants_InstitutionId",
                table: "InteractionParticipants",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipants_InteractionId",
                table: "InteractionParticipants",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipants_JournalistId_InstitutionId",
                table: "InteractionParticipants",
                columns: new[] { "JournalistId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionParticipants_OutletId_InstitutionId",
                table: "InteractionParticipants",
                columns: new[] { "OutletId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Journalists_MergedIntoId",
                table: "Journalists",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Journalists_NameKey",
                table: "Journalists",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Journalists_OutletId",
                table: "Journalists",
                column: "OutletId");

            migrationBuilder.CreateIndex(
                name: "IX_Journalists_ProposedByInstitutionId",
                table: "Journalists",
                column: "ProposedByInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Journalists_Status_OutletId",
                table: "Journalists",
                columns: new[] { "Status", "OutletId" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_CampaignPlanId",
                table: "MediaCoverage",
                column: "CampaignPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_InstitutionId_PublishedOn",
                table: "MediaCoverage",
                columns: new[] { "InstitutionId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_InteractionId",
                table: "MediaCoverage",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaCoverage_OutletId",
                table: "MediaCoverage",
                column: "OutletId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_CampaignPlanId",
                table: "MediaInteractions",
                column: "CampaignPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_CreatedById",
                table: "MediaInteractions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_InstitutionId_OccurredOn",
                table: "MediaInteractions",
                columns: new[] { "InstitutionId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaInteractions_PillarId",
                table: "MediaInteractions",
                column: "PillarId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaOutlets_MergedIntoId",
                table: "MediaOutlets",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaOutlets_NameKey",
                table: "MediaOutlets",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_MediaOutlets_ProposedByInstitutionId",
                table: "MediaOutlets",
                column: "ProposedByInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaOutlets_Status",
                table: "MediaOutlets",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarEntries_CampaignPlans_CampaignPlanId",
                table: "CalendarEntries",
                column: "CampaignPlanId",
                principalTable: "CampaignPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CalendarEntries_CampaignPlans_CampaignPlanId",
                table: "CalendarEntries");

            migrationBuilder.DropTable(
                name: "CampaignEvaluationItems");

            migrationBuilder.DropTable(
                name: "CampaignObjectives");

            migrationBuilder.DropTable(
                name: "CampaignPartners");

            migrationBuilder.DropTable(
                name: "InteractionParticipants");

            migrationBuilder.DropTable(
                name: "MediaCoverage");

            migrationBuilder.DropTable(
                name: "Journalists");

            migrationBuilder.DropTable(
                name: "MediaInteractions");

            migrationBuilder.DropTable(
                name: "MediaOutlets");

            migrationBuilder.DropTable(
                name: "CampaignPlans");

            migrationBuilder.DropIndex(
                name: "IX_CalendarEntries_CampaignPlanId",
                table: "CalendarEntries");

            migrationBuilder.DropColumn(
                name: "CampaignPlanId",
                table: "CalendarEntries");
        }
    }
}
