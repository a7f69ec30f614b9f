using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The answer form holds one pillar at a time (issue 22: a circuit keeps only the editors on screen): the pillars
/// are steps above it, a refusal's gap link opens its pillar in place and brings the indicator into view, and the
/// controls to add evidence appear where an answer claims something, or after "Add evidence".
/// </summary>
public sealed class SubmissionFormTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Form_ShowsOnePillar_AndAGapLinkOpensItsPillarInPlace() =>
        browser.RunAsync(nameof(Form_ShowsOnePillar_AndAGapLinkOpensItsPillarInPlace), async () =>
        {
            var submissionId = await MohOpenSubmissionAsync();
            var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
            await browser.GotoAsync(director, $"/submissions/{submissionId}");

            // The first pillar only: its own indicators and none of another's.
            await Assertions.Expect(director.GetByTestId("pillar-P1")).ToHaveAttributeAsync("aria-current", "step");
            await Assertions.Expect(director.GetByTestId("answer-P1.1.1")).ToBeVisibleAsync();
            await Assertions.Expect(director.Locator("[data-testid^='answer-P5.']")).ToHaveCountAsync(0);
            var onScreen = await director.Locator("[data-testid^='answer-']").CountAsync();
            Assert.InRange(onScreen, 1, 10);

            // Submitting too early: the gaps grouped by pillar; a gap of the fifth pillar opens it where the user is.
            await director.GetByTestId("submit").ClickAsync();
            var gaps = director.GetByTestId("gaps-P5");
            await Assertions.Expect(gaps).ToBeVisibleAsync();
            var link = gaps.Locator("a").First;
            var code = (await link.GetAttributeAsync("data-testid"))!["gap-".Length..];
            await link.ClickAsync();
            await Assertions.Expect(director.GetByTestId("pillar-P5")).ToHaveAttributeAsync("aria-current", "step");
            await Assertions.Expect(director.GetByTestId($"answer-{code}")).ToBeInViewportAsync();
            await Assertions.Expect(director.GetByTestId("answer-P1.1.1")).ToHaveCountAsync(0);
            Assert.EndsWith($"/submissions/{submissionId}", director.Url, StringComparison.Ordinal);

            // Next pillar, and back: an answer saved on a pillar is what its editor shows when the pillar comes back.
            await director.GetByTestId("pillar-P1").ClickAsync();
            var answer = director.GetByTestId("answer-P1.1.1");
            await answer.GetByTestId("no").CheckAsync();
            await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
            await director.GetByTestId("pillar-next").ClickAsync();
            await Assertions.Expect(director.GetByTestId("pillar-P2")).ToHaveAttributeAsync("aria-current", "step");
            await director.GetByTestId("pillar-previous").ClickAsync();
            await Assertions.Expect(director.GetByTestId("answer-P1.1.1").GetByTestId("no")).ToBeCheckedAsync();

            // "No" claims nothing: no upload control until asked for; "Yes" claims, and the controls appear.
            answer = director.GetByTestId("answer-P1.1.1");
            await Assertions.Expect(answer.Locator("input[type=file]")).ToHaveCountAsync(0);
            await answer.GetByTestId("evidence-add").ClickAsync();
            await Assertions.Expect(answer.GetByTestId("evidence-link")).ToBeVisibleAsync();
            var other = director.GetByTestId("answer-P1.1.3");
            await Assertions.Expect(other.Locator("input[type=file]")).ToHaveCountAsync(0);
            await other.GetByTestId("yes").CheckAsync();
            await Assertions.Expect(other.GetByTestId("evidence-link")).ToBeVisibleAsync();
        });

    private async Task<int> MohOpenSubmissionAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4")
            .Select(s => s.Id)
            .SingleAsync();
    }
}
