using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Excel;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The Ministry of Health's media director downloads the Arabic answer template from "Reports and
/// data", fills every row in Excel, and uploads it: the page confirms the count, the draft holds every
/// answer (those already there changed, the others added), each one is in the audit trail under her
/// name, and the center's admin finds the chain intact.
/// </summary>
public sealed class AnswerImportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Director_UploadsFilledTemplate_DraftHoldsEveryAnswerAndTrailRecordsThem() =>
        browser.RunAsync(nameof(Director_UploadsFilledTemplate_DraftHoldsEveryAnswerAndTrailRecordsThem), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var submissionId = await MohOpenSubmissionAsync();
        var answeredBefore = await AnswersAsync(submissionId);
        var eventsBefore = await LastSequenceAsync();

        var page = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await browser.GotoAsync(page, "/downloads");
        var period = page.GetByTestId("period-2026-Q4");
        var download = await BrowserFixture.DownloadAsync(page, () => period.GetByTestId("template-ar").ClickAsync());
        var file = Path.Combine(browser.App.Folder, "template-moh-ar.xlsx");
        await download.SaveAsAsync(file);
        var (filled, rows) = FillEveryRow(file);
        Assert.True(filled > answeredBefore, $"the template has {filled} rows to fill, the draft {answeredBefore} answers: some must be new");

        await period.GetByTestId("import-file").SetInputFilesAsync(file);
        await Assertions.Expect(period.GetByTestId("import-result")).ToContainTextAsync($"تم استيراد {rows} إجابة", new() { Timeout = 60_000 });
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "answer-import-ar.png"), FullPage = true });

        Assert.Equal(rows, await AnswersAsync(submissionId));
        var director = await browser.App.ActorAsync(DemoUsers.DirectorMoh);
        await using (var db = await DbAsync())
        {
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == "Answer" && e.Sequence > eventsBefore)
                .ToListAsync();
            Assert.Equal(rows - answeredBefore, events.Count(e => e.Action == AuditAction.Created));
            Assert.All(events, e => Assert.Equal(director.Name, e.ActorName));
        }

        // Her institution's trail opens with her imported answers.
        await browser.GotoAsync(page, "/audit");
        var trail = page.GetByTestId("audit-table");
        await Assertions.Expect(trail.Locator("tbody tr").First).ToContainTextAsync(director.Name);
        await Assertions.Expect(trail.Locator("tbody tr").First).ToContainTextAsync("إجابة");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "answer-import-trail-ar.png"), FullPage = true });

        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await browser.GotoAsync(admin, "/audit");
        await admin.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("audit-intact")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Every row of the downloaded file filled in (computed rows keep the value the records give) and given a
    /// comment, which computed rows accept too; returns the rows filled and all rows (each one imported).
    /// </summary>
    private static (int Filled, int Rows) FillEveryRow(string file)
    {
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet(1);
        var filled = AnswerTemplates.FillEveryRow(sheet);
        var rows = sheet.LastRowUsed()!.RowNumber() - 1;
        sheet.Range(2, AnswerWorkbook.Comment, rows + 1, AnswerWorkbook.Comment).Value = "استيراد من ملف إكسل";
        workbook.Save();
        return (filled, rows);
    }

    private Task<StrategyGovDbContext> DbAsync() =>
        browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();

    private async Task<int> MohOpenSubmissionAsync()
    {
        await using var db = await DbAsync();
        return await db.Submissions.Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4").Select(s => s.Id).SingleAsync();
    }

    private async Task<int> AnswersAsync(int submissionId)
    {
        await using var db = await DbAsync();
        return await db.Answers.CountAsync(a => a.SubmissionId == submissionId);
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var db = await DbAsync();
        return await db.AuditEvents.MaxAsync(e => e.Sequence);
    }
}
