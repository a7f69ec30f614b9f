using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Localization;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The walking skeleton as its users do it, in Chromium: a media director answers and submits, a
/// center reviewer verifies and approves (the submission locks), both see the scores, and an official
/// downloads the Arabic PDF report whose text holds the institution's name and score.
/// </summary>
public sealed class WalkingSkeletonTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Slice_DirectorSubmits_ReviewerApproves_OfficialDownloadsArabicReport() =>
        browser.RunAsync(nameof(Slice_DirectorSubmits_ReviewerApproves_OfficialDownloadsArabicReport), SliceAsync);

    private async Task SliceAsync()
    {
        var (mohId, _, submissionId) = await MohOpenSubmissionAsync();
        await AttachRequiredEvidenceAsync(submissionId);

        // 1. The director answers every indicator (one of them N/A with a justification) and submits.
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await Assertions.Expect(director.GetByTestId("institution-name")).ToHaveTextAsync("وزارة الصحة");
        await director.GetByTestId("open-submission-2026-Q4").ClickAsync();
        await director.WaitForURLAsync($"**/submissions/{submissionId}");
        await BrowserFixture.WaitInteractiveAsync(director);

        // The form shows one pillar at a time: the first from the row of pillars, the others by "next pillar".
        var pillars = director.GetByTestId("pillar-nav").Locator("button");
        await pillars.First.WaitForAsync();
        var pillarCount = await pillars.CountAsync();
        Assert.True(pillarCount >= 5, $"expected the framework's pillars, found {pillarCount}");
        await pillars.First.ClickAsync();
        var count = 0;
        var typed = 0;
        for (var p = 0; p < pillarCount; p++)
        {
            if (p > 0)
            {
                await director.GetByTestId("pillar-next").ClickAsync();
            }

            await Assertions.Expect(pillars.Nth(p)).ToHaveAttributeAsync("aria-current", "step");
            var answers = director.Locator("[data-testid^='answer-']");
            await answers.First.WaitForAsync();
            var inPillar = await answers.CountAsync();
            count += inPillar;
            for (var i = 0; i < inPillar; i++)
            {
                // Computed answers come from the records, already filled when the form opened.
                var answer = answers.Nth(i);
                if (await answer.Locator("[data-testid^='computed-']").CountAsync() == 0)
                {
                    await AnswerAsync(answer, notApplicable: typed++ == 3);
                }
            }

            await Assertions.Expect(pillars.Nth(p)).ToHaveAttributeAsync("data-complete", "true");
        }

        Assert.True(count >= 40, $"expected the full framework, found {count} indicators");
        await Assertions.Expect(director.GetByTestId("pillar-next")).ToHaveCountAsync(0);
        await Assertions.Expect(director.GetByTestId("progress")).ToContainTextAsync($"{count} / {count}");
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.Locator("[data-status=Submitted]").First).ToBeVisibleAsync();
        await Assertions.Expect(director.GetByTestId("read-only")).ToBeVisibleAsync();

        // 2. The reviewer finds it in the queue, adjusts one answer, accepts the rest and approves.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, "/review");
        await reviewer.GetByTestId("review-MOH").ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/{submissionId}");
        await BrowserFixture.WaitInteractiveAsync(reviewer);
        await reviewer.GetByTestId("approve").WaitForAsync();

        var adjusted = reviewer.Locator("[data-testid^='decision-']").Filter(new() { Has = reviewer.GetByTestId("verified-value") }).First;
        await adjusted.GetByTestId("verified-value").FillAsync("0");
        await adjusted.GetByTestId("review-comment").FillAsync("الشواهد لا تدعم القيمة المبلغ عنها");
        await adjusted.GetByTestId("adjust").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-decision=Adjusted]")).ToHaveCountAsync(1);

        await reviewer.GetByTestId("accept-remaining").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("decided")).ToContainTextAsync($"{count} / {count}");
        await reviewer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status=Approved]").First).ToBeVisibleAsync();

        // 3. Locked: the director's form is read-only now (the server refuses edits too — service tests).
        await browser.GotoAsync(director, $"/submissions/{submissionId}");
        await Assertions.Expect(director.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(director.GetByTestId("submit")).ToHaveCountAsync(0);

        // Both sides see the verified score: below 100 because of the adjustment.
        await browser.GotoAsync(director, "/");
        var directorScore = await director.GetByTestId("score-verified").InnerTextAsync();
        Assert.Matches(new Regex(@"^\d{1,2}\.\d$"), directorScore);

        await browser.GotoAsync(reviewer, "/");
        await Assertions.Expect(reviewer.GetByTestId("verified-MOH")).ToHaveTextAsync(directorScore);

        // 4. The official downloads the Arabic measurement report from the dashboard.
        var official = await browser.SignInAsync(DemoUsers.Official);
        await reviewer.Context.CloseAsync();
        await official.GetByTestId("scoreboard").WaitForAsync();
        var download = await BrowserFixture.DownloadAsync(official, () => official.GetByTestId($"pdf-ar-{mohId}").ClickAsync());
        var pdf = Path.Combine(browser.App.Folder, "moh-ar.pdf");
        await download.SaveAsAsync(pdf);

        var text = Bidi.Strip(await PdfTools.TextAsync(await File.ReadAllBytesAsync(pdf)));
        Assert.Contains("وزارة الصحة", text, StringComparison.Ordinal);
        Assert.Contains("تقرير قياس الالتزام", text, StringComparison.Ordinal);
        Assert.Contains(directorScore, text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"صفحة\s*1\s*من\s*\d+"), text);
        Assert.Contains("2026-Q4", text, StringComparison.Ordinal);
    }

    // Fills one indicator the way its type asks for, then waits for the autosave.
    private static async Task AnswerAsync(ILocator answer, bool notApplicable)
    {
        if (notApplicable)
        {
            await answer.GetByTestId("not-applicable").CheckAsync();
            await answer.GetByTestId("justification").FillAsync("لم تقع حوادث تستدعي ذلك خلال الفترة");
        }
        else if (await answer.GetByTestId("yes").CountAsync() > 0)
        {
            await answer.GetByTestId("yes").CheckAsync();
        }
        else if (await answer.GetByTestId("level-3").CountAsync() > 0)
        {
            await answer.GetByTestId("level-3").CheckAsync();
        }
        else
        {
            await answer.GetByTestId("value").FillAsync("50");
        }

        await Assertions.Expect(answer).ToHaveAttributeAsync("data-answered", "true");
        await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
    }

    // Evidence links are attached beforehand: uploads are exercised in ReportingLoopTests.
    private async Task AttachRequiredEvidenceAsync(int submissionId)
    {
        var director = await browser.App.ActorAsync(DemoUsers.DirectorMoh);
        var tree = await browser.App.Service<SubmissionService>().GetAsync(director, submissionId, CancellationToken.None);
        foreach (var item in tree.Items)
        {
            await EvidenceLinks.AttachRequiredAsync(browser.App.Service<EvidenceService>(), director, submissionId, item);
        }
    }

    private async Task<(int InstitutionId, int PeriodId, int SubmissionId)> MohOpenSubmissionAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4")
            .Select(s => ValueTuple.Create(s.InstitutionId, s.PeriodId, s.Id))
            .SingleAsync();
    }
}
