using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Shared;

/// <summary>
/// The base of components that call feature services (<c>@inherits FeatureComponent</c>): the UI strings,
/// a token cancelled when the component goes away, and one way to turn a service's refusal into the
/// sentence a user reads (ADR 0094).
/// </summary>
public abstract class FeatureComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    /// <summary>
    /// Cancelled when the component is disposed (the user left the page or closed the dialog): reads pass
    /// it so that a page nobody looks at stops querying. Blazor ignores the cancelled task it causes.
    /// </summary>
    protected CancellationToken Aborted => _disposed.Token;

    /// <summary>
    /// Runs a read. A record the actor may not see shows the not-found page (404 while prerendering);
    /// any other refusal comes back as the message to show, null when it worked.
    /// </summary>
    protected async Task<string?> LoadAsync(Func<CancellationToken, Task> load)
    {
        try
        {
            await load(Aborted);
            return null;
        }
        catch (NotFoundException)
        {
            Navigation.NotFound();
            return null;
        }
        catch (Exception e) when (UiMessages.IsExpected(e))
        {
            return UiMessages.Describe(e, L);
        }
    }

    /// <summary>
    /// Runs a change and returns null, or the message to show when a rule or the actor's access refused
    /// it. The change is not tied to <see cref="Aborted"/>: one the user started completes (or rolls back
    /// as a whole) even if they leave the page at that moment. The user's session is checked first: one
    /// that ended elsewhere (signed out, deactivated, expired) changes nothing and the page turns to the
    /// sign-in page, what was typed staying in the tab's drafts (ADR 0100).
    /// </summary>
    protected async Task<string?> ChangeAsync(Func<CancellationToken, Task> change)
    {
        try
        {
            if (Authentication is RevalidatingUserStateProvider session && !await session.EnsureCurrentAsync(CancellationToken.None))
            {
                return L["Session_Ended"];
            }

            await change(CancellationToken.None);
            return null;
        }
        catch (Exception e) when (UiMessages.IsExpected(e))
        {
            return UiMessages.Describe(e, L);
        }
    }

    /// <summary>
    /// Imports an uploaded workbook as a change: the upload is read into memory first (ClosedXML needs a
    /// seekable stream; the browser's is not one). Returns null, the service's refusal as a message, or
    /// Fw_ImportTooLarge when the file is larger than <paramref name="maxBytes"/>.
    /// </summary>
    protected async Task<string?> ImportUploadAsync(IBrowserFile file, long maxBytes, Func<Stream, CancellationToken, Task> import)
    {
        try
        {
            return await ChangeAsync(async ct =>
            {
                await using var upload = file.OpenReadStream(maxBytes);
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                await import(buffer, ct);
            });
        }
        catch (IOException)
        {
            return L["Fw_ImportTooLarge"];
        }
    }

    public void Dispose()
    {
        // Cancelled, not disposed: a read that starts after this (the reload that follows a change the user
        // walked away from) must find a cancelled token, and CancellationTokenSource.Token throws
        // ObjectDisposedException once the source is disposed, which Blazor treats as fatal for the circuit.
        // A source with no timer holds nothing that needs releasing.
        _disposed.Cancel();
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived component holds (timers, subscriptions).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
