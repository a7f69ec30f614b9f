using Microsoft.Playwright;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Submissions;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Several evidence files at once in Chromium (issue 25): the director picks a zip and a file, sees
/// each matched to its indicator (or why not) before anything is attached, confirms, and the answers
/// show their new evidence.
/// </summary>
public sealed class EvidenceBatchUploadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Batch_ZipAndFile_PreviewedThenAttachedToTheirIndicators() =>
        browser.RunAsync(nameof(Batch_ZipAndFile_PreviewedThenAttachedToTheirIndicators), BatchAsync);

    private async Task BatchAsync()
    {
        var actor = await browser.App.ActorAsync(DemoUsers.DirectorMoh);
        var submissionId = (await browser.App.Service<SubmissionService>().ListOwnAsync(actor, CancellationToken.None)).Single(s => s.PeriodCode == "2026-Q4").Id;
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await browser.GotoAsync(director, $"/submissions/{submissionId}");

        var panel = director.GetByTestId("evidence-batch");
        await panel.Locator("input[type=file]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "الشواهد.zip", MimeType = "application/zip", Buffer = Journeys.Zip(("P1.1.1 الهيكل التنظيمي.pdf", Journeys.Pdf("chart")), ("بلا رمز.pdf", Journeys.Pdf("none"))) },
            new FilePayload { Name = "P1.1.3 المصفوفة.pdf", MimeType = "application/pdf", Buffer = Journeys.Pdf("raci") },
        });

        var rows = panel.GetByTestId("batch-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(panel.Locator("[data-status=NoIndicator]")).ToContainTextAsync("بلا رمز.pdf");
        await Assertions.Expect(panel.Locator("[data-status=Ready]")).ToHaveCountAsync(2);
        await Assertions.Expect(director.GetByTestId("answer-P1.1.1").GetByTestId("evidence-download")).ToHaveCountAsync(0);

        await panel.GetByTestId("evidence-batch-attach").ClickAsync();

        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(director.GetByTestId("answer-P1.1.1").GetByTestId("evidence-download")).ToHaveTextAsync("P1.1.1 الهيكل التنظيمي.pdf");
        await Assertions.Expect(director.GetByTestId("answer-P1.1.3").GetByTestId("evidence-download")).ToHaveTextAsync("P1.1.3 المصفوفة.pdf");
    }
}
