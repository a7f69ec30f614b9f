using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PackedAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PackedAnswers",
                columns: table => new
                {
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackedAnswers", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_PackedAnswers_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A change to a scored column of an answer deletes its submission's packed value (ADR 0092).
            // SQLite has one writer at a time, so a refresh always reads every committed change.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Answers_UnpackSubmission_Insert" AFTER INSERT ON "Answers"
                BEGIN
                    DELETE FROM "PackedAnswers" WHERE "SubmissionId" = NEW."SubmissionId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Answers_UnpackSubmission_Update"
                AFTER UPDATE OF "SubmissionId", "IndicatorId", "Value", "NotApplicable", "Decision", "VerifiedValue" ON "Answers"
                BEGIN
                    DELETE FROM "PackedAnswers" WHERE "SubmissionId" IN (OLD."SubmissionId", NEW."SubmissionId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Answers_UnpackSubmission_Delete" AFTER DELETE ON "Answers"
                BEGIN
                    DELETE FROM "PackedAnswers" WHERE "SubmissionId" = OLD."SubmissionId";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_Answers_UnpackSubmission_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Answers_UnpackSubmission_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "TR_Answers_UnpackSubmission_Delete";""");

            migrationBuilder.DropTable(
                name: "PackedAnswers");
        }
    }
}
