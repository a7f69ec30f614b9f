using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requester = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PillarCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RequesterDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResponseText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResponseFileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponseFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ResponseFileType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ResponseFileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReferredToInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferredToName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReferralNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReferredFromInquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferredFromInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseTargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerTargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswerElapsedMinutes = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InquiryTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingCalendars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkingDays = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DayStartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DayEndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WarnBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CenterGraceMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingDayExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ImportUid = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingDayExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InquiryPauses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
