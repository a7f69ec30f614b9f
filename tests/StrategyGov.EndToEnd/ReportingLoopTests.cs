using Microsoft.Playwright;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Submissions;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The full reporting loop in Chromium, including a return for revision: the director answers,
/// uploads evidence and submits; the reviewer rejects one answer and returns the submission; the
/// director sees exactly that answer questioned, fixes it and re-submits; the reviewer sees what
/// changed and approves.
/// </summary>
public sealed class ReportingLoopTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Questioned = "P1.3.2";

    [Fact]
    public Task Loop_ReturnedForRevision_FixedResubmittedAndApproved() =>
        browser.RunAsync(nameof(Loop_ReturnedForRevision_FixedResubmittedAndApproved), LoopAsync);

    private async Task LoopAsync()
    {
        // Arrange: every answer but one is already drafted with its evidence (as the answer form would).
        var submissionId = await DraftAllButOneAsync();

        // 1. The director answers the last indicator, uploads its evidence and submits.
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await browser.GotoAsync(director, $"/submissions/{submissionId}");
        var answer = director.GetByTestId($"answer-{Questioned}");
        await answer.GetByTestId("value").FillAsync("50");
        await Assertions.Expect(answer).ToHaveAttributeAsync("data-answered", "true");
        await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
        await answer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "تقرير التغطية.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n% coverage report\n"u8.ToArray(),
        });
        await Assertions.Expect(answer.GetByTestId("evidence-download")).ToHaveTextAsync("تقرير التغطية.pdf");
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.Locator("[data-status=Submitted]").First).ToBeVisibleAsync();

        // 2. The reviewer rejects that answer and returns the submission with a message.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, $"/review/{submissionId}");
        var decision = reviewer.GetByTestId($"decision-{Questioned}");
        await decision.GetByTestId("review-comment").FillAsync("النسبة لا تطابق التقرير المرفق");
        await decision.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId($"decision-{Questioned}")).ToHaveAttributeAsync("data-decision", "Rejected");
        await reviewer.GetByTestId("accept-remaining").ClickAsync();
        await reviewer.GetByTestId("return").ClickAsync();
        await reviewer.GetByTestId("return-message-input").FillAsync("راجعوا نسبة التغطية");
        await reviewer.GetByTestId("confirm-return").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status=Returned]").First).ToBeVisibleAsync();

        // 3. The director sees exactly which answer was questioned, fixes it and re-submits.
        await browser.GotoAsync(director, $"/submissions/{submissionId}");
        await Assertions.Expect(director.GetByTestId("return-message")).ToContainTextAsync("راجعوا نسبة التغطية");
        await Assertions.Expect(director.GetByTestId("questioned-summary")).ToBeVisibleAsync();
        await director.GetByTestId("questioned-only").CheckAsync();
        await Assertions.Expect(director.Locator("[data-testid^='answer-']")).ToHaveCountAsync(1);
        answer = director.GetByTestId($"answer-{Questioned}");
        await Assertions.Expect(answer).ToHaveAttributeAsync("data-questioned", "true");
        await Assertions.Expect(answer).ToContainTextAsync("النسبة لا تطابق التقرير المرفق");
        await answer.GetByTestId("value").FillAsync("90");
        await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.Locator("[data-status=Submitted]").First).ToBeVisibleAsync();

        // 4. The reviewer sees what changed (50 → 90), accepts it and approves: the submission locks.
        await browser.GotoAsync(reviewer, "/review");
        await Assertions.Expect(reviewer.GetByTestId("resubmitted-MOH")).ToBeVisibleAsync();
        await browser.GotoAsync(reviewer, $"/review/{submissionId}");
        await Assertions.Expect(reviewer.GetByTestId("resubmission-summary")).ToBeVisibleAsync();
        decision = reviewer.GetByTestId($"decision-{Questioned}");
        var change = decision.GetByTestId("value-change");
        await Assertions.Expect(change).ToContainTextAsync("50");
        await Assertions.Expect(change).ToContainTextAsync("90");
        await decision.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId($"decision-{Questioned}")).ToHaveAttributeAsync("data-decision", "Accepted");
        await reviewer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status=Approved]").First).ToBeVisibleAsync();

        await browser.GotoAsync(director, $"/submissions/{submissionId}");
        await Assertions.Expect(director.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(director.GetByTestId("submit")).ToHaveCountAsync(0);
    }

    private async Task<int> DraftAllButOneAsync()
    {
        var director = await browser.App.ActorAsync(DemoUsers.DirectorMoh);
        var submissions = browser.App.Service<SubmissionService>();
        var evidence = browser.App.Service<EvidenceService>();
        var submissionId = (await submissions.ListOwnAsync(director, CancellationToken.None)).Single(s => s.PeriodCode == "2026-Q4").Id;
        var tree = await submissions.GetAsync(director, submissionId, CancellationToken.None);
        foreach (var item in tree.Items.Where(i => i.Code != Questioned && !i.IsComputed))
        {
            var best = item.Type switch
            {
                MeasurementType.YesNo => 1m,
                MeasurementType.Percentage => 100m,
                MeasurementType.Maturity => item.MaturityLevels,
                _ => item.Target!.Value,
            };
            await submissions.SaveAnswerAsync(director, submissionId, new AnswerChange(item.IndicatorId, best, false, null, null, item.Version), CancellationToken.None);
            await EvidenceLinks.AttachRequiredAsync(evidence, director, submissionId, item);
        }

        return submissionId;
    }
}
