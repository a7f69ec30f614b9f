using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Council : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CouncilSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TitleAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionAr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DefaultPlace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DefaultDurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeriesId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    TitleAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OnlineUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MinutesAr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MinutesEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilMeetings_CouncilSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "CouncilSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleAr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NotesAr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NotesEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PresenterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    PillarId = table.Column<int>(type: "integer", nullable: true),
                    PracticeId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_Pillars_PillarId",
                        column: x => x.PillarId,
                        principalTable: "Pillars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilAttachments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CouncilAttachments_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attendance = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AttendeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttendeeTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DelegateApproved = table.Column<bool>(type: "boolean", nullable: false),
                    AttendanceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AttendanceRecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilInvitations_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilInvitations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    AgendaItemId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TextAr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilDecisions_CouncilAgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "CouncilAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilDecisions_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilInvitees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvitationId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RoleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilInvitees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilInvitees_CouncilInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "CouncilInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilDecisionOwners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NotApplicableReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilDecisionOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilDecisionOwners_CouncilDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CouncilDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilDecisionOwners_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilProgressNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ByCenter = table.Column<bool>(type: "boolean", nullable: false),
                    Link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilProgressNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilProgressNotes_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CouncilProgressNotes_CouncilDecisionOwners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "CouncilDecisionOwners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoteId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilEvidence_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CouncilEvidence_CouncilProgressNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "CouncilProgressNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_MeetingId_Order",
                table: "CouncilAgendaItems",
                columns: new[] { "MeetingId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_PillarId",
                table: "CouncilAgendaItems",
                column: "PillarId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_PracticeId",
                table: "CouncilAgendaItems",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAttachments_MeetingId",
                table: "CouncilAttachments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAttachments_UploadedById",
                table: "CouncilAttachments",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisionOwners_DecisionId_InstitutionId",
                table: "CouncilDecisionOwners",
                columns: new[] { "DecisionId", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisionOwners_InstitutionId_Status",
                table: "CouncilDecisionOwners",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisions_AgendaItemId",
                table: "CouncilDecisions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisions_DueOn",
                table: "CouncilDecisions",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisions_MeetingId_Sequence",
                table: "CouncilDecisions",
                columns: new[] { "MeetingId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilEvidence_NoteId",
                table: "CouncilEvidence",
                column: "NoteId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilEvidence_UploadedById",
                table: "CouncilEvidence",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilInvitations_InstitutionId",
                table: "CouncilInvitations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilInvitations_MeetingId_InstitutionId",
                table: "CouncilInvitations",
                columns: new[] { "MeetingId", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilInvitees_InvitationId",
                table: "CouncilInvitees",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMeetings_SeriesId_Number",
                table: "CouncilMeetings",
                columns: new[] { "SeriesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMeetings_StartsAt",
                table: "CouncilMeetings",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilProgressNotes_AuthorUserId",
                table: "CouncilProgressNotes",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilProgressNotes_OwnerId",
                table: "CouncilProgressNotes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSeries_Code",
                table: "CouncilSeries",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CouncilAttachments");

            migrationBuilder.DropTable(
                name: "CouncilEvidence");

            migrationBuilder.DropTable(
                name: "CouncilInvitees");

            migrationBuilder.DropTable(
                name: "CouncilProgressNotes");

            migrationBuilder.DropTable(
                name: "CouncilInvitations");

            migrationBuilder.DropTable(
                name: "CouncilDecisionOwners");

            migrationBuilder.DropTable(
                name: "CouncilDecisions");

            migrationBuilder.DropTable(
                name: "CouncilAgendaItems");

            migrationBuilder.DropTable(
                name: "CouncilMeetings");

            migrationBuilder.DropTable(
                name: "CouncilSeries");
        }
    }
}
