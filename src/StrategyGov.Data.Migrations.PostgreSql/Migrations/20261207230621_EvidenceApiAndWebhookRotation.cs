using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceApiAndWebhookRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousProtectedSecret",
                table: "WebhookSubscriptions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousSecretUntil",
                table: "WebhookSubscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UploadedById",
                table: "Evidence",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Evidence",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UploadedByApiTokenId",
                table: "Evidence",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_UploadedByApiTokenId",
                table: "Evidence",
                column: "UploadedByApiTokenId");

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_ApiTokens_UploadedByApiTokenId",
                table: "Evidence",
                column: "UploadedByApiTokenId",
                principalTable: "ApiTokens",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_ApiTokens_UploadedByApiTokenId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_UploadedByApiTokenId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "PreviousProtectedSecret",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "PreviousSecretUntil",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "UploadedByApiTokenId",
                table: "Evidence");

            migrationBuilder.AlterColumn<string>(
                name: "UploadedById",
                table: "Evidence",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
