using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// Whether a signed-in session may still act (ADR 0095): its user exists, is not deactivated, and its
/// security stamp is still the user's. Signing out, a deactivation, a forced reset, a new password or a
/// change of roles gives the user a new stamp, so every cookie and open page issued before stops working.
/// Checked on every HTTP request that carries the cookie, and by every open page at a short interval.
/// </summary>
public sealed class UserSessions(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>When the cookie the session came in with expires (unix seconds), for open pages that outlive it.</summary>
    public const string ExpiresClaim = "sg:session_expires";

    /// <summary>One indexed read by primary key: the stamp and the deactivation.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt })
            .SingleOrDefaultAsync(ct);
        return user is not null && user.DeactivatedAt is null && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Records a sign-in. Outside the change tracker on purpose: a sign-in is not a change to audit.</summary>
    public async Task RecordSignInAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now), ct);
    }

    /// <summary>
    /// The application cookie's <c>OnValidatePrincipal</c>, in place of Identity's interval-based stamp check:
    /// every request with the cookie is checked (interval zero, one query), and a stale one is rejected and
    /// deleted. The cookie's expiry goes into the principal, so that the page it opens knows when to stop.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!await sessions.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (principal.Identity is ClaimsIdentity identity && ExpiryOf(context) is { } expires)
        {
            foreach (var old in identity.FindAll(ExpiresClaim).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(ExpiresClaim, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The expiry the cookie will have after this request (a sliding cookie past half its life is renewed).</summary>
    private static DateTimeOffset? ExpiryOf(CookieValidatePrincipalContext context)
    {
        var (issued, expires) = (context.Properties.IssuedUtc, context.Properties.ExpiresUtc);
        if (issued is null || expires is null || !context.Options.SlidingExpiration)
        {
            return expires;
        }

        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        return now - issued > (expires - issued) / 2 ? now + context.Options.ExpireTimeSpan : expires;
    }
}

/// <summary>
/// An open page (Blazor circuit) sends no HTTP requests after it starts, so the cookie check never sees
/// it: this re-checks the session at <see cref="UsersOptions.CircuitRevalidationInterval"/>, and when the
/// user signed out elsewhere, was deactivated or the cookie expired, the page becomes anonymous and shows
/// the sign-in prompt instead of acting under the old identity.
/// </summary>
public sealed class RevalidatingUserStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<UsersOptions> _options;
    private readonly TimeProvider _clock;

    // The state the page runs under, as set when the circuit started and whenever it changed since.
    private Task<AuthenticationState>? _state;

    public RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<UsersOptions> options, TimeProvider clock)
        : base(loggerFactory)
    {
        _scopes = scopes;
        _options = options;
        _clock = clock;
        AuthenticationStateChanged += state => _state = state;
    }

    protected override TimeSpan RevalidationInterval => _options.Value.CircuitRevalidationInterval;

    /// <summary>
    /// Checks the session now, before a change is made on the page, so that nothing is saved under an
    /// identity that signed out between two periodic checks. A stale session makes the page anonymous at
    /// once (it then shows the sign-in page) and returns false; one query by primary key.
    /// </summary>
    public async Task<bool> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            return true;
        }

        var state = await _state;
        if (await ValidateAuthenticationStateAsync(state, cancellationToken))
        {
            return true;
        }

        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        return false;
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        if (long.TryParse(principal.FindFirstValue(UserSessions.ExpiresClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            && DateTimeOffset.FromUnixTimeSeconds(expires) <= _clock.GetUtcNow())
        {
            return false;
        }

        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserSessions>().IsCurrentAsync(principal, cancellationToken);
    }
}

/// <summary>A deactivated account cannot sign in (Identity asks this before it checks the password).</summary>
public sealed class StrategyGovSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => user.IsActive && await base.CanSignInAsync(user);
}
