using Bunit;
using MudBlazor;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Webhooks;
using StrategyGov.Web.Tests.Components;

namespace StrategyGov.Web.Tests.Webhooks;

/// <summary>The webhooks page over the real service: a director subscribes, sees the secret once and pings a receiver.</summary>
public sealed class WebhooksPageTests(WebhookApp app) : IClassFixture<WebhookApp>, IAsyncLifetime
{
    private readonly AppComponentContext _ui = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task WebhooksPage_SubscribeAndPing_ShowsTheSecretOnceAndTheResponseCode()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = System.Net.HttpStatusCode.Accepted;
        await app.Service<WebhookService>().SetAllowedHostsAsync(await app.ActorAsync(DemoUsers.Admin), "127.0.0.1", CancellationToken.None);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var cut = _ui.Render<WebhooksPage>(p => p.AddCascadingValue(director));
        cut.WaitForElement("[data-testid=webhook-create]");

        await cut.InvokeAsync(() => AppComponentContext.Input<MudTextField<string>>(cut, "webhook-name").Instance.ValueChanged.InvokeAsync("نظام المتابعة"));
        await cut.InvokeAsync(() => AppComponentContext.Input<MudTextField<string>>(cut, "webhook-url").Instance.ValueChanged.InvokeAsync(receiver.Url));
        await cut.Find("[data-testid=webhook-create]").ClickAsync(new());
        var secret = cut.WaitForElement("[data-testid=webhook-secret-value]").TextContent;
        var hook = Assert.Single(await app.Service<WebhookService>().ListAsync(director, CancellationToken.None));
        await cut.Find($"[data-testid=webhook-ping-{hook.Id}]").ClickAsync(new());

        Assert.StartsWith(WebhookSecrets.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal("202", cut.WaitForElement("[data-testid=webhook-delivery-code]").TextContent);
        Assert.Equal(WebhookEvents.Ping, Assert.Single(receiver.Requests).Headers["X-StrategyGov-Event"]);
        Assert.Empty(cut.FindAll("[data-testid=webhook-error]"));
    }

    [Fact]
    public async Task WebhooksPage_RotateAndEdit_ShowsTheNewSecretWithTheOverlap_AndSavesTheNewUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var service = app.Service<WebhookService>();
        await service.SetAllowedHostsAsync(admin, "127.0.0.1", CancellationToken.None);
        var created = await service.CreateAsync(admin, null, "منصة المركز", receiver.Url, [WebhookEvents.PeriodPublished], CancellationToken.None);
        var cut = _ui.Render<WebhooksPage>(p => p.AddCascadingValue(admin));
        cut.WaitForElement($"[data-testid=webhook-rotate-{created.Row.Id}]");

        await cut.Find($"[data-testid=webhook-rotate-{created.Row.Id}]").ClickAsync(new());
        var secret = cut.WaitForElement("[data-testid=webhook-secret-value]").TextContent;
        var overlap = cut.WaitForElement($"[data-testid=webhook-overlap-{created.Row.Id}]").TextContent;
        await cut.Find($"[data-testid=webhook-edit-{created.Row.Id}]").ClickAsync(new());
        var title = cut.Find("[data-testid=webhook-form-title]").TextContent;
        await cut.InvokeAsync(() => AppComponentContext.Input<MudTextField<string>>(cut, "webhook-url").Instance.ValueChanged.InvokeAsync(receiver.Url + "/v2"));
        await cut.Find("[data-testid=webhook-save]").ClickAsync(new());

        Assert.StartsWith(WebhookSecrets.Prefix, secret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, secret);
        Assert.Contains("The previous secret also signs until", overlap, StringComparison.Ordinal);
        Assert.Contains("منصة المركز", title, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=webhook-error]"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=webhook-save]")));
        var row = (await service.ListAsync(admin, CancellationToken.None)).Single(r => r.Id == created.Row.Id);
        Assert.Equal((receiver.Url + "/v2", "منصة المركز"), (row.Url, row.Name));
        Assert.Equal([WebhookEvents.PeriodPublished], row.Events);
    }
}
