using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The Excel template and the all-or-nothing import into MOH's empty 2026-Q4 draft: each test starts
/// from the empty draft, fills the template it downloads and checks what was stored.
/// </summary>
public sealed class AnswerImportTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private AnswerImportService Import => app.Service<AnswerImportService>();

    [Fact]
    public async Task Import_FilledTemplate_StoresEveryAnswerWithArabicText()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        var rows = AnswerTemplates.FillEveryRow(sheet);
        sheet.Cell(2, AnswerWorkbook.Comment).Value = "تم اعتماد الخطة من معالي الوزير";
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);

        var result = await ImportAsync(DemoUsers.ContributorMoh, workbook);

        Assert.Empty(result.Errors);
        Assert.Equal(rows, result.Imported);
        var stored = await app.StoredAnswersAsync(submissionId);
        Assert.Equal(rows, stored.Count);
        Assert.Contains(stored, a => a.Comment == "تم اعتماد الخطة من معالي الوزير");
        Assert.All(stored, a => Assert.True(a.IsAnswered));
        await app.AssertPackedAsync(submissionId);

        // Every new answer is in the audit trail, recorded for the contributor who imported it.
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var created = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastEvent && e.EntityType == nameof(Answer) && e.Action == AuditAction.Created)
            .ToListAsync();
        Assert.Equal(stored.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), created.Select(e => e.EntityKey).Order());
        Assert.All(created, e => Assert.Equal((contributor.UserId, contributor.Name), (e.ActorUserId, e.ActorName)));
    }

    [Fact]
    public async Task Import_OneBadValue_ImportsNothingAndNamesRowAndColumn()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        var percentageRow = RowOfType(sheet, "0–100 %");
        sheet.Cell(percentageRow, AnswerWorkbook.Value).Value = 140;

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(percentageRow, error.Row);
        Assert.Equal("الإجابات", error.Sheet);
        Assert.StartsWith("D", error.Column, StringComparison.Ordinal);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Import_WrongTypesFormulaAndMissingJustification_ListsEveryError()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        var yesNoRow = RowOfType(sheet, "نعم / لا");
        var percentageRow = RowOfType(sheet, "0–100 %");
        sheet.Cell(yesNoRow, AnswerWorkbook.Value).Value = "ربما";
        sheet.Cell(percentageRow, AnswerWorkbook.Value).FormulaA1 = "=40+10";
        sheet.Cell(4, AnswerWorkbook.NotApplicable).Value = "نعم";
        sheet.Cell(4, AnswerWorkbook.Justification).Value = "";

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Contains(result.Errors, e => e.Row == yesNoRow && e.Column.StartsWith('D'));
        Assert.Contains(result.Errors, e => e.Row == percentageRow && e.Column.StartsWith('D'));
        Assert.Contains(result.Errors, e => e.Row == 4 && e.Column.StartsWith('F'));
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Import_WrongSheet_IsRefused()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Sheet1").Cell(1, 1).Value = "P1.1.1";

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Row);
        Assert.Matches("Answers|الإجابات", error.Reason);
    }

    [Fact]
    public async Task Import_WrongColumns_IsRefused()
    {
        using var workbook = await TemplateAsync();
        workbook.Worksheet("الإجابات").Column(AnswerWorkbook.Expected).Delete();

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Equal(1, Assert.Single(result.Errors).Row);
    }

    [Theory]
    [InlineData("")]
    [InlineData("This is a CSV file, not a workbook;1;2;3")]
    public async Task Import_EmptyOrNotExcel_IsRefused(string content)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");

        var result = await Import.ImportAsync(await app.ActorAsync(DemoUsers.DirectorMoh), await MohAsync(), await OpenPeriodAsync(),
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), None);

        Assert.Single(result.Errors);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Import_TenThousandRows_ValidatesEveryRowAndImportsNothing()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        var first = sheet.LastRowUsed()!.RowNumber() + 1;
        for (var row = first; row < 10_002; row++)
        {
            sheet.Cell(row, AnswerWorkbook.Code).Value = $"X{row}";
            sheet.Cell(row, AnswerWorkbook.Value).Value = 1;
        }

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Equal(10_002 - first, result.Errors.Count);
        Assert.Equal(10_001, result.Errors[^1].Row);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Import_OtherInstitution_IsNotFound()
    {
        using var workbook = await TemplateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => ImportAsync(DemoUsers.DirectorEast, workbook));
    }

    [Fact]
    public async Task Import_Official_IsAccessDenied()
    {
        using var workbook = await TemplateAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => ImportAsync(DemoUsers.Official, workbook));
    }

    [Fact]
    public async Task Import_ApprovedSubmission_IsRefused()
    {
        var actor = await app.ActorAsync(DemoUsers.DirectorMoh);
        var published = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var moh = await MohAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Import.ImportAsync(actor, moh, published, new MemoryStream(), None));

        Assert.Equal("Submission_Locked", refused.Message);
    }

    [Fact]
    public async Task Import_SubmittedSubmission_IsRefused()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        await using (var db = await app.DbAsync())
        {
            var submission = await db.Submissions.FindAsync(submissionId);
            submission!.Status = SubmissionStatus.Submitted;
            await db.SaveChangesAsync();
        }

        using var workbook = await TemplateAsync();

        await Assert.ThrowsAsync<RuleViolationException>(() => ImportAsync(DemoUsers.DirectorMoh, workbook));
        await app.ResetToEmptyDraftAsync("MOH");
    }

    [Fact]
    public async Task Template_HasRightToLeftSheetProtectedColumnsAndValidatedInputs()
    {
        await app.ResetToEmptyDraftAsync("MOH");

        using var workbook = await TemplateAsync();

        var sheet = workbook.Worksheet("الإجابات");
        Assert.True(sheet.RightToLeft);
        Assert.True(sheet.IsProtected);
        Assert.True(sheet.Cell(2, AnswerWorkbook.Code).Style.Protection.Locked);
        Assert.False(sheet.Cell(2, AnswerWorkbook.Value).Style.Protection.Locked);
        var yesNo = sheet.Cell(RowOfType(sheet, "نعم / لا"), AnswerWorkbook.Value).DataValidation;
        Assert.Equal(XLAllowedValues.List, yesNo.AllowedValues);
        var percentage = sheet.Cell(RowOfType(sheet, "0–100 %"), AnswerWorkbook.Value).DataValidation;
        Assert.Equal(XLAllowedValues.Decimal, percentage.AllowedValues);
    }

    private async Task<int> MohAsync() => await app.InstitutionIdAsync("MOH");

    private async Task<int> OpenPeriodAsync() => await app.PeriodIdAsync(SeededData.OpenPeriod);

    private async Task<XLWorkbook> TemplateAsync()
    {
        var file = await Import.TemplateAsync(await app.ActorAsync(DemoUsers.DirectorMoh), await MohAsync(), await OpenPeriodAsync(), "ar", None);
        return new XLWorkbook(new MemoryStream(file.Content));
    }

    private async Task<ImportResult> ImportAsync(string email, XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return await Import.ImportAsync(await app.ActorAsync(email), await MohAsync(), await OpenPeriodAsync(), stream, None);
    }

    private static int RowOfType(IXLWorksheet sheet, string expected) =>
        sheet.RowsUsed().Skip(1).First(r => r.Cell(AnswerWorkbook.Expected).GetString() == expected).RowNumber();
}
