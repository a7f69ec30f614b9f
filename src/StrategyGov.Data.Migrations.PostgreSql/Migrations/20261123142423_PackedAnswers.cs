using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
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
                    SubmissionId = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
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

            // Packed values are dense already: stored out of line without compression, so reading them
            // costs no decompression.
            migrationBuilder.Sql("""ALTER TABLE "PackedAnswers" ALTER COLUMN "Data" SET STORAGE EXTERNAL;""");

            // A change to a scored column of an answer deletes its submission's packed value. The
            // submission's row is locked first, as AnswerPacking.RefreshAsync locks it before it reads the
            // answers: a refresh running alongside waits for this transaction, then reads its change.
            migrationBuilder.Sql("""
                CREATE FUNCTION "Answers_UnpackSubmission"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM 1 FROM "Submissions" WHERE "Id" = OLD."SubmissionId" FOR NO KEY UPDATE;
                        DELETE FROM "PackedAnswers" WHERE "SubmissionId" = OLD."SubmissionId";
                    END IF;
                    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."SubmissionId" <> OLD."SubmissionId") THEN
                        PERFORM 1 FROM "Submissions" WHERE "Id" = NEW."SubmissionId" FOR NO KEY UPDATE;
                        DELETE FROM "PackedAnswers" WHERE "SubmissionId" = NEW."SubmissionId";
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "TR_Answers_UnpackSubmission"
                    AFTER INSERT OR DELETE OR UPDATE OF "SubmissionId", "IndicatorId", "Value", "NotApplicable", "Decision", "VerifiedValue"
                    ON "Answers" FOR EACH ROW EXECUTE FUNCTION "Answers_UnpackSubmission"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Answers_UnpackSubmission" ON "Answers";
                DROP FUNCTION "Answers_UnpackSubmission"();
                """);

            migrationBuilder.DropTable(
                name: "PackedAnswers");
        }
    }
}
