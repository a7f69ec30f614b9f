using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 6 in Chromium: the administrator opens the score revisions of the published period from the
/// periods page, gives a reason, confirms, and sees the new revision in use; an official sees the same
/// history without the re-computation.
/// </summary>
public sealed class ScoreRevisionsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Revisions_AdminRecomputesWithReason_NewRevisionInUse() =>
        browser.RunAsync(nameof(Revisions_AdminRecomputesWithReason_NewRevisionInUse), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await browser.GotoAsync(admin, "/periods");
        await admin.GetByTestId("revisions-2026-Q3").ClickAsync();
        await admin.WaitForURLAsync("**/periods/*/revisions");
        await BrowserFixture.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("revision-1")).ToBeVisibleAsync();

        // The button asks for a reason, then for a confirmation naming the revision it will create.
        await Assertions.Expect(admin.GetByTestId("revision-recompute")).ToBeDisabledAsync();
        await admin.GetByTestId("revision-reason").FillAsync("مراجعة سنوية للدرجات");
        await admin.GetByTestId("revision-recompute").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("revision-confirm")).ToContainTextAsync("2");
        await admin.GetByTestId("revision-confirm").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("revisions-message")).ToBeVisibleAsync();
        var newest = admin.GetByTestId("revision-2");
        await Assertions.Expect(newest).ToContainTextAsync("مراجعة سنوية للدرجات");
        await Assertions.Expect(newest).ToContainTextAsync("0");
        if (Environment.GetEnvironmentVariable("STRATEGYGOV_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "revisions-ar.png"), FullPage = true });
        }

        // An official reads the same history, without the re-computation.
        var official = await browser.SignInAsync(DemoUsers.Official);
        await browser.GotoAsync(official, admin.Url);
        await Assertions.Expect(official.GetByTestId("revision-2")).ToBeVisibleAsync();
        await Assertions.Expect(official.GetByTestId("revision-reason")).ToHaveCountAsync(0);
    }
}
