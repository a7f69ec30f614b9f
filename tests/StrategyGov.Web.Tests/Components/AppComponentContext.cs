using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using StrategyGov.Testing;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// A bUnit context whose components get the app's own services, as one circuit would: the feature
/// services over the factory's migrated and seeded SQLite database, the localizer, the options. Only
/// what bUnit must own (renderer, navigation, JS) and MudBlazor's services are bUnit's.
/// </summary>
public sealed class AppComponentContext : BunitContext
{
    private readonly AsyncServiceScope _circuit;

    public AppComponentContext(StrategyGovAppFactory app)
    {
        _circuit = app.Services.CreateAsyncScope();
        Services.AddMudServices();
        Services.AddFallbackServiceProvider(_circuit.ServiceProvider);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        // bUnit waits 1 s by default; a save on a busy two-core runner can take longer.
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
    }

    public IStringLocalizer<SharedResource> L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The MudBlazor input of type <typeparamref name="TInput"/> carrying the given data-testid.</summary>
    public static IRenderedComponent<TInput> Input<TInput>(IRenderedComponent<IComponent> host, string testId)
        where TInput : MudComponentBase =>
        host.FindComponents<TInput>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _circuit.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _circuit.Dispose();
        }
    }
}
