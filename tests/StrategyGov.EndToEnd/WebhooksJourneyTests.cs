using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 26's webhooks in Chromium: the center allows a host, the director of MOH subscribes a receiver on
/// it, copies the secret shown once, sends a test ping and reads the response code in the delivery log.
/// </summary>
public sealed class WebhooksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Webhooks_CenterAllowsHost_DirectorSubscribesAndPings() =>
        browser.RunAsync(nameof(Webhooks_CenterAllowsHost_DirectorSubscribesAndPings), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await admin.GetByTestId("nav-webhooks").ClickAsync();
        await admin.WaitForURLAsync("**/webhooks");
        await BrowserFixture.WaitInteractiveAsync(admin);
        await admin.GetByTestId("webhook-hosts").FillAsync("127.0.0.1");
        await admin.GetByTestId("webhook-hosts-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("webhook-error")).ToHaveCountAsync(0);

        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await director.GetByTestId("nav-webhooks").ClickAsync();
        await director.WaitForURLAsync("**/webhooks");
        await BrowserFixture.WaitInteractiveAsync(director);
        await Assertions.Expect(director.GetByText("127.0.0.1")).ToBeVisibleAsync();
        await director.GetByTestId("webhook-name").FillAsync("نظام المتابعة في الوزارة");
        await director.GetByTestId("webhook-url").FillAsync(receiver.Url);
        await director.GetByTestId("webhook-create").ClickAsync();

        await Assertions.Expect(director.GetByTestId("webhook-secret-value")).ToContainTextAsync("whsec_");
        var row = director.Locator("[data-testid=webhook-list] tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("نظام المتابعة في الوزارة");
        await row.Locator("[data-testid^=webhook-ping-]").ClickAsync();

        await Assertions.Expect(director.GetByTestId("webhook-delivery-code")).ToHaveTextAsync("200");
        Assert.Single(receiver.Requests);
        await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webhooks-page.png"), FullPage = true });
    }
}
