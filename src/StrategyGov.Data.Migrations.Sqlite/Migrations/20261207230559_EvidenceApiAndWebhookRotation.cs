using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StrategyGov.Data.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousSecretUntil",
                table: "WebhookSubscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UploadedById",
                table: "Evidence",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Evidence",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UploadedByApiTokenId",
                table: "Evidence",
                type: "INTEGER",
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
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
