using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Submissions;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The bell and the audit trail in Chromium: a director sees the unread count, reads the notification
/// (the count drops at once), finds her own change in her institution's trail, and the center's admin
/// verifies the chain.
/// </summary>
public sealed class AuditAndNotificationsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Bell_DirectorReadsNotification_AndFindsHerChangeInTheTrail() =>
        browser.RunAsync(nameof(Bell_DirectorReadsNotification_AndFindsHerChangeInTheTrail), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var (periodId, submissionId) = await MohOpenSubmissionAsync();
        await browser.App.Service<NotificationService>().PeriodOpenedAsync(periodId, CancellationToken.None);
        var director = await browser.App.ActorAsync(DemoUsers.DirectorMoh);
        var submissions = browser.App.Service<SubmissionService>();
        var yesNo = (await submissions.GetAsync(director, submissionId, CancellationToken.None)).Items.First(i => i.Type == MeasurementType.YesNo);
        await submissions.SaveAnswerAsync(director, submissionId, new AnswerChange(yesNo.IndicatorId, 1m, false, null, null, yesNo.Version), CancellationToken.None);

        var page = await browser.SignInAsync(DemoUsers.DirectorMoh);
        var bell = page.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "1");
        await bell.ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("notification").First).ToContainTextAsync("فُتحت فترة القياس");
        await page.GetByTestId("notification-read").First.ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        await browser.GotoAsync(page, "/audit");
        var trail = page.GetByTestId("audit-table");
        await Assertions.Expect(trail.Locator("tbody tr").First).ToContainTextAsync(director.Name);
        await Assertions.Expect(trail.Locator("tbody tr").First).ToContainTextAsync("إجابة");
        await Assertions.Expect(page.GetByTestId("audit-verify")).ToHaveCountAsync(0);

        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await browser.GotoAsync(admin, "/audit");
        await admin.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("audit-intact")).ToBeVisibleAsync();
    }

    private async Task<(int PeriodId, int SubmissionId)> MohOpenSubmissionAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4")
            .Select(s => ValueTuple.Create(s.PeriodId, s.Id))
            .SingleAsync();
    }
}
