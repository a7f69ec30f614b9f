using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Localization;
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

    // Numbers as the cells show them, never silently changed (docs/decisions/0100).

    [Theory]
    [InlineData("٤٥", "45")]
    [InlineData("١٢٫٥", "12.5")]
    [InlineData("1,250", "1250")]
    public async Task Import_NumberTypedAsText_IsReadAsMeant(string typed, string stored)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        var row = sheet.RowsUsed().Skip(1).First(r => r.Cell(AnswerWorkbook.Expected).GetString().StartsWith('≥')).RowNumber();
        sheet.Cell(row, AnswerWorkbook.Value).SetValue(typed);

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Empty(result.Errors);
        var code = sheet.Cell(row, AnswerWorkbook.Code).GetString();
        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == code).Value);
    }

    [Fact]
    public async Task Import_PercentFormattedCell_IsThePercentageItShows()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        var row = RowOfType(sheet, "0–100 %");
        sheet.Cell(row, AnswerWorkbook.Value).Value = 0.5;
        sheet.Cell(row, AnswerWorkbook.Value).Style.NumberFormat.Format = "0%";

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Empty(result.Errors);
        var code = sheet.Cell(row, AnswerWorkbook.Code).GetString();
        Assert.Equal(50m, (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == code).Value);
    }

    [Theory]
    [InlineData("12,5", "12,5")]
    [InlineData("1e29", "1e29")]
    [InlineData("50 %%", "50 %%")]
    public async Task Import_TextThatIsNotClearlyANumber_IsARowErrorAndNothingIsStored(string typed, string quoted)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        var row = RowOfType(sheet, "0–100 %");
        sheet.Cell(row, AnswerWorkbook.Value).SetValue(typed);

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(row, error.Row);
        Assert.Contains(quoted, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.StoredAnswersAsync(submissionId), a => a.Indicator.ComputedFrom is null);
    }

    [Fact]
    public async Task Import_NumberTooLargeForTheColumn_IsARowErrorNotAFailure()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        var row = sheet.RowsUsed().Skip(1).First(r => r.Cell(AnswerWorkbook.Expected).GetString().StartsWith('≥')).RowNumber();
        sheet.Cell(row, AnswerWorkbook.Value).Value = 1e29;

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Equal(row, Assert.Single(result.Errors).Row);
        Assert.DoesNotContain(await app.StoredAnswersAsync(submissionId), a => a.Indicator.ComputedFrom is null);
    }

    [Fact]
    public async Task Import_ExcelErrorCell_IsARowErrorAndKeepsTheStoredValue()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var first = await TemplateAsync();
        var sheet = first.Worksheet("الإجابات");
        var row = RowOfType(sheet, "0–100 %");
        var code = sheet.Cell(row, AnswerWorkbook.Code).GetString();
        sheet.Cell(row, AnswerWorkbook.Value).Value = 40;
        Assert.Empty((await ImportAsync(DemoUsers.DirectorMoh, first)).Errors);
        using var second = await TemplateAsync();

        var result = await ImportBytesAsync(DemoUsers.DirectorMoh, WithErrorCell(Save(second), $"D{row}", "#DIV/0!"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(row, error.Row);
        Assert.Contains("#DIV/0!", error.Reason, StringComparison.Ordinal);
        Assert.Equal(40m, (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == code).Value);
    }

    [Fact]
    public async Task Import_WithoutTheTemplatesHiddenSheet_IsRefused()
    {
        using var workbook = await TemplateAsync();
        workbook.Worksheet(AnswerWorkbook.MetaSheet).Delete();

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Equal(0, Assert.Single(result.Errors).Row);
    }

    [Fact]
    public async Task Import_CommentLongerThanTheLimit_IsARowError()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        var row = RowOfType(sheet, "0–100 %");
        sheet.Cell(row, AnswerWorkbook.Value).Value = 40;
        sheet.Cell(row, AnswerWorkbook.Comment).Value = new string('ت', Features.Shared.TextLimits.Note + 1);

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Equal(row, Assert.Single(result.Errors).Row);
        Assert.DoesNotContain(await app.StoredAnswersAsync(submissionId), a => a.Indicator.ComputedFrom is null);
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The workbook with one cell holding an Excel error value, as Excel writes it (t="e").</summary>
    private static byte[] WithErrorCell(byte[] xlsx, string reference, string error)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                var patched = System.Text.RegularExpressions.Regex.Replace(
                    xml, $"<(x:)?c r=\"{reference}\"[^>]*?(/>|>.*?</(x:)?c>)", m => $"<{m.Groups[1].Value}c r=\"{reference}\" t=\"e\"><{m.Groups[1].Value}v>{error}</{m.Groups[1].Value}v></{m.Groups[1].Value}c>");
                if (patched != xml)
                {
                    var path = entry.FullName;
                    entry.Delete();
                    using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                    writer.Write(patched);
                }
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task Template_HasAnEvidenceLinksColumnWithTheLinksAlreadyOnEachAnswer()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var indicatorId = await IndicatorIdAsync("P1.1.1");
        await app.Service<EvidenceService>().AddLinkAsync(director, submissionId, indicatorId, "https://moh.example/plan", null, None);
        await app.Service<EvidenceService>().AddLinkAsync(director, submissionId, indicatorId, "https://moh.example/council", null, None);

        using var workbook = await TemplateAsync();

        var sheet = workbook.Worksheet("الإجابات");
        Assert.Equal("روابط الأدلة", sheet.Cell(1, AnswerWorkbook.EvidenceLinks).GetString());
        Assert.Equal("https://moh.example/plan\nhttps://moh.example/council", sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).GetString());
        Assert.False(sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).Style.Protection.Locked);
    }

    [Fact]
    public async Task Import_EvidenceLinks_AreAttachedOnceAsLinkEvidenceAndAudited()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).Value = "https://moh.example/تقرير Q3\r\n\n  https://moh.example/تقرير Q3 \nhttp://MOH.example/b";
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.LinksAdded);
        var links = await LinksAsync(submissionId);
        Assert.Equal(["P1.1.1 http://moh.example/b", "P1.1.1 https://moh.example/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%20Q3"], links.Order(StringComparer.Ordinal));
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var created = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastEvent && e.EntityType == nameof(Evidence) && e.Action == AuditAction.Created)
            .ToListAsync();
        Assert.Equal(2, created.Count);
        Assert.All(created, e => Assert.Equal(director.UserId, e.ActorUserId));
    }

    [Fact]
    public async Task Import_TheTemplateUnchanged_AddsNoLinkAgain()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using (var first = await TemplateAsync())
        {
            var sheet = first.Worksheet("الإجابات");
            AnswerTemplates.FillEveryRow(sheet);
            sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).Value = "https://moh.example/a\nhttps://moh.example/b";
            sheet.Cell(RowOf(sheet, "P1.1.2"), AnswerWorkbook.EvidenceLinks).Value = "https://moh.example/c";
            Assert.Equal(3, (await ImportAsync(DemoUsers.DirectorMoh, first)).LinksAdded);
        }

        var before = await LinksAsync(submissionId);
        using var exported = await TemplateAsync();

        var result = await ImportAsync(DemoUsers.DirectorMoh, exported);

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.LinksAdded);
        Assert.Equal(before, await LinksAsync(submissionId));
    }

    [Fact]
    public async Task Import_OneBadLink_NamesRowAndColumnAndSavesNothing()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).Value = "https://moh.example/good";
        var badRow = RowOf(sheet, "P1.1.2");
        sheet.Cell(badRow, AnswerWorkbook.EvidenceLinks).Value = "https://moh.example/ok\njavascript:alert(1)";

        var result = await ImportAsync(DemoUsers.DirectorMoh, workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(badRow, error.Row);
        Assert.Equal("H (روابط الأدلة)", error.Column);
        Assert.Contains("javascript:alert(1)", error.Reason, StringComparison.Ordinal);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
        Assert.Empty(await LinksAsync(submissionId));
    }

    [Fact]
    public async Task Import_ClaimsWithTheirEvidenceAsLinks_CountAsEvidencedOnSubmit()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        Assert.Empty((await ImportAsync(DemoUsers.DirectorMoh, workbook)).Errors);
        var lacking = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => app.Service<SubmissionService>().SubmitAsync(director, submissionId, None));
        Assert.Contains(lacking.Gaps, g => !g.Unanswered);

        // The same answers again (the template now carries them), each with three links.
        using var again = await TemplateAsync();
        var answered = again.Worksheet("الإجابات");
        for (var row = 2; row <= answered.LastRowUsed()!.RowNumber(); row++)
        {
            var code = answered.Cell(row, AnswerWorkbook.Code).GetString();
            answered.Cell(row, AnswerWorkbook.EvidenceLinks).Value = $"https://moh.example/{code}/1\nhttps://moh.example/{code}/2\nhttps://moh.example/{code}/3";
        }

        Assert.Empty((await ImportAsync(DemoUsers.DirectorMoh, again)).Errors);

        var refusal = await Record.ExceptionAsync(() => app.Service<SubmissionService>().SubmitAsync(director, submissionId, None));
        var gaps = (refusal as SubmissionIncompleteException)?.Gaps ?? [];
        Assert.True(refusal is null or SubmissionIncompleteException, refusal?.Message);
        Assert.DoesNotContain(gaps, g => !g.Unanswered);
    }

    [Fact]
    public async Task Import_NewLinkByTheCenter_IsRefusedAsEvidenceIsTheInstitutions()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        using var workbook = await TemplateAsync();
        var sheet = workbook.Worksheet("الإجابات");
        AnswerTemplates.FillEveryRow(sheet);
        sheet.Cell(RowOf(sheet, "P1.1.1"), AnswerWorkbook.EvidenceLinks).Value = "https://center.example/x";

        var result = await ImportAsync(DemoUsers.Admin, workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal("H (روابط الأدلة)", error.Column);
        Assert.Equal(app.Service<IStringLocalizer<SharedResource>>()["Import_LinksMembersOnly"].Value, error.Reason);
        Assert.Empty(await LinksAsync(submissionId));
    }

    private async Task<List<string>> LinksAsync(int submissionId)
    {
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId && e.Kind == EvidenceKind.Link)
            .Join(db.Indicators, e => e.IndicatorId, i => i.Id, (e, i) => i.Code + " " + e.Url)
            .ToListAsync();
    }

    private async Task<int> IndicatorIdAsync(string code)
    {
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var periodId = await OpenPeriodAsync();
        var versionId = await db.Periods.Where(p => p.Id == periodId).Select(p => p.StrategyVersionId).SingleAsync();
        return await db.Indicators.Where(i => i.Code == code && i.Practice.Pillar.StrategyVersionId == versionId).Select(i => i.Id).SingleAsync();
    }

    private static int RowOf(IXLWorksheet sheet, string code) =>
        sheet.RowsUsed().Skip(1).First(r => r.Cell(AnswerWorkbook.Code).GetString() == code).RowNumber();

    private async Task<ImportResult> ImportBytesAsync(string email, byte[] xlsx) =>
        await Import.ImportAsync(await app.ActorAsync(email), await MohAsync(), await OpenPeriodAsync(), new MemoryStream(xlsx), None);

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
