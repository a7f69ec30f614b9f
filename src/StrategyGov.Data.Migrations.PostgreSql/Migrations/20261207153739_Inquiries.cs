using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Inquiries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requester = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PillarCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RequesterDeadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedToId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResponseText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResponseFileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResponseFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ResponseFileType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ResponseFileSize = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReferredToInstitutionId = table.Column<int>(type: "integer", nullable: true),
                    ReferredToName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ReferralNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReferredFromInquiryId = table.Column<int>(type: "integer", nullable: true),
                    ReferredFromInstitutionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseTargetMinutes = table.Column<int>(type: "integer", nullable: false),
                    AnswerTargetMinutes = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnswerDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: true),
                    AnswerMinutes = table.Column<int>(type: "integer", nullable: true),
                    AnswerElapsedMinutes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inquiries_AspNetUsers_AssignedToId",
                        column: x => x.AssignedToId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Inquiries_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_Inquiries_ReferredFromInquiryId",
                        column: x => x.ReferredFromInquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Inquiries_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_Institutions_ReferredFromInstitutionId",
                        column: x => x.ReferredFromInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_Institutions_ReferredToInstitutionId",
                        column: x => x.ReferredToInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InquiryTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    AnswerMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingCalendars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkingDays = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DayStartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WarnBeforeMinutes = table.Column<int>(type: "integer", nullable: false),
                    CenterGraceMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingDayExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NameAr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ImportUid = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingDayExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InquiryPauses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InquiryPauses_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_AssignedToId",
                table: "Inquiries",
                column: "AssignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_CreatedById",
                table: "Inquiries",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Figures",
                table: "Inquiries",
                columns: new[] { "InstitutionId", "ReceivedAt", "Kind", "AnswerMinutes", "AnswerTargetMinutes", "AnswerDueAt", "FirstResponseMinutes", "AnsweredAt", "ReferredAt", "RequesterDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_FirstResponse",
                table: "Inquiries",
                columns: new[] { "InstitutionId", "FirstResponseMinutes", "ReceivedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_InstitutionId_ExternalId",
                table: "Inquiries",
                columns: new[] { "InstitutionId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Open",
                table: "Inquiries",
                columns: new[] { "InstitutionId", "Kind", "AnswerDueAt", "FirstResponseAt", "FirstResponseDueAt" },
                filter: "\"Status\" NOT IN ('Answered', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReferredFromInquiryId",
                table: "Inquiries",
                column: "ReferredFromInquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReferredFromInstitutionId",
                table: "Inquiries",
                column: "ReferredFromInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReferredToInstitutionId",
                table: "Inquiries",
                column: "ReferredToInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_InquiryPauses_InquiryId_StartedAt",
                table: "InquiryPauses",
                columns: new[] { "InquiryId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InquiryTargets_Kind",
                table: "InquiryTargets",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkingDayExceptions_FromDate",
                table: "WorkingDayExceptions",
                column: "FromDate");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingDayExceptions_ImportUid",
                table: "WorkingDayExceptions",
                column: "ImportUid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InquiryPauses");

            migrationBuilder.DropTable(
                name: "InquiryTargets");

            migrationBuilder.DropTable(
                name: "WorkingCalendars");

            migrationBuilder.DropTable(
                name: "WorkingDayExceptions");

            migrationBuilder.DropTable(
                name: "Inquiries");
        }
    }
}
